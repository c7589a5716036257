import datetime

from django import template

from livingwell.frontdoor.waiting import wait_in_words

register = template.Library()


@register.filter
def wait_words(wait: datetime.timedelta | None) -> str:
    """A wait in words, like "2 days, 3 hours"; a dash when there is none."""
    return wait_in_words(wait) or "–"
