"""Engines for SQLite and PostgreSQL, configured so that concurrent writers never lose an update.

- SQLite: foreign keys on, WAL journal (readers never block the writer), a busy timeout, and
  write transactions opened with ``BEGIN IMMEDIATE`` so that two writers queue instead of both
  reading and then failing to upgrade their lock.
- PostgreSQL (psycopg 3): READ COMMITTED; services serialise writes to one relationship by
  locking its row (``SELECT ... FOR UPDATE``).

Migrations are Alembic's; :meth:`Database.upgrade` brings any database to the newest schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from accord.errors import InputError

WRITE = "accord_write"  # execution option: this transaction will write
HEAD = "0004"  # the newest migration (a test checks it against the migration scripts)


def default_database_url() -> str:
    """SQLite in the user's data directory (created on first use)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("accord", appauthor=False))
    return f"sqlite:///{folder / 'accord.db'}"


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for what a person typed: ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise InputError(
            f"{url!r} is not a database URL.",
            field="database URL",
            fix="Use sqlite:///path/to/accord.db or postgresql://user@host/dbname.",
        ) from error
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(
            f"{parsed.get_backend_name()} databases are not supported.",
            field="database URL",
            fix="Use SQLite (the default) or PostgreSQL.",
        )
    return parsed.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Database:
    """One engine and its session factory; build it once at the composition root."""

    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def connect(cls, url: str | None = None, *, echo: bool = False) -> Database:
        full = normalise_url(url or default_database_url())
        parsed = make_url(full)
        kwargs: dict[str, Any] = {"echo": echo}
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            # No ping before each checkout: it costs a round trip per transaction. Connections
            # are recycled every half hour; one dropped by a server restart fails one request
            # and is then discarded by the pool.
            kwargs["pool_recycle"] = 1800
        engine = create_engine(full, **kwargs)
        if parsed.get_backend_name() == "sqlite":
            _configure_sqlite(engine)
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def upgrade(self, revision: str = "head") -> None:
        """Apply the Alembic migrations up to ``revision`` (the newest by default).

        A database already at the newest revision is recognised with one query, without
        loading Alembic: every CLI command calls this, and it should cost nothing."""
        if revision == "head" and self.revision() == HEAD:
            return
        from alembic import command

        with self.engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)

    def revision(self) -> str | None:
        """The migration the database is at, or None before the first one."""
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            return str(found) if found is not None else None

    def downgrade(self, revision: str) -> None:
        from alembic import command

        with self.engine.begin() as connection:
            command.downgrade(alembic_config(connection), revision)

    @contextmanager
    def session(self, *, write: bool) -> Iterator[Session]:
        """A session whose transaction is marked as writing (SQLite then begins IMMEDIATE)."""
        with self.sessions() as session:
            session.connection(execution_options={WRITE: write})
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("accord.storage").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    return config


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
