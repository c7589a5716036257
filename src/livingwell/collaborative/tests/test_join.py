"""Joining: anyone may ask to join an open body, agreeing to its code of conduct; its chair or secretary
approves (making a member, with an account) or declines with a reason."""

import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.audit.models import AuditEvent
from livingwell.collaborative.models import JoinRequest, Member, Membership
from livingwell.collaborative.tests.factories import BodyFactory, MemberFactory, MembershipFactory
from livingwell.conftest import worker_run

pytestmark = pytest.mark.django_db


def _join(client: Client, body, group, **changes):
    data = {
        "constituency": group.pk,
        "name": "Ola Adeyemi",
        "email": "ola@example.org",
        "phone": "",
        "why": "I want services to listen.",
        "named_in_public": "",
        "agree": "on",
        "submission_id": str(uuid.uuid4()),
        **changes,
    }
    return client.post(reverse("collaborative:join", args=[body.slug]), data)


def test_anyone_can_read_the_body_and_its_code_and_ask_to_join(client: Client, the_board):
    body, groups = the_board
    page = client.get(reverse("collaborative:body", args=[body.slug]))
    assert page.status_code == 200
    assert b"Ask to join" in page.content
    code = client.get(reverse("collaborative:code_of_conduct", args=[body.slug]))
    assert b"Listen. Be kind." in code.content
    form = client.get(reverse("collaborative:join", args=[body.slug]))
    assert b"code of conduct" in form.content
    response = _join(client, body, groups["ebe"])
    assert response.status_code == 302
    assert response["Location"] == reverse("collaborative:join_sent", args=[body.slug])
    request = JoinRequest.objects.get()
    assert (request.name, request.constituency, request.status) == ("Ola Adeyemi", groups["ebe"], "waiting")
    assert request.agreed_code_at is not None
    assert "ola" not in response["Location"]


