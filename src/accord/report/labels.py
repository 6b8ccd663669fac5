"""Put a text label next to each marked point without labels covering each other.

Why not a legend only: a reader should not have to match shapes to names to find "meeting in
the middle"; the name sits beside the point. Why not a library: the charts mark at most a
handful of points, so trying forty candidate offsets per label, measured with the real
renderer and scored, is enough and keeps the output deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Offsets in typographic points. On equal cost the earlier wins: up and to the right first,
# because a frontier chart is empty beyond the frontier, where labels hide nothing.
_DIRECTIONS = ((1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))
_DISTANCES = (14, 26, 40, 60, 85)
_CLEARANCE = 3  # display pixels kept free around a label

# What a spot costs. Sticking out of the plot and covering another label or point are the
# worst; hiding a bit of a line under a label's white box matters less; a leader line that
# crosses another label confuses; being far from the point is a mild nuisance.
_OUTSIDE = 4.0  # per square pixel
_OVERLAP = 1.0  # per square pixel
_LINE = 30.0  # per sampled point of a line kept visible
_CROSSING = 400.0  # per sampled point of a leader line inside another label
_FAR = 0.06  # per squared typographic point of distance from the marked point


def place_labels(
    figure: Any,
    ax: Any,
    items: Sequence[tuple[tuple[float, ...], str]],
    avoid: Sequence[tuple[float, float]] = (),
) -> None:
    """Annotate each (x, y) with its text at the cheapest of a few candidate spots.

    The layout is frozen first, so that adding labels cannot move the axes under them. Labels
    are placed in the given order (most important first), each seeing those before it.
    ``avoid`` holds points along lines worth keeping visible (the frontier, an arrow).
    """
    figure.canvas.draw()
    figure.set_layout_engine("none")
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [_box_around(ax, xy, 6) for xy, _ in items]
    lines = [(float(x), float(y)) for x, y in ax.transData.transform(avoid)] if avoid else []
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for xy, text in items:
        x, y = (float(v) for v in ax.transData.transform(xy))
        anchor = (x, y)
        best: tuple[float, Any, Any, list[tuple[float, float]]] | None = None
        for distance in _DISTANCES:
            for dx, dy in _DIRECTIONS:
                note = _annotate(ax, xy, text, dx * distance, dy * distance)
                box = _text_box(note, renderer)
                leader = _leader(anchor, box)
                cost = (
                    _OUTSIDE * _outside(box, frame)
                    + _OVERLAP * sum(_overlap(box, other) for other in taken)
                    + _LINE * sum(_inside(point, box) for point in lines)
                    + _CROSSING * sum(_inside(p, o) for p in leader for o in taken[len(items) :])
                    + _CROSSING * sum(_crosses((anchor, leader[-1]), other) for other in leaders)
                    + _FAR * distance * distance
                )
                if best is None or cost < best[0]:
                    if best is not None:
                        best[1].remove()
                    best = (cost, note, box, leader)
                else:
                    note.remove()
        assert best is not None
        taken.append(best[2])
        lines += best[3]
        leaders.append((anchor, best[3][-1]))


def _leader(anchor: tuple[float, float], box: Any) -> list[tuple[float, float]]:
    """Points along the leader line, which matplotlib draws from the marked point towards the
    centre of the label, up to where it meets the label's box."""
    x, y = anchor
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    points = [(x + (cx - x) * i / 16, y + (cy - y) * i / 16) for i in range(2, 17)]
    outside = [p for p in points if not _inside(p, box)]
    return outside or points[:1]


def _crosses(
    a: tuple[tuple[float, float], tuple[float, float]],
    b: tuple[tuple[float, float], tuple[float, float]],
) -> bool:
    """Whether two line segments properly intersect (orientation test)."""

    def turn(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    (p1, p2), (q1, q2) = a, b
    return (turn(p1, p2, q1) * turn(p1, p2, q2) < 0) and (turn(q1, q2, p1) * turn(q1, q2, p2) < 0)


def _inside(point: tuple[float, float], box: Any) -> bool:
    return bool(box.x0 <= point[0] <= box.x1 and box.y0 <= point[1] <= box.y1)


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
        annotation_clip=False,
        bbox={
            "boxstyle": "round,pad=0.25",
            "facecolor": "white",
            "edgecolor": "#d0d7de",
            "alpha": 0.92,
        },
        arrowprops={
            "arrowstyle": "-",
            "color": "#57606a",
            "linewidth": 0.8,
            "shrinkA": 0,
            "shrinkB": 6,
        },
    )
    note.set_in_layout(False)
    note.set_clip_on(False)
    return note


def _text_box(note: Any, renderer: Any) -> Any:
    """The label's box without its leader line, which may well cross its own point."""
    from matplotlib.text import Text

    note.update_positions(renderer)  # an annotation places its text only when asked
    return Text.get_window_extent(note, renderer).padded(4)


def _box_around(ax: Any, xy: tuple[float, ...], radius: float) -> Any:
    from matplotlib.transforms import Bbox

    x, y = ax.transData.transform(xy)
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _overlap(a: Any, b: Any) -> float:
    """Area shared by two boxes, each grown by the clearance."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0) + 2 * _CLEARANCE
    height = min(a.y1, b.y1) - max(a.y0, b.y0) + 2 * _CLEARANCE
    return float(max(width, 0) * max(height, 0))


def _outside(box: Any, frame: Any) -> float:
    """Area of the box outside the frame."""
    inner_w = max(0.0, min(box.x1, frame.x1) - max(box.x0, frame.x0))
    inner_h = max(0.0, min(box.y1, frame.y1) - max(box.y0, frame.y0))
    return float(box.width * box.height - inner_w * inner_h)
