"""Put a text label next to each marked point without labels covering each other.

Why not a legend only: a reader should not have to match shapes to names to find "meeting in
the middle"; the name sits beside the point. Why not a library: the charts mark at most a
handful of points, so a greedy search over a few candidate offsets, measured with the real
renderer, is enough and keeps the output deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Offsets in typographic points, nearest first; up and to the right first because a frontier
# chart is empty beyond the frontier, where labels hide nothing.
_DIRECTIONS = ((1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))
_DISTANCES = (12, 24, 40, 60)
_CLEARANCE = 3  # display pixels kept free around a label


def place_labels(
    figure: Any, ax: Any, items: Sequence[tuple[tuple[float, ...], str]]
) -> None:
    """Annotate each (x, y) with its text at the first offset that overlaps nothing placed.

    The layout is frozen first, so that adding labels cannot move the axes under them.
    """
    figure.canvas.draw()
    figure.set_layout_engine("none")
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [_box_around(ax, xy, 9) for xy, _ in items]
    for xy, text in items:
        best = None
        for distance in _DISTANCES:
            for dx, dy in _DIRECTIONS:
                note = _annotate(ax, xy, text, dx * distance, dy * distance)
                box = note.get_window_extent(renderer).expanded(1.0, 1.0)
                inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
                if inside and not any(_overlap(box, other) for other in taken):
                    best = (note, box)
                    break
                note.remove()
            if best:
                break
        if best is None:  # nowhere free: keep the nearest spot rather than drop the name
            note = _annotate(ax, xy, text, _DISTANCES[0], _DISTANCES[0])
            best = (note, note.get_window_extent(renderer))
        taken.append(best[1])


def _annotate(ax: Any, xy: tuple[float, ...], text: str, dx: float, dy: float) -> Any:
    ha = "left" if dx > 0 else "right" if dx < 0 else "center"
    va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
    note = ax.annotate(
        text,
        xy=xy,
        xytext=(dx, dy),
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=10,
        color="#1f2328",
        zorder=6,
        bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "#d0d7de",
              "alpha": 0.92},
        arrowprops={"arrowstyle": "-", "color": "#57606a", "linewidth": 0.8,
                    "shrinkA": 0, "shrinkB": 6},
    )
    note.set_in_layout(False)
    return note


def _box_around(ax: Any, xy: tuple[float, ...], radius: float) -> Any:
    from matplotlib.transforms import Bbox

    x, y = ax.transData.transform(xy)
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _overlap(a: Any, b: Any) -> bool:
    return bool(
        a.x0 - _CLEARANCE < b.x1 and b.x0 - _CLEARANCE < a.x1
        and a.y0 - _CLEARANCE < b.y1 and b.y0 - _CLEARANCE < a.y1
    )
