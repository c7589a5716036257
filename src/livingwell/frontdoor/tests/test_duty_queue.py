"""The Hub's duty queue through HTTP: who sees it, its order, the waiting clock, taking one, audit."""

import datetime
import zoneinfo
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.frontdoor.access import works_the_duty_queue
from livingwell.frontdoor.tests.factories import IntroductionFactory, introduction_days_old
from livingwell.frontdoor.waiting import first_call_overdue, working_days_between

QUEUE = reverse("frontdoor:queue")
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_only_the_duty_roles_work_the_queue(user_with_role: Callable[[Role], User], role: Role) -> None:
    expected = role in {Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR}
    assert works_the_duty_queue(user_with_role(role)) is expected


@pytest.mark.django_db
def test_urgent_introductions_come_first_then_the_oldest(signed_in_client: Callable[[Role], Client]) -> None:
    newest = introduction_days_old(0.1, preferred_name="Newest")
    oldest = introduction_days_old(5, preferred_name="Oldest")
    urgent = introduction_days_old(0.01, preferred_name="Urgent", is_urgent=True, urgent_phrases=["not safe"])
    client = signed_in_client(Role.DUTY_WORKER)
    page = client.get(QUEUE).context["page"]
    assert [introduction.pk for introduction in page] == [urgent.pk, oldest.pk, newest.pk]
    html = client.get(QUEUE).content.decode()
    assert html.index("Urgent") < html.index("Oldest") < html.index("Newest")
    assert "Over target" in html  # five days old


@pytest.mark.django_db
def test_the_queue_takes_a_fixed_number_of_queries_and_audits_each_read(
    signed_in_client: Callable[[Role], Client], django_assert_num_queries
) -> None:
    client = signed_in_client(Role.DUTY_WORKER)
    client.get(QUEUE)
    for _n in range(30):
        IntroductionFactory()
    before = AuditEvent.objects.count()
    with django_assert_num_queries(8):  # session, user, second factor, count, page, audit; flags, unsent alerts
        response = client.get(QUEUE)
    assert response.status_code == 200
    assert AuditEvent.objects.count() - before == 30


def test_working_days_and_the_first_call_target(settings) -> None:
    friday = datetime.date(2026, 11, 20)
    assert working_days_between(friday, datetime.date(2026, 11, 23)) == 1  # over the weekend to Monday
    assert working_days_between(friday, datetime.date(2026, 11, 24)) == 2
    settings.LW_FIRST_CALL_WORKING_DAYS = 2
    introduced = datetime.datetime(2026, 11, 20, 16, tzinfo=LONDON)  # a Friday afternoon
    assert not first_call_overdue(introduced, datetime.datetime(2026, 11, 24, 16, tzinfo=LONDON))
    assert first_call_overdue(introduced, datetime.datetime(2026, 11, 25, 9, tzinfo=LONDON))


@pytest.mark.django_db
def test_a_duty_worker_reads_and_takes_an_introduction(signed_in_client: Callable[[Role], Client]) -> None:
    introduction = IntroductionFactory(
        preferred_name="Sam", good_at="Fixing bikes", is_urgent=True, urgent_phrases=["want to die"]
    )
    client = signed_in_client(Role.DUTY_WORKER)
    url = reverse("frontdoor:introduction", kwargs={"introduction_id": introduction.pk})
    html = client.get(url).content.decode()
    assert "Fixing bikes" in html
    assert "want to die" in html
    read = AuditEvent.objects.filter(record_id=str(introduction.pk), action=AuditEvent.Action.READ)
    assert read.count() == 1
    response = client.post(reverse("frontdoor:claim", kwargs={"introduction_id": introduction.pk}), follow=True)
    assert "You have taken this introduction" in response.content.decode()
    introduction.refresh_from_db()
    assert introduction.claimed_by is not None
    assert introduction.claimed_by.role == Role.DUTY_WORKER
    assert AuditEvent.objects.filter(record_id=str(introduction.pk), action=AuditEvent.Action.CHANGE).count() == 1


@pytest.mark.django_db
def test_someone_else_took_it_first(
    signed_in_client: Callable[[Role], Client], user_with_role: Callable[[Role], User]
) -> None:
    other = user_with_role(Role.HUB_MANAGER)
    introduction = IntroductionFactory(claimed_by=other, claimed_at=timezone.now())
    client = signed_in_client(Role.DUTY_WORKER)
    url = reverse("frontdoor:claim", kwargs={"introduction_id": introduction.pk})
    response = client.post(url, follow=True)
    assert "took this introduction first" in response.content.decode()
    introduction.refresh_from_db()
    assert introduction.claimed_by == other


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["00000000-0000-0000-0000-000000000000"])
def test_an_unknown_introduction_is_not_found(signed_in_client: Callable[[Role], Client], bad: str) -> None:
    client = signed_in_client(Role.DUTY_WORKER)
    assert client.get(reverse("frontdoor:introduction", kwargs={"introduction_id": bad})).status_code == 404
    assert client.get(reverse("frontdoor:claim", kwargs={"introduction_id": bad})).status_code == 405


def test_an_introduction_written_in_another_language_says_so_to_the_duty_team(
    signed_in_client: Callable[[Role], Client],
) -> None:
    duty_client = signed_in_client(Role.DUTY_WORKER)
    introduction = IntroductionFactory(written_in="pl")
    IntroductionFactory(written_in="en-gb", preferred_name="Alex")
    queue = duty_client.get(reverse("frontdoor:queue")).content.decode()
    assert queue.count("Written in Polish (Polski)") == 1
    detail = duty_client.get(reverse("frontdoor:introduction", args=[introduction.pk])).content.decode()
    assert "Written in Polish (Polski): read it with a translation." in detail
