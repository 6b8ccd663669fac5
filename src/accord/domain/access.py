"""Who may read or change what: the one place privacy between members is decided.

Every item a person writes has an owner and a visibility. The rule, in full:

- the owner may read and change their own items, and share or un-share them unless the item's
  visibility is fixed (options in a brainstorm are shared by nature; safety flags are private
  for ever);
- another *current* member of the same relationship may read an item only while it is shared;
- nobody else may do anything with it.

Services ask :func:`allowed` before every read and write, and answer "not found" when it says no,
so that a refusal reveals nothing, not even that the item exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Visibility(StrEnum):
    """Whether the other members of the relationship can read an item."""

    PRIVATE = "private"
    SHARED = "shared"


class Action(StrEnum):
    READ = "read"
    CHANGE = "change"
    SHARE = "share"


@dataclass(frozen=True, slots=True)
class Actor:
    """A person acting, with the relationships they currently belong to."""

    person_id: str
    relationships: frozenset[str]


@dataclass(frozen=True, slots=True)
class Owned:
    """What access depends on: whose it is, where it lives and who can see it."""

    owner_id: str
    relationship_id: str
    visibility: Visibility
    visibility_fixed: bool = False


def allowed(actor: Actor, action: Action, resource: Owned) -> bool:
    """Whether ``actor`` may do ``action`` to ``resource`` (see the module docstring).

    >>> alex = Actor("alex", frozenset({"home"}))
    >>> sams_note = Owned("sam", "home", Visibility.PRIVATE)
    >>> allowed(alex, Action.READ, sams_note)
    False
    >>> allowed(alex, Action.READ, Owned("sam", "home", Visibility.SHARED))
    True
    """
    if resource.owner_id == actor.person_id:
        if action is Action.SHARE:
            return not resource.visibility_fixed
        return True
    return (
        action is Action.READ
        and resource.visibility is Visibility.SHARED
        and resource.relationship_id in actor.relationships
    )


def member_of(actor: Actor, relationship_id: str) -> bool:
    """Whether the actor currently belongs to the relationship (and may see its shared life)."""
    return relationship_id in actor.relationships
