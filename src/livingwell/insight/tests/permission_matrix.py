"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import datetime
import uuid

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative.models import Body, Decision, Member
from livingwell.collaborative.tests.factories import (
    BodyFactory,
    ConstituencyFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
)
from livingwell.core.tests.matrix import PUBLIC, Kwargs, Who
from livingwell.insight.access import public_tables
from livingwell.insight.models import Alliance, QuarterlyReport
from livingwell.insight.quarters import Quarter
from livingwell.insight.tables.stored import table_as_json

# Commissioners, analysts and the Hub manager read the figures: aggregates only.
FIGURES = frozenset({Role.ANALYST, Role.HUB_MANAGER, Role.ADMINISTRATOR})
REPORT_READERS = FIGURES | {Role.SECRETARY}

MATRIX: dict[str, Who] = {
    "insight:dashboard": FIGURES,
    "insight:table_csv": FIGURES,
    "insight:table_chart": FIGURES,
    # The Hub manager's own team's figures.
    "insight:team": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
    "insight:team_csv": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
    # Alliances: read by the figures' readers, set up by analysts.
    "insight:alliances": FIGURES,
    "insight:alliance": FIGURES,
    "insight:alliance_csv": FIGURES,
    "insight:alliance_create": frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    "insight:alliance_partner_add": frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    "insight:alliance_finance_add": frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    # The quarterly report: read by the figures' readers and those who run the Collaborative's meetings (and
    # its members, who have no role of their own); written by analysts, approved by the secretary.
    "insight:experience": FIGURES,
    "insight:time_bank": FIGURES,
    "insight:reports": REPORT_READERS,
    "insight:report": REPORT_READERS,
    "insight:report_pdf": REPORT_READERS,
    "insight:report_chart": REPORT_READERS,
    "insight:report_start": frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    "insight:report_edit": frozenset({Role.ANALYST, Role.ADMINISTRATOR}),
    "insight:report_approve": frozenset({Role.SECRETARY, Role.ADMINISTRATOR}),
    "insight:report_publish": frozenset({Role.ANALYST, Role.SECRETARY, Role.ADMINISTRATOR}),
    # The Collaborative's critical friend: its members comment (the test person and secretary are members).
    "insight:report_comment": frozenset({Role.PERSON, Role.SECRETARY}),
    "public_figures:report": PUBLIC,
    "public_figures:report_pdf": PUBLIC,
    "public_figures:report_chart": PUBLIC,
    # "How we are doing" and its open data.
    "public_figures:page": PUBLIC,
    "public_figures:json": PUBLIC,
    "public_figures:csv": PUBLIC,
    "public_figures:chart": PUBLIC,
}


def _a_quarter_with_figures() -> dict[str, object]:
    """A quarter that has ended, with a meeting in it: the first with figures."""
    MeetingFactory(starts_at=datetime.datetime(2025, 1, 14, 18, tzinfo=datetime.UTC))
    return {"quarter": "2025-q1"}


def _an_alliance() -> dict[str, object]:
    alliance, _created = Alliance.objects.get_or_create(name="Supported living", defaults={"outcomes": "Homes."})
    return {"alliance_id": alliance.pk}


def _collaborative_members() -> dict[str, object]:
    """A Collaborative with the test person and the test secretary among its members."""
    body = BodyFactory(kind=Body.Kind.COLLABORATIVE)
    constituency = ConstituencyFactory(body=body)
    for role in (Role.PERSON, Role.SECRETARY):
        user = User.objects.filter(username=f"test-{role.value}").first()
        if user is not None:
            member = Member.objects.filter(user=user).first() or MemberFactory(user=user)
            MembershipFactory(body=body, constituency=constituency, member=member)
    return {}


def _a_report(*, published: bool = False, charted: bool = False) -> dict[str, object]:
    """The report for the first quarter with figures: a draft, or published after the Collaborative's
    decision (with its tables kept only when a chart is asked for: its PDF is quicker to draw without)."""
    _a_quarter_with_figures()
    body = BodyFactory(kind=Body.Kind.COLLABORATIVE)
    decision = (
        Decision.objects.create(
            meeting=MeetingFactory(body=body, starts_at=datetime.datetime(2025, 4, 10, 18, tzinfo=datetime.UTC)),
            body=body,
            what="Approved.",
            scope="in",
            participation="consulting",
            quorate=True,
            submission_id=uuid.uuid4(),
            recorded_by=UserFactory(),
        )
        if published
        else None
    )
    QuarterlyReport.objects.update_or_create(
        quarter_start=datetime.date(2025, 1, 1),
        defaults={
            "created_by": UserFactory(),
            "status": QuarterlyReport.Status.PUBLISHED if published else QuarterlyReport.Status.DRAFT,
            "decision": decision,
            "tables": [table_as_json(table) for table in public_tables(Quarter(2025, 1))] if charted else [],
        },
    )
    return {"quarter": "2025-q1"}


KWARGS: dict[str, Kwargs] = {
    "insight:table_csv": lambda: {"slug": "routes"},
    "insight:table_chart": lambda: {"slug": "routes"},
    "public_figures:json": _a_quarter_with_figures,
    "public_figures:csv": _a_quarter_with_figures,
    "public_figures:chart": lambda: {**_a_quarter_with_figures(), "slug": "coproduction"},
    "insight:alliance": lambda: _an_alliance(),
    "insight:alliance_csv": lambda: {**_an_alliance(), "slug": "alliance-spend"},
    "insight:alliance_partner_add": lambda: _an_alliance(),
    "insight:alliance_finance_add": lambda: _an_alliance(),
    "insight:report": lambda: _a_report(),
    "insight:report_pdf": lambda: _a_report(),
    "insight:report_chart": lambda: {**_a_report(), "slug": "introductions"},
    "insight:report_edit": lambda: _a_report(),
    "insight:report_approve": lambda: _a_report(),
    "insight:report_publish": lambda: _a_report(),
    "insight:report_comment": lambda: {**_a_report(), **_collaborative_members()},
    "public_figures:report": lambda: _a_report(published=True),
    "public_figures:report_pdf": lambda: _a_report(published=True),
    "public_figures:report_chart": lambda: {**_a_report(published=True, charted=True), "slug": "introductions"},
}

POST_ONLY: set[str] = {
    "insight:report_start",
    "insight:report_approve",
    "insight:report_publish",
    "insight:report_comment",
    "insight:alliance_create",
    "insight:alliance_partner_add",
    "insight:alliance_finance_add",
}
