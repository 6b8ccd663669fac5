"""People and relationships: create, join, leave, look at."""

from __future__ import annotations

from dataclasses import dataclass, replace

from accord.domain.relationships import Membership, Person, Relationship, RelationshipKind
from accord.errors import InputError, NotFoundError
from accord.services.guard import actor_for, relationship_for
from accord.services.ports import Repository, UnitOfWork

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class MemberView:
    person_id: str
    name: str
    current: bool


@dataclass(frozen=True, slots=True)
class RelationshipView:
    """A relationship as one of its members sees it."""

    id: str
    name: str
    kind: RelationshipKind
    members: tuple[MemberView, ...]


def create_person(uow: UnitOfWork, *, name: str, email: str | None = None) -> Person:
    """A new person (an account, or someone a counsellor sets up at one computer)."""
    with uow.begin(write=True) as repo:
        return create_person_in(uow, repo, name=name, email=email)


def create_person_in(
    uow: UnitOfWork, repo: Repository, *, name: str, email: str | None = None
) -> Person:
    """:func:`create_person` inside a transaction another service has opened."""
    clean = _name(name, "name")
    if email is not None:
        email = email.strip().lower()
        if "@" not in email or len(email) > 320 or " " in email:
            raise InputError(f"{email!r} is not an email address.", field="email")
        if repo.person_by_email(email) is not None:
            raise InputError(
                "is taken by another account.", field="email", fix="Use another address."
            )
    person = Person(id=uow.new_id(), name=clean, created_at=uow.now(), email=email)
    repo.add_person(person)
    return person


def create_relationship(
    uow: UnitOfWork, *, actor_id: str, name: str, kind: str | RelationshipKind
) -> RelationshipView:
    """A new relationship with its creator as first member."""
    clean = _name(name, "relationship name")
    parsed = _kind(kind)
    with uow.begin(write=True) as repo:
        actor_for(repo, actor_id)
        now = uow.now()
        new_id = uow.new_id()
        relationship = Relationship(
            id=new_id,
            name=clean,
            kind=parsed,
            created_at=now,
            members=(Membership(new_id, actor_id, now),),
        )
        repo.add_relationship(relationship)
        return _view(repo, relationship)


def add_member(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str, person_id: str
) -> RelationshipView:
    """A current member brings another person in (the web app does this with an invitation)."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        person = repo.get_person(person_id)
        if person is None or person.deleted:
            raise NotFoundError("There is no such person.")
        relationship = repo.get_relationship(relationship_id)
        assert relationship is not None
        existing = {m.person_id: m for m in relationship.members}
        now = uow.now()
        if person_id in existing:
            if existing[person_id].current:
                raise InputError(f"{person.name} is already a member.", field="person")
            repo.update_membership(replace(existing[person_id], left_at=None))
        else:
            repo.add_membership(Membership(relationship_id, person_id, now))
        updated = repo.get_relationship(relationship_id)
        assert updated is not None
        return _view(repo, updated)


def leave_relationship(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> None:
    """Leave: from now on the person sees nothing new of the relationship; what they shared
    stays readable to the others, what they kept private stays theirs alone."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship = relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        mine = next(m for m in relationship.members if m.person_id == actor_id)
        repo.update_membership(replace(mine, left_at=uow.now()))


def relationships(uow: UnitOfWork, *, actor_id: str) -> tuple[RelationshipView, ...]:
    """The relationships the person belongs to now."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        found = []
        for relationship_id in sorted(actor.relationships):
            relationship = repo.get_relationship(relationship_id)
            if relationship is not None:
                found.append(_view(repo, relationship))
        return tuple(found)


def relationship(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> RelationshipView:
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        return _view(repo, relationship_for(repo, actor, relationship_id))


def _view(repo: Repository, relationship: Relationship) -> RelationshipView:
    members = []
    for m in relationship.members:
        person = repo.get_person(m.person_id)
        name = person.name if person is not None and not person.deleted else "A former member"
        members.append(MemberView(m.person_id, name, m.current))
    return RelationshipView(relationship.id, relationship.name, relationship.kind, tuple(members))


def _name(value: str, field: str) -> str:
    clean = " ".join(value.split())
    if not clean:
        raise InputError("is empty.", field=field, fix="Give a name of at least one character.")
    if len(clean) > MAX_NAME:
        raise InputError(
            f"is {len(clean)} characters long.", field=field, fix=f"Keep it to {MAX_NAME}."
        )
    return clean


def _kind(kind: str | RelationshipKind) -> RelationshipKind:
    try:
        return RelationshipKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in RelationshipKind)
        raise InputError(
            f"{kind!r} is not a kind of relationship.",
            field="kind",
            fix=f"Choose one of: {choices}.",
        ) from None
