"""The experience-of-support survey: offered to someone we support after their first conversation, at a plan
review and at closing, by email, by text, on their own account, or filled in with their guide. Never
required: every question may be left.

Answers are kept apart from the person's record: a response holds the moment, the month and the answers,
and nothing that ties it to them, their episode or the offer; the offer says only whether it was answered.
So guides never see anyone's answers. The figures count them, with small numbers suppressed.
"""

import datetime
import functools
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.core.suppression import Cell, cell, suppressed_grid
from livingwell.support.models import Episode
from livingwell.voice.links import link_value, signed_link
from livingwell.voice.models import AGREEMENT, ExperienceOffer, ExperienceQuestion, ExperienceResponse

SALT = "livingwell.voice.experience"
LINK_DAYS = 60
# Kept in English and asked in the reader's language (``ExperienceQuestion.label``).
QUESTIONS = [
    (gettext_noop("I was listened to"), ExperienceQuestion.Kind.AGREE),
    (gettext_noop("I chose who supported me"), ExperienceQuestion.Kind.AGREE),
    (gettext_noop("I got help with what matters to me"), ExperienceQuestion.Kind.AGREE),
    (gettext_noop("I know how to come back"), ExperienceQuestion.Kind.AGREE),
    (gettext_noop("Anything else you would like to tell us, in your own words"), ExperienceQuestion.Kind.WORDS),
]
SHIPPED_QUESTIONS = frozenset(text for text, _kind in QUESTIONS)


def questions_load(question_model: Any) -> int:
    """Add the default questions that are missing; how many were added."""
    added = 0
    for position, (text, kind) in enumerate(QUESTIONS, start=1):
        _question, created = question_model.objects.get_or_create(
            text=text, defaults={"kind": kind, "position": position}
        )
        added += created
    return added


def questions() -> list[ExperienceQuestion]:
    return list(ExperienceQuestion.objects.filter(active=True).order_by("position", "pk"))


def link_for(offer_id: str) -> str:
    return signed_link("voice:experience_open", offer_id, salt=SALT)


def offer_of_link(token: str) -> str | None:
    return link_value(token, salt=SALT, max_age=datetime.timedelta(days=LINK_DAYS))


def offer_make(*, actor: User, episode: Episode, moment: str, way: str, submission_id: uuid.UUID) -> ExperienceOffer:
    """Offer the survey: sent by email or text through the worker, shown on their own account, or opened now
    to fill in together. Refused when there is no way to reach them as asked."""
    person = episode.person
    if way == ExperienceOffer.Way.EMAIL and not person.email:
        raise Refused(_("There is no email address for them: choose another way"))
    if way == ExperienceOffer.Way.TEXT and not person.phone:
        raise Refused(_("There is no phone number for them: choose another way"))
    if way == ExperienceOffer.Way.ACCOUNT and person.user_id is None:
        raise Refused(_("They have no account of their own: choose another way"))

    def create() -> ExperienceOffer:
        offer = ExperienceOffer.objects.create(
            episode=episode, moment=moment, way=way, offered_by=actor, submission_id=submission_id
        )
        audit_event_record(
            actor=actor, action=AuditEvent.Action.CREATE, record=offer, person_id=person.pk, detail=f"offered {way}"
        )
        if way in (ExperienceOffer.Way.EMAIL, ExperienceOffer.Way.TEXT):
            transaction.on_commit(functools.partial(message_enqueue, experience_message, offer_id=offer.pk))
        return offer

    return created_once(ExperienceOffer, create, submission_id=submission_id)


def offer_open(offer_id: str) -> ExperienceOffer | None:
    """The offer this browser holds; None for none (or a key of the wrong shape)."""
    try:
        key = uuid.UUID(str(offer_id))
    except ValueError:
        return None
    return ExperienceOffer.objects.select_related("episode__person", "episode__guide").filter(pk=key).first()


def offers_open_for(user: User) -> list[ExperienceOffer]:
    """The survey offered on the person's own account, not yet answered."""
    if not user.is_authenticated:
        return []
    return list(
        ExperienceOffer.objects.filter(
            episode__person__user=user, way=ExperienceOffer.Way.ACCOUNT, answered=False
        ).order_by("-offered_at")
    )


def response_give(*, offer_id: str, answers: dict[str, str], words: str) -> ExperienceResponse:
    """Keep one response for the offer, once, with nothing that ties the two together."""
    with transaction.atomic():
        offer = ExperienceOffer.objects.select_for_update().filter(pk=offer_id).first()
        if offer is None:
            raise Refused(_("This link does not work any more"))
        if offer.answered:
            raise Refused(_("You have already answered. Thank you."))
        offer.answered = True
        offer.save(update_fields=["answered"])
        return ExperienceResponse.objects.create(
            moment=offer.moment, month=timezone.localdate().replace(day=1), answers=answers, words=words
        )


@message_builder
def experience_message(offer_id: str) -> Message | None:
    offer = offer_open(offer_id)
    if offer is None or offer.answered:
        return None
    person = offer.episode.person
    with in_language(person.written_in):  # the language they chose, its page's link too (decision 0062)
        context = {"name": person.preferred_name, "url": link_for(str(offer.pk)), "service": settings.LW_SERVICE_NAME}
        if offer.way == ExperienceOffer.Way.TEXT:
            return Message(to=person.phone, channel="text", template_name="voice/text/experience.txt", context=context)
        return Message(
            to=person.email,
            subject=_("How was your support?"),
            template_name="voice/email/experience.txt",
            context=context,
        )


@dataclass(frozen=True)
class ExperienceFigures:
    """For each statement, how many gave each answer, suppressed; and how many answered in all."""

    labels: list[str]
    rows: list[tuple[str, list[Cell], Cell]]
    responses: Cell


def experience_figures(first: datetime.date, before: datetime.date, moment: str = "") -> ExperienceFigures:
    """The answers given from ``first`` up to ``before`` (months), at one moment or all, counted."""
    responses = ExperienceResponse.objects.filter(month__gte=first, month__lt=before)
    if moment:
        responses = responses.filter(moment=moment)
    statements = [q for q in questions() if q.kind == ExperienceQuestion.Kind.AGREE]
    counts: dict[tuple[str, str], int] = {}
    total = 0
    for answers in responses.values_list("answers", flat=True).iterator():
        total += 1
        for key, value in answers.items():
            counts[(key, value)] = counts.get((key, value), 0) + 1
    grid = suppressed_grid(
        [[counts.get((str(q.pk), value), 0) for value, _label in AGREEMENT] for q in statements],
        width=len(AGREEMENT),
    )
    rows = [(q.label, cells, total) for q, cells, total in zip(statements, grid.rows, grid.row_totals, strict=True)]
    return ExperienceFigures([str(label) for _value, label in AGREEMENT], rows, cell(total))
