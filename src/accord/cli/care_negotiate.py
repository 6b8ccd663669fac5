"""``accord negotiate``: the guided negotiation, one command per move (METHOD.md sections 4
and 5; the steps are in :mod:`accord.domain.negotiation`).

Every command names the negotiation (its id prefix, or the title of one of its topics) and who
is acting. What comes back is printed from the acting person's view only: their own private
positions, needs and ratings, and what is shared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
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
    print_safety,
    short,
    workspace,
)
from accord.cli.care_negotiate_view import (
    HELD,
    need_choice,
    print_agreed,
    print_mine,
    print_packages,
    print_progress,
    print_view,
    unrated,
    view_json,
)
from accord.errors import InputError

if TYPE_CHECKING:
    from accord.services.negotiation import Acted, NegotiationView

negotiate_app = typer.Typer(
    help="The guided negotiation: positions, needs, empathy, options, ratings, packages.",
    no_args_is_help=True,
)

NegotiationRef = Annotated[
    str,
    typer.Argument(
        metavar="NEGOTIATION",
        help="The negotiation: 4+ characters of its id, or the title of one of its topics.",
    ),
]
TopicOption = Annotated[
    str | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Which of its topics (title or id); not needed when it has one.",
    ),
]

# Starting and looking ------------------------------------------------------------------------


@negotiate_app.command("start")
def negotiate_start(
    actor: ActingPerson,
    topics: Annotated[
        list[str],
        typer.Argument(metavar="TOPIC...", help="One or more zone topics, negotiated together."),
    ],
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Start a negotiation over one or more negotiation-zone topics (traded against each other).

    Example: accord negotiate start --as Sam "Evenings after work"
    """
    from accord.cli.care_topic import topic_choices
    from accord.services.negotiation import start

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        choices = [Choice(t.id, t.title) for t in topic_choices(ws, me.id, (rel,))]
        ids = [pick(ref, choices, "topic").id for ref in topics]
        view = start(ws.uow, actor_id=me.id, relationship_id=rel, topic_ids=ids)
    console().print(Text(f"Started negotiation {short(view.id)}.", style="bold"))
    print_progress(view)


