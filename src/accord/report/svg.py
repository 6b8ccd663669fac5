"""Turn a matplotlib figure into an SVG that can sit inside an HTML page.

Why the post-processing: matplotlib writes a standalone file (XML declaration, a DOCTYPE
pointing at w3.org, RDF metadata with more w3.org addresses, fixed width and height, and ids
such as "figure_1" that would repeat when a page holds two charts). Inline, the chart should
have none of that: only a viewBox so it scales with the page, ids unique to the chart, and an
accessible name (role="img" with <title> and <desc>) so a screen reader can say what it shows.

Output is deterministic: a fixed hash salt for the generated ids and no date in the metadata.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from typing import Any

# Text stays text (svg.fonttype none) so it is selectable, searchable and sharp when zoomed;
# math parsing is off because names are user text and "$5 a week" is not a formula.
STYLE: dict[Any, Any] = {
    "svg.hashsalt": "accord-report",
    "svg.fonttype": "none",
    "text.parse_math": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 12,
    "axes.edgecolor": "#57606a",
    "axes.labelcolor": "#1f2328",
    "axes.titlesize": 12,
    "xtick.color": "#3d444d",
    "ytick.color": "#3d444d",
    "text.color": "#1f2328",
    "legend.frameon": False,
    "legend.fontsize": 11,
}


@contextmanager
def chart_style() -> Iterator[None]:
    """Matplotlib settings for report charts, restored afterwards (no global side effects)."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: float, height: float) -> Any:
    """A figure on the Agg canvas (so text can be measured for label placement), no pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def inline_svg(figure: Any, *, chart_id: str, title: str, description: str) -> str:
    """The figure as an accessible, self-contained <svg> element for an HTML page."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = _unique_ids(text, chart_id)
    opening = re.match(r"<svg[^>]*>", text)
    assert opening is not None, "matplotlib always writes an <svg> element"
    tag = re.sub(r'\s(width|height)="[^"]*"', "", opening.group(0))
    tag = tag[:-1] + (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart"'
        f' preserveAspectRatio="xMidYMid meet">'
    )
    accessible = (
        f'\n <title id="{chart_id}-title">{escape(title, quote=False)}</title>'
        f'\n <desc id="{chart_id}-desc">{escape(description, quote=False)}</desc>'
    )
    return tag + accessible + text[opening.end() :].rstrip() + "\n"


def _unique_ids(text: str, prefix: str) -> str:
    """Prefix every id, and every reference to one, so two charts never share an id."""
    text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', text)
    text = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', text)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", text)
