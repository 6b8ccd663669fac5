"""Privacy between members, route by route: every route in the OpenAPI document that takes an
id is called (a) by the other member with the first member's private ids, (b) by a stranger
with the relationship's real ids and (c) with made-up ids. (b) and (c) must answer alike, in
status and body, so that a refusal reveals nothing, not even that something exists; and no
answer may contain what the first member kept private.

The routes come from ``app.openapi()``, so a new route is covered the day it is added; a new
kind of id fails here until this file knows a real one to try.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.services import agreements, auth, people, preparation, profiles, readiness, topics
from accord.services import negotiation as neg
from accord.services.ports import UnitOfWork
from accord.settings import Settings
from accord.storage import Database
from accord.web import create_app
from accord.web.context import SESSION_COOKIE

SECRETS = (
    "marzipan on sundays",
    "never near the tangerine shed",
    "the lighthouse keeper",
    "a plum coloured quiet",
    "He said he will hurt me if I go out",
)
NEED, FEELING, BOUNDARY, POSITION, HELD = SECRETS
MADE_UP = "0123456789abcdef0123456789abcdef"
METHODS = ("get", "post", "put", "patch", "delete")


def _operations() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        database = Database.connect(f"sqlite:///{folder}/schema.db")
        try:
            document = create_app(Settings(), database=database).openapi()
        finally:
            database.dispose()
    return [
        (method, path)
        for path, operations in document["paths"].items()
        if "{" in path
        for method in operations
        if method in METHODS
    ]


OPERATIONS = _operations()


@dataclass
class Caller:
    person_id: str
    bearer: str
    session: str
    csrf: str


@dataclass
class World:
    """Sam and Alex's relationship, Sam's private things in it, and Robin, a stranger."""

    sam: Caller
    alex: Caller
    robin: Caller
    shared: dict[str, str]  # path parameter -> a real id the relationship's members can see
    private: dict[str, str]  # path parameter -> an id of Sam's that only Sam may use


def caller(uow: UnitOfWork, name: str) -> Caller:
    person = people.create_person(uow, name=name)
    _, secret = auth.create_api_token(uow, actor_id=person.id, name="privacy test")
    with uow.begin(write=True) as repo:
        grant = auth.open_session(uow, repo, person.id)
    return Caller(person.id, secret, grant.token, grant.csrf)


def build_world(uow: UnitOfWork) -> World:
    """Everything a route might take an id of, walked to an agreement through the services."""
    sam, alex, robin = (caller(uow, n) for n in ("Sam", "Alex", "Robin"))
    s, a = sam.person_id, alex.person_id
    home = people.create_relationship(uow, actor_id=s, name="Sam & Alex", kind="couple").id
    invitation = auth.invite(uow, actor_id=s, relationship_id=home)
    auth.accept_invitation(uow, actor_id=a, token=invitation)
    people.create_relationship(uow, actor_id=robin.person_id, name="Robin's", kind="housemates")
    sams_token = auth.create_api_token(uow, actor_id=s, name="Sam's script")[0].id

    need = preparation.add_need(uow, actor_id=s, relationship_id=home, text=NEED).item.id
    preparation.add_feeling(uow, actor_id=s, relationship_id=home, prompt="safe", text=FEELING)
    boundary = preparation.add_boundary(
        uow,
        actor_id=s,
        relationship_id=home,
        statement=f"I won't go {BOUNDARY}",
        consequence="When asked to, I leave the room and come back in an hour",
    ).item.id
    profiles.take_questionnaire(uow, actor_id=s, relationship_id=home, answers=[6] * 36)
    held = topics.open_topic(uow, actor_id=s, relationship_id=home, title=HELD).topic.id

    topic = topics.open_topic(uow, actor_id=s, relationship_id=home, title="Evenings").topic.id
    for person in (s, a):
        topics.choose_layer(uow, actor_id=person, topic_id=topic, layer="zone")
    nid = neg.start(uow, actor_id=s, relationship_id=home, topic_ids=[topic]).id

    def both(move: Any, **kwargs: Any) -> neg.NegotiationView:
        for person in (s, a):
            view: neg.NegotiationView = move(uow, actor_id=person, negotiation_id=nid, **kwargs)
        return view

    def finish() -> neg.NegotiationView:
        return both(lambda *x, **k: neg.finish_step(*x, **k).view)

    neg.state_position(uow, actor_id=s, negotiation_id=nid, topic_id=topic, text=POSITION)
    neg.state_position(uow, actor_id=a, negotiation_id=nid, topic_id=topic, text="TV on")
    finish()
    for person, need_id in ((s, "quiet"), (a, "unwind")):
        neg.name_need(uow, actor_id=person, negotiation_id=nid, topic_id=topic, need=need_id)
    finish()
    both(readiness.check_in, feeling="calm")
    for by, about in ((s, a), (a, s)):
        neg.restate(
            uow, actor_id=by, negotiation_id=nid, about_id=about, text="You need some calm."
        )
    restatements = neg.view(uow, actor_id=s, negotiation_id=nid).restatements
    for r in restatements:
        neg.answer_restatement(uow, actor_id=r.about, restatement_id=r.id, thats_right=True)
    both(readiness.check_in, feeling="calm")
    for text in ("Headphones", "Other room"):
        view = neg.add_option(uow, actor_id=a, negotiation_id=nid, topic_id=topic, text=text).view
    finish()
    for person in (s, a):
        (interest,) = [
            i.id
            for i in neg.view(uow, actor_id=person, negotiation_id=nid).mine
            if i.kind.value == "interest"
        ]
        ratings = {o.id: {interest: 3} for o in view.options}
        neg.rate(uow, actor_id=person, negotiation_id=nid, ratings=ratings)
    offers = finish().offers
    both(readiness.check_in, feeling="calm")
    finish()
    both(neg.accept, offer_ids=[o.id for o in offers])
    finish()
    today = uow.now().date()
    agreement = agreements.record(
        uow,
        actor_id=s,
        negotiation_id=nid,
        terms=[(a, "Uses headphones", None)],
        how_we_know="Quiet evenings",
        review_on=today + timedelta(days=14),
    ).agreement.id

    shared = {
        "relationship_id": home,
        "negotiation_id": nid,
        "restatement_id": restatements[0].id,
        "agreement_id": agreement,
        "topic_id": topic,
        # Used already: it must look exactly like a link that never existed.
        "token": invitation,
        "item_id": need,
        "boundary_id": boundary,
        "token_id": sams_token,
    }
    private = {
        "item_id": need,
        "boundary_id": boundary,
        "topic_id": held,
        "token_id": sams_token,
        "token": invitation,
    }
    return World(sam, alex, robin, shared, private)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("privacy")
    database = Database.connect(f"sqlite:///{folder}/web.db")
    yield create_app(Settings(quick_exit_url="https://example.org/weather"), database=database)
    database.dispose()


@pytest.fixture(scope="module")
def world(app: FastAPI) -> World:
    """One world for the module: a stranger cannot change it, and the other member's moves
    do not touch Sam's private things (a member who left is brought back before each test)."""
    return build_world(app.state.uow)


