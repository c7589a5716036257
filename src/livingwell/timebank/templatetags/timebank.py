from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours(minutes: int | None) -> str:
    """Minutes as plain hours and minutes: "1 hour 30 minutes", "45 minutes", "0 hours"."""
    if not minutes:
        return ngettext("%(count)d hour", "%(count)d hours", 0) % {"count": 0}
    whole, rest = divmod(abs(minutes), 60)
    parts = []
    if whole:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", whole) % {"count": whole})
    if rest:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)
