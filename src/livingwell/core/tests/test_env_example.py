"""`.env.example` lists every setting the settings modules (and gunicorn's) read from the environment, so
that whoever deploys Living Well sees each one, its default and what it does."""

import re
from pathlib import Path

import pytest

from livingwell.config import settings

CONFIG = Path(settings.__file__).parent
EXAMPLE = Path(settings.BASE_DIR) / ".env.example"
# Read through django-environ: env.str("NAME", …), env.int(…), env.db(…) and the like, however wrapped; or,
# where django-environ is not loaded (gunicorn's settings), os.environ.get("NAME").
READ = re.compile(r"\b(?:env\.[a-z_]+|os\.environ\.get)\(\s*\"([A-Z][A-Z0-9_]*)\"")
MODULES = ["settings.py", "production.py", "gunicorn.py"]


def _read_by(module: str) -> set[str]:
    return set(READ.findall((CONFIG / module).read_text()))


def _listed() -> set[str]:
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", EXAMPLE.read_text(), flags=re.MULTILINE))


@pytest.mark.parametrize("module", MODULES)
def test_every_setting_read_is_in_env_example(module: str) -> None:
    names = _read_by(module)
    assert names, "the pattern no longer finds the settings read"
    assert names - _listed() == set()


def test_env_example_names_nothing_that_is_not_read() -> None:
    read = set().union(*(_read_by(module) for module in MODULES))
    assert _listed() - read == set()
