"""Email goes out through a background task, never inside a request.

Every email ends with the crisis routes, from the same partial the pages use.
"""

import uuid
from collections.abc import Mapping

from django.tasks import TaskResult
from django.template.loader import render_to_string

from livingwell.core.tasks import email_send


def email_enqueue(
    *,
    to: str,
    subject: str,
    template_name: str,
    context: Mapping[str, object],
    key: str = "",
    urgent: bool = False,
    label: str = "",
) -> TaskResult:
    """Render a plain-text email with the crisis routes appended, and queue it for the worker.

    ``key`` names the message, so that it reaches ``to`` at most once however often it is queued (a fresh
    one by default); ``urgent`` and ``label`` (a reference, never personal details) show it on the duty
    queue if it cannot be sent.
    """
    body = render_to_string(template_name, dict(context))
    crisis = render_to_string("core/includes/crisis.txt")
    return email_send.enqueue(
        to=[to],
        subject=subject,
        body=f"{body.strip()}\n\n{crisis.strip()}\n",
        key=key or uuid.uuid4().hex,
        urgent=urgent,
        label=label,
    )
