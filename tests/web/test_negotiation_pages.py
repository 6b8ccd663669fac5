"""The guided negotiation through its pages: two people, two browsers, one database."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from accord.settings import Settings
from accord.storage import Database
from accord.web import create_app
from tests.web.conftest import sign_up

MADE_UP = "0" * 32


@dataclass
class Person:
    """One person in their own browser."""

    client: TestClient
    csrf: str
    seen: list[str] = field(default_factory=list)  # every page they were shown

    def get(self, path: str) -> str:
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        self.seen.append(page.text)
        return page.text

    def post(self, path: str, expect: int = 200, **data: str | list[str]) -> str:
        done = self.client.post(path, data={"csrf": self.csrf, **data})
        assert done.status_code == expect, done.text
        self.seen.append(done.text)
        return done.text

    def post_to(self, path: str, **data: str | list[str]) -> str:
        """Post, and return the path the redirect led to."""
        done = self.client.post(path, data={"csrf": self.csrf, **data})
        assert done.status_code == 200, done.text
        self.seen.append(done.text)
        return done.url.path


@dataclass
class Pair:
    a: Person
    b: Person
    relationship: str  # id


def open_browsers(database: Database, count: int = 4) -> Iterator[list[TestClient]]:
    """Several browsers (each with its own cookies) on one app and one database."""
    app = create_app(Settings(quick_exit_url="https://example.org/weather"), database=database)
    clients = [TestClient(app, base_url="http://testserver") for _ in range(count)]
    for c in clients:
        c.__enter__()
    yield clients
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def browsers(app_database: Database) -> Iterator[list[TestClient]]:
    yield from open_browsers(app_database)


def make_pair(first: TestClient, second: TestClient, names: tuple[str, str]) -> Pair:
    """Two people who signed up, one relationship, the second joined by invitation."""
    a = Person(first, sign_up(first, names[0], f"{names[0].lower()}@example.org"))
    made = first.post("/relationships", data={"name": "Home", "kind": "couple", "csrf": a.csrf})
    relationship = made.url.path.rsplit("/", 1)[1]
    invited = a.post(f"/relationships/{relationship}/invite")
    link = invited.split('id="invite-link" class="copy" readonly value="')[1].split('"')[0]
    b = Person(second, sign_up(second, names[1], f"{names[1].lower()}@example.org"))
    b.post("/" + link.split("/", 3)[3])
    return Pair(a, b, relationship)


def zone_topic(pair: Pair, title: str = "Evenings after work") -> str:
    path = pair.a.post_to(
        f"/relationships/{pair.relationship}/topics", title=title, description="After work"
    )
    topic = path.rsplit("/", 1)[1]
    for person in (pair.a, pair.b):
        person.post(f"/topics/{topic}/layer", layer="zone")
    return topic


def start(pair: Pair, topic: str) -> str:
    path = pair.a.post_to(f"/relationships/{pair.relationship}/negotiations", topic=[topic])
    return path.rsplit("/", 1)[1]


def check_in(pair: Pair, nid: str) -> None:
    for person in (pair.a, pair.b):
        person.post(f"/negotiations/{nid}/check-in", feeling="calm", heart_rate="")


def finish(pair: Pair, nid: str) -> str:
    pair.a.post(f"/negotiations/{nid}/finish")
    return pair.b.post(f"/negotiations/{nid}/finish")


SAM_POSITION = "A quiet house when I get home, no television"
ALEX_POSITION = "The television on loud to switch off"
SAM_NEED_WORDS = "silence to come down slowly"
ALEX_NEED_WORDS = "noise that drowns the day"


def to_empathy(pair: Pair) -> tuple[str, str]:
    topic = zone_topic(pair)
    nid = start(pair, topic)
    for person, text in ((pair.a, SAM_POSITION), (pair.b, ALEX_POSITION)):
        person.post(f"/negotiations/{nid}/positions", topic_id=topic, text=text)
    page = finish(pair, nid)
    assert "Step 2 of 8: Needs" in page
    for person, need, words in (
        (pair.a, "quiet", SAM_NEED_WORDS),
        (pair.b, "unwind", ALEX_NEED_WORDS),
    ):
        person.post(f"/negotiations/{nid}/needs", topic_id=topic, need=need, text=words, weight="3")
    page = finish(pair, nid)
    assert "Step 3 of 8: Empathy" in page
    return topic, nid


def restatement_ids(page: str) -> list[str]:
    return re.findall(r'action="/restatements/([^"/]+)/answer"', page)


def through_empathy(pair: Pair, nid: str) -> None:
    check_in(pair, nid)
    a_id, b_id = (
        re.findall(r'name="about_id" value="([^"]+)"', p.get(f"/negotiations/{nid}"))[0]
        for p in (pair.a, pair.b)
    )
    pair.a.post(
        f"/negotiations/{nid}/restatements",
        about_id=a_id,
        text="It sounds like you need a way to unwind after work.",
    )
    pair.b.post(
        f"/negotiations/{nid}/restatements",
        about_id=b_id,
        text="It sounds like you need quiet to come down after work.",
    )
    for person in (pair.a, pair.b):
        (rid,) = set(restatement_ids(person.get(f"/negotiations/{nid}")))
        person.post(f"/restatements/{rid}/answer", answer="right")


OPTIONS = ["TV with headphones", "Quiet house", "TV on loud", "TV in the other room"]
RATES = {
    "Sam": {"TV with headphones": 3, "Quiet house": 4, "TV on loud": 0, "TV in the other room": 3},
    "Alex": {"TV with headphones": 3, "Quiet house": 0, "TV on loud": 4, "TV in the other room": 3},
}
RATING_SELECT = re.compile(
    r'for="rate-[^"]+">How well &ldquo;(.+?)&rdquo; meets your need for .*?</label>\s*'
    r'<select id="rate-[^"]+" name="(rate:[^"]+)"'
)


def rate(person: Person, nid: str, table: dict[str, int]) -> list[str]:
    """Rate every option; return the need ids in the form (the person's own, private)."""
    page = person.get(f"/negotiations/{nid}")
    fields = {name: str(table[html.unescape(text)]) for text, name in RATING_SELECT.findall(page)}
    assert len(fields) == len(OPTIONS)
    person.post(f"/negotiations/{nid}/ratings", **fields)
    return sorted({name.split(":")[2] for name in fields})


def test_a_couple_walks_from_a_topic_to_an_agreement_through_the_pages(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    topic, nid = to_empathy(pair)

    refused = pair.a.post(
        f"/negotiations/{nid}/restatements", expect=409, about_id="x", text="You need rest."
    )
    assert "still to check in: Sam, Alex" in refused
    page = pair.a.get(f"/negotiations/{nid}")
    assert "Before this joint step: how are you right now?" in page
    assert "Joint step" in page
    through_empathy(pair, nid)

    page = pair.a.get(f"/negotiations/{nid}")
    assert "Step 4 of 8: Options" in page
    check_in(pair, nid)
    for n, text in enumerate(OPTIONS):
        (pair.a if n % 2 else pair.b).post(
            f"/negotiations/{nid}/options", topic_id=topic, text=text
        )
    page = pair.a.get(f"/negotiations/{nid}")
    assert "TV in the other room" in page and "added by Sam" in page and "added by Alex" in page
    assert "Step 5 of 8: Ratings" in finish(pair, nid)

    a_needs = rate(pair.a, nid, RATES["Sam"])
    b_needs = rate(pair.b, nid, RATES["Alex"])
    page = finish(pair, nid)
    assert "Step 6 of 8: Packages" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page
    assert 'class="recommended"' in page and "Recommended: the fair package" in page
    assert 'class="offer recommended' in page and "TV with headphones" in page
    check_in(pair, nid)
    page = finish(pair, nid)
    assert "Step 7 of 8: Acceptance" in page and "only the overlap" in page

    offers = re.findall(r'name="offer" value="([^"]+)"', page)
    recommended = re.search(
        r'value="([^"]+)">\s*<label for="accept-[^"]+">Package \d+ \(recommended\)', page
    )
    assert recommended is not None and offers
    pair.a.post(f"/negotiations/{nid}/accept", offer=[recommended.group(1)])
    page = pair.b.get(f"/negotiations/{nid}")
    assert " checked>" not in page  # the other's marks are never shown
    pair.b.post(f"/negotiations/{nid}/accept", offer=offers)
    page = finish(pair, nid)
    assert "Step 8 of 8: Agreed" in page
    assert f'href="/relationships/{pair.relationship}/agreements"' in page
    agreed = page.split("The agreed package")[1]
    assert "TV" in agreed

    # Nothing private of one ever reached the other's pages.
    for secret in (SAM_POSITION, SAM_NEED_WORDS, *a_needs):
        assert not any(secret in p for p in pair.b.seen), secret
    for secret in (ALEX_POSITION, ALEX_NEED_WORDS, *b_needs):
        assert not any(secret in p for p in pair.a.seen), secret


def test_the_version_changes_when_the_other_acts(browsers: list[TestClient]) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    topic = zone_topic(pair)
    nid = start(pair, topic)
    page = pair.a.get(f"/negotiations/{nid}")
    before = pair.a.client.get(f"/negotiations/{nid}/version").json()["version"]
    assert f'data-live="/negotiations/{nid}/version"' in page
    assert f'data-version="{before}"' in page
    assert pair.a.client.get(f"/negotiations/{nid}/version").json()["version"] == before
    pair.b.post(f"/negotiations/{nid}/positions", topic_id=topic, text=ALEX_POSITION)
    # A private move of the other's does not show, not even as a change of version.
    assert pair.a.client.get(f"/negotiations/{nid}/version").json()["version"] == before
    pair.b.post(f"/negotiations/{nid}/finish")
    after = pair.a.client.get(f"/negotiations/{nid}/version").json()["version"]
    assert after != before


def test_positions_are_private_steps_and_the_other_sees_only_whose_move_it_is(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    topic = zone_topic(pair)
    nid = start(pair, topic)
    pair.a.post(f"/negotiations/{nid}/positions", topic_id=topic, text=SAM_POSITION)
    mine = pair.a.post(f"/negotiations/{nid}/finish")
    assert "only you see what you enter here" in mine and "Step 1 of 8: Positions" in mine
    theirs = pair.b.get(f"/negotiations/{nid}")
    assert SAM_POSITION not in theirs
    assert "Whose move: Alex" in theirs


def test_a_flagged_restatement_takes_its_author_to_help_and_the_other_sees_nothing(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    _, nid = to_empathy(pair)
    check_in(pair, nid)
    about = re.findall(r'name="about_id" value="([^"]+)"', pair.a.get(f"/negotiations/{nid}"))[0]
    done = pair.a.client.post(
        f"/negotiations/{nid}/restatements",
        data={
            "csrf": pair.a.csrf,
            "about_id": about,
            "text": "You need to stop threatening to hurt me",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/help"
    theirs = pair.b.get(f"/negotiations/{nid}")
    assert "threatening" not in theirs and "on hold" not in theirs
    assert "on hold for you" in pair.a.get(f"/negotiations/{nid}")


def test_a_coach_note_is_shown_to_the_writer_right_away(browsers: list[TestClient]) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    _, nid = to_empathy(pair)
    check_in(pair, nid)
    about = re.findall(r'name="about_id" value="([^"]+)"', pair.a.get(f"/negotiations/{nid}"))[0]
    page = pair.a.post(
        f"/negotiations/{nid}/restatements",
        about_id=about,
        text="You always need everything your way, you never listen.",
    )
    assert "The coach noticed" in page and "Would you be willing" in page
    # The page after the move has the move's address: refreshing it leads back to the page.
    again = pair.a.client.get(f"/negotiations/{nid}/restatements", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith(f"/negotiations/{nid}")


def test_joint_steps_refuse_while_paused_and_a_flooded_check_in_suggests_a_pause(
    browsers: list[TestClient],
) -> None:
    pair = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    _, nid = to_empathy(pair)
    page = pair.a.post(f"/negotiations/{nid}/check-in", feeling="tense", heart_rate="118")
    assert "118 is over 100" in page and "Pause for 30 minutes" in page
    pair.b.post(f"/relationships/{pair.relationship}/pause", minutes="30")
    refused = pair.a.post(f"/negotiations/{nid}/check-in", expect=200, feeling="calm")
    assert "paused until" in refused  # the page says so
    blocked = pair.a.post(
        f"/negotiations/{nid}/restatements", expect=409, about_id="x", text="You need rest."
    )
    assert "paused until" in blocked
    assert "paused until" in pair.a.post(f"/negotiations/{nid}/back", expect=409)


def test_every_id_from_elsewhere_or_made_up_answers_the_same_404(
    browsers: list[TestClient],
) -> None:
    home = make_pair(browsers[0], browsers[1], ("Sam", "Alex"))
    away = make_pair(browsers[2], browsers[3], ("Robin", "Kim"))
    their_topic, their_nid = to_empathy(away)
    check_in(away, their_nid)
    about = re.findall(r'name="about_id" value="([^"]+)"', away.a.get(f"/negotiations/{their_nid}"))
    away.a.post(f"/negotiations/{their_nid}/restatements", about_id=about[0], text="You need rest.")
    (their_restatement,) = set(restatement_ids(away.b.get(f"/negotiations/{their_nid}")))

    def same_404(method: str, template: str, real: str, **data: str) -> None:
        answers = []
        for ident in (real, MADE_UP):
            path = template.format(ident)
            if method == "get":
                done = home.a.client.get(path)
            else:
                done = home.a.client.post(path, data={"csrf": home.a.csrf, **data})
            assert done.status_code == 404, (path, done.status_code)
            answers.append(done.text.replace(ident, "X"))
        assert answers[0] == answers[1], template

    same_404("get", "/topics/{}", their_topic)
    same_404("post", "/topics/{}/layer", their_topic, layer="zone")
    same_404("post", "/topics/{}/settle", their_topic, compatible="yes", note="ok")
    same_404("get", "/relationships/{}/topics", away.relationship)
    same_404("post", "/relationships/{}/topics", away.relationship, title="Money")
    same_404("get", "/negotiations/{}", their_nid)
    same_404("get", "/negotiations/{}/version", their_nid)
    for action, data in (
        ("positions", {"topic_id": their_topic, "text": "x"}),
        ("needs", {"topic_id": their_topic, "need": "rest"}),
        ("restatements", {"about_id": "x", "text": "x"}),
        ("options", {"topic_id": their_topic, "text": "x"}),
        ("ratings", {}),
        ("accept", {}),
        ("finish", {}),
        ("back", {}),
        ("check-in", {"feeling": "calm"}),
    ):
        same_404("post", "/negotiations/{}/" + action, their_nid, **data)
    same_404("post", "/restatements/{}/answer", their_restatement, answer="right")
    # And a topic from elsewhere cannot be smuggled into a negotiation here.
    topic_here = zone_topic(home)
    nid_here = start(home, topic_here)
    for topic in (their_topic, MADE_UP):
        done = home.a.client.post(
            f"/negotiations/{nid_here}/positions",
            data={"csrf": home.a.csrf, "topic_id": topic, "text": "x"},
        )
        assert done.status_code == 404
