"""The iCalendar feeds parse with the icalendar library and give the right dates, exceptions included."""

import datetime
import zoneinfo

import icalendar
import pytest
from dateutil import rrule
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.accounts.tests.factories import UserFactory
from livingwell.collaborative import services
from livingwell.collaborative.ical import calendar_for
from livingwell.collaborative.models import Meeting
from livingwell.collaborative.tests.factories import BodyFactory, MembershipFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def _expand(feed: bytes, until: datetime.datetime) -> list[datetime.datetime]:
    """Every start the feed gives up to ``until``: series by their RRULE less EXDATEs, with overrides."""
    calendar = icalendar.Calendar.from_ical(feed)
    starts: dict[tuple[str, datetime.datetime], datetime.datetime] = {}
    overrides = []
    for event in calendar.walk("VEVENT"):
        uid = str(event["uid"])
        start = event.start
        if "recurrence-id" in event:
            overrides.append((uid, event["recurrence-id"].dt, start, str(event.get("status", ""))))
            continue
        if "rrule" not in event:
            if str(event.get("status", "")) != "CANCELLED":
                starts[(uid, start)] = start
            continue
        recurrence = rrule.rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
        excluded = set(event.exdates)
        for each in recurrence.between(start - datetime.timedelta(seconds=1), until, inc=True):
            if each not in excluded:
                starts[(uid, each)] = each
    for uid, original, start, status in overrides:
        starts.pop((uid, original), None)
        if status != "CANCELLED":
            starts[(uid, start)] = start
    return sorted(starts.values())


def _series(body):
    secretary = UserFactory()
    return services.series_create(
        actor=secretary,
        body=body,
        rule="FREQ=MONTHLY;BYDAY=+2TH",
        first_start=datetime.datetime(2027, 1, 14, 8, 0, tzinfo=LONDON),
        minutes_long=120,
        venue="The Hub",
        online_link="https://meet.example/collaborative",
        accessibility="Step-free; hearing loop",
    )


def test_a_year_of_second_thursdays_with_one_moved_and_one_cancelled(client: Client):
    body = BodyFactory(slug="collaborative", name="The Collaborative")
    series = _series(body)
    meetings = list(Meeting.objects.filter(series=series).order_by("starts_at"))
    march = next(m for m in meetings if m.starts_at.astimezone(LONDON).date() == datetime.date(2027, 3, 11))
    july = next(m for m in meetings if m.starts_at.astimezone(LONDON).date() == datetime.date(2027, 7, 8))
    # Moved a week later; cancelled for the summer. (Done directly: the services refuse past meetings.)
    march.starts_at += datetime.timedelta(days=7)
    march.ends_at += datetime.timedelta(days=7)
    march.status = Meeting.Status.MOVED
    march.sequence = 1
    march.save()
    Meeting.objects.filter(pk=july.pk).update(status=Meeting.Status.CANCELLED, sequence=1)

    response = client.get(reverse("collaborative:body_calendar", args=[body.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    starts = _expand(response.content, datetime.datetime(2027, 12, 31, tzinfo=LONDON))
    dates = [s.astimezone(LONDON).date() for s in starts]
    assert dates == [
        datetime.date(2027, 1, 14),
        datetime.date(2027, 2, 11),
        datetime.date(2027, 3, 18),  # moved
        datetime.date(2027, 4, 8),
        datetime.date(2027, 5, 13),
        datetime.date(2027, 6, 10),
        # 8 July cancelled
        datetime.date(2027, 8, 12),
        datetime.date(2027, 9, 9),
        datetime.date(2027, 10, 14),
        datetime.date(2027, 11, 11),
        datetime.date(2027, 12, 9),
    ]
    assert {s.astimezone(LONDON).time() for s in starts} == {datetime.time(8, 0)}
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE"), "the feed carries its time zone"
    series_event = next(e for e in calendar.walk("VEVENT") if "rrule" in e)
    assert str(series_event["location"]) == "The Hub"
    assert "hearing loop" in str(series_event["description"])


def test_the_meetings_made_match_the_feed():
    body = BodyFactory()
    series = _series(body)
    series.refresh_from_db()
    made = [m.starts_at for m in Meeting.objects.filter(series=series).order_by("starts_at")]
    feed = _expand(calendar_for([body], body.name), series.scheduled_until)
    assert made == feed
    assert len(made) >= 12


def test_a_members_feed_has_the_meetings_of_every_body_they_are_in(client: Client):
    membership = MembershipFactory()
    other = MembershipFactory(member=membership.member)
    start = timezone.now() + datetime.timedelta(days=3)
    for body in (membership.body, other.body):
        services.meeting_add(
            actor=UserFactory(),
            body=body,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            venue="",
            online_link="",
            accessibility="",
        )
    response = client.get(reverse("collaborative:member_calendar", args=[membership.member.feed_token]))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == sorted([membership.body.name, other.body.name])
    assert client.get(reverse("collaborative:member_calendar", args=["not-a-token"])).status_code == 404
