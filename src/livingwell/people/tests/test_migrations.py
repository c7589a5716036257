"""The move from one preferred way of contact to a list of them keeps what was chosen."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_the_one_way_chosen_before_becomes_the_list() -> None:
    before, after = [("people", "0002_matching")], [("people", "0003_contact_methods")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("people", "Person")
    chose = old.objects.create(preferred_name="Jo", preferred_contact_method="text")
    any_way = old.objects.create(preferred_name="Kit", preferred_contact_method="")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("people", "Person")
    assert new.objects.get(pk=chose.pk).contact_methods == ["text"]
    assert new.objects.get(pk=any_way.pk).contact_methods == []
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
