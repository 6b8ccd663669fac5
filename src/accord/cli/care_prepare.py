"""``accord prepare``: each person's private preparation (METHOD.md section 2): needs,
feelings and boundaries, shared item by item and taken back at will."""

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
    from accord.domain.items import Item
    from accord.services.preparation import Saved

prepare_app = typer.Typer(
    help="Private preparation: needs, feelings, boundaries; share item by item.",
    no_args_is_help=True,
)

ItemRef = Annotated[
    str,
    typer.Argument(
        metavar="ITEM",
        help="The item: 4 or more characters of its id, its exact words, or ecr-r / temperament.",
    ),
]


@prepare_app.command("need")
def prepare_need(
    actor: ActingPerson,
    need: Annotated[
        str | None,
        typer.Argument(help="A need from the catalogue (see: accord prepare catalogue)."),
    ] = None,
    text: Annotated[str, typer.Option(help="The need in your own words.")] = "",
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Name a core need or value (Foundation layer): from the catalogue, in words, or both.

    Example: accord prepare need --as Sam quiet --text "Quiet evenings to come down after work"
    """
    from accord.services.preparation import add_need

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        saved = add_need(ws.uow, actor_id=me.id, relationship_id=rel, need=need, text=text)
    _print_saved(saved, me.label)


@prepare_app.command("feeling")
def prepare_feeling(
    actor: ActingPerson,
    prompt: Annotated[
        str, typer.Argument(help="safe, unsafe, respected, valued, heard or connected.")
    ],
    text: Annotated[str, typer.Argument(help="Your answer, in your own words.")],
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Answer one of the workbook's prompts: what makes me feel safe, respected, heard...

    Example: accord prepare feeling --as Alex heard "When you put the phone down and look at me"
    """
    from accord.services.preparation import add_feeling

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        saved = add_feeling(ws.uow, actor_id=me.id, relationship_id=rel, prompt=prompt, text=text)
    _print_saved(saved, me.label)


@prepare_app.command("boundary")
def prepare_boundary(
    actor: ActingPerson,
    statement: Annotated[str, typer.Argument(help="The boundary, e.g. I won't be yelled at.")],
    consequence: Annotated[
        str, typer.Option(help="What you will do, every time, when it is crossed.")
    ] = "",
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Write a boundary and its consequence; the enforcement test says whether it is a boundary
    or still a preference, and why.

    Example: accord prepare boundary --as Alex "I won't stay when I'm yelled at"
    --consequence "I leave the room"
    """
    from accord.services.preparation import add_boundary

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        saved = add_boundary(
            ws.uow,
            actor_id=me.id,
            relationship_id=rel,
            statement=statement,
            consequence=consequence,
        )
    _print_saved(saved, me.label)


@prepare_app.command("revise-boundary")
def prepare_revise_boundary(
    boundary: Annotated[str, typer.Argument(help="The boundary: its id or its exact words.")],
    actor: ActingPerson,
    statement: Annotated[
        str | None, typer.Option(help="New wording (default: keep the old one).")
    ] = None,
    consequence: Annotated[
        str | None, typer.Option(help="New consequence (default: keep the old one).")
    ] = None,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Rewrite a boundary or its consequence; the enforcement test runs again.

    Example: accord prepare revise-boundary 1a2b --as Alex --consequence "I go for a walk"
    """
    from accord.services.preparation import revise_boundary

    with workspace(database_url) as ws:
        me = ws.person(actor)
        items = visible_items(ws, me.id, ws.relationships(me.id, within), mine_only=True)
        found = pick(
            boundary, [_choice(i) for i in items if i.kind.value == "boundary"], "boundary"
        )
        old = next(i for i in items if i.id == found.id)
        saved = revise_boundary(
            ws.uow,
            actor_id=me.id,
            boundary_id=found.id,
            statement=statement if statement is not None else str(old.data["statement"]),
            consequence=consequence if consequence is not None else str(old.data["consequence"]),
        )
    _print_saved(saved, me.label)


@prepare_app.command("show")
def prepare_show(
    actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """Your preparation (private and shared), and what the others chose to share with you.

    Example: accord prepare show --as Alex
    """
    from accord.services.people import relationship
    from accord.services.preparation import workbook

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        book = workbook(ws.uow, actor_id=me.id, relationship_id=rel)
        names = {
            m.person_id: m.name
            for m in relationship(ws.uow, actor_id=me.id, relationship_id=rel).members
        }
    out = console()
    mine = Table("id", "visibility", "item", title=f"{me.label}'s preparation")
    for item in book.mine:
        mine.add_row(short(item.id), item.visibility.value, Text(describe(item)))
    out.print(mine if book.mine else Text("Nothing prepared yet: accord prepare need --as NAME"))
    if book.shared_with_me:
        shared = Table("id", "from", "item", title="Shared with you")
        for item in book.shared_with_me:
            shared.add_row(
                short(item.id), Text(names.get(item.owner_id, "someone")), Text(describe(item))
            )
        out.print(shared)
    else:
        out.print(Text("Nobody has shared anything with you yet."))


@prepare_app.command("share")
def prepare_share(
    item: ItemRef, actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """Share one of your items with the relationship (you can take it back with unshare).

    Example: accord prepare share 1a2b --as Alex
    """
    from accord.services.preparation import share

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = _item(ws, me.id, within, item)
        updated = share(ws.uow, actor_id=me.id, item_id=found.id)
    console().print(Text(f"Shared: {describe(updated)} ({short(updated.id)})."))


@prepare_app.command("unshare")
def prepare_unshare(
    item: ItemRef, actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """Take a shared item back: from now on only you see it.

    Example: accord prepare unshare 1a2b --as Alex
    """
    from accord.services.preparation import unshare

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = _item(ws, me.id, within, item)
        updated = unshare(ws.uow, actor_id=me.id, item_id=found.id)
    console().print(Text(f"Private again: {describe(updated)} ({short(updated.id)})."))


@prepare_app.command("remove")
def prepare_remove(
    item: ItemRef, actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """Delete one of your needs, feelings or boundaries (a boundary's ledger goes with it).

    Example: accord prepare remove 1a2b --as Alex
    """
    from accord.services.preparation import remove

    with workspace(database_url) as ws:
        me = ws.person(actor)
        found = _item(ws, me.id, within, item)
        remove(ws.uow, actor_id=me.id, item_id=found.id)
    console().print(Text(f"Deleted {short(found.id)}: {found.label}."))


@prepare_app.command("catalogue")
def prepare_catalogue() -> None:
    """The needs catalogue: the ids to use with prepare need and negotiate need.

    Example: accord prepare catalogue
    """
    from accord.domain.needs import catalogue

    table = Table("need", "what it is", "foundation")
    for need in catalogue().values():
        table.add_row(need.id, Text(need.description), "yes" if need.foundation else "")
    console().print(table)


# Items: what a person can see, and how each reads --------------------------------------------


def visible_items(
    ws: Workspace, actor_id: str, relationship_ids: tuple[str, ...], *, mine_only: bool = False
) -> list[Item]:
    """The preparation and assessment items a person can see in these relationships, through
    the services (so another member's private item is never even a candidate)."""
    from accord.services.preparation import workbook
    from accord.services.profiles import attachment, temperament

    found: list[Item] = []
    for rel in relationship_ids:
        book = workbook(ws.uow, actor_id=actor_id, relationship_id=rel)
        found.extend(book.mine)
        if not mine_only:
            found.extend(book.shared_with_me)
        for extra in (
            attachment(ws.uow, actor_id=actor_id, relationship_id=rel).mine_item,
            temperament(ws.uow, actor_id=actor_id, relationship_id=rel).mine_item,
        ):
            if extra is not None:
                found.append(extra)
    return found


def _item(ws: Workspace, actor_id: str, within: str | None, ref: str) -> Choice:
    items = visible_items(ws, actor_id, ws.relationships(actor_id, within))
    return pick(ref, [_choice(i) for i in items], "item")


def _choice(item: Item) -> Choice:
    data = item.data
    kind = item.kind.value
    if kind == "need":
        return Choice(
            item.id,
            describe(item),
            tuple(str(x) for x in (data.get("need"), data.get("text")) if x),
        )
    if kind == "feeling":
        return Choice(item.id, describe(item), (str(data.get("text", "")),))
    if kind == "boundary":
        return Choice(item.id, describe(item), (str(data.get("statement", "")),))
    if kind == "assessment":
        return Choice(item.id, describe(item), (str(data.get("questionnaire", "")), "attachment"))
    return Choice(item.id, describe(item), (kind,))


def describe(item: Item) -> str:
    """One line for an item, in the words its author used."""
    from accord.domain.items import FEELING_PROMPTS
    from accord.domain.needs import label_for

    data = item.data
    kind = item.kind.value
    if kind == "need":
        need, text = data.get("need"), str(data.get("text") or "")
        if need:
            return f"need: {label_for(str(need))}" + (f" ({text})" if text else "")
        return f"need: {text}"
    if kind == "feeling":
        prompt = str(data.get("prompt", ""))
        return f"{FEELING_PROMPTS.get(prompt, prompt)}: {data.get('text', '')}"
    if kind == "boundary":
        then = str(data.get("consequence") or "")
        return f"{data.get('kind', 'boundary')}: {data.get('statement', '')}" + (
            f"; when crossed: {then}" if then else ""
        )
    if kind == "assessment":
        scores = data.get("scores") or {}
        numbers = ", ".join(f"{k} {float(v):.2f}" for k, v in scores.items())
        return f"{str(data.get('questionnaire', '')).upper()}: {numbers} ({data.get('pattern')})"
    if kind == "temperament":
        positions = data.get("positions") or {}
        return "temperament: " + ", ".join(f"{k}={v}" for k, v in positions.items())
    return kind.replace("_", " ")


def _print_saved(saved: Saved, actor: str) -> None:
    out = console()
    item = saved.item
    out.print(Text(f"Saved {describe(item)} (id {short(item.id)}, {item.visibility.value})."))
    check = saved.check
    if check is not None:
        verdict = "A boundary" if check.kind.value == "boundary" else "Still a preference"
        out.print(Text(f"{verdict}: {check.reason}", style="bold"))
        if check.prompt:
            out.print(Text(f"  {check.prompt}", style="cyan"))
    if saved.safety is not None:
        print_safety(
            out, saved.safety, "It is kept private, and nothing about it is shown to anyone else."
        )
    elif item.visibility.value == "private":
        out.print(
            Text(
                "Only you see it. To share it: "
                f"accord prepare share {short(item.id)} --as {quoted(actor)}"
            )
        )
