"""Compile the interest form (needs and 0-4 ratings) into option values and topic weights.

The rule, chosen so that a party's utility reads as "how well my needs are met":

    satisfaction_n(package) = mean over the negotiable topics T_n that rate need n of r(o_t, n) / 4
    utility(package)        = 100 * sum_n w_n * satisfaction_n / sum_n w_n

Each need's weight is split equally among the topics that bear on it, which makes the utility
additive over topics, the form the solver needs:

    weight_t   = sum over needs n rated on t of w_n / |T_n|
    value_t(o) = 100 * sum_n (w_n / |T_n|) * r(o, n) / 4 / weight_t

A need rated on no negotiable topic does not enter the utility: nothing on the table speaks to
it, which the report says as an unmet need.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from accord.domain.scenario import Layer, NeedProfile, Topic
from accord.scenario.check import Checker
from accord.scenario.parse import Path


def compile_interests(
    profile: NeedProfile,
    topics: tuple[Topic, ...],
    forbidden: frozenset[tuple[str, str]],
    party: str,
    base: Path,
    check: Checker,
) -> tuple[tuple[Fraction, ...], tuple[tuple[Fraction | None, ...], ...]]:
    weights_by_need = dict(profile.weights)
    negotiable = [t for t in topics if t.layer is Layer.NEGOTIABLE]
    rated_on: dict[str, list[str]] = {n: [] for n in weights_by_need}
    for topic in negotiable:
        for need in profile.needs_on(topic.name):
            rated_on[need].append(topic.name)

    weights: list[Fraction] = []
    values: list[tuple[Fraction | None, ...]] = []
    for topic in topics:
        if topic.layer is not Layer.NEGOTIABLE:
            weights.append(Fraction(0))
            values.append(tuple(None for _ in topic.options))
            continue
        shares: Mapping[str, Fraction] = {
            n: weights_by_need[n] / len(rated_on[n]) for n in profile.needs_on(topic.name)
        }
        weight = sum(shares.values(), Fraction(0))
        weights.append(weight)
        row: list[Fraction | None] = []
        for option in topic.options:
            if (topic.name, option) in forbidden:
                row.append(None)
                continue
            if weight == 0:
                row.append(Fraction(0))
                continue
            total = Fraction(0)
            for need, share in shares.items():
                rating = profile.rating(topic.name, option, need)
                if rating is None:
                    raise check.fail(
                        (*base, "ratings", topic.name),
                        f"{party} rates the need '{need}' on '{topic.name}' but not for the "
                        f"option '{option}'.",
                        f"Add '{option}: {{{need}: 0..4}}' here (0 = not met at all, 4 = fully "
                        "met), or mark the option as forbidden; a missing rating is not a zero.",
                    )
                total += share * Fraction(rating, 4)
            row.append(100 * total / weight)
        values.append(tuple(row))
    if negotiable and sum(weights) == 0:
        raise check.fail(
            (*base, "ratings"),
            f"none of {party}'s needs (with a weight above 0) is rated on a negotiable topic.",
            "Rate how well each option of at least one negotiable topic meets one of their needs.",
        )
    return tuple(weights), tuple(values)
