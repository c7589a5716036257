"""PDFs drawn by WeasyPrint (BSD-3-Clause) from HTML: the quarterly report and a person's subject access.
WeasyPrint needs the Pango library from the operating system (Debian: ``libpango-1.0-0``,
``libpangoft2-1.0-0``); it is loaded only when a PDF is asked for, so the rest of the platform runs without
it."""

from pathlib import Path

# Tagged for screen readers, as PDF/UA-1 (ISO 14289): headings, paragraphs and tables in reading order, with
# the document's language and title (the accessibility statement says so).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


class PdfUnavailable(Exception):
    """This server cannot draw PDFs: Pango is missing."""


def pdf_available() -> bool:
    try:
        import weasyprint  # noqa: F401 - needs Pango, loaded only here
    except OSError:
        return False
    return True


def pdf_from_html(html: str, stylesheet: Path) -> bytes:
    """The PDF of ``html``, styled by ``stylesheet``. Nothing is fetched from anywhere."""
    try:
        import weasyprint  # needs Pango, loaded only here
    except OSError as missing:
        raise PdfUnavailable from missing
    styles = [weasyprint.CSS(filename=str(stylesheet))]
    return bytes(weasyprint.HTML(string=html).write_pdf(stylesheets=styles, **PDF_OPTIONS))
