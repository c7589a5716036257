"""Every write of the time bank: joining, offers and requests, exchanges, the hour ledger, the coordinator's
credits, welcomes and nudges. Keyword-only, atomic; a rule that will not be broken is a ``Refused``."""

import datetime
import functools
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.accounts.services import account_for_email
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.languages import in_site_language
from livingwell.core.models import Neighbourhood
from livingwell.core.outbox import message_enqueue
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.directory.models import Service, ServiceArea
from livingwell.support.models import Connection
from livingwell.support.services import own_plan_connection_add
from livingwell.timebank import messages
from livingwell.timebank.models import MOST_MINUTES, STEP_MINUTES, Category, Credit, Entry, Exchange, Listing, Member
from livingwell.timebank.selectors import bank, bank_account


def _refuse_unless_active(member: Member) -> None:
    if member.status != Member.Status.ACTIVE:
        raise Refused(_("Only members of the time bank can do this."))


def member_join(
    *,
    user: User,
    name: str,
    phone: str,
    area: Neighbourhood | None,
    about: str,
    submission_id: uuid.UUID,
    written_in: str = "",
) -> Member:
    """A signed-in user joins, agreeing to the code of conduct; the coordinator welcomes them later. Someone
    who left, or asked to join before they had an account, joins again with the same membership.
    ``written_in`` is the language of the page they joined on, which the time bank writes to them in."""
    try:
        with transaction.atomic():
            existing = Member.objects.select_for_update().filter(user=user).first()
            if existing is None and user.email:
                existing = (
                    Member.objects.select_for_update().filter(user__isnull=True, email__iexact=user.email).first()
                )
            if existing is not None and existing.status == Member.Status.ACTIVE:
                return existing
            now = timezone.now()
            member = existing or Member(submission_id=submission_id)
            member.user = user
            member.name = name
            member.email = user.email
            member.phone = phone
            member.area = area
            member.about = about
            member.written_in = written_in or member.written_in
            member.status = Member.Status.ACTIVE
            member.conduct_agreed_at = now
            member.joined_at = now
            member.left_at = None
            member.save()
            audit_event_record(actor=user, action=AuditEvent.Action.CREATE, record=member, person_id=None)
            return member
    except IntegrityError:
        # The same form sent twice at once: the other request made the membership.
        return Member.objects.get(user=user)


def member_ask(
    *,
    name: str,
    email: str,
    phone: str,
    area: Neighbourhood | None,
    about: str,
    submission_id: uuid.UUID,
    written_in: str = "",
) -> Member:
    """Someone without an account asks to join, agreeing to the code of conduct; the coordinator welcomes
    them, which makes their account. ``written_in`` is the language of the page they asked on."""

    def create() -> Member:
        member = Member.objects.create(
            name=name,
            email=email,
            phone=phone,
            area=area,
            about=about,
            written_in=written_in,
            conduct_agreed_at=timezone.now(),
            submission_id=submission_id,
        )
        audit_event_record(actor=None, action=AuditEvent.Action.CREATE, record=member, person_id=None)
        return member

    return created_once(Member, create, submission_id=submission_id)


@transaction.atomic
def member_welcome(*, actor: User, member: Member) -> str:
    """The coordinator has welcomed them: someone who asked becomes a member with an account of their own
    (made if they have none), and is emailed how to sign in."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.welcomed_at is not None:
        raise Refused(_("%(name)s was welcomed already.") % {"name": member.name})
    if member.status == Member.Status.LEFT:
        raise Refused(_("%(name)s has left the time bank.") % {"name": member.name})
    now = timezone.now()
    if member.user_id is None:
        if not member.email:
            raise Refused(_("Add an email address for %(name)s first.") % {"name": member.name})
        user, _made = account_for_email(email=member.email, name=member.name)
        if Member.objects.filter(user=user).exclude(pk=member.pk).exists():
            raise Refused(_("That email address belongs to another member."))
        member.user = user
        member.status = Member.Status.ACTIVE
        member.joined_at = now
    member.welcomed_at = now
    member.welcomed_by = actor
    member.save()
    audit_event_record(
        actor=actor, action=AuditEvent.Action.CHANGE, record=member, detail="welcomed_at", person_id=None
    )
    transaction.on_commit(functools.partial(message_enqueue, messages.welcome_message, member_id=member.pk))
    return _("%(name)s is welcomed to the time bank.") % {"name": member.name}


@transaction.atomic
def member_leave(*, member: Member) -> Member:
    """They leave: their offers and requests close; their hours stay in the ledger."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    member.status = Member.Status.LEFT
    member.left_at = timezone.now()
    member.save(update_fields=["status", "left_at"])
    for listing in Listing.objects.filter(member=member, is_open=True):
        _listing_close(listing)
    return member


