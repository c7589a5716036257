"""A person's rights: subject access across every app, made by the worker and downloaded once; erasure that
leaves nothing of what identifies them or what they said, keeping what must be kept; and the audit of both."""

import io
import json
import zipfile
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.models import Claim
from livingwell.collaborative.models import Member as CollaborativeMember
from livingwell.conftest import shipped_ensure, sign_in, worker_run
from livingwell.core.models import Delivery
from livingwell.core.outbox import message_enqueue
from livingwell.core.personal_data import ERASED, personal_data_modules
from livingwell.frontdoor.models import Introduction
from livingwell.frontdoor.services import confirmation_message
from livingwell.frontdoor.tests.factories import IntroductionFactory
from livingwell.people.models import Person
from livingwell.rights.models import SubjectAccess
from livingwell.rights.subject_access import held_everywhere
from livingwell.safety.models import RiskFlag
from livingwell.support.models import Episode, Plan
from livingwell.timebank.models import Member as TimebankMember

pytestmark = pytest.mark.django_db

# Staff's own records: a person we support is never their subject.
STAFF_ONLY = {"support.GuideProfile"}


@pytest.fixture(autouse=True)
def _files(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo() -> None:
    shipped_ensure()  # after a transactional test, what the migrations ship is gone
    call_command("demo_load", stdout=StringIO())


@pytest.fixture
def hub(client: Client) -> Client:
    sign_in(client, User.objects.create_user(username="hub-manager-rights", role=Role.HUB_MANAGER))
    return client


def _about_a_person(model: type[models.Model]) -> bool:
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is Person:
            return True
        if field.name == "person_id":
            return True
        if field.is_relation and field.related_model is User and field.name == "user":
            return True
    return False


def test_every_model_about_a_person_is_named_by_an_app() -> None:
    """A newer app's records about a person cannot be left out of subject access and erasure unnoticed."""
    named = {model._meta.label for module in personal_data_modules() for model in module.MODELS}
    about = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("livingwell.") and _about_a_person(model)
    }
    assert about - named - STAFF_ONLY == set()


def _jo_with_account_everywhere() -> Person:
    """The demo's Jo, with an introduction of hers, and an account that is also a time bank member and a
    Collaborative member with a claim, so that every app holds something about her."""
    jo = Person.objects.get(preferred_name="Jo")
    user = User.objects.create_user(username="jo-account", email="jo.account@example.org", role=Role.PERSON)
    Person.objects.filter(pk=jo.pk).update(user=user)
    TimebankMember.objects.filter(pk=TimebankMember.objects.filter(user__isnull=True).first().pk).update(user=user)
    first = Introduction.objects.filter(person__isnull=True).order_by("pk").first()
    Introduction.objects.filter(pk=first.pk).update(person=jo)
    claim = Claim.objects.first()
    CollaborativeMember.objects.filter(pk=claim.member_id).update(user=user)
    jo.refresh_from_db()
    return jo


