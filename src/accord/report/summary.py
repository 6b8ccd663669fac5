"""The report's headline: what Accord found, in one or two sentences a newcomer can act on.

Kept apart from the page assembly because it is the part most worth reading and testing on its
own: each status, and each relation between the recommendation and meeting in the middle, has
its own wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from accord.report.names import human, join, person, whole
from accord.solver.result import SolveResult


def you_all(count: int) -> str:
    """'both of you' for two people, 'all three of you' and so on for more."""
    words = {2: "both", 3: "all three", 4: "all four", 5: "all five", 6: "all six"}
    return f"{words.get(count, 'all')} of you"


def headline(result: SolveResult) -> tuple[str, ...]:
    """One or two sentences for the top of the report."""
    if result.status == "incompatible":
        topics = join([human(t) for t in result.conflict.topics]) if result.conflict else ""
        where = f" on {topics}" if topics else ""
        return (
            f"No package works for everyone yet: what each of you needs{where} cannot all be "
            "met with the options on the table.",
            "That is a finding, not a failure. See below for where it breaks and what could "
            "change it.",
        )
    rec = result.recommended
    if not result.negotiable or rec is None:
        return (
            "There is nothing to trade here: every topic is either part of someone's "
            "foundation or a difference in temperament.",
            "Below is what each of those means for you.",
        )
    many = you_all(len(result.parties))
    gains = {p: rec.gain[p] for p in result.parties}
    if rec.improves_on_compromise:
        return (
            f"There is a package better for {many} than meeting in the middle: "
            + _gains_phrase(result.parties, gains)
            + ".",
            "It trades across topics, so each of you gives ground where it matters less to you "
            "and gains where it matters more.",
        )
    if all(g == 0 for g in gains.values()):
        return (
            f"Meeting in the middle is already as good as it gets: no package is better for "
            f"{many}, so Accord recommends it.",
            "If something still feels unmet, the questions below are where to look for new "
            "options.",
        )
    return (
        f"No package is better for {many} than meeting in the middle. Accord's recommendation "
        "is the most balanced package instead, and it moves some ground: "
        + _gains_phrase(result.parties, gains)
        + ".",
        "Both are fair places to start; the comparison below shows exactly what changes.",
    )


def _gains_phrase(parties: tuple[str, ...], gains: Mapping[str, Fraction]) -> str:
    """'Jo gains 10 points, Ravi 31' or 'Leo gains 15 points and Maya gives up 17 points'."""
    up = [p for p in parties if gains[p] > 0]
    down = [p for p in parties if gains[p] < 0]
    same = [p for p in parties if gains[p] == 0]
    parts = []
    if up:
        amounts = [f"{person(p)} {whole(gains[p])}" for p in up]
        amounts[0] = f"{person(up[0])} gains {whole(gains[up[0]])} points"
        parts.append(", ".join(amounts))
    if down:
        amounts = [f"{person(p)} {whole(-gains[p])}" for p in down]
        amounts[0] = f"{person(down[0])} gives up {whole(-gains[down[0]])} points"
        parts.append(", ".join(amounts))
    if same:
        verb = "stays" if len(same) == 1 else "stay"
        parts.append(f"{join([person(p) for p in same])} {verb} the same")
    return join(parts)
