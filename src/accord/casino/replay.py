"""Replay the CaSiNo campsite negotiations through the solver and set Accord beside the humans.

CaSiNo (Chawla et al., NAACL 2021, CC BY 4.0): two campers split 3 packages each of food, water
and firewood. Each camper privately ranks the three (High, Medium, Low) and scores 5, 4 or 3
points per package received: at most 36 points. Walking away gives each camper 5 points.

Each dialogue becomes a two-party Scenario whose utilities are the points, exactly:

    option c of a topic  = the number of packages agent_1 receives (0..3)
    weight w_pt          = camper p's points per package of topic t (5, 4, 3; they sum to 12)
    v_1t(c) = c/3 * 100,   v_2t(c) = (3 - c)/3 * 100
    u_p = sum_t (w_pt/12) * v_pt = 100/36 * sum_t w_pt * packages_pt = points_p * 100/36

so points = u * 36/100, and the walk-away of 5 points is the reservation 5/36 * 100 = 125/9.

Only reading files is I/O (``_read_json``); the rest is pure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from accord.domain.scenario import Preferences, Scenario, Topic
from accord.errors import ScenarioError, SolverError
from accord.solver.result import Solution, number
from accord.solver.solve import improvements, solve

CREDIT = (
    'Data: CaSiNo (Chawla et al., "CaSiNo: A Corpus of Campsite Negotiation Dialogues for '
    'Automatic Negotiation Systems", NAACL 2021), CC BY 4.0.'
)

PACKAGES = 3
MAX_POINTS = 36
WALK_AWAY_POINTS = 5
PRIORITY_POINTS: Mapping[str, int] = {"High": 5, "Medium": 4, "Low": 3}
TOPICS = ("food", "water", "firewood")
PARTIES = ("agent_1", "agent_2")
# Options name how many packages agent_1 receives; agent_2 receives the rest.
OPTIONS = tuple(str(c) for c in range(PACKAGES + 1))
RESERVATION = Fraction(WALK_AWAY_POINTS * 100, MAX_POINTS)

_DATA_TOPICS: Mapping[str, str] = {"Food": "food", "Water": "water", "Firewood": "firewood"}
_DATA_PARTIES: Mapping[str, str] = {"mturk_agent_1": "agent_1", "mturk_agent_2": "agent_2"}
_ENDS_OFFER = ("Reject-Deal", "Walk-Away")

Points = tuple[Fraction, Fraction]  # (agent_1, agent_2)


def points(utility: Fraction) -> Fraction:
    """CaSiNo points for a utility on Accord's 0..100 scale: ``u * 36 / 100``."""
    return utility * MAX_POINTS / 100


# --- reading -------------------------------------------------------------------------------


def load_dialogues(path: str | Path) -> list[dict[str, Any]]:
    """The dialogues in a CaSiNo JSON file, or in every ``*.json`` list file of a directory.

    In a directory, JSON files whose top level is not a list are not dialogue files and are
    passed over; a directory with no dialogue file at all is an error, as it is almost surely
    the wrong directory.
    """
    path = Path(path)
    if not path.is_dir():
        data = _read_json(path)
        if not isinstance(data, list):
            raise ScenarioError(
                "a CaSiNo file holds a JSON list of dialogues.",
                source=str(path),
                fix="Point to casino_train.json, casino_valid.json or a directory of such files.",
            )
        return _dialogues(data, source=str(path))
    dialogues: list[dict[str, Any]] = []
    found = False
    for file in sorted(path.glob("*.json")):
        data = _read_json(file)
        if isinstance(data, list):
            found = True
            dialogues.extend(_dialogues(data, source=str(file)))
    if not found:
        raise ScenarioError(
            "no CaSiNo dialogue file (a *.json file holding a list) in this directory.",
            source=str(path),
            fix="Point to the directory holding casino_train.json, or to the file itself.",
        )
    return dialogues


