"""Background tasks shared by every app. Run them with ``manage.py db_worker``."""

from django.core.mail import send_mail
from django.tasks import task


@task()
def email_send(*, to: list[str], subject: str, body: str) -> None:
    """Send one plain-text email through the configured email backend."""
    send_mail(subject=subject, message=body, from_email=None, recipient_list=to)


@task()
def text_send(*, to: str, body: str) -> None:
    """Send one text message through the configured SMS backend."""
    from livingwell.core.sms import sms_backend

    sms_backend().send(to=to, body=body)
