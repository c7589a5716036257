"""A rotating chair: recording who chairs, with the reason when it is not the sector proposed."""

from django.db import transaction
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    ChairTurn,
    Meeting,
    Membership,
)
from livingwell.collaborative.selectors import (
    chair_proposal,
)
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.guests import chair_independent_required


def chair_choose(*, actor: User, meeting: Meeting, membership: Membership, reason: str) -> ChairTurn:
    """Record who chairs the meeting. A member of another sector than the one proposed needs a reason."""
    if not meeting.body.rotates_chair:
        raise Refused(_("This group's chair does not rotate."))
    if membership.body_id != meeting.body_id or membership.left_on is not None:
        raise Refused(_("Choose a member of this group"))
    chair_independent_required(meeting.body, membership.constituency)
    proposed = chair_proposal(meeting) or ""
    sector = membership.constituency.sector
    if proposed and sector != proposed and not reason.strip():
        raise Refused(_("Say why someone from another sector chairs this time"))
    with transaction.atomic():
        turn, _created = ChairTurn.objects.update_or_create(
            meeting=meeting,
            defaults={
                "membership": membership,
                "sector": sector,
                "proposed_sector": proposed,
                "override_reason": reason.strip() if sector != proposed else "",
                "decided_by": actor,
            },
        )
        member_record_audit(actor, turn, "chair chosen" + (" (overridden)" if turn.overridden else ""))
    return turn
