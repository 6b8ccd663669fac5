"""The enforcement test (METHOD.md section 2): a boundary is what *I* will do when it is crossed.

"I hate being yelled at" is a preference. "I won't stay in conversations where I'm yelled at;
when it starts I leave the room" is a boundary, because its consequence is an action its owner
commits to carry out, every time, without needing the other person to do anything. The test is
deliberately plain: it reads the consequence the person wrote and says which of the two it is,
why, and how to turn a preference into a boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class BoundaryKind(StrEnum):
    BOUNDARY = "boundary"
    PREFERENCE = "preference"


@dataclass(frozen=True, slots=True)
class EnforcementCheck:
    kind: BoundaryKind
    reason: str
    prompt: str  # empty for a boundary


# A consequence the owner carries out: first person, an action (not a feeling, not a demand).
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'll|i will|i'm going to|i am going to|i would|i'd|we'll|we will|my)\b"
    r"|^(?:leave|go|end|hang up|stop|walk|take|step|sleep|pause|ask|call|drive|cancel|mute|"
    r"close|move|pay|book|spend|eat|decline|say|tell|log off|put)\b"
)
_FEELING = re.compile(
    r"^(?:i(?:'ll| will)?(?: be| feel| get)? (?:upset|sad|angry|mad|hurt|annoyed|disappointed|"
    r"frustrated|unhappy|cross|furious)|i (?:hate|don't like|dislike|can't stand|wish))\b"
)
_DEMAND = re.compile(r"^(?:you|he|she|they)\b|\byou (?:must|have to|need to|should|will|'ll)\b")
_VAGUE = re.compile(r"^(?:something|consequences|we'll see|i don't know|not sure|tbd|\?+)\W*$")
_WORD = re.compile(r"[a-z']+")


def check_boundary(statement: str, consequence: str) -> EnforcementCheck:
    """Run the enforcement test on a boundary and the consequence its owner commits to.

    >>> check_boundary("I won't be yelled at", "I leave the room").kind.value
    'boundary'
    >>> check_boundary("I hate being yelled at", "").kind.value
    'preference'
    """
    text = " ".join(consequence.lower().replace("\u2019", "'").split())
    if not text:
        return _preference(
            "It has no consequence yet: without something you will do when it is crossed, it is "
            "a wish the other person may or may not honour.",
            statement,
        )
    if _VAGUE.match(text) or len(_WORD.findall(text)) < 2:
        return _preference(
            "The consequence is too vague to carry out: it should say exactly what you will do.",
            statement,
        )
    if _FEELING.search(text):
        return _preference(
            "The consequence is a feeling, not an action: feeling upset is not something you "
            "carry out.",
            statement,
        )
    if _DEMAND.search(text) and not _FIRST_PERSON.search(text):
        return _preference(
            "The consequence asks the other person to act; a boundary is enforced by what you "
            "do, whatever they do.",
            statement,
        )
    if not _FIRST_PERSON.search(text):
        return _preference(
            "The consequence does not say what you will do; write it as an action of yours "
            '("I will ...").',
            statement,
        )
    return EnforcementCheck(
        kind=BoundaryKind.BOUNDARY,
        reason="It names an action you commit to carry out each time it is crossed.",
        prompt="",
    )


def _preference(reason: str, statement: str) -> EnforcementCheck:
    subject = statement.strip().rstrip(".") or "this"
    return EnforcementCheck(
        kind=BoundaryKind.PREFERENCE,
        reason=reason,
        prompt=(
            f'To make "{subject}" a boundary, add what you will do, every time, when it is '
            'crossed: for example "when it starts, I leave the room and come back in an hour".'
        ),
    )
