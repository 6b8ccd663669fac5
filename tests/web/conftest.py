"""A real app on a fresh SQLite file per test, driven through HTTP (Starlette's TestClient)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.settings import Settings
from accord.storage import Database
from accord.web import create_app


@pytest.fixture
def app_database(tmp_path: Path) -> Iterator[Database]:
    database = Database.connect(f"sqlite:///{tmp_path}/web.db")
    yield database
    database.dispose()


@pytest.fixture
def client(app_database: Database) -> Iterator[TestClient]:
    settings = Settings(quick_exit_url="https://example.org/weather")
    app = create_app(settings, database=app_database)
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def csrf_of(html: str) -> str:
    marker = 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def sign_up(client: TestClient, name: str, email: str, password: str = "correct horse") -> str:
    """Sign up and return the CSRF token of the new session."""
    done = client.post(
        "/signup", data={"name": name, "email": email, "password": password, "next": "/"}
    )
    assert done.status_code == 200, done.text
    return csrf_of(done.text)
