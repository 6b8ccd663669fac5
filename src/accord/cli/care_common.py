"""What every session command shares: the database option, who is acting, how a short name or
id prefix becomes the thing meant, and how the coach's and the safety screen's words are shown.

The CLI is the composition root for a counsellor's session at one computer: it builds the
settings and the unit of work once per command, resolves what people type (``Sam``, ``1a2b``,
``"Evenings after work"``) into ids using only what the acting person may see (through the
services), and leaves every decision about access to the services.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import get_close_matches
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from accord.errors import InputError, NotFoundError
from accord.settings import SETTINGS

if TYPE_CHECKING:
    from accord.services.negotiation import CoachNote
    from accord.services.safety import SafetyNotice
    from accord.storage import SqlUnitOfWork

SHORT = 8
"""Ids are shown by their first 8 characters: enough to be unique in one person's session."""
MIN_PREFIX = 4
"""Fewer characters than this are too likely to match several things to be taken as an id."""
FULL_ID = re.compile(r"^[0-9a-f]{32}$")
LISTED = 8
"""How many candidates a "which one?" message names before it stops."""


def _help(name: str) -> str:
    return next(s.help for s in SETTINGS if s.name == name)


DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="ACCORD_DATABASE_URL",
        show_envvar=True,
        metavar="URL",
        help=_help("database_url"),
    ),
]
ActingPerson = Annotated[
    str,
    typer.Option(
        "--as",
        metavar="PERSON",
        help="Who is acting: their name, or their id (4 or more characters of it).",
    ),
]
Within = Annotated[
    str | None,
    typer.Option(
        "--in",
        metavar="RELATIONSHIP",
        help="Which relationship (name or id); needed only if the person has several.",
    ),
]
JsonOutput = Annotated[
    bool, typer.Option("--json", help="Print one JSON object instead of the readable form.")
]


def short(ident: str) -> str:
    return ident[:SHORT]


def console() -> Console:
    # No highlighting: numbers and ids in people's words must not change colour at random.
    return Console(highlight=False)


def emit_json(data: Any) -> None:
    """Machine output: one JSON document on stdout, nothing else."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


# Resolving what people type ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """Something a person may mean: its id, the words it is known by, and other exact names."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def pick(ref: str, choices: Sequence[Choice], what: str, *, listing: bool = True) -> Choice:
    """The one choice ``ref`` means: its full id, its exact words (any case), or a unique id
    prefix of at least four characters, tried in that order.

    Nothing matching is "not found" (naming close words, and the candidates if ``listing``);
    several matching is a question back, naming each candidate's short id, because guessing
    between two people's things is worse than asking.

    >>> pick("ab12", [Choice("ab12ffff", "TV off at 9"), Choice("cd34", "Headphones")], "option")
    Choice(id='ab12ffff', label='TV off at 9', aliases=())
    """
    wanted = " ".join(ref.split())
    if not wanted:
        raise InputError("is empty.", field=what, fix=f"Name the {what}, or give its id.")
    unique = list({c.id: c for c in choices}.values())
    exact = [c for c in unique if c.id == wanted.lower()]
    if exact:
        return exact[0]
    key = wanted.casefold()
    named = [c for c in unique if key in (n.casefold() for n in c.names())]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise _ambiguous(wanted, named, what)
    if len(wanted) >= MIN_PREFIX:
        prefixed = [c for c in unique if c.id.startswith(key)]
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            raise _ambiguous(wanted, prefixed, what)
    raise NotFoundError(_missing(wanted, unique, what, listing=listing))


def _ambiguous(ref: str, found: Sequence[Choice], what: str) -> InputError:
    names = ", ".join(f"{short(c.id)} ({c.label})" for c in found[:LISTED])
    more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
    return InputError(
        f"{ref!r} could be any of: {names}{more}.",
        field=what,
        fix="Give enough of the id to tell them apart.",
    )


def _missing(ref: str, choices: Sequence[Choice], what: str, *, listing: bool) -> str:
    text = f"No {what} that you can see matches {ref!r}."
    words = {n.casefold(): n for c in choices for n in c.names()}
    close = get_close_matches(ref.casefold(), list(words), n=3, cutoff=0.7)
    if close:
        text += " Did you mean " + " or ".join(repr(words[c]) for c in close) + "?"
    elif len(ref) < MIN_PREFIX and re.fullmatch(r"[0-9a-fA-F]+", ref):
        text += f" Give at least {MIN_PREFIX} characters of an id."
    if listing and choices:
        shown = ", ".join(f"{short(c.id)} ({c.label})" for c in choices[:LISTED])
        more = f" and {len(choices) - LISTED} more" if len(choices) > LISTED else ""
        text += f" There is: {shown}{more}."
    elif listing:
        text += f" There is no {what} yet."
    return text


