from __future__ import annotations

import pytest

from accord.domain.access import Visibility
from accord.errors import InputError, NotFoundError
from accord.services import preparation
from accord.services.ports import UnitOfWork
from tests.integration.couple import make_couple


def test_everything_starts_private_and_is_shared_item_by_item(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    rest = preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, need="rest").item
    safe = preparation.add_feeling(
        uow, actor_id=c.sam, relationship_id=c.home, prompt="safe", text="Quiet evenings"
    ).item
    assert rest.visibility is Visibility.PRIVATE
    assert preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me == ()

    preparation.share(uow, actor_id=c.sam, item_id=rest.id)
    seen = preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me
    assert [i.id for i in seen] == [rest.id]

    preparation.unshare(uow, actor_id=c.sam, item_id=rest.id)
    assert preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me == ()
    mine = preparation.workbook(uow, actor_id=c.sam, relationship_id=c.home).mine
    assert {i.id for i in mine} == {rest.id, safe.id}


def test_a_need_is_placed_in_the_foundation_layer(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    saved = preparation.add_need(
        uow, actor_id=c.sam, relationship_id=c.home, need="honesty", text="Tell me early"
    )
    assert saved.item.data == {"need": "honesty", "text": "Tell me early", "layer": "foundation"}
    free = preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, text="Sundays off")
    assert free.item.data["need"] is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"need": "happiness"}, "not in the needs catalogue"),
        ({"need": None, "text": "   "}, "text: is empty"),
        ({"need": None, "text": "x" * 2001}, "2001 characters"),
    ],
)
def test_bad_needs_are_refused_and_nothing_is_saved(
    uow: UnitOfWork, kwargs: dict[str, str | None], message: str
) -> None:
    c = make_couple(uow)
    with pytest.raises(InputError, match=message):
        preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, **kwargs)  # type: ignore[arg-type]
    assert preparation.workbook(uow, actor_id=c.sam, relationship_id=c.home).mine == ()


def test_a_boundary_without_a_consequence_is_stored_as_a_preference_with_a_prompt(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    saved = preparation.add_boundary(
        uow, actor_id=c.sam, relationship_id=c.home, statement="I hate being yelled at"
    )
    assert saved.check is not None and saved.check.kind.value == "preference"
    assert saved.item.data["kind"] == "preference"
    assert "add what you will do" in saved.item.data["prompt"]

    revised = preparation.revise_boundary(
        uow,
        actor_id=c.sam,
        boundary_id=saved.item.id,
        statement="I won't stay in conversations where I'm yelled at",
        consequence="When it starts I leave the room",
    )
    assert revised.item.data["kind"] == "boundary"
    assert revised.item.data["prompt"] == ""


def test_free_text_that_suggests_danger_is_flagged_for_its_author_only(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    saved = preparation.add_feeling(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        prompt="unsafe",
        text="When he drinks he threatens to hurt me",
    )
    assert saved.safety is not None
    assert any("emergency" in line for line in saved.safety.resources)
    # The item is kept, private for good; neither it nor the flag is ever shown to the other.
    with pytest.raises(NotFoundError):
        preparation.share(uow, actor_id=c.sam, item_id=saved.item.id)
    seen = preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me
    assert seen == ()


def test_unknown_workbook_prompts_are_refused(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    with pytest.raises(InputError, match="not a workbook prompt"):
        preparation.add_feeling(
            uow, actor_id=c.sam, relationship_id=c.home, prompt="loved", text="x"
        )


def test_deleting_a_boundary_deletes_its_ledger(uow: UnitOfWork) -> None:
    from accord.services import ledger

    c = make_couple(uow)
    boundary = preparation.add_boundary(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        statement="No phones at dinner",
        consequence="I will finish my meal in the other room",
    ).item
    ledger.record_crossing(uow, actor_id=c.sam, boundary_id=boundary.id, carried_out=True)
    preparation.remove(uow, actor_id=c.sam, item_id=boundary.id)
    assert ledger.ledger(uow, actor_id=c.sam, relationship_id=c.home) == ()
    with pytest.raises(Exception, match="no such"):
        preparation.remove(uow, actor_id=c.sam, item_id=boundary.id)
