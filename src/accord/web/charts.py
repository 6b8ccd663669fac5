"""Small SVG pictures for the pages, built as strings: no I/O, no clock, no randomness.

Every chart has a ``viewBox`` (so it scales with the page), ``role="img"`` with a ``<title>``
and a ``<desc>`` that says in words what the picture shows (for screen readers, and for anyone
who prefers the numbers), and every text in it is XML-escaped: names are what people typed.
Colours are chosen for WCAG AA contrast on white; colour is never the only cue (points carry
their name, lines carry their points).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

INK = "#1b1b1f"
MUTED = "#4a4a55"
LINE = "#6b7080"
GRID = "#c9ccd6"
MINE = "#1d4ed8"  # 6.7:1 on white
OTHER = "#9a3412"  # 7.3:1 on white
REGION = "#f3f4f7"

SCALE_MIN, SCALE_MAX, MIDPOINT = 1.0, 7.0, 4.0


def _text(value: object) -> str:
    """Text (or an attribute value) safe to put inside SVG markup."""
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ".0"."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _open(chart_id: str, width: int, height: int, title: str, description: str) -> list[str]:
    ident = _text(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="chart" '
        f'font-family="system-ui, sans-serif">',
        f'<title id="{ident}-title">{_text(title)}</title>',
        f'<desc id="{ident}-desc">{_text(description)}</desc>',
    ]


# The attachment plane --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanePoint:
    """One person's ECR-R result: ``anxiety`` and ``avoidance``, each 1-7."""

    name: str
    anxiety: float
    avoidance: float
    mine: bool = False


PLANE_SIZE = 360
_PAD_LEFT, _PAD_TOP, _PAD_RIGHT, _PAD_BOTTOM = 48, 16, 16, 44


