"""Two partners acting at the same moment never lose each other's writes (real threads, every
backend: SQLite queues writers with BEGIN IMMEDIATE, PostgreSQL locks the relationship row)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from accord.services import preparation
from accord.services.ports import Repository, UnitOfWork
from tests.integration.couple import make_couple

WRITES = 15


class SlowUpdates:
    """The same unit of work, but every update waits a moment before it writes: two
    transactions that both read before either writes would then lose one update for sure."""

    def __init__(self, inner: UnitOfWork) -> None:
        self.inner = inner

    @contextmanager
    def begin(self, *, write: bool) -> Iterator[Repository]:
        with self.inner.begin(write=write) as repo:
            yield _Slow(repo)  # type: ignore[misc]

    def now(self) -> datetime:
        return self.inner.now()

    def new_id(self) -> str:
        return self.inner.new_id()


class _Slow:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    def update_item(self, item: Any) -> None:
        time.sleep(0.15)
        self.repo.update_item(item)

    def update_negotiation(self, negotiation: Any) -> None:
        time.sleep(0.15)
        self.repo.update_negotiation(negotiation)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.repo, name)


def run_together(*jobs: Callable[[], None]) -> None:
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def go(job: Callable[[], None]) -> None:
        barrier.wait()
        try:
            job()
        except BaseException as error:  # collected and re-raised in the test thread
            errors.append(error)

    threads = [threading.Thread(target=go, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_two_partners_writing_at_once_lose_nothing(uow: UnitOfWork) -> None:
    c = make_couple(uow)

    def writer(person: str) -> Callable[[], None]:
        def job() -> None:
            for n in range(WRITES):
                preparation.add_need(uow, actor_id=person, relationship_id=c.home, text=f"need {n}")

        return job

    run_together(writer(c.sam), writer(c.alex))
    for person in (c.sam, c.alex):
        mine = preparation.workbook(uow, actor_id=person, relationship_id=c.home).mine
        assert sorted(i.data["text"] for i in mine) == sorted(f"need {n}" for n in range(WRITES))


def test_sharing_and_revising_the_same_boundary_at_once_keeps_both_changes(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    slow = SlowUpdates(uow)
    for round_ in range(3):
        boundary = preparation.add_boundary(
            uow, actor_id=c.sam, relationship_id=c.home, statement=f"No shouting {round_}"
        ).item

        def revise(item_id: str = boundary.id, n: int = round_) -> None:
            preparation.revise_boundary(
                slow,
                actor_id=c.sam,
                boundary_id=item_id,
                statement=f"No shouting {n}",
                consequence=f"I will leave the room for {n + 20} minutes",
            )

        def share(item_id: str = boundary.id) -> None:
            preparation.share(slow, actor_id=c.sam, item_id=item_id)

        run_together(revise, share)
        seen = preparation.workbook(uow, actor_id=c.alex, relationship_id=c.home).shared_with_me
        assert [i.data["consequence"] for i in seen if i.id == boundary.id] == [
            f"I will leave the room for {round_ + 20} minutes"
        ]


def test_both_finishing_a_step_at_the_same_moment_moves_it_on_exactly_once(
    uow: UnitOfWork,
) -> None:
    from accord.domain.negotiation import Step
    from accord.services import negotiation as neg
    from tests.integration.journey import zone_topic

    c = make_couple(uow)
    topic = zone_topic(uow, c, "Dishes")
    view = neg.start(uow, actor_id=c.sam, relationship_id=c.home, topic_ids=[topic])
    for person in (c.sam, c.alex):
        neg.state_position(
            uow, actor_id=person, negotiation_id=view.id, topic_id=topic, text="My way"
        )
    slow = SlowUpdates(uow)

    def done(person: str) -> Callable[[], None]:
        return lambda: neg.finish_step(slow, actor_id=person, negotiation_id=view.id) and None

    run_together(done(c.sam), done(c.alex))
    after = neg.view(uow, actor_id=c.sam, negotiation_id=view.id)
    # Had one finish been lost, the step would wait for ever for a member who already finished.
    assert after.step is Step.NEEDS
    assert after.waiting_for == ("Sam", "Alex")


def test_two_partners_adding_options_at_once_keep_every_option(uow: UnitOfWork) -> None:
    from accord.services import negotiation as neg
    from tests.integration.journey import both_ready, through_empathy, to_empathy

    c = make_couple(uow)
    view, topic = to_empathy(uow, c)
    view = through_empathy(uow, c, view)
    both_ready(uow, c, view.id)

    def brainstorm(person: str) -> Callable[[], None]:
        def job() -> None:
            for n in range(5):
                neg.add_option(
                    uow,
                    actor_id=person,
                    negotiation_id=view.id,
                    topic_id=topic,
                    text=f"idea {n} from {person[-4:]}",
                )

        return job

    run_together(brainstorm(c.sam), brainstorm(c.alex))
    assert len(neg.view(uow, actor_id=c.alex, negotiation_id=view.id).options) == 10
