"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

import datetime

from livingwell.accounts.models import Role
from livingwell.collaborative.tests.factories import MeetingFactory
from livingwell.core.tests.matrix import PUBLIC, Kwargs, Who

# Commissioners, analysts and the Hub manager read the figures: aggregates only.
FIGURES = frozenset({Role.ANALYST, Role.HUB_MANAGER, Role.ADMINISTRATOR})

MATRIX: dict[str, Who] = {
    "insight:dashboard": FIGURES,
    "insight:table_csv": FIGURES,
    "insight:table_chart": FIGURES,
    # The Hub manager's own team's figures.
    "insight:team": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
    "insight:team_csv": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
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


KWARGS: dict[str, Kwargs] = {
    "insight:table_csv": lambda: {"slug": "routes"},
    "insight:table_chart": lambda: {"slug": "routes"},
    "public_figures:json": _a_quarter_with_figures,
    "public_figures:csv": _a_quarter_with_figures,
    "public_figures:chart": lambda: {**_a_quarter_with_figures(), "slug": "coproduction"},
}

POST_ONLY: set[str] = set()
