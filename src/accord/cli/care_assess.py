"""``accord assess``: the ECR-R (attachment) and the temperament profile, and what they mean
for one person and for a pair (METHOD.md sections 1 and 2).

``accord assess ecr-r --answers FILE --json`` is a contract other tools rely on: FILE holds the
36 answers as a JSON list of whole numbers 1-7 in item order; the output is a JSON object with
at least ``anxiety`` and ``avoidance`` (the subscale means). It needs no database and no person:
scoring is pure. With ``--as`` the result is also kept, privately, through the service.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.care_common import (
    ActingPerson,
    DatabaseUrl,
    JsonOutput,
    Within,
    console,
    emit_json,
    quoted,
    short,
    workspace,
)
from accord.errors import InputError

if TYPE_CHECKING:
    from accord.assessment import AttachmentResult
    from accord.services.profiles import AttachmentView, TemperamentView

assess_app = typer.Typer(
    help="Assessments: the ECR-R (attachment) and temperament, alone and side by side.",
    no_args_is_help=True,
)


def _dimension_ids() -> str:
    from accord.assessment import dimensions

    return ", ".join(d.id for d in dimensions())


@assess_app.command("ecr-r")
def assess_ecr_r(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="A JSON list of the 36 answers (whole numbers 1-7) in item order. Without it, "
            "the items are asked one by one.",
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--as", metavar="PERSON", help="Keep the result, privately, for this person."),
    ] = None,
    within: Within = None,
    json_output: JsonOutput = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Score the ECR-R: anxiety and avoidance (1-7), the nearest pattern, and a plain reading.

    Example: accord assess ecr-r --answers answers.json --json

    Example: accord assess ecr-r --as Sam --answers sam.json
    """
    from accord.assessment import AttachmentResult, load_questionnaire, score

    instrument = load_questionnaire("ecr-r")
    given: list[object] = _read_answers(answers) if answers is not None else _ask(instrument)
    stored: dict[str, str] | None = None
    if actor is None:
        result = AttachmentResult.from_scores(score(instrument, given))
    else:
        from accord.services.profiles import take_questionnaire

        with workspace(database_url) as ws:
            me = ws.person(actor)
            rel = ws.relationship(me.id, within)
            item, kept = take_questionnaire(
                ws.uow, actor_id=me.id, relationship_id=rel, answers=given
            )
        assert kept is not None  # the ECR-R always gives an attachment result
        result, stored = kept, {"id": item.id, "relationship_id": rel, "person_id": me.id}
    if json_output:
        emit_json({"questionnaire": "ecr-r", **_attachment_json(result), "stored": stored})
        return
    out = console()
    _print_attachment(result)
    out.print(Text(instrument.citation, style="dim"))
    if stored is not None:
        out.print(
            Text(
                f"Kept privately (id {short(stored['id'])}). To share it, so that the pair "
                f"reading can use it: accord prepare share ecr-r --as {quoted(str(actor))}"
            )
        )


def _read_answers(path: Path) -> list[object]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(
            f"cannot read {path} ({error.strerror}).",
            field="--answers",
            fix="Give the path of a JSON file holding the 36 answers.",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path} is not JSON ({error.msg}, line {error.lineno}).",
            field="--answers",
            fix="Write the answers as a JSON list, e.g. [4, 5, 2, ...].",
        ) from None
    if not isinstance(data, list):
        raise InputError(
            f"{path} holds a JSON {type(data).__name__}, not a list.",
            field="--answers",
            fix="Write the 36 answers as a JSON list of whole numbers 1-7, in item order.",
        )
    return data


def _ask(instrument: Any) -> list[object]:
    """The items one by one on the terminal. Prompts go to stderr and answers come from stdin,
    so that ``--json`` output stays one clean document (and answers can be piped in)."""
    scale = instrument.scale
    low, high = scale.minimum, scale.maximum
    sys.stderr.write(
        f"{instrument.instructions}\nAnswer each from {low} (strongly disagree) to {high} "
        "(strongly agree).\n"
    )
    answers: list[object] = []
    for item in instrument.items:
        while True:
            sys.stderr.write(f"{item.number}. {item.text} ({low}-{high}): ")
            sys.stderr.flush()
            line = sys.stdin.readline()
            if not line:
                raise InputError(
                    f"the answers stopped after item {len(answers)}.",
                    field="answers",
                    fix=f"Answer all {len(instrument.items)} items, or use --answers FILE.",
                )
            text = line.strip()
            if text.isdigit() and low <= int(text) <= high:
                answers.append(int(text))
                break
            sys.stderr.write(f"Answer with a whole number from {low} to {high}.\n")
    return answers


