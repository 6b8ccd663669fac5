"""The report's pictures, as inline SVG: who gets how much under each package.

Three charts, each answering one question a reader has:

- ``satisfaction_chart`` (any number of parties): how satisfied is each of us if we meet in
  the middle, and under Accord's recommendation?
- ``frontier_chart`` (two parties): of everything we could agree, where do the middle and the
  recommendation sit, and how much room is there to do better for both?
- ``parallel_chart`` (three or more parties): the same, one vertical axis per person.

They take plain numbers and display names, not solver objects, so they can be tested and
restyled without a scenario. matplotlib is imported inside the functions (via ``svg``) so
that importing accord stays fast for the many commands that draw nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from accord.report.labels import place_labels
from accord.report.names import points as _pts
from accord.report.svg import chart_style, inline_svg, new_figure

# Okabe-Ito colours: told apart by readers with colour-blindness, and every kind also has its
# own marker shape, so the chart survives printing in grey.
COLOURS = {
    "recommended": "#007a5a",
    "compromise": "#c24d00",
    "fair": "#0067a3",
    "frontier": "#3d444d",
    "cloud": "#b8bec6",
    "walkaway": "#8a3b72",
}
MARKERS = {"recommended": "*", "compromise": "s", "fair": "D"}
SIZES = {"recommended": 300, "compromise": 110, "fair": 60}
PRIORITY = ("recommended", "compromise", "fair")
LEGEND = {
    "recommended": "Accord's recommendation",
    "compromise": "Meeting in the middle",
    "fair": "Other fair choices",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A package to point out: its kind (recommended, compromise, fair), its name, utilities."""

    kind: str
    label: str
    utility: tuple[float, ...]


def satisfaction_chart(
    parties: Sequence[str],
    middle: Sequence[float],
    recommended: Sequence[float],
    walkaway: Sequence[float],
    *,
    chart_id: str = "satisfaction",
) -> str:
    """Grouped horizontal bars: each party under meeting in the middle and the recommendation."""
    with chart_style():
        figure = new_figure(6.4, 1.2 + 0.85 * len(parties))
        ax = figure.add_subplot()
        rows = range(len(parties))
        height = 0.36
        for offset, values, kind, hatch in (
            (-height / 2, middle, "compromise", "///"),
            (height / 2, recommended, "recommended", ""),
        ):
            ys = [r + offset for r in rows]
            bars = ax.barh(
                ys, values, height, color=COLOURS[kind], label=LEGEND[kind],
                hatch=hatch, edgecolor="white", linewidth=0,
            )
            ax.bar_label(bars, labels=[_pts(v) for v in values], padding=4, fontsize=10)
        for r, level in zip(rows, walkaway, strict=True):
            if level > 0:
                ax.plot([level, level], [r - 0.45, r + 0.45], color=COLOURS["walkaway"],
                        linestyle=(0, (3, 2)), linewidth=1.4)
        if any(level > 0 for level in walkaway):
            ax.plot([], [], color=COLOURS["walkaway"], linestyle=(0, (3, 2)),
                    label="Walk-away point")
        ax.set_yticks(list(rows), list(parties))
        ax.invert_yaxis()
        ax.set_xlim(0, 112)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("Satisfaction (0-100)")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=11)
        figure.legend(loc="outside lower center", ncols=3, handlelength=1.6)
        description = "; ".join(
            f"{p}: {_pts(m)} meeting in the middle, {_pts(r)} with the recommendation"
            for p, m, r in zip(parties, middle, recommended, strict=True)
        )
        return inline_svg(
            figure,
            chart_id=chart_id,
            title="Each person's satisfaction: meeting in the middle vs Accord's recommendation",
            description=description + ".",
        )


