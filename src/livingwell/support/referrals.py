"""Delivering the structured referral to secondary care (decision 0064) to the mental health trust's FHIR
server, where one is configured: the transaction Bundle is POSTed to ``LW_FHIR_REFERRAL_URL`` once, with
retries and back-off like every message (``core.tasks.send_reliably``), and the server's answer kept as the
receipt. Where none is configured, or while it cannot be delivered, the Hub downloads it to upload by hand."""

import functools
import json
import urllib.parse
import urllib.request
from typing import Any

from django.conf import settings
from django.db import transaction
from django.tasks import TaskContext, TaskResult, task
from django.utils import timezone

from livingwell.core.tasks import send_later, send_reliably
from livingwell.frontdoor.models import Introduction
from livingwell.support.fhir import CONTENT_TYPE, referral_json
from livingwell.support.models import SecondaryCareReferral

CHANNEL = "fhir"
TIMEOUT_SECONDS = 30


class ReferralRefused(Exception):
    """The trust's server did not take it: its HTTP status, and nothing of what it said."""


def referral_make(introduction: Introduction) -> SecondaryCareReferral:
    """The referral for an introduction just routed to secondary care; queued for delivery once committed."""
    referral, _created = SecondaryCareReferral.objects.get_or_create(introduction=introduction)
    if settings.LW_FHIR_REFERRAL_URL and referral.delivered_at is None:
        transaction.on_commit(lambda: referral_deliver.enqueue(str(introduction.pk)))
    return referral


def _receipt(answer: Any) -> str:
    """Where the trust's server keeps the ServiceRequest, from its transaction-response (the last entry)."""
    try:
        entries = answer["entry"]
        return str(entries[-1]["response"].get("location") or entries[-1]["response"]["status"])[:200]
    except (KeyError, IndexError, TypeError, AttributeError):
        return ""


def _post(referral: SecondaryCareReferral) -> None:
    url = settings.LW_FHIR_REFERRAL_URL
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise ReferralRefused("not an http or https address")
    headers = {"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE}
    if settings.LW_FHIR_REFERRAL_TOKEN:
        headers["Authorization"] = f"Bearer {settings.LW_FHIR_REFERRAL_TOKEN}"
    body = referral_json(referral.introduction)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - checked
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - scheme checked
        status = response.status
        answer = response.read(1024 * 1024)
    if not 200 <= status < 300:
        raise ReferralRefused(f"HTTP {status}")
    try:
        receipt = _receipt(json.loads(answer or b"{}"))
    except ValueError:
        receipt = ""
    referral.delivered_at = timezone.now()
    referral.receipt = receipt or f"HTTP {status}"
    referral.save(update_fields=["delivered_at", "receipt"])


@task(takes_context=True)
def referral_deliver(context: TaskContext, introduction_id: str) -> None:
    """Deliver the referral once, trying again with back-off; an urgent introduction's shows on the duty queue
    when it cannot be delivered, as an urgent alert does."""
    referral = (
        SecondaryCareReferral.objects.select_related("introduction__person")
        .filter(introduction_id=introduction_id)
        .first()
    )
    if referral is None or referral.delivered_at is not None or not settings.LW_FHIR_REFERRAL_URL:
        return
    send_reliably(
        functools.partial(_post, referral),
        key=referral.send_key,
        channel=CHANNEL,
        urgent=referral.introduction.is_urgent,
        label=f"Structured referral to secondary care, introduction {referral.introduction.reference}",
        again=functools.partial(_deliver_later, introduction_id=introduction_id),
        sender=str(context.task_result.id),
    )


def _deliver_later(attempts: int, *, introduction_id: str) -> TaskResult:
    return referral_deliver.using(run_after=send_later(attempts)).enqueue(introduction_id)
