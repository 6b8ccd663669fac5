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

from accord.report.names import points as _pts
from accord.report.palette import COLOURS, LEGEND, MARKERS, PRIORITY, Mark, legend
from accord.report.scatter import frontier_chart
from accord.report.svg import chart_style, inline_svg, new_figure

__all__ = ["Mark", "frontier_chart", "parallel_chart", "satisfaction_chart"]


def satisfaction_chart(
    parties: Sequence[str],
    middle: Sequence[float],
    recommended: Sequence[float],
    walkaway: Sequence[float],
    *,
    chart_id: str = "chart-satisfaction",
) -> str:
    """Grouped horizontal bars: each party under meeting in the middle and the recommendation."""
    with chart_style():
        figure = new_figure(5.0, 1.5 + 0.8 * len(parties))
        ax = figure.add_subplot()
        rows = range(len(parties))
        height = 0.36
        for offset, values, kind, hatch in (
            (-height / 2, middle, "compromise", "///"),
            (height / 2, recommended, "recommended", ""),
        ):
            ys = [r + offset for r in rows]
            bars = ax.barh(
                ys,
                values,
                height,
                color=COLOURS[kind],
                label=LEGEND[kind],
                hatch=hatch,
                edgecolor="white",
                linewidth=0,
            )
            ax.bar_label(bars, labels=[_pts(v) for v in values], padding=4, fontsize=11)
        for r, level in zip(rows, walkaway, strict=True):
            if level > 0:
                ax.plot(
                    [level, level],
                    [r - 0.45, r + 0.45],
                    color=COLOURS["walkaway"],
                    linestyle=(0, (3, 2)),
                    linewidth=1.4,
                )
        if any(level > 0 for level in walkaway):
            ax.plot(
                [], [], color=COLOURS["walkaway"], linestyle=(0, (3, 2)), label="Walk-away point"
            )
        ax.set_yticks(list(rows), list(parties))
        ax.invert_yaxis()
        ax.set_xlim(0, 112)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("Satisfaction (0-100)")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", length=0, labelsize=12)
        legend(figure, ax, ncols=2, order=[LEGEND["compromise"], LEGEND["recommended"]])
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


def parallel_chart(
    parties: Sequence[str],
    frontier: Sequence[tuple[float, ...]],
    marks: Sequence[Mark],
    walkaway: Sequence[float],
    *,
    chart_id: str = "chart-parallel",
    limit: int = 300,
) -> str:
    """Three or more parties: one vertical axis per person, one line per frontier package."""
    with chart_style():
        figure = new_figure(5.0, 5.4)
        ax = figure.add_subplot()
        xs = list(range(len(parties)))
        step = max(1, len(frontier) // limit)
        shown = list(frontier)[::step]
        for row in shown:
            ax.plot(xs, row, color=COLOURS["cloud"], linewidth=0.9, alpha=0.8, zorder=1)
        if shown:
            ax.plot([], [], color=COLOURS["cloud"], label="A package on the frontier")
        for x, level in zip(xs, walkaway, strict=True):
            if level > 0:
                ax.plot(
                    [x - 0.12, x + 0.12],
                    [level, level],
                    color=COLOURS["walkaway"],
                    linewidth=2.2,
                    zorder=3,
                )
        if any(level > 0 for level in walkaway):
            ax.plot([], [], color=COLOURS["walkaway"], linewidth=2.2, label="Walk-away point")
        for mark in sorted(marks, key=lambda m: -PRIORITY.index(m.kind)):
            style = "--" if mark.kind == "fair" else "-"
            ax.plot(
                xs,
                mark.utility,
                linestyle=style,
                marker=MARKERS[mark.kind],
                markersize=11 if mark.kind == "recommended" else 7,
                zorder=4,
                color=COLOURS[mark.kind],
                linewidth=2.4 if mark.kind != "fair" else 1.4,
                label=mark.label if mark.kind != "fair" else None,
            )
        if any(m.kind == "fair" for m in marks):
            ax.plot([], [], linestyle="--", marker="D", color=COLOURS["fair"], label=LEGEND["fair"])
        for x in xs:
            ax.axvline(x, color="#8c959f", linewidth=1, zorder=0)
        ax.set_xticks(xs, list(parties))
        ax.set_xlim(-0.3, len(parties) - 0.7)
        ax.set_ylim(-2, 102)
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.set_ylabel("Satisfaction (0-100)")
        ax.spines[["top", "right", "bottom"]].set_visible(False)
        ax.tick_params(axis="x", length=0, labelsize=12)
        legend(figure, ax, ncols=2, handlelength=1.8)
        title = "Everyone's satisfaction across the frontier of best trade-offs"
        described = "; ".join(
            f"{m.label}: "
            + ", ".join(f"{p} {_pts(u)}" for p, u in zip(parties, m.utility, strict=True))
            for m in marks
        )
        return inline_svg(
            figure,
            chart_id=chart_id,
            title=title,
            description=f"{len(frontier)} packages on the frontier. {described}.",
        )
