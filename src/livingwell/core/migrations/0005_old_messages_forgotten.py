"""Before messages were built at send time, a queued email or text held its whole message, address and
any link included, and the result kept after sending still did. This deletes the kept results of those
old tasks that have finished. (Tasks still waiting cannot run any more: let the worker empty the queue
before this upgrade, as the release notes say.)"""

from django.db import migrations

OLD_TASKS = ["livingwell.core.tasks.email_send", "livingwell.core.tasks.text_send"]


def forget(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    results.objects.filter(task_path__in=OLD_TASKS, status__in=["SUCCESSFUL", "FAILED"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_parcel"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
