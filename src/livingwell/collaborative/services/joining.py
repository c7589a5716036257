"""Joining a body: requests to join, approved or declined, members added by who runs it, and the welcome."""

import datetime
import functools
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.accounts.services import account_for_email, first_sign_in_url
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.auditing import member_record_audit
from livingwell.collaborative.models import (
    Body,
    Constituency,
    ConstituencyKind,
    JoinRequest,
    Member,
    Membership,
)
from livingwell.collaborative.services.common import Refused
from livingwell.collaborative.services.guests import chair_independent_required
from livingwell.core.languages import in_language, in_site_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.submissions import created_once


def join_request_submit(
    *,
    body: Body,
    constituency: Constituency | None,
    name: str,
    email: str,
    phone: str,
    why: str,
    named_in_public: bool,
    submission_id: uuid.UUID,
    written_in: str = "",
) -> JoinRequest:
    """Ask to join an open body, agreeing to its code of conduct. Sending the same form twice asks once.
    ``written_in`` is the language of the page they asked on, which what is sent to them is written in."""
    if not body.open_membership:
        raise Refused(_("This group does not take requests to join."))
    joinable = body.constituencies.exclude(kind=ConstituencyKind.INDEPENDENT_CHAIR)
    if (constituency is None and joinable.exists()) or (
        constituency is not None and not joinable.filter(pk=constituency.pk).exists()
    ):
        raise Refused(_("Choose which group you would join as"))

    def create() -> JoinRequest:
        request = JoinRequest.objects.create(
            body=body,
            constituency=constituency,
            name=name,
            email=email,
            phone=phone,
            why=why,
            named_in_public=named_in_public,
            agreed_code_at=timezone.now(),
            submission_id=submission_id,
            written_in=written_in,
        )
        member_record_audit(None, request, "asked to join", AuditEvent.Action.CREATE)
        return request

    return created_once(JoinRequest, create, submission_id=submission_id)


def members_constituency(body: Body) -> Constituency:
    """Where someone joins a body that has no groups to join as: its "Members", made the first time."""
    with in_site_language():  # one "Members", whatever language the chair reads the site in
        constituency, _created = Constituency.objects.get_or_create(
            body=body,
            name=str(_("Members")),
            defaults={"kind": ConstituencyKind.COMMUNITY, "sector": str(_("Members"))},
        )
    return constituency


def join_request_approve(*, actor: User, join_request: JoinRequest) -> Membership:
    """Make them a member (the same member record if they already take part elsewhere, by email address),
    and invite them to an account of their own if they have none."""
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if locked.status != JoinRequest.Status.WAITING:
            raise Refused(_("This request has already been decided."))
        membership = _membership_make(
            body=locked.body,
            constituency=locked.constituency or members_constituency(locked.body),
            name=locked.name,
            email=locked.email,
            phone=locked.phone,
            named_in_public=locked.named_in_public,
            agreed_code_at=locked.agreed_code_at,
            role=Membership.Role.MEMBER,
            written_in=locked.written_in,
        )
        locked.status = JoinRequest.Status.APPROVED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.member = membership.member
        locked.save(update_fields=["status", "decided_by", "decided_at", "member"])
        member_record_audit(actor, locked, "approved")
        member_record_audit(actor, membership, "joined", AuditEvent.Action.CREATE)
    return membership


def member_add(
    *,
    actor: User,
    body: Body,
    constituency: Constituency,
    name: str,
    email: str,
    phone: str,
    named_in_public: bool,
    role: str,
) -> Membership:
    """Appoint someone to a body (a closed one's only way in), once the secretary has their agreement to
    the code of conduct."""
    if constituency.body_id != body.pk:
        raise Refused(_("Choose which group they join as"))
    if role == Membership.Role.CHAIR:
        chair_independent_required(body, constituency)
    with transaction.atomic():
        membership = _membership_make(
            body=body,
            constituency=constituency,
            name=name,
            email=email,
            phone=phone,
            named_in_public=named_in_public,
            agreed_code_at=timezone.now(),
            role=role,
        )
        member_record_audit(actor, membership, "appointed", AuditEvent.Action.CREATE)
    return membership


def _membership_make(
    *,
    body: Body,
    constituency: Constituency,
    name: str,
    email: str,
    phone: str,
    named_in_public: bool,
    agreed_code_at: datetime.datetime,
    role: str,
    written_in: str = "",
) -> Membership:
    """The membership, for the same member record if they already take part elsewhere (by email address);
    an account of their own if they have none, and a welcome that invites them to it. ``written_in``, the
    language they asked to join in, is the one written to them in from now on; a member appointed by the
    secretary is written to in the site's."""
    member = Member.objects.filter(email__iexact=email).order_by("created_at").first()
    if member is None:
        member = Member.objects.create(
            name=name, email=email, phone=phone, named_in_public=named_in_public, written_in=written_in
        )
    elif written_in and written_in != member.written_in:
        member.written_in = written_in
        member.save(update_fields=["written_in"])
    if Membership.objects.filter(member=member, body=body, left_on__isnull=True).exists():
        raise Refused(_("They are already a member."))
    _account_link_or_create(member)
    membership = Membership.objects.create(
        member=member,
        body=body,
        constituency=constituency,
        role=role,
        agreed_code_at=agreed_code_at,
        joined_on=timezone.localdate(),
    )
    transaction.on_commit(functools.partial(message_enqueue, welcome_message, member_id=member.pk, body_id=body.pk))
    return membership


def _account_link_or_create(member: Member) -> None:
    """Link the member to the account with their email address, or make one (the welcome then invites them
    to choose its password)."""
    if member.user_id is not None or not member.email:
        return
    user, made = account_for_email(email=member.email, name=member.name)
    if not made and Member.objects.filter(user=user).exists():
        return
    member.user = user
    member.save(update_fields=["user"])


@message_builder
def welcome_message(member_id: str, body_id: int) -> Message | None:
    """A new member's welcome: the way to choose a password while their account has none (its token made
    now, as it is sent), else the way to sign in."""
    member = Member.objects.select_related("user").filter(pk=member_id).first()
    body = Body.objects.filter(pk=body_id).first()
    if member is None or body is None:
        return None
    with in_language(member.written_in):  # the language they asked to join in, their sign-in link too
        url, invited = first_sign_in_url(member.user)
        return Message(
            to=member.email,
            subject=_("Welcome to %(body)s") % {"body": body.name},
            template_name="collaborative/email/welcome.txt",
            context={
                "name": member.name,
                "body": body.name,
                "url": url,
                "invited": invited,
            },
        )


def join_request_decline(*, actor: User, join_request: JoinRequest, reason: str) -> JoinRequest:
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if locked.status != JoinRequest.Status.WAITING:
            raise Refused(_("This request has already been decided."))
        locked.status = JoinRequest.Status.DECLINED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decline_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
        member_record_audit(actor, locked, "declined")
        transaction.on_commit(functools.partial(message_enqueue, declined_message, join_request_id=locked.pk))
    return locked


@message_builder
def declined_message(join_request_id: str) -> Message | None:
    request = JoinRequest.objects.select_related("body").filter(pk=join_request_id).first()
    if request is None:
        return None
    with in_language(request.written_in):
        return Message(
            to=request.email,
            subject=_("Your request to join %(body)s") % {"body": request.body.name},
            template_name="collaborative/email/declined.txt",
            context={"name": request.name, "body": request.body.name, "reason": request.decline_reason},
        )
