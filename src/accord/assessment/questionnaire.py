"""Questionnaires as data: one YAML file per instrument, checked once, scored by one scorer.

Adding an instrument means adding a file under ``questionnaires/``; nothing in the code names
an instrument, so a new file that passes :meth:`Questionnaire.from_mapping` is ready to score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from accord.errors import AccordError, InputError

_PACKAGE = "accord.assessment"
_FOLDER = "questionnaires"
_REQUIRED = ("id", "title", "citation", "instructions", "scale", "items", "subscales")
_KEYS = frozenset({*_REQUIRED, "short_title", "reverse"})


class QuestionnaireError(AccordError):
    """A questionnaire file that cannot be used: names the file, the place and the problem.

    Raised while loading an instrument, before anyone answers it, so it is a fault in the file
    (its author fixes it), never in a person's answers (that is ``AnswersError``).
    """

    def __init__(self, problem: str, *, source: str, location: str = "", fix: str = "") -> None:
        self.problem = problem
        self.source = source
        self.location = location
        self.fix = fix
        where = f"{source}, at {location}" if location else source
        super().__init__(f"{where}: {problem} {fix}".strip())


@dataclass(frozen=True, slots=True)
class Scale:
    """The answer scale: whole numbers from ``minimum`` to ``maximum``, some with a label."""

    minimum: int
    maximum: int
    anchors: tuple[tuple[int, str], ...] = ()

    def reversed(self, answer: int) -> int:
        """The answer mirrored on the scale: ``minimum + maximum - answer`` (8 - answer on 1-7).

        >>> Scale(1, 7).reversed(2)
        6
        """
        return self.minimum + self.maximum - answer

    def label(self, value: int) -> str:
        """The anchor label for ``value``, or an empty string where the scale has none."""
        return dict(self.anchors).get(value, "")

    @property
    def span(self) -> str:
        """The range as a person reads it, e.g. ``1-7``."""
        return f"{self.minimum}-{self.maximum}"


@dataclass(frozen=True, slots=True)
class Item:
    number: int
    text: str
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Subscale:
    """A score: the mean of the keyed answers to ``items`` (item numbers)."""

    id: str
    name: str
    items: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    title: str
    citation: str
    instructions: str
    scale: Scale
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    short_title: str = ""

    @property
    def name(self) -> str:
        """What messages call the instrument: its short title (``ECR-R``) or else its title."""
        return self.short_title or self.title

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, object], *, source: str = "<mapping>"
    ) -> Questionnaire:
        """Check a parsed questionnaire file and build it; ``source`` names it in errors.

        Checks: the required keys and no unknown ones; a scale of whole numbers with
        ``min < max``; items numbered 1..n in order with no gaps; reverse-keyed items and
        subscale items that exist; subscale ids that are unique.
        """
        return _Reader(source).questionnaire(data)


class _Reader:
    """Reads one file's mapping, raising :class:`QuestionnaireError` that names ``source``."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, problem: str, location: str = "", fix: str = "") -> QuestionnaireError:
        return QuestionnaireError(problem, source=self.source, location=location, fix=fix)

    def text(self, value: object, location: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail("expected some text here.", location, "Write it as a string.")
        return value.strip()

    def whole(self, value: object, location: str) -> int:
        # bool is an int subclass; `true` in a file is a typo, not the number 1.
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"expected a whole number, found {value!r}.", location)
        return value

    def numbers(self, value: object, location: str) -> tuple[int, ...]:
        if not isinstance(value, list):
            raise self.fail("expected a list of item numbers.", location, "Write e.g. [1, 2, 3].")
        found = tuple(self.whole(v, f"{location}[{i}]") for i, v in enumerate(value))
        repeated = sorted({n for n in found if found.count(n) > 1})
        if repeated:
            raise self.fail(f"item {repeated[0]} is listed twice.", location, "List it once.")
        return found

    def questionnaire(self, data: Mapping[str, object]) -> Questionnaire:
        if not isinstance(data, Mapping):
            raise self.fail("a questionnaire must be a mapping of keys to values.")
        unknown = sorted(str(k) for k in data if k not in _KEYS)
        if unknown:
            raise self.fail(
                f"unknown key '{unknown[0]}'.", fix=f"Known keys: {', '.join(sorted(_KEYS))}."
            )
        missing = [k for k in _REQUIRED if k not in data]
        if missing:
            raise self.fail(f"the key '{missing[0]}' is missing.", fix="Add it.")
        scale = self.scale(data["scale"])
        items = self.items(data["items"], self.reverse(data.get("reverse", [])))
        short = data.get("short_title")
        return Questionnaire(
            id=self.text(data["id"], "id"),
            title=self.text(data["title"], "title"),
            citation=self.text(data["citation"], "citation"),
            instructions=self.text(data["instructions"], "instructions"),
            scale=scale,
            items=items,
            subscales=self.subscales(data["subscales"], len(items)),
            short_title="" if short is None else self.text(short, "short_title"),
        )

    def scale(self, value: object) -> Scale:
        if not isinstance(value, Mapping):
            raise self.fail("expected a mapping with 'min' and 'max'.", "scale")
        low = self.whole(value.get("min"), "scale.min")
        high = self.whole(value.get("max"), "scale.max")
        if low >= high:
            raise self.fail(
                f"the scale runs from {low} to {high}; its minimum must be below its maximum.",
                "scale",
                "Give min < max.",
            )
        anchors = value.get("anchors", {})
        if not isinstance(anchors, Mapping):
            raise self.fail("expected a mapping of answer to label.", "scale.anchors")
        labels: list[tuple[int, str]] = []
        for key, label in anchors.items():
            point = self.whole(key, "scale.anchors")
            if not low <= point <= high:
                raise self.fail(
                    f"the anchor {point} is outside the scale {low}-{high}.", "scale.anchors"
                )
            labels.append((point, self.text(label, f"scale.anchors.{point}")))
        return Scale(minimum=low, maximum=high, anchors=tuple(sorted(labels)))

    def reverse(self, value: object) -> frozenset[int]:
        return frozenset(self.numbers(value, "reverse"))

    def items(self, value: object, reverse: frozenset[int]) -> tuple[Item, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail("expected a non-empty list of items.", "items")
        items: list[Item] = []
        for position, row in enumerate(value, start=1):
            where = f"items[{position - 1}]"
            if not isinstance(row, Mapping):
                raise self.fail("expected a mapping with 'number' and 'text'.", where)
            number = self.whole(row.get("number"), f"{where}.number")
            if number != position:
                raise self.fail(
                    f"item {position} in the list is numbered {number}.",
                    where,
                    "Number the items 1, 2, 3, ... in order, with no gaps or repeats.",
                )
            items.append(Item(number, self.text(row.get("text"), f"{where}.text")))
        absent = sorted(reverse - {item.number for item in items})
        if absent:
            raise self.fail(
                f"reverse-keyed item {absent[0]} does not exist; there are {len(items)} items.",
                "reverse",
            )
        return tuple(Item(i.number, i.text, i.number in reverse) for i in items)

    def subscales(self, value: object, count: int) -> tuple[Subscale, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail("expected a non-empty list of subscales.", "subscales")
        found: list[Subscale] = []
        for index, row in enumerate(value):
            where = f"subscales[{index}]"
            if not isinstance(row, Mapping):
                raise self.fail("expected a mapping with 'id', 'name' and 'items'.", where)
            ident = self.text(row.get("id"), f"{where}.id")
            if any(s.id == ident for s in found):
                raise self.fail(f"the subscale id '{ident}' is used twice.", f"{where}.id")
            numbers = self.numbers(row.get("items"), f"{where}.items")
            if not numbers:
                raise self.fail("a subscale needs at least one item.", f"{where}.items")
            outside = [n for n in numbers if not 1 <= n <= count]
            if outside:
                raise self.fail(
                    f"subscale '{ident}' lists item {outside[0]}, which does not exist; "
                    f"there are {count} items.",
                    f"{where}.items",
                )
            found.append(Subscale(ident, self.text(row.get("name"), f"{where}.name"), numbers))
        return tuple(found)


def available() -> tuple[str, ...]:
    """The ids of the packaged questionnaires, sorted."""
    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    return tuple(
        sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    )


@cache
def load_questionnaire(name: str) -> Questionnaire:
    """Read, check and build the packaged questionnaire with id ``name`` (e.g. ``"ecr-r"``)."""
    known = available()
    if name not in known:
        raise InputError(
            f"there is no questionnaire called '{name}'.",
            field="questionnaire",
            fix=f"Choose one of: {', '.join(known)}.",
        )
    source = f"{_FOLDER}/{name}.yaml"
    text = resources.files(_PACKAGE).joinpath(source).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QuestionnaireError(f"not valid YAML ({exc}).", source=source) from exc
    if not isinstance(data, Mapping):
        raise QuestionnaireError(
            "a questionnaire must be a mapping of keys to values.", source=source
        )
    questionnaire = Questionnaire.from_mapping(data, source=source)
    if questionnaire.id != name:
        raise QuestionnaireError(
            f"the file is named '{name}' but its id is '{questionnaire.id}'.",
            source=source,
            location="id",
            fix="Make the id match the file name.",
        )
    return questionnaire
