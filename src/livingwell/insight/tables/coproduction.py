"""The tables of co-production: meetings and decisions, decisions by level of participation, and attendance
with the hours paid to Experts by Experience (decision 0030).

Meetings and decisions are public records (the decisions register lists every one), so they are counted
in full. Attendance and payment are about people: they are suppressed like every other count of people."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from livingwell.collaborative.models import ConstituencyKind, Decision
from livingwell.core.suppression import Cell, cell, suppressed_grid
from livingwell.insight.coproduction import CoproductionMonth
from livingwell.insight.tables.common import Table, Value, month_label, share

CO_PRODUCED = (Decision.Participation.CO_DESIGNING, Decision.Participation.CO_PRODUCING)


def meetings_table(months: list[CoproductionMonth]) -> Table:
    rows: list[tuple[str, list[Value]]] = []
    for month in months:
        known = month.meetings - month.quorum_not_known
        rows.append(
            (
                month_label(month.month),
                [
                    Cell(month.meetings),
                    Cell(month.quorate),
                    share(Cell(month.quorate), Cell(known)),
                    Cell(month.quorum_not_known),
                    Cell(month.decisions),
                    Cell(month.by_scope[Decision.Scope.IN]),
                    Cell(month.by_scope[Decision.Scope.OUT]),
                ],
            )
        )
    meetings = sum(month.meetings for month in months)
    quorate = sum(month.quorate for month in months)
    not_known = sum(month.quorum_not_known for month in months)
    decisions = sum(month.decisions for month in months)
    in_scope = sum(month.by_scope[Decision.Scope.IN] for month in months)
    summary = ngettext(
        "%(meetings)s meeting held in this period", "%(meetings)s meetings held in this period", meetings
    ) % {"meetings": f"{meetings:,}"}
    if meetings - not_known:
        summary += _(", of which %(quorate)s of the %(known)s with attendance taken were quorate (%(share)s)") % {
            "quorate": f"{quorate:,}",
            "known": f"{meetings - not_known:,}",
            "share": share(Cell(quorate), Cell(meetings - not_known)),
        }
    summary += ". " + ngettext(
        "%(decisions)s decision was taken, %(in_scope)s of them in the scope of co-production.",
        "%(decisions)s decisions were taken, %(in_scope)s of them in the scope of co-production.",
        decisions,
    ) % {"decisions": f"{decisions:,}", "in_scope": f"{in_scope:,}"}
    return Table(
        slug="coproduction",
        title=_("Co-production meetings and decisions"),
        summary=summary,
        first_column=_("Month"),
        columns=[
            _("Meetings held"),
            _("With enough members to decide"),
            _("Share with enough members"),
            _("Attendance not taken"),
            _("Decisions"),
            _("In the scope of co-production"),
            _("Out of scope"),
        ],
        rows=rows,
        footer=[
            (
                _("All months"),
                [
                    Cell(meetings),
                    Cell(quorate),
                    share(Cell(quorate), Cell(meetings - not_known)),
                    Cell(not_known),
                    Cell(decisions),
                    Cell(in_scope),
                    Cell(decisions - in_scope),
                ],
            )
        ],
        charted=[0, 1],
    )


def participation_table(months: list[CoproductionMonth]) -> Table:
    levels = Decision.Participation
    rows: list[tuple[str, list[Value]]] = [
        (month_label(month.month), [Cell(month.by_level[level]) for level in levels.values]) for month in months
    ]
    totals = {level: sum(month.by_level[level] for month in months) for level in levels.values}
    decisions = sum(totals.values())
    together = sum(totals[level] for level in CO_PRODUCED)
    return Table(
        slug="participation",
        title=_("Decisions by level of participation"),
        summary=_(
            "How far people with lived experience shaped each decision, from being informed to co-producing it. "
            "%(together)s of the %(decisions)s decisions in this period were co-designed or co-produced (%(share)s)."
        )
        % {"together": f"{together:,}", "decisions": f"{decisions:,}", "share": share(Cell(together), Cell(decisions))},
        first_column=_("Month"),
        columns=[str(label) for label in levels.labels],
        rows=rows,
        footer=[(_("All months"), [Cell(totals[level]) for level in levels.values])],
        charted=[levels.values.index(level) for level in CO_PRODUCED] + [levels.values.index(levels.INFORMING)],
    )


def _hours_text(hours: Decimal) -> str:
    return f"{hours:,.2f}".rstrip("0").rstrip(".")


def _hours(hours: Decimal, people: Cell) -> str:
    """Hours paid, shown only beside a shown count of the people paid: few people's hours are their pay."""
    if people.value == 0:
        return "–"
    if people.number is None:
        return str(_("not shown"))
    return _hours_text(hours)


def attendance_table(months: list[CoproductionMonth]) -> Table:
    kinds = ConstituencyKind
    grid = suppressed_grid([[month.attendance[kind] for kind in kinds.values] for month in months], width=len(kinds))
    paid = [cell(month.experts_paid) for month in months]
    rows: list[tuple[str, list[Value]]] = [
        (month_label(month.month), [*grid.rows[index], paid[index], _hours(month.hours_paid, paid[index])])
        for index, month in enumerate(months)
    ]
    summary = _(
        "Members at meetings, each counted once at each meeting they came to, by the part of the community they "
        "came for; and the Experts by Experience paid for their time, with the hours paid."
    )
    hours = sum((month.hours_paid for month in months), Decimal(0))
    # The period's hours would give away a month's hidden beside a few people.
    if hours and not any(each.value and each.number is None for each in paid):
        summary += " " + _("%(hours)s hours were paid to Experts by Experience in this period.") % {
            "hours": _hours_text(hours)
        }
    return Table(
        slug="attendance",
        title=_("Attendance, and Experts by Experience paid"),
        summary=summary,
        first_column=_("Month"),
        columns=[*(str(label) for label in kinds.labels), _("Experts by Experience paid"), _("Hours paid")],
        rows=rows,
        # People paid in different months may be the same people, so they have no period total.
        footer=[(_("All months"), [*grid.column_totals, "–", "–"])],
        charted=[kinds.values.index(kinds.EXPERT_BY_EXPERIENCE), kinds.values.index(kinds.ORGANISATION)],
    )


def coproduction_tables(months: list[CoproductionMonth]) -> list[Table]:
    return [meetings_table(months), participation_table(months), attendance_table(months)]
