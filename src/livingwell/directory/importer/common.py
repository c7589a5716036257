"""What the importer's parts share: the shape of a record, and its report."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Record = dict[str, Any]


@dataclass
class ImportProblem:
    record: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    def add(self, report: "ImportReport") -> None:
        """Count another import's records and problems in this one."""
        self.created += report.created
        self.updated += report.updated
        self.unchanged += report.unchanged
        self.problems += report.problems


class _Changes:
    """Counts whether anything about one service was created or changed."""

    def __init__(self) -> None:
        self.created = False
        self.changed = False


Fetch = Callable[[str], Any]
