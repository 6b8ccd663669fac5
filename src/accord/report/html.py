"""Render the self-contained HTML report for a solved scenario.

The page carries its own CSS and charts (inline SVG) and references nothing outside itself, so
it can be emailed, printed or opened offline. Autoescaping is on for every template: party,
topic and option names are user text and may contain anything.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from accord.domain.scenario import Scenario
from accord.report.view import build_view
from accord.solver.result import SolveResult


@cache
def environment() -> Environment:
    """The template environment: autoescaped, and strict so a misspelt field fails loudly."""
    return Environment(
        loader=PackageLoader("accord.report", "templates"),
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2", "j2"), default_for_string=True, default=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_report(scenario: Scenario, result: SolveResult) -> str:
    """The report page for ``result`` (the solution of ``scenario``), as one HTML string."""
    view = build_view(scenario, result)
    return environment().get_template("report.html.j2").render(report=view)
