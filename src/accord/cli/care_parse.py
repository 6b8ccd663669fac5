"""The small languages of the session commands, parsed without touching a database.

    rating       OPTION=NEED:SCORE   or   OPTION=SCORE (when you have one need on that topic)
    term         PERSON: what they do            or   PERSON: what they do by YYYY-MM-DD
    temperament  DIMENSION=POSITION  (e.g. planning=2)
    day          YYYY-MM-DD
    moment       an ISO date and time; without a time zone it is this computer's local time

Each parser refuses what it cannot read with an :class:`~accord.errors.InputError` that quotes
the text and shows the form, so a typo is fixed at once rather than guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from accord.errors import InputError

_BY = re.compile(r"^(?P<what>.*?)\s+by\s+(?P<day>\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RatingSpec:
    """One rating as typed: which option, which need (None: my only need there), how well."""

    option: str
    need: str | None
    score: int


def rating_spec(spec: str) -> RatingSpec:
    """Read ``OPTION=NEED:SCORE`` or ``OPTION=SCORE``; option and need are ids or words.

    The option is everything before the first ``=`` and the score everything after the last
    ``:``, so a need's words may themselves contain a colon.

    >>> rating_spec("Headphones=quiet:4")
    RatingSpec(option='Headphones', need='quiet', score=4)
    >>> rating_spec("ab12=3")
    RatingSpec(option='ab12', need=None, score=3)
    """
    form = (
        "Write OPTION=NEED:SCORE (e.g. headphones=quiet:4), or OPTION=SCORE if you have "
        "one need on that topic."
    )
    option, sep, rest = spec.partition("=")
    if not sep or not option.strip() or not rest.strip():
        raise InputError(f"{spec!r} is not a rating.", field="rating", fix=form)
    need: str | None
    if ":" in rest:
        need, _, raw = rest.rpartition(":")
        need = need.strip()
        if not need:
            raise InputError(f"{spec!r} names no need before the ':'.", field="rating", fix=form)
    else:
        need, raw = None, rest
    raw = raw.strip()
    if not re.fullmatch(r"[+-]?\d+", raw):
        raise InputError(
            f"{spec!r}: the score {raw!r} is not a whole number.",
            field="rating",
            fix="Score 0 (does not meet the need at all) to 4 (meets it fully).",
        )
    return RatingSpec(option.strip(), need, int(raw))


@dataclass(frozen=True, slots=True)
class TermSpec:
    """One term of an agreement as typed: who (name or id), what, and by when if said."""

    person: str
    what: str
    by: date | None


def term_spec(spec: str) -> TermSpec:
    """Read ``PERSON: what they do`` with an optional ``by YYYY-MM-DD`` at the end.

    >>> term_spec("Alex: buys headphones by 2030-05-01")
    TermSpec(person='Alex', what='buys headphones', by=datetime.date(2030, 5, 1))
    """
    form = 'Write "PERSON: what they do", optionally ending in "by YYYY-MM-DD".'
    person, sep, rest = spec.partition(":")
    if not sep or not person.strip() or not rest.strip():
        raise InputError(f"{spec!r} is not a term.", field="term", fix=form)
    what, by = rest.strip(), None
    found = _BY.match(what)
    if found:
        what = found["what"].strip()
        by = day(found["day"], "term date")
        if not what:
            raise InputError(f"{spec!r} says by when, but not what.", field="term", fix=form)
    return TermSpec(person.strip(), what, by)


def temperament_specs(specs: Sequence[str]) -> dict[str, object]:
    """``DIMENSION=POSITION`` pairs as a mapping; positions that are not whole numbers are kept
    as typed, so that the profile's own check names each of them with the scale.

    >>> temperament_specs(["planning=2", "pace=4"])
    {'planning': 2, 'pace': 4}
    """
    answers: dict[str, object] = {}
    for spec in specs:
        key, sep, raw = spec.partition("=")
        key, raw = key.strip(), raw.strip()
        if not sep or not key or not raw:
            raise InputError(
                f"{spec!r} is not a position.",
                field="temperament",
                fix="Write DIMENSION=POSITION, e.g. planning=2 (1 to 5).",
            )
        if key in answers:
            raise InputError(
                f"{key!r} is given twice.", field="temperament", fix="Give each dimension once."
            )
        answers[key] = int(raw) if re.fullmatch(r"[+-]?\d+", raw) else raw
    return answers


def day(text: str, field: str) -> date:
    """A calendar day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{text!r} is not a date.", field=field, fix="Write it as YYYY-MM-DD."
        ) from None


def moment(text: str, field: str) -> datetime:
    """An ISO date and time; without a time zone it is read as this computer's local time, which
    is what a person at the keyboard means by "at 20:15"."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"{text!r} is not a date and time.",
            field=field,
            fix="Write it as YYYY-MM-DDTHH:MM, optionally with a time zone (+01:00 or Z).",
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.astimezone()
