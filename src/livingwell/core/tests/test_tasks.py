"""Email goes through the real django-tasks-db queue and its worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from livingwell.core.email import email_enqueue


@pytest.mark.django_db(transaction=True)
def test_an_enqueued_email_is_sent_by_the_worker() -> None:
    result = email_enqueue(
        to="someone@example.org",
        subject="Hello",
        template_name="accounts/email/two_factor_enrolled.txt",
        context={"username": "someone", "service_name": "Living Well", "contact_email": "hello@example.org"},
    )
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["someone@example.org"]
    assert "Hello someone" in message.body
    assert "Samaritans free on 116 123" in message.body
    assert "NHS 111 and choose option 2" in message.body
