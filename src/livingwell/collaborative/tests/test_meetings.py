"""On the day: attendance with a live quorum, decisions with their scope and level of participation
(marked when taken inquorate), actions that carry forward; and the public pages that show it all."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import Action, Attendance, Decision, Meeting
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(the_board) -> Meeting:
    body, _groups = the_board
    start = timezone.now().replace(microsecond=0)
    return MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(minutes=1))


def _members(body, group, count):
    return [MembershipFactory(body=body, constituency=group) for _ in range(count)]


def _mark(client: Client, meeting: Meeting, membership, present: str = "yes"):
    return client.post(
        reverse("collaborative:attendance", args=[meeting.pk]), {"membership": membership.pk, "present": present}
    )


def _decide(client: Client, meeting: Meeting, **changes):
    data = {
        "decision-what": "Fund a peer-led crisis café for a year.",
        "decision-scope": "in",
        "decision-participation": "co_producing",
        "decision-submission_id": str(uuid.uuid4()),
        **changes,
    }
    return client.post(reverse("collaborative:decision_new", args=[meeting.pk]), data)


def test_attendance_shows_the_quorum_live_and_which_constituency_is_short(secretary: Client, the_board, today):
    body, groups = the_board
    ebe = _members(body, groups["ebe"], 4)
    nhs = _members(body, groups["nhs"], 2)
    council = _members(body, groups["council"], 2)
    running = reverse("collaborative:meeting_running", args=[today.pk])
    for membership in [*ebe[:3], *nhs, *council]:
        assert _mark(secretary, today, membership).status_code == 302
    page = secretary.get(running).content.decode()
    assert "Not quorate" in page
    assert "Expert by Experience or Carer: 3 of at least 4" in page
    assert "(1 short)" in page
    assert "Organisation representative: 4 of at least 4" in page
    _mark(secretary, today, ebe[3])
    _mark(secretary, today, ebe[3])  # twice: still one
    assert Attendance.objects.filter(meeting=today).count() == 8
    page = secretary.get(running).content.decode()
    assert "Quorate" in page
    assert "Not quorate" not in page
    _mark(secretary, today, ebe[3], present="no")
    assert "Not quorate" in secretary.get(running).content.decode()


def test_a_carer_counts_on_the_experts_by_experience_side_of_the_boards_quorum(secretary: Client, the_board, today):
    body, groups = the_board
    organisations = [*_members(body, groups["nhs"], 2), *_members(body, groups["council"], 2)]
    for membership in [*_members(body, groups["ebe"], 3), *organisations]:
        _mark(secretary, today, membership)
    running = reverse("collaborative:meeting_running", args=[today.pk])
    assert "Not quorate" in secretary.get(running).content.decode()
    _mark(secretary, today, _members(body, groups["carer"], 1)[0])
    page = secretary.get(running).content.decode()
    assert "Not quorate" not in page
    assert "Expert by Experience or Carer: 4 of at least 4" in page
    public = Client().get(reverse("collaborative:body", args=[body.slug])).content.decode()
    assert "4 members from the group: Expert by Experience or Carer" in public


def test_attendance_is_taken_on_the_day(secretary: Client, the_board):
    body, groups = the_board
    later = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=5))
    membership = _members(body, groups["ebe"], 1)[0]
    _mark(secretary, later, membership)
    assert not Attendance.objects.exists()
    for bad in ("", "abc", "99999999", "1; DROP TABLE x"):
        response = secretary.post(reverse("collaborative:attendance", args=[later.pk]), {"membership": bad})
        assert response.status_code == 302
    outsider = MembershipFactory()
    _mark(secretary, later, outsider)
    assert not Attendance.objects.exists()


def test_a_decision_taken_inquorate_is_marked_and_keeps_who_was_there(secretary: Client, the_board, today):
    body, groups = the_board
    for membership in _members(body, groups["ebe"], 2):
        _mark(secretary, today, membership)
    response = _decide(secretary, today)
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert not decision.quorate
    assert decision.constituencies_present == [{"name": "Experts by Experience", "kind": "ebe", "count": 2}]
    register = Client().get(reverse("collaborative:decisions")).content.decode()
    assert "Fund a peer-led crisis café for a year." in register
    assert "Taken while not quorate" in register
    assert "Co-producing" in register


def test_an_out_of_scope_decision_needs_its_reason(secretary: Client, today):
    missing = _decide(secretary, today, **{"decision-scope": "out"})
    assert missing.status_code == 400
    text = missing.content.decode()
    assert "Choose why it was out of scope" in text
    assert "Explain why it was out of scope" in text
    assert "Error:" in text.split("</title>")[0]
    _decide(
        secretary,
        today,
        **{
            "decision-scope": "out",
            "decision-out_reason": "statutory",
            "decision-out_explanation": "The Mental Health Act sets who decides.",
            "decision-participation": "informing",
        },
    )
    decision = Decision.objects.get()
    assert (decision.scope, decision.out_reason) == ("out", "statutory")
    page = Client().get(reverse("collaborative:decisions"), {"scope": "out"}).content.decode()
    assert "The Mental Health Act sets who decides." in page


@pytest.mark.parametrize(
    "changes",
    [
        {"decision-what": ""},
        {"decision-what": "x" * 4001},
        {"decision-scope": "maybe"},
        {"decision-participation": "<script>"},
        {"decision-submission_id": "not-a-token"},
    ],
)
def test_bad_decisions_save_nothing(secretary: Client, today, changes):
    assert _decide(secretary, today, **changes).status_code == 400
    assert not Decision.objects.exists()


def test_a_decision_sent_twice_is_recorded_once(secretary: Client, today):
    token = str(uuid.uuid4())
    _decide(secretary, today, **{"decision-submission_id": token})
    _decide(secretary, today, **{"decision-submission_id": token})
    assert Decision.objects.count() == 1


def test_open_actions_carry_forward_to_the_next_agenda_until_done(secretary: Client, the_board, today):
    body, groups = the_board
    owner = _members(body, groups["nhs"], 1)[0]
    due = timezone.localdate() + datetime.timedelta(days=20)
    response = secretary.post(
        reverse("collaborative:action_new", args=[today.pk]),
        {
            "what": "Ask the trust for waiting-time figures",
            "owner": owner.pk,
            "due_on_day": str(due.day),
            "due_on_month": str(due.month),
            "due_on_year": str(due.year),
            "submission_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    following = MeetingFactory(body=body, starts_at=timezone.now() + datetime.timedelta(days=30))
    following.agenda_published_at = timezone.now()
    following.save()
    public = Client().get(reverse("collaborative:meeting", args=[following.pk])).content.decode()
    assert "Ask the trust for waiting-time figures" in public
    running = secretary.get(reverse("collaborative:meeting_running", args=[following.pk])).content.decode()
    assert "Carried forward from" in running
    secretary.post(
        reverse("collaborative:action_status", args=[action.pk]), {"status": "done", "meeting": following.pk}
    )
    action.refresh_from_db()
    assert action.status == "done"
    public = Client().get(reverse("collaborative:meeting", args=[following.pk])).content.decode()
    assert "Ask the trust for waiting-time figures" not in public


def test_moving_and_cancelling_a_meeting(secretary: Client, the_board, django_capture_on_commit_callbacks):
    body, groups = the_board
    MembershipFactory(body=body, constituency=groups["carer"], member__email="carer@example.org")
    meeting = MeetingFactory(body=body)
    day = timezone.localdate() + datetime.timedelta(days=21)
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary.post(
            reverse("collaborative:meeting_move", args=[meeting.pk]),
            {
                "day_day": day.day,
                "day_month": day.month,
                "day_year": day.year,
                "starts": "18:00",
                "ends": "19:30",
                "reason": "The hall is being repaired.",
            },
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == ("moved", 1)
    assert timezone.localtime(meeting.starts_at).date() == day
    empty = secretary.post(reverse("collaborative:meeting_cancel", args=[meeting.pk]), {"reason": ""})
    assert b"Give a reason" in empty.content
    secretary.post(reverse("collaborative:meeting_cancel", args=[meeting.pk]), {"reason": "Snow."})
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    public = Client().get(reverse("collaborative:meeting", args=[meeting.pk])).content.decode()
    assert "Cancelled" in public
    assert "Snow." in public


def test_the_public_pages_name_only_members_who_agreed(client: Client, the_board):
    body, groups = the_board
    MembershipFactory(
        body=body, constituency=groups["ebe"], role="chair", member__name="Priya Named", member__named_in_public=True
    )
    MembershipFactory(body=body, constituency=groups["carer"], role="secretary", member__name="Hidden Person")
    page = client.get(reverse("collaborative:body", args=[body.slug])).content.decode()
    assert "Priya Named" in page
    assert "Hidden Person" not in page
    assert "a member (Carers)" in page
    assert client.get(reverse("collaborative:index")).status_code == 200
    assert client.get(reverse("collaborative:meeting", args=[999999])).status_code == 404
    assert client.get(reverse("collaborative:body", args=["no-such-body"])).status_code == 404


def _queries(client: Client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_the_register_and_the_meeting_page_take_a_fixed_number_of_queries(secretary: Client, the_board, today):
    visitor = Client()
    body, groups = the_board
    for membership in _members(body, groups["ebe"], 2):
        _mark(secretary, today, membership)
    _decide(secretary, today)
    today.agenda_published_at = timezone.now()
    today.save()
    register = reverse("collaborative:decisions")
    meeting = reverse("collaborative:meeting", args=[today.pk])
    few = (_queries(visitor, register), _queries(visitor, meeting))
    for _ in range(5):
        _decide(secretary, today)
    assert (_queries(visitor, register), _queries(visitor, meeting)) == few
    assert few == (4, 5)  # each with one query for who may be named


def test_a_big_bodys_register_lists_who_replied_and_the_rest_are_chosen_by_name(secretary: Client, the_board, today):
    body, groups = the_board
    url = reverse("collaborative:meeting_running", args=[today.pk])
    _members(body, groups["ebe"], 3)
    secretary.get(url)  # the first request after signing in saves the session
    with CaptureQueriesContext(connection) as small:
        secretary.get(url)
    many = _members(body, groups["carer"], 70)
    from livingwell.collaborative.models import Rsvp

    Rsvp.objects.create(meeting=today, membership=many[0], answer="yes", access_needs="Large print")
    with CaptureQueriesContext(connection) as big:
        page = secretary.get(url).content.decode()
    assert len(big) == len(small) + 1  # the list of names to choose from is audited as one read
    assert "Large print" in page
    assert f'id="member-{many[0].pk}"' in page
    assert f'id="member-{many[1].pk}"' not in page
    assert "Someone else who is here" in page
    response = secretary.post(
        reverse("collaborative:attendance", args=[today.pk]), {"membership": many[1].pk, "present": "yes"}
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=today, membership=many[1]).exists()
    assert f'id="member-{many[1].pk}"' in secretary.get(url).content.decode()
