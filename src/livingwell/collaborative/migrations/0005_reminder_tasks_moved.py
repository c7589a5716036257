"""The reminder tasks moved next to the code they run (``collaborative.tasks`` made a circle of imports):
reminders already queued are pointed at their new home, so none is lost."""

from django.db import migrations

MOVED = {
    "livingwell.collaborative.tasks.meeting_reminder_send": "livingwell.collaborative.services.meetings.meeting_reminder_send",
    "livingwell.collaborative.tasks.rota_reminder_send": "livingwell.collaborative.rotas.rota_reminder_send",
}


def forward(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in MOVED.items():
        results.objects.filter(task_path=old, status="READY").update(task_path=new)


def back(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in MOVED.items():
        results.objects.filter(task_path=new, status="READY").update(task_path=old)


class Migration(migrations.Migration):
    dependencies = [
        ("collaborative", "0004_minutes_public_corrected"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forward, back)]
