"""Hypothesis strategies for small random scenarios, written as YAML the way a person would."""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

from accord.domain.scenario import Scenario
from accord.scenario.load import load_scenario_text

# A coarse grid of values makes ties (equal utilities, equal scores) common, on purpose.
VALUES = st.sampled_from([0, 10, 25, 50, 50, 75, 100, 100])


@st.composite
def scenario_texts(
    draw: st.DrawFn,
    *,
    parties: tuple[int, int] = (2, 2),
    topics: tuple[int, int] = (1, 4),
    options: tuple[int, int] = (1, 4),
    forbid: bool = True,
    reserve: bool = True,
) -> str:
    k = draw(st.integers(*parties))
    names = [f"p{i}" for i in range(k)]
    n = draw(st.integers(*topics))
    topic_list = []
    for t in range(n):
        m = draw(st.integers(*options))
        topic_list.append({"name": f"t{t}", "options": [f"o{j}" for j in range(m)]})
    prefs = {}
    for party in names:
        weights = {tp["name"]: draw(st.integers(0, 3)) for tp in topic_list}
        if not any(weights.values()):
            weights[topic_list[0]["name"]] = 1
        values = {tp["name"]: {o: draw(VALUES) for o in tp["options"]} for tp in topic_list}
        entry: dict[str, object] = {"weights": weights, "values": values}
        if forbid:
            forbidden = {}
            for tp in topic_list:
                banned = [o for o in tp["options"] if draw(st.integers(0, 9)) == 0]
                if banned:
                    forbidden[tp["name"]] = banned
            if forbidden:
                entry["forbidden"] = forbidden
        if reserve and draw(st.booleans()):
            entry["reservation"] = draw(st.sampled_from([0, 20, 40, 55, 70]))
        prefs[party] = entry
    return yaml.safe_dump({"parties": names, "topics": topic_list, "preferences": prefs})


def scenarios(**kwargs: object) -> st.SearchStrategy[Scenario]:
    return scenario_texts(**kwargs).map(load_scenario_text)  # type: ignore[arg-type]
