"""Provider editors keep their own organisations' listings true, and are reminded when they go stale."""

import datetime
import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in, worker_run
from livingwell.directory.models import ListingChange, ListingReport, Service
from livingwell.directory.services import listing_change_decide
from livingwell.directory.tests.factories import OrganizationFactory, ServiceFactory

VALID = {
    "name": "Walking group",
    "description": "Gentle walks round the park.",
    "eligibility_description": "",
    "fees_description": "Free",
    "url": "https://example.org/walks",
    "email": "walks@example.org",
    "alert": "",
    "status": "active",
}


@pytest.fixture
def provider(client: Client, db: None) -> tuple[Client, User, Service]:
    user = UserFactory(username="pat", role=Role.PROVIDER_EDITOR)
    own = ServiceFactory(name="Walking group")
    user.organisations.add(own.organization)
    sign_in(client, user)
    return client, user, own


def _edit(service: Service) -> str:
    return reverse("directory:listing_edit", kwargs={"service_id": service.pk})


def test_a_provider_editor_sees_and_changes_only_their_own_listings(provider) -> None:
    client, _user, own = provider
    other = ServiceFactory(name="Someone else's group")
    page = client.get(reverse("directory:listing_list")).content.decode()
    assert "Walking group" in page
    assert "Someone else&#x27;s group" not in page

    response = client.post(_edit(own), {**VALID, "description": "Longer walks now."})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.description == "Longer walks now."

    assert client.get(_edit(other)).status_code == 404
    assert client.post(_edit(other), VALID).status_code == 404
    other.refresh_from_db()
    assert other.description != VALID["description"]


def test_with_reviews_on_changes_wait_until_approved(provider, settings) -> None:
    settings.LW_DIRECTORY_REVIEW_CHANGES = True
    client, _user, own = provider
    client.post(_edit(own), {**VALID, "name": "Wednesday walks"})
    client.post(_edit(own), {**VALID, "name": "Wednesday walks"})  # a double submit
    own.refresh_from_db()
    assert own.name == "Walking group"
    change = ListingChange.objects.get()
    assert change.status == ListingChange.Status.PENDING
    assert "waiting for review" in client.get(reverse("directory:listing_list")).content.decode()

    admin = UserFactory(username="ade", role=Role.ADMINISTRATOR)
    listing_change_decide(actor=admin, change=change, approve=True)
    own.refresh_from_db()
    assert own.name == "Wednesday walks"
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (ListingChange.Status.APPROVED, admin)


def test_a_rejected_change_changes_nothing(provider, settings) -> None:
    settings.LW_DIRECTORY_REVIEW_CHANGES = True
    client, _user, own = provider
    client.post(_edit(own), {**VALID, "name": "Something wrong"})
    change = ListingChange.objects.get()
    listing_change_decide(actor=UserFactory(role=Role.ADMINISTRATOR), change=change, approve=False)
    own.refresh_from_db()
    assert own.name == "Walking group"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter the name of the listing"),
        ({"name": "   "}, "Enter the name of the listing"),
        ({"description": ""}, "Say what it is"),
        ({"url": "not a website"}, "Enter a website address"),
        ({"email": "nope"}, "Enter an email address in the correct format"),
        ({"status": "exploded"}, "Select a valid choice"),
        ({"name": "x" * 1000}, "Ensure this value has at most 255 characters"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(provider, changes, message) -> None:
    client, _user, own = provider
    before = Service.objects.values().get(pk=own.pk)
    response = client.post(_edit(own), {**VALID, **changes})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Service.objects.values().get(pk=own.pk) == before


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "Zoë's 🌻 group", "'; DROP TABLE x; --"])
def test_unusual_text_is_kept_safely(provider, text) -> None:
    client, _user, own = provider
    client.post(_edit(own), {**VALID, "description": text})
    html = client.get(reverse("directory:service_detail", kwargs={"service_id": own.pk})).content.decode()
    assert "<script>alert(1)</script>" not in html
    own.refresh_from_db()
    assert own.description == text


def test_confirming_a_listing_marks_it_checked_today(provider) -> None:
    client, user, own = provider
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Service.objects.filter(pk=own.pk).update(assured_date=datetime.date(2020, 1, 1), last_modified=long_ago)
    own.organization.email = "hello@garden.example"
    own.organization.save()
    before = timezone.now()
    response = client.post(reverse("directory:listing_confirm", kwargs={"service_id": own.pk}))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.assured_date == timezone.localdate()
    assert own.last_modified >= before  # a feed asking for changes since then carries it
    since = {"modified_after": before.isoformat()}
    changed = client.get(reverse("directory_api:service_list"), since).json()["contents"]
    assert [item["id"] for item in changed] == [str(own.pk)]
    # Published in the ORUK API: the organisation's own contact, never the editor's account.
    assert own.assurer_email == "hello@garden.example"
    api = client.get(reverse("directory_api:service_detail", kwargs={"service_id": own.pk})).content.decode()
    assert user.email not in api


def test_a_provider_editor_without_an_organisation_sees_none(client: Client, db: None) -> None:
    sign_in(client, UserFactory(role=Role.PROVIDER_EDITOR))
    ServiceFactory()
    assert "does not act for an organisation" in client.get(reverse("directory:listing_list")).content.decode()


def test_the_listing_list_takes_a_fixed_number_of_queries(provider, django_assert_num_queries) -> None:
    client, user, _own = provider
    for _ in range(10):
        user.organisations.add(ServiceFactory().organization)
    client.get(reverse("accounts:dashboard"))
    # session, user, OTP device, pending changes, open reports, listings with their organisations
    with django_assert_num_queries(6):
        client.get(reverse("directory:listing_list"))


