"""The boundary ledger: record crossings of one's own boundaries, see how each one is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accord.domain.access import Action
from accord.domain.items import Item, ItemKind
from accord.domain.ledger import Crossing, Enforcement, enforcement
from accord.errors import InputError
from accord.services.guard import actor_for, item_for, relationship_for
from accord.services.items import clean_text, new_item
from accord.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class BoundaryRecord:
    boundary: Item
    enforcement: Enforcement


def record_crossing(
    uow: UnitOfWork,
    *,
    actor_id: str,
    boundary_id: str,
    carried_out: bool,
    occurred_at: datetime | None = None,
    note: str = "",
) -> Item:
    """One crossing of one's own boundary, and whether one carried out its consequence."""
    words = clean_text(note, "note", required=False)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        boundary = item_for(repo, actor, boundary_id, Action.CHANGE, ItemKind.BOUNDARY)
        if boundary.data.get("kind") != "boundary":
            raise InputError(
                "this is still a preference: it has no consequence you carry out.",
                field="boundary",
                fix="Add the consequence first (what you will do when it is crossed).",
            )
        now = uow.now()
        at = occurred_at or now
        if at.tzinfo is None:
            raise InputError("has no time zone.", field="occurred_at", fix="Give it in UTC.")
        if at > now:
            raise InputError(
                "is in the future.", field="occurred_at", fix="Record it once it happened."
            )
        crossing = new_item(
            uow,
            relationship_id=boundary.relationship_id,
            owner_id=actor_id,
            kind=ItemKind.CROSSING,
            data={
                "boundary_id": boundary.id,
                "occurred_at": at.isoformat(),
                "carried_out": carried_out,
                "note": words,
            },
        )
        repo.add_item(crossing)
    return crossing


def ledger(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> tuple[BoundaryRecord, ...]:
    """Each of one's boundaries in a relationship with its enforcement over time."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        crossings: dict[str, list[Crossing]] = {}
        for item in repo.items(owner_id=actor_id, kind=ItemKind.CROSSING):
            crossings.setdefault(str(item.data["boundary_id"]), []).append(
                Crossing(
                    datetime.fromisoformat(str(item.data["occurred_at"])),
                    bool(item.data["carried_out"]),
                )
            )
        return tuple(
            BoundaryRecord(b, enforcement(crossings.get(b.id, [])))
            for b in repo.items(
                relationship_id=relationship_id, owner_id=actor_id, kind=ItemKind.BOUNDARY
            )
        )
