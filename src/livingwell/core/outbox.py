"""Email and text messages leave through the worker, and the queue holds ids only.

A message is built at the moment it is sent, by a *builder*: a function marked with ``@message_builder``
that takes ids (numbers, or short plain strings such as a UUID or the name of a kind of message) and
returns the ``Message`` to send now, or None when there is nothing to send any more (the address was
removed, the meeting cancelled). So a queued task, and the result kept after it ran, holds no address, no
name, no words and no live link: a link's token is made as its message is sent, and never stored.

Every message ends with the crisis routes, from the same partials the pages use. Sending is reliable
(``core.tasks``): once to each recipient for each ``key``, retried with back-off, and an urgent alert that
cannot be sent is shown on the duty queue. An email's Message-ID is made from its delivery key, so that the
same message sent again (after a failure that came once the server had it) is one message to its reader.
"""

import atexit
import contextlib
import copy
import datetime
import functools
import re
import smtplib
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import TaskContext, TaskResult, TaskResultStatus, task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from livingwell.core.languages import in_language, in_site_language
from livingwell.core.models import Parcel
from livingwell.core.notify import REFERENCE_HEADER, letter_send, notify_on
from livingwell.core.sealed import seal, unseal
from livingwell.core.sms import sms_backend
from livingwell.core.tasks import (
    URGENT_FALLBACK,
    URGENT_PRIORITY,
    URGENT_QUEUE,
    delivery_key,
    send_later,
    send_reliably,
)

Id = int | str | None
# What a builder may be given: ids, never anything a person wrote or could be known by.
Ids = Id | list[Id]
# The template engine for plain text, which escapes nothing (settings.TEMPLATES).
PLAIN_TEXT = "text"
_PLAIN = re.compile(r"^[\w:.-]{0,64}$", re.ASCII)
NOOP_OK = 250


@dataclass(frozen=True)
class Message:
    """One message to one recipient, as it is sent."""

    to: str
    template_name: str
    context: Mapping[str, object] = field(default_factory=dict)
    subject: str = ""  # an email's; a text has none
    channel: Literal["email", "text", "letter"] = "email"
    # The language it is written in: the one it was built in, which is the site's own unless its builder
    # wrote it ``in_language`` of its recipient (decision 0062), so its subject, links and words agree.
    language: str = field(default_factory=lambda: translation.get_language() or settings.LANGUAGE_CODE)

    def body(self) -> str:
        with in_language(self.language):
            words = render_to_string(self.template_name, dict(self.context), using=PLAIN_TEXT).strip()
            if self.channel == "text":
                return f"{words}\n{render_to_string('core/includes/crisis.sms', using=PLAIN_TEXT).strip()}"
            return f"{words}\n\n{render_to_string('core/includes/crisis.txt', using=PLAIN_TEXT).strip()}\n"

    def send(self, reference: str = "") -> None:
        """Send it; ``reference`` (its delivery key, a digest) goes with it to a provider that reports back."""
        if self.channel == "text":
            sms_backend().send(to=self.to, body=self.body(), reference=reference)
        elif self.channel == "letter":
            letter_send(address=self.to, subject=self.subject, body=self.body(), reference=reference)
        else:
            email_send(subject=self.subject, body=self.body(), to=self.to, reference=reference)


def email_send(*, subject: str, body: str, to: str, reference: str) -> None:
    """One email through the default mailer (SMTP, or GOV.UK Notify, which is given the reference); the
    reference, a digest, makes its Message-ID, the same each time the same message is sent."""
    headers: dict[str, str] = {}
    if reference and notify_on():
        headers[REFERENCE_HEADER] = reference
    elif reference:
        headers["Message-ID"] = f"<{reference}@{message_id_domain()}>"
    message = EmailMessage(subject=subject, body=body, to=[to], headers=headers)
    mailer = _mailer_open()
    try:
        mailer.send_messages([message])
    except BaseException:
        _mailer_forget()  # whatever state the server was left in, the next send starts afresh
        raise


class _Kept(threading.local):
    mailer: BaseEmailBackend | None = None
    settings: object = None


_kept = _Kept()


def _mailer_open() -> BaseEmailBackend:
    """The default mailer, open, and kept open in this thread from one send to the next (decision 0077).

    A connection opened for each email is closed, with QUIT and the server's answer, after the server has taken
    the email and before the send returns, so a worker killed then has sent an email it has no record of, and
    sends it again when it starts again. Kept open, the record follows the server's answer at once. A kept
    connection is tried with NOOP first, and opened again if the server has let it go."""
    mailer = _kept.mailer
    if mailer is not None and _kept.settings != settings.MAILERS:
        _mailer_forget()  # the settings changed (tests): a mailer of the new ones
        mailer = None
    connection = getattr(mailer, "connection", None)
    if connection is not None:
        try:
            alive = connection.noop()[0] == NOOP_OK
        except (smtplib.SMTPException, OSError):
            alive = False
        if not alive:
            _mailer_forget()
            mailer = None
    if mailer is None:
        mailer = mailers.default
        _kept.mailer, _kept.settings = mailer, copy.deepcopy(settings.MAILERS)
    mailer.open()
    return mailer


def _mailer_forget() -> None:
    """Let this thread's kept mailer go, closing its connection if it can (QUIT), or dropping it."""
    mailer, _kept.mailer = _kept.mailer, None
    if mailer is None:
        return
    with contextlib.suppress(smtplib.SMTPException, OSError):
        mailer.close()  # on an error, its connection is dropped all the same, and its socket goes with it


