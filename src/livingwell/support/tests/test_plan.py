"""The person's own plan: About me, connections, goals under the Big 3, reviews, comments, agreement,
and the invitation to read it online."""

import re
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from pytest_django import DjangoAssertNumQueries

from livingwell.accounts.models import Role, User
from livingwell.conftest import worker_run
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.access import access_goal_for, access_own_plan_for, access_plan_for
from livingwell.support.models import Action, Connection, Episode, Goal, Plan, PlanComment
from livingwell.support.tests.factories import EpisodeFactory

MY_PLAN = reverse("support:my_plan")
PLAN_QUERIES = 13  # the same however many goals, steps, connections, comments (and, About me empty, arrivals)


def _url(name: str, episode: Episode) -> str:
    return reverse(f"support:{name}", kwargs={"episode_id": episode.pk})


def _goal(outcome: str, what: str) -> dict[str, str]:
    return {"outcome": outcome, "what": what, "who_helps": "Gabriel", "submission_id": str(uuid.uuid4())}


def test_a_guide_builds_a_plan_with_goals_under_each_big_3_outcome(guide: Client, episode: Episode) -> None:
    assert "Start the plan" in guide.get(_url("plan", episode)).content.decode()
    guide.post(_url("plan_start", episode))
    guide.post(_url("about_me", episode), {"strengths": "Patient, good with animals", "crisis_plan": "Call my sister"})
    guide.post(
        _url("connection_new", episode),
        {"name": "My sister Ade", "kind": "family", "closeness": "close", "may_share": "on"},
    )
    guide.post(_url("connection_new", episode), {"name": "Allotment group", "kind": "community", "closeness": "wider"})
    for outcome, what in [
        ("stay_well", "Sleep through the night"),
        ("own_choices", "Choose a course to do"),
        ("taking_part", "Join the walking group"),
    ]:
        assert guide.post(_url("goal_new", episode), _goal(outcome, what)).status_code == 302
    plan = Plan.objects.get(person=episode.person)
    html = guide.get(_url("plan", episode)).content.decode()
    for text in ("Patient, good with animals", "Call my sister", "My sister Ade", "Sleep through the night"):
        assert text in html
    assert "Feeling better and staying well" in html
    assert 'role="img"' in html  # the connections picture, with the list as its text alternative
    assert Connection.objects.get(name="My sister Ade").may_share_changed_at is not None
    assert plan.goals.count() == 3
    assert plan.version == 7  # every change to what it says


