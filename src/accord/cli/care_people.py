"""``accord person`` and ``accord relationship``: who is at this computer, and who shares a life
(and so its topics) with whom."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from accord.cli.care_common import (
    ActingPerson,
    DatabaseUrl,
    Within,
    console,
    short,
    workspace,
)
from accord.errors import InputError

if TYPE_CHECKING:
    from accord.services.people import RelationshipView

person_app = typer.Typer(help="The people at this computer.", no_args_is_help=True)
relationship_app = typer.Typer(
    help="Relationships: who shares a life and its topics.", no_args_is_help=True
)


# person --------------------------------------------------------------------------------------


@person_app.command("add")
def person_add(
    name: Annotated[str, typer.Argument(help="The person's name, as the others call them.")],
    email: Annotated[str | None, typer.Option(help="An email address (optional).")] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a person, so that they can act with --as NAME.

    Example: accord person add Sam
    """
    from sqlalchemy.exc import IntegrityError

    from accord.services.people import create_person

    with workspace(database_url) as ws:
        namesakes = ws.people_named(name)
        try:
            person = create_person(ws.uow, name=name, email=email)
        except IntegrityError:
            # The one unique column a person has: translate the library's error at the boundary.
            raise InputError(
                "is used by someone else already.", field="email", fix="Give another address."
            ) from None
    out = console()
    out.print(Text(f"Added {person.name} (id {short(person.id)})."))
    if namesakes:
        ids = ", ".join(short(p.id) for p in namesakes)
        out.print(
            Text(
                f"There is already someone called {person.name} ({ids}): use the id with --as "
                "to say which of you is acting.",
                style="yellow",
            )
        )


@person_app.command("list")
def person_list(database_url: DatabaseUrl = None) -> None:
    """The people in this database, with their short ids.

    Example: accord person list
    """
    from sqlalchemy import select

    from accord.storage.tables import PersonRow

    with workspace(database_url) as ws, ws.uow.begin(write=False) as repo:
        rows = repo.session.execute(
            select(PersonRow.id, PersonRow.name)
            .where(PersonRow.deleted.is_(False))
            .order_by(PersonRow.created_at)
        ).all()
    table = Table("id", "name")
    for row in rows:
        table.add_row(short(row.id), Text(row.name))
    console().print(table if rows else Text("Nobody yet: accord person add NAME"))


# relationship --------------------------------------------------------------------------------


@relationship_app.command("create")
def relationship_create(
    name: Annotated[str, typer.Argument(help='A name for it, e.g. "Home".')],
    actor: ActingPerson,
    kind: Annotated[str, typer.Option(help="couple, family, co-parents or housemates.")] = "couple",
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="PERSON", help="Another member (repeat for each)."),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Create a relationship with the acting person as first member, and bring the others in.

    Example: accord relationship create Home --kind couple --as Alex --with Sam
    """
    from accord.services.people import add_member, create_relationship

    with workspace(database_url) as ws:
        me = ws.person(actor)
        # Everyone is found before anything is written, so a typo leaves nothing half-made.
        others = [ws.person(ref) for ref in with_ or []]
        view = create_relationship(ws.uow, actor_id=me.id, name=name, kind=kind)
        for other in others:
            view = add_member(ws.uow, actor_id=me.id, relationship_id=view.id, person_id=other.id)
    out = console()
    out.print(Text(f"Created {view.name} ({view.kind.value}, id {short(view.id)})."))
    _print_members(view)


@relationship_app.command("add")
def relationship_add(
    person: Annotated[str, typer.Argument(help="Who joins: a name or an id.")],
    actor: ActingPerson,
    within: Within = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Bring another person into a relationship you belong to.

    Example: accord relationship add Robin --as Alex --in Home
    """
    from accord.services.people import add_member

    with workspace(database_url) as ws:
        me = ws.person(actor)
        other = ws.person(person)
        rel = ws.relationship(me.id, within)
        view = add_member(ws.uow, actor_id=me.id, relationship_id=rel, person_id=other.id)
    _print_members(view)


@relationship_app.command("show")
def relationship_show(
    actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """The relationships a person belongs to, and who else is in them.

    Example: accord relationship show --as Alex
    """
    from accord.services.people import relationships

    with workspace(database_url) as ws:
        me = ws.person(actor)
        views = relationships(ws.uow, actor_id=me.id)
        if within is not None:
            chosen = ws.relationship(me.id, within)
            views = tuple(v for v in views if v.id == chosen)
    out = console()
    if not views:
        out.print(Text(f"{me.label} belongs to no relationship yet."))
    for view in views:
        out.print(Text(f"{view.name} ({view.kind.value}, id {short(view.id)})", style="bold"))
        _print_members(view)


@relationship_app.command("leave")
def relationship_leave(
    actor: ActingPerson, within: Within = None, database_url: DatabaseUrl = None
) -> None:
    """Leave a relationship: what you shared stays with the others, your private items stay
    yours, and you see nothing new.

    Example: accord relationship leave --as Sam --in Home
    """
    from accord.services.people import leave_relationship

    with workspace(database_url) as ws:
        me = ws.person(actor)
        rel = ws.relationship(me.id, within)
        leave_relationship(ws.uow, actor_id=me.id, relationship_id=rel)
    console().print(Text(f"{me.label} has left the relationship {short(rel)}."))


def _print_members(view: RelationshipView) -> None:
    names = ", ".join(
        f"{m.name} ({short(m.person_id)})" + ("" if m.current else ", left") for m in view.members
    )
    console().print(Text(f"Members: {names}."))
