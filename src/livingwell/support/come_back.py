"""Easy out, easy in: the plain summary a person gets when their support closes, and its one-step way back.

The summary carries a signed link. For ``LW_EASY_IN_DAYS`` after closing, opening it and pressing one
button reopens the same episode, with all its history and no new introduction, and tells the guide.
The link names one closing: once the episode has been reopened and closed again, only the newer
summary's link works.
"""

import datetime
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.people.models import ContactMethod
from livingwell.support.models import Action, Episode

SALT = "livingwell.support.come-back"


def come_back_url(episode: Episode) -> str:
    if episode.closed_at is None:
        raise ValueError("only a closed episode has a way back")
    token = signing.dumps({"episode": str(episode.pk), "closed": episode.closed_at.isoformat()}, salt=SALT)
    return f"{settings.LW_SITE_URL}{reverse('support:come_back')}?{urlencode({'link': token})}"


@dataclass(frozen=True)
class ComeBack:
    episode: Episode
    # True while this closing still stands; False once the episode is open again.
    still_closed: bool


def come_back_for(token: str) -> ComeBack | None:
    """The closing a come-back link names, if it is genuine and within the easy-in period."""
    try:
        named = signing.loads(token, salt=SALT, max_age=datetime.timedelta(days=settings.LW_EASY_IN_DAYS))
        episode = Episode.objects.select_related("guide__guide_profile").get(pk=named["episode"])
    except (signing.BadSignature, Episode.DoesNotExist, KeyError, TypeError, ValueError):
        return None
    if episode.status != Episode.Status.CLOSED:
        return ComeBack(episode, still_closed=False)
    if episode.closed_at is None or episode.closed_at.isoformat() != named.get("closed"):
        return None  # an older closing's link
    return ComeBack(episode, still_closed=True)


def closing_summary_context(episode: Episode) -> dict[str, object]:
    """What the summary says, for the email, the text and the printable page alike."""
    closing = episode.changes.filter(kind="closed").order_by("-changed_at").first()
    return {
        "episode": episode,
        "guide_name": getattr(getattr(episode.guide, "guide_profile", None), "name", "") or str(episode.guide),
        "reason": closing.reason if closing else "",
        "steps_done": list(Action.objects.filter(episode=episode, done_at__isnull=False).order_by("done_at")),
        "url": come_back_url(episode),
        "days": settings.LW_EASY_IN_DAYS,
        "service_name": settings.LW_SERVICE_NAME,
        "contact_phone": settings.LW_CONTACT_PHONE,
    }


def closing_summary_send(episode_id: UUID) -> None:
    message_enqueue(closing_summary_message, episode_id=episode_id)


@message_builder
def closing_summary_message(episode_id: str) -> Message | None:
    """The closing summary the way the person likes: email, else a text; a letter is printed by the guide."""
    episode = Episode.objects.select_related("person", "guide__guide_profile").filter(pk=episode_id).first()
    if episode is None or episode.status != Episode.Status.CLOSED:
        return None
    person = episode.person
    with in_language(person.written_in):  # their link back, too, in the language they read (decision 0062)
        context = closing_summary_context(episode)
        if person.email:
            return Message(
                to=person.email,
                subject=_("Your support from %(service)s has ended, and how to come back")
                % {"service": settings.LW_SERVICE_NAME},
                template_name="support/email/closing_summary.txt",
                context=context,
            )
        if person.phone and (ContactMethod.TEXT in person.contact_methods or not person.contact_methods):
            return Message(
                to=person.phone,
                channel="text",
                template_name="support/text/closing_summary.txt",
                context=context,
            )
    return None


def guide_told_of_return(episode: Episode) -> None:
    """Tell the guide someone has come back. The email names nobody: the link opens the episode."""
    if episode.guide.email:
        message_enqueue(came_back_message, episode_id=episode.pk)


@message_builder
def came_back_message(episode_id: str) -> Message | None:
    episode = Episode.objects.select_related("guide").filter(pk=episode_id).first()
    if episode is None:
        return None
    return Message(
        to=episode.guide.email,
        subject=_("Someone you guided has asked to come back"),
        template_name="support/email/came_back.txt",
        context={
            "url": f"{settings.LW_SITE_URL}{reverse('support:episode', kwargs={'episode_id': episode.pk})}",
            "service_name": settings.LW_SERVICE_NAME,
        },
    )
