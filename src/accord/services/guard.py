"""Who is acting, and the items they may touch: the services' side of the access rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from accord.domain.access import Action, Actor, allowed
from accord.domain.items import Item, ItemKind
from accord.domain.relationships import Relationship
from accord.errors import NotFoundError
from accord.services.ports import Repository

T = TypeVar("T")


def actor_for(repo: Repository, person_id: str) -> Actor:
    """The acting person with the relationships they belong to now."""
    person = repo.get_person(person_id)
    if person is None or person.deleted:
        raise NotFoundError("There is no such person.")
    current = frozenset(m.relationship_id for m in repo.memberships_of(person_id) if m.current)
    return Actor(person_id, current)


def relationship_for(repo: Repository, actor: Actor, relationship_id: str) -> Relationship:
    """A relationship the actor belongs to; to anyone else it does not exist."""
    relationship = repo.get_relationship(relationship_id) if relationship_id else None
    if relationship is None or relationship_id not in actor.relationships:
        raise NotFoundError("There is no such relationship among yours.")
    return relationship


def item_for(
    repo: Repository,
    actor: Actor,
    item_id: str,
    action: Action,
    kind: ItemKind | None = None,
) -> Item:
    """An item the actor may ``action``; anything else is "not found", whatever the reason.

    For a change, the relationship is locked first and the item read afresh (see below)."""
    item = repo.get_item(item_id) if item_id else None
    if item is None or (kind is not None and item.kind is not kind):
        raise NotFoundError(_missing(kind))
    if action is not Action.READ and item.relationship_id not in actor.relationships:
        # Someone who has left a relationship keeps reading their own items but changes nothing.
        raise NotFoundError(_missing(kind))
    if not allowed(actor, action, item.owned):
        if allowed(actor, Action.READ, item.owned):
            raise NotFoundError(f"That {_name(kind)} is not yours to change.")
        raise NotFoundError(_missing(kind))
    if action is not Action.READ:
        return reread_locked(
            repo, item.relationship_id, lambda: repo.get_item(item_id), _missing(kind)
        )
    return item


def reread_locked(
    repo: Repository, relationship_id: str, read: Callable[[], T | None], missing: str
) -> T:
    """Lock the relationship, then read again what is about to change.

    What a writer changes must be what the last writer left: read before the lock, it may be
    stale by the time this transaction holds the lock, and one update would be lost."""
    repo.lock_relationship(relationship_id)
    fresh = read()
    if fresh is None:
        raise NotFoundError(missing)
    return fresh


def _name(kind: ItemKind | None) -> str:
    return kind.value.replace("_", " ") if kind else "item"


def _missing(kind: ItemKind | None) -> str:
    return f"There is no such {_name(kind)} that you can see."
