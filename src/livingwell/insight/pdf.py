"""The quarterly report as a PDF (``core.pdf``), from the same tables as its page, with each chart inside it as
an SVG image."""

import base64
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from livingwell.core.pdf import PdfUnavailable, pdf_from_html
from livingwell.core.refusals import Refused
from livingwell.insight.charts import chart_svg
from livingwell.insight.models import QuarterlyReport
from livingwell.insight.tables import Table

STYLES = Path(__file__).parent / "pdf_styles" / "report.css"


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def report_pdf(report: QuarterlyReport, context: dict[str, Any]) -> bytes:
    """The report's PDF from its page's ``context`` (with its ``tables``). Nothing in it is fetched from
    anywhere: the charts are inside it."""
    tables: list[Table] = context["tables"]
    sections = [(table, _data_uri(chart_svg(table)) if table.charted else "") for table in tables]
    html = render_to_string(
        "insight/report_pdf.html",
        {**context, "report": report, "sections": sections, "service_name": settings.LW_SERVICE_NAME},
    )
    try:
        return pdf_from_html(html, STYLES)
    except PdfUnavailable as missing:
        raise Refused(_("The PDF cannot be made on this server just now. The report below prints well.")) from missing
