"""iCalendar (RFC 5545) feeds of meetings, for a body and for a member.

A series is one event with its repeat rule; a cancelled meeting is an EXDATE of it and a moved meeting an
override with its RECURRENCE-ID, so a calendar app shows one series with its exceptions. A meeting outside
any series is an event of its own. Times are local (with the VTIMEZONE), so 8am stays 8am all year.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from livingwell.collaborative.models import Body, Meeting, MeetingSeries

PRODID = "-//Living Well//Co-production meetings//EN"


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


def _host() -> str:
    return settings.LW_SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "livingwell"


def _place(event: icalendar.Event, where: Meeting | MeetingSeries, url: str) -> None:
    if where.venue:
        event.add("location", where.venue)
    notes = [line for line in (where.online_link and f"Online: {where.online_link}", where.accessibility) if line]
    if notes:
        event.add("description", "\n\n".join(notes))
    event.add("url", url)


def _series_event(series: MeetingSeries, exceptions: list[Meeting], stamp: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"series-{series.pk}@{_host()}")
    event.add("dtstamp", stamp)
    event.add("summary", series.body.name)
    start = _local(series.first_start)
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=series.minutes_long))
    event.add("rrule", icalendar.vRecur.from_ical(series.rule))
    cancelled = [
        _local(m.original_start) for m in exceptions if m.status == Meeting.Status.CANCELLED and m.original_start
    ]
    if cancelled:
        event.add("exdate", cancelled)
    _place(event, series, f"{settings.LW_SITE_URL}{reverse('collaborative:body', args=[series.body.slug])}")
    return event


def _meeting_event(meeting: Meeting, stamp: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    if meeting.series_id and meeting.original_start:
        event.add("uid", f"series-{meeting.series_id}@{_host()}")
        event.add("recurrence-id", _local(meeting.original_start))
    else:
        event.add("uid", f"meeting-{meeting.pk}@{_host()}")
    event.add("dtstamp", stamp)
    event.add("sequence", meeting.sequence)
    event.add("summary", meeting.body.name)
    event.add("dtstart", _local(meeting.starts_at))
    event.add("dtend", _local(meeting.ends_at))
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    _place(event, meeting, f"{settings.LW_SITE_URL}{reverse('collaborative:meeting', args=[meeting.pk])}")
    return event


def calendar_for(bodies: Iterable[Body], name: str) -> bytes:
    """One calendar of every meeting of these bodies: their series, and the meetings that differ from them."""
    body_ids = [body.pk for body in bodies]
    stamp = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    series = list(MeetingSeries.objects.filter(body_id__in=body_ids).select_related("body"))
    # Only meetings that differ from their series (moved or cancelled), or belong to none, are read.
    differing = list(
        Meeting.objects.filter(body_id__in=body_ids)
        .filter(Q(series__isnull=True) | ~Q(status=Meeting.Status.SCHEDULED))
        .select_related("body")
        .order_by("starts_at", "pk")
    )
    by_series: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in differing:
        if meeting.series_id:
            by_series[meeting.series_id].append(meeting)
    for each in series:
        calendar.add_component(_series_event(each, by_series[each.pk], stamp))
    for meeting in differing:
        if meeting.series_id is None or meeting.status == Meeting.Status.MOVED:
            calendar.add_component(_meeting_event(meeting, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
