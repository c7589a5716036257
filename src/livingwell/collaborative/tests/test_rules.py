"""The governance rules on their own: when meetings fall, quorum, and whose turn it is to chair."""

import datetime
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from livingwell.collaborative import rules

LONDON = zoneinfo.ZoneInfo("Europe/London")
KINDS = ["ebe", "carer", "organisation", "chair", "community"]


def test_the_second_thursday_of_every_month_at_8am_all_year_round(settings):
    settings.TIME_ZONE = "Europe/London"
    rule = rules.rule_for(rules.Pattern.MONTHLY, weekday=3, ordinal=2)
    assert rule == "FREQ=MONTHLY;BYDAY=+2TH"
    first = datetime.datetime(2027, 1, 14, 8, 0, tzinfo=LONDON)
    starts = list(
        rules.occurrences(rule, first, first - datetime.timedelta(seconds=1), first.replace(month=12, day=31))
    )
    assert [s.astimezone(LONDON).date() for s in starts] == [
        datetime.date(2027, 1, 14),
        datetime.date(2027, 2, 11),
        datetime.date(2027, 3, 11),
        datetime.date(2027, 4, 8),
        datetime.date(2027, 5, 13),
        datetime.date(2027, 6, 10),
        datetime.date(2027, 7, 8),
        datetime.date(2027, 8, 12),
        datetime.date(2027, 9, 9),
        datetime.date(2027, 10, 14),
        datetime.date(2027, 11, 11),
        datetime.date(2027, 12, 9),
    ]
    # 8am stays 8am on both sides of the clock change.
    assert {s.astimezone(LONDON).time() for s in starts} == {datetime.time(8, 0)}


def test_rules_in_words():
    assert rules.rule_in_words("FREQ=MONTHLY;BYDAY=+2TH") == "The second Thursday of every month"
    assert rules.rule_in_words("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1WE") == "Every three months, on the last Wednesday"
    assert rules.rule_in_words("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO") == "Every other Monday"
    assert rules.rule_in_words("FREQ=WEEKLY;BYDAY=FR") == "Every Friday"
    assert rules.rule_in_words("FREQ=DAILY") == "FREQ=DAILY"


def test_the_boards_quorum_names_the_constituency_that_is_short():
    board = [("organisation", 4), ("ebe", 4)]
    quorum = rules.quorum_of(board, ["organisation"] * 4 + ["ebe"] * 3 + ["carer"] * 5)
    assert not quorum.quorate
    assert [(s.kind, s.short_by) for s in quorum.shortfalls] == [("ebe", 1)]
    assert rules.quorum_of(board, ["organisation"] * 4 + ["ebe"] * 4).quorate


def test_a_rule_for_any_member_counts_everyone_there():
    assert rules.quorum_of([("", 3)], ["ebe", "carer", "organisation"]).quorate
    assert not rules.quorum_of([("", 3)], ["ebe", "carer"]).quorate


@given(
    rule_list=st.dictionaries(st.sampled_from(["", *KINDS]), st.integers(min_value=1, max_value=8), max_size=4),
    present=st.lists(st.sampled_from(KINDS), max_size=30),
)
def test_quorate_exactly_when_every_rule_is_met(rule_list, present):
    quorum = rules.quorum_of(rule_list.items(), present)
    for kind, minimum in rule_list.items():
        count = len(present) if kind == "" else present.count(kind)
        short = [s for s in quorum.shortfalls if s.kind == kind]
        assert (count < minimum) == bool(short)
        if short:
            assert short[0].short_by == minimum - count
    assert quorum.quorate == all(
        (len(present) if kind == "" else present.count(kind)) >= minimum for kind, minimum in rule_list.items()
    )


@given(present=st.lists(st.sampled_from(KINDS), max_size=20), extra=st.sampled_from(KINDS))
def test_one_more_member_never_makes_a_quorate_meeting_inquorate(present, extra):
    board = [("organisation", 4), ("ebe", 4), ("", 9)]
    if rules.quorum_of(board, present).quorate:
        assert rules.quorum_of(board, [*present, extra]).quorate


def test_the_chair_rotates_through_every_sector_before_any_chairs_again():
    sectors = ["Experts by Experience", "NHS", "Council", "Voluntary sector"]
    history: list[str] = []
    for _ in range(8):
        history.append(rules.next_chair_sector(sectors, history))
    assert history[:4] == sectors
    assert history[4:] == sectors


def test_an_override_is_followed_by_the_sectors_still_waiting():
    sectors = ["EbE", "NHS", "Council"]
    # NHS chaired out of turn (an override): EbE and Council have still not chaired this round.
    assert rules.next_chair_sector(sectors, ["NHS"]) == "EbE"
    assert rules.next_chair_sector(sectors, ["NHS", "EbE"]) == "Council"
    assert rules.next_chair_sector(sectors, []) == "EbE"
    assert rules.next_chair_sector([], ["NHS"]) is None


@given(
    sectors=st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=6, unique=True),
    overrides=st.lists(st.text(min_size=1, max_size=5), max_size=6),
    turns=st.integers(min_value=1, max_value=30),
)
def test_following_the_proposal_no_sector_chairs_twice_before_all_have_chaired(sectors, overrides, turns):
    history = list(overrides)  # whatever happened before, including overrides and sectors now gone
    proposed: list[str] = []
    for _ in range(turns):
        sector = rules.next_chair_sector(sectors, history)
        assert sector in sectors
        history.append(sector)
        proposed.append(sector)
    # After the round the overrides left open is finished, proposals run in whole rounds of every sector.
    rounds_start = next(
        (i for i in range(len(proposed) + 1) if _round_closes_at(sectors, history[: len(overrides) + i])), None
    )
    assert rounds_start is not None or len(proposed) < len(sectors)
    if rounds_start is not None:
        tail = proposed[rounds_start:]
        for start in range(0, len(tail), len(sectors)):
            chunk = tail[start : start + len(sectors)]
            assert len(set(chunk)) == len(chunk)


def _round_closes_at(sectors: list[str], history: list[str]) -> bool:
    """True when the history ends exactly at the close of a round (or is empty of current sectors)."""
    in_round: set[str] = set()
    for sector in history:
        if sector in sectors:
            in_round.add(sector)
            if in_round.issuperset(sectors):
                in_round = set()
    return not in_round


def test_carers_count_on_the_experts_by_experience_side_when_the_rule_says_so():
    board = [("organisation", 4, ()), ("ebe", 4, ("carer",))]
    quorum = rules.quorum_of(board, ["organisation"] * 4 + ["ebe"] * 3 + ["carer"])
    assert quorum.quorate
    assert [(check.kind, check.also, check.present) for check in quorum.checks][1] == ("ebe", ("carer",), 4)
    assert not rules.quorum_of(board, ["organisation"] * 4 + ["carer"] * 2 + ["community"] * 2).quorate
    assert not rules.quorum_of(board, ["organisation"] * 3 + ["ebe"] * 4 + ["carer"] * 9).quorate
