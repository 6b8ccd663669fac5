"""Writes that belong together are committed together: a failure half-way leaves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import pytest

from accord.domain.items import ItemKind
from accord.services import accounts, preparation
from accord.services.ports import Repository, UnitOfWork
from tests.integration.couple import make_couple


class CrashError(Exception):
    pass


class FailsOnSecondItem:
    """The same unit of work, but the second item a transaction adds blows up."""

    def __init__(self, inner: UnitOfWork) -> None:
        self.inner = inner

    @contextmanager
    def begin(self, *, write: bool) -> Iterator[Repository]:
        with self.inner.begin(write=write) as repo:
            yield _Failing(repo)  # type: ignore[misc]

    def now(self) -> datetime:
        return self.inner.now()

    def new_id(self) -> str:
        return self.inner.new_id()


class _Failing:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.added = 0

    def add_item(self, item: Any) -> None:
        self.added += 1
        if self.added == 2:
            raise CrashError
        self.repo.add_item(item)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.repo, name)


def test_a_failure_after_the_safety_flag_leaves_neither_flag_nor_item(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    with pytest.raises(CrashError):
        preparation.add_feeling(
            FailsOnSecondItem(uow),
            actor_id=c.sam,
            relationship_id=c.home,
            prompt="unsafe",
            text="He threatens to hurt me when he drinks",
        )
    kinds = [i["kind"] for i in accounts.export_account(uow, actor_id=c.sam)["items"]]
    assert ItemKind.SAFETY_FLAG.value not in kinds
    assert kinds == []
