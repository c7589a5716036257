"""The one kind of refusal every app's services raise.

A service refuses a change the rules do not allow (a meeting not yet on its day, an invitation without an
email address) by raising ``Refused`` (or a kind of it, such as ``support.invite.InviteRefused``) with why,
in words for the person making the change. A view catches it and shows those words, as the form's error or
a message; a refusal is never a 500, and nothing is half saved (services are atomic).
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest


class Refused(Exception):
    """Why a change cannot be made, in words for the person making it."""


def change_told(request: HttpRequest, change: Callable[[], str]) -> bool:
    """Make a change and tell the person what happened (the words ``change`` returns), or why it was refused.
    True when it was made."""
    try:
        done = change()
    except Refused as refused:
        messages.error(request, str(refused))
        return False
    messages.success(request, done)
    return True
