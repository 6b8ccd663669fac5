"""A person's own data: export everything they own; delete their account."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from accord.domain.access import Visibility
from accord.services.guard import actor_for
from accord.services.ports import UnitOfWork

EXPORT_FORMAT = "accord-export/1"


def export_account(uow: UnitOfWork, *, actor_id: str) -> dict[str, Any]:
    """Everything the person owns, as JSON-ready data: who they are, where they belong, and
    every item they wrote (private and shared). Nothing another person wrote is included."""
    with uow.begin(write=False) as repo:
        actor_for(repo, actor_id)
        person = repo.get_person(actor_id)
        assert person is not None
        memberships = repo.memberships_of(actor_id)
        names = {}
        for m in memberships:
            relationship = repo.get_relationship(m.relationship_id)
            names[m.relationship_id] = relationship.name if relationship else ""
        return {
            "format": EXPORT_FORMAT,
            "exported_at": uow.now().isoformat(),
            "person": {
                "id": person.id,
                "name": person.name,
                "email": person.email,
                "created_at": person.created_at.isoformat(),
            },
            "relationships": [
                {
                    "id": m.relationship_id,
                    "name": names[m.relationship_id],
                    "joined_at": m.joined_at.isoformat(),
                    "left_at": m.left_at.isoformat() if m.left_at else None,
                }
                for m in memberships
            ],
            "items": [
                {
                    "id": item.id,
                    "relationship_id": item.relationship_id,
                    "kind": item.kind.value,
                    "visibility": item.visibility.value,
                    "topic_id": item.topic_id,
                    "created_at": item.created_at.isoformat(),
                    "updated_at": item.updated_at.isoformat(),
                    "data": dict(item.data),
                }
                for item in repo.items(owner_id=actor_id)
            ],
        }


def delete_account(uow: UnitOfWork, *, actor_id: str) -> int:
    """Delete the account: every private item goes; what the person shared stays readable to
    the others, under "a former member"; they leave every relationship. Returns how many items
    were deleted."""
    with uow.begin(write=True) as repo:
        actor_for(repo, actor_id)
        person = repo.get_person(actor_id)
        assert person is not None
        now = uow.now()
        for membership in repo.memberships_of(actor_id):
            repo.lock_relationship(membership.relationship_id)
            if membership.current:
                repo.update_membership(replace(membership, left_at=now))
        deleted = 0
        for item in repo.items(owner_id=actor_id):
            if item.visibility is Visibility.PRIVATE:
                repo.delete_item(item.id)
                deleted += 1
        repo.update_person(replace(person, name="A former member", email=None, deleted=True))
    return deleted
