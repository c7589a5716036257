"""A table's chart, drawn by pygal (LGPL-3.0-or-later) as SVG on the server: a line for each charted column,
each with its own dash and dot shape as well as its own colour, so that no meaning is carried by colour
alone, and the baseline as a flat dashed line. Hidden (suppressed) values are gaps. The chart is served
as an image beside its table, which holds the same figures for anyone who cannot see it."""

from typing import Any

import pygal
from pygal.style import Style

from livingwell.core.suppression import Cell
from livingwell.insight.tables import Table

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    font_family="Arial, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=16,
    title_font_size=18,
    colors=("#1d70b8", "#d4351c", "#505a5f"),
    opacity="1",
    opacity_hover="1",
    # Light, solid guides, so that the dashed lines are only the series and the baseline.
    guide_stroke_color="#dddddd",
    major_guide_stroke_color="#dddddd",
    guide_stroke_dasharray="0",
    major_guide_stroke_dasharray="0",
)
DASHES = ("", "8, 4", "2, 4")


def chart_svg(table: Table) -> str:
    """The table's chart as an SVG document. Its scale starts at nought, with room above the highest line."""
    series = [
        [
            value.number if isinstance(value, Cell) else _number(value)
            for _label, row in table.rows
            for value in [row[index]]
        ]
        for index in table.charted
    ]
    highest = max([value for values in series for value in values if value is not None] + [table.baseline or 0, 1])
    chart = pygal.Line(
        range=(0, highest * 1.15),
        style=STYLE,
        width=960,
        height=400,
        js=[],
        disable_xml_declaration=False,
        legend_at_bottom=True,
        show_y_guides=True,
        allow_interruptions=True,  # a hidden value is a gap, not a line drawn through it
        x_label_rotation=0,
        show_minor_x_labels=False,
        x_labels_major_every=max(1, len(table.rows) // 12),
        truncate_label=-1,
        truncate_legend=-1,  # a legend says in full what each line is
        legend_at_bottom_columns=1,
        dots_size=4,
    )
    chart.title = table.title
    chart.x_labels = [label for label, _values in table.rows]
    for number, (index, values) in enumerate(zip(table.charted, series, strict=True)):
        chart.add(table.columns[index], values, stroke_style={"width": 3, "dasharray": DASHES[number % len(DASHES)]})
    if table.baseline is not None:
        chart.add(
            table.baseline_label,
            [table.baseline] * len(table.rows),
            stroke_style={"width": 3, "dasharray": "12, 6"},
            show_dots=False,
        )
    return str(chart.render(is_unicode=True))


def _number(text: Any) -> float | None:
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        return None
