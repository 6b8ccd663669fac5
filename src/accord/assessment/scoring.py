"""The one scorer: any checked questionnaire, one answer per item, subscale means out.

Answers are checked before anything is computed, and every bad answer is named in one
message, so that a person fixes them all at once rather than one per attempt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from accord.assessment.questionnaire import Questionnaire, Scale
from accord.errors import AnswersError, InputError

_SHOWN = 5
"""Bad answers named one by one in a message; beyond this a count stands for the rest."""


@dataclass(frozen=True, slots=True)
class Scores:
    """What a questionnaire measured: each subscale's mean, and the keyed answers behind it.

    ``subscales`` pairs subscale id and mean, in the questionnaire's order; ``keyed`` holds one
    value per item, in item order, after reverse-keying (so higher always means more of what
    the item's subscale measures).
    """

    questionnaire: str
    subscales: tuple[tuple[str, float], ...]
    keyed: tuple[int, ...]

    def mean(self, subscale: str) -> float:
        """The mean keyed answer on ``subscale``."""
        for ident, value in self.subscales:
            if ident == subscale:
                return value
        known = ", ".join(ident for ident, _ in self.subscales)
        raise InputError(
            f"the {self.questionnaire} has no subscale '{subscale}'.",
            field="subscale",
            fix=f"Choose one of: {known}.",
        )

    def as_dict(self) -> dict[str, float]:
        """Subscale id to mean, for rendering and JSON."""
        return dict(self.subscales)


def score(questionnaire: Questionnaire, answers: Sequence[object]) -> Scores:
    """Score ``answers`` (one per item, in item order) on ``questionnaire``.

    keyed(i) = scale.min + scale.max - answer(i) if item i is reverse-keyed, else answer(i)
    mean(s)  = sum(keyed(i) for i in s.items) / len(s.items)

    Raises ``AnswersError`` naming every problem: the wrong number of answers, or answers that
    are not whole numbers on the scale (floats, text, missing answers and booleans included).
    """
    values = _checked(questionnaire, answers)
    scale = questionnaire.scale
    keyed = tuple(
        scale.reversed(value) if item.reverse else value
        for item, value in zip(questionnaire.items, values, strict=True)
    )
    means = tuple(
        (sub.id, sum(keyed[n - 1] for n in sub.items) / len(sub.items))
        for sub in questionnaire.subscales
    )
    return Scores(questionnaire=questionnaire.id, subscales=means, keyed=keyed)


def _checked(questionnaire: Questionnaire, answers: Sequence[object]) -> tuple[int, ...]:
    scale = questionnaire.scale
    whole = f"a whole number from {scale.minimum} to {scale.maximum}{_ends(scale)}"
    # A string or a mapping is a Sequence-like thing that would be misread item by item.
    if isinstance(answers, str | bytes | Mapping) or not isinstance(answers, Sequence):
        raise AnswersError(
            f"Answers must be a list with one answer per item; got {type(answers).__name__}.",
            fix=f"Give the {len(questionnaire.items)} answers as a list, in item order.",
        )
    expected = len(questionnaire.items)
    if len(answers) != expected:
        given = "1 answer was" if len(answers) == 1 else f"{len(answers)} answers were"
        raise AnswersError(
            f"The {questionnaire.name} has {expected} items; {given} given.",
            fix="Give one answer per item, in item order.",
        )
    problems = [
        f"item {item.number}: {problem}"
        for item, value in zip(questionnaire.items, answers, strict=True)
        if (problem := _problem(value, scale))
    ]
    if problems:
        shown = problems[:_SHOWN]
        if len(problems) > _SHOWN:
            shown.append(f"and {len(problems) - _SHOWN} more like these")
        text = "; ".join(shown)
        raise AnswersError(text[0].upper() + text[1:] + ".", fix=f"Give each answer as {whole}.")
    return tuple(v for v in answers if isinstance(v, int))


def _problem(value: object, scale: Scale) -> str:
    """What is wrong with one answer, or an empty string if nothing is."""
    if value is None:
        return "no answer was given"
    # bool is an int subclass: True would otherwise pass as 1.
    if isinstance(value, bool):
        return f"{value} is a yes/no value, not a number on the scale"
    if isinstance(value, str):
        return f"{value!r} is text, not a number"
    if isinstance(value, float):
        return f"{value!r} is not a whole number"
    if not isinstance(value, int):
        return f"{value!r} ({type(value).__name__}) is not a whole number"
    if not scale.minimum <= value <= scale.maximum:
        return f"{value} is outside the scale {scale.span}"
    return ""


def _ends(scale: Scale) -> str:
    low, high = scale.label(scale.minimum), scale.label(scale.maximum)
    if not (low and high):
        return ""
    return f" ({scale.minimum} = {low}, {scale.maximum} = {high})"
