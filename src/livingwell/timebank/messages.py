"""What the time bank emails, built as it is sent (``core.outbox``): the queue holds ids only."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livingwell.accounts.services import first_sign_in_url
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder
from livingwell.timebank.models import Exchange, Member
from livingwell.timebank.selectors import bank

SUBJECTS = {
    "asked": gettext_lazy("Someone in the time bank asked about “%(title)s”"),
    "agreed": gettext_lazy("Yes to “%(title)s”"),
    "declined": gettext_lazy("Not this time: “%(title)s”"),
    "withdrawn": gettext_lazy("Called off: “%(title)s”"),
    "recorded": gettext_lazy("Please confirm the hours for “%(title)s”"),
}


@message_builder
def welcome_message(member_id: str) -> Message | None:
    member = Member.objects.select_related("user").filter(pk=member_id, status=Member.Status.ACTIVE).first()
    if member is None or not member.email:
        return None
    the_bank = bank()
    with in_language(member.written_in):  # the language they joined in, their sign-in link too (decision 0062)
        url, invited = first_sign_in_url(member.user)
        return Message(
            to=member.email,
            subject=_("Welcome to %(bank)s") % {"bank": the_bank.label},
            template_name="timebank/email/welcome.txt",
            context={"name": member.name, "bank": the_bank, "url": url, "invited": invited},
        )


@message_builder
def nudge_message(member_id: str) -> Message | None:
    member = Member.objects.filter(pk=member_id, status=Member.Status.ACTIVE).first()
    if member is None or not member.email:
        return None
    the_bank = bank()
    with in_language(member.written_in):
        return Message(
            to=member.email,
            subject=_("What is new in %(bank)s") % {"bank": the_bank.label},
            template_name="timebank/email/nudge.txt",
            context={
                "name": member.name,
                "bank": the_bank,
                "url": f"{settings.LW_SITE_URL}{reverse('timebank:home')}",
            },
        )


@message_builder
def exchange_message(exchange_id: str, kind: str, to_member_id: str) -> Message | None:
    """To the other member in an exchange: it was asked, answered, called off, or has hours to confirm."""
    exchange = Exchange.objects.select_related("listing", "giver", "receiver").filter(pk=exchange_id).first()
    if exchange is None or kind not in SUBJECTS:
        return None
    to = exchange.giver if str(exchange.giver_id) == to_member_id else exchange.receiver
    if str(to.pk) != to_member_id or not to.email or to.status != Member.Status.ACTIVE:
        return None
    with in_language(to.written_in):
        return Message(
            to=to.email,
            subject=str(SUBJECTS[kind]) % {"title": exchange.listing.title},
            template_name="timebank/email/exchange.txt",
            context={
                "name": to.name,
                "other": exchange.other_side(to).name,
                "kind": kind,
                "title": exchange.listing.title,
                "minutes": exchange.minutes,
                "url": f"{settings.LW_SITE_URL}{reverse('timebank:exchange', args=[exchange.pk])}",
            },
        )
