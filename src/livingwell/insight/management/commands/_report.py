"""How the loading commands tell what they did."""

from django.core.management.base import BaseCommand, CommandError

from livingwell.insight.history import LoadReport


def report_print(command: BaseCommand, report: LoadReport, what: str) -> None:
    """Print what was loaded and every bad row; fail if any row was bad, so a scheduled run is noticed."""
    command.stdout.write(
        f"{what}: {report.created} new, {report.updated} changed, {report.unchanged} unchanged, "
        f"{len(report.problems)} not loaded."
    )
    for line, reason in report.problems:
        command.stderr.write(f"line {line}: {reason}" if line else reason)
    if report.problems:
        raise CommandError(f"{len(report.problems)} rows were not loaded; the rest were.")
