"""The quarterly report for the Collaborative (decision 0032): started for a quarter that has ended, written
in plain words while a draft, approved by a decision the Collaborative took at a meeting, then published.

A draft shows the quarter's figures as they are now; approval keeps them as they were, so the published
report is the one the meeting approved. Each step happens once: starting again opens the same report,
approving or publishing twice is refused, and nothing is half saved."""

import datetime
import uuid

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from livingwell.accounts.models import User
from livingwell.audit.models import AuditEvent
from livingwell.audit.services import audit_event_record
from livingwell.collaborative import services as collaborative_services
from livingwell.collaborative.models import Body, Decision, Meeting, Membership, Topic
from livingwell.core.refusals import Refused
from livingwell.core.submissions import created_once
from livingwell.insight.models import QuarterlyReport, ReportComment
from livingwell.insight.quarters import Quarter, quarters_ended
from livingwell.insight.selectors import first_counted_month
from livingwell.insight.tables import Table
from livingwell.insight.tables.stored import table_as_json, table_from_json

Status = QuarterlyReport.Status
# How far back a decision may be to approve a report with: the Collaborative's last few meetings.
DECISIONS_FROM_DAYS = 120


def _audit(actor: User, report: QuarterlyReport, what: str, action: str = AuditEvent.Action.CHANGE) -> None:
    audit_event_record(actor=actor, action=AuditEvent.Action(action), record=report, person_id=None, detail=what)


def report_start(*, actor: User, quarter: Quarter) -> QuarterlyReport:
    """The quarter's report, started as a draft unless it was started before."""
    if quarter not in quarters_ended(first_counted_month()):
        raise Refused(_("Choose a quarter that has ended and has figures"))
    with transaction.atomic():
        report, created = QuarterlyReport.objects.get_or_create(
            quarter_start=quarter.start, defaults={"created_by": actor}
        )
        if created:
            _audit(actor, report, "started", AuditEvent.Action.CREATE)
    return report


def _locked(report: QuarterlyReport) -> QuarterlyReport:
    return QuarterlyReport.objects.select_for_update().get(pk=report.pk)


def report_introduction_save(*, actor: User, report: QuarterlyReport, introduction: str) -> None:
    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Status.DRAFT:
            raise Refused(_("This report has been approved, so its words can no longer change."))
        locked.introduction = introduction
        locked.save(update_fields=["introduction", "updated_at"])
        _audit(actor, locked, "introduction written")


def decisions_to_approve_with(today: datetime.date | None = None) -> QuerySet[Decision]:
    """The Collaborative's recent decisions that no report was approved by, newest first."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=DECISIONS_FROM_DAYS)
    return (
        Decision.objects.filter(
            body__kind=Body.Kind.COLLABORATIVE,
            meeting__starts_at__date__gte=since,
            meeting__starts_at__lte=timezone.now(),
            quarterly_report__isnull=True,
        )
        .select_related("meeting", "body")
        .order_by("-meeting__starts_at", "-pk")
    )


def report_approve(*, actor: User, report: QuarterlyReport, decision: Decision, tables: list[Table]) -> None:
    """Approved by ``decision``, with the quarter's ``tables`` kept as they are now."""
    if not decisions_to_approve_with().filter(pk=decision.pk).exists():
        raise Refused(_("Choose a decision the Collaborative took at a recent meeting"))
    with transaction.atomic():
        locked = _locked(report)
        if locked.status != Status.DRAFT:
            raise Refused(_("This report has already been approved."))
        locked.status = Status.APPROVED
        locked.decision = decision
        locked.tables = [table_as_json(table) for table in tables]
        locked.approved_at = timezone.now()
        locked.approved_by = actor
        locked.save(update_fields=["status", "decision", "tables", "approved_at", "approved_by", "updated_at"])
        _audit(actor, locked, f"approved by decision {decision.pk}")


def report_publish(*, actor: User, report: QuarterlyReport) -> None:
    with transaction.atomic():
        locked = _locked(report)
        if locked.status == Status.PUBLISHED:
            raise Refused(_("This report has already been published."))
        if locked.status != Status.APPROVED:
            raise Refused(_("A report is published only once the Collaborative has approved it."))
        locked.status = Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = actor
        locked.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        _audit(actor, locked, "published")


def report_stored_tables(report: QuarterlyReport) -> list[Table]:
    """The tables kept when it was approved; none for a draft, whose figures are the quarter's now."""
    return [table_from_json(data) for data in report.tables]


def report_comment_add(
    *, actor: User, membership: Membership, report: QuarterlyReport, text: str, submission_id: uuid.UUID
) -> ReportComment:
    """A comment by a member of the Collaborative, its critical friend, before the report is published: it
    becomes a topic in the Collaborative's rolling programme, on the agenda of its next meeting whose agenda
    is not yet published (or waiting for one, where none is planned)."""
    if report.status == Status.PUBLISHED:
        raise Refused(_("This report is published: comment on it at a meeting of the Collaborative instead."))

    def create() -> ReportComment:
        topic = Topic.objects.create(
            body_id=membership.body_id,
            title=str(_("The quarterly report for %(quarter)s") % {"quarter": report.quarter.label})[:200],
            why=text,
            suggested_by=membership,
            submission_id=uuid.uuid4(),
        )
        comment = ReportComment.objects.create(
            report=report, membership=membership, text=text, topic=topic, submission_id=submission_id
        )
        _audit(actor, report, "commented on by the Collaborative")
        meeting = (
            Meeting.objects.filter(body_id=membership.body_id, starts_at__gt=timezone.now(), agenda_published_at=None)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )
        if meeting is not None:
            collaborative_services.agenda_topic_schedule(actor=actor, meeting=meeting, topic=topic, lead=membership)
        return comment

    return created_once(ReportComment, create, submission_id=submission_id)


def report_comments(report: QuarterlyReport) -> list[ReportComment]:
    return list(report.comments.select_related("topic").prefetch_related("topic__agenda_items__meeting"))
