"""``accord agreement``, ``accord ledger`` and ``accord account``: keeping what was agreed,
keeping one's boundaries (METHOD.md section 6), and one's own data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.care_common import (
    ActingPerson,
    Choice,
    DatabaseUrl,
    JsonOutput,
    Within,
    Workspace,
    console,
    emit_json,
    pick,
    quoted,
    short,
    workspace,
)
from accord.errors import InputError

if TYPE_CHECKING:
    from accord.services.agreements import AgreementView
    from accord.services.ledger import BoundaryRecord

agreement_app = typer.Typer(
    help="Agreements: who does what by when, check-ins, renegotiation.", no_args_is_help=True
)
ledger_app = typer.Typer(
    help="The boundary ledger: each crossing, and whether you carried out the consequence.",
    no_args_is_help=True,
)
account_app = typer.Typer(
    help="Your own data: export it, or delete your account.", no_args_is_help=True
)

AgreementRef = Annotated[
    str,
    typer.Argument(
        metavar="AGREEMENT", help="The agreement: 4+ characters of its id, or a topic's title."
    ),
]


# agreement -----------------------------------------------------------------------------------


@agreement_app.command("record")
def agreement_record(
    negotiation: Annotated[
        str, typer.Argument(metavar="NEGOTIATION", help="The agreed negotiation (id or title).")
    ],
    actor: ActingPerson,
    terms: Annotated[
        list[str],
        typer.Option(
            "--term",
            metavar='"PERSON: what by YYYY-MM-DD"',
            help="Who does what, and by when if you like (repeat for each).",
        ),
    ],
    how: Annotated[str, typer.Option(help="How both of you will know it works.")],
    review: Annotated[
        str, typer.Option(metavar="YYYY-MM-DD", help="When you sit down to see how it goes.")
    ],
    database_url: DatabaseUrl = None,
) -> None:
    """Write down the agreement a negotiation reached: who does what by when, how you will know
    it works, and a review date.

    Example: accord agreement record 1a2b --as Sam --term "Alex: buys headphones by 2030-05-01"
    --term "Sam: says when it is too loud" --how "Sam reads in quiet after 9" --review 2030-06-01
    """
    from accord.cli.care_negotiate import find_negotiation
    from accord.cli.care_parse import day, term_spec
    from accord.services.agreements import record
    from accord.services.negotiation import view

    specs = [term_spec(t) for t in terms]
    review_on = day(review, "--review")
    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        members = [
            Choice(p, n)
            for p, n in view(ws.uow, actor_id=me.id, negotiation_id=found).names.items()
        ]
        parsed = [(pick(s.person, members, "person").id, s.what, s.by) for s in specs]
        made = record(
            ws.uow,
            actor_id=me.id,
            negotiation_id=found,
            terms=parsed,
            how_we_know=how,
            review_on=review_on,
        )
    console().print(Text(f"Agreement {short(made.agreement.id)} written down.", style="bold"))
    _print_agreement(made)


@agreement_app.command("list")
def agreement_list(
    actor: ActingPerson,
    within: Within = None,
    json_output: JsonOutput = False,
    database_url: DatabaseUrl = None,
) -> None:
    """The agreements of a relationship: terms, check-ins, whether a review is due, and any
    package the engine finds better for all of you (post-settlement improvement).

    Example: accord agreement list --as Alex
    """
    from accord.services.agreements import agreements

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        found = agreements(ws.uow, actor_id=me.id, relationship_id=rel)
    if json_output:
        emit_json({"agreements": [_agreement_json(a) for a in found]})
        return
    if not found:
        console().print(Text("No agreements yet."))
    for view in found:
        _print_agreement(view)


@agreement_app.command("check-in")
def agreement_check_in(
    agreement: AgreementRef,
    actor: ActingPerson,
    outcome: Annotated[str, typer.Argument(help="kept, partly or broken.")],
    note: Annotated[str, typer.Option(help="What happened, if you like.")] = "",
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Say how the agreement is going: kept, partly or broken (every member sees it).

    Example: accord agreement check-in 9c8d --as Sam kept --note "Quiet every evening this week"
    """
    from accord.services.agreements import check_in

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = _find_agreement(ws, me.id, within, agreement)
        view = check_in(ws.uow, actor_id=me.id, agreement_id=found, outcome=outcome, note=note)
    console().print(Text(f"Checked in: {outcome}."))
    _print_agreement(view)