@assess_app.command("temperament")
def assess_temperament(
    actor: ActingPerson,
    positions: Annotated[
        list[str],
        typer.Argument(
            metavar="DIMENSION=POSITION...",
            help=f"A position 1-5 on each dimension: {_dimension_ids()}.",
        ),
    ],
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Your temperament profile (Middle layer): a position from 1 to 5 on each dimension.

    Example: accord assess temperament --as Sam planning=2 pace=4 social_energy=2
    conflict=3 order=4 novelty=2
    """
    from accord.cli.care_parse import temperament_specs
    from accord.services.profiles import set_temperament

    answers = temperament_specs(positions)
    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        item = set_temperament(ws.uow, actor_id=me.id, relationship_id=rel, answers=answers)
    out = console()
    _print_profile(dict(item.data["positions"]))
    out.print(
        Text(
            f"Kept ({item.visibility.value}, id {short(item.id)}). To compare side by side, "
            f"share it: accord prepare share temperament --as {quoted(me.label)}"
        )
    )


@assess_app.command("show")
def assess_show(
    actor: ActingPerson,
    within: Within = None,
    json_output: JsonOutput = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Your attachment result and temperament, the dynamic to expect with each member who shared
    theirs, and your profiles side by side.

    Example: accord assess show --as Alex
    """
    from accord.services.profiles import attachment, temperament

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        bond = attachment(ws.uow, actor_id=me.id, relationship_id=rel)
        temper = temperament(ws.uow, actor_id=me.id, relationship_id=rel)
    if json_output:
        emit_json(_show_json(bond, temper))
        return
    out = console()
    if bond.mine is None:
        out.print(Text(f"No ECR-R yet: accord assess ecr-r --as {quoted(me.label)} --answers FILE"))
    else:
        _print_attachment(bond.mine)
        for pair in bond.pairs:
            out.print(Text(f"{pair.title}", style="bold"))
            out.print(Text(pair.description))
            script = pair.script_for(pair.names[0])
            out.print(Text(f"When it gets hard, you might say: {script.text}", style="cyan"))
    if temper.mine is None:
        out.print(
            Text(
                f"No temperament profile yet: accord assess temperament --as {quoted(me.label)} ..."
            )
        )
        return
    _print_profile(dict(temper.mine.positions))
    for view in temper.side_by_side:
        first, second = view.names
        out.print(Text(f"Side by side: {first} and {second}", style="bold"))
        for c in view.comparisons:
            a, b = c.positions
            out.print(
                Text(
                    f"{c.dimension.name}: {a.name} {a.value} ({a.label}), "
                    f"{b.name} {b.value} ({b.label})",
                    style="bold",
                )
            )
            for line in (*c.strengths, *c.blind_spots):
                out.print(Text(f"  {line}"))
            for prompt in c.prompts:
                out.print(Text(f"  {prompt.text}", style="cyan"))
            if c.way:
                out.print(Text(f"  {c.way}", style="italic"))
        out.print(Text(view.framing, style="italic"))


def _attachment_json(result: AttachmentResult) -> dict[str, Any]:
    return {
        "anxiety": result.anxiety,
        "avoidance": result.avoidance,
        "pattern": result.pattern,
        "reading": result.reading,
    }


def _show_json(bond: AttachmentView, temper: TemperamentView) -> dict[str, Any]:
    return {
        "attachment": _attachment_json(bond.mine) if bond.mine else None,
        "attachment_shared": bond.mine_item.visibility.value == "shared"
        if bond.mine_item
        else None,
        "pairs": [
            {
                "names": list(p.names),
                "kind": p.kind,
                "title": p.title,
                "description": p.description,
                "scripts": {s.other: {"role": s.role, "text": s.text} for s in p.scripts},
            }
            for p in bond.pairs
        ],
        "temperament": dict(temper.mine.positions) if temper.mine else None,
        "side_by_side": [
            {
                "names": list(v.names),
                "framing": v.framing,
                "comparisons": [
                    {
                        "dimension": c.dimension.id,
                        "positions": [p.value for p in c.positions],
                        "kind": c.kind,
                        "strengths": list(c.strengths),
                        "blind_spots": list(c.blind_spots),
                        "prompts": [p.text for p in c.prompts],
                        "way": c.way,
                    }
                    for c in v.comparisons
                ],
            }
            for v in temper.side_by_side
        ],
    }


def _print_attachment(result: AttachmentResult) -> None:
    out = console()
    out.print(
        Text(
            f"Attachment (ECR-R): anxiety {result.anxiety:.2f}, avoidance {result.avoidance:.2f} "
            f"(nearest pattern: {result.pattern})",
            style="bold",
        )
    )
    out.print(Text(result.reading))


def _print_profile(positions: dict[str, int]) -> None:
    from accord.assessment import dimensions
    from accord.assessment.temperament import leaning

    table = Table("dimension", "position", "leans towards", title="Temperament")
    for dimension in dimensions():
        value = positions.get(dimension.id)
        if value is not None:
            table.add_row(dimension.name, str(value), dimension.pole(leaning(value)).label)
    console().print(table)
