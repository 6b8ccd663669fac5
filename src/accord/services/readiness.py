"""Readiness check-ins and pauses (METHOD.md section 3): nothing joint while anyone is flooded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accord.domain.items import Item, ItemKind
from accord.domain.readiness import Pause, Readiness, pause_until, readiness
from accord.domain.topics import Negotiation
from accord.errors import PausedError, StepError
from accord.services.guard import actor_for, relationship_for
from accord.services.items import new_item
from accord.services.ports import Repository, UnitOfWork


@dataclass(frozen=True, slots=True)
class CheckIn:
    readiness: Readiness
    suggest_pause: bool
    why: str


def check_in(
    uow: UnitOfWork,
    *,
    actor_id: str,
    negotiation_id: str,
    feeling: str,
    heart_rate: int | None = None,
) -> CheckIn:
    """Say how one is before a joint step. Flooded (or a heart rate over 100) suggests a pause
    and holds every joint step until a calmer check-in."""
    from accord.services.negotiation import negotiation_for

    state = readiness(feeling, heart_rate)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        negotiation = negotiation_for(repo, actor, negotiation_id, lock=True)
        repo.add_item(
            new_item(
                uow,
                relationship_id=negotiation.relationship_id,
                owner_id=actor_id,
                kind=ItemKind.READINESS,
                data={
                    "negotiation_id": negotiation.id,
                    "step": negotiation.state.step.value,
                    "feeling": state.feeling.value,
                    "heart_rate": state.heart_rate,
                },
                fixed=True,
            )
        )
    return CheckIn(state, state.suggest_pause, state.why)


def my_check_in(uow: UnitOfWork, *, actor_id: str, negotiation_id: str) -> CheckIn | None:
    """My latest check-in for the negotiation's current step, if I have made one."""
    from accord.services.negotiation import negotiation_for

    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        negotiation = negotiation_for(repo, actor, negotiation_id)
        latest = current_check_ins(repo, negotiation, actor_id).get(actor_id)
    if latest is None:
        return None
    state = readiness(str(latest.data["feeling"]), latest.data.get("heart_rate"))
    return CheckIn(state, state.suggest_pause, state.why)


def pause(
    uow: UnitOfWork,
    *,
    actor_id: str,
    relationship_id: str,
    minutes: int | None = None,
    until: datetime | None = None,
    negotiation_id: str | None = None,
) -> Pause:
    """Pause the talk, no reason needed: 20 minutes to 24 hours, always with a time to resume."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        now = uow.now()
        resumes = pause_until(now, minutes=minutes, until=until)
        current = active_pause(repo, relationship_id, now)
        if current is not None and current.resumes_at >= resumes:
            return current  # already paused at least that long: keep the later time
        made = Pause(
            id=uow.new_id(),
            relationship_id=relationship_id,
            started_by=actor_id,
            started_at=now,
            resumes_at=resumes,
            negotiation_id=negotiation_id,
        )
        repo.add_pause(made)
        return made


def current_pause(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> Pause | None:
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        return active_pause(repo, relationship_id, uow.now())


def active_pause(repo: Repository, relationship_id: str, now: datetime) -> Pause | None:
    """The pause running now, if any (the one that resumes last)."""
    running = [p for p in repo.pauses(relationship_id) if p.active(now)]
    return max(running, key=lambda p: p.resumes_at) if running else None


def require_not_paused(repo: Repository, relationship_id: str, now: datetime) -> None:
    running = active_pause(repo, relationship_id, now)
    if running is not None:
        raise PausedError(
            "The talk is paused until "
            f"{running.resumes_at.strftime('%Y-%m-%d %H:%M UTC')}; nothing moves until then."
        )


def current_check_ins(
    repo: Repository, negotiation: Negotiation, owner_id: str | None = None
) -> dict[str, Item]:
    """Each member's latest check-in for the current pass of the current step (check-ins from
    before a step was gone back to and entered again do not count)."""
    latest: dict[str, Item] = {}
    for item in repo.items(
        relationship_id=negotiation.relationship_id, owner_id=owner_id, kind=ItemKind.READINESS
    ):
        data = item.data
        if (
            data.get("negotiation_id") == negotiation.id
            and data.get("step") == negotiation.state.step.value
            and item.created_at >= negotiation.step_since
        ):
            latest[item.owner_id] = item
    return latest


def require_ready(
    repo: Repository, negotiation: Negotiation, members: tuple[str, ...], names: dict[str, str]
) -> None:
    """Before a joint step, everyone has checked in for this step and nobody is flooded."""
    latest = current_check_ins(repo, negotiation)
    missing = [names[m] for m in members if m not in latest]
    if missing:
        raise StepError(
            "Before a joint step each of you says how you are (calm, tense or flooded); "
            f"still to check in: {', '.join(missing)}."
        )
    for member in members:
        data = latest[member].data
        state = readiness(str(data["feeling"]), data.get("heart_rate"))
        if state.suggest_pause:
            raise StepError(
                "Someone is not ready for a joint step yet. Take a pause, and check in again "
                "when it is over."
            )
