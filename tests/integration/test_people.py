from __future__ import annotations

import pytest

from accord.errors import InputError, NotFoundError
from accord.services import people
from accord.services.ports import UnitOfWork
from tests.integration.couple import make_couple


def test_a_new_relationship_has_its_creator_as_first_member(uow: UnitOfWork) -> None:
    sam = people.create_person(uow, name="  Sam  ")
    home = people.create_relationship(uow, actor_id=sam.id, name="Home", kind="couple")
    assert [(m.name, m.current) for m in home.members] == [("Sam", True)]
    assert people.relationships(uow, actor_id=sam.id) == (home,)


def test_members_see_each_other_and_strangers_see_nothing(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view = people.relationship(uow, actor_id=c.alex, relationship_id=c.home)
    assert [m.name for m in view.members] == ["Sam", "Alex"]
    with pytest.raises(NotFoundError):
        people.relationship(uow, actor_id=c.stranger, relationship_id=c.home)


def test_only_a_member_can_bring_someone_in(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    with pytest.raises(NotFoundError):
        people.add_member(uow, actor_id=c.stranger, relationship_id=c.home, person_id=c.stranger)
    with pytest.raises(InputError, match="already a member"):
        people.add_member(uow, actor_id=c.sam, relationship_id=c.home, person_id=c.alex)


def test_someone_who_left_no_longer_sees_the_relationship(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    people.leave_relationship(uow, actor_id=c.alex, relationship_id=c.home)
    with pytest.raises(NotFoundError):
        people.relationship(uow, actor_id=c.alex, relationship_id=c.home)
    view = people.relationship(uow, actor_id=c.sam, relationship_id=c.home)
    assert [(m.name, m.current) for m in view.members] == [("Sam", True), ("Alex", False)]
    people.add_member(uow, actor_id=c.sam, relationship_id=c.home, person_id=c.alex)
    assert people.relationship(uow, actor_id=c.alex, relationship_id=c.home).id == c.home


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("", "couple", "relationship name: is empty"),
        ("x" * 201, "couple", "201 characters"),
        ("Home", "situationship", "not a kind of relationship"),
    ],
)
def test_bad_relationship_details_are_refused_with_the_fix(
    uow: UnitOfWork, name: str, kind: str, message: str
) -> None:
    sam = people.create_person(uow, name="Sam")
    with pytest.raises(InputError, match=message):
        people.create_relationship(uow, actor_id=sam.id, name=name, kind=kind)
    assert people.relationships(uow, actor_id=sam.id) == ()


def test_an_unknown_person_cannot_act(uow: UnitOfWork) -> None:
    with pytest.raises(NotFoundError):
        people.create_relationship(uow, actor_id="f" * 32, name="Home", kind="couple")


def test_an_email_can_belong_to_one_account_only(uow: UnitOfWork) -> None:
    people.create_person(uow, name="Sam", email="Sam@example.org")
    with pytest.raises(InputError, match="taken"):
        people.create_person(uow, name="Other Sam", email="sam@example.org ")
    with pytest.raises(InputError, match="not an email"):
        people.create_person(uow, name="Robin", email="robin")
