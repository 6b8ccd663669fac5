"""The ``accord`` command: each command parses its input, calls the engine or a service,
prints the result.

Exit codes: 0 success, 1 the scenario has no acceptable package (``solve``: status
``incompatible``; the report is still printed), 2 the input could not be used (the message says
where and what to fix), 3 the engine could not honour the request, 4 nothing of that name that
you can see, 5 not now (the negotiation is at another step, or paused).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from accord.assessment import QuestionnaireError
from accord.errors import (
    AccordError,
    ConflictError,
    InputError,
    NotFoundError,
    PausedError,
    ScenarioError,
    StepError,
)
from accord.scenario.load import load_scenario
from accord.scenario.schema import scenario_schema
from accord.services.safety import SafetyHoldError
from accord.solver.solve import improvements, solve

EXIT_INCOMPATIBLE = 1
EXIT_BAD_INPUT = 2
EXIT_ENGINE = 3
EXIT_NOT_FOUND = 4
EXIT_NOT_NOW = 5

app = typer.Typer(
    name="accord",
    help="Settle what you disagree about: triage, win-win packages and the fair one to try first.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ScenarioPath = Annotated[
    Path, typer.Argument(help="A scenario file (.yaml, .yml or .json); see docs/scenarios.md.")
]


@app.command("solve")
def solve_command(
    path: ScenarioPath,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of the readable report.")
    ] = False,
) -> None:
    """Solve a scenario: what is negotiable, the frontier, the fair points, the recommendation.

    Example: accord solve examples/evenings.yaml --json
    """
    from accord.cli.render import print_result

    scenario = load_scenario(path)
    result = solve(scenario)
    if json_output:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        print_result(Console(), scenario, result)
    if result.status == "incompatible":
        raise typer.Exit(EXIT_INCOMPATIBLE)


@app.command("report")
def report_command(
    path: ScenarioPath,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the HTML page.")
    ] = Path("report.html"),
) -> None:
    """Write a self-contained HTML report (no network needed to open it) with the frontier chart.

    Example: accord report examples/screen_time.yaml -o screen_time.html
    """
    from accord.report.html import render_report

    scenario = load_scenario(path)
    result = solve(scenario)
    html = render_report(scenario, result)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(
            f"cannot write the report ({exc.strerror}).",
            source=str(output),
            fix="Choose a writable path with -o.",
        ) from exc
    Console(stderr=True).print(f"Wrote [bold]{output}[/bold] ({result.status}).")


@app.command("improve")
def improve_command(
    path: ScenarioPath,
    agreed: Annotated[
        list[str],
        typer.Option(
            "--agreed",
            "-a",
            help="The agreed option for a topic, as topic=option; repeat per topic.",
        ),
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Post-settlement check: is there a package better for everyone than the one agreed?

    Example: accord improve home.yaml -a evenings=tv_loud -a dinner=take_turns -a dishes=take_turns
    """
    scenario = load_scenario(path)
    package: dict[str, str] = {}
    for item in agreed:
        topic, sep, option = item.partition("=")
        if not sep or not topic or not option:
            raise ScenarioError(
                f"'{item}' is not of the form topic=option.",
                source="--agreed",
                fix="Write each agreed choice as topic=option, e.g. --agreed dishes=alternate.",
            )
        package[topic.strip()] = option.strip()
    better = improvements(scenario, package)
    if json_output:
        sys.stdout.write(json.dumps([s.to_dict() for s in better], indent=2) + "\n")
        return
    console = Console()
    if not better:
        console.print("No package is better for everyone than this agreement: it is efficient.")
        return
    console.print(f"{len(better)} package(s) would leave everyone at least as well off:")
    for s in better:
        choice = ", ".join(f"{t}={o}" for t, o in s.package.items())
        gains = ", ".join(f"{p} {float(u):.1f}" for p, u in s.utility.items())
        console.print(f"  {choice}  ({gains})")


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema that scenario files follow.

    Example: accord schema > scenario.schema.json
    """
    sys.stdout.write(json.dumps(scenario_schema(), indent=2) + "\n")


@app.command("check")
def check_command(path: ScenarioPath) -> None:
    """Validate a scenario file and say what is wrong with it, if anything.

    Example: accord check my_scenario.yaml
    """
    scenario = load_scenario(path)
    Console().print(
        f"{path}: valid ({len(scenario.parties)} parties, {len(scenario.topics)} topics)."
    )


def _register_commands() -> None:
    from accord.cli.casino_cmd import casino
    from accord.cli.coach_cmd import coach, eval_coach

    app.command("casino")(casino)
    app.command("coach")(coach)
    evaluate = typer.Typer(help="Measure Accord's parts on annotated data.", no_args_is_help=True)
    evaluate.command("coach")(eval_coach)
    app.add_typer(evaluate, name="eval")
    from accord.cli.care import register
    from accord.cli.serve_cmd import serve

    register(app)
    app.command("serve")(serve)


_register_commands()


def main() -> None:
    """Console entry point: run the app and turn Accord errors into exit codes."""
    try:
        app()
    except (ScenarioError, InputError, QuestionnaireError) as exc:
        Console(stderr=True).print(f"[bold red]Cannot use this input.[/] {exc}", highlight=False)
        sys.exit(EXIT_BAD_INPUT)
    except NotFoundError as exc:
        Console(stderr=True).print(f"[bold red]Not found.[/] {exc}", highlight=False)
        sys.exit(EXIT_NOT_FOUND)
    except (StepError, PausedError, ConflictError) as exc:
        Console(stderr=True).print(f"[bold yellow]Not now.[/] {exc}", highlight=False)
        sys.exit(EXIT_NOT_NOW)
    except SafetyHoldError as exc:
        console = Console(stderr=True)
        console.print(f"[bold]{exc}[/] Help is available:", highlight=False)
        for line in exc.notice.resources:
            console.print(f"  - {line}", markup=False, highlight=False)
        sys.exit(EXIT_BAD_INPUT)
    except AccordError as exc:
        Console(stderr=True).print(f"[bold red]Accord cannot do this.[/] {exc}", highlight=False)
        sys.exit(EXIT_ENGINE)
