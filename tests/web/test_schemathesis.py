"""Property-based tests of the JSON API: schemathesis reads the app's OpenAPI document and
sends what it describes, valid and not, in process. Whatever it sends, the server must not
answer with a 5xx.

The caller is a real person with a bearer token and a relationship that has everything a
route can take an id of (from the privacy tests' world, built afresh for each operation so
that one operation's moves cannot starve another). Path ids are replaced with those real ids:
made-up ids all end in the same 404, which the privacy tests cover, while real ones let the
generated bodies reach the services. The run is derandomized and bounded, so it is the same
run every time.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from accord.services import auth, people
from accord.settings import Settings
from accord.storage import Database
from accord.web import create_app
from tests.web.test_api_privacy import World, build_world

# Operations that end the caller's own membership or account: each example gets a new caller,
# so that the first example does not leave the rest with nothing to act on.
SELF_ENDING = ("DELETE /api/v1/me", "POST /api/v1/relationships/{relationship_id}/leave")


# Loaded when the module is collected (schemathesis's lazy loader does not run on this pytest),
# so that each operation is a test of its own.
_FOLDER = tempfile.TemporaryDirectory(prefix="accord-schemathesis-")
_DATABASE = Database.connect(f"sqlite:///{_FOLDER.name}/web.db")
APP = create_app(Settings(quick_exit_url="https://example.org/weather"), database=_DATABASE)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP).include(path_regex="^/api/")


@pytest.fixture(scope="module")
def fuzz_app() -> Iterator[FastAPI]:
    yield APP
    _DATABASE.dispose()


@pytest.fixture
def world(fuzz_app: FastAPI) -> World:
    return build_world(fuzz_app.state.uow)


def _newcomer(fuzz_app: FastAPI) -> tuple[str, str]:
    """A fresh person with a relationship of their own: their token and its id."""
    uow = fuzz_app.state.uow
    person = people.create_person(uow, name="Kim")
    home = people.create_relationship(uow, actor_id=person.id, name="Kim's", kind="family")
    return auth.create_api_token(uow, actor_id=person.id, name="fuzz")[1], home.id


@schema.parametrize()
@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_makes_the_server_fail(
    case: schemathesis.Case[Any], fuzz_app: FastAPI, world: World
) -> None:
    label = case.operation.label
    token, ids = world.sam.bearer, dict(world.shared)
    if label in SELF_ENDING:
        token, ids["relationship_id"] = _newcomer(fuzz_app)
    if case.path_parameters:
        case.path_parameters = {
            name: ids.get(name, value) for name, value in case.path_parameters.items()
        }
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, checks=[not_a_server_error])
