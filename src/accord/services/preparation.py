"""Private preparation (METHOD.md section 2): needs, feelings, boundaries; share item by item.

Everything starts private. Its owner can share an item with the relationship and un-share it
later; nobody else can see it, change it, or learn that it exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from accord.domain.access import Action, Visibility
from accord.domain.boundaries import EnforcementCheck, check_boundary
from accord.domain.items import FEELING_PROMPTS, Item, ItemKind
from accord.domain.needs import catalogue
from accord.errors import InputError
from accord.services.guard import actor_for, item_for, relationship_for
from accord.services.items import clean_text, new_item
from accord.services.ports import UnitOfWork
from accord.services.safety import SafetyNotice, screen


@dataclass(frozen=True, slots=True)
class Saved:
    """What was stored, and what its author should see about it."""

    item: Item
    check: EnforcementCheck | None = None  # boundaries: the enforcement test's verdict
    safety: SafetyNotice | None = None  # the safety screen's notice, for the author only


@dataclass(frozen=True, slots=True)
class Workbook:
    """One person's view of a relationship's preparation: all of theirs, and what others shared."""

    mine: tuple[Item, ...]
    shared_with_me: tuple[Item, ...]


PREPARATION_KINDS = (ItemKind.NEED, ItemKind.FEELING, ItemKind.BOUNDARY)


def add_need(
    uow: UnitOfWork,
    *,
    actor_id: str,
    relationship_id: str,
    need: str | None = None,
    text: str = "",
) -> Saved:
    """A core need or value for the Foundation layer: a catalogue need, free text, or both."""
    words = clean_text(text, "text", required=need is None)
    if need is not None and need not in catalogue():
        known = ", ".join(catalogue())
        raise InputError(
            f"{need!r} is not in the needs catalogue.",
            field="need",
            fix=f"Choose one of: {known}; or leave it out and describe the need in words.",
        )
    data = {"need": need, "text": words, "layer": "foundation"}
    return _add(uow, actor_id, relationship_id, ItemKind.NEED, data, words)


def add_feeling(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str, prompt: str, text: str
) -> Saved:
    """An answer to one of the workbook's prompts (what makes me feel safe, respected...)."""
    if prompt not in FEELING_PROMPTS:
        raise InputError(
            f"{prompt!r} is not a workbook prompt.",
            field="prompt",
            fix=f"Choose one of: {', '.join(FEELING_PROMPTS)}.",
        )
    words = clean_text(text, "text")
    data = {"prompt": prompt, "text": words}
    return _add(uow, actor_id, relationship_id, ItemKind.FEELING, data, words)


def add_boundary(
    uow: UnitOfWork,
    *,
    actor_id: str,
    relationship_id: str,
    statement: str,
    consequence: str = "",
) -> Saved:
    """A boundary and what its owner will do when it is crossed, with the enforcement test.

    Without a concrete consequence it is stored and shown as a preference, with the reason and
    a prompt to make it a boundary."""
    words = clean_text(statement, "statement")
    then = clean_text(consequence, "consequence", required=False)
    check = check_boundary(words, then)
    data = _boundary_data(words, then, check)
    saved = _add(uow, actor_id, relationship_id, ItemKind.BOUNDARY, data, f"{words}\n{then}")
    return replace(saved, check=check)


def revise_boundary(
    uow: UnitOfWork, *, actor_id: str, boundary_id: str, statement: str, consequence: str
) -> Saved:
    """Rewrite a boundary or its consequence; the enforcement test runs again."""
    words = clean_text(statement, "statement")
    then = clean_text(consequence, "consequence", required=False)
    check = check_boundary(words, then)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        item = item_for(repo, actor, boundary_id, Action.CHANGE, ItemKind.BOUNDARY)
        notice = screen(
            uow,
            repo,
            owner_id=actor_id,
            relationship_id=item.relationship_id,
            text=f"{words}\n{then}",
            where="boundary",
        )
        updated = replace(item, data=_boundary_data(words, then, check), updated_at=uow.now())
        if notice is not None:
            updated = replace(
                updated,
                visibility=Visibility.PRIVATE,
                visibility_fixed=True,
            )
        repo.update_item(updated)
    return Saved(updated, check, notice)


def set_visibility(uow: UnitOfWork, *, actor_id: str, item_id: str, visibility: Visibility) -> Item:
    """Share an item with the relationship, or take it back (only its owner can)."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        item = item_for(repo, actor, item_id, Action.SHARE)
        updated = replace(item, visibility=visibility, updated_at=uow.now())
        repo.update_item(updated)
    return updated


def share(uow: UnitOfWork, *, actor_id: str, item_id: str) -> Item:
    return set_visibility(uow, actor_id=actor_id, item_id=item_id, visibility=Visibility.SHARED)


def unshare(uow: UnitOfWork, *, actor_id: str, item_id: str) -> Item:
    return set_visibility(uow, actor_id=actor_id, item_id=item_id, visibility=Visibility.PRIVATE)


def remove(uow: UnitOfWork, *, actor_id: str, item_id: str) -> None:
    """Delete one of one's own preparation items (and, for a boundary, its ledger)."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        item = item_for(repo, actor, item_id, Action.CHANGE)
        if item.kind not in PREPARATION_KINDS:
            raise InputError(
                f"a {item.kind.value.replace('_', ' ')} cannot be deleted here.", field="item"
            )
        if item.kind is ItemKind.BOUNDARY:
            for crossing in repo.items(owner_id=actor_id, kind=ItemKind.CROSSING):
                if crossing.data.get("boundary_id") == item.id:
                    repo.delete_item(crossing.id)
        repo.delete_item(item.id)


def workbook(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> Workbook:
    """Everything of one's own preparation, and what the others chose to share."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        mine: list[Item] = []
        shared: list[Item] = []
        for kind in PREPARATION_KINDS:
            for item in repo.items(relationship_id=relationship_id, kind=kind):
                if item.owner_id == actor_id:
                    mine.append(item)
                elif item.visibility is Visibility.SHARED:
                    shared.append(item)
        return Workbook(tuple(mine), tuple(shared))


def _add(
    uow: UnitOfWork,
    actor_id: str,
    relationship_id: str,
    kind: ItemKind,
    data: Mapping[str, object],
    text: str,
) -> Saved:
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        notice = screen(
            uow, repo, owner_id=actor_id, relationship_id=relationship_id, text=text, where=kind
        )
        # What the safety screen flagged stays private for good: nobody can be pressed into
        # showing it to the person it may be about.
        item = new_item(
            uow,
            relationship_id=relationship_id,
            owner_id=actor_id,
            kind=kind,
            data=data,
            fixed=notice is not None,
        )
        repo.add_item(item)
    return Saved(item, safety=notice)


def _boundary_data(statement: str, consequence: str, check: EnforcementCheck) -> dict[str, str]:
    return {
        "statement": statement,
        "consequence": consequence,
        "kind": check.kind.value,
        "reason": check.reason,
        "prompt": check.prompt,
    }
