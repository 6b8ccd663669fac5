"""Topics through their pages: open, triage into a layer, settle or negotiate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from accord.storage import Database
from tests.web.test_negotiation_pages import Pair, make_pair, open_browsers, start, zone_topic


@pytest.fixture
def browsers(app_database: Database) -> Iterator[list[TestClient]]:
    yield from open_browsers(app_database, count=2)


def test_a_topic_is_opened_triaged_by_both_and_then_offered_for_negotiation(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    path = pair.a.post_to(
        f"/relationships/{pair.relationship}/topics",
        title="Who cooks on weekdays",
        description="Cooking and the weekly shopping",
    )
    assert path.startswith("/topics/")
    page = pair.a.get(path)
    assert "Who cooks on weekdays" in page and "Accord proposed:" in page
    assert "Nobody has confirmed it yet" in page and 'name="layer" value="zone"' in page
    pair.a.post(path + "/layer", layer="zone")
    page = pair.b.get(path)
    assert "Confirmed by Sam" in page and "waiting for both of you" in page
    page = pair.b.post(path + "/layer", layer="zone")
    assert "ready for a negotiation" in page and "Everyone has confirmed the layer" in page

    listing = pair.a.get(f"/relationships/{pair.relationship}/topics")
    assert "Negotiation zone" in listing and "Why this layer" in listing
    topic = path.rsplit("/", 1)[1]
    assert f'name="topic" value="{topic}"' in listing
    assert "data-coach" in listing  # the new-topic text boxes are coached

    nid = start(pair, topic)
    listing = pair.b.get(f"/relationships/{pair.relationship}/topics")
    assert f'href="/negotiations/{nid}"' in listing and "Step: positions" in listing
    assert f'href="/negotiations/{nid}"' in pair.b.get(path)


def test_changing_the_layer_asks_the_other_to_confirm_again(browsers: list[TestClient]) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    path = pair.a.post_to(f"/relationships/{pair.relationship}/topics", title="Weekend plans")
    pair.a.post(path + "/layer", layer="zone")
    page = pair.b.post(path + "/layer", layer="temperament")
    assert "Confirmed by Alex" in page and "Sam" not in page.split("Confirmed by")[1][:40]
    page = pair.a.post(path + "/layer", layer="temperament")
    assert "to understand, not to negotiate" in page
    assert "What is it like being you when this happens?" in page
    refused = pair.a.post(path + "/layer", expect=409, layer="zone")
    assert "settled" in refused


def test_a_foundation_topic_becomes_a_boundary_conversation_that_can_be_settled(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    path = pair.a.post_to(f"/relationships/{pair.relationship}/topics", title="Phone passwords")
    for person in (pair.a, pair.b):
        person.post(path + "/layer", layer="foundation")
    page = pair.b.get(path)
    assert "a boundary conversation" in page and "Can both boundaries be honoured" in page
    page = pair.b.post(
        path + "/settle", compatible="no", note="Privacy for one, full openness for the other."
    )
    assert "These needs exclude each other on this topic." in page
    assert "Privacy for one, full openness for the other." in pair.a.get(path)


def test_a_flagged_topic_takes_its_author_to_help_and_stays_hidden_from_the_other(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    done = pair.a.client.post(
        f"/relationships/{pair.relationship}/topics",
        data={"csrf": pair.a.csrf, "title": "He said he will hurt me if I go out"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/help"
    mine = pair.a.get(f"/relationships/{pair.relationship}/topics")
    assert "hurt me" in mine and "held: only you can see it" in mine
    theirs = pair.b.get(f"/relationships/{pair.relationship}/topics")
    assert "hurt me" not in theirs and "held" not in theirs and "No topics yet" in theirs


def test_only_zone_topics_can_be_negotiated(browsers: list[TestClient]) -> None:
    pair: Pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    path = pair.a.post_to(f"/relationships/{pair.relationship}/topics", title="Holidays")
    topic = path.rsplit("/", 1)[1]
    refused = pair.a.post(
        f"/relationships/{pair.relationship}/negotiations", expect=409, topic=[topic]
    )
    assert "not ready for a negotiation" in refused
    nothing = pair.a.post(f"/relationships/{pair.relationship}/negotiations", expect=400)
    assert "Choose at least one topic" in nothing
    assert zone_topic(pair, "Chores")
