"""Who may reach each of this app's URLs (DESIGN.md §3), for ``core/tests/test_permission_matrix.py``."""

from livingwell.accounts.models import Role
from livingwell.core.tests.matrix import Kwargs, Who

# Commissioners, analysts and the Hub manager read the figures: aggregates only.
FIGURES = frozenset({Role.ANALYST, Role.HUB_MANAGER, Role.ADMINISTRATOR})

MATRIX: dict[str, Who] = {
    "insight:dashboard": FIGURES,
    "insight:table_csv": FIGURES,
    "insight:table_chart": FIGURES,
    # The Hub manager's own team's figures.
    "insight:team": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
    "insight:team_csv": frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR}),
}

KWARGS: dict[str, Kwargs] = {
    "insight:table_csv": lambda: {"slug": "routes"},
    "insight:table_chart": lambda: {"slug": "routes"},
}

POST_ONLY: set[str] = set()
