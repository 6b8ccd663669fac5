"""A counsellor walks a couple through a whole session at one computer, one real ``accord``
process per step, against a fresh SQLite file: from two people to a kept agreement."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from tests.command import accord

SAMS_PRIVATE_NEED = "Quiet evenings to come down after work"
ALEX_POSITION = "The TV on in the living room to unwind"
TEMPERAMENTS = {
    "Alex": "planning=5 pace=4 social_energy=4 conflict=3 order=2 novelty=4",
    "Sam": "planning=1 pace=2 social_energy=2 conflict=3 order=5 novelty=2",
}


class Session:
    """Runs ``accord`` against one database and keeps what each step printed, whitespace
    collapsed (Rich wraps long lines at the terminal width)."""

    def __init__(self, database: Path) -> None:
        self.url = f"sqlite:///{database}"

    def __call__(self, *args: str, status: int = 0) -> str:
        done = accord(*args, "--database-url", self.url)
        assert done.returncode == status, (args, done.stdout, done.stderr)
        return " ".join((done.stdout + done.stderr).split())

    def json(self, *args: str) -> dict[str, object]:
        done = accord(*args, "--json", "--database-url", self.url)
        assert done.returncode == 0, (args, done.stderr)
        data = json.loads(done.stdout)
        assert isinstance(data, dict)
        return data


def short_id(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in: {text}"
    return found[1]


def ecr_r_answers(*, anxious: bool) -> list[int]:
    """Answers that key to anxiety 6 / avoidance 2 (anxious) or 4 / 4 (all neutral)."""
    if not anxious:
        return [4] * 36
    reversed_items = {9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36}
    return [
        (2 if n in reversed_items else 6) if n <= 18 else (6 if n in reversed_items else 2)
        for n in range(1, 37)
    ]


def test_a_couple_goes_from_strangers_to_the_database_to_a_kept_agreement(tmp_path: Path) -> None:
    run = Session(tmp_path / "session.db")

    # People and their relationship.
    assert "Added Alex" in run("person", "add", "Alex")
    assert "Added Sam" in run("person", "add", "Sam")
    home = run(
        "relationship", "create", "Home", "--kind", "couple", "--as", "Alex", "--with", "Sam"
    )
    assert "Members: Alex" in home and "Sam" in home

    # Private preparation: Sam's need stays private, Alex shares one item.
    run("prepare", "need", "--as", "Sam", "quiet", "--text", SAMS_PRIVATE_NEED)
    boundary = run(
        "prepare",
        "boundary",
        "--as",
        "Alex",
        "I won't stay in conversations where I'm yelled at",
        "--consequence",
        "When it starts I leave the room",
    )
    assert "A boundary:" in boundary
    boundary_id = short_id(r"\(id ([0-9a-f]{8}), private\)", boundary)
    need = run("prepare", "need", "--as", "Alex", "unwind", "--text", "TV after a long day")
    assert "Shared:" in run(
        "prepare", "share", short_id(r"\(id ([0-9a-f]{8})", need), "--as", "Alex"
    )
    alex_sees = run("prepare", "show", "--as", "Alex")
    assert "TV after a long day" in alex_sees and "I won't stay in conversations" in alex_sees
    assert SAMS_PRIVATE_NEED not in alex_sees  # another member's private item stays unseen

    # Assessments.
    for name, anxious in (("Alex", False), ("Sam", True)):
        answers = tmp_path / f"{name}.json"
        answers.write_text(json.dumps(ecr_r_answers(anxious=anxious)))
        result = run.json("assess", "ecr-r", "--as", name, "--answers", str(answers))
        expected = (6.0, 2.0, "anxious") if anxious else (4.0, 4.0, "secure")
        assert (result["anxiety"], result["avoidance"], result["pattern"]) == expected
        assert isinstance(result["stored"], dict)
        assert "Temperament" in run(
            "assess", "temperament", "--as", name, *TEMPERAMENTS[name].split()
        )

    # A topic, placed in the negotiation zone by both.
    opened = run(
        "topic", "open", "--as", "Sam", "Evenings after work", "--description", "The TV is loud"
    )
    assert "Proposed layer:" in opened
    topic = short_id(r"Opened topic ([0-9a-f]{8})", opened)
    run("topic", "layer", topic, "zone", "--as", "Sam")
    assert "Settled in the negotiation zone" in run("topic", "layer", topic, "zone", "--as", "Alex")

    # The guided negotiation.
    started = run("negotiate", "start", "--as", "Sam", "Evenings after work")
    neg = short_id(r"Started negotiation ([0-9a-f]{8})", started)
    assert "Step: positions" in started

    def both(move: str, *args: str, **by_person: str) -> str:
        """The same move by each of them at the same moment (the services queue the two
        writers); whoever is last reports the next step, so both outputs are kept."""

        def one(person: str) -> str:
            own = by_person[person].split("|") if person in by_person else []
            return run("negotiate", move, neg, "--as", person, *args, *own)

        with ThreadPoolExecutor(max_workers=2) as pool:
            return " ".join(pool.map(one, ("Sam", "Alex")))

    both("position", Sam="A quiet house after 9", Alex=ALEX_POSITION)
    assert "Step: needs" in both("done")
    both("need", "--weight", "3", Sam="quiet", Alex="unwind")
    assert "Step: empathy" in both("done")
    both("check-in", "calm")
    to_sam = run(
        "negotiate", "restate", neg, "--as", "Alex", "--about", "Sam",
        "It sounds like you need quiet to come down after work",
    )  # fmt: skip
    to_alex = run(
        "negotiate", "restate", neg, "--as", "Sam", "--about", "Alex",
        "It sounds like you need a way to unwind after work",
    )  # fmt: skip
    restated = r"Restatement ([0-9a-f]{8}) for"
    assert "Step: empathy" in run("negotiate", "confirm", short_id(restated, to_sam), "--as", "Sam")
    assert "Step: options" in run(
        "negotiate", "confirm", short_id(restated, to_alex), "--as", "Alex"
    )
    both("check-in", "calm")
    run("negotiate", "option", neg, "--as", "Alex", "Headphones for the TV after 9")
    run("negotiate", "option", neg, "--as", "Sam", "TV off at 9")
    run("negotiate", "option", neg, "--as", "Sam", "TV in the spare room")
    assert "Step: ratings" in both("done")
    both(
        "rate",
        Sam="Headphones for the TV after 9=3|TV off at 9=quiet:4|tv in the spare room=4",
        Alex="Headphones for the TV after 9=unwind:4|TV off at 9=0|TV in the spare room=2",
    )
    packages = both("done")
    assert "Step: packages" in packages and "recommended" in packages

    shown = run.json("negotiate", "show", neg, "--as", "Sam")
    assert shown["step"] == "packages"
    offers = shown["packages"]
    assert isinstance(offers, list) and any("recommended" in o["labels"] for o in offers)
    assert ALEX_POSITION not in json.dumps(shown)  # Sam's view holds none of Alex's private items

    both("check-in", "calm")
    assert "Step: acceptance" in both("done")
    both("accept", "recommended")
    agreed = both("done")
    assert "Step: agreed" in agreed and "Agreed, a package everyone can live with" in agreed

    # The agreement, and how it is kept.
    soon, later = date.today() + timedelta(days=7), date.today() + timedelta(days=30)
    recorded = run(
        "agreement", "record", neg, "--as", "Sam",
        "--term", f"Alex: buys wireless headphones by {soon.isoformat()}",
        "--term", "Sam: says kindly when it is too loud",
        "--how", "Sam reads in quiet after 9",
        "--review", later.isoformat(),
    )  # fmt: skip
    agreement = short_id(r"Agreement ([0-9a-f]{8}) written down", recorded)
    assert f"Alex: buys wireless headphones by {soon.isoformat()}" in recorded
    assert "Checked in: kept" in run(
        "agreement", "check-in", agreement, "--as", "Alex", "kept", "--note", "Quiet all week"
    )
    listed = run.json("agreement", "list", "--as", "Sam")
    (only,) = listed["agreements"]  # type: ignore[misc]
    assert only["status"] == "active" and only["review_due"] is False
    assert [(c["by"], c["outcome"]) for c in only["check_ins"]] == [("Alex", "kept")]

    # The boundary ledger.
    crossed = run("ledger", "cross", boundary_id, "--as", "Alex", "--carried-out")
    assert "you carried out the consequence" in crossed
    ledger = run.json("ledger", "show", "--as", "Alex")
    (record,) = ledger["boundaries"]  # type: ignore[misc]
    assert (record["crossings"], record["enforced"], record["verdict"]) == (1, 1, "kept")

    # Sam takes their data home: everything of Sam's, nothing of Alex's.
    exported = tmp_path / "sam.json"
    assert "Wrote" in run("account", "export", "--as", "Sam", "-o", str(exported))
    data = json.loads(exported.read_text())
    assert data["person"]["name"] == "Sam"
    assert SAMS_PRIVATE_NEED in json.dumps(data)
    assert ALEX_POSITION not in json.dumps(data)
