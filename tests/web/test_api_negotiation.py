"""The JSON API for talking it through: topics, the guided negotiation, pauses and agreements,
walked by a couple with bearer tokens from a topic to a kept agreement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.web.test_api_people import API, a_couple

# How well each option meets each person's need (quiet for Sam, unwinding for Alex), 0-4.
SAM = {"TV with headphones": 3, "Quiet house": 4, "TV on loud": 0, "TV in the other room": 3}
ALEX = {"TV with headphones": 3, "Quiet house": 0, "TV on loud": 4, "TV in the other room": 3}


def ok(answer: Any, status: int = 200) -> Any:
    assert answer.status_code == status, answer.text
    return answer.json()


def zone_topic(client: TestClient, sam: dict[str, str], alex: dict[str, str], home: str) -> str:
    opened = ok(
        client.post(
            f"{API}/relationships/{home}/topics",
            json={"title": "Evenings after work", "description": "The TV is loud at night"},
            headers=sam,
        ),
        201,
    )
    assert opened["held"] is False and opened["topic"]["reasons"]
    topic_id: str = opened["topic"]["id"]
    for headers in (sam, alex):
        topic = ok(
            client.post(f"{API}/topics/{topic_id}/layer", json={"layer": "zone"}, headers=headers)
        )
    assert topic["status"] == "zone"
    return topic_id


def test_a_couple_walks_from_a_topic_to_a_kept_agreement(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    topic = zone_topic(client, sam, alex, home)
    started = ok(
        client.post(
            f"{API}/relationships/{home}/negotiations", json={"topic_ids": [topic]}, headers=sam
        ),
        201,
    )
    nid = started["id"]
    assert started["step"] == "positions"
    ids = {name: pid for pid, name in started["names"].items()}

    def move(headers: dict[str, str], what: str, body: Any = None) -> Any:
        return ok(client.post(f"{API}/negotiations/{nid}/{what}", json=body, headers=headers))

    def both(what: str, body: Any = None) -> Any:
        move(sam, what, body)
        return move(alex, what, body)

    move(sam, "positions", {"topic_id": topic, "text": "A quiet house"})
    move(alex, "positions", {"topic_id": topic, "text": "The TV on loud"})
    # Positions are private: Alex's view holds nothing of Sam's.
    alexs = ok(client.get(f"{API}/negotiations/{nid}", headers=alex))
    assert "A quiet house" not in str(alexs)
    assert [i["data"]["text"] for i in alexs["mine"]] == ["The TV on loud"]
    assert both("finish")["negotiation"]["step"] == "needs"

    move(sam, "needs", {"topic_id": topic, "need": "quiet", "weight": 3})
    move(alex, "needs", {"topic_id": topic, "need": "unwind", "weight": 3})
    assert both("finish")["negotiation"]["step"] == "empathy"

    refused = client.post(
        f"{API}/negotiations/{nid}/restatements",
        json={"about_id": ids["Alex"], "text": "It sounds like you need to unwind."},
        headers=sam,
    )
    assert refused.status_code == 409 and "check in" in refused.json()["detail"]
    checked = both("check-ins", {"feeling": "calm", "heart_rate": 70})
    assert checked["suggest_pause"] is False
    move(
        sam, "restatements", {"about_id": ids["Alex"], "text": "It sounds like you need to unwind."}
    )
    view = move(
        alex, "restatements", {"about_id": ids["Sam"], "text": "It sounds like you need quiet."}
    )
    for restatement in view["negotiation"]["restatements"]:
        headers = sam if restatement["about"] == ids["Sam"] else alex
        answered = ok(
            client.post(
                f"{API}/restatements/{restatement['id']}/answer",
                json={"thats_right": True},
                headers=headers,
            )
        )
    assert answered["negotiation"]["step"] == "options"

    both("check-ins", {"feeling": "calm"})
    for text in SAM:
        view = move(alex, "options", {"topic_id": topic, "text": text})
    assert both("finish")["negotiation"]["step"] == "ratings"

    options = {o["text"]: o["id"] for o in view["negotiation"]["options"]}
    for headers, table in ((sam, SAM), (alex, ALEX)):
        mine = ok(client.get(f"{API}/negotiations/{nid}", headers=headers))["mine"]
        (need,) = [i["id"] for i in mine if i["kind"] == "interest"]
        ratings = {options[text]: {need: value} for text, value in table.items()}
        move(headers, "ratings", {"ratings": ratings})
    packages = both("finish")["negotiation"]
    assert packages["step"] == "packages"
    recommended = next(o for o in packages["offers"] if "recommended" in o["labels"])
    assert set(recommended["satisfaction"]) == {ids["Sam"], ids["Alex"]}

    both("check-ins", {"feeling": "calm"})
    assert both("finish")["negotiation"]["step"] == "acceptance"
    both("acceptances", {"offer_ids": [recommended["id"]]})
    agreed = both("finish")["negotiation"]
    assert agreed["step"] == "agreed" and agreed["agreed"] == recommended["package"]

    today = datetime.now(UTC).date()
    recorded = ok(
        client.post(
            f"{API}/negotiations/{nid}/agreement",
            json={
                "terms": [
                    {
                        "person_id": ids["Alex"],
                        "what": "Uses headphones after 9 pm",
                        "by": str(today + timedelta(days=2)),
                    }
                ],
                "how_we_know": "Sam reads in peace; Alex watches his shows",
                "review_on": str(today + timedelta(days=14)),
            },
            headers=sam,
        ),
        201,
    )
    assert recorded["terms"][0]["who"] == "Alex"
    assert recorded["status"] == "active" and recorded["better_for_all"] is None
    kept = ok(
        client.post(
            f"{API}/agreements/{recorded['id']}/check-ins",
            json={"outcome": "kept", "note": "Easy"},
            headers=alex,
        )
    )
    assert [(c["by"], c["outcome"]) for c in kept["check_ins"]] == [("Alex", "kept")]
    (listed,) = ok(client.get(f"{API}/relationships/{home}/agreements", headers=sam))
    assert listed["id"] == recorded["id"] and listed["review_due"] is False

    again = ok(client.post(f"{API}/agreements/{recorded['id']}/renegotiate", headers=alex))
    assert again["status"] == "renegotiating"
    assert ok(client.get(f"{API}/negotiations/{nid}", headers=sam))["step"] == "options"
    (listed_negotiation,) = ok(client.get(f"{API}/relationships/{home}/negotiations", headers=sam))
    assert listed_negotiation["id"] == nid
    assert ok(client.post(f"{API}/negotiations/{nid}/back", headers=sam))["negotiation"][
        "step"
    ] == ("empathy")


def test_a_pause_freezes_the_negotiation_until_it_resumes(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    topic = zone_topic(client, sam, alex, home)
    nid = ok(
        client.post(
            f"{API}/relationships/{home}/negotiations", json={"topic_ids": [topic]}, headers=sam
        ),
        201,
    )["id"]
    assert ok(client.get(f"{API}/relationships/{home}/pause", headers=alex))["paused"] is False
    paused = ok(
        client.post(f"{API}/relationships/{home}/pauses", json={"minutes": 30}, headers=alex), 201
    )
    assert paused["paused"] is True and paused["resumes_at"]
    assert ok(client.get(f"{API}/relationships/{home}/pause", headers=sam))["paused"] is True
    frozen = client.post(
        f"{API}/negotiations/{nid}/positions",
        json={"topic_id": topic, "text": "Quiet"},
        headers=sam,
    )
    assert frozen.status_code == 409 and "paused" in frozen.json()["detail"]
    too_short = client.post(f"{API}/relationships/{home}/pauses", json={"minutes": 5}, headers=sam)
    assert too_short.status_code == 400 and "20 minutes" in too_short.json()["detail"]


def test_a_topic_the_safety_screen_flags_is_held_for_its_author_alone(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    opened = ok(
        client.post(
            f"{API}/relationships/{home}/topics",
            json={"title": "He said he will hurt me if I go out"},
            headers=sam,
        ),
        201,
    )
    assert opened["held"] is True and opened["resources"]
    assert opened["topic"]["status"] == "held"
    assert [t["id"] for t in ok(client.get(f"{API}/relationships/{home}/topics", headers=sam))] == [
        opened["topic"]["id"]
    ]
    assert ok(client.get(f"{API}/relationships/{home}/topics", headers=alex)) == []
    hidden = client.post(
        f"{API}/topics/{opened['topic']['id']}/layer", json={"layer": "zone"}, headers=alex
    )
    assert hidden.status_code == 404


def test_a_foundation_topic_is_settled_as_a_boundary_conversation(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    topic_id = ok(
        client.post(
            f"{API}/relationships/{home}/topics", json={"title": "Honesty about money"}, headers=sam
        ),
        201,
    )["topic"]["id"]
    for headers in (sam, alex):
        topic = ok(
            client.post(
                f"{API}/topics/{topic_id}/layer", json={"layer": "foundation"}, headers=headers
            )
        )
    assert topic["status"] == "boundary_conversation" and topic["prompts"]
    settled = ok(
        client.post(
            f"{API}/topics/{topic_id}/settle",
            json={"compatible": False, "note": "We cannot both have this"},
            headers=alex,
        )
    )
    assert (
        settled["status"] == "incompatible" and settled["settlement"] == "We cannot both have this"
    )
