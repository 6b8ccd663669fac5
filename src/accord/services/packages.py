"""From a negotiation's private ratings to the engine's packages, and back to what people see.

The members' needs and ratings become a scenario in the interests form (docs/scenarios.md),
the engine solves it, and the result is kept as plain data on the negotiation: the packages
offered for blind acceptance (the recommended one first, the compromise among them), each
member's satisfaction under each, the calibrated questions for unmet needs and a few frontier
points for the chart. Names inside the scenario are the members' names and the topics' and
options' words, so the engine's sentences read naturally; ids are mapped back here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from accord.domain.items import Item
from accord.domain.scenario import Scenario
from accord.domain.topics import Topic
from accord.scenario.load import load_scenario_text
from accord.solver.result import SOLUTION_NAMES, Solution
from accord.solver.solve import improvements, solve

NAME_LIMIT = 80
MAX_OFFERS = 8
MAX_CHART_POINTS = 400


@dataclass(frozen=True, slots=True)
class Offer:
    """A package offered for acceptance: one option per topic, and what it gives each member."""

    id: str
    package: Mapping[str, str]  # topic id -> option id
    labels: tuple[str, ...]  # recommended, compromise, nash, ...
    satisfaction: Mapping[str, float]  # person id -> 0..100

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Offer:
        return cls(
            id=str(data["id"]),
            package=dict(data["package"]),
            labels=tuple(data["labels"]),
            satisfaction={k: float(v) for k, v in data["satisfaction"].items()},
        )


@dataclass(frozen=True, slots=True)
class Built:
    """The scenario for a negotiation and the maps between its names and Accord's ids."""

    scenario: Scenario
    party: Mapping[str, str]  # person id -> name in the scenario
    topic: Mapping[str, str]  # topic id -> name
    option: Mapping[str, str]  # option id -> name
    option_topic: Mapping[str, str]  # option id -> topic id

    def ids(self, solution: Solution) -> dict[str, str]:
        """A solution's package as topic id -> option id."""
        back_topic = {v: k for k, v in self.topic.items()}
        back_option = {(self.option_topic[o], n): o for o, n in self.option.items()}
        return {
            back_topic[t]: back_option[(back_topic[t], option)]
            for t, option in solution.package.items()
        }

    def names(self, package: Mapping[str, str]) -> dict[str, str]:
        """A package given by ids, in the scenario's names."""
        return {self.topic[t]: self.option[o] for t, o in package.items()}

    def satisfaction(self, solution: Solution) -> dict[str, float]:
        back_party = {v: k for k, v in self.party.items()}
        return {back_party[p]: round(float(u), 2) for p, u in solution.utility.items()}


def build(
    *,
    names: Mapping[str, str],
    topics: Sequence[Topic],
    options: Sequence[Item],
    interests: Sequence[Item],
    ratings: Sequence[Item],
) -> Built:
    """The interests-form scenario of a negotiation (docs/scenarios.md)."""
    party = _unique(names)
    topic_name = _unique({t.id: t.title for t in topics})
    option_name: dict[str, str] = {}
    option_topic: dict[str, str] = {}
    for topic in topics:
        mine = {o.id: str(o.data["text"]) for o in options if o.topic_id == topic.id}
        option_name.update(_unique(mine))
        option_topic.update(dict.fromkeys(mine, topic.id))
    need_key: dict[str, str] = {}
    interests_form: dict[str, dict[str, Any]] = {}
    for pid in names:
        needs: dict[str, int] = {}
        for item in interests:
            if item.owner_id != pid:
                continue
            key = str(item.data.get("need") or item.data.get("text"))[:NAME_LIMIT]
            need_key[item.id] = key
            needs[key] = max(needs.get(key, 0), int(item.data.get("weight", 2)))
        rated: dict[str, dict[str, dict[str, int]]] = {}
        forbidden: dict[str, list[str]] = {}
        for item in ratings:
            if item.owner_id != pid:
                continue
            for option_id, by_need in item.data["ratings"].items():
                if option_id not in option_name:
                    continue
                where = topic_name[option_topic[option_id]]
                cell = rated.setdefault(where, {}).setdefault(option_name[option_id], {})
                for need_id, value in by_need.items():
                    if need_id in need_key:
                        key = need_key[need_id]
                        cell[key] = max(cell.get(key, 0), int(value))
            for option_id in item.data["forbidden"]:
                if option_id in option_name:
                    where = topic_name[option_topic[option_id]]
                    forbidden.setdefault(where, []).append(option_name[option_id])
        entry: dict[str, Any] = {"needs": needs or {"ease": 1}, "ratings": rated}
        if forbidden:
            entry["forbidden"] = forbidden
        interests_form[party[pid]] = entry
    scenario_data = {
        "title": " and ".join(t.title for t in topics)[:200],
        "parties": [party[p] for p in names],
        "topics": [
            {
                "name": topic_name[t.id],
                "options": [option_name[o] for o in option_name if option_topic[o] == t.id],
            }
            for t in topics
        ],
        "interests": interests_form,
    }
    scenario = load_scenario_text(json.dumps(scenario_data), source="negotiation", is_json=True)
    return Built(scenario, party, topic_name, option_name, option_topic)


