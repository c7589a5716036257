"""Text messages go out through a background task and a small gateway interface.

The gateway is outside the project, so it sits behind ``SmsBackend``. ``OutboxBackend`` is the real
local implementation: it keeps each message in the ``TextMessage`` table. A deployment names its own
backend in ``LW_SMS_BACKEND``. Every text ends with the crisis numbers, as every email does.
"""

import uuid
from collections.abc import Mapping
from typing import Protocol

from django.conf import settings
from django.tasks import TaskResult
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

from livingwell.core.models import TextMessage


class SmsBackend(Protocol):
    def send(self, *, to: str, body: str) -> None: ...


class OutboxBackend:
    """Keeps messages in the database instead of sending them."""

    def send(self, *, to: str, body: str) -> None:
        TextMessage.objects.create(to=to, body=body)


def sms_backend() -> SmsBackend:
    backend: SmsBackend = import_string(settings.LW_SMS_BACKEND)()
    return backend


def text_enqueue(*, to: str, template_name: str, context: Mapping[str, object], key: str = "") -> TaskResult:
    """Render a short text with the crisis numbers appended, and queue it for the worker (at most once to
    ``to`` for each ``key``, a fresh one by default)."""
    from livingwell.core.tasks import text_send

    body = render_to_string(template_name, dict(context)).strip()
    crisis = render_to_string("core/includes/crisis.sms").strip()
    return text_send.enqueue(to=to, body=f"{body}\n{crisis}", key=key or uuid.uuid4().hex)
