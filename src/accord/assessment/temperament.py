"""Temperament, the Middle layer (METHOD.md section 1): shown side by side, never negotiated.

Each dimension is a 1-5 scale between two poles (1 = the ``low`` pole, 5 = the ``high`` one).
Nothing here is a problem to fix: two profiles are read as complementary strengths and blind
spots, with questions to get curious about the difference, never as a gap to close.
The wording lives in ``temperament.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache
from importlib import resources
from typing import Literal, cast

import yaml

from accord.errors import AccordError, InputError

LOW, HIGH = 1, 5
FAR_APART = 2
"""Positions this far apart or more are read as a difference; closer ones as shared ground."""

FRAMING = (
    "These are differences in temperament, and nothing here is a problem to fix. Neither way "
    "is the right one: each position has its strengths and its blind spots. Where you differ, "
    "get curious about the other's way and find how to work with it, not how to change it."
)

Leaning = Literal["low", "middle", "high"]
_SOURCE = "temperament.yaml"
_POLE_FIELDS = ("label", "description", "strength", "blind_spot", "prompt", "shared_blind_spot")


@dataclass(frozen=True, slots=True)
class Pole:
    """One end (or the middle) of a dimension, with what it brings and what it can miss."""

    label: str
    description: str
    strength: str
    blind_spot: str
    prompt: str
    shared_blind_spot: str


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    name: str
    low: Pole
    middle: Pole
    high: Pole
    together: str
    way: str

    def pole(self, leaning: Leaning) -> Pole:
        return {"low": self.low, "middle": self.middle, "high": self.high}[leaning]


@cache
def dimensions() -> tuple[Dimension, ...]:
    """The temperament dimensions, in the order a profile is asked and shown."""
    text = resources.files("accord.assessment").joinpath(_SOURCE).read_text(encoding="utf-8")
    rows = yaml.safe_load(text)["dimensions"]
    return tuple(_dimension(row, index) for index, row in enumerate(rows))


def _dimension(row: Mapping[str, object], index: int) -> Dimension:
    def text(value: object, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise AccordError(f"{_SOURCE}, at dimensions[{index}].{where}: expected some text.")
        return " ".join(value.split())

    def pole(key: str) -> Pole:
        data = row.get(key)
        if not isinstance(data, Mapping):
            raise AccordError(f"{_SOURCE}, at dimensions[{index}].{key}: expected a mapping.")
        return Pole(*(text(data.get(f), f"{key}.{f}") for f in _POLE_FIELDS))

    return Dimension(
        id=text(row.get("id"), "id"),
        name=text(row.get("name"), "name"),
        low=pole("low"),
        middle=pole("middle"),
        high=pole("high"),
        together=text(row.get("together"), "together"),
        way=text(row.get("way"), "way"),
    )


def _ids() -> tuple[str, ...]:
    return tuple(d.id for d in dimensions())


@dataclass(frozen=True, slots=True)
class TemperamentProfile:
    """One person's position (1-5) on every dimension, in dimension order.

    Checked on construction: every dimension answered once with a whole number from 1 to 5,
    and no unknown dimensions; every problem is named in one ``InputError``.
    """

    positions: tuple[tuple[str, int], ...]

    def __post_init__(self) -> None:
        _check(self.positions)

    @classmethod
    def from_answers(cls, answers: Mapping[str, object]) -> TemperamentProfile:
        """A profile from ``{dimension id: position}``; order does not matter."""
        if not isinstance(answers, Mapping):
            raise InputError(
                "expected a mapping of dimension to position.",
                field="temperament",
                fix=f"Give a position for each of: {', '.join(_ids())}.",
            )
        order = {ident: i for i, ident in enumerate(_ids())}
        rows = tuple(
            (str(k), v)
            for k, v in sorted(answers.items(), key=lambda kv: order.get(str(kv[0]), len(order)))
        )
        _check(rows)  # before the cast below: past this line every value is a whole number
        return cls(cast(tuple[tuple[str, int], ...], rows))

    def position(self, dimension: str) -> int:
        for ident, value in self.positions:
            if ident == dimension:
                return value
        raise InputError(
            f"'{dimension}' is not a temperament dimension.",
            field="temperament",
            fix=f"Choose one of: {', '.join(_ids())}.",
        )


def _check(positions: tuple[tuple[str, object], ...]) -> None:
    known = _ids()
    given = [ident for ident, _ in positions]
    problems: list[str] = []
    unknown = [i for i in given if i not in known]
    if unknown:
        problems.append(f"unknown {_plural('dimension', unknown)} {_quoted(unknown)}")
        guesses = [g for u in unknown for g in get_close_matches(u, known, n=1)]
        if guesses:
            problems[-1] += f" (did you mean {_quoted(guesses)}?)"
    repeated = sorted({i for i in given if given.count(i) > 1})
    if repeated:
        problems.append(f"{_quoted(repeated)} answered more than once")
    missing = [i for i in known if i not in given]
    if missing:
        problems.append(f"no answer for {_quoted(missing)}")
    for ident, value in positions:
        if ident not in known:
            continue
        # bool is an int subclass: True would otherwise pass as 1.
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"'{ident}' is {value!r}, not a whole number")
        elif not LOW <= value <= HIGH:
            problems.append(f"'{ident}' is {value}, outside {LOW}-{HIGH}")
    if problems:
        text = "; ".join(problems)
        raise InputError(
            text[0].upper() + text[1:] + ".",
            field="temperament",
            fix=f"Give each of {', '.join(known)} a whole number from {LOW} to {HIGH}.",
        )


def _plural(word: str, items: list[str]) -> str:
    return word if len(items) == 1 else word + "s"


def _quoted(items: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in items)


def leaning(value: int) -> Leaning:
    """Which pole a position is nearer: 1-2 low, 3 middle, 4-5 high."""
    middle = (LOW + HIGH) // 2
    if value < middle:
        return "low"
    if value > middle:
        return "high"
    return "middle"


@dataclass(frozen=True, slots=True)
class Position:
    name: str
    value: int
    leaning: Leaning
    label: str


@dataclass(frozen=True, slots=True)
class CuriosityPrompt:
    """A question one person asks the other, to understand them rather than to change them."""

    asker: str
    answerer: str
    question: str

    @property
    def text(self) -> str:
        return f'{self.asker}, ask {self.answerer}: "{self.question}"'


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two people on one dimension.

    ``kind`` is ``"complementary"`` when the positions are ``FAR_APART`` or more: then
    ``strengths`` holds each person's strength and what they make together, ``blind_spots``
    each person's blind spot, ``prompts`` a question each can ask the other, and ``way`` one way
    to work with the difference. Otherwise ``kind`` is ``"shared"``: one shared strength and
    one shared blind spot (what neither is placed to notice), no prompts.
    """

    dimension: Dimension
    positions: tuple[Position, Position]
    gap: int
    kind: Literal["complementary", "shared"]
    strengths: tuple[str, ...]
    blind_spots: tuple[str, ...]
    prompts: tuple[CuriosityPrompt, ...] = ()
    way: str = ""


