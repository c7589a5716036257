"""Every page the browser journeys checked is valid HTML, as the Nu Html Checker (vnu.jar) reads it.

It runs last (the file sorts last) over the pages the journeys kept, as the server sent them. CI installs
the checker (tools/html-check) and sets LW_VNU_JAR; without it, it is skipped unless LW_REQUIRE_HTML_CHECK.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import HTML_PAGES

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JAR = ROOT / "tools" / "html-check" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _page_of(line: str) -> str:
    """The kept page's file name in a line of the checker's report: "file:/…/0007.html":1.2-1.9: error: …"""
    return Path(line.split('":', 1)[0].removeprefix('"file:')).name


def test_every_page_the_journeys_visited_is_valid_html() -> None:
    jar = Path(os.environ.get("LW_VNU_JAR", DEFAULT_JAR))
    java = shutil.which("java")
    if not jar.exists() or java is None:
        if os.environ.get("LW_REQUIRE_HTML_CHECK"):
            pytest.fail(f"The Nu Html Checker is needed at {jar}, with java: npm ci --prefix tools/html-check")
        pytest.skip("no Nu Html Checker (npm ci --prefix tools/html-check), or no java")
    pages = sorted(HTML_PAGES.glob("*.html")) if HTML_PAGES.exists() else []
    if not pages:
        pytest.skip("no browser journey ran before this check")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    urls = dict(line.split(" ", 1) for line in (HTML_PAGES / "pages.txt").read_text().splitlines())
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error:" in line]
    assert not errors, "\n".join(f"{urls.get(_page_of(line), '?')}: {line}" for line in errors)
    assert result.returncode == 0, result.stdout + result.stderr
