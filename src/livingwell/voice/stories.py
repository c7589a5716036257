"""Stories of experience: written by anyone, signed in or not; read by whom the author chooses; moderated by
the coordinator, who suggests words with names and details taken out; published only as the author approves
them; withdrawn by the author at once, at any time.

The author keeps a link to their story, signed when it is emailed (``core.outbox``): with it they see what
we suggest beside what they wrote, approve it, send new words, or withdraw it.
"""

import datetime
import functools
import uuid

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.core.languages import in_language
from livingwell.core.outbox import Message, message_builder, message_enqueue
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.voice.links import link_value, signed_link
from livingwell.voice.models import Story

SALT = "livingwell.voice.story"
LINK_YEARS = 10  # an author may withdraw their story years later, with the link they were sent


def _record(
    actor: User | None, story: Story, detail: str, action: AuditEvent.Action = AuditEvent.Action.CHANGE
) -> None:
    audit_event_record(actor=actor, action=action, record=story, person_id=None, detail=detail)


def link_for(story_id: str) -> str:
    return signed_link("stories:yours_open", story_id, salt=SALT)


def story_of_link(token: str) -> str | None:
    return link_value(token, salt=SALT, max_age=datetime.timedelta(days=365 * LINK_YEARS))


def stories_published() -> QuerySet[Story]:
    return Story.objects.filter(status=Story.Status.PUBLISHED).order_by("-published_at", "pk")


def stories_in_report(first: datetime.date, before: datetime.date) -> list[Story]:
    """The stories the coordinator chose for the quarterly report of the quarter they were published in: read
    as the report is read, so that a story withdrawn since is gone from it at once."""
    return list(
        stories_published().filter(in_report=True, published_at__date__gte=first, published_at__date__lt=before)
    )


def stories_to_moderate() -> list[Story]:
    return list(Story.objects.exclude(status=Story.Status.WITHDRAWN).order_by("status", "-created_at"))


def story_write(
    *,
    title: str,
    text: str,
    writer: str,
    audience: str,
    name: str,
    email: str,
    user: User | None,
    submission_id: uuid.UUID,
    written_in: str = "",
) -> Story:
    """Keep a story for the coordinator to read; thank the author with their link, where they gave an email
    address. Sending the same form twice keeps one."""
    if audience == Story.Audience.NAMED and not name:
        raise Refused(_("Enter your name, to be named with your story"))
    if audience != Story.Audience.TEAM and not email:
        raise Refused(_("Enter your email address, so that you can approve the words before they are published"))

    def create() -> Story:
        story = Story.objects.create(
            title=title,
            text=text,
            writer=writer,
            audience=audience,
            name=name,
            email=email,
            user=user,
            submission_id=submission_id,
            written_in=written_in,
        )
        _record(user, story, "written", AuditEvent.Action.CREATE)
        if email:
            transaction.on_commit(functools.partial(message_enqueue, story_message, story_id=story.pk, kind="thanks"))
        return story

    return created_once(Story, create, submission_id=submission_id)


def _locked(story_id: uuid.UUID | str) -> Story:
    story = Story.objects.select_for_update().filter(pk=story_id).first()
    if story is None:
        raise Refused(_("This story is no longer here"))
    return story


def story_suggest(*, actor: User, story: Story, suggested: str, note: str) -> None:
    """Send the author the words we would publish (names and details taken out) to approve."""
    with transaction.atomic():
        locked = _locked(story.pk)
        if locked.status == Story.Status.WITHDRAWN:
            raise Refused(_("The author has withdrawn this story"))
        if locked.audience == Story.Audience.TEAM:
            raise Refused(_("The author chose that only the team reads it: it is not published"))
        if locked.status == Story.Status.PUBLISHED:
            raise Refused(_("It is published as the author approved it"))
        locked.suggested = suggested
        locked.note = note
        locked.status = Story.Status.WITH_AUTHOR
        locked.save(update_fields=["suggested", "note", "status"])
        _record(actor, locked, "words suggested")
        transaction.on_commit(functools.partial(message_enqueue, story_message, story_id=locked.pk, kind="approve"))


def story_keep(*, actor: User, story: Story) -> None:
    """Read by the team, and kept: a story only the team may read, or one not to be published."""
    with transaction.atomic():
        locked = _locked(story.pk)
        if locked.status in (Story.Status.WITHDRAWN, Story.Status.PUBLISHED):
            raise Refused(_("It is published or withdrawn already"))
        locked.status = Story.Status.KEPT
        locked.save(update_fields=["status"])
        _record(actor, locked, "kept")


def story_for_report(*, actor: User, story: Story, in_report: bool) -> None:
    if story.status != Story.Status.PUBLISHED:
        raise Refused(_("Only a published story can go into the quarterly report"))
    with transaction.atomic():
        Story.objects.filter(pk=story.pk).update(in_report=in_report)
        _record(actor, story, "in the report" if in_report else "out of the report")


def story_approve(*, story_id: uuid.UUID | str) -> Story:
    """The author approves the suggested words: they are published, as they are."""
    with transaction.atomic():
        locked = _locked(story_id)
        if locked.status != Story.Status.WITH_AUTHOR:
            raise Refused(_("There is nothing waiting for your approval"))
        now = timezone.now()
        locked.approved_text = locked.suggested
        locked.approved_at = now
        locked.published_at = now
        locked.status = Story.Status.PUBLISHED
        locked.save(update_fields=["approved_text", "approved_at", "published_at", "status"])
        _record(None, locked, "approved and published by its author")
    return locked


def story_rewrite(*, story_id: uuid.UUID | str, text: str) -> Story:
    """The author sends different words: back to the coordinator to read."""
    with transaction.atomic():
        locked = _locked(story_id)
        if locked.status != Story.Status.WITH_AUTHOR:
            raise Refused(_("There is nothing waiting for your approval"))
        locked.text = text
        locked.suggested = ""
        locked.status = Story.Status.WAITING
        locked.save(update_fields=["text", "suggested", "status"])
        _record(None, locked, "rewritten by its author")
    return locked


def story_withdraw(*, story_id: uuid.UUID | str) -> Story:
    """The author withdraws their consent: unpublished at once, and out of any report to come."""
    with transaction.atomic():
        locked = _locked(story_id)
        if locked.status == Story.Status.WITHDRAWN:
            return locked
        locked.status = Story.Status.WITHDRAWN
        locked.published_at = None
        locked.in_report = False
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["status", "published_at", "in_report", "withdrawn_at"])
        _record(None, locked, "withdrawn by its author")
    return locked


@message_builder
def story_message(story_id: str, kind: str) -> Message | None:
    story = Story.objects.filter(pk=story_id).exclude(email="").first()
    if story is None or story.status == Story.Status.WITHDRAWN:
        return None
    if kind == "approve" and story.status != Story.Status.WITH_AUTHOR:
        return None
    with in_language(story.written_in):  # the language they wrote it in, its link too (decision 0062)
        subject = _("Please approve the words of your story") if kind == "approve" else _("Thank you for your story")
        return Message(
            to=story.email,
            subject=subject,
            template_name="voice/email/story.txt",
            context={"story": story, "approve": kind == "approve", "url": link_for(str(story.pk))},
        )