def test_asking_twice_with_the_same_form_asks_once(client: Client, the_board):
    body, groups = the_board
    token = str(uuid.uuid4())
    _join(client, body, groups["ebe"], submission_id=token)
    _join(client, body, groups["ebe"], submission_id=token)
    assert JoinRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"agree": ""}, "Agree to the code of conduct to join"),
        ({"name": "   "}, "Enter your name"),
        ({"email": "not an email"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter your email address"),
        ({"constituency": "999999"}, "Choose which group you would join as"),
        ({"constituency": "'; DROP TABLE collaborative_member; --"}, "Choose which group you would join as"),
        ({"why": "x" * 2001}, "Use 2,000 characters or fewer"),
        ({"name": "y" * 151}, "Use 150 characters or fewer"),
        ({"submission_id": "replayed"}, "Send the form again"),
    ],
)
def test_bad_answers_are_explained_and_nothing_is_saved(client: Client, the_board, changes, message):
    body, groups = the_board
    response = _join(client, body, groups["ebe"], **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.content.decode().count("<title>") == 1
    assert "Error:" in response.content.decode().split("</title>")[0]
    assert not JoinRequest.objects.exists()


def test_unicode_and_markup_are_kept_as_text(client: Client, the_board, user_with_role):
    body, groups = the_board
    _join(client, body, groups["ebe"], name="Zoë <script>alert(1)</script> 🌱", why="'; DROP TABLE x; --")
    request = JoinRequest.objects.get()
    assert request.name == "Zoë <script>alert(1)</script> 🌱"


def test_a_constituency_of_another_body_is_refused(client: Client, the_board):
    body, _groups = the_board
    other = BodyFactory()
    from livingwell.collaborative.tests.factories import ConstituencyFactory

    elsewhere = ConstituencyFactory(body=other)
    response = _join(client, body, elsewhere)
    assert response.status_code == 200
    assert not JoinRequest.objects.exists()


def test_a_closed_body_takes_no_requests(client: Client):
    body = BodyFactory(open_membership=False)
    page = client.get(reverse("collaborative:join", args=[body.slug]))
    assert b"This group is not open to join" in page.content
    response = client.post(reverse("collaborative:join", args=[body.slug]), {"name": "X"})
    assert response.status_code == 200
    assert not JoinRequest.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_approving_makes_a_member_with_an_account_and_invites_them(
    the_board, secretary: Client, django_capture_on_commit_callbacks
):
    body, groups = the_board
    _join(Client(), body, groups["ebe"], named_in_public="on")
    request = JoinRequest.objects.get()
    running = secretary.get(reverse("collaborative:running", args=[body.slug]))
    assert b"Ola Adeyemi" in running.content
    page = secretary.get(reverse("collaborative:join_request", args=[request.pk]))
    assert b"I want services to listen." in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary.post(reverse("collaborative:join_request", args=[request.pk]), {"decision": "approve"})
    assert response.status_code == 302
    member = Member.objects.get(email="ola@example.org")
    assert member.named_in_public
    membership = Membership.objects.get(member=member, body=body)
    assert membership.constituency == groups["ebe"]
    assert membership.agreed_code_at == request.agreed_code_at
    assert member.user.role == Role.PERSON
    assert not member.user.has_usable_password()
    worker_run()
    assert mail.outbox[-1].to == ["ola@example.org"]
    assert "choose a password" in mail.outbox[-1].body
    assert "116 123" in mail.outbox[-1].body  # crisis routes in every email
    # A second approval (a double click) changes nothing.
    again = secretary.post(reverse("collaborative:join_request", args=[request.pk]), {"decision": "approve"})
    assert again.status_code == 302
    assert Membership.objects.filter(member=member).count() == 1
    assert AuditEvent.objects.filter(record_type="collaborative.joinrequest", action="read").exists()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_someone_already_taking_part_elsewhere_keeps_one_member_record(
    the_board, secretary: Client, django_capture_on_commit_callbacks
):
    body, groups = the_board
    existing_user = User.objects.create(username="ola@example.org", email="ola@example.org", role=Role.PERSON)
    existing = MemberFactory(email="OLA@example.org", user=existing_user)
    _join(Client(), body, groups["ebe"])
    request = JoinRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(reverse("collaborative:join_request", args=[request.pk]), {"decision": "approve"})
    assert Member.objects.filter(email__iexact="ola@example.org").count() == 1
    assert Membership.objects.get(body=body, member=existing)
    worker_run()
    assert "Sign in with your account" in mail.outbox[-1].body


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_declining_needs_a_reason_and_tells_them(the_board, secretary: Client, django_capture_on_commit_callbacks):
    body, groups = the_board
    _join(Client(), body, groups["ebe"])
    request = JoinRequest.objects.get()
    url = reverse("collaborative:join_request", args=[request.pk])
    empty = secretary.post(url, {"decision": "decline", "reason": "  "})
    assert b"Give a reason" in empty.content
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(url, {"decision": "decline", "reason": "The Board's places are full until April."})
    request.refresh_from_db()
    assert request.status == "declined"
    assert not Member.objects.filter(email="ola@example.org").exists()
    worker_run()
    assert "places are full" in mail.outbox[-1].body


def test_only_who_runs_the_body_sees_the_requests(client: Client, the_board, signed_in_client):
    body, groups = the_board
    _join(Client(), body, groups["ebe"])
    request = JoinRequest.objects.get()
    # A secretary of another body is refused.
    other_secretary = signed_in_client(Role.SECRETARY)
    assert other_secretary.get(reverse("collaborative:join_request", args=[request.pk])).status_code == 403
    assert other_secretary.get(reverse("collaborative:running", args=[body.slug])).status_code == 403


def test_a_staff_member_joining_is_linked_to_their_own_account(the_board, secretary: Client):
    body, groups = the_board
    staff = User.objects.create(username="priya.nhs", email="priya@nhs.example", role=Role.PERSONAL_GUIDE)
    _join(Client(), body, groups["nhs"], email="Priya@nhs.example")
    secretary.post(reverse("collaborative:join_request", args=[JoinRequest.objects.get().pk]), {"decision": "approve"})
    assert Member.objects.get(email="Priya@nhs.example").user == staff


def test_the_secretary_keeps_a_members_role_details_and_training(the_board, secretary: Client):
    body, groups = the_board
    membership = MembershipFactory(body=body, constituency=groups["ebe"], member__name="Ola")
    url = reverse("collaborative:membership", args=[membership.pk])
    assert b"None recorded" in secretary.get(url).content
    secretary.post(url + "role/", {"role-role": "chair"})
    secretary.post(
        url + "details/",
        {
            "details-name": "Ola A",
            "details-email": "ola@example.org",
            "details-phone": "07700 900123",
            "details-supervision_contact": "Jo, involvement lead, 0300 000 0001",
            "details-named_in_public": "on",
        },
    )
    secretary.post(
        url + "training/",
        {
            "training-course": "coproduction",
            "training-completed_on_day": "3",
            "training-completed_on_month": "2",
            "training-completed_on_year": "2026",
        },
    )
    membership.refresh_from_db()
    membership.member.refresh_from_db()
    assert membership.role == "chair"
    assert membership.member.supervision_contact.startswith("Jo")
    assert membership.member.named_in_public
    assert membership.member.training.get().course == "coproduction"
    bad = secretary.post(url + "training/", {"training-course": "juggling"})
    assert bad.status_code == 400
    assert b"Choose the course" in bad.content
    future = secretary.post(
        url + "training/",
        {
            "training-course": "self_care",
            "training-completed_on_day": "1",
            "training-completed_on_month": "1",
            "training-completed_on_year": "2099",
        },
    )
    assert b"The date must be today or in the past" in future.content
    secretary.post(url + "leave/")
    membership.refresh_from_db()
    assert membership.left_on is not None
    assert b"Left the group on" in secretary.get(url).content
    assert AuditEvent.objects.filter(record_type="collaborative.member", detail__startswith="details changed").exists()


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_secretary_appoints_a_member_to_a_closed_body(
    the_board, secretary: Client, django_capture_on_commit_callbacks
):
    body, groups = the_board
    url = reverse("collaborative:member_add", args=[body.slug])
    data = {
        "constituency": groups["council"].pk,
        "name": "Grace Lee",
        "email": "grace@council.example",
        "role": "member",
    }
    refused = secretary.post(url, data)
    assert b"They must agree to the code of conduct to join" in refused.content
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary.post(url, {**data, "agreed": "on"})
    assert response.status_code == 302
    membership = Membership.objects.get(member__email="grace@council.example")
    assert (membership.body, membership.constituency, membership.role) == (body, groups["council"], "member")
    assert membership.member.user is not None
    again = secretary.post(url, {**data, "agreed": "on"})
    assert b"They are already a member." in again.content
    worker_run()
    assert mail.outbox[-1].to == ["grace@council.example"]


def test_the_demo_advisory_group_can_be_joined_and_meets(client: Client):
    from io import StringIO

    from livingwell.collaborative.models import Body, Meeting

    call_command("demo_load", stdout=StringIO())
    group = Body.objects.get(slug="experts-by-experience")
    html = client.get(reverse("collaborative:join", args=[group.slug])).content.decode()
    assert "Experts by Experience" in html
    assert "Carers" in html
    assert group.memberships.count() >= 3
    assert Meeting.objects.filter(body=group).exists()


def test_a_body_with_no_groups_to_join_as_can_still_be_joined(client: Client, secretary: Client, the_board):
    """An open body whose groups have not been set up takes requests all the same; approved, they join as
    one of its "Members"."""
    board, _groups = the_board
    body = BodyFactory(name="Crisis café workstream", slug="crisis-cafe", open_membership=True)
    visitor = Client()
    form = visitor.get(reverse("collaborative:join", args=[body.slug])).content.decode()
    assert "Which group would you join as?" not in form
    assert "Ask to join" in form
    sent = _join(visitor, body, board.constituencies.first(), constituency="")
    assert sent.status_code == 302
    request = JoinRequest.objects.get(body=body)
    assert request.constituency is None
    from livingwell.collaborative.tests.factories import secretary_of

    secretary_of(body, User.objects.get(username="test-secretary"))
    # A group of another body is refused rather than joined.
    other = BodyFactory(open_membership=True)
    from livingwell.collaborative.tests.factories import ConstituencyFactory

    ConstituencyFactory(body=other)
    refused = _join(visitor, other, board.constituencies.first())
    assert b"Choose which group you would join as" in refused.content
    assert (
        "No group: they join as a member"
        in secretary.get(reverse("collaborative:join_request", args=[request.pk])).content.decode()
    )
    # Approved by a secretary who reads the site in Polish: its "Members" is named in the site's language,
    # the one every later approval finds, whatever language it is made in.
    approve = f"/pl{reverse('collaborative:join_request', args=[request.pk])}"
    assert secretary.post(approve, {"decision": "approve"}).status_code == 302
    membership = Membership.objects.get(body=body, member__email="ola@example.org")
    assert membership.constituency.name == "Members"
