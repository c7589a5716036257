"""Minutes: draft, circulated to members, approved at a later meeting, corrected for the public, published."""

import functools

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.collaborative import selectors
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Meeting,
    Minutes,
)
from livingwell.collaborative.services.attendance import _on_the_day_or_after
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.meetings import _members_tell


def minutes_save(*, actor: User, meeting: Meeting, text: str) -> Minutes:
    """Write or change the draft. Changing minutes already circulated makes them a draft again, to be
    circulated anew; approved minutes are not changed."""
    with transaction.atomic():
        minutes, created = Minutes.objects.select_for_update().get_or_create(meeting=meeting, defaults={"text": text})
        if not created:
            if minutes.status in (Minutes.Status.APPROVED, Minutes.Status.PUBLISHED):
                raise Refused(_("These minutes are approved, so they cannot be changed."))
            if text != minutes.text:
                minutes.public_corrected = ""  # a correction of other words: made afresh from the new ones
            minutes.text = text
            minutes.status = Minutes.Status.DRAFT
            minutes.circulated_at = None
            minutes.save(update_fields=["text", "public_corrected", "status", "circulated_at", "updated_at"])
        member_record_audit(actor, minutes, "minutes written" if created else "minutes changed")
    return minutes


def minutes_circulate(*, actor: User, minutes: Minutes) -> Minutes:
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__body").get(pk=minutes.pk)
        if locked.status != Minutes.Status.DRAFT:
            raise Refused(_("Only draft minutes are circulated."))
        locked.status = Minutes.Status.CIRCULATED
        locked.circulated_at = timezone.now()
        locked.save(update_fields=["status", "circulated_at", "updated_at"])
        member_record_audit(actor, locked, "minutes circulated")
        transaction.on_commit(functools.partial(_members_tell, locked.meeting, "minutes"))
    return locked


def minutes_public_correct(*, actor: User, minutes: Minutes, text: str) -> Minutes:
    """The secretary's correction of the public version (words that would still tell who someone is); an
    empty ``text`` goes back to the version made from the minutes. Names of members who have not agreed to
    be named are still taken out as it is read."""
    with transaction.atomic():
        locked = Minutes.objects.select_for_update().get(pk=minutes.pk)
        # The version made from the minutes themselves: names taken out, as the public would read it uncorrected.
        made = selectors.PublicNames([locked.meeting.body_id]).text(locked.meeting.body_id, locked.text)
        text = text.replace("\r\n", "\n")
        corrected = "" if text.strip() in ("", made.strip()) else text
        if corrected == locked.public_corrected:
            return locked
        locked.public_corrected = corrected
        locked.save(update_fields=["public_corrected", "updated_at"])
        member_record_audit(actor, locked, "public version corrected" if corrected else "public version made afresh")
    return locked


def minutes_approve(*, actor: User, minutes: Minutes, at: Meeting) -> Minutes:
    """Approved at a later meeting of the same body, on its day."""
    _on_the_day_or_after(at)
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
        if locked.status != Minutes.Status.CIRCULATED:
            raise Refused(_("Minutes are approved after they have been circulated to members."))
        if locked.meeting.body_id != at.body_id or locked.meeting.starts_at >= at.starts_at:
            raise Refused(_("Minutes are approved at a later meeting of the same group."))
        locked.status = Minutes.Status.APPROVED
        locked.approved_at = at
        locked.save(update_fields=["status", "approved_at", "updated_at"])
        member_record_audit(actor, locked, "minutes approved")
    return locked


def minutes_publish(*, actor: User, minutes: Minutes) -> Minutes:
    with transaction.atomic():
        locked = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
        if locked.status == Minutes.Status.PUBLISHED:
            return locked
        if locked.status != Minutes.Status.APPROVED:
            raise Refused(_("Minutes are published once a meeting has approved them."))
        # Kept as published, for the record; public pages render names from consent as it is now.
        locked.public_text, locked.public_attendance = selectors.minutes_public_version(locked)
        locked.status = Minutes.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.save(update_fields=["public_text", "public_attendance", "status", "published_at", "updated_at"])
        member_record_audit(actor, locked, "minutes published")
    return locked
