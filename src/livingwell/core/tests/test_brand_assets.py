"""No GOV.UK or NHS brand assets may ship: no crown, no GDS Transport, no NHS logo, no Frutiger."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

BANNED_NAMES = re.compile(r"crown|crest|gds[-_ ]?transport|nhs[-_ ]?logo|frutiger|govuk-(icon|opengraph)", re.I)
BANNED_TEXT = re.compile(r"GDS Transport|Frutiger|govuk-crest\.svg|images/govuk-|fonts/(light|bold)-", re.I)
TEXT_SUFFIXES = {".css", ".svg", ".html", ".js", ".txt"}


def _static_files() -> list[Path]:
    files = []
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            files.append(Path(storage.path(path)))
    return files


def test_no_banned_brand_asset_is_in_the_static_files() -> None:
    files = _static_files()
    assert any(file.name == "livingwell.css" for file in files)
    for file in files:
        assert not BANNED_NAMES.search(file.name), file
        assert file.suffix not in {".woff", ".woff2", ".ttf", ".otf"}, file
        if file.suffix in TEXT_SUFFIXES:
            assert not BANNED_TEXT.search(file.read_text(errors="ignore")), file


def test_our_stylesheet_uses_arial() -> None:
    css = Path(finders.find("livingwell/livingwell.css")).read_text()
    assert "font-family:arial,sans-serif" in css
    assert "@font-face" not in css
