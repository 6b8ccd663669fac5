"""``accord casino PATH``: replay the CaSiNo negotiations and set Accord beside the human deals.

Parses the arguments, calls the core (``accord.casino``) and prints; ScenarioError and
SolverError go up to the app, which turns them into an exit code and a message.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from accord.casino import CREDIT, Benchmark, CasinoReport, load_dialogues, replay
from accord.casino.replay import MAX_POINTS


def casino(
    path: Annotated[
        Path,
        typer.Argument(
            help="A CaSiNo JSON file (such as casino_train.json) or a directory of them."
        ),
    ],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
) -> None:
    """Replay CaSiNo campsite negotiations: how often did people leave points on the table,
    and how do Accord's packages compare with the deals they made?

    Example: accord casino ../shared/data/casino
    """
    report = replay(load_dialogues(path))
    if json_output:
        typer.echo(
            json.dumps({"source": str(path), **report.to_dict(), "credit": CREDIT}, indent=2)
        )
        return
    console = Console()
    console.print(outcome_table(report, source=str(path)))
    console.print(points_table(report))
    console.print(CREDIT, markup=False, highlight=False, style="dim")


def outcome_table(report: CasinoReport, *, source: str) -> Table:
    """How the dialogues ended, and how many human deals were Pareto-optimal."""
    table = Table(title=f"CaSiNo replay of {source}", title_justify="left")
    table.add_column("")
    table.add_column("Dialogues", justify="right")
    table.add_column("Share", justify="right")
    deals = report.accepted
    rows = [
        ("Dialogues read", report.dialogues, ""),
        ("Accepted deals", deals, _share(deals, report.dialogues, "of dialogues")),
        ("No deal", report.no_deal, _share(report.no_deal, report.dialogues, "of dialogues")),
        ("Pareto-optimal deals", report.pareto_optimal, _share(report.pareto_optimal, deals)),
        (
            "Improvable: one better, none worse",
            report.improvable,
            _share(report.improvable, deals),
        ),
        (
            "Improvable: better for both",
            report.strictly_improvable,
            _share(report.strictly_improvable, deals),
        ),
        (
            "Below a walk-away (5 points)",
            report.below_walk_away,
            _share(report.below_walk_away, deals),
        ),
    ]
    for label, count, share in rows:
        table.add_row(label, str(count), share)
    return table


def points_table(report: CasinoReport) -> Table:
    """Points (out of 36) of the human deals and of Accord's packages in the same dialogues."""
    table = Table(
        title=f"Mean points (of {MAX_POINTS}) over the {report.accepted} accepted deals",
        title_justify="left",
    )
    table.add_column("Package", no_wrap=True)
    for heading in (
        "Per camper",
        "Joint",
        "Worse-off",
        "Both ≥ human",
        "Both > human",
    ):
        table.add_column(heading, justify="right")
    rows: list[tuple[str, Benchmark, bool]] = [
        ("Human deal", report.human, False),
        ("Recommended", report.recommended, True),
        ("Compromise", report.compromise, True),
        ("Nash point", report.nash, True),
    ]
    for label, bench, compare in rows:
        table.add_row(
            label,
            _points(bench.mean_points),
            _points(bench.mean_joint),
            _points(bench.mean_lower),
            _share(bench.both_at_least, report.accepted, with_count=True) if compare else "-",
            _share(bench.both_more, report.accepted, with_count=True) if compare else "-",
        )
    return table


def _points(value: Fraction) -> str:
    return f"{float(value):.2f}"


def _share(count: int, total: int, what: str = "", *, with_count: bool = False) -> str:
    if total == 0:
        return "-"
    text = f"{100 * count / total:.1f}%"
    if what:
        text += f" {what}"
    return f"{count} ({text})" if with_count else text