@dataclass(frozen=True, slots=True)
class SideBySide:
    names: tuple[str, str]
    comparisons: tuple[Comparison, ...]
    framing: str = FRAMING


def side_by_side(
    a: TemperamentProfile, b: TemperamentProfile, names: tuple[str, str]
) -> SideBySide:
    """Two temperament profiles, dimension by dimension, as strengths and blind spots."""
    first, second = (n.strip() for n in names)
    if not first or not second or first == second:
        raise InputError(
            f"expected two different names, got {names!r}.",
            field="names",
            fix="Give each person's name.",
        )
    return SideBySide(
        names=(first, second),
        comparisons=tuple(
            _compare(d, _position(first, a, d), _position(second, b, d)) for d in dimensions()
        ),
    )


def _position(name: str, profile: TemperamentProfile, dimension: Dimension) -> Position:
    value = profile.position(dimension.id)
    side = leaning(value)
    return Position(name, value, side, dimension.pole(side).label)


def _compare(dimension: Dimension, a: Position, b: Position) -> Comparison:
    gap = abs(a.value - b.value)
    if gap >= FAR_APART:
        pole_a, pole_b = dimension.pole(a.leaning), dimension.pole(b.leaning)
        return Comparison(
            dimension=dimension,
            positions=(a, b),
            gap=gap,
            kind="complementary",
            strengths=(
                f"{a.name} brings {pole_a.strength}.",
                f"{b.name} brings {pole_b.strength}.",
                dimension.together,
            ),
            blind_spots=(f"{a.name}: {pole_a.blind_spot}.", f"{b.name}: {pole_b.blind_spot}."),
            prompts=(
                CuriosityPrompt(b.name, a.name, pole_a.prompt),
                CuriosityPrompt(a.name, b.name, pole_b.prompt),
            ),
            way=dimension.way,
        )
    # Close together: read the pair from where they sit as two, around the scale's middle.
    total, middle = a.value + b.value, LOW + HIGH
    shared: Leaning = "low" if total < middle else "high" if total > middle else "middle"
    pole = dimension.pole(shared)
    return Comparison(
        dimension=dimension,
        positions=(a, b),
        gap=gap,
        kind="shared",
        strengths=(f"You both bring {pole.strength}.",),
        blind_spots=(f"Something neither of you may notice: {pole.shared_blind_spot}.",),
    )