def run_engine(
    *,
    names: Mapping[str, str],
    topics: Sequence[Topic],
    options: Sequence[Item],
    interests: Sequence[Item],
    ratings: Sequence[Item],
) -> dict[str, Any]:
    """Solve the negotiation and return the JSON-ready result stored on it."""
    built = build(names=names, topics=topics, options=options, interests=interests, ratings=ratings)
    result = solve(built.scenario)
    ids, satisfaction = built.ids, built.satisfaction
    offers: list[dict[str, Any]] = []

    def offer(solution: Solution | None, label: str) -> None:
        if solution is None:
            return
        package = ids(solution)
        for existing in offers:
            if existing["package"] == package:
                if label not in existing["labels"]:
                    existing["labels"].append(label)
                return
        if len(offers) < MAX_OFFERS or label != "frontier":
            offers.append(
                {
                    "id": f"p{len(offers) + 1}",
                    "package": package,
                    "labels": [label],
                    "satisfaction": satisfaction(solution),
                }
            )

    if result.recommended is not None:
        offer(result.recommended.solution, "recommended")
    for name in SOLUTION_NAMES:
        offer(result.solutions.get(name), name)
    for solution in result.frontier:
        if len(offers) >= MAX_OFFERS:
            break
        offer(solution, "frontier")
    return {
        "status": result.status,
        "finding": _finding(result.status, result),
        "offers": offers,
        "explanation": list(result.recommended.explanation) if result.recommended else [],
        "questions": list(result.questions),
        "frontier": [satisfaction(s) for s in list(result.frontier)[:MAX_CHART_POINTS]],
    }


def _finding(status: str, result: Any) -> str:
    if status == "incompatible":
        summary = result.conflict.summary if result.conflict else ""
        return (
            "No package respects what each of you marked as not acceptable. "
            f"{summary} Add options that meet those needs another way, or talk about whether "
            "these needs are compatible on this topic."
        ).strip()
    if result.recommended is not None and result.recommended.improves_on_compromise:
        return "There is a package better for all of you than meeting in the middle."
    return (
        "Meeting in the middle cannot be improved for all of you here; it is shown with the rest."
    )


def _unique(names: Mapping[str, str]) -> dict[str, str]:
    """Names as the scenario needs them: at most 80 characters and distinct ("Sam", "Sam 2")."""
    seen: set[str] = set()
    out: dict[str, str] = {}
    for key, raw in names.items():
        base = " ".join(raw.split())[: NAME_LIMIT - 3] or "unnamed"
        name, n = base, 1
        while name.lower() in seen:
            n += 1
            name = f"{base} {n}"
        seen.add(name.lower())
        out[key] = name
    return out


def post_settlement(built: Built, agreed: Mapping[str, str]) -> dict[str, Any] | None:
    """The engine's post-settlement check: a package at least as good for everyone as the one
    agreed and better for someone, if there is one (the fairest such)."""
    better = improvements(built.scenario, built.names(agreed))
    if not better:
        return None
    best = better[0]
    return {"package": built.ids(best), "satisfaction": built.satisfaction(best)}
