"""The SQL unit of work: one transaction per :meth:`SqlUnitOfWork.begin`."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from accord.storage.database import Database
from accord.storage.repository import SqlRepository


def utc_now() -> datetime:
    return datetime.now(UTC)


class SqlUnitOfWork:
    """Commits what a service wrote when its block ends cleanly; rolls back on any exception."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.database = database
        self.clock = clock

    @contextmanager
    def begin(self, *, write: bool) -> Iterator[SqlRepository]:
        with self.database.session(write=write) as session:
            try:
                yield SqlRepository(session)
            except BaseException:
                session.rollback()
                raise
            if write:
                session.commit()
            else:
                session.rollback()

    def now(self) -> datetime:
        return self.clock()

    def new_id(self) -> str:
        return uuid.uuid4().hex