@pytest.fixture
def members(app: FastAPI, world: World) -> World:
    uow = app.state.uow
    home = world.shared["relationship_id"]
    current = people.relationship(uow, actor_id=world.sam.person_id, relationship_id=home)
    if not any(m.person_id == world.alex.person_id and m.current for m in current.members):
        people.add_member(
            uow, actor_id=world.sam.person_id, relationship_id=home, person_id=world.alex.person_id
        )
    return world


def _schema(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    return schema


def _value(document: dict[str, Any], schema: dict[str, Any]) -> Any:
    schema = _schema(document, schema)
    if "examples" in schema:
        return schema["examples"][0]
    if "anyOf" in schema:
        return _value(document, schema["anyOf"][0])
    kind = schema.get("type")
    if kind == "object":
        return {
            name: _value(document, sub)
            for name, sub in schema.get("properties", {}).items()
            if name in schema.get("required", [])
        }
    return {"integer": 1, "number": 1.0, "boolean": True, "array": [], "null": None}.get(
        str(kind), "x"
    )


def request_body(document: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """A body the route accepts (its documented example, else the least that validates), so
    that the call reaches the service and its access check."""
    content = document["paths"][path][method].get("requestBody", {}).get("content", {})
    if "application/json" in content:
        return {"json": _value(document, content["application/json"]["schema"])}
    for form in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if form in content:
            body = _value(document, content[form]["schema"])
            return {"data": {k: v for k, v in body.items() if not isinstance(v, list | dict)}}
    return {}


def call(
    client: TestClient, method: str, path: str, ids: dict[str, str], who: Caller
) -> tuple[int, str]:
    """Call a route with ``ids`` in its path, as ``who``: a bearer token for the JSON API, the
    browser session (and its CSRF token) for pages. The ids are masked in the body."""
    document = client.app.openapi()  # type: ignore[attr-defined]
    url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
    kwargs = request_body(document, method, path)
    headers = {}
    client.cookies.clear()
    if path.startswith("/api/"):
        headers["Authorization"] = f"Bearer {who.bearer}"
    else:
        client.cookies.set(SESSION_COOKIE, who.session)
        headers["X-CSRF-Token"] = who.csrf
        if method != "get" and "json" not in kwargs:
            # Pages read their forms themselves, documented or not: every one carries the token.
            kwargs.setdefault("data", {})["csrf"] = who.csrf
    answer = client.request(method.upper(), url, headers=headers, follow_redirects=False, **kwargs)
    body = answer.text
    for value in sorted(set(ids.values()), key=len, reverse=True):
        body = body.replace(value, "<id>")
    assert answer.status_code < 500, (method, url, body)
    return answer.status_code, body


def _params(path: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", path)


def _leaks(body: str) -> list[str]:
    return [secret for secret in SECRETS if secret.lower() in body.lower()]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_a_stranger_learns_nothing_from_a_real_id_that_a_made_up_one_would_not_tell(
    app: FastAPI, world: World, method: str, path: str
) -> None:
    params = _params(path)
    missing = [p for p in params if p not in world.shared]
    assert not missing, f"teach this test a real id for {missing} ({method} {path})"
    with TestClient(app, base_url="http://testserver") as client:
        real = call(client, method, path, {p: world.shared[p] for p in params}, world.robin)
        made_up = call(client, method, path, dict.fromkeys(params, MADE_UP), world.robin)
    assert real == made_up
    assert _leaks(real[1]) == []


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_other_member_cannot_reach_what_the_first_kept_private(
    app: FastAPI, members: World, method: str, path: str
) -> None:
    world = members
    params = _params(path)
    ids = {p: world.private.get(p, world.shared.get(p, MADE_UP)) for p in params}
    with TestClient(app, base_url="http://testserver") as client:
        answer = call(client, method, path, ids, world.alex)
        assert _leaks(answer[1]) == []
        if any(p in world.private for p in params):
            made_up = {p: MADE_UP if p in world.private else v for p, v in ids.items()}
            assert answer == call(client, method, path, made_up, world.alex)