def member_nudge(*, actor: User, member: Member) -> str:
    """A gentle email to a member who has not exchanged for a while, at most once a fortnight."""
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        if member.nudged_at is not None and member.nudged_at > timezone.now() - datetime.timedelta(days=14):
            raise Refused(_("%(name)s was sent a note in the last two weeks.") % {"name": member.name})
        if not member.email:
            raise Refused(_("%(name)s has no email address.") % {"name": member.name})
        member.nudged_at = timezone.now()
        member.save(update_fields=["nudged_at"])
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CHANGE, record=member, detail="nudged_at", person_id=None
        )
        transaction.on_commit(
            functools.partial(
                message_enqueue, messages.nudge_message, key=f"timebank-nudge-{member.pk}-{member.nudged_at:%Y%m%d}",
                member_id=member.pk,
            )
        )  # fmt: skip
    return _("A note is on its way to %(name)s.") % {"name": member.name}


def _publish(listing: Listing) -> None:
    """Show the listing in the directory as an opportunity: what, where and how to ask, never who."""
    the_bank = bank()
    if the_bank.organization_id is None:
        return
    # Published for everyone (and in the Open Referral UK feed), in the site's own language whatever language
    # the member added it in; the listing's page it links to opens in the reader's.
    with in_site_language():
        kind = _("Time bank offer") if listing.kind == Listing.Kind.OFFER else _("Time bank request")
        how = (
            _("Join the time bank to ask for this. Hours are never money.")
            if listing.kind == Listing.Kind.OFFER
            else _("Join the time bank to offer to help. Hours are never money.")
        )
        path = reverse("timebank:listing", args=[listing.pk])
    service = Service.objects.create(
        organization_id=the_bank.organization_id,
        kind=Service.Kind.OPPORTUNITY,
        opportunity_type=Service.OpportunityType.TIME_BANK,
        name=f"{kind}: {listing.title}"[:255],
        description=f"{listing.description}\n\n{how}",
        url=f"{settings.LW_SITE_URL}{path}",
    )
    if listing.area is not None:
        ServiceArea.objects.create(service=service, name=listing.area.name)
    listing.service = service
    listing.save(update_fields=["service"])


def listing_add(
    *,
    member: Member,
    kind: str,
    category: Category,
    title: str,
    description: str,
    area: Neighbourhood | None,
    submission_id: uuid.UUID,
) -> Listing:
    _refuse_unless_active(member)

    def create() -> Listing:
        listing = Listing.objects.create(
            member=member,
            kind=kind,
            category=category,
            title=title,
            description=description,
            area=area,
            submission_id=submission_id,
        )
        _publish(listing)
        return listing

    return created_once(Listing, create, submission_id=submission_id)


def _listing_close(listing: Listing) -> None:
    listing.is_open = False
    listing.closed_at = timezone.now()
    listing.save(update_fields=["is_open", "closed_at"])
    if listing.service_id is not None:
        Service.objects.filter(pk=listing.service_id).update(
            is_published=False, status=Service.Status.INACTIVE, last_modified=timezone.now()
        )


@transaction.atomic
def listing_close(*, member: Member, listing: Listing) -> str:
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.member_id != member.pk:
        raise Refused(_("Only whoever added it can close it."))
    if listing.is_open:
        _listing_close(listing)
    return _("“%(title)s” is closed. Nobody can ask about it now.") % {"title": listing.title}