def frontier_chart(
    parties: Sequence[str],
    frontier: Sequence[tuple[float, float]],
    cloud: Sequence[tuple[float, float]],
    marks: Sequence[Mark],
    walkaway: Sequence[float],
    *,
    chart_id: str = "frontier",
) -> str:
    """Two parties: every package as a faint dot, the frontier as a staircase, marks labelled."""
    a, b = parties
    with chart_style():
        figure = new_figure(6.4, 7.0)
        ax = figure.add_subplot()
        ax.set_xlim(-2, 102)
        ax.set_ylim(-2, 102)
        ax.set_aspect("equal")
        _shade_walkaway(ax, walkaway)
        if cloud:
            ax.scatter(*zip(*cloud, strict=True), s=9, color=COLOURS["cloud"], linewidths=0,
                       label="Other possible packages", zorder=1)
        ordered = sorted(frontier)
        if ordered:
            xs, ys = zip(*ordered, strict=True)
            ax.step(xs, ys, where="pre", color=COLOURS["frontier"], linewidth=1.6, zorder=2)
            ax.plot(xs, ys, "o", color=COLOURS["frontier"], markersize=4, zorder=2,
                    label="Best possible trade-offs (frontier)", linestyle="-", linewidth=1.6)
        groups = _group(marks)
        for kind in reversed(PRIORITY):
            points = [g[0].utility for g in groups if g[0].kind == kind]
            if points:
                ax.scatter(*zip(*points, strict=True), s=SIZES[kind], marker=MARKERS[kind],
                           color=COLOURS[kind], edgecolors="white", linewidths=1.2, zorder=5)
        for kind in PRIORITY:
            if any(m.kind == kind for m in marks):
                ax.scatter([], [], s=SIZES[kind], marker=MARKERS[kind], color=COLOURS[kind],
                           label=LEGEND[kind])
        ax.set_xlabel(f"{a}'s satisfaction (0-100)")
        ax.set_ylabel(f"{b}'s satisfaction (0-100)")
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.grid(color="#e6e8eb", linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        figure.legend(loc="outside lower center", ncols=2, handlelength=1.6,
                      columnspacing=1.2)
        place_labels(figure, ax, [(g[0].utility, _group_label(g)) for g in groups])
        return inline_svg(
            figure, chart_id=chart_id,
            title=f"What {a} and {b} could agree: the frontier of best trade-offs",
            description=_describe_marks(parties, groups, len(frontier), len(cloud)),
        )


def parallel_chart(
    parties: Sequence[str],
    frontier: Sequence[tuple[float, ...]],
    marks: Sequence[Mark],
    walkaway: Sequence[float],
    *,
    chart_id: str = "parallel",
    limit: int = 300,
) -> str:
    """Three or more parties: one vertical axis per person, one line per frontier package."""
    with chart_style():
        figure = new_figure(6.4, 5.2)
        ax = figure.add_subplot()
        xs = list(range(len(parties)))
        step = max(1, len(frontier) // limit)
        shown = list(frontier)[::step]
        for row in shown:
            ax.plot(xs, row, color=COLOURS["cloud"], linewidth=0.9, alpha=0.8, zorder=1)
        if shown:
            ax.plot([], [], color=COLOURS["cloud"], label="Best possible trade-offs (frontier)")
        for x, level in zip(xs, walkaway, strict=True):
            if level > 0:
                ax.plot([x - 0.12, x + 0.12], [level, level], color=COLOURS["walkaway"],
                        linewidth=2.2, zorder=3)
        if any(level > 0 for level in walkaway):
            ax.plot([], [], color=COLOURS["walkaway"], linewidth=2.2, label="Walk-away point")
        for mark in sorted(marks, key=lambda m: -PRIORITY.index(m.kind)):
            style = "--" if mark.kind == "fair" else "-"
            ax.plot(xs, mark.utility, linestyle=style, marker=MARKERS[mark.kind],
                    markersize=11 if mark.kind == "recommended" else 7, zorder=4,
                    color=COLOURS[mark.kind], linewidth=2.4 if mark.kind != "fair" else 1.4,
                    label=mark.label if mark.kind != "fair" else None)
        if any(m.kind == "fair" for m in marks):
            ax.plot([], [], linestyle="--", marker="D", color=COLOURS["fair"],
                    label=LEGEND["fair"])
        for x in xs:
            ax.axvline(x, color="#8c959f", linewidth=1, zorder=0)
        ax.set_xticks(xs, list(parties))
        ax.set_xlim(-0.3, len(parties) - 0.7)
        ax.set_ylim(-2, 102)
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.set_ylabel("Satisfaction (0-100)")
        ax.spines[["top", "right", "bottom"]].set_visible(False)
        ax.tick_params(axis="x", length=0, labelsize=11)
        figure.legend(loc="outside lower center", ncols=2, handlelength=2.2)
        title = "Everyone's satisfaction across the frontier of best trade-offs"
        described = "; ".join(
            f"{m.label}: " + ", ".join(
                f"{p} {_pts(u)}" for p, u in zip(parties, m.utility, strict=True)
            )
            for m in marks
        )
        return inline_svg(
            figure, chart_id=chart_id, title=title,
            description=f"{len(frontier)} packages on the frontier. {described}.",
        )


def _shade_walkaway(ax: Any, walkaway: Sequence[float]) -> None:
    x_level, y_level = walkaway
    shade = {"color": "#f1f2f4", "linewidth": 0, "zorder": 0}
    line = {"color": COLOURS["walkaway"], "linestyle": (0, (4, 3)), "linewidth": 1.3,
            "zorder": 3}
    if x_level > 0:
        ax.axvspan(-2, x_level, **shade)
        ax.axvline(x_level, **line)
    if y_level > 0:
        ax.axhspan(-2, y_level, **shade)
        ax.axhline(y_level, **line)
    if x_level > 0 or y_level > 0:
        ax.plot([], [], label="Walk-away point (shaded: not acceptable)", **line)


def _group(marks: Sequence[Mark]) -> list[list[Mark]]:
    """Marks at the same spot, most important first, so each spot gets one marker and label."""
    groups: dict[tuple[float, ...], list[Mark]] = {}
    for mark in marks:
        key = tuple(round(u, 6) for u in mark.utility)
        groups.setdefault(key, []).append(mark)
    ordered = [sorted(g, key=lambda m: PRIORITY.index(m.kind)) for g in groups.values()]
    return sorted(ordered, key=lambda g: PRIORITY.index(g[0].kind))


def _group_label(group: Sequence[Mark]) -> str:
    first, rest = group[0].label, [m.label.lower() for m in group[1:]]
    if not rest:
        return first
    return first + "\nalso: " + _wrap(", ".join(rest), 30)


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
