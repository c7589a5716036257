"""Signed links in the emails and texts voice sends: to answer a round or an audit, to a story, to the
experience survey. Signed as the message is sent, never stored: what a link carries (an invitation's key)
cannot be forged or changed, and is not personal."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import urlencode


def signed_link(url_name: str, value: str, *, salt: str) -> str:
    token = signing.dumps(value, salt=salt)
    return f"{settings.LW_SITE_URL}{reverse(url_name)}?{urlencode({'link': token})}"


def link_value(token: str, *, salt: str, max_age: datetime.timedelta) -> str | None:
    """What a link was signed for; None when it was forged, changed or is too old."""
    try:
        return str(signing.loads(token, salt=salt, max_age=max_age))
    except signing.BadSignature:
        return None
