"""The packages step as a picture: each member's satisfaction under the engine's packages.

A pure function from the offers, the frontier points and the members' names to an SVG string.
The first member's satisfaction runs along the x axis and the second's up the y axis (0-100);
the frontier is drawn as small dots, the compromise as a square and the recommended package as
a diamond, each named in a legend, so the picture never relies on colour alone. With three or
more members a flat picture would mislead, so it returns "" and the page shows the table.
Every text that comes from a person (their names) is escaped here, since the SVG is inserted
into the page as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from accord.services.packages import Offer

SIZE = 360  # the drawing's width and height in its own units (it scales to the page)
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 120  # room for the axis labels and the legend
PLOT = SIZE - LEFT - RIGHT  # the plot is square: PLOT x PLOT
TICKS = (0, 25, 50, 75, 100)

FRONTIER_COLOUR = "#4a4a55"
COMPROMISE_COLOUR = "#b45309"  # 4.5:1 on white and unlike the blue in hue and shape
RECOMMENDED_COLOUR = "#1d4ed8"


def package_chart(
    offers: Sequence[Offer],
    frontier: Sequence[Mapping[str, float]],
    names: Mapping[str, str],
    *,
    chart_id: str = "package-chart",
) -> str:
    """The SVG picture of the packages for two members, or "" when it cannot be drawn.

    ``names`` maps person id -> name in member order: the first is x, the second y.
    """
    if len(names) != 2:
        return ""
    x_id, y_id = list(names)
    x_name, y_name = escape(names[x_id]), escape(names[y_id])
    recommended = _labelled(offers, "recommended")
    compromise = _labelled(offers, "compromise")
    points = [p for p in frontier if x_id in p and y_id in p]
    if recommended is None and compromise is None and not points:
        return ""

    def at(point: Mapping[str, float]) -> tuple[float, float]:
        return _x(point[x_id]), _y(point[y_id])

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="package-chart" '
        f'viewBox="0 0 {SIZE} {SIZE + BOTTOM - 40}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">How satisfied each of you would be, package by '
        f"package</title>",
        f'<desc id="{chart_id}-desc">{escape(_describe(recommended, compromise, x_id, y_id))} '
        f"{x_name} along the bottom, {y_name} up the side, each from 0 to 100.</desc>",
        _axes(x_name, y_name),
    ]
    for point in points:
        cx, cy = at(point)
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{FRONTIER_COLOUR}" '
            f'fill-opacity="0.55"/>'
        )
    if compromise is not None:
        cx, cy = at(compromise.satisfaction)
        parts.append(_square(cx, cy, 9))  # a diamond on the same spot leaves its corners visible
        parts.append(_callout(cx, cy + 20, "Compromise", COMPROMISE_COLOUR))
    if recommended is not None:
        cx, cy = at(recommended.satisfaction)
        parts.append(_diamond(cx, cy, 9))
        parts.append(_callout(cx, cy - 14, "Recommended", RECOMMENDED_COLOUR))
    parts.append(_legend(recommended is not None, compromise is not None, bool(points)))
    parts.append("</svg>")
    return "\n".join(parts)


def _labelled(offers: Sequence[Offer], label: str) -> Offer | None:
    return next((o for o in offers if label in o.labels), None)


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, float(value)))


def _x(value: float) -> float:
    return LEFT + _clamp(value) / 100 * PLOT


def _y(value: float) -> float:
    return TOP + PLOT - _clamp(value) / 100 * PLOT


def _describe(recommended: Offer | None, compromise: Offer | None, x_id: str, y_id: str) -> str:
    said = []
    for name, offer in (("recommended package", recommended), ("compromise", compromise)):
        if offer is not None:
            x = round(offer.satisfaction.get(x_id, 0))
            y = round(offer.satisfaction.get(y_id, 0))
            said.append(f"The {name} gives {x} and {y}.")
    return " ".join(said)


def _axes(x_name: str, y_name: str) -> str:
    bottom, right = TOP + PLOT, LEFT + PLOT
    lines = [
        '<g class="axes" font-size="11" fill="#1b1b1f">',
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT}" height="{PLOT}" fill="#ffffff" '
        f'stroke="#c9ccd6"/>',
    ]
    for tick in TICKS:
        x, y = _x(tick), _y(tick)
        lines.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" stroke="#e5e7eb"/>')
        lines.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        lines.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle">{tick}</text>')
        lines.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    lines.append(
        f'<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#1b1b1f"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="#1b1b1f"/>'
    )
    lines.append(
        f'<text x="{LEFT + PLOT / 2:.0f}" y="{bottom + 32}" text-anchor="middle" '
        f'font-size="12" font-weight="600">{x_name} (satisfaction, 0-100)</text>'
    )
    middle = TOP + PLOT / 2
    lines.append(
        f'<text x="14" y="{middle:.0f}" text-anchor="middle" font-size="12" font-weight="600" '
        f'transform="rotate(-90 14 {middle:.0f})">{y_name} (satisfaction, 0-100)</text>'
    )
    lines.append("</g>")
    return "\n".join(lines)


def _square(cx: float, cy: float, half: float) -> str:
    return (
        f'<rect class="compromise" x="{cx - half:.1f}" y="{cy - half:.1f}" width="{2 * half}" '
        f'height="{2 * half}" fill="{COMPROMISE_COLOUR}" stroke="#ffffff" stroke-width="1.5"/>'
    )


def _diamond(cx: float, cy: float, r: float) -> str:
    points = (
        f"{cx:.1f},{cy - r:.1f} {cx + r:.1f},{cy:.1f} {cx:.1f},{cy + r:.1f} {cx - r:.1f},{cy:.1f}"
    )
    return (
        f'<polygon class="recommended" points="{points}" fill="{RECOMMENDED_COLOUR}" '
        f'stroke="#ffffff" stroke-width="1.5"/>'
    )


def _callout(cx: float, y: float, text: str, colour: str) -> str:
    # Keep the label inside the plot, whichever corner the point sits in.
    x = max(LEFT + 36, min(LEFT + PLOT - 36, cx))
    y = max(TOP + 12, min(TOP + PLOT - 4, y))
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="11" font-weight="700" '
        f'fill="{colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{text}</text>'
    )


def _legend(recommended: bool, compromise: bool, frontier: bool) -> str:
    y = TOP + PLOT + 52
    rows = []
    if recommended:
        rows.append((_diamond(LEFT + 6, y, 7), "Recommended: the fair package to try first"))
    if compromise:
        rows.append((_square(LEFT + 6, y, 5.5), "Compromise: meeting in the middle on each topic"))
    if frontier:
        rows.append(
            (
                f'<circle cx="{LEFT + 6}" cy="{y}" r="3" fill="{FRONTIER_COLOUR}"/>',
                "Other packages that cannot be improved for both",
            )
        )
    out = ['<g class="legend" font-size="11" fill="#1b1b1f">']
    for n, (mark, words) in enumerate(rows):
        dy = n * 20
        out.append(f'<g transform="translate(0 {dy})">{mark}')
        out.append(f'<text x="{LEFT + 20}" y="{y + 4}">{escape(words)}</text></g>')
    out.append("</g>")
    return "\n".join(out)