@pytest.mark.django_db(transaction=True)
@override_settings(LW_SITE_URL="https://livingwell.example")
def test_stale_listings_are_emailed_to_their_owners_through_a_task() -> None:
    from livingwell.directory.taxonomy import default_taxonomy_ensure

    default_taxonomy_ensure()
    organisation = OrganizationFactory(email="hello@walks.example")
    UserFactory(username="pat", role=Role.PROVIDER_EDITOR, email="pat@walks.example").organisations.add(organisation)
    ServiceFactory(name="Old walk", organization=organisation, assured_date=datetime.date(2020, 1, 1))
    ServiceFactory(name="Never checked walk", organization=organisation, assured_date=None)
    ServiceFactory(name="Fresh walk", organization=organisation, assured_date=timezone.localdate())
    ServiceFactory(name="Someone else's fresh one", assured_date=timezone.localdate())

    call_command("listings_remind_stale", stdout=open("/dev/null", "w"))  # noqa: SIM115
    worker_run()  # the reminder task
    worker_run()  # the emails it queued

    assert sorted(message.to[0] for message in mail.outbox) == ["hello@walks.example", "pat@walks.example"]
    body = mail.outbox[0].body
    assert "Old walk" in body
    assert "Never checked walk" in body
    assert "Fresh walk" not in body
    assert "https://livingwell.example/directory/your-listings/" in body
    assert "116 123" in body


def _report_url(service: Service) -> str:
    return reverse("directory:report", kwargs={"service_id": service.pk})


def _token(client: Client, service: Service) -> str:
    return str(client.get(_report_url(service)).context["form"]["submission_id"].value())


def test_anyone_can_report_something_wrong_once_per_form(client: Client, db: None) -> None:
    service = ServiceFactory(name="Choir")
    token = _token(client, service)
    for _ in range(2):  # a double submit
        response = client.post(_report_url(service), {"message": "It moved to Tuesdays.", "submission_id": token})
        assert response.status_code == 302
    assert ListingReport.objects.get().message == "It moved to Tuesdays."
    thanks = client.get(response["Location"])
    assert "Thank you for telling us" in thanks.content.decode()
    assert "116 123" in thanks.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "Tell us what is wrong"),
        ({"message": "   "}, "Tell us what is wrong"),
        ({"message": "x" * 2001}, "Tell us in 2,000 characters or fewer"),
        ({"message": "ok", "submission_id": "not-a-token"}, "Send the form again"),
        ({"message": "ok", "submission_id": ""}, "Send the form again"),
    ],
)
def test_bad_reports_get_a_clear_message_and_save_nothing(client: Client, db: None, data: dict, message: str) -> None:
    service = ServiceFactory()
    response = client.post(_report_url(service), {"submission_id": _token(client, service), **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ListingReport.objects.exists()


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "Zoë 🌻", "'; DROP TABLE directory_listingreport; --"])
def test_reports_keep_unusual_text_safely(client: Client, provider, text: str) -> None:
    client, _user, own = provider
    client.post(_report_url(own), {"message": text, "submission_id": _token(client, own)})
    assert ListingReport.objects.get().message == text
    html = client.get(reverse("directory:report_list")).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_reports_of_unknown_or_hidden_listings_are_not_found(client: Client, db: None) -> None:
    hidden = ServiceFactory(is_published=False)
    assert client.get(_report_url(hidden)).status_code == 404
    assert client.get("/directory/services/00000000-0000-0000-0000-000000000000/report/").status_code == 404


def test_the_owner_sees_their_reports_and_deals_with_them(provider) -> None:
    client, _user, own = provider
    other = ServiceFactory()
    mine = ListingReport.objects.create(service=own, message="Wrong phone number", submission_id=uuid.uuid4())
    theirs = ListingReport.objects.create(service=other, message="Not mine to see", submission_id=uuid.uuid4())
    assert "1 report of something wrong to look at" in client.get(reverse("directory:listing_list")).content.decode()
    queue = client.get(reverse("directory:report_list")).content.decode()
    assert "Wrong phone number" in queue
    assert "Not mine to see" not in queue

    resolve = reverse("directory:report_resolve", kwargs={"report_id": theirs.pk})
    assert client.post(resolve).status_code == 404
    client.post(reverse("directory:report_resolve", kwargs={"report_id": mine.pk}))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == ListingReport.Status.RESOLVED
    assert theirs.status == ListingReport.Status.OPEN
    assert "There is nothing to look at" in client.get(reverse("directory:report_list")).content.decode()


def test_the_editor_is_offered_plainer_words_before_saving_and_may_save_as_it_is(provider) -> None:
    client, _user, own = provider
    jargon = {**VALID, "description": "We facilitate a holistic intervention for each SU in order to help."}
    checked = client.post(_edit(own), {**jargon, "check_wording": "yes"})
    page = checked.content.decode()
    assert checked.status_code == 200
    assert "Suggestions to make it easier to read" in page
    assert "“SU”" in page
    assert "Try “to” instead of “in order to”" in page
    assert "You can still publish it as it is" in page
    own.refresh_from_db()
    assert own.description != jargon["description"]  # checking saves nothing

    assert client.post(_edit(own), jargon).status_code == 302  # never a block
    own.refresh_from_db()
    assert own.description == jargon["description"]
    assert "“SU”" in client.get(_edit(own)).content.decode()  # the saved words, checked again

    own.description = "Gentle walks round the park, every Wednesday morning."
    own.save()
    assert "Suggestions to make it easier to read" not in client.get(_edit(own)).content.decode()
