"""Raising and handling safety flags: words of risk written anywhere a person writes to us."""

import functools
import hashlib
from collections.abc import Iterable
from uuid import UUID

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import Actor, audit_event_record
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.safety.categories import RiskCategory
from livingwell.safety.matching import Risk
from livingwell.safety.models import RiskFlag
from livingwell.safety.net import risk_in

WRITTEN_LIMIT = 5000


def once_for(where: str, *parts: str) -> str:
    """A once-only key for words sent without a form token: the same words from the same place, sent
    again, raise one flag."""
    return f"{where}:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def risk_flag_raise(
    *,
    actor: Actor,
    texts: Iterable[str],
    where: RiskFlag.Where,
    person_id: UUID | None = None,
    guide: User | None = None,
    writer_name: str = "",
    writer_contact: str = "",
    once: str = "",
    concern: bool = False,
) -> Risk:
    """Read what someone wrote with the safety net; when it finds risk, keep a flag, audit it, and tell their
    guide (or, without one, the duty inbox) once the save commits. Returns what the net found.

    ``once``: the form's once-only token, so that the same words sent twice raise one flag. ``concern``:
    someone supporting the person raised a worry in these words, so they are flagged whatever the net finds.
    """
    written = [text for text in texts if text]
    risk = risk_in(written)
    if not (risk or (concern and written)) or (once and RiskFlag.objects.filter(once=once).exists()):
        return risk
    categories = [*risk.categories, RiskCategory.CONCERN] if concern else risk.categories
    try:
        with transaction.atomic():
            flag = RiskFlag.objects.create(
                where=where,
                written="\n\n".join(written)[:WRITTEN_LIMIT],
                categories=categories,
                phrases=risk.phrases,
                person_id=person_id,
                writer_name=writer_name[:150],
                writer_contact=writer_contact[:254],
                guide=guide,
                once=once,
            )
            audit_event_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                record=flag,
                person_id=person_id,
                detail=f"safety flag raised: {where}, {', '.join(categories)}",
            )
            transaction.on_commit(
                functools.partial(
                    message_enqueue,
                    flag_message,
                    flag_id=flag.pk,
                    key=f"safety-flag:{flag.pk}",
                    urgent=True,
                    label=_("Safety flag email: %(where)s") % {"where": flag.get_where_display()},
                )
            )
    except IntegrityError:
        if not once:
            raise
        # The same form, sent twice at once: the first flag stands.
    return risk


@message_builder
def flag_message(flag_id: str) -> Message | None:
    """Tell the person's guide, else the duty inbox. The email names no one and says nothing of what was
    written: the page behind sign-in does."""
    flag = RiskFlag.objects.select_related("guide").filter(pk=flag_id).first()
    if flag is None:
        return None
    return Message(
        to=flag.guide.email if flag.guide is not None and flag.guide.email else settings.LW_DUTY_EMAIL,
        subject=_("Words of risk written on %(service)s: please read now") % {"service": settings.LW_SERVICE_NAME},
        template_name="safety/email/flag.txt",
        context={
            "where": flag.get_where_display(),
            "url": settings.LW_SITE_URL.rstrip("/") + reverse("safety:flag", kwargs={"flag_id": flag.pk}),
            "service_name": settings.LW_SERVICE_NAME,
        },
    )


def risk_flag_handle(*, actor: User, flag: RiskFlag, note: str) -> bool:
    """Record what was done about a flag. False when someone else already had (the first record stands)."""
    with transaction.atomic():
        handled = RiskFlag.objects.filter(pk=flag.pk, handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=actor, handled_note=note
        )
        if handled:
            audit_event_record(
                actor=actor, action=AuditEvent.Action.CHANGE, record=flag, person_id=flag.person_id, detail="handled"
            )
    flag.refresh_from_db()
    return bool(handled)