def exchange_ask(*, member: Member, listing: Listing, message: str, submission_id: uuid.UUID) -> Exchange:
    """A member answers an offer (they would receive) or a request (they would give). The listing's member
    then agrees or declines."""
    _refuse_unless_active(member)
    if listing.member_id == member.pk:
        raise Refused(_("This is your own. Someone else has to ask."))
    if not listing.is_open:
        raise Refused(_("This is closed now, so nobody can ask about it."))
    if listing.member.status != Member.Status.ACTIVE:
        raise Refused(_("This is closed now, so nobody can ask about it."))
    offer = listing.kind == Listing.Kind.OFFER
    giver, receiver = (listing.member, member) if offer else (member, listing.member)
    going = Exchange.objects.filter(listing=listing, asked_by=member, status__in=["asked", "agreed", "recorded"])
    if going.exclude(submission_id=submission_id).exists():
        raise Refused(_("You asked about this already: it is on your page."))

    def create() -> Exchange:
        exchange = Exchange.objects.create(
            listing=listing,
            giver=giver,
            receiver=receiver,
            asked_by=member,
            message=message,
            submission_id=submission_id,
        )
        _tell(exchange, "asked", listing.member)
        return exchange

    return created_once(Exchange, create, submission_id=submission_id)


def _tell(exchange: Exchange, kind: str, to: Member) -> None:
    """Email the other member, once the change is saved."""
    transaction.on_commit(
        functools.partial(
            message_enqueue, messages.exchange_message, exchange_id=exchange.pk, kind=kind, to_member_id=to.pk
        )
    )


def _locked(exchange: Exchange) -> Exchange:
    return (
        Exchange.objects.select_for_update(of=("self",))
        .select_related("listing", "giver", "receiver")
        .get(pk=exchange.pk)
    )


def _refuse_unless_party(exchange: Exchange, member: Member) -> None:
    if member.pk not in (exchange.giver_id, exchange.receiver_id):
        raise Refused(_("Only the two members in an exchange can change it."))


@transaction.atomic
def exchange_answer(*, member: Member, exchange: Exchange, agree: bool) -> str:
    """Whoever was asked agrees, or says no (no reason needed)."""
    exchange = _locked(exchange)
    _refuse_unless_party(exchange, member)
    if exchange.asked_by_id == member.pk:
        raise Refused(_("The other member answers this."))
    if exchange.status != Exchange.Status.ASKED:
        raise Refused(_("This was answered already."))
    exchange.status = Exchange.Status.AGREED if agree else Exchange.Status.DECLINED
    exchange.answered_at = timezone.now()
    exchange.save(update_fields=["status", "answered_at"])
    _tell(exchange, "agreed" if agree else "declined", exchange.asked_by)
    if agree:
        return _("You agreed. Arrange a time together, and record the hours afterwards.")
    return _("You said no. %(name)s will be told.") % {"name": exchange.asked_by.name}


@transaction.atomic
def exchange_withdraw(*, member: Member, exchange: Exchange) -> str:
    """Either member calls it off before any hours are recorded."""
    exchange = _locked(exchange)
    _refuse_unless_party(exchange, member)
    if exchange.status not in (Exchange.Status.ASKED, Exchange.Status.AGREED):
        raise Refused(_("This can no longer be called off."))
    exchange.status = Exchange.Status.WITHDRAWN
    exchange.save(update_fields=["status"])
    _tell(exchange, "withdrawn", exchange.other_side(member))
    return _("The exchange is called off.")


def _refuse_bad_minutes(minutes: int) -> None:
    if minutes <= 0 or minutes > MOST_MINUTES or minutes % STEP_MINUTES:
        raise Refused(_("Enter the hours in quarter hours, from a quarter of an hour to 12 hours."))