# The workspace: one database, one unit of work, per command ----------------------------------


@dataclass(frozen=True, slots=True)
class Workspace:
    """The unit of work of one command, and the lookups every command needs."""

    uow: SqlUnitOfWork

    def person(self, ref: str) -> Choice:
        """A person by name or id. Any person in this database can be named: the CLI is one
        computer's session, and acting *as* someone is what the counsellor does."""
        from sqlalchemy import select

        from accord.storage.tables import PersonRow

        with self.uow.begin(write=False) as repo:
            rows = repo.session.execute(
                select(PersonRow.id, PersonRow.name)
                .where(PersonRow.deleted.is_(False))
                .order_by(PersonRow.created_at)
            ).all()
        try:
            return pick(ref, [Choice(r.id, r.name) for r in rows], "person", listing=False)
        except NotFoundError as error:
            raise NotFoundError(
                f"{error} Add them first: accord person add {quoted(ref)}."
            ) from None

    def people_named(self, name: str) -> tuple[Choice, ...]:
        from sqlalchemy import func, select

        from accord.storage.tables import PersonRow

        with self.uow.begin(write=False) as repo:
            rows = repo.session.execute(
                select(PersonRow.id, PersonRow.name).where(
                    PersonRow.deleted.is_(False),
                    func.lower(PersonRow.name) == " ".join(name.split()).lower(),
                )
            ).all()
        return tuple(Choice(r.id, r.name) for r in rows)

    def relationship(self, actor_id: str, ref: str | None) -> str:
        """The relationship ``ref`` names, or the person's only one when ``ref`` is not given."""
        from accord.services.people import relationships

        mine = relationships(self.uow, actor_id=actor_id)
        choices = [Choice(r.id, r.name) for r in mine]
        if ref is not None:
            return pick(ref, choices, "relationship").id
        if len(mine) == 1:
            return mine[0].id
        if not mine:
            raise NotFoundError(
                "This person belongs to no relationship yet. Create one: accord relationship "
                "create NAME --kind couple --as PERSON --with OTHER."
            )
        names = ", ".join(f"{r.name} ({short(r.id)})" for r in mine)
        raise InputError(
            f"this person belongs to several relationships: {names}.",
            field="--in",
            fix="Say which one with --in.",
        )

    def relationships(self, actor_id: str, ref: str | None) -> tuple[str, ...]:
        """Where to look for something named by id: the one given, or all of the person's."""
        from accord.services.people import relationships

        if ref is not None:
            return (self.relationship(actor_id, ref),)
        return tuple(r.id for r in relationships(self.uow, actor_id=actor_id))


@contextmanager
def workspace(database_url: str | None) -> Iterator[Workspace]:
    """Settings, database and unit of work for one command; the schema is brought up to date
    first (idempotent), so a new file or an older database just works."""
    from accord.settings import Settings
    from accord.storage import Database, SqlUnitOfWork

    settings = Settings.from_env(database_url=database_url)
    database = Database.connect(settings.database_url or None)
    try:
        database.upgrade()
        yield Workspace(SqlUnitOfWork(database))
    finally:
        database.dispose()


def quoted(words: str) -> str:
    return words if re.fullmatch(r"[\w.@-]+", words) else f'"{words}"'


# What the coach and the safety screen say -----------------------------------------------------


def print_safety(out: Console, notice: SafetyNotice, held: str) -> None:
    """Help resources for the person who wrote; what was held, and nothing else."""
    out.print(
        Text(
            "What you wrote may be about your safety, and that comes before anything else here.",
            style="bold",
        )
    )
    for line in notice.resources:
        out.print(Text(f"  {line}"))
    out.print(Text(held))


def print_coach(out: Console, note: CoachNote | None, actor: str) -> None:
    """The coach's reading of a joint text, a gentler wording, and a pause hint if it heats up."""
    if note is None:
        return
    if note.labels:
        out.print(Text(f"The coach read: {', '.join(note.labels)}.", style="yellow"))
    for rewrite in note.rewrites:
        out.print(Text(f"  A gentler way to say it: {rewrite}", style="cyan"))
    if note.suggest_pause:
        out.print(
            Text(
                "If this is getting heated, take a pause (no reason needed): "
                f"accord pause --as {quoted(actor)}",
                style="bold",
            )
        )
