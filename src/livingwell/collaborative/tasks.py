"""Background work for co-production bodies. Run it with ``manage.py db_worker``."""

from django.tasks import task

from livingwell.collaborative.models import Meeting


@task()
def meeting_reminder_send(*, meeting_id: int, sequence: int) -> int:
    """Remind members of a meeting, unless it has changed since this reminder was queued."""
    from livingwell.collaborative.services import meeting_reminders_send

    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    return meeting_reminders_send(meeting, sequence)


@task()
def rota_reminder_send(*, turn_id: int, membership_id: int) -> bool:
    """Remind the person whose turn it is on a rota, unless the turn has been swapped since."""
    from livingwell.collaborative.rotas import rota_reminder

    return rota_reminder(turn_id, membership_id)