@negotiate_app.command("show")
def negotiate_show(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    json_output: JsonOutput = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Where a negotiation stands: its step and what it means, who we wait for, options,
    restatements, your private items, the packages, the questions to ask, any pause.

    Example: accord negotiate show 1a2b --as Sam --json
    """
    from accord.services.negotiation import view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        seen = view(ws.uow, actor_id=me.id, negotiation_id=found)
    if json_output:
        emit_json(view_json(seen))
        return
    print_view(seen)


# Private steps -------------------------------------------------------------------------------


@negotiate_app.command("position")
def negotiate_position(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    text: Annotated[str, typer.Argument(help="What you want, in your own words.")],
    topic: TopicOption = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Say privately what you want on a topic (it replaces what you said before).

    Example: accord negotiate position 1a2b --as Sam "A quiet house after 9"
    """
    from accord.services.negotiation import state_position, suggest_needs, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        topic_id = topic_in(view(ws.uow, actor_id=me.id, negotiation_id=found), topic)
        acted = state_position(
            ws.uow, actor_id=me.id, negotiation_id=found, topic_id=topic_id, text=text
        )
    if held(acted):
        return
    out = console()
    out.print(Text("Kept privately."))
    hints = suggest_needs(text)
    if hints:
        out.print(Text(f"Needs that may lie beneath it: {', '.join(hints)}", style="cyan"))
    print_progress(acted.view)


@negotiate_app.command("need")
def negotiate_need(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    need: Annotated[
        str | None, typer.Argument(help="A catalogue need (accord prepare catalogue).")
    ] = None,
    text: Annotated[str, typer.Option(help="The need in your own words.")] = "",
    weight: Annotated[
        int, typer.Option(help="How much it matters: 1 (a little) to 4 (a lot).")
    ] = 2,
    topic: TopicOption = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Name, privately, a need behind your position (one want can stack several needs).

    Example: accord negotiate need 1a2b --as Sam quiet --weight 4
    """
    from accord.services.negotiation import name_need, suggest_needs, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        before = view(ws.uow, actor_id=me.id, negotiation_id=found)
        topic_id = topic_in(before, topic)
        wanted = " ".join(
            str(i.data.get("text", ""))
            for i in before.mine
            if i.kind.value == "position" and i.topic_id == topic_id
        )
        hints = suggest_needs(wanted) if wanted else ()
        if need is None and not text.strip():
            raise InputError(
                "no need given.",
                field="need",
                fix="Name one from the catalogue, or describe it with --text."
                + (f" Your position suggests: {', '.join(hints)}." if hints else ""),
            )
        acted = name_need(
            ws.uow,
            actor_id=me.id,
            negotiation_id=found,
            topic_id=topic_id,
            need=need,
            text=text,
            weight=weight,
        )
    if held(acted):
        return
    out = console()
    out.print(Text(f"Kept privately (weight {weight})."))
    if hints:
        out.print(Text(f"Needs your position suggests: {', '.join(hints)}", style="cyan"))
    print_progress(acted.view)


@negotiate_app.command("rate")
def negotiate_rate(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    ratings: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OPTION=NEED:SCORE...",
            help="How well an option meets one of your needs, 0-4; OPTION=SCORE when you have "
            "one need on its topic. Options and needs by id prefix or exact words.",
        ),
    ] = None,
    forbid: Annotated[
        list[str] | None,
        typer.Option(metavar="OPTION", help="An option that crosses a foundation need of yours."),
    ] = None,
    allow: Annotated[
        list[str] | None,
        typer.Option(metavar="OPTION", help="Take back an option you forbade."),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Rate, privately, how well each option meets each of your needs (0-4), and forbid options
    that cross a foundation need. Earlier ratings are kept unless you rate them again.

    Example: accord negotiate rate 1a2b --as Sam "Headphones=quiet:4" "TV off at 9=quiet:3"
    --forbid "TV in the bedroom"
    """
    from accord.cli.care_parse import rating_spec
    from accord.services.negotiation import rate, view

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        before = view(ws.uow, actor_id=me.id, negotiation_id=found)
        options = [Choice(o.id, o.text) for o in before.options]
        topic_of = {o.id: o.topic_id for o in before.options}
        needs = [i for i in before.mine if i.kind.value == "interest"]
        old = next((i for i in before.mine if i.kind.value == "ratings"), None)
        given: dict[str, dict[str, int]] = {
            o: dict(n) for o, n in (old.data["ratings"] if old else {}).items()
        }
        forbidden = set(old.data["forbidden"]) if old else set()
        for raw in ratings or []:
            spec = rating_spec(raw)
            option = pick(spec.option, options, "option")
            mine = [n for n in needs if n.topic_id == topic_of[option.id]]
            if spec.need is None:
                if len(mine) != 1:
                    raise InputError(
                        f"{raw!r} does not say which need: you have {len(mine)} on that topic.",
                        field="rating",
                        fix="Write OPTION=NEED:SCORE.",
                    )
                need_id = mine[0].id
            else:
                need_id = pick(spec.need, [need_choice(n) for n in mine], "need").id
            given.setdefault(option.id, {})[need_id] = spec.score
        forbidden |= {pick(ref, options, "option").id for ref in forbid or []}
        forbidden -= {pick(ref, options, "option").id for ref in allow or []}
        acted = rate(
            ws.uow,
            actor_id=me.id,
            negotiation_id=found,
            ratings=given,
            forbidden=sorted(forbidden),
        )
    out = console()
    print_mine(acted.view)
    missing = unrated(acted.view)
    if missing:
        out.print(Text("Still to rate: " + "; ".join(missing), style="yellow"))
    print_progress(acted.view)


@negotiate_app.command("accept")
def negotiate_accept(
    negotiation: NegotiationRef,
    actor: ActingPerson,
    packages: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PACKAGE...",
            help="Packages you can live with: p1, p2, ... or a label such as recommended.",
        ),
    ] = None,
    none: Annotated[
        bool, typer.Option("--none", help="None of them: that is an answer too.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Mark, privately, the packages you can live with; only the overlap is ever revealed.

    Example: accord negotiate accept 1a2b --as Alex recommended p3
    """
    from accord.services.negotiation import accept, view

    if none == bool(packages):
        raise InputError(
            "name the packages you can live with, or say --none (not both).",
            field="packages",
            fix="For example: accord negotiate accept NEGOTIATION --as NAME p1 p2",
        )
    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        offers = view(ws.uow, actor_id=me.id, negotiation_id=found).offers
        choices = [Choice(o.id, o.id, o.labels) for o in offers]
        chosen = [_first_offer(ref, choices) for ref in packages or []]
        acted = accept(ws.uow, actor_id=me.id, negotiation_id=found, offer_ids=chosen)
    console().print(Text(f"Kept privately: {', '.join(chosen) if chosen else 'none of them'}."))
    print_progress(acted.view)


# Moving between steps ------------------------------------------------------------------------


@negotiate_app.command("done")
def negotiate_done(
    negotiation: NegotiationRef, actor: ActingPerson, database_url: DatabaseUrl = None
) -> None:
    """Say you have done your part of this step; when everyone has, the negotiation moves on.

    Example: accord negotiate done 1a2b --as Sam
    """
    from accord.services.negotiation import finish_step

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        acted = finish_step(ws.uow, actor_id=me.id, negotiation_id=found)
    print_progress(acted.view)
    if acted.view.step.value in ("packages", "acceptance"):
        print_packages(acted.view)
    if acted.view.agreed:
        print_agreed(acted.view)


@negotiate_app.command("back")
def negotiate_back(
    negotiation: NegotiationRef, actor: ActingPerson, database_url: DatabaseUrl = None
) -> None:
    """Take the negotiation back one step (any member may; that step starts again).

    Example: accord negotiate back 1a2b --as Alex
    """
    from accord.services.negotiation import go_back

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_negotiation(ws, me.id, negotiation)
        acted = go_back(ws.uow, actor_id=me.id, negotiation_id=found)
    print_progress(acted.view)


# Resolving -----------------------------------------------------------------------------------


def negotiation_choices(ws: Workspace, actor_id: str) -> list[Choice]:
    """The negotiations a person can see, found through the topics they can see (there is no
    service that lists negotiations; every negotiation has at least one topic)."""
    from accord.cli.care_topic import topic_choices

    titles: dict[str, list[str]] = {}
    for topic in topic_choices(ws, actor_id, ws.relationships(actor_id, None)):
        if topic.negotiation_id:
            titles.setdefault(topic.negotiation_id, []).append(topic.title)
    return [Choice(n, " and ".join(t), tuple(t)) for n, t in titles.items()]


def find_negotiation(ws: Workspace, actor_id: str, ref: str) -> str:
    return pick(ref, negotiation_choices(ws, actor_id), "negotiation").id


def topic_in(seen: NegotiationView, ref: str | None) -> str:
    if ref is None:
        if len(seen.topics) == 1:
            return seen.topics[0].id
        titles = ", ".join(f'"{t.title}"' for t in seen.topics)
        raise InputError(
            f"this negotiation has several topics: {titles}.",
            field="--topic",
            fix="Say which one with --topic.",
        )
    return pick(ref, [Choice(t.id, t.title) for t in seen.topics], "topic").id


def _first_offer(ref: str, choices: list[Choice]) -> str:
    # A label (recommended, compromise, nash...) can sit on one package only, but "frontier"
    # sits on several: a label means the first package that carries it.
    key = ref.strip().casefold()
    for choice in choices:
        if key == choice.id.casefold() or key in (a.casefold() for a in choice.aliases):
            return choice.id
    return pick(ref, choices, "package").id


def held(acted: Acted) -> bool:
    if acted.safety is None:
        return False
    print_safety(console(), acted.safety, HELD)
    return True
