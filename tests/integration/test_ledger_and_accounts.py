from __future__ import annotations

from datetime import timedelta

import pytest

from accord.errors import InputError, NotFoundError
from accord.services import accounts, ledger, people, preparation
from accord.services.ports import UnitOfWork
from tests.fakes import Clock
from tests.integration.couple import make_couple


def test_the_ledger_shows_each_boundarys_enforcement_over_time(
    uow: UnitOfWork, clock: Clock
) -> None:
    c = make_couple(uow)
    boundary = preparation.add_boundary(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        statement="No phones at dinner",
        consequence="I will take my plate to the garden",
    ).item
    for carried_out in (True, False, True, True):
        clock.advance(timedelta(days=3))
        ledger.record_crossing(
            uow, actor_id=c.sam, boundary_id=boundary.id, carried_out=carried_out
        )
    (record,) = ledger.ledger(uow, actor_id=c.sam, relationship_id=c.home)
    assert (record.enforcement.crossings, record.enforcement.enforced) == (4, 3)
    assert record.enforcement.rate == pytest.approx(0.75)
    assert [round(r, 3) for _, r in record.enforcement.series] == [1.0, 0.5, 0.667, 0.75]


def test_a_preference_cannot_be_enforced_until_it_has_a_consequence(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    wish = preparation.add_boundary(
        uow, actor_id=c.sam, relationship_id=c.home, statement="I hate lateness"
    ).item
    with pytest.raises(InputError, match="still a preference"):
        ledger.record_crossing(uow, actor_id=c.sam, boundary_id=wish.id, carried_out=True)


def test_a_crossing_in_the_future_is_refused(uow: UnitOfWork, clock: Clock) -> None:
    c = make_couple(uow)
    boundary = preparation.add_boundary(
        uow, actor_id=c.sam, relationship_id=c.home, statement="x", consequence="I will leave"
    ).item
    with pytest.raises(InputError, match="future"):
        ledger.record_crossing(
            uow,
            actor_id=c.sam,
            boundary_id=boundary.id,
            carried_out=True,
            occurred_at=clock.current + timedelta(days=1),
        )


def test_export_holds_everything_the_person_owns_and_nothing_else(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, need="rest")
    alex_need = preparation.add_need(uow, actor_id=c.alex, relationship_id=c.home, need="play")
    preparation.share(uow, actor_id=c.alex, item_id=alex_need.item.id)
    exported = accounts.export_account(uow, actor_id=c.sam)
    assert exported["format"] == "accord-export/1"
    assert exported["person"]["name"] == "Sam"
    assert [r["name"] for r in exported["relationships"]] == ["Sam & Alex"]
    assert [i["data"]["need"] for i in exported["items"]] == ["rest"]


def test_deleting_an_account_keeps_only_what_was_shared(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    kept = preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, need="rest").item
    preparation.share(uow, actor_id=c.sam, item_id=kept.id)
    preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, need="privacy")
    assert accounts.delete_account(uow, actor_id=c.sam) == 1

    seen = preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me
    assert [i.id for i in seen] == [kept.id]
    members = people.relationship(uow, actor_id=c.alex, relationship_id=c.home).members
    assert [(m.name, m.current) for m in members] == [("A former member", False), ("Alex", True)]
    with pytest.raises(NotFoundError):
        accounts.export_account(uow, actor_id=c.sam)
