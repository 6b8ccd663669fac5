"""Every service test runs three times: in memory (fast), on SQLite and on PostgreSQL.

PostgreSQL is the one at ``ACCORD_TEST_POSTGRES_URL`` (default: the local server CI starts).
Each test session creates its own database there and drops it at the end; each test starts
from empty tables. If PostgreSQL cannot be reached the PostgreSQL tests fail, never skip, unless
``ACCORD_TEST_SKIP_POSTGRES=1`` says so on purpose.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from accord.services.ports import UnitOfWork
from accord.storage.database import Database, normalise_url
from accord.storage.tables import Base
from accord.storage.uow import SqlUnitOfWork
from tests.fakes import Clock, FakeUnitOfWork

POSTGRES_URL = os.environ.get(
    "ACCORD_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["memory", "sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (migrating once is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "accord.db"
    database = Database.connect(f"sqlite:///{path}")
    database.upgrade()
    database.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Database]:
    if os.environ.get("ACCORD_TEST_SKIP_POSTGRES") == "1":
        pytest.skip("ACCORD_TEST_SKIP_POSTGRES=1")
    admin_url = make_url(normalise_url(POSTGRES_URL))
    name = f"accord_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.connect(admin_url.set(database=name).render_as_string(False))
    database.upgrade()
    yield database
    database.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[Database | None]:
    if backend == "memory":
        yield None
    elif backend == "sqlite":
        path = tmp_path / "accord.db"
        shutil.copy(sqlite_template, path)
        database = Database.connect(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("postgres_database")
        with database.engine.begin() as connection:
            names = ", ".join(t.name for t in reversed(Base.metadata.sorted_tables))
            connection.execute(text(f"TRUNCATE {names} CASCADE"))
        yield database


@pytest.fixture
def uow(database: Database | None, clock: Clock) -> UnitOfWork:
    if database is None:
        return FakeUnitOfWork(clock)
    return SqlUnitOfWork(database, clock=clock)
