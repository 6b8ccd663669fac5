"""``accord negotiate``, the joint moves: check in, restate the other's needs and answer a
restatement (METHOD.md section 4, the empathy round), and brainstorm options ("yes, and").

These commands join :data:`accord.cli.care_negotiate.negotiate_app`; importing
``negotiate_app`` from here gives the group with every command on it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from accord.cli.care_common import (
    ActingPerson,
    Choice,
    DatabaseUrl,
    console,
    pick,
    print_coach,
    quoted,
    short,
    workspace,
)
from accord.cli.care_negotiate import (
    NegotiationRef,
    TopicOption,
    find_negotiation,
    held,
    negotiate_app,
    negotiation_choices,
    topic_in,
)
from accord.cli.care_negotiate_view import print_progress

__all__ = ["negotiate_app"]


# Joint steps ---------------------------------------------------------------------------------


@negotiate_app.command("check-in")
def negotiate_check_in(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    feeling: Annotated[str, typer.Argument(help="calm, tense or flooded.")],
    heart_rate: Annotated[
        int | None, typer.Option(help="Your heart rate now, in beats per minute.")
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Say how you are before a joint step; flooded (or a heart rate over 100) holds it.

    Example: accord negotiate check-in 1a2b --as Sam calm --heart-rate 72
    """
    from accord.services.readiness import check_in

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        checked = check_in(
            ws.uow, actor_id=me.id, negotiation_id=found, feeling=feeling, heart_rate=heart_rate
        )
    out = console()
    out.print(Text(f"Checked in: {checked.readiness.feeling.value}."))
    if checked.suggest_pause:
        out.print(Text(checked.why, style="bold yellow"))
        out.print(Text(f"Take a pause: accord pause --as {quoted(me.label)} --minutes 30"))


@negotiate_app.command("restate")
def negotiate_restate(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    about: Annotated[str, typer.Option(metavar="PERSON", help="Whose needs you restate.")],
    text: Annotated[str, typer.Argument(help='"It sounds like you need ..."')],
    database_url: DatabaseUrl = None,
) -> None:
    """Say another member's needs in your own words; they confirm or correct it.

    Example: accord negotiate restate 1a2b --as Alex --about Sam "It sounds like you need quiet
    to come down after work"
    """
    from accord.services.negotiation import restate, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        names = view(ws.uow, actor_id=me.id, negotiation_id=found).names
        other = pick(about, [Choice(p, n) for p, n in names.items()], "person")
        acted = restate(ws.uow, actor_id=me.id, negotiation_id=found, about_id=other.id, text=text)
    if held(acted):
        return
    out = console()
    made = [r for r in acted.view.restatements if r.by == me.id and r.about == other.id]
    if made:
        out.print(
            Text(
                f"Restatement {short(made[-1].id)} for {other.label}. {other.label} answers: "
                f"accord negotiate confirm {short(made[-1].id)} --as {quoted(other.label)} "
                '(or: negotiate correct ... "what to correct")'
            )
        )
    print_coach(out, acted.coach, me.label)


@negotiate_app.command("confirm")
def negotiate_confirm(
    restatement: Annotated[str, typer.Argument(help="The restatement: 4+ characters of its id.")],
    actor: ActingPerson,
    database_url: DatabaseUrl = None,
) -> None:
    """Say "that's right" to someone's restatement of your needs.

    Example: accord negotiate confirm 5e6f --as Sam
    """
    _answer(restatement, actor, None, database_url)


@negotiate_app.command("correct")
def negotiate_correct(
    restatement: Annotated[str, typer.Argument(help="The restatement: 4+ characters of its id.")],
    actor: ActingPerson,
    text: Annotated[str, typer.Argument(help="What to correct, in your own words.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Correct someone's restatement of your needs (they restate again).

    Example: accord negotiate correct 5e6f --as Sam "It is less about quiet, more about not
    being interrupted"
    """
    _answer(restatement, actor, text, database_url)


def _answer(ref: str, actor: str, correction: str | None, database_url: str | None) -> None:
    from accord.services.negotiation import answer_restatement, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        choices: list[Choice] = []
        for negotiation in negotiation_choices(ws, me.id):
            seen = view(ws.uow, actor_id=me.id, negotiation_id=negotiation.id)
            choices.extend(Choice(r.id, r.text) for r in seen.restatements)
        found = pick(ref, choices, "restatement")
        acted = answer_restatement(
            ws.uow,
            actor_id=me.id,
            restatement_id=found.id,
            thats_right=correction is None,
            correction=correction or "",
        )
    if held(acted):
        return
    out = console()
    out.print(Text("That's right: confirmed." if correction is None else "Correction sent."))
    print_coach(out, acted.coach, me.label)
    print_progress(acted.view)


@negotiate_app.command("option")
def negotiate_option(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    text: Annotated[str, typer.Argument(help="The idea.")],
    topic: TopicOption = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add an option with "yes, and": anyone adds, nobody deletes.

    Example: accord negotiate option 1a2b --as Alex "Headphones for the TV after 9"
    """
    from accord.services.negotiation import add_option, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        topic_id = topic_in(view(ws.uow, actor_id=me.id, negotiation_id=found), topic)
        acted = add_option(
            ws.uow, actor_id=me.id, negotiation_id=found, topic_id=topic_id, text=text
        )
    if held(acted):
        return
    out = console()
    added = [o for o in acted.view.options if o.text == text.strip()]
    if added:
        out.print(Text(f"Option {short(added[-1].id)}: {added[-1].text}"))
    print_coach(out, acted.coach, me.label)
