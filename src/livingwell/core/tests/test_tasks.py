"""Email and texts go through the real django-tasks-db queue and its worker, and the queue holds ids only."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import worker_run
from livingwell.core.outbox import Message, message_builder, message_enqueue


@message_builder
def hello_message(user_id: int) -> Message:
    return Message(
        to="someone@example.org",
        subject="Hello",
        template_name="accounts/email/two_factor_enrolled.txt",
        context={"username": f"someone {user_id}", "service_name": "Living Well", "contact_email": "hello@example.org"},
    )


@pytest.mark.django_db(transaction=True)
def test_an_enqueued_email_is_built_and_sent_by_the_worker() -> None:
    result = message_enqueue(hello_message, user_id=7)
    assert mail.outbox == []
    task = DBTaskResult.objects.get(id=result.id, status="READY")
    assert task.args_kwargs["kwargs"]["ids"] == {"user_id": 7}
    assert "someone@example.org" not in str(task.args_kwargs)

    worker_run()

    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["someone@example.org"]
    assert "Hello someone 7" in message.body
    assert "Samaritans free on 116 123" in message.body
    assert "NHS 111 and choose option 2" in message.body


def not_a_builder(user_id: int) -> Message:
    return hello_message(user_id)


@pytest.mark.parametrize(
    "value", ["someone@example.org", "Ola Adeyemi", "<script>", "x" * 65, 1.5, True, {"a": 1}, b"bytes"]
)
@pytest.mark.django_db
def test_a_message_can_be_queued_with_ids_only(value: object) -> None:
    with pytest.raises(TypeError):
        message_enqueue(hello_message, user_id=value)
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_only_a_marked_builder_can_be_queued() -> None:
    with pytest.raises(TypeError):
        message_enqueue(not_a_builder, user_id=1)
    UserFactory()  # the database is untouched by the refusal
    assert not DBTaskResult.objects.exists()
