"""``accord coach`` and ``accord eval coach``: read messages, and measure the coach."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.coach.types import BLOCKERS, Analysis
from accord.errors import ScenarioError

CREDIT = "The strategy model is trained on CaSiNo (Chawla et al., NAACL 2021), CC BY 4.0."
STYLE = {"blocker": "bold red", "safety": "bold white on red", "move": "bold green"}


def coach(
    text: Annotated[str | None, typer.Argument(help="The message to read.")] = None,
    context: Annotated[
        list[str] | None,
        typer.Option("--context", "-c", help="A previous utterance (repeat, oldest first)."),
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            help='Read one {"text": ..., "context": ...} object per line; write one result '
            "per line, in the same order.",
        ),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    locale: Annotated[
        str, typer.Option(help="Which help resources to show (default, en-GB, en-US).")
    ] = "default",
) -> None:
    """Read a message: the blockers and moves in it, the words that show them, and a rewrite.

    Example: accord coach "You never help with the dishes." --context "Can we talk about chores?"
    """
    from accord.coach import analyse

    if jsonl is not None:
        _batch(jsonl, locale)
        return
    if text is None:
        raise ScenarioError(
            "no message given.", source="accord coach", fix='Write: accord coach "your message".'
        )
    result = analyse(text, context or None, locale=locale)
    if json_output:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    print_analysis(Console(), result)


def _batch(path: Path, locale: str) -> None:
    from accord.coach import analyse_batch

    items: list[tuple[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror}).", source=str(path)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ScenarioError(
                f"this line is not JSON ({exc.msg}).",
                source=str(path),
                line=number,
                fix='Write one {"text": "...", "context": "..."} object per line.',
            ) from exc
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ScenarioError(
                'each line needs a "text" string.',
                source=str(path),
                line=number,
                fix='Write one {"text": "...", "context": "..."} object per line.',
            )
        items.append((obj["text"], obj.get("context")))
    for result in analyse_batch(items, locale=locale):
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")


def print_analysis(console: Console, result: Analysis) -> None:
    """The message with the triggering words highlighted, the labels, and the suggestions."""
    shown = Text(result.text)
    for hit in result.hits:
        kind = (
            "safety"
            if hit.label == "safety_concern"
            else ("blocker" if hit.label in BLOCKERS else "move")
        )
        for span in hit.spans:
            shown.stylize(STYLE[kind], span.start, span.end)
    console.print(shown)
    console.print(Text(result.summary, style="italic"))
    table = Table(show_header=True)
    table.add_column("label")
    table.add_column("confidence", justify="right")
    table.add_column("because of")
    for hit in result.hits:
        name = hit.label + (f" ({hit.kind})" if hit.kind else "")
        words = " / ".join(f'"{s.text}"' for s in hit.spans)
        table.add_row(name, f"{hit.confidence:.2f}", words)
    if result.hits:
        console.print(table)
    for suggestion in result.suggestions:
        console.print(Text(f"Instead of {suggestion.label}: {suggestion.advice}", style="cyan"))
        console.print(Text(f"  Try: {suggestion.rewrite}", style="bold"))
    for line in result.resources:
        console.print(Text(line, style="bold"))


def eval_coach(
    path: Annotated[
        Path,
        typer.Argument(
            help="A file (or folder) of dialogues in CaSiNo's format, with annotations."
        ),
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Per-label precision, recall and F1 of the coach, and the macro-F1 over the nine labels.

    Example: accord eval coach ../shared/data/casino/casino_valid.json
    """
    from accord.coach.evaluate import evaluate_coach, load_casino

    evaluation = evaluate_coach(load_casino(path))
    if json_output:
        sys.stdout.write(json.dumps(evaluation.to_dict(), indent=2) + "\n")
        return
    console = Console()
    table = Table(title=f"Coach on {path}")
    for column in ("label", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for row in evaluation.rows:
        table.add_row(
            row.label,
            f"{row.precision:.3f}",
            f"{row.recall:.3f}",
            f"{row.f1:.3f}",
            str(row.support),
        )
    console.print(table)
    console.print(f"macro-F1 over the nine CaSiNo labels: [bold]{evaluation.macro_f1:.3f}[/]")
    console.print(CREDIT, style="dim")
