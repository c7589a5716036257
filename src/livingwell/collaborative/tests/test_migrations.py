"""Receipts move from the database to file storage, sealed, and back again if the migration is undone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from livingwell.collaborative.models import Expense
from livingwell.collaborative.tests.permission_matrix import _persons_expense
from livingwell.core.files import file_read

BEFORE, AFTER = [("collaborative", "0008_advisers")], [("collaborative", "0009_receipts_in_file_storage")]


def _migrate(target: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor


@pytest.mark.django_db(transaction=True)
def test_receipts_go_to_file_storage_and_come_back(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    expense = _persons_expense()
    try:
        executor = _migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("collaborative", "Expense")
        assert bytes(old.objects.get(pk=expense.pk).receipt) == b"%PDF"
        old.objects.filter(pk=expense.pk).update(receipt=b"%PDF-1.7 a receipt kept in the database")
        _migrate(AFTER)
        moved = Expense.objects.get(pk=expense.pk)
        assert moved.receipt_file.startswith("receipts/")
        assert file_read(moved.receipt_file) == b"%PDF-1.7 a receipt kept in the database"
        assert b"a receipt kept" not in (tmp_path / moved.receipt_file).read_bytes()
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
