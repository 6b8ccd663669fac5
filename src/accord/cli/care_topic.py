"""``accord topic`` and ``accord pause``: open what you disagree about, place it in its layer
together (METHOD.md section 1), and stop the talk whenever someone needs to (section 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.care_common import (
    ActingPerson,
    Choice,
    DatabaseUrl,
    Within,
    Workspace,
    console,
    pick,
    print_safety,
    quoted,
    short,
    workspace,
)

if TYPE_CHECKING:
    from accord.domain.topics import Topic

topic_app = typer.Typer(
    help="Topics: open one, place it in a layer together, settle a boundary conversation.",
    no_args_is_help=True,
)

TopicRef = Annotated[
    str, typer.Argument(metavar="TOPIC", help="The topic: its title, or 4+ characters of its id.")
]


@topic_app.command("open")
def topic_open(
    actor: ActingPerson,
    title: Annotated[str, typer.Argument(help="What it is about, in a few words.")],
    description: Annotated[str, typer.Option(help="More about it, if you like.")] = "",
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Open a topic: Accord proposes its layer (foundation, temperament or negotiation zone) and
    says why; each of you then confirms or changes it.

    Example: accord topic open --as Sam "Evenings after work" --description "The TV is loud"
    """
    from accord.services.topics import open_topic

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        opened = open_topic(
            ws.uow, actor_id=me.id, relationship_id=rel, title=title, description=description
        )
    out = console()
    if opened.safety is not None:
        print_safety(
            out,
            opened.safety,
            "This topic is held: it will not go to a negotiation, and only you can see it.",
        )
        return
    topic = opened.topic
    out.print(Text(f"Opened topic {short(topic.id)}: {topic.title}", style="bold"))
    out.print(Text(f"Proposed layer: {topic.proposed_layer}"))
    for reason in topic.reasons:
        out.print(Text(f"  - {reason}"))
    out.print(
        Text(
            "Each of you: confirm it, or change it if it feels wrong: "
            f"accord topic layer {short(topic.id)} {topic.proposed_layer} --as NAME"
        )
    )


@topic_app.command("layer")
def topic_layer(
    topic: TopicRef,
    layer: Annotated[str, typer.Argument(help="foundation, temperament or zone.")],
    actor: ActingPerson,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Confirm the proposed layer of a topic, or change it (the others then confirm again).

    Example: accord topic layer 1a2b zone --as Alex
    """
    from accord.services.topics import choose_layer, prompts

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_topic(ws, me.id, within, topic)
        updated = choose_layer(ws.uow, actor_id=me.id, topic_id=found.id, layer=layer)
    out = console()
    out.print(Text(f"{updated.title}: layer {updated.layer}, {updated.status.value}."))
    if updated.status.value == "triage":
        out.print(Text("Waiting for the others to confirm the same layer."))
    elif updated.status.value == "zone":
        out.print(
            Text(
                "Settled in the negotiation zone. Start: accord negotiate start "
                f"{short(updated.id)} --as {quoted(me.label)}"
            )
        )
    for line in prompts(updated):
        out.print(Text(f"  {line}", style="cyan"))


@topic_app.command("list")
def topic_list(
    actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """The topics of a relationship that you can see, with their layer and where they stand.

    Example: accord topic list --as Sam
    """
    from accord.services.topics import topics

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        found = topics(ws.uow, actor_id=me.id, relationship_id=rel)
    table = Table("id", "topic", "layer", "status", "negotiation")
    for t in found:
        table.add_row(
            short(t.id),
            Text(t.title),
            t.layer,
            t.status.value,
            short(t.negotiation_id) if t.negotiation_id else "",
        )
    console().print(table if found else Text("No topics yet: accord topic open --as NAME TITLE"))


@topic_app.command("settle")
def topic_settle(
    topic: TopicRef,
    actor: ActingPerson,
    compatible: Annotated[
        bool,
        typer.Option(
            "--compatible/--incompatible",
            help="Both boundaries can be honoured at once, or they exclude each other.",
        ),
    ],
    note: Annotated[str, typer.Option(help="How (or why not), in your own words.")],
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Close a boundary conversation on a foundation topic: compatible (and how), or an honest
    finding that these needs exclude each other.

    Example: accord topic settle 1a2b --as Sam --compatible --note "We each keep Sundays free"
    """
    from accord.services.topics import settle_foundation

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = find_topic(ws, me.id, within, topic)
        updated = settle_foundation(
            ws.uow, actor_id=me.id, topic_id=found.id, compatible=compatible, note=note
        )
    out = console()
    if compatible:
        out.print(Text(f"{updated.title}: both boundaries can be honoured. {updated.settlement}"))
    else:
        out.print(
            Text(
                f"{updated.title}: these needs exclude each other here. No negotiation technique "
                f"will change that; it is the finding, said plainly. {updated.settlement}"
            )
        )


def topic_choices(ws: Workspace, actor_id: str, relationship_ids: tuple[str, ...]) -> list[Topic]:
    from accord.services.topics import topics

    return [
        t
        for rel in relationship_ids
        for t in topics(ws.uow, actor_id=actor_id, relationship_id=rel)
    ]


def find_topic(ws: Workspace, actor_id: str, within: str | None, ref: str) -> Choice:
    found = topic_choices(ws, actor_id, ws.relationships(actor_id, within))
    return pick(ref, [Choice(t.id, t.title) for t in found], "topic")


# pause ---------------------------------------------------------------------------------------


def pause(
    actor: ActingPerson,
    minutes: Annotated[
        int | None, typer.Option(help="How long: 20 minutes to 24 hours (default 30).")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Or until when (YYYY-MM-DDTHH:MM, local time unless a zone is given)."),
    ] = None,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Pause the talk, no reason needed: nothing moves until the time to come back.

    Example: accord pause --as Alex --minutes 30
    """
    from accord.cli.care_parse import moment
    from accord.services.profiles import attachment
    from accord.services.readiness import pause as take_pause

    resume = moment(until, "--until") if until is not None else None
    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        made = take_pause(
            ws.uow, actor_id=me.id, relationship_id=rel, minutes=minutes, until=resume
        )
        # Emotional bilingualism: the script for one's own side, when the pair reading exists.
        pairs = attachment(ws.uow, actor_id=me.id, relationship_id=rel).pairs
    out = console()
    local = made.resumes_at.astimezone()
    out.print(
        Text(
            f"Paused until {local:%H:%M} on {local:%Y-%m-%d} ({local:%Z}). Nothing moves until "
            "then; you come back to it at that time.",
            style="bold",
        )
    )
    for pair in pairs:
        out.print(Text(f"You might say: {pair.script_for(pair.names[0]).text}", style="cyan"))
