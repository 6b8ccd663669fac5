"""How names and numbers read in the report: people, topics and options in plain words.

Scenario files use short identifiers ("tv_headphones", "sam"); a reader should see
"tv headphones" and "Sam". Numbers are satisfaction points on a 0..100 scale, shown rounded
half up (never banker's rounding, which would surprise a reader checking "31.25 -> 31").
These helpers return plain text; escaping is the template's job.

>>> human("tv_headphones"), person("sam"), heading("monthly_savings")
('tv headphones', 'Sam', 'Monthly savings')
>>> points(82.25), whole(31.25), whole(0.25), signed(-16.666)
('82.3', '31', '0.3', '−16.7')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from accord.domain.words import join, person, pretty

__all__ = [
    "heading",
    "human",
    "join",
    "person",
    "points",
    "sentence",
    "signed",
    "whole",
]

Number = Fraction | float | int

MINUS = "\u2212"  # a real minus sign: reads better than a hyphen next to digits


human = pretty  # the report's word for it


def heading(name: str) -> str:
    """An identifier as words with a capital first letter, for a topic in a table or heading."""
    words = human(name)
    return words[:1].upper() + words[1:]


def sentence(text: str) -> str:
    """Text that starts with a capital letter, whatever produced it."""
    return text[:1].upper() + text[1:]


def _rounded(value: Number, places: int) -> Decimal:
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _text(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", MINUS)


def points(value: Number) -> str:
    """A satisfaction to one decimal at most: 82.25 -> '82.3', 75 -> '75'."""
    return _text(_rounded(value, 1))


def whole(value: Number) -> str:
    """A satisfaction to a whole number, unless that would hide a change smaller than one."""
    rounded = _rounded(value, 0)
    if rounded == 0 and value != 0:
        return points(value)
    return _text(rounded)


def signed(value: Number) -> str:
    """A change in satisfaction with its sign: '+10', '−16.7', '0'."""
    text = points(value)
    return text if text.startswith(MINUS) or text == "0" else "+" + text
