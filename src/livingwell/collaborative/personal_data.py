"""What the Collaborative holds about someone who is a member through their account: their memberships,
how they joined, training, supervision, replies to meetings, attendance and payment claims
(``core.personal_data``). Erasing clears their name, contact details and words; claims and attendance stay,
as payments made and a meeting's quorum must be accounted for; so do expenses and their receipts."""

import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from livingwell.collaborative.models import (
    Attendance,
    Claim,
    Expense,
    JoinRequest,
    Member,
    Membership,
    Rsvp,
    Supervision,
    TrainingRecord,
)
from livingwell.core.personal_data import ERASED, Held, fields_blank, held_as, messages_about, of_account
from livingwell.people.models import Person

MODELS = (Member, Membership, JoinRequest, TrainingRecord, Supervision, Claim, Expense, Rsvp, Attendance)


def _members(person: Person) -> QuerySet[Member]:
    return of_account(Member.objects.all(), person)


def held(person: Person) -> list[Held]:
    members = _members(person)
    memberships = Membership.objects.filter(member__in=members).order_by("joined_on")
    joining = JoinRequest.objects.filter(member__in=members).order_by("created_at")
    return [
        held_as(_("You as a member of the Collaborative"), members),
        held_as(_("Your memberships"), memberships),
        held_as(_("How you joined"), joining),
        held_as(_("Your training"), TrainingRecord.objects.filter(member__in=members)),
        held_as(_("Your supervision"), Supervision.objects.filter(member__in=members)),
        held_as(_("Your replies to meetings"), Rsvp.objects.filter(membership__in=memberships)),
        held_as(_("Meetings you attended"), Attendance.objects.filter(membership__in=memberships)),
        held_as(_("Your payment claims"), Claim.objects.filter(member__in=members).order_by("created_at")),
        held_as(_("Your expenses"), Expense.objects.filter(claim__member__in=members), leave_out=("receipt_file",)),
        messages_about(
            _("Messages from the Collaborative"),
            member_id=members.values_list("pk", flat=True),
            membership_id=memberships.values_list("pk", flat=True),
            join_request_id=joining.values_list("pk", flat=True),
        ),
    ]


def erase(person: Person) -> list[tuple[str, int]]:
    members = _members(person)
    joining = JoinRequest.objects.filter(member__in=members)
    rsvps = Rsvp.objects.filter(membership__member__in=members)
    return [
        (
            "collaborative.member",
            fields_blank(
                members, "email", "phone", "supervision_contact", "written_in", name=ERASED, named_in_public=False
            ),
        ),
        (
            "collaborative.joinrequest",
            fields_blank(joining, "email", "phone", "why", "conversation_notes", "written_in", name=ERASED),
        ),
        (
            "collaborative.supervision",
            fields_blank(Supervision.objects.filter(member__in=members), "notes", "follow_ups"),
        ),
        ("collaborative.rsvp", fields_blank(rsvps, "access_needs")),
    ]


def active_since(moment: datetime.datetime) -> list[QuerySet[Any]]:
    return [
        Claim.objects.filter(created_at__gte=moment, member__user__person__isnull=False).values("member__user__person")
    ]
