"""Privacy between members, tested the way an attacker would try it.

Sam writes private and shared items. Alex (the other member), Robin (a stranger) and Sam
herself after leaving try every service that takes an id or a relationship. A refusal must look
exactly like asking for something that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from accord.domain.access import Visibility
from accord.domain.items import ItemKind
from accord.errors import NotFoundError
from accord.services import accounts, ledger, preparation
from accord.services.ports import UnitOfWork
from tests.integration.couple import Couple, make_couple

NOBODY = "0" * 32


def sams_items(uow: UnitOfWork, c: Couple) -> dict[str, str]:
    private_need = preparation.add_need(
        uow, actor_id=c.sam, relationship_id=c.home, need="privacy", text="my own corner"
    ).item.id
    shared_need = preparation.add_need(
        uow, actor_id=c.sam, relationship_id=c.home, need="rest"
    ).item.id
    preparation.share(uow, actor_id=c.sam, item_id=shared_need)
    boundary = preparation.add_boundary(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        statement="No shouting",
        consequence="I will leave the room and come back in an hour",
    ).item.id
    crossing = ledger.record_crossing(
        uow, actor_id=c.sam, boundary_id=boundary, carried_out=False, note="I stayed"
    ).id
    flagged = preparation.add_feeling(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        prompt="unsafe",
        text="He said he would kill me if I left",
    )
    assert flagged.safety is not None
    return {
        "private_need": private_need,
        "shared_need": shared_need,
        "boundary": boundary,
        "crossing": crossing,
        "flag": flagged.safety.flag_id,
        "nothing": NOBODY,
    }


# Every way to touch an item by id, as (name, call).
ATTEMPTS: list[tuple[str, Callable[[UnitOfWork, str, str], Any]]] = [
    ("share", lambda u, who, i: preparation.share(u, actor_id=who, item_id=i)),
    ("unshare", lambda u, who, i: preparation.unshare(u, actor_id=who, item_id=i)),
    ("remove", lambda u, who, i: preparation.remove(u, actor_id=who, item_id=i)),
    (
        "revise",
        lambda u, who, i: preparation.revise_boundary(
            u, actor_id=who, boundary_id=i, statement="x", consequence="I leave"
        ),
    ),
    (
        "record a crossing",
        lambda u, who, i: ledger.record_crossing(u, actor_id=who, boundary_id=i, carried_out=True),
    ),
]


@pytest.mark.parametrize(("action", "attempt"), ATTEMPTS, ids=[a for a, _ in ATTEMPTS])
@pytest.mark.parametrize("intruder", ["alex", "stranger"])
def test_nobody_can_change_another_persons_items_or_learn_they_exist(
    uow: UnitOfWork, action: str, attempt: Callable[[UnitOfWork, str, str], Any], intruder: str
) -> None:
    c = make_couple(uow)
    ids = sams_items(uow, c)
    who = getattr(c, intruder)
    with pytest.raises(NotFoundError) as missing:
        attempt(uow, who, NOBODY)
    for name, item_id in ids.items():
        with pytest.raises(NotFoundError) as refused:
            attempt(uow, who, item_id)
        if not (intruder == "alex" and name == "shared_need"):
            # The same words as for an id that does not exist: nothing to learn.
            assert str(refused.value) == str(missing.value), name
    # And nothing changed for Sam.
    mine = {i.id: i for i in preparation.workbook(uow, actor_id=c.sam, relationship_id=c.home).mine}
    assert mine[ids["private_need"]].visibility is Visibility.PRIVATE
    assert mine[ids["shared_need"]].visibility is Visibility.SHARED
    assert (
        len(ledger.ledger(uow, actor_id=c.sam, relationship_id=c.home)[0].enforcement.series) == 1
    )


def test_the_other_member_reads_only_what_was_shared(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    ids = sams_items(uow, c)
    book = preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home)
    assert [i.id for i in book.shared_with_me] == [ids["shared_need"]]
    assert book.mine == ()
    assert ledger.ledger(uow, actor_id=c.alex, relationship_id=c.home) == ()
    exported = accounts.export_account(uow, actor_id=c.alex)
    assert exported["items"] == []
    assert ids["flag"] not in str(exported) and "kill" not in str(exported)


def test_a_stranger_sees_nothing_of_the_relationship(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    sams_items(uow, c)
    for call in (preparation.workbook, ledger.ledger):
        with pytest.raises(NotFoundError):
            call(uow, actor_id=c.stranger, relationship_id=c.home)
    with pytest.raises(NotFoundError):
        preparation.add_need(uow, actor_id=c.stranger, relationship_id=c.home, need="rest")


def test_a_safety_flag_can_never_be_shared_even_by_its_author(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    ids = sams_items(uow, c)
    with pytest.raises(NotFoundError):
        preparation.share(uow, actor_id=c.sam, item_id=ids["flag"])
    exported = accounts.export_account(uow, actor_id=c.sam)
    flags = [i for i in exported["items"] if i["kind"] == ItemKind.SAFETY_FLAG.value]
    assert len(flags) == 1 and flags[0]["visibility"] == "private"


def test_leaving_ends_access_to_what_the_others_shared(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    sams_items(uow, c)
    from accord.services import people

    people.leave_relationship(uow, actor_id=c.alex, relationship_id=c.home)
    with pytest.raises(NotFoundError):
        preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home)


def test_unsharing_takes_an_item_back_at_once(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    ids = sams_items(uow, c)
    preparation.unshare(uow, actor_id=c.sam, item_id=ids["shared_need"])
    assert preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me == ()
    exported = accounts.export_account(uow, actor_id=c.alex)
    assert ids["shared_need"] not in str(exported)