def attachment_plane(points: Sequence[PlanePoint], *, chart_id: str = "plane") -> str:
    """The anxiety/avoidance plane: avoidance across (1-7), anxiety up (1-7), the midpoint
    lines at 4, the four regions named, and one labelled point per person.

    >>> svg = attachment_plane([PlanePoint("Sam <3", 2.0, 6.5, mine=True)])
    >>> 'role="img"' in svg and "Sam &lt;3" in svg and "<script" not in svg
    True
    """
    size = PLANE_SIZE
    inner_w = size - _PAD_LEFT - _PAD_RIGHT
    inner_h = size - _PAD_TOP - _PAD_BOTTOM

    def x(avoidance: float) -> float:
        return _PAD_LEFT + (avoidance - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * inner_w

    def y(anxiety: float) -> float:
        return _PAD_TOP + (SCALE_MAX - anxiety) / (SCALE_MAX - SCALE_MIN) * inner_h

    described = "; ".join(
        f"{p.name}{' (you)' if p.mine else ''}: anxiety {p.anxiety:.2f}, "
        f"avoidance {p.avoidance:.2f}"
        for p in points
    )
    description = (
        "Anxiety (up) against avoidance (across), each from 1 to 7, split at the midpoint 4 "
        "into four regions: secure (both low), anxious (anxiety high), avoidant (avoidance "
        "high) and fearful-avoidant (both high). "
        + (f"Points: {described}." if points else "No results to show yet.")
    )
    out = _open(chart_id, size, size, "Attachment: anxiety and avoidance", description)
    left, right = x(SCALE_MIN), x(SCALE_MAX)
    top, bottom = y(SCALE_MAX), y(SCALE_MIN)
    mid_x, mid_y = x(MIDPOINT), y(MIDPOINT)
    out.append(
        f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(right - left)}" '
        f'height="{_num(bottom - top)}" fill="{REGION}" stroke="{LINE}"/>'
    )
    out.append(
        f'<line x1="{_num(mid_x)}" y1="{_num(top)}" x2="{_num(mid_x)}" y2="{_num(bottom)}" '
        f'stroke="{LINE}" stroke-dasharray="4 3"/>'
    )
    out.append(
        f'<line x1="{_num(left)}" y1="{_num(mid_y)}" x2="{_num(right)}" y2="{_num(mid_y)}" '
        f'stroke="{LINE}" stroke-dasharray="4 3"/>'
    )
    regions = (
        ("anxious", (left + mid_x) / 2, top + 18),
        ("fearful-avoidant", (mid_x + right) / 2, top + 18),
        ("secure", (left + mid_x) / 2, bottom - 8),
        ("avoidant", (mid_x + right) / 2, bottom - 8),
    )
    for name, cx, cy in regions:
        out.append(
            f'<text x="{_num(cx)}" y="{_num(cy)}" text-anchor="middle" font-size="13" '
            f'font-weight="600" fill="{MUTED}">{name}</text>'
        )
    for tick in (1, 4, 7):
        out.append(
            f'<text x="{_num(x(tick))}" y="{_num(bottom + 16)}" text-anchor="middle" '
            f'font-size="12" fill="{INK}">{tick}</text>'
        )
        out.append(
            f'<text x="{_num(left - 8)}" y="{_num(y(tick) + 4)}" text-anchor="end" '
            f'font-size="12" fill="{INK}">{tick}</text>'
        )
    out.append(
        f'<text x="{_num((left + right) / 2)}" y="{size - 6}" text-anchor="middle" '
        f'font-size="13" fill="{INK}">avoidance</text>'
    )
    out.append(
        f'<text x="14" y="{_num((top + bottom) / 2)}" text-anchor="middle" font-size="13" '
        f'fill="{INK}" transform="rotate(-90 14 {_num((top + bottom) / 2)})">anxiety</text>'
    )
    for point in points:
        px = x(_clamp(point.avoidance)), y(_clamp(point.anxiety))
        colour = MINE if point.mine else OTHER
        if point.mine:
            mark = f'<circle cx="{_num(px[0])}" cy="{_num(px[1])}" r="7" fill="{colour}"/>'
        else:
            r = 7
            mark = (
                f'<rect x="{_num(px[0] - r)}" y="{_num(px[1] - r)}" width="{2 * r}" '
                f'height="{2 * r}" fill="{colour}" transform="rotate(45 {_num(px[0])} '
                f'{_num(px[1])})"/>'
            )
        # Labels sit on the side with more room, so they stay inside the picture.
        anchor, dx = ("end", -11) if px[0] > (left + right) / 2 else ("start", 11)
        out.append(
            f"<g>{mark}"
            f'<text x="{_num(px[0] + dx)}" y="{_num(px[1] + 4)}" text-anchor="{anchor}" '
            f'font-size="13" font-weight="700" fill="{colour}">'
            f"{_text(point.name)}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)


def _clamp(value: float) -> float:
    return min(SCALE_MAX, max(SCALE_MIN, value))


# The enforcement line ----------------------------------------------------------------------


LINE_WIDTH, LINE_HEIGHT = 480, 200
_L_LEFT, _L_TOP, _L_RIGHT, _L_BOTTOM = 52, 14, 20, 36


def enforcement_line(
    series: Sequence[tuple[datetime, float]], *, name: str, chart_id: str = "enforcement"
) -> str:
    """A boundary's enforcement rate (0-100 %) after each crossing, in time order.

    Crossings are spaced by their dates (evenly when they all fall at one moment).

    >>> from datetime import UTC, datetime
    >>> svg = enforcement_line([(datetime(2026, 1, 1, tzinfo=UTC), 1.0)], name="No <b>")
    >>> "No &lt;b&gt;" in svg and "100%" in svg
    True
    """
    width, height = LINE_WIDTH, LINE_HEIGHT
    inner_w = width - _L_LEFT - _L_RIGHT
    inner_h = height - _L_TOP - _L_BOTTOM
    ordered = sorted(series, key=lambda s: s[0])
    rates = ", ".join(f"{round(rate * 100)}%" for _, rate in ordered)
    if ordered:
        span = f"from {_day(ordered[0][0])} to {_day(ordered[-1][0])}"
        description = (
            f"The share of crossings of \u201c{name}\u201d where you carried out the consequence, "
            f"after each of {len(ordered)} crossing{'s' if len(ordered) != 1 else ''} {span}: "
            f"{rates}."
        )
    else:
        description = f"\u201c{name}\u201d has not been crossed yet, so there is no rate to show."
    out = _open(chart_id, width, height, f"Enforcement over time: {name}", description)
    left, right = _L_LEFT, _L_LEFT + inner_w
    top, bottom = _L_TOP, _L_TOP + inner_h

    def y(rate: float) -> float:
        return bottom - max(0.0, min(1.0, rate)) * inner_h

    for level in (0.0, 0.5, 1.0):
        out.append(
            f'<line x1="{left}" y1="{_num(y(level))}" x2="{right}" y2="{_num(y(level))}" '
            f'stroke="{GRID if level else LINE}"/>'
        )
        out.append(
            f'<text x="{left - 8}" y="{_num(y(level) + 4)}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{round(level * 100)}%</text>'
        )
    if not ordered:
        out.append(
            f'<text x="{_num((left + right) / 2)}" y="{_num((top + bottom) / 2)}" '
            f'text-anchor="middle" font-size="13" fill="{MUTED}">No crossings yet</text>'
        )
        out.append("</svg>")
        return "".join(out)
    first, last = ordered[0][0], ordered[-1][0]
    total = (last - first).total_seconds()

    def x(index: int, at: datetime) -> float:
        if len(ordered) == 1:
            return (left + right) / 2
        share = (at - first).total_seconds() / total if total > 0 else index / (len(ordered) - 1)
        return left + share * inner_w

    coords = [(x(i, at), y(rate)) for i, (at, rate) in enumerate(ordered)]
    if len(coords) > 1:
        path = " ".join(f"{_num(cx)},{_num(cy)}" for cx, cy in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="{MINE}" stroke-width="2.5"/>')
    for (cx, cy), (at, rate) in zip(coords, ordered, strict=True):
        out.append(
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="4.5" fill="{MINE}">'
            f"<title>{_text(_day(at))}: {round(rate * 100)}%</title></circle>"
        )
    out.append(
        f'<text x="{left}" y="{height - 10}" text-anchor="start" font-size="12" '
        f'fill="{INK}">{_text(_day(first))}</text>'
    )
    if len(ordered) > 1:
        out.append(
            f'<text x="{right}" y="{height - 10}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{_text(_day(last))}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _day(at: datetime) -> str:
    return f"{at.day} {at.strftime('%b %Y')}"
