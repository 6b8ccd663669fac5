"""How the report's charts look: one colour, marker and name per kind of package.

Shared by every chart so that "Accord's recommendation" is the same green star everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
FRONTIER_LABEL = "Frontier: best trade-offs"
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


def legend(
    figure: Any, ax: Any, *, ncols: int, handlelength: float = 1.6, order: Sequence[str] = ()
) -> None:
    """A legend under the plot, in reading order: the packages that matter first."""
    handles, labels = ax.get_legend_handles_labels()
    order = order or [
        *LEGEND.values(),
        FRONTIER_LABEL,
        "A package on the frontier",
        "Other possible packages",
        "Walk-away point",
    ]
    rank = {label: i for i, label in enumerate(order)}
    pairs = sorted(zip(handles, labels, strict=True), key=lambda hl: rank.get(hl[1], len(rank)))
    figure.legend(
        [h for h, _ in pairs],
        [lab for _, lab in pairs],
        loc="outside lower center",
        ncols=ncols,
        handlelength=handlelength,
        columnspacing=1.0,
    )
