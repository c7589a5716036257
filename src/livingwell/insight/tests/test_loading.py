"""Past introductions and the baseline come in from CSV: good rows load, each bad row is reported by its line
with the reason, and loading the same file again changes nothing."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from livingwell.core.models import Neighbourhood
from livingwell.insight.baseline import baseline_load_file
from livingwell.insight.history import history_import_file
from livingwell.insight.models import Baseline, CountedIntroduction, Population
from livingwell.insight.population import population_load_file

HEADER = "reference,arrived_on,first_contact_on,first_conversation_on,route,routed_on,neighbourhood,age_band,gender,ethnic_group\n"


def _file(tmp_path: Path, text: str | bytes, name: str = "history.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_bad_rows_are_reported_by_line_and_the_good_ones_import(tmp_path: Path) -> None:
    Neighbourhood.objects.create(name="Canal Side", slug="canal-side")
    rows = [
        "A1,2024-05-01,2024-05-02,,community,2024-05-09,Canal Side,65+,Żaneta,Białe",  # line 2: good, unicode
        ",2024-05-01,,,,,,,,",  # 3
        "A3,01/05/2024,,,,,,,,",  # 4
        "A4,2024-05-01,2024-04-30,,,,,,,",  # 5
        "A5,2024-05-01,,,rehab,2024-05-03,,,,",  # 6
        "A6,2024-05-01,,,closed,,,,,",  # 7
        "A7,2024-05-01,,,,2024-05-03,,,,",  # 8
        "A8,2024-05-01,,,,,Atlantis,,,",  # 9
        "A1,2024-06-01,,,,,,,,",  # 10: the same reference again
        f"{'R' * 41},2024-05-01,,,,,,,,",  # 11
        "A11,2024-05-01,,,,,,,,,extra",  # 12
        "A12,2024-02-30,,,,,,,,",  # 13
        '"A13\nstill A13",2024-05-01,,,,,,,,',  # 14-15: a quoted line break
        "'; DROP TABLE insight; --,2024-05-01,,,,,,,<script>alert(1)</script>,",  # 16: good
    ]
    report = history_import_file(_file(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert report.created == 3
    assert dict(report.problems) == {
        3: "reference is missing",
        4: "arrived_on '01/05/2024' is not a date as YYYY-MM-DD",
        5: "first_contact_on is before arrived_on",
        6: "route 'rehab' is not one of information, community, hub_support, secondary_care, closed, or empty while waiting",
        7: "routed_on is missing for a route",
        8: "routed_on is given without a route",
        9: "neighbourhood 'Atlantis' is not one of this borough's",
        10: "reference 'A1' is also on line 2",
        11: "reference is longer than 40 characters",
        12: "the row has more cells than there are columns",
        13: "arrived_on '2024-02-30' is not a date as YYYY-MM-DD",
    }
    a1 = CountedIntroduction.objects.get(reference="A1")
    assert (a1.route, a1.neighbourhood.name, a1.gender, a1.days_to_first_contact) == (
        "community",
        "Canal Side",
        "Żaneta",
        1,
    )
    assert CountedIntroduction.objects.filter(gender="<script>alert(1)</script>").count() == 1
    assert CountedIntroduction.objects.filter(reference="A13\nstill A13").exists()


@pytest.mark.django_db
def test_importing_again_changes_nothing_and_a_changed_row_is_updated(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + "B1,2024-05-01,,,,,,,,\nB2,2024-05-03,2024-05-04,,,,,,,\n")
    assert history_import_file(path).created == 2
    again = history_import_file(path)
    assert (again.created, again.updated, again.unchanged, again.problems) == (0, 0, 2, [])
    changed = history_import_file(_file(tmp_path, HEADER + "B1,2024-05-01,2024-05-06,,,,,,,\n"))
    assert (changed.updated, changed.unchanged) == (1, 0)
    b1 = CountedIntroduction.objects.get(reference="B1")
    assert (b1.days_to_first_contact, b1.waiting_ended_month.isoformat()) == (5, "2024-05-01")
    assert CountedIntroduction.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the header has no reference, arrived_on column"),
        (b"name,date\nx,y\n", "the header has no reference, arrived_on column"),
        ("reference,arrived_on\nZ1,2024-01-01\n".encode("utf-16"), "the file is not UTF-8 text"),
        (b"\xff\xfe\x00garbage", "the file is not UTF-8 text"),
    ],
)
def test_a_file_that_is_not_the_history_is_reported_not_raised(tmp_path: Path, content: bytes, problem: str) -> None:
    report = history_import_file(_file(tmp_path, content))
    assert [reason for _line, reason in report.problems] == [problem]
    assert not CountedIntroduction.objects.exists()


@pytest.mark.django_db
def test_the_command_prints_the_report_and_fails_when_a_row_was_bad(tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + "C1,2024-05-01,,,,,,,,\nC2,yesterday,,,,,,,,\n")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 rows were not loaded; the rest were"):
        call_command("introductions_import_history", path, stdout=out, stderr=err)
    assert "Past introductions: 1 new, 0 changed, 0 unchanged, 1 not loaded." in out.getvalue()
    assert "line 3: arrived_on 'yesterday' is not a date as YYYY-MM-DD" in err.getvalue()
    assert CountedIntroduction.objects.filter(reference="C1").exists()


@pytest.mark.django_db
def test_the_baseline_loads_reports_bad_rows_and_loads_again_unchanged(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "month,secondary_care_referrals,introductions,median_days_to_first_contact,residential_entries,discharges\n"
        '2019-01,100,"1,200",30.46,6,4\n'
        "2019-13,1,1,1,1,1\n"
        "2019-02,-3,,,,\n"
        "2019-03,,,NaN,,\n"
        "2019-04,,,ten,,\n"
        "2019-01,1,1,1,1,1\n"
        "2019-05,,,,,\n",
        "baseline.csv",
    )
    report = baseline_load_file(path)
    assert report.created == 2
    assert dict(report.problems) == {
        3: "month: '2019-13' is not a month as YYYY-MM",
        4: "secondary_care_referrals '-3' is not a whole number of nought or more",
        5: "median_days_to_first_contact is not a number of days from 0 to 9,999",
        6: "median_days_to_first_contact 'ten' is not a number",
        7: "month 2019-01 is also on line 2",
    }
    january = Baseline.objects.get(month="2019-01-01")
    assert (january.introductions, str(january.median_days_to_first_contact)) == (1200, "30.5")
    again = baseline_load_file(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "2025-1", "--to", "2025-03"], "--from must be a month as YYYY-MM"),
        (["--from", "2025-01", "--to", "March"], "--to must be a month as YYYY-MM"),
        (["--from", "2025-04", "--to", "2025-03"], "--to must not be before --from"),
    ],
)
def test_insight_figures_refuses_a_period_it_cannot_read(arguments: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("insight_figures", *arguments)


@pytest.mark.django_db
def test_the_population_loads_reports_bad_rows_and_loads_again_unchanged(tmp_path: Path) -> None:
    Neighbourhood.objects.create(name="Canal Side", slug="canal-side")
    rows = [
        "grouping,group,people",
        "age_band,16 to 24,12000",  # 2
        'neighbourhood,canal side,"8,500"',  # 3: found by its name written another way, thousands marked
        "ethnic_group,Białe <script>,40",  # 4: unicode and markup are only text
        "shoe_size,9,100",  # 5
        "gender,,100",  # 6
        "gender,Woman,-3",  # 7
        "neighbourhood,Atlantis,10",  # 8
        "age_band,16 to 24,11000",  # 9: again
        "gender,Woman,",  # 10
    ]
    path = _file(tmp_path, "\n".join(rows) + "\n", "population.csv")
    report = population_load_file(path)
    assert report.created == 3
    assert dict(report.problems) == {
        5: "grouping 'shoe_size' is not one of age_band, gender, ethnic_group, neighbourhood",
        6: "group is missing",
        7: "people '-3' is not a whole number of nought or more",
        8: "neighbourhood 'Atlantis' is not one of this borough's",
        9: "age_band '16 to 24' is also on line 2",
        10: "people is missing",
    }
    assert set(Population.objects.values_list("grouping", "group", "people")) == {
        ("age_band", "16 to 24", 12000), ("neighbourhood", "Canal Side", 8500), ("ethnic_group", "Białe <script>", 40),
    }  # fmt: skip
    again = population_load_file(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    path.write_text("grouping,group,people\nage_band,16 to 24,12500\n")
    out = io.StringIO()
    call_command("insight_population_load", path, stdout=out)
    assert out.getvalue() == "Population groups: 0 new, 1 changed, 0 unchanged, 0 not loaded.\n"
