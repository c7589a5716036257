"""The quarterly report as a PDF, drawn by WeasyPrint (BSD-3-Clause) from the same tables as its page, with
each chart inside it as an SVG image. WeasyPrint needs the Pango library from the operating system (Debian:
``libpango-1.0-0``, ``libpangoft2-1.0-0``); it is loaded only when a PDF is asked for, so the rest of the
platform runs without it."""

import base64
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from livingwell.core.refusals import Refused
from livingwell.insight.charts import chart_svg
from livingwell.insight.models import QuarterlyReport
from livingwell.insight.tables import Table

STYLES = Path(__file__).parent / "pdf_styles" / "report.css"


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401 - needs Pango, loaded only here
    except OSError:
        return False
    return True


def report_pdf(report: QuarterlyReport, context: dict[str, Any]) -> bytes:
    """The report's PDF from its page's ``context`` (with its ``tables``). Nothing in it is fetched from
    anywhere: the charts are inside it."""
    tables: list[Table] = context["tables"]
    try:
        import weasyprint  # needs Pango, loaded only here
    except OSError as missing:
        raise Refused(_("The PDF cannot be made on this server just now. The report below prints well.")) from missing
    sections = [(table, _data_uri(chart_svg(table)) if table.charted else "") for table in tables]
    html = render_to_string(
        "insight/report_pdf.html",
        {**context, "report": report, "sections": sections, "service_name": settings.LW_SERVICE_NAME},
    )
    return bytes(weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLES))]))
