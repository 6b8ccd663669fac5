"""The readable terminal form of a SolveResult (Rich)."""

from __future__ import annotations

from fractions import Fraction

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.domain.scenario import Scenario
from accord.domain.words import RULES_IN_WORDS, person, pretty
from accord.report.names import points, signed
from accord.solver.result import SolveResult

RULE_NAMES = {
    rule: f"{plain} ({technical})" for rule, (plain, technical, _) in RULES_IN_WORDS.items()
}
FRONTIER_ROWS = 15


def _num(value: Fraction) -> str:
    # The same rounding as the report (half up), so both say the same number.
    return points(value)


def print_result(console: Console, scenario: Scenario, result: SolveResult) -> None:
    title = result.title or (scenario.source if scenario.source != "<text>" else "Scenario")
    console.print(Panel(Text(title, style="bold"), subtitle=f"status: {result.status}"))
    for finding in result.foundations:
        style = "green" if finding.compatible else "bold red"
        console.print(
            Text(f"Foundation - {pretty(finding.topic)}: ", style=style) + Text(finding.summary)
        )
    for note in result.temperaments:
        console.print(
            Text(f"Temperament - {pretty(note.topic)}: ", style="cyan") + Text(note.description)
        )
        for prompt in note.prompts[:3]:
            console.print(Text(f"   - {prompt}"))
    for line in result.notes:
        console.print(Text(line, style="yellow"))
    if result.status == "incompatible":
        assert result.conflict is not None
        console.print(
            Panel(Text(result.conflict.summary), title="No acceptable package", style="red")
        )
        return
    rec = result.recommended
    compromise = result.solutions.get("compromise")
    if rec is None or compromise is None:
        return

    table = Table(title="Meeting in the middle vs Accord's recommendation")
    table.add_column("topic")
    table.add_column("middle")
    table.add_column("recommended", style="bold")
    for topic in result.negotiable:
        table.add_row(
            pretty(topic), pretty(compromise.package[topic]), pretty(rec.solution.package[topic])
        )
    console.print(table)

    sat = Table(title="Satisfaction (0-100)")
    sat.add_column("person")
    sat.add_column("middle", justify="right")
    sat.add_column("recommended", justify="right")
    sat.add_column("gain", justify="right")
    for party in result.parties:
        gain = rec.gain[party]
        style = "green" if gain > 0 else "red" if gain < 0 else ""
        sat.add_row(
            person(party),
            _num(compromise.utility[party]),
            _num(rec.solution.utility[party]),
            Text(signed(gain), style=style),
        )
    console.print(sat)
    for line in rec.explanation:
        console.print(Text(f"* {line}"))
    for question in result.questions:
        console.print(Text(f"Ask next: {question}", style="bold cyan"))

    fair = Table(title="Other fair ways to choose")
    fair.add_column("rule")
    fair.add_column("package")
    for party in result.parties:
        fair.add_column(person(party), justify="right")
    for rule, label in RULE_NAMES.items():
        solution = result.solutions.get(rule)
        if solution is None:
            continue
        choice = ", ".join(pretty(o) for o in solution.package.values())
        fair.add_row(label, choice, *(_num(solution.utility[p]) for p in result.parties))
    console.print(fair)

    front = Table(
        title=f"The frontier: {result.frontier_points} point(s) where no one can gain "
        "without someone losing"
    )
    front.add_column("package")
    for party in result.parties:
        front.add_column(person(party), justify="right")
    for solution in result.frontier[:FRONTIER_ROWS]:
        choice = ", ".join(pretty(o) for o in solution.package.values())
        front.add_row(choice, *(_num(solution.utility[p]) for p in result.parties))
    if len(result.frontier) > FRONTIER_ROWS:
        front.caption = f"{len(result.frontier) - FRONTIER_ROWS} more: use --json or accord report."
    console.print(front)