def test_steps_and_reviews_take_a_goal_to_achieved(guide: Client, episode: Episode) -> None:
    guide.post(_url("plan_start", episode))
    guide.post(_url("goal_new", episode), _goal("taking_part", "Join the walking group"))
    goal = Goal.objects.get()
    step = {"what": "Go once with Gabriel", "who": "Robin and Gabriel", "submission_id": str(uuid.uuid4())}
    step |= {"due_on_day": "1", "due_on_month": "1", "due_on_year": "2030"}
    guide.post(reverse("support:goal_step", kwargs={"goal_id": goal.pk}), step)
    assert Action.objects.get().goal == goal
    review = reverse("support:goal_review", kwargs={"goal_id": goal.pk})
    guide.post(review, {"progress": "6", "note": "Went twice"})
    goal.refresh_from_db()
    assert (goal.progress, goal.achieved_at) == (6, None)
    guide.post(review, {"progress": "10", "note": "Goes every week now"})
    goal.refresh_from_db()
    assert goal.progress == 10
    assert goal.achieved_at is not None
    assert goal.next_review_on is None
    html = guide.get(_url("plan", episode)).content.decode()
    assert "Achieved" in html
    assert "Go once with Gabriel" in html


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("goal_new", {}, "Select which outcome the goal is about"),
        ("goal_new", {"outcome": "world_peace", "what": "x"}, "Select a valid choice"),
        ("goal_new", {"outcome": "stay_well", "what": "x" * 301}, "Use 300 characters or fewer"),
        ("connection_new", {"name": "Ade"}, "Select what kind of connection"),
        ("connection_new", {"name": "", "kind": "family", "closeness": "close"}, "Enter who they are"),
        ("about_me", {"strengths": "x" * 5001}, "Use 5000 characters or fewer"),
    ],
)
def test_plan_forms_with_something_wrong_say_what(
    guide: Client, episode: Episode, name: str, data: dict[str, str], message: str
) -> None:
    guide.post(_url("plan_start", episode))
    response = guide.post(_url(name, episode), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Plan.objects.get().version == 1


@pytest.mark.parametrize("progress", ["11", "-1", "abc", "", "<b>5</b>"])
def test_a_review_needs_a_number_from_0_to_10(guide: Client, episode: Episode, progress: str) -> None:
    guide.post(_url("plan_start", episode))
    guide.post(_url("goal_new", episode), _goal("stay_well", "Sleep"))
    goal = Goal.objects.get()
    response = guide.post(reverse("support:goal_review", kwargs={"goal_id": goal.pk}), {"progress": progress})
    assert response.status_code == 200
    assert not goal.reviews.exists()


def test_a_review_date_in_the_past_is_refused(guide: Client, episode: Episode) -> None:
    guide.post(_url("plan_start", episode))
    guide.post(_url("goal_new", episode), _goal("stay_well", "Sleep"))
    goal = Goal.objects.get()
    data = {"progress": "5", "next_review_on_day": "1", "next_review_on_month": "1", "next_review_on_year": "2001"}
    response = guide.post(reverse("support:goal_review", kwargs={"goal_id": goal.pk}), data)
    assert "The next review must be today or later" in response.content.decode()
    assert not goal.reviews.exists()


def test_the_plan_page_takes_the_same_queries_however_big(
    guide: Client, episode: Episode, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    guide.post(_url("plan_start", episode))
    guide.post(_url("goal_new", episode), _goal("stay_well", "Sleep"))
    guide.get(_url("plan", episode))
    with django_assert_num_queries(PLAN_QUERIES):
        guide.get(_url("plan", episode))
    for number in range(10):
        guide.post(_url("goal_new", episode), _goal("taking_part", f"Goal {number}"))
        guide.post(
            _url("connection_new", episode), {"name": f"Friend {number}", "kind": "friend", "closeness": "middle"}
        )
        guide.post(_url("plan_comment", episode), {"text": f"Comment {number}", "submission_id": str(uuid.uuid4())})
    with django_assert_num_queries(PLAN_QUERIES):
        guide.get(_url("plan", episode))


@pytest.mark.django_db(transaction=True)
def test_the_person_is_invited_reads_comments_on_and_agrees_their_plan(guide: Client, episode: Episode) -> None:
    guide.post(_url("plan_start", episode))
    guide.post(_url("goal_new", episode), _goal("stay_well", "Sleep through the night"))
    guide.post(_url("invite", episode))
    worker_run()
    (invitation,) = mail.outbox
    assert invitation.to == ["robin@example.org"]
    link = re.search(r"http://\S+/account/welcome/\S+", invitation.body)
    assert link is not None

    person = Client()
    opened = person.get(urlsplit(link.group(0)).path, follow=True)
    assert "Choose a password" in opened.content.decode()
    password = "a walk by the river at dawn"
    chosen = person.post(opened.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert chosen["Location"] == MY_PLAN
    page = person.get(MY_PLAN).content.decode()
    assert "Sleep through the night" in page
    version = Plan.objects.get().version

    person.post(
        reverse("support:my_plan_comment"), {"text": "Can we add swimming?", "submission_id": str(uuid.uuid4())}
    )
    assert PlanComment.objects.get().text == "Can we add swimming?"
    person.post(reverse("support:my_plan_agree"), {"version": str(version)})
    plan = Plan.objects.get()
    assert plan.is_agreed
    assert "Agreed" in guide.get(_url("plan", episode)).content.decode()

    # A change to the plan asks them to agree again; agreeing to an older version is refused.
    person.post(reverse("support:my_about_me"), {"keeps_me_well": "Swimming on Sundays"})
    plan.refresh_from_db()
    assert not plan.is_agreed
    response = person.post(reverse("support:my_plan_agree"), {"version": str(version)}, follow=True)
    assert "Your plan changed while you were reading it" in response.content.decode()
    assert not Plan.objects.get().is_agreed

    # The link worked once.
    assert (
        "This link has been used or has expired"
        in Client().get(urlsplit(link.group(0)).path, follow=True).content.decode()
    )


def test_an_invitation_needs_an_email_and_no_account_already(guide: Client, episode: Episode) -> None:
    episode.person.email = ""
    episode.person.save()
    response = guide.post(_url("invite", episode), follow=True)
    assert "have not given an email address" in response.content.decode()
    assert not User.objects.filter(role=Role.PERSON).exists()
    episode.person.email = "test-personal_guide@livingwell.example"  # someone else's account already
    episode.person.save()
    User.objects.create(username="test-personal_guide@livingwell.example")
    assert "Someone else has an account" in guide.post(_url("invite", episode), follow=True).content.decode()


def test_a_person_sees_and_changes_only_their_own_plan(signed_in_client: Callable[[Role], Client]) -> None:
    client = signed_in_client(Role.PERSON)
    me = PersonFactory(user=User.objects.get(username="test-person"))
    assert "You do not have a plan yet" in client.get(MY_PLAN).content.decode()
    mine = Plan.objects.create(person=me)
    theirs = Plan.objects.create(person=PersonFactory())
    their_goal = Goal.objects.create(plan=theirs, outcome="stay_well", what="Their goal")
    their_connection = Connection.objects.create(plan=theirs, name="Their sister", kind="family", closeness="close")
    own_connection = Connection.objects.create(plan=mine, name="My friend", kind="friend", closeness="close")
    assert "Their goal" not in client.get(MY_PLAN).content.decode()
    sharing = "support:connection_sharing"
    assert (
        client.post(reverse(sharing, kwargs={"connection_id": their_connection.pk}), {"may_share": "yes"}).status_code
        == 403
    )
    client.post(reverse(sharing, kwargs={"connection_id": own_connection.pk}), {"may_share": "yes"})
    own_connection.refresh_from_db()
    assert own_connection.may_share
    assert client.get(reverse("support:goal_review", kwargs={"goal_id": their_goal.pk})).status_code == 403


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_empty_or_huge_comment_adds_nothing(guide: Client, episode: Episode, text: str) -> None:
    guide.post(_url("plan_start", episode))
    response = guide.post(
        _url("plan_comment", episode), {"text": text, "submission_id": str(uuid.uuid4())}, follow=True
    )
    assert "nothing was added" in response.content.decode()
    assert not PlanComment.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_who_reads_a_plan(user_with_role: Callable[[Role], User], role: Role) -> None:
    user = user_with_role(role)
    episode = EpisodeFactory(guide=user) if role != Role.PERSON else EpisodeFactory()
    plan = Plan.objects.create(person=episode.person)
    goal = Goal.objects.create(plan=plan, outcome="stay_well", what="Sleep")
    guides = {Role.PERSONAL_GUIDE, Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR}
    if role in guides:
        view = access_plan_for(user, episode)
        assert view is not None
        assert view.plan == plan
        assert access_goal_for(user, goal.pk) == goal
    else:
        with pytest.raises(PermissionDenied):
            access_plan_for(user, episode)
        with pytest.raises(PermissionDenied):
            access_goal_for(user, goal.pk)
    if role == Role.PERSON:
        assert access_own_plan_for(user) is None  # not theirs
        episode.person.user = user
        episode.person.save()
        own = access_own_plan_for(user)
        assert own is not None
        assert own.plan == plan
        assert access_goal_for(user, goal.pk) == goal
    else:
        with pytest.raises(PermissionDenied):
            access_own_plan_for(user)
    with pytest.raises(PermissionDenied):
        access_own_plan_for(AnonymousUser())  # type: ignore[arg-type]


def test_a_staff_account_never_signs_in_by_an_invitation_link(db: None) -> None:
    staff = User.objects.create(username="dee", role=Role.DUTY_WORKER)
    url = reverse(
        "accounts:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(staff.pk)),
            "token": default_token_generator.make_token(staff),
        },
    )
    page = Client().get(url, follow=True).content.decode()
    assert "This link has been used or has expired" in page


def test_opening_a_plan_form_writes_nothing(guide: Client, episode: Episode) -> None:
    for name in ("about_me", "connection_new", "goal_new"):
        assert guide.get(_url(name, episode)).status_code == 200
    assert not Plan.objects.exists()
    assert guide.post(_url("about_me", episode), {"strengths": "Patient"}).status_code == 302
    assert Plan.objects.get().strengths == "Patient"


def test_the_about_me_form_shows_plan_text_so_its_read_is_audited(guide: Client, episode: Episode) -> None:
    from livingwell.audit.models import AuditEvent

    guide.post(_url("about_me", episode), {"strengths": "Patient"})
    before = AuditEvent.objects.filter(action="read", record_type="support.plan").count()
    assert "Patient" in guide.get(_url("about_me", episode)).content.decode()
    reads = AuditEvent.objects.filter(action="read", record_type="support.plan")
    assert reads.count() == before + 1
    assert reads.last().person_id == episode.person_id
