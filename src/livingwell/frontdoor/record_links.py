"""One-time links for a person to see what their introduction recorded, with no account.

Anyone may ask, giving a reference and a contact detail; the link goes only to the contact address the
introduction itself gave, so asking reveals nothing and sends nothing to anyone else. The page answers
the same whether or not they matched. A link is signed (it cannot be forged or changed), works for
``LW_RECORD_LINK_HOURS``, and opens the record once; opening it lets that browser read the record for
``VIEW_MINUTES``.
"""

import datetime
import functools
import re

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.frontdoor.models import Introduction, RecordLink
from livingwell.people.matching import email_key, phone_key

SALT = "livingwell.frontdoor.record-link"
LINKS_A_DAY = 3  # more asks than this in a day send nothing more: nobody's inbox is flooded
VIEW_MINUTES = 30
SESSION_KEY = "frontdoor_record"
REFERENCE = re.compile(r"^(?:LW)?-?([A-Z0-9]{6})$")


def _reference(typed: str) -> str:
    plain = "".join(typed.upper().split())
    found = REFERENCE.match(plain)
    return f"LW-{found.group(1)}" if found else ""


def record_link_send(*, reference: str, contact: str) -> None:
    """Send a one-time link when the reference and contact detail match an introduction; else do nothing."""
    introduction = Introduction.objects.filter(reference=_reference(reference)).first()
    if introduction is None:
        return
    by_email = bool(introduction.email_key) and introduction.email_key == email_key(contact)
    by_text = bool(introduction.phone_key) and introduction.phone_key == phone_key(contact)
    if not (by_email or by_text):
        return
    since = timezone.now() - datetime.timedelta(days=1)
    if introduction.record_links.filter(created_at__gte=since).count() >= LINKS_A_DAY:
        return
    with transaction.atomic():
        link = RecordLink.objects.create(
            introduction=introduction, sent_to=RecordLink.SentTo.EMAIL if by_email else RecordLink.SentTo.TEXT
        )
        transaction.on_commit(functools.partial(message_enqueue, record_link_message, link_id=link.pk))


@message_builder
def record_link_message(link_id: str) -> Message | None:
    """The one-time link, signed now, as it is sent: the queue never holds a link that works."""
    link = RecordLink.objects.select_related("introduction").filter(pk=link_id, used_at__isnull=True).first()
    if link is None:
        return None
    introduction = link.introduction
    token = signing.dumps(str(link.pk), salt=SALT)
    with in_language(introduction.written_in):  # in their language, the link to the page in it too
        context = {
            "introduction": introduction,
            "url": f"{settings.LW_SITE_URL}{reverse('frontdoor:record_open')}?{urlencode({'link': token})}",
            "hours": settings.LW_RECORD_LINK_HOURS,
            "service_name": settings.LW_SERVICE_NAME,
        }
        if link.sent_to == RecordLink.SentTo.EMAIL:
            return Message(
                to=introduction.email,
                subject=_("What we recorded from your introduction"),
                template_name="frontdoor/email/record_link.txt",
                context=context,
            )
        return Message(
            to=introduction.phone,
            channel="text",
            template_name="frontdoor/text/record_link.txt",
            context=context,
        )


def _link_id(token: str) -> str | None:
    try:
        return str(signing.loads(token, salt=SALT, max_age=datetime.timedelta(hours=settings.LW_RECORD_LINK_HOURS)))
    except signing.BadSignature:  # forged, changed or expired
        return None


def record_link_usable(token: str) -> bool:
    link_id = _link_id(token)
    return link_id is not None and RecordLink.objects.filter(pk=link_id, used_at__isnull=True).exists()


def record_link_use(*, token: str, session: SessionBase) -> bool:
    """Spend the link, letting this browser read the record for a while. False when it cannot be used."""
    link_id = _link_id(token)
    if link_id is None:
        return False
    with transaction.atomic():
        spent = RecordLink.objects.filter(pk=link_id, used_at__isnull=True).update(used_at=timezone.now())
        if not spent:
            return False
        introduction_id = RecordLink.objects.values_list("introduction_id", flat=True).get(pk=link_id)
    until = timezone.now() + datetime.timedelta(minutes=VIEW_MINUTES)
    session[SESSION_KEY] = {"introduction": str(introduction_id), "until": until.isoformat()}
    session.cycle_key()
    return True


def record_granted(session: SessionBase) -> str | None:
    """The introduction this browser may read now, from a link it opened, if any."""
    grant = session.get(SESSION_KEY)
    if not isinstance(grant, dict):
        return None
    try:
        until = datetime.datetime.fromisoformat(str(grant.get("until")))
    except ValueError:
        return None
    if until < timezone.now():
        session.pop(SESSION_KEY, None)
        return None
    return str(grant.get("introduction"))
