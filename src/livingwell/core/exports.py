"""CSV exports for finance and analysts."""

import csv
import io
from collections.abc import Iterable, Sequence


def safe_cell(text: str) -> str:
    """Text that a spreadsheet would run as a formula is quoted so it stays text (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file's text. Pass free text through ``safe_cell``; numbers and dates as they are."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
