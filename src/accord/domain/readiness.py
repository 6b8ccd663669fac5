"""Readiness and pauses (METHOD.md section 3): no joint step while anyone is flooded.

A pause can be called by anyone, at any time, without a reason. It lasts from 20 minutes to
24 hours and always carries the time the talk resumes: the one who needs space gets it, the one
who fears the talk is over gets a time it comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from accord.errors import InputError

MIN_PAUSE = timedelta(minutes=20)
MAX_PAUSE = timedelta(hours=24)
DEFAULT_PAUSE = timedelta(minutes=30)
HEART_RATE_LIMIT = 100  # beats per minute; above it the body is flooded, whatever one says


class Feeling(StrEnum):
    CALM = "calm"
    TENSE = "tense"
    FLOODED = "flooded"


@dataclass(frozen=True, slots=True)
class Readiness:
    """One member's check-in before a joint step."""

    feeling: Feeling
    heart_rate: int | None = None

    @property
    def ready(self) -> bool:
        return not self.suggest_pause

    @property
    def suggest_pause(self) -> bool:
        return self.feeling is Feeling.FLOODED or (
            self.heart_rate is not None and self.heart_rate > HEART_RATE_LIMIT
        )

    @property
    def why(self) -> str:
        if self.heart_rate is not None and self.heart_rate > HEART_RATE_LIMIT:
            return (
                f"A heart rate of {self.heart_rate} is over {HEART_RATE_LIMIT}: the body is "
                "flooded, and nobody negotiates well like that. Take a pause of at least 20 "
                "minutes, doing something soothing."
            )
        if self.feeling is Feeling.FLOODED:
            return (
                "You feel flooded. Take a pause of at least 20 minutes, doing something "
                "soothing; the talk will resume at the time you choose."
            )
        return ""


def readiness(feeling: str, heart_rate: int | None = None) -> Readiness:
    """A check-in from what a person entered, refusing what cannot be right."""
    try:
        parsed = Feeling(feeling)
    except ValueError:
        raise InputError(
            f"{feeling!r} is not one of the choices.",
            field="feeling",
            fix="Choose calm, tense or flooded.",
        ) from None
    if heart_rate is not None and not 25 <= heart_rate <= 250:
        raise InputError(
            f"{heart_rate} beats per minute is not a resting human heart rate.",
            field="heart rate",
            fix="Enter it in beats per minute (for example 72), or leave it out.",
        )
    return Readiness(parsed, heart_rate)


@dataclass(frozen=True, slots=True)
class Pause:
    id: str
    relationship_id: str
    started_by: str
    started_at: datetime
    resumes_at: datetime
    negotiation_id: str | None = None

    def active(self, now: datetime) -> bool:
        return self.started_at <= now < self.resumes_at


def pause_until(
    now: datetime, *, minutes: int | None = None, until: datetime | None = None
) -> datetime:
    """When a pause starting ``now`` ends: given as a length or a time, 20 minutes to 24 hours."""
    if minutes is not None and until is not None:
        raise InputError("give the length or the end time, not both.", field="pause")
    if until is None:
        until = now + (timedelta(minutes=minutes) if minutes is not None else DEFAULT_PAUSE)
    if until.tzinfo is None:
        raise InputError("has no time zone.", field="resume time", fix="Give it with a time zone.")
    length = until - now
    if length < MIN_PAUSE:
        raise InputError(
            "a pause lasts at least 20 minutes: the body needs that long to calm down.",
            field="pause",
            fix="Choose 20 minutes or more.",
        )
    if length > MAX_PAUSE:
        raise InputError(
            "a pause lasts at most 24 hours, so that the talk surely resumes.",
            field="pause",
            fix="Choose a time within the next 24 hours.",
        )
    return until
