"""`.env.example` lists every setting the settings modules read from the environment, so that whoever
deploys Living Well sees each one, its default and what it does."""

import re
from pathlib import Path

import pytest

from livingwell.config import settings

CONFIG = Path(settings.__file__).parent
EXAMPLE = Path(settings.BASE_DIR) / ".env.example"
# Read through django-environ: env.str("NAME", …), env.int(…), env.db(…) and the like, however wrapped.
READ = re.compile(r"\benv\.[a-z_]+\(\s*\"([A-Z][A-Z0-9_]*)\"")


def _read_by(module: str) -> set[str]:
    return set(READ.findall((CONFIG / module).read_text()))


def _listed() -> set[str]:
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", EXAMPLE.read_text(), flags=re.MULTILINE))


@pytest.mark.parametrize("module", ["settings.py", "production.py"])
def test_every_setting_read_is_in_env_example(module: str) -> None:
    names = _read_by(module)
    assert len(names) > 3, "the pattern no longer finds the settings read"
    assert names - _listed() == set()


def test_env_example_names_nothing_that_is_not_read() -> None:
    read = _read_by("settings.py") | _read_by("production.py")
    assert _listed() - read == set()