@transaction.atomic
def hours_record(*, member: Member, exchange: Exchange, minutes: int, note: str) -> str:
    """After the exchange, one side records the hours; the other confirms them. The other side may record
    different hours instead, which it is then for the first to confirm."""
    _refuse_bad_minutes(minutes)
    exchange = _locked(exchange)
    _refuse_unless_party(exchange, member)
    if exchange.status not in (Exchange.Status.AGREED, Exchange.Status.RECORDED):
        raise Refused(_("Hours can be recorded once an exchange is agreed, and only until they are confirmed."))
    exchange.status = Exchange.Status.RECORDED
    exchange.minutes = minutes
    exchange.note = note
    exchange.recorded_by = member
    exchange.recorded_at = timezone.now()
    exchange.save(update_fields=["status", "minutes", "note", "recorded_by", "recorded_at"])
    _tell(exchange, "recorded", exchange.other_side(member))
    return _("The hours are recorded. %(name)s will be asked to confirm them.") % {
        "name": exchange.other_side(member).name
    }


@transaction.atomic
def hours_confirm(*, member: Member, exchange: Exchange) -> str:
    """The other side confirms: the hours go into the ledger, given by one and received by the other."""
    exchange = _locked(exchange)
    _refuse_unless_party(exchange, member)
    if exchange.status == Exchange.Status.CONFIRMED:
        return _("These hours were confirmed already.")
    if exchange.status != Exchange.Status.RECORDED or exchange.minutes is None:
        raise Refused(_("There are no hours to confirm yet."))
    if exchange.recorded_by_id == member.pk:
        raise Refused(_("%(name)s confirms the hours you recorded.") % {"name": exchange.other_side(member).name})
    now = timezone.now()
    exchange.status = Exchange.Status.CONFIRMED
    exchange.confirmed_at = now
    exchange.save(update_fields=["status", "confirmed_at"])
    Entry.objects.bulk_create(
        [
            Entry(member_id=exchange.giver_id, minutes=exchange.minutes, at=now, exchange=exchange),
            Entry(member_id=exchange.receiver_id, minutes=-exchange.minutes, at=now, exchange=exchange),
        ]
    )
    return _("Confirmed. The hours are in both your records.")


def credit_give(
    *, actor: User, what: str, on: datetime.date, minutes: int, members: list[Member], submission_id: uuid.UUID
) -> Credit:
    """Hours for a group activity: each member named gives them, the bank's own account receives them all."""
    _refuse_bad_minutes(minutes)
    if not members:
        raise Refused(_("Choose at least one member."))
    if any(member.status != Member.Status.ACTIVE or member.kind == Member.Kind.BANK for member in members):
        raise Refused(_("Hours can be credited to members only."))

    def create() -> Credit:
        credit = Credit.objects.create(
            what=what, on=on, minutes=minutes, credited_by=actor, submission_id=submission_id
        )
        at = timezone.make_aware(datetime.datetime.combine(on, datetime.time(12)))
        lines = [Entry(member=member, minutes=minutes, at=at, credit=credit) for member in members]
        lines.append(Entry(member=bank_account(), minutes=-minutes * len(members), at=at, credit=credit))
        Entry.objects.bulk_create(lines)
        audit_event_record(actor=actor, action=AuditEvent.Action.CREATE, record=credit, person_id=None)
        return credit

    return created_once(Credit, create, submission_id=submission_id)


CONNECTED = (Exchange.Status.AGREED, Exchange.Status.RECORDED, Exchange.Status.CONFIRMED)


def connection_to_plan(*, user: User, member: Member, exchange: Exchange) -> str:
    """The member (someone the network supports, with a plan) adds the other member of an exchange to the
    connections in their own plan, not shared with them until they say so there."""
    if exchange.status not in CONNECTED:
        raise Refused(_("You can add someone to your plan once you have agreed an exchange."))
    other = exchange.other_side(member)
    added = own_plan_connection_add(
        user=user, name=other.name, kind=Connection.Kind.TIME_BANK, note=exchange.listing.title
    )
    if not added:
        return _("%(name)s is in your plan already.") % {"name": other.name}
    return _("%(name)s is in the connections in your plan. Your plan is not shared with them unless you choose.") % {
        "name": other.name
    }
