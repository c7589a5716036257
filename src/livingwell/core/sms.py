"""Text messages go out through the worker (``core.outbox``) and a small gateway interface.

The gateway is outside the project, so it sits behind ``SmsBackend``. ``OutboxBackend`` is the real
local implementation: it keeps each message in the ``TextMessage`` table. A deployment names its own
backend in ``LW_SMS_BACKEND``. Every text ends with the crisis numbers, as every email does.
"""

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from livingwell.core.models import TextMessage


class SmsBackend(Protocol):
    def send(self, *, to: str, body: str, reference: str = "") -> None: ...


class OutboxBackend:
    """Keeps messages in the database instead of sending them."""

    def send(self, *, to: str, body: str, reference: str = "") -> None:
        TextMessage.objects.create(to=to, body=body)


def sms_backend() -> SmsBackend:
    backend: SmsBackend = import_string(settings.LW_SMS_BACKEND)()
    return backend
