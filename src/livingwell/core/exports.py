"""CSV exports for finance and analysts."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

# What a spreadsheet may read as the start of a formula, the full-width equals, plus, minus and at included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", ";", "|", "%", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(text: str) -> str:
    """Text that a spreadsheet would run as a formula is quoted so it stays text (CSV injection), however
    it starts: after spaces, or with a full-width sign."""
    return f"'{text}" if text.lstrip(" ").startswith(FORMULA_STARTS) else text


_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _cell(value: object) -> object:
    """A cell as written: a plain number stays a number (a refund is -5.00), any other text is made safe."""
    if isinstance(value, str) and not _PLAIN_NUMBER.fullmatch(value):
        return safe_cell(value)
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file's text. Every text cell is made safe here, by default; numbers and dates as they are."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(str(name)) for name in header])
    writer.writerows([_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