def _export(hub: Client, person: Person, django_capture_on_commit_callbacks) -> dict[str, bytes]:
    with django_capture_on_commit_callbacks(execute=True):
        asked = hub.post(reverse("rights:subject_access_ask", args=[person.pk]))
    assert asked.status_code == 302
    worker_run()
    export = SubjectAccess.objects.get(person=person)
    assert export.status == SubjectAccess.Status.READY
    page = hub.get(reverse("rights:person_rights", args=[person.pk])).content.decode()
    assert "Download, once" in page
    download = hub.post(reverse("rights:subject_access_download", args=[export.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert str(person.pk) not in download["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_subject_access_holds_everything_from_every_app_and_downloads_once(
    demo, hub: Client, django_capture_on_commit_callbacks
) -> None:
    jo = _jo_with_account_everywhere()
    hub.get(reverse("people:person_detail", args=[jo.pk]))  # a read, which the export must list
    files = _export(hub, jo, django_capture_on_commit_callbacks)
    assert {"subject-access.html", "subject-access.json"} <= files.keys()
    assert "subject-access.pdf" in files or "README.txt" in files
    data = json.loads(files["subject-access.json"])
    held = {section["title"]: section["records"] for section in data["sections"]}
    for title in [
        "Your record",
        "Your introductions",
        "Your support from the Hub (episodes)",
        "Your plan",
        "Your goals",
        "Your measures",
        "Your personal budget",
        "Peer supporters you were introduced to",
        "Your sessions with a peer supporter",
        "Your time bank membership",
        "Your hours",
        "You as a member of the Collaborative",
        "Your memberships",
        "Your payment claims",
        "Your account for signing in",
        "Who has read or changed your records",
    ]:
        assert held[title], f"{title} should hold Jo's records"
    assert held["Your record"][0]["the name you like to be called"] == "Jo"
    assert "password" not in json.dumps(held["Your account for signing in"])
    assert all("phone_key" not in row for row in held["Your record"])
    assert any(row["what"] == "Read" for row in held["Who has read or changed your records"])
    html = files["subject-access.html"].decode()
    assert "What we hold about you" in html
    assert "116 123" in html  # the crisis routes
    assert "ico.org.uk" in html

    # Once only: the second download is refused and the file is gone.
    export = SubjectAccess.objects.get(person=jo)
    assert export.status == SubjectAccess.Status.DOWNLOADED
    assert export.file_name == ""
    again = hub.post(reverse("rights:subject_access_download", args=[export.pk]), follow=True)
    assert "already been downloaded" in again.content.decode()
    details = list(
        AuditEvent.objects.filter(person_id=jo.pk, action=AuditEvent.Action.EXPORT).values_list("detail", flat=True)
    )
    assert sorted(details) == ["subject access asked", "subject access downloaded", "subject access made"]


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_file_kept_is_sealed(hub: Client, django_capture_on_commit_callbacks, tmp_path: Path) -> None:
    jo = Person.objects.create(preferred_name="Jo", email="jo.sealed@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        hub.post(reverse("rights:subject_access_ask", args=[jo.pk]))
        hub.post(reverse("rights:subject_access_ask", args=[jo.pk]))  # a double click makes one
    worker_run()
    assert SubjectAccess.objects.filter(person=jo).count() == 1
    (kept,) = (tmp_path / "subject-access").iterdir()
    content = kept.read_bytes()
    assert jo.email.encode() not in content
    assert not content.startswith(b"PK")  # not a zip anyone could open
    assert content.startswith(b"gAAAAA")  # a Fernet token


def _texts_everywhere() -> Iterator[str]:
    """Every value of every text column of every table of ours, the audit trail included."""
    for model in apps.get_models():
        if not model.__module__.startswith("livingwell."):
            continue
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*names):
            yield " ".join(value if isinstance(value, str) else json.dumps(value, default=str) for value in row)


def test_erasure_clears_every_app_and_keeps_what_must_be_kept(
    demo, hub: Client, django_capture_on_commit_callbacks
) -> None:
    jo = _jo_with_account_everywhere()
    plan = Plan.objects.get(person=jo)
    words = [jo.email, plan.crisis_plan or plan.what_matters, "jo.account@example.org"]
    words += [i.in_their_words for i in Introduction.objects.filter(person=jo) if len(i.in_their_words) > 12]
    RiskFlag.objects.create(where="a test", written="Jo wrote this worrying sentence", person_id=jo.pk)
    words.append("Jo wrote this worrying sentence")
    words = [word for word in words if word]
    assert len(words) >= 4

    page = reverse("rights:person_rights", args=[jo.pk])
    erase = reverse("rights:person_erase", args=[jo.pk])
    unconfirmed = hub.post(erase, {})
    assert unconfirmed.status_code == 400
    assert "Confirm that the law allows this erasure" in unconfirmed.content.decode()
    refused = hub.post(erase, {"confirmed": "on"}, follow=True)
    assert "Their support is still open" in refused.content.decode()
    assert Person.objects.get(pk=jo.pk).erased_at is None

    Episode.objects.filter(person=jo).update(status=Episode.Status.CLOSED)
    Introduction.objects.filter(person=jo).update(status=Introduction.Status.ROUTED)
    budgets_before = sorted(jo.budgets.values_list("amount", flat=True))
    done = hub.post(erase, {"confirmed": "on"}, follow=True)
    assert "Their record has been erased" in done.content.decode()
    twice = hub.post(erase, {"confirmed": "on"}, follow=True)
    assert "already been erased" in twice.content.decode()

    jo.refresh_from_db()
    assert (jo.preferred_name, jo.email, jo.phone, jo.date_of_birth) == (ERASED, "", "", None)
    assert jo.erased_at is not None
    everything = "\n".join(_texts_everywhere())
    for word in words:
        assert word not in everything, f"{word!r} is still held"
    # Kept: money, the ledger, that the flag was raised, the claims; the account cannot sign in.
    assert sorted(jo.budgets.values_list("amount", flat=True)) == budgets_before
    assert RiskFlag.objects.filter(person_id=jo.pk).exists()
    user = User.objects.get(pk=jo.user_id)
    assert (user.is_active, user.email, user.has_usable_password()) == (False, "", False)
    assert Claim.objects.filter(member__user=user).exists()
    assert TimebankMember.objects.get(user=user).name == ERASED
    # The audit trail keeps the fact of it, with counts, never words.
    event = AuditEvent.objects.get(person_id=jo.pk, action=AuditEvent.Action.DELETE)
    assert event.detail.startswith("erased (asked): ")
    assert "support.plan 1" in event.detail
    # Nothing is left to export.
    hub.post(reverse("rights:subject_access_ask", args=[jo.pk]))
    assert not SubjectAccess.objects.filter(person=jo).exists()
    assert "Their record has been erased" in hub.get(page).content.decode()


@pytest.mark.parametrize("role", [Role.PERSONAL_GUIDE, Role.DUTY_WORKER, Role.PERSON, Role.ANALYST])
def test_only_the_hub_manager_reaches_a_persons_rights(client: Client, role: Role) -> None:
    person = Person.objects.create(preferred_name="Sam")
    sign_in(client, User.objects.create_user(username=f"not-hub-{role.value}", role=role))
    assert client.get(reverse("rights:person_rights", args=[person.pk])).status_code == 403
    assert client.post(reverse("rights:person_erase", args=[person.pk]), {"confirmed": "on"}).status_code == 403
    assert client.post(reverse("rights:subject_access_ask", args=[person.pk])).status_code == 403
    person.refresh_from_db()
    assert (person.preferred_name, SubjectAccess.objects.count()) == ("Sam", 0)


def test_bad_ids_are_not_found(hub: Client) -> None:
    assert hub.get("/people/not-a-uuid/rights/").status_code == 404
    missing = "00000000-0000-0000-0000-000000000000"
    assert hub.get(reverse("rights:person_rights", args=[missing])).status_code == 404
    assert hub.post(reverse("rights:person_erase", args=[missing]), {"confirmed": "on"}).status_code == 404
    gone = hub.post(reverse("rights:subject_access_download", args=[missing]))
    assert gone.status_code == 302


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_messages_sent_about_their_records_are_listed_without_their_words() -> None:
    person = Person.objects.create(preferred_name="Ash", email="ash@example.org")
    introduction = IntroductionFactory(person=person, email="ash@example.org", contact_methods=["email"])
    other = IntroductionFactory(email="someone.else@example.org", contact_methods=["email"])
    for each in (introduction, other):
        message_enqueue(confirmation_message, introduction_id=each.pk, key=f"confirmation:{each.pk}")
    worker_run()
    assert Delivery.objects.count() == 2
    held = {held.title: held.rows for held in held_everywhere(person)}
    (sent,) = held["Messages about your introductions"]
    assert sent["channel"] == "email"
    assert sent["status"] == "Sent"
    assert "ash@example.org" not in json.dumps(sent)


def test_the_rights_page_asks_the_same_few_queries_however_many_exports(
    hub: Client, django_assert_max_num_queries
) -> None:
    person = Person.objects.create(preferred_name="Ash")
    asker = User.objects.create_user(username="another-hub-manager", role=Role.HUB_MANAGER)
    url = reverse("rights:person_rights", args=[person.pk])
    hub.get(url)
    with django_assert_max_num_queries(12) as few:
        hub.get(url)
    for _ in range(15):
        SubjectAccess.objects.create(person=person, asked_by=asker, status=SubjectAccess.Status.DOWNLOADED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert hub.get(url).status_code == 200


def test_values_are_written_as_words() -> None:
    person = Person.objects.create(
        preferred_name="Ash <script>alert(1)</script>", contact_methods=["email", "text"], needs_interpreter=True
    )
    (record,) = {held.title: held.rows for held in held_everywhere(person)}["Your record"]
    assert record["how you would like us to contact you"] == "email, text"
    assert record["needs an interpreter"] == "yes"
    assert record["date of birth"] == ""
    assert record["the name you like to be called"] == "Ash <script>alert(1)</script>"  # escaped where shown
    html = render_to_string("rights/subject_access_document.html", {"sections": held_everywhere(person)})
    assert "<script>alert(1)" not in html
    assert "Ash &lt;script&gt;" in html
