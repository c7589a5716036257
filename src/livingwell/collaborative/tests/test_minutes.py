"""Minutes: draft, circulated to members, approved at the next meeting, published with members named only
where they agreed."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.audit.models import AuditEvent
from livingwell.collaborative import rules
from livingwell.collaborative.models import Attendance, Minutes
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory
from livingwell.conftest import worker_run
from livingwell.core.tests.pages import without_random_tokens

pytestmark = pytest.mark.django_db


def test_redacting_names_whole_words_any_case_and_first_names_with_their_capital():
    text = "Ola Adeyemi said the café helps. OLA ADEYEMI agreed. Ola will write. Koala bears. ola. Thanks to Ola."
    assert rules.redact(text, "Ola  Adeyemi", "a member (Carers)") == (
        "A member (Carers) said the café helps. A member (Carers) agreed. A member (Carers) will write. "
        "Koala bears. ola. Thanks to a member (Carers)."  # a capital only where a sentence starts
    )
    assert rules.redact("Nothing here", "", "x") == "Nothing here"


@pytest.mark.django_db(transaction=True)  # the worker runs on its own connection
def test_the_full_cycle_of_minutes(
    the_board, secretary: Client, member: Client, member_membership, django_capture_on_commit_callbacks
):
    body, groups = the_board
    named = MembershipFactory(
        body=body, constituency=groups["nhs"], member__name="Priya Shah", member__named_in_public=True
    )
    start = timezone.now() - datetime.timedelta(days=30)
    last = MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    for membership in (member_membership, named):
        Attendance.objects.create(
            meeting=last,
            membership=membership,
            kind=membership.constituency.kind,
            constituency_name=membership.constituency.name,
            recorded_by=member_membership.member.user,
        )
    url = reverse("collaborative:minutes", args=[last.pk])
    empty = secretary.post(url + "save/", {"text": " "})
    assert empty.status_code == 400
    assert b"Write the minutes" in empty.content
    secretary.post(url + "save/", {"text": "Ola opened the meeting. Priya Shah shared the figures. <script>x</script>"})
    minutes = Minutes.objects.get()
    assert minutes.status == "draft"
    # Members cannot read a draft before it is circulated.
    draft = reverse("collaborative:minutes_draft", args=[last.pk])
    assert member.get(draft).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(url + "circulate/")
    minutes.refresh_from_db()
    assert minutes.status == "circulated"
    assert b"Ola opened the meeting" in member.get(draft).content
    worker_run()
    assert any("draft minutes" in m.subject for m in mail.outbox)
    # Not published before a later meeting approves them.
    secretary.post(url + "publish/")
    minutes.refresh_from_db()
    assert minutes.status == "circulated"
    now = timezone.now().replace(microsecond=0)
    today = MeetingFactory(body=body, starts_at=now, ends_at=now + datetime.timedelta(minutes=1))
    page = secretary.get(reverse("collaborative:meeting_running", args=[today.pk])).content.decode()
    assert "were circulated to members" in page
    secretary.post(reverse("collaborative:minutes_approve", args=[today.pk, minutes.pk]))
    minutes.refresh_from_db()
    assert (minutes.status, minutes.approved_at) == ("approved", today)
    preview = secretary.get(url).content.decode()
    assert "A member (Experts by Experience) opened the meeting" in preview
    secretary.post(url + "publish/")
    minutes.refresh_from_db()
    assert minutes.status == "published"
    public = Client().get(reverse("collaborative:meeting", args=[last.pk])).content.decode()
    assert "A member (Experts by Experience) opened the meeting" in public
    assert "Priya Shah shared the figures" in public
    assert "Priya Shah (NHS representatives)" in public
    assert "1 member of Experts by Experience" in public
    assert "Ola" not in without_random_tokens(public)
    assert "<script>x</script>" not in public
    # Approved minutes are not changed.
    secretary.post(url + "save/", {"text": "Rewritten"})
    minutes.refresh_from_db()
    assert minutes.text.startswith("Ola opened")
    body_page = Client().get(reverse("collaborative:body", args=[body.slug])).content.decode()
    assert reverse("collaborative:meeting", args=[last.pk]) in body_page


def test_minutes_are_approved_only_at_a_later_meeting_of_the_same_group(the_board, secretary: Client):
    body, _groups = the_board
    now = timezone.now().replace(microsecond=0)
    today = MeetingFactory(body=body, starts_at=now, ends_at=now + datetime.timedelta(minutes=1))
    minutes = Minutes.objects.create(meeting=today, text="x", status="circulated")
    secretary.post(reverse("collaborative:minutes_approve", args=[today.pk, minutes.pk]))
    minutes.refresh_from_db()
    assert minutes.status == "circulated"
    later = MeetingFactory(body=body)  # in a fortnight: not its day yet
    secretary.post(reverse("collaborative:minutes_approve", args=[later.pk, minutes.pk]))
    minutes.refresh_from_db()
    assert minutes.status == "circulated"


def test_changing_circulated_minutes_makes_them_a_draft_again(the_board, secretary: Client):
    body, _groups = the_board
    meeting = MeetingFactory(body=body)
    url = reverse("collaborative:minutes", args=[meeting.pk])
    secretary.post(url + "save/", {"text": "First"})
    secretary.post(url + "circulate/")
    secretary.post(url + "save/", {"text": "Second"})
    minutes = Minutes.objects.get()
    assert (minutes.status, minutes.text, minutes.circulated_at) == ("draft", "Second", None)


@pytest.mark.django_db
def test_names_follow_consent_as_it_is_now_in_minutes_decisions_and_actions(the_board):
    import uuid

    from livingwell.accounts.tests.factories import UserFactory
    from livingwell.collaborative.models import Action, Decision

    body, groups = the_board
    priya = MembershipFactory(
        body=body, constituency=groups["nhs"], member__name="Priya Shah", member__named_in_public=True
    )
    ben = MembershipFactory(body=body, constituency=groups["ebe"], member__name="Ben Hughes")
    now = timezone.now().replace(microsecond=0)
    last = MeetingFactory(
        body=body, starts_at=now - datetime.timedelta(days=30), ends_at=now - datetime.timedelta(days=30, hours=-2)
    )
    later = MeetingFactory(
        body=body, starts_at=now - datetime.timedelta(days=1), ends_at=now - datetime.timedelta(hours=22)
    )
    Minutes.objects.create(
        meeting=last, text="Ben Hughes asked about waits. Priya Shah answered.", status="published", approved_at=later
    )
    secretary = UserFactory(role="secretary")
    Decision.objects.create(
        meeting=last,
        body=body,
        what="Ben Hughes and Priya Shah to co-design the leaflet",
        scope="in",
        participation="co_production",
        quorate=True,
        submission_id=uuid.uuid4(),
        recorded_by=secretary,
    )
    Action.objects.create(
        body=body,
        meeting=last,
        what="Ben Hughes to send the draft",
        owner=ben,
        due_on=now.date(),
        submission_id=uuid.uuid4(),
    )
    public = Client()
    page = public.get(reverse("collaborative:meeting", args=[last.pk])).content.decode()
    register = public.get(reverse("collaborative:decisions")).content.decode()
    for shown in (page, register):
        assert "Ben Hughes" not in shown
        assert "Priya Shah" in shown
    assert "A member (Experts by Experience) asked about waits" in page
    # Priya withdraws her consent: what was published follows at once.
    priya.member.named_in_public = False
    priya.member.save()
    page = public.get(reverse("collaborative:meeting", args=[last.pk])).content.decode()
    register = public.get(reverse("collaborative:decisions")).content.decode()
    for shown in (page, register):
        assert "Priya Shah" not in shown
        assert "Priya" not in shown
    assert "A member (NHS representatives) answered" in page


@pytest.mark.django_db
def test_reading_the_draft_to_write_it_is_audited(the_board, secretary: Client):
    from livingwell.audit.models import AuditEvent

    body, _groups = the_board
    meeting = MeetingFactory(body=body)
    url = reverse("collaborative:minutes", args=[meeting.pk])
    secretary.post(url + "save/", {"text": "Ola opened the meeting."})
    minutes = Minutes.objects.get()
    before = AuditEvent.objects.filter(action="read", record_type="collaborative.minutes").count()
    assert "Ola opened the meeting" in secretary.get(url).content.decode()
    reads = AuditEvent.objects.filter(action="read", record_type="collaborative.minutes", record_id=str(minutes.pk))
    assert reads.count() == before + 1


def test_a_title_with_a_surname_is_taken_out_with_the_name():
    text = "Mr Hughes agreed with Dr. Ben Hughes and Ms Hughes. Hughes Road is closed."
    assert rules.redact(text, "Ben Hughes", "a member") == (
        "A member agreed with a member and a member. Hughes Road is closed."
    )


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        ("He described his wait.", "They described their wait."),
        ("She told him his plan was hers.", "They told them their plan was theirs."),
        ("I asked her. Her view was clear.", "I asked them. Their view was clear."),
        (
            "She's been waiting; he's here; she'll come; he’d go himself.",
            "They've been waiting; they're here; they'll come; they’d go themselves.",
        ),
        ("The hero, Shepherd's hut, Hershey, other, HE SAID", "The hero, Shepherd's hut, Hershey, other, They SAID"),
    ],
)
def test_he_and_she_become_they(text, neutral):
    assert rules.pronouns_neutral(text) == neutral


def _approved_minutes(body, groups, text: str) -> Minutes:
    meeting = MeetingFactory(body=body)
    return Minutes.objects.create(meeting=meeting, text=text, status="approved")


def test_gendered_words_next_to_a_member_not_named_become_they_in_public(the_board, secretary: Client):
    body, groups = the_board
    MembershipFactory(body=body, constituency=groups["ebe"], member__name="Ben Hughes")
    MembershipFactory(body=body, constituency=groups["nhs"], member__name="Priya Shah", member__named_in_public=True)
    minutes = _approved_minutes(
        body, groups, "Ben Hughes described his wait for a bed.\nPriya Shah said she would look into it."
    )
    preview = secretary.get(reverse("collaborative:minutes", args=[minutes.meeting_id])).content.decode()
    assert "A member (Experts by Experience) described their wait for a bed." in preview
    assert "Priya Shah said she would look into it." in preview  # a named member's paragraph is untouched
    assert "his wait" not in preview


def test_the_secretary_corrects_the_public_version_before_publishing(the_board, secretary: Client):
    body, groups = the_board
    MembershipFactory(body=body, constituency=groups["ebe"], member__name="Ben Hughes")
    minutes = _approved_minutes(body, groups, "Ben Hughes, the only nurse on the ward, described his wait.")
    url = reverse("collaborative:minutes", args=[minutes.meeting_id])
    made = "A member (Experts by Experience), the only nurse on the ward, described their wait."
    assert made in secretary.get(url).content.decode()
    # Saving it unchanged corrects nothing.
    secretary.post(url + "correct/", {"public-text": made.replace("\n", "\r\n")})
    minutes.refresh_from_db()
    assert minutes.public_corrected == ""
    # The secretary takes out what still says who it is; a name typed back in is still taken out.
    corrected = "A member (Experts by Experience) described a long wait. Ben Hughes thanked the group."
    response = secretary.post(url + "correct/", {"public-text": corrected})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.public_corrected == corrected
    assert AuditEvent.objects.filter(detail__contains="public version corrected").exists()
    secretary.post(url + "publish/")
    public = Client().get(reverse("collaborative:meeting", args=[minutes.meeting_id])).content.decode()
    assert "described a long wait" in public
    assert "nurse" not in public
    assert "Ben" not in without_random_tokens(public)
    assert "A member (Experts by Experience) thanked the group." in public


def test_a_correction_too_long_is_refused_and_empty_goes_back(the_board, secretary: Client):
    body, groups = the_board
    minutes = _approved_minutes(body, groups, "The group met.")
    url = reverse("collaborative:minutes", args=[minutes.meeting_id])
    too_long = secretary.post(url + "correct/", {"public-text": "x" * 50_001})
    assert too_long.status_code == 400
    assert "Use 50,000 characters or fewer" in too_long.content.decode()
    secretary.post(url + "correct/", {"public-text": "<script>alert(1)</script> The group met; DROP TABLE x;"})
    minutes.refresh_from_db()
    assert minutes.public_corrected.startswith("<script>")
    page = secretary.get(url).content.decode()
    assert "<script>alert(1)</script>" not in page
    secretary.post(url + "correct/", {"public-text": "  "})
    minutes.refresh_from_db()
    assert minutes.public_corrected == ""


def test_changing_the_minutes_makes_the_public_version_afresh(the_board, secretary: Client):
    body, _groups = the_board
    meeting = MeetingFactory(body=body)
    url = reverse("collaborative:minutes", args=[meeting.pk])
    secretary.post(url + "save/", {"text": "First"})
    secretary.post(url + "correct/", {"public-text": "First, corrected"})
    assert Minutes.objects.get().public_corrected == "First, corrected"
    secretary.post(url + "save/", {"text": "Second"})
    assert Minutes.objects.get().public_corrected == ""


def test_the_secretary_sees_plainer_words_for_the_public_version_before_publishing(the_board, secretary: Client):
    body, _groups = the_board
    meeting = MeetingFactory(body=body)
    url = reverse("collaborative:minutes", args=[meeting.pk])
    secretary.post(url + "save/", {"text": "The ICB will facilitate stakeholder engagement going forward."})
    page = secretary.get(url).content.decode()
    assert "Suggestions to make it easier to read" in page
    assert "Spell out “ICB”" in page
    assert "Try “from now on” instead of “going forward”" in page
    secretary.post(url + "save/", {"text": "We agreed to meet again in March."})
    assert "Suggestions to make it easier to read" not in secretary.get(url).content.decode()
