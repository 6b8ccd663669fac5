"""A couple (and a stranger) to run services against."""

from __future__ import annotations

from dataclasses import dataclass

from accord.services import people
from accord.services.ports import UnitOfWork


@dataclass(frozen=True)
class Couple:
    sam: str
    alex: str
    stranger: str
    home: str  # Sam and Alex's relationship
    elsewhere: str  # the stranger's own relationship


def make_couple(uow: UnitOfWork) -> Couple:
    sam = people.create_person(uow, name="Sam").id
    alex = people.create_person(uow, name="Alex").id
    stranger = people.create_person(uow, name="Robin").id
    home = people.create_relationship(uow, actor_id=sam, name="Sam & Alex", kind="couple").id
    people.add_member(uow, actor_id=sam, relationship_id=home, person_id=alex)
    elsewhere = people.create_relationship(
        uow, actor_id=stranger, name="Robin's house", kind="housemates"
    ).id
    return Couple(sam, alex, stranger, home, elsewhere)
