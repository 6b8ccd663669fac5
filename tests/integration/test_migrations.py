"""The Alembic migrations build exactly the schema the code expects, on both databases, and
can be undone."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from accord.storage.database import Database
from accord.storage.tables import Base


def test_the_migrated_schema_matches_the_tables_in_the_code(database: Database | None) -> None:
    if database is None:
        return  # the in-memory backend has no schema
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_go_down_to_nothing_and_back_up(tmp_path: object) -> None:
    database = Database.connect(f"sqlite:///{tmp_path}/roundtrip.db")
    database.upgrade()
    tables = set(inspect(database.engine).get_table_names())
    assert {"persons", "relationships", "items", "topics", "negotiations", "agreements"} <= tables
    database.downgrade("base")
    assert set(inspect(database.engine).get_table_names()) == {"alembic_version"}
    database.upgrade()
    assert set(inspect(database.engine).get_table_names()) == tables
    database.dispose()


def test_a_postgresql_url_is_read_as_psycopg_three() -> None:
    from accord.storage.database import normalise_url

    assert normalise_url("postgresql://me@db/accord").startswith("postgresql+psycopg://")
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_unsupported_or_malformed_urls_are_refused_with_the_fix() -> None:
    import pytest

    from accord.errors import InputError
    from accord.storage.database import normalise_url

    with pytest.raises(InputError, match="not supported"):
        normalise_url("mysql://root@localhost/test")
    with pytest.raises(InputError, match="not a database URL"):
        normalise_url("not a url")


def test_the_head_revision_the_code_knows_is_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from accord.storage.database import HEAD, alembic_config

    config = alembic_config(None)  # type: ignore[arg-type]
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_an_up_to_date_database_is_recognised_and_left_alone(tmp_path: object) -> None:
    from accord.storage.database import HEAD

    database = Database.connect(f"sqlite:///{tmp_path}/current.db")
    assert database.revision() is None
    database.upgrade()
    assert database.revision() == HEAD
    database.upgrade()  # a no-op
    assert database.revision() == HEAD
    database.dispose()
