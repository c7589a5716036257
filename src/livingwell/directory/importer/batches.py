"""Importing services a batch at a time, falling back to one at a time, with a report of every record."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from livingwell.directory.importer.common import ImportProblem, ImportReport, Record, _Changes
from livingwell.directory.importer.listing import _import_service
from livingwell.directory.importer.records import _batch_values, _service_schema
from livingwell.directory.importer.writers import _Batch, _Collect, _OneByOne, _OneByOneInstead
from livingwell.directory.tasks import fulltext_tidy_task

RECORD_ERRORS = (DatabaseError, ValidationError, ValueError, KeyError, TypeError, LookupError)


BATCH_SIZE = 500


def _count(report: ImportReport, changes: _Changes) -> None:
    if changes.created:
        report.created += 1
    elif changes.changed:
        report.updated += 1
    else:
        report.unchanged += 1


def _one_by_one(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    writer = _OneByOne()
    for label, record in batch:
        try:
            with transaction.atomic():
                changes = _import_service(writer, record)
        except RECORD_ERRORS as error:
            report.problems.append(ImportProblem(label, _reason(error)))
            continue
        _count(report, changes)


def _import_batch(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    """Import a batch of valid records in a few queries; if the database objects, one by one instead.

    A first pass finds the bad records and which rows the rest touch; those rows are read at once; a
    second pass works out every change in memory; the changes are written in bulk, all or nothing.
    """
    token = _batch_values.set({})
    try:
        _import_batch_twice(report, batch)
    finally:
        _batch_values.reset(token)


def _import_batch_twice(report: ImportReport, batch: list[tuple[str, Record]]) -> None:
    collected = _Collect()
    good = []
    for label, record in batch:
        try:
            _import_service(collected, record)
        except RECORD_ERRORS as error:
            report.problems.append(ImportProblem(label, _reason(error)))
            continue
        good.append((label, record))
    service_ids = [str(record["id"]) for _label, record in good]
    if len(set(service_ids)) < len(service_ids):
        _one_by_one(report, good)  # the same service twice: the later one must see the earlier one
        return
    try:
        with transaction.atomic():
            writer = _Batch(collected)
            counted = [_import_service(writer, record) for _label, record in good]
            writer.write()
    except (_OneByOneInstead, *RECORD_ERRORS):
        _one_by_one(report, good)  # each record in its own savepoint, to find and report the one at fault
        return
    for changes in counted:
        _count(report, changes)


def import_services(records: Iterable[tuple[str, Record]]) -> ImportReport:
    """Import (label, service) pairs; the label names the record in the report."""
    report = ImportReport()
    schema = _service_schema()
    batch: list[tuple[str, Record]] = []
    for label, record in records:
        problem = schema.problem(record)
        if problem is not None:
            report.problems.append(ImportProblem(label, problem))
            continue
        batch.append((label, record))
        if len(batch) == BATCH_SIZE:
            _import_batch(report, batch)
            batch = []
    if batch:
        _import_batch(report, batch)
    if (report.created or report.updated) and connection.vendor == "sqlite":
        # Imported rows are searchable at once; merging the index keeps "which of these match?" quick.
        fulltext_tidy_task.enqueue()
    return report


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, KeyError):
        return f"missing {error.args[0]}"
    return str(error).splitlines()[0][:300] or error.__class__.__name__
