"""The two-party picture: every package, the frontier, and the packages worth pointing out.

One dot per possible package (when there are few enough to draw), the frontier as a staircase,
walk-away points as dashed lines over a shaded "not acceptable" area, the recommendation, the
middle and the fair rules marked and labelled, and an arrow from the middle to the
recommendation when it is better for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from accord.report.labels import place_labels
from accord.report.names import points as _pts
from accord.report.palette import (
    COLOURS,
    FRONTIER_LABEL,
    LEGEND,
    MARKERS,
    PRIORITY,
    SIZES,
    Mark,
    legend,
)
from accord.report.svg import chart_style, inline_svg, new_figure

# Past this many frontier points the dots merge into a thick smear; the staircase alone reads.
DOTTED_FRONTIER = 60


def frontier_chart(
    parties: Sequence[str],
    frontier: Sequence[tuple[float, float]],
    cloud: Sequence[tuple[float, float]],
    marks: Sequence[Mark],
    walkaway: Sequence[float],
    *,
    chart_id: str = "chart-frontier",
) -> str:
    """Two parties: every package as a faint dot, the frontier as a staircase, marks labelled."""
    a, b = parties
    with chart_style():
        figure = new_figure(5.0, 5.75)
        ax = figure.add_subplot()
        ax.set_xlim(-2, 102)
        ax.set_ylim(-2, 102)
        ax.set_aspect("equal")
        _shade_walkaway(ax, walkaway)
        if cloud:
            ax.scatter(
                *zip(*cloud, strict=True),
                s=9,
                color=COLOURS["cloud"],
                linewidths=0,
                label="Other possible packages",
                zorder=1,
            )
        ordered = sorted(frontier)
        if ordered:
            xs, ys = zip(*ordered, strict=True)
            ax.step(xs, ys, where="pre", color=COLOURS["frontier"], linewidth=1.6, zorder=2)
            dotted = len(ordered) <= DOTTED_FRONTIER
            if dotted:
                ax.plot(xs, ys, "o", color=COLOURS["frontier"], markersize=4, zorder=2)
            ax.plot(
                [],
                [],
                color=COLOURS["frontier"],
                marker="o" if dotted else None,
                markersize=4,
                linewidth=1.6,
                label=FRONTIER_LABEL,
            )
        groups = _group(marks)
        for kind in reversed(PRIORITY):
            points = [g[0].utility for g in groups if g[0].kind == kind]
            if points:
                ax.scatter(
                    *zip(*points, strict=True),
                    s=SIZES[kind],
                    marker=MARKERS[kind],
                    color=COLOURS[kind],
                    edgecolors="white",
                    linewidths=1.2,
                    zorder=5,
                )
        for kind in PRIORITY:
            if any(g[0].kind == kind for g in groups):
                ax.scatter(
                    [],
                    [],
                    s=SIZES[kind],
                    marker=MARKERS[kind],
                    color=COLOURS[kind],
                    label=LEGEND[kind],
                )
        ax.set_xlabel(f"{a}'s satisfaction (0-100)")
        ax.set_ylabel(f"{b}'s satisfaction (0-100)")
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.grid(color="#e6e8eb", linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        legend(figure, ax, ncols=2)
        avoid = _staircase(ordered) + _improvement_arrow(ax, marks)
        fair_total = sum(m.kind == "fair" for m in marks)
        place_labels(
            figure, ax, [(g[0].utility, _group_label(g, fair_total)) for g in groups], avoid=avoid
        )
        return inline_svg(
            figure,
            chart_id=chart_id,
            title=f"What {a} and {b} could agree: the frontier of best trade-offs",
            description=_describe_marks(parties, groups, len(frontier), len(cloud)),
        )


def _shade_walkaway(ax: Any, walkaway: Sequence[float]) -> None:
    x_level, y_level = walkaway
    shade = {"color": "#f1f2f4", "linewidth": 0, "zorder": 0}
    line = {"color": COLOURS["walkaway"], "linestyle": (0, (4, 3)), "linewidth": 1.3, "zorder": 3}
    if x_level > 0:
        ax.axvspan(-2, x_level, **shade)
        ax.axvline(x_level, **line)
    if y_level > 0:
        ax.axhspan(-2, y_level, **shade)
        ax.axhline(y_level, **line)
    if x_level > 0 or y_level > 0:
        ax.plot([], [], label="Walk-away point", **line)
        ax.fill_between([], [], [], color=shade["color"], label="Below a walk-away point")


def _improvement_arrow(ax: Any, marks: Sequence[Mark]) -> list[tuple[float, float]]:
    """When the recommendation beats the middle for both, an arrow from one to the other: the
    whole point of the report in one stroke. Returns points along it for labels to avoid."""
    found = {m.kind: m.utility for m in marks if m.kind in ("recommended", "compromise")}
    if len(found) < 2:
        return []
    (x0, y0), (x1, y1) = found["compromise"][:2], found["recommended"][:2]
    if not (x1 >= x0 and y1 >= y0 and (x1, y1) != (x0, y0)):
        return []
    ax.annotate(
        "",
        xy=(x1, y1),
        xytext=(x0, y0),
        zorder=4,
        annotation_clip=False,
        arrowprops={
            "arrowstyle": "-|>,head_length=0.6,head_width=0.3",
            "color": COLOURS["recommended"],
            "linewidth": 1.8,
            "shrinkA": 9,
            "shrinkB": 11,
        },
    )
    return [(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20) for i in range(21)]


def _staircase(
    points: Sequence[tuple[float, float]], step: float = 1.0
) -> list[tuple[float, float]]:
    """Points along the frontier staircase, about ``step`` apart, for labels to keep off."""
    out: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in pairwise(points):
        out += [
            (x0, y0 - (y0 - y1) * i / n)
            for n in [max(1, int(abs(y0 - y1) / step))]
            for i in range(n)
        ]
        out += [
            (x0 + (x1 - x0) * i / n, y1)
            for n in [max(1, int(abs(x1 - x0) / step))]
            for i in range(n)
        ]
    return out + list(points[-1:])


def _group(marks: Sequence[Mark]) -> list[list[Mark]]:
    """Marks at the same spot, most important first, so each spot gets one marker and label."""
    groups: dict[tuple[float, ...], list[Mark]] = {}
    for mark in marks:
        key = tuple(round(u, 6) for u in mark.utility)
        groups.setdefault(key, []).append(mark)
    ordered = [sorted(g, key=lambda m: PRIORITY.index(m.kind)) for g in groups.values()]
    return sorted(ordered, key=lambda g: PRIORITY.index(g[0].kind))


def _group_label(group: Sequence[Mark], fair_total: int) -> str:
    """'Accord's recommendation' plus, briefly, what else sits on the same spot.

    Short on purpose: a long label has nowhere to go on a crowded chart. The table of fair
    choices below the chart names each rule in full.
    """
    first, rest = group[0].label, group[1:]
    if not rest:
        return first
    others = [m.label.lower() for m in rest if m.kind != "fair"]
    fair = [m.label.lower() for m in rest if m.kind == "fair"]
    if len(fair) == 1:
        others += fair
    elif fair and len(fair) == fair_total:
        others.append("every other fair choice" if not others else "every fair choice")
    elif fair:
        others.append(f"{len(fair)} other fair choices")
    return first + "\n" + _wrap("(also " + " and ".join(others) + ")", 30)


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _describe_marks(
    parties: Sequence[str], groups: Sequence[Sequence[Mark]], frontier: int, cloud: int
) -> str:
    a, b = parties
    parts = [f"{frontier} packages on the frontier"]
    if cloud:
        parts[0] += f", out of {cloud} possible packages"
    for group in groups:
        x, y = group[0].utility
        names = " = ".join(m.label for m in group)
        parts.append(f"{names}: {a} {_pts(x)}, {b} {_pts(y)}")
    return ". ".join(parts) + "."
