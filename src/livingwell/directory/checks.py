"""System checks of the directory: what an imported record is checked against is really checked."""

from typing import Any

from django.core.checks import CheckMessage, Error, register
from jsonschema import FormatChecker

# The formats the ORUK schema uses whose check jsonschema leaves out unless a library for it is installed.
FORMATS_CHECKED = ("date-time", "uri", "email", "uuid")


@register()
def oruk_formats_checked(**_kwargs: Any) -> list[CheckMessage]:
    missing = [name for name in FORMATS_CHECKED if name not in FormatChecker.checkers]
    if not missing:
        return []
    return [
        Error(
            f"An imported record's {', '.join(missing)} values would not be checked: jsonschema needs "
            "rfc3339-validator and rfc3986-validator, which the production install includes.",
            hint="Install the platform from its lock (uv sync --no-dev --locked).",
            id="directory.E001",
        )
    ]