atexit.register(_mailer_forget)


def message_id_domain() -> str:
    """The domain of our Message-IDs: the site's own, as mail servers expect."""
    return urllib.parse.urlsplit(settings.LW_SITE_URL).hostname or "localhost"


Builder = Callable[..., Message | None]


def message_builder[B: Builder](build: B) -> B:
    """Mark a function as one the worker may call to build a message from ids."""
    build.message_builder = True  # type: ignore[attr-defined]
    return build


def _id(value: object) -> Id:
    if isinstance(value, uuid.UUID):
        return str(value)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and _PLAIN.match(value):
        return value
    raise TypeError("a queued message carries ids only: numbers, or short plain strings")


def _ids_only(ids: Mapping[str, object]) -> dict[str, Ids]:
    plain: dict[str, Ids] = {}
    for name, value in ids.items():
        if isinstance(value, list | tuple | set | frozenset):
            plain[name] = [_id(item) for item in value]
        else:
            plain[name] = _id(value)
    return plain


def builder_path(build: Builder) -> str:
    """The dotted path the worker finds ``build`` by (``message_build``)."""
    return f"{build.__module__}.{build.__qualname__}"


def _send_queue(
    *, build: str, ids: dict[str, Ids], key: str, urgent: bool, label: str, after: datetime.datetime | None = None
) -> TaskResult:
    """Queue a send, due at once or ``after``. An urgent one goes to the alerts worker's own queue, first in it,
    and again to every worker's queue ``URGENT_FALLBACK`` later as the twin's stand-in (decision 0076)."""
    kwargs: dict[str, Any] = {"build": build, "ids": ids, "key": key, "urgent": urgent, "label": label}
    if not urgent:
        return message_send.using(run_after=after).enqueue(**kwargs)
    alert = message_send.using(queue_name=URGENT_QUEUE, priority=URGENT_PRIORITY, run_after=after).enqueue(**kwargs)
    stand_in = (after or timezone.now()) + URGENT_FALLBACK
    message_send.using(priority=URGENT_PRIORITY, run_after=stand_in).enqueue(**kwargs, twin=str(alert.id))
    return alert


def _twin_taken(twin: str) -> bool:
    """Whether the alert this send stands in for has been taken by a worker (or is gone)."""
    from django_tasks_db.models import DBTaskResult

    return not DBTaskResult.objects.filter(pk=twin, status=TaskResultStatus.READY).exists()


def message_enqueue(
    build: Builder, *, key: str = "", urgent: bool = False, label: str = "", **ids: object
) -> TaskResult:
    """Queue the message ``build`` makes from ``ids``, for the worker to build and send.

    ``key`` names the message, so that it reaches its recipient once however often it is queued (a
    fresh one by default); ``urgent`` and ``label`` (a reference, never personal details) show it on the duty
    queue if it cannot be sent.
    """
    if not getattr(build, "message_builder", False):
        raise TypeError(f"{build.__qualname__} is not marked @message_builder")
    return _send_queue(
        build=builder_path(build), ids=_ids_only(ids), key=key or uuid.uuid4().hex, urgent=urgent, label=label
    )


def message_build(build: str, ids: Mapping[str, Ids]) -> Message | None:
    """The message the named builder makes now from ``ids``."""
    builder = import_string(build)
    if not getattr(builder, "message_builder", False):
        raise TypeError(f"{build} is not marked @message_builder")
    with in_site_language():  # the site's own, whatever the worker last wrote in
        message: Message | None = builder(**ids)
    return message if message is not None and message.to else None


# Longer than every retry of a message takes (``core.tasks.BACKOFF``).
PARCEL_KEPT = datetime.timedelta(days=1)


def parcel_keep(value: object) -> int:
    """Keep ``value`` (anything JSON can hold) sealed for a message that needs it; its id for the queue."""
    return Parcel.objects.create(sealed=seal(value), keep_until=timezone.now() + PARCEL_KEPT).pk


def parcel_open(parcel_id: int) -> object:
    """What ``parcel_keep`` kept, or None once it has been cleared away."""
    parcel = Parcel.objects.filter(pk=parcel_id, keep_until__gte=timezone.now()).first()
    return unseal(parcel.sealed) if parcel is not None else None


@task(takes_context=True)
def message_send(
    context: TaskContext,
    *,
    build: str,
    ids: dict[str, Ids],
    key: str,
    urgent: bool = False,
    label: str = "",
    twin: str = "",
) -> None:
    """Build the message now and send it, once to its recipient, retrying with back-off. A ``twin`` is the id
    of the urgent alert this send stands in for: it is sent here only if no worker has taken that one yet."""
    if twin and _twin_taken(twin):
        return
    message = message_build(build, ids)
    if message is None:
        return

    delivery = delivery_key(key, message.to)
    send_reliably(
        functools.partial(message.send, reference=delivery),
        key=delivery,
        channel=message.channel,
        urgent=urgent,
        label=label,
        again=functools.partial(message_send_later, build=build, ids=ids, key=key, urgent=urgent, label=label),
        rebuild={"build": build, "ids": ids, "message_key": key},
        sender=str(context.task_result.id),
    )


def message_send_later(
    attempts: int, *, build: str, ids: dict[str, Ids], key: str, urgent: bool, label: str
) -> TaskResult:
    """Queue the message to be built and sent again after the back-off for ``attempts`` tries so far."""
    return _send_queue(build=build, ids=ids, key=key, urgent=urgent, label=label, after=send_later(attempts))
