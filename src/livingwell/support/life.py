"""Life circumstances: recorded by the guide with the person at the start and at each review, every answer
optional (decision 0028)."""

import uuid

from django.utils import timezone

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.submissions import created_once
from livingwell.support.models import Episode, LifeCircumstances

# The answers, in the order the form asks them and the figures count them.
LIFE_FIELDS = ("work", "education", "benefits", "home", "medication")
# For each question, the answers that are where people hope to be (decision 0028): the figures count who
# moved into them.
LIFE_HOPED_ANSWERS = {
    "work": ("paid", "volunteering", "both"),
    "education": ("in",),
    "benefits": ("none",),
    "home": ("own_tenancy",),
    "medication": ("less", "none"),
}


def life_hoped(question: str, answer: str) -> bool:
    """Whether the answer to a life circumstances question is where people hope to be."""
    return answer in LIFE_HOPED_ANSWERS[question]


def life_circumstances_record(
    *,
    actor: User,
    episode: Episode,
    occasion: str,
    work: str,
    education: str,
    benefits: str,
    home: str,
    medication: str,
    submission_id: uuid.UUID | None,
) -> LifeCircumstances:
    """Keep how the person's life stands now, once per form (``submission_id``)."""

    def create() -> LifeCircumstances:
        record = LifeCircumstances.objects.create(
            person_id=episode.person_id,
            episode=episode,
            occasion=occasion,
            recorded_at=timezone.now(),
            recorded_by=actor,
            work=work,
            education=education,
            benefits=benefits,
            home=home,
            medication=medication,
            submission_id=token,
        )
        audit_event_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            record=record,
            person_id=episode.person_id,
            detail="life circumstances",
        )
        return record

    token = submission_id or uuid.uuid4()
    return created_once(LifeCircumstances, create, submission_id=token)