@agreement_app.command("renegotiate")
def agreement_renegotiate(
    agreement: AgreementRef,
    actor: ActingPerson,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Open an agreement again: its negotiation goes back to the options step.

    Example: accord agreement renegotiate 9c8d --as Alex
    """
    from accord.services.agreements import renegotiate

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = _find_agreement(ws, me.id, within, agreement)
        view = renegotiate(ws.uow, actor_id=me.id, agreement_id=found)
    console().print(
        Text(
            f"Agreement {short(view.agreement.id)} is being renegotiated: its negotiation "
            f"{short(view.agreement.negotiation_id)} is back at the options step."
        )
    )


def _find_agreement(ws: Workspace, actor_id: str, within: str | None, ref: str) -> str:
    from accord.services.agreements import agreements

    choices = [
        Choice(a.agreement.id, " and ".join(a.package), tuple(a.package))
        for rel in ws.relationships(actor_id, within)
        for a in agreements(ws.uow, actor_id=actor_id, relationship_id=rel)
    ]
    return pick(ref, choices, "agreement").id


def _print_agreement(view: AgreementView) -> None:
    out = console()
    a = view.agreement
    out.print(Text(f"Agreement {short(a.id)} ({a.status.value})", style="bold"))
    for topic, option in view.package.items():
        out.print(Text(f"  {topic}: {option}"))
    for who, what, by in view.terms:
        out.print(Text(f"  - {who}: {what}" + (f" by {by.isoformat()}" if by else "")))
    out.print(Text(f"  How you will know it works: {a.how_we_know}"))
    due = " (due now)" if view.review_due else ""
    out.print(Text(f"  Review on {a.review_on.isoformat()}{due}", style="yellow" if due else ""))
    for c in view.check_ins:
        note = f": {c.note}" if c.note else ""
        out.print(Text(f"  check-in {c.at:%Y-%m-%d}, {c.by}: {c.outcome.value}{note}"))
    if view.better_for_all:
        choice = "; ".join(f"{t}: {o}" for t, o in view.better_for_all.items())
        gains = ", ".join(f"{n} {v:.0f}" for n, v in (view.better_satisfaction or {}).items())
        out.print(
            Text(
                f"  A package at least as good for all of you, and better for someone: {choice} "
                f"({gains}). Worth a look at the review.",
                style="cyan",
            )
        )


def _agreement_json(view: AgreementView) -> dict[str, Any]:
    a = view.agreement
    return {
        "id": a.id,
        "negotiation_id": a.negotiation_id,
        "status": a.status.value,
        "package": dict(view.package),
        "terms": [
            {"who": who, "what": what, "by": by.isoformat() if by else None}
            for who, what, by in view.terms
        ],
        "how_we_know": a.how_we_know,
        "review_on": a.review_on.isoformat(),
        "review_due": view.review_due,
        "check_ins": [
            {"by": c.by, "outcome": c.outcome.value, "note": c.note, "at": c.at.isoformat()}
            for c in view.check_ins
        ],
        "better_for_all": dict(view.better_for_all) if view.better_for_all else None,
        "better_satisfaction": dict(view.better_satisfaction) if view.better_satisfaction else None,
    }


# ledger --------------------------------------------------------------------------------------


@ledger_app.command("cross")
def ledger_cross(
    boundary: Annotated[
        str, typer.Argument(metavar="BOUNDARY", help="Your boundary: its id or its exact words.")
    ],
    actor: ActingPerson,
    carried_out: Annotated[
        bool,
        typer.Option(
            "--carried-out/--not-carried-out",
            help="Whether you did what you said you would when it was crossed.",
        ),
    ],
    note: Annotated[str, typer.Option(help="What happened, if you like.")] = "",
    when: Annotated[
        str | None,
        typer.Option(help="When it happened (YYYY-MM-DDTHH:MM; default now)."),
    ] = None,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Record that one of your boundaries was crossed, and whether you carried out its
    consequence.

    Example: accord ledger cross 3c4d --as Alex --carried-out --note "I left the room"
    """
    from accord.cli.care_parse import moment
    from accord.services.ledger import ledger, record_crossing

    at = moment(when, "--when") if when is not None else None
    with workspace(database_url) as ws:
        me = ws.person(actor)
        choices = [
            Choice(r.boundary.id, str(r.boundary.data.get("statement", "")))
            for rel in ws.relationships(me.id, within)
            for r in ledger(ws.uow, actor_id=me.id, relationship_id=rel)
        ]
        found = pick(boundary, choices, "boundary")
        record_crossing(
            ws.uow,
            actor_id=me.id,
            boundary_id=found.id,
            carried_out=carried_out,
            occurred_at=at,
            note=note,
        )
    done = "carried out the consequence" if carried_out else "did not carry out the consequence"
    console().print(Text(f"Recorded: {found.label} was crossed; you {done}."))
    console().print(Text(f"See how it stands: accord ledger show --as {quoted(me.label)}"))


@ledger_app.command("show")
def ledger_show(
    actor: ActingPerson,
    within: Within = None,
    json_output: JsonOutput = False,
    database_url: DatabaseUrl = None,
) -> None:
    """How consistently each of your boundaries is enforced: crossings, rate and verdict.

    Example: accord ledger show --as Alex
    """
    from accord.services.ledger import ledger

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        records = ledger(ws.uow, actor_id=me.id, relationship_id=rel)
    if json_output:
        emit_json({"boundaries": [_record_json(r) for r in records]})
        return
    table = Table("id", "boundary", "crossed", "carried out", "rate", "verdict")
    for r in records:
        e = r.enforcement
        table.add_row(
            short(r.boundary.id),
            Text(str(r.boundary.data.get("statement", ""))),
            str(e.crossings),
            str(e.enforced),
            f"{e.rate:.0%}" if e.rate is not None else "-",
            Text(e.verdict),
        )
    console().print(table if records else Text("No boundaries yet: accord prepare boundary"))


def _record_json(record: BoundaryRecord) -> dict[str, Any]:
    e = record.enforcement
    return {
        "id": record.boundary.id,
        "statement": record.boundary.data.get("statement"),
        "consequence": record.boundary.data.get("consequence"),
        "kind": record.boundary.data.get("kind"),
        "crossings": e.crossings,
        "enforced": e.enforced,
        "rate": e.rate,
        "verdict": e.verdict,
        "series": [{"at": at.isoformat(), "rate": rate} for at, rate in e.series],
    }


# account -------------------------------------------------------------------------------------


@account_app.command("export")
def account_export(
    actor: ActingPerson,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not the screen.")
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Everything you own, as JSON: who you are, where you belong, every item you wrote.

    Example: accord account export --as Sam -o sam.json
    """
    from accord.services.accounts import export_account

    with workspace(database_url) as ws:
        me = ws.person(actor)
        data = export_account(ws.uow, actor_id=me.id)
    if output is None:
        emit_json(data)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
    except OSError as error:
        raise InputError(
            f"cannot write {output} ({error.strerror}).",
            field="--output",
            fix="Choose a writable path.",
        ) from None
    console().print(Text(f"Wrote {len(data['items'])} item(s) to {output}."))


@account_app.command("delete")
def account_delete(
    actor: ActingPerson,
    yes: Annotated[
        bool, typer.Option("--yes", help="Yes, delete it: this cannot be undone.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Delete an account: every private item goes; what was shared stays, under "a former
    member"; they leave every relationship.

    Example: accord account delete --as Sam --yes
    """
    from accord.services.accounts import delete_account

    if not yes:
        raise InputError(
            "this deletes the account and every private item, for good.",
            field="account delete",
            fix="Export it first if you want a copy (accord account export), then add --yes.",
        )
    with workspace(database_url) as ws:
        me = ws.person(actor)
        deleted = delete_account(ws.uow, actor_id=me.id)
    console().print(Text(f"Deleted the account of {me.label} and {deleted} private item(s)."))