def _read_json(path: Path) -> Any:
    """The parsed content of one JSON file, with read and syntax errors made ScenarioErrors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ScenarioError(
            "no such file or directory.", source=str(path), fix="Check the path."
        ) from exc
    except UnicodeDecodeError as exc:
        raise ScenarioError("the file is not UTF-8 text.", source=str(path)) from exc
    except OSError as exc:
        raise ScenarioError(f"cannot read the file ({exc.strerror}).", source=str(path)) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(
            f"not valid JSON ({exc.msg}).", source=str(path), line=exc.lineno
        ) from exc


def _dialogues(data: list[Any], *, source: str) -> list[dict[str, Any]]:
    """Check the outline every dialogue needs, so later errors can name a dialogue."""
    for i, item in enumerate(data):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("chat_logs"), list)
            and isinstance(item.get("participant_info"), dict)
        ):
            raise ScenarioError(
                "not a CaSiNo dialogue: it needs 'chat_logs' (a list) and 'participant_info'.",
                source=source,
                location=f"[{i}]",
            )
    return data


# --- one dialogue as a scenario --------------------------------------------------------------


def _source(dialogue: Mapping[str, Any]) -> str:
    return f"CaSiNo dialogue {dialogue.get('dialogue_id', '?')}"


def dialogue_scenario(dialogue: Mapping[str, Any]) -> Scenario:
    """The dialogue as a two-party Scenario whose utilities are points * 100/36 (module doc)."""
    source = _source(dialogue)
    info = dialogue["participant_info"]
    preferences = []
    for data_id, party in _DATA_PARTIES.items():
        camper = info.get(data_id) if isinstance(info, Mapping) else None
        issues = camper.get("value2issue") if isinstance(camper, Mapping) else None
        where = f"participant_info.{data_id}.value2issue"
        if not isinstance(issues, Mapping) or sorted(issues) != sorted(PRIORITY_POINTS):
            raise ScenarioError(
                "it needs a High, Medium and Low issue.", source=source, location=where
            )
        by_topic = {_DATA_TOPICS.get(str(t)): p for p, t in issues.items()}
        if sorted(t for t in by_topic if t) != sorted(TOPICS):
            raise ScenarioError(
                "the priorities must rank Food, Water and Firewood, each once.",
                source=source,
                location=where,
            )
        reasons = camper.get("value2reason") if isinstance(camper, Mapping) else None
        said = reasons if isinstance(reasons, Mapping) else {}
        preferences.append(
            Preferences(
                party=party,
                weights=tuple(Fraction(PRIORITY_POINTS[by_topic[t]]) for t in TOPICS),
                values=tuple(_values(party) for _ in TOPICS),
                reservation=RESERVATION,
                reasons=tuple((t, str(said[by_topic[t]])) for t in TOPICS if said.get(by_topic[t])),
            )
        )
    return Scenario(
        parties=PARTIES,
        topics=tuple(
            Topic(t, OPTIONS, description=f"packages of {t} agent_1 receives, of {PACKAGES}")
            for t in TOPICS
        ),
        preferences=tuple(preferences),
        title=source,
        source=source,
    )


def _values(party: str) -> tuple[Fraction | None, ...]:
    mine = [Fraction(c * 100, PACKAGES) for c in range(PACKAGES + 1)]
    return tuple(mine if party == PARTIES[0] else reversed(mine))


def human_deal(dialogue: Mapping[str, Any]) -> dict[str, str] | None:
    """The accepted deal as ``{topic: packages agent_1 receives}``, or None without one.

    A deal is the last ``Submit-Deal`` before an ``Accept-Deal``; a ``Reject-Deal`` or
    ``Walk-Away`` withdraws it. ``issue2youget`` belongs to the submitter (the entry's ``id``),
    so when agent_2 submits, agent_1's packages are ``issue2theyget``.
    """
    source = _source(dialogue)
    offer: tuple[int, Mapping[str, Any]] | None = None
    for i, entry in enumerate(dialogue["chat_logs"]):
        text = entry.get("text") if isinstance(entry, Mapping) else None
        if text == "Submit-Deal":
            offer = (i, entry)
        elif text in _ENDS_OFFER:
            offer = None
        elif text == "Accept-Deal":
            if offer is None:
                raise ScenarioError(
                    "an Accept-Deal with no deal on the table.",
                    source=source,
                    location=f"chat_logs[{i}]",
                )
            return _agent_1_packages(*offer, source=source)
    return None


def _agent_1_packages(index: int, entry: Mapping[str, Any], *, source: str) -> dict[str, str]:
    where = f"chat_logs[{index}]"
    submitter = _DATA_PARTIES.get(str(entry.get("id")))
    task = entry.get("task_data")
    if submitter is None or not isinstance(task, Mapping):
        raise ScenarioError(
            "a Submit-Deal needs the submitter's id (mturk_agent_1 or 2) and task_data.",
            source=source,
            location=where,
        )
    you, they = (_counts(task, key, source, where) for key in ("issue2youget", "issue2theyget"))
    if any(you[t] + they[t] != PACKAGES for t in TOPICS):
        raise ScenarioError(
            f"the two shares of each issue must add up to {PACKAGES} packages.",
            source=source,
            location=f"{where}.task_data",
        )
    first = you if submitter == PARTIES[0] else they
    return {t: OPTIONS[first[t]] for t in TOPICS}


def _counts(task: Mapping[str, Any], key: str, source: str, where: str) -> dict[str, int]:
    share = task.get(key)
    out: dict[str, int] = {}
    if isinstance(share, Mapping):
        for data_topic, topic in _DATA_TOPICS.items():
            raw = str(share.get(data_topic, "")).strip()
            if raw.isdigit() and int(raw) <= PACKAGES:
                out[topic] = int(raw)
    if len(out) != len(TOPICS):
        raise ScenarioError(
            f"it needs 0 to {PACKAGES} packages of each of Food, Water and Firewood.",
            source=source,
            location=f"{where}.task_data.{key}",
        )
    return out


# --- replay --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DialogueReplay:
    """One accepted deal beside Accord: points per camper (agent_1, agent_2) for each package.

    ``improvable`` means another feasible split is at least as good for both and better for
    one (the deal is not Pareto-optimal); ``strictly_improvable`` that one is better for both.
    """

    dialogue_id: str
    human: Points
    recommended: Points
    compromise: Points
    nash: Points
    improvable: bool
    strictly_improvable: bool


@dataclass(frozen=True, slots=True)
class Benchmark:
    """Points of one kind of package over the accepted deals, and how it compares with the
    human deal in the same dialogue (for the human deals themselves: all of them, and none)."""

    mean_points: Fraction  # per camper
    mean_joint: Fraction
    mean_lower: Fraction  # the worse-off camper's points
    both_at_least: int  # dialogues where both campers get at least the human deal's points
    both_more: int  # dialogues where both get strictly more

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean_points": number(self.mean_points),
            "mean_joint_points": number(self.mean_joint),
            "mean_lower_points": number(self.mean_lower),
            "both_at_least_human": self.both_at_least,
            "both_more_than_human": self.both_more,
        }


@dataclass(frozen=True, slots=True)
class CasinoReport:
    """What replaying CaSiNo shows: how efficient the human deals were, and how Accord's
    recommendation, its meeting-in-the-middle compromise and the plain Nash point score
    against them. The Nash point is there because the recommendation must beat the compromise
    for both campers, and with 3 packages per issue the compromise cannot split evenly.

    Pareto-optimal here means that no split respecting both walk-away points is as good for
    both and better for one; ``below_walk_away`` counts human deals where the two notions could
    differ (someone accepted fewer than 5 points).
    """

    dialogues: int
    accepted: int
    no_deal: int
    pareto_optimal: int
    improvable: int
    strictly_improvable: int
    below_walk_away: int
    human: Benchmark
    recommended: Benchmark
    compromise: Benchmark
    nash: Benchmark
    replays: tuple[DialogueReplay, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "dialogues": self.dialogues,
            "accepted_deals": self.accepted,
            "no_deal": self.no_deal,
            "pareto_optimal": self.pareto_optimal,
            "improvable": self.improvable,
            "strictly_improvable": self.strictly_improvable,
            "below_walk_away": self.below_walk_away,
            "max_points": MAX_POINTS,
            "walk_away_points": WALK_AWAY_POINTS,
            "points": {
                "human": self.human.to_dict(),
                "recommended": self.recommended.to_dict(),
                "compromise": self.compromise.to_dict(),
                "nash": self.nash.to_dict(),
            },
        }


def replay_dialogue(dialogue: Mapping[str, Any]) -> DialogueReplay | None:
    """Solve one dialogue and check its human deal; None when no deal was accepted."""
    scenario = dialogue_scenario(dialogue)  # first, so a malformed dialogue never passes
    deal = human_deal(dialogue)
    if deal is None:
        return None
    human = _points({p: scenario.utility(p, deal) for p in PARTIES})
    result = solve(scenario, list_limit=0)  # the frontier listing is not needed here
    compromise, nash = result.solutions.get("compromise"), result.solutions.get("nash")
    if result.recommended is None or compromise is None or nash is None:
        raise SolverError(f"{_source(dialogue)}: the solver found no package to recommend.")
    better = [_points(s.utility) for s in improvements(scenario, deal)]
    return DialogueReplay(
        dialogue_id=str(dialogue.get("dialogue_id", "?")),
        human=human,
        recommended=_solution_points(result.recommended.solution),
        compromise=_solution_points(compromise),
        nash=_solution_points(nash),
        improvable=bool(better),
        strictly_improvable=any(_above(b, human) for b in better),
    )


def replay(dialogues: Sequence[Mapping[str, Any]]) -> CasinoReport:
    """Replay every dialogue and sum up; means are over the dialogues with an accepted deal."""
    replays = tuple(r for d in dialogues if (r := replay_dialogue(d)) is not None)
    improvable = sum(r.improvable for r in replays)
    return CasinoReport(
        dialogues=len(dialogues),
        accepted=len(replays),
        no_deal=len(dialogues) - len(replays),
        pareto_optimal=len(replays) - improvable,
        improvable=improvable,
        strictly_improvable=sum(r.strictly_improvable for r in replays),
        below_walk_away=sum(min(r.human) < WALK_AWAY_POINTS for r in replays),
        human=_benchmark(replays, lambda r: r.human),
        recommended=_benchmark(replays, lambda r: r.recommended),
        compromise=_benchmark(replays, lambda r: r.compromise),
        nash=_benchmark(replays, lambda r: r.nash),
        replays=replays,
    )


def _points(utility: Mapping[str, Fraction]) -> Points:
    return (points(utility[PARTIES[0]]), points(utility[PARTIES[1]]))


def _solution_points(solution: Solution) -> Points:
    return _points(solution.utility)


def _above(a: Points, b: Points) -> bool:
    return all(x > y for x, y in zip(a, b, strict=True))


def _benchmark(
    replays: Sequence[DialogueReplay], pick: Callable[[DialogueReplay], Points]
) -> Benchmark:
    """Means of ``pick(r)`` (a Points pair) and its comparison with ``r.human``."""
    n = len(replays) or 1  # with no deal every sum is 0, and so is every mean
    pairs: list[tuple[Points, Points]] = [(pick(r), r.human) for r in replays]
    joint = sum((sum(p, Fraction(0)) for p, _ in pairs), Fraction(0))
    return Benchmark(
        mean_points=joint / (2 * n),
        mean_joint=joint / n,
        mean_lower=sum((min(p) for p, _ in pairs), Fraction(0)) / n,
        both_at_least=sum(all(x >= y for x, y in zip(p, h, strict=True)) for p, h in pairs),
        both_more=sum(_above(p, h) for p, h in pairs),
    )
