"""The guided negotiation, one service per move (the steps are in accord.domain.negotiation).

Every move checks, in this order: the person may see the negotiation; the talk is not paused
(a pause freezes everything); the move belongs to the current step; for joint steps, everyone
has checked in and nobody is flooded; the person is not on a safety hold for it. Writes lock
the relationship first, so two members acting at the same moment queue and neither loses the
other's move.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from accord.coach import Analysis, analyse
from accord.domain.access import Actor, Visibility
from accord.domain.items import Item, ItemKind
from accord.domain.needs import catalogue
from accord.domain.negotiation import JOINT, WHAT, State, Step, advance, back, finish, require
from accord.domain.topics import Negotiation, Topic, TopicStatus
from accord.errors import InputError, NotFoundError, StepError
from accord.services.guard import actor_for, relationship_for, reread_locked
from accord.services.items import clean_text, new_item
from accord.services.packages import Offer, run_engine
from accord.services.ports import Repository, UnitOfWork
from accord.services.readiness import active_pause, require_not_paused, require_ready
from accord.services.safety import SafetyNotice, screen

BLOCKERS_THAT_SUGGEST_A_PAUSE = frozenset(
    {"contempt", "criticism", "defensiveness", "stonewalling", "pursue", "withdraw"}
)

NO_NEGOTIATION = "There is no such negotiation among yours."


@dataclass(frozen=True, slots=True)
class CoachNote:
    """What the coach saw in a joint text: blockers, a gentler way to say it, a pause hint."""

    labels: tuple[str, ...]
    rewrites: tuple[str, ...]
    suggest_pause: bool


@dataclass(frozen=True, slots=True)
class OptionView:
    id: str
    topic_id: str
    text: str
    added_by: str  # name


@dataclass(frozen=True, slots=True)
class RestatementView:
    id: str
    by: str  # person id
    about: str  # person id
    text: str
    status: str  # pending, confirmed, corrected
    correction: str


@dataclass(frozen=True, slots=True)
class NegotiationView:
    """A negotiation as one member sees it: shared things, and only their own private ones."""

    id: str
    relationship_id: str
    step: Step
    what: str
    joint: bool
    names: Mapping[str, str]  # person id -> name, current members
    waiting_for: tuple[str, ...]  # names
    topics: tuple[Topic, ...]
    options: tuple[OptionView, ...]
    restatements: tuple[RestatementView, ...]
    mine: tuple[Item, ...]
    offers: tuple[Offer, ...]
    questions: tuple[str, ...]
    finding: str  # the engine's plain finding at the packages step
    agreed: Mapping[str, str] | None  # topic id -> option id
    paused_until: datetime | None
    on_hold: bool  # the safety screen holds this person's part (only they see this)
    frontier: tuple[Mapping[str, float], ...] = ()  # person id -> satisfaction, for the chart
    version: str = ""  # changes whenever anything this person sees here changes


@dataclass(frozen=True, slots=True)
class Acted:
    view: NegotiationView
    safety: SafetyNotice | None = None
    coach: CoachNote | None = None


# Starting -------------------------------------------------------------------------------------


def start(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str, topic_ids: Sequence[str]
) -> NegotiationView:
    """Negotiate one or more zone topics together (so the engine can trade across them)."""
    if not topic_ids:
        raise InputError("no topics given.", field="topics", fix="Choose at least one topic.")
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        require_not_paused(repo, relationship_id, uow.now())
        chosen: list[Topic] = []
        for topic_id in dict.fromkeys(topic_ids):
            topic = repo.get_topic(topic_id)
            if (
                topic is None
                or topic.relationship_id != relationship_id
                or (topic.visibility is not Visibility.SHARED)
            ):
                raise NotFoundError("There is no such topic that you can see.")
            if topic.status is not TopicStatus.ZONE:
                raise StepError(
                    f'"{topic.title}" is not ready for a negotiation: only topics both of you '
                    f"placed in the negotiation zone are negotiated (it is {topic.status.value})."
                )
            chosen.append(topic)
        now = uow.now()
        negotiation = Negotiation(
            id=uow.new_id(),
            relationship_id=relationship_id,
            topic_ids=tuple(t.id for t in chosen),
            state=State(),
            created_by=actor_id,
            created_at=now,
            updated_at=now,
        )
        repo.add_negotiation(negotiation)
        for topic in chosen:
            repo.update_topic(
                replace(
                    topic,
                    status=TopicStatus.NEGOTIATING,
                    negotiation_id=negotiation.id,
                    updated_at=now,
                )
            )
        return _view(repo, uow, actor, negotiation)


def negotiations(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str
) -> tuple[NegotiationView, ...]:
    """The relationship's negotiations, oldest first, as this person sees them."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        return tuple(_view(repo, uow, actor, n) for n in repo.negotiations(relationship_id))


def view(uow: UnitOfWork, *, actor_id: str, negotiation_id: str) -> NegotiationView:
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        return _view(repo, uow, actor, negotiation_for(repo, actor, negotiation_id))


# Private steps -------------------------------------------------------------------------------


def state_position(
    uow: UnitOfWork, *, actor_id: str, negotiation_id: str, topic_id: str, text: str
) -> Acted:
    """What I want on this topic, privately (replaces what I said before)."""
    words = clean_text(text, "position")
    return _private_text(
        uow, actor_id, negotiation_id, topic_id, Step.POSITIONS, ItemKind.POSITION, words
    )


def name_need(
    uow: UnitOfWork,
    *,
    actor_id: str,
    negotiation_id: str,
    topic_id: str,
    need: str | None = None,
    text: str = "",
    weight: int = 2,
) -> Acted:
    """A need behind my position on a topic (several per want), with how much it matters (1-4)."""
    words = clean_text(text, "text", required=need is None, limit=200)
    if need is not None and need not in catalogue():
        raise InputError(
            f"{need!r} is not in the needs catalogue.",
            field="need",
            fix=f"Choose one of: {', '.join(catalogue())}; or describe it in words.",
        )
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 4:
        raise InputError(
            f"{weight!r} is not a weight.", field="weight", fix="Use 1 (a little) to 4 (a lot)."
        )
    return _private_text(
        uow,
        actor_id,
        negotiation_id,
        topic_id,
        Step.NEEDS,
        ItemKind.INTEREST,
        words,
        extra={"need": need, "weight": weight},
        replace_existing=False,
    )


def suggest_needs(text: str, limit: int = 5) -> tuple[str, ...]:
    """Catalogue needs whose words appear in a position, to help name what lies beneath it."""
    words = set(text.lower().replace("'", " ").split())
    scored = []
    for need in catalogue().values():
        vocabulary = set(f"{need.id} {need.label} {need.description}".lower().split())
        vocabulary = {w.strip(".,;:()'\"") for w in vocabulary if len(w) > 3}
        overlap = len(words & vocabulary)
        if overlap:
            scored.append((-overlap, need.id))
    return tuple(need for _, need in sorted(scored)[:limit])


def rate(
    uow: UnitOfWork,
    *,
    actor_id: str,
    negotiation_id: str,
    ratings: Mapping[str, Mapping[str, int]],
    forbidden: Sequence[str] = (),
) -> Acted:
    """How well each option meets each of my needs (0-4), and options I forbid (they cross a
    foundation need of mine). Private: only the packages they lead to are shared."""
    with uow.begin(write=True) as repo:
        actor, negotiation = _acting(repo, uow, actor_id, negotiation_id, Step.RATINGS, "rate")
        options = {o.id: o for o in _option_items(repo, negotiation)}
        needs = {n.id: n for n in _mine(repo, negotiation, actor_id, ItemKind.INTEREST)}
        for option_id in forbidden:
            if option_id not in options:
                raise InputError(f"{option_id!r} is not an option here.", field="forbidden")
        clean: dict[str, dict[str, int]] = {}
        for option_id, by_need in ratings.items():
            if option_id not in options:
                raise InputError(f"{option_id!r} is not an option here.", field="ratings")
            for need_id, value in by_need.items():
                if need_id not in needs:
                    raise InputError(f"{need_id!r} is not one of your needs here.", field="ratings")
                if needs[need_id].topic_id != options[option_id].topic_id:
                    raise InputError(
                        "a need is rated only against the options of its own topic.",
                        field="ratings",
                    )
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
                    raise InputError(
                        f"{value!r} is not a rating.",
                        field="ratings",
                        fix="Use 0 (does not meet the need at all) to 4 (meets it fully).",
                    )
                clean.setdefault(option_id, {})[need_id] = value
        _replace_mine(
            repo,
            uow,
            negotiation,
            actor_id,
            ItemKind.RATINGS,
            {"negotiation_id": negotiation.id, "ratings": clean, "forbidden": sorted(forbidden)},
        )
        return Acted(_view(repo, uow, actor, negotiation))


def accept(
    uow: UnitOfWork, *, actor_id: str, negotiation_id: str, offer_ids: Sequence[str]
) -> Acted:
    """The packages I can live with, privately; only the overlap is ever revealed."""
    with uow.begin(write=True) as repo:
        actor, negotiation = _acting(
            repo, uow, actor_id, negotiation_id, Step.ACCEPTANCE, "mark acceptable packages"
        )
        known = {str(o["id"]) for o in _offers_data(negotiation)}
        for offer_id in offer_ids:
            if offer_id not in known:
                raise InputError(
                    f"{offer_id!r} is not one of the packages offered.",
                    field="packages",
                    fix=f"Choose among: {', '.join(sorted(known))}.",
                )
        _replace_mine(
            repo,
            uow,
            negotiation,
            actor_id,
            ItemKind.ACCEPTANCE,
            {"negotiation_id": negotiation.id, "offers": sorted(set(offer_ids))},
        )
        return Acted(_view(repo, uow, actor, negotiation))


# Joint steps --------------------------------------------------------------------------------


def restate(
    uow: UnitOfWork, *, actor_id: str, negotiation_id: str, about_id: str, text: str
) -> Acted:
    """Say another member's needs in my own words ("It sounds like you need ...")."""
    words = clean_text(text, "restatement")
    with uow.begin(write=True) as repo:
        actor, negotiation = _acting(
            repo, uow, actor_id, negotiation_id, Step.EMPATHY, "restate the other's needs"
        )
        members = _members(repo, negotiation)
        if about_id not in members or about_id == actor_id:
            raise InputError(
                "you restate the needs of another member of this negotiation.", field="about"
            )
        reading = analyse(words)
        notice = _screen(uow, repo, negotiation, actor_id, words, reading=reading)
        if notice is not None:
            return Acted(_view(repo, uow, actor, negotiation), safety=notice)
        repo.add_item(
            new_item(
                uow,
                relationship_id=negotiation.relationship_id,
                owner_id=actor_id,
                kind=ItemKind.RESTATEMENT,
                data={
                    "negotiation_id": negotiation.id,
                    "about": about_id,
                    "text": words,
                    "status": "pending",
                    "correction": "",
                },
                visible=Visibility.SHARED,
                fixed=True,
            )
        )
        return Acted(_view(repo, uow, actor, negotiation), coach=_coach(reading))


def answer_restatement(
    uow: UnitOfWork,
    *,
    actor_id: str,
    restatement_id: str,
    thats_right: bool,
    correction: str = "",
) -> Acted:
    """The person restated answers: "that's right", or what to correct. The empathy step ends
    when every member has confirmed every other member's restatement of their needs."""
    words = clean_text(correction, "correction", required=not thats_right)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        item = repo.get_item(restatement_id) if restatement_id else None
        if (
            item is None
            or item.kind is not ItemKind.RESTATEMENT
            or item.relationship_id not in actor.relationships
        ):
            raise NotFoundError("There is no such restatement that you can see.")
        actor, negotiation = _acting(
            repo,
            uow,
            actor_id,
            str(item.data["negotiation_id"]),
            Step.EMPATHY,
            "answer a restatement",
        )
        item = repo.get_item(restatement_id)
        assert item is not None
        if item.data["about"] != actor_id:
            raise StepError("Only the person whose needs were restated can answer it.")
        if item.data["status"] != "pending":
            raise StepError("This restatement has been answered already.")
        reading = analyse(words) if words else None
        notice = (
            _screen(uow, repo, negotiation, actor_id, words, reading=reading) if words else None
        )
        if notice is not None:
            return Acted(_view(repo, uow, actor, negotiation), safety=notice)
        data = dict(item.data)
        data["status"] = "confirmed" if thats_right else "corrected"
        data["correction"] = words
        repo.update_item(replace(item, data=data, updated_at=uow.now()))
        if _empathy_complete(repo, negotiation):
            negotiation = _save(repo, uow, negotiation, advance(negotiation.state))
        return Acted(
            _view(repo, uow, actor, negotiation), coach=_coach(reading) if reading else None
        )


def add_option(
    uow: UnitOfWork, *, actor_id: str, negotiation_id: str, topic_id: str, text: str
) -> Acted:
    """Brainstorm with "yes, and": anyone adds an option; nobody deletes one."""
    words = clean_text(text, "option", limit=200)
    with uow.begin(write=True) as repo:
        actor, negotiation = _acting(
            repo, uow, actor_id, negotiation_id, Step.OPTIONS, "add options"
        )
        if topic_id not in negotiation.topic_ids:
            raise NotFoundError("There is no such topic in this negotiation.")
        reading = analyse(words)
        notice = _screen(uow, repo, negotiation, actor_id, words, reading=reading)
        if notice is not None:
            return Acted(_view(repo, uow, actor, negotiation), safety=notice)
        existing = {
            " ".join(o.data["text"].lower().split())
            for o in _option_items(repo, negotiation)
            if o.topic_id == topic_id
        }
        if " ".join(words.lower().split()) in existing:
            raise InputError("that option is on the list already.", field="option")
        repo.add_item(
            new_item(
                uow,
                relationship_id=negotiation.relationship_id,
                owner_id=actor_id,
                kind=ItemKind.OPTION,
                data={"negotiation_id": negotiation.id, "text": words},
                visible=Visibility.SHARED,
                topic_id=topic_id,
                fixed=True,
            )
        )
        # New ideas reopen the brainstorm for everyone who had said they were ready.
        negotiation = _save(repo, uow, negotiation, State(Step.OPTIONS))
        return Acted(_view(repo, uow, actor, negotiation), coach=_coach(reading))


# Moving between steps ------------------------------------------------------------------------


def finish_step(uow: UnitOfWork, *, actor_id: str, negotiation_id: str) -> Acted:
    """I have done my part of this step. When everyone has, the negotiation moves on."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        negotiation = negotiation_for(repo, actor, negotiation_id, lock=True)
        step = negotiation.state.step
        actor, negotiation = _acting(repo, uow, actor_id, negotiation_id, step, "finish a step")
        _check_part_done(repo, negotiation, actor_id)
        members = _members(repo, negotiation)
        state = finish(negotiation.state, actor_id, members)
        if state.step is not step:
            state = _on_step_complete(repo, uow, negotiation, step, state)
        negotiation = _save(repo, uow, negotiation, state)
        return Acted(_view(repo, uow, actor, negotiation))


def go_back(uow: UnitOfWork, *, actor_id: str, negotiation_id: str) -> Acted:
    """Any member may take the negotiation back one step."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        negotiation = negotiation_for(repo, actor, negotiation_id, lock=True)
        require_not_paused(repo, negotiation.relationship_id, uow.now())
        state = back(negotiation.state)
        negotiation = _save(repo, uow, negotiation, state)
        return Acted(_view(repo, uow, actor, negotiation))


# Internals ----------------------------------------------------------------------------------


def negotiation_for(
    repo: Repository, actor: Actor, negotiation_id: str, *, lock: bool = False
) -> Negotiation:
    negotiation = repo.get_negotiation(negotiation_id) if negotiation_id else None
    if negotiation is None or negotiation.relationship_id not in actor.relationships:
        raise NotFoundError(NO_NEGOTIATION)
    if lock:
        return reread_locked(
            repo,
            negotiation.relationship_id,
            lambda: repo.get_negotiation(negotiation_id),
            NO_NEGOTIATION,
        )
    return negotiation


def _acting(
    repo: Repository, uow: UnitOfWork, actor_id: str, negotiation_id: str, step: Step, action: str
) -> tuple[Actor, Negotiation]:
    actor = actor_for(repo, actor_id)
    negotiation = negotiation_for(repo, actor, negotiation_id, lock=True)
    require_not_paused(repo, negotiation.relationship_id, uow.now())
    require(negotiation.state, step, action=action)
    if _on_hold(repo, negotiation, actor_id):
        raise StepError(
            "This negotiation is on hold for you: what you wrote suggested you may not be safe. "
            "The help resources are on your safety page."
        )
    if negotiation.state.step in JOINT:
        members = _members(repo, negotiation)
        require_ready(repo, negotiation, members, _names(repo, members))
    return actor, negotiation


def _private_text(
    uow: UnitOfWork,
    actor_id: str,
    negotiation_id: str,
    topic_id: str,
    step: Step,
    kind: ItemKind,
    words: str,
    *,
    extra: Mapping[str, object] | None = None,
    replace_existing: bool = True,
) -> Acted:
    with uow.begin(write=True) as repo:
        what = "say your position" if kind is ItemKind.POSITION else "name the needs behind it"
        actor, negotiation = _acting(repo, uow, actor_id, negotiation_id, step, what)
        if topic_id not in negotiation.topic_ids:
            raise NotFoundError("There is no such topic in this negotiation.")
        notice = _screen(uow, repo, negotiation, actor_id, words, topic_id=topic_id)
        if notice is not None:
            return Acted(_view(repo, uow, actor, negotiation), safety=notice)
        if replace_existing:
            for old in _mine(repo, negotiation, actor_id, kind):
                if old.topic_id == topic_id:
                    repo.delete_item(old.id)
        data = {"negotiation_id": negotiation.id, "text": words, **(extra or {})}
        repo.add_item(
            new_item(
                uow,
                relationship_id=negotiation.relationship_id,
                owner_id=actor_id,
                kind=kind,
                data=data,
                topic_id=topic_id,
            )
        )
        return Acted(_view(repo, uow, actor, negotiation))


def _replace_mine(
    repo: Repository,
    uow: UnitOfWork,
    negotiation: Negotiation,
    actor_id: str,
    kind: ItemKind,
    data: Mapping[str, object],
) -> None:
    for old in _mine(repo, negotiation, actor_id, kind):
        repo.delete_item(old.id)
    repo.add_item(
        new_item(
            uow,
            relationship_id=negotiation.relationship_id,
            owner_id=actor_id,
            kind=kind,
            data=data,
        )
    )


def _check_part_done(repo: Repository, negotiation: Negotiation, actor_id: str) -> None:
    step = negotiation.state.step
    topics = [repo.get_topic(t) for t in negotiation.topic_ids]
    titles = {t.id: t.title for t in topics if t is not None}
    if step in (Step.POSITIONS, Step.NEEDS):
        kind = ItemKind.POSITION if step is Step.POSITIONS else ItemKind.INTEREST
        covered = {i.topic_id for i in _mine(repo, negotiation, actor_id, kind)}
        missing = [titles[t] for t in negotiation.topic_ids if t not in covered]
        if missing:
            what = "your position" if step is Step.POSITIONS else "at least one need"
            raise StepError(f"Before you finish, give {what} on: {', '.join(missing)}.")
    elif step is Step.OPTIONS:
        options = _option_items(repo, negotiation)
        few = [
            titles[t] for t in negotiation.topic_ids if sum(o.topic_id == t for o in options) < 2
        ]
        if few:
            raise StepError(
                f"Each topic needs at least two options; add more for: {', '.join(few)}."
            )
    elif step is Step.RATINGS:
        (mine,) = _mine(repo, negotiation, actor_id, ItemKind.RATINGS) or (None,)
        if mine is None:
            raise StepError("Rate the options against your needs before you finish.")
        ratings: Mapping[str, Mapping[str, int]] = mine.data["ratings"]
        forbidden = set(mine.data["forbidden"])
        needs = _mine(repo, negotiation, actor_id, ItemKind.INTEREST)
        for option in _option_items(repo, negotiation):
            if option.id in forbidden:
                continue
            for need in needs:
                if need.topic_id == option.topic_id and need.id not in ratings.get(option.id, {}):
                    raise StepError(
                        f'Rate "{option.data["text"]}" against your need '
                        f'"{_need_words(need)}" before you finish (0 to 4).'
                    )
    elif step is Step.ACCEPTANCE and not _mine(repo, negotiation, actor_id, ItemKind.ACCEPTANCE):
        raise StepError(
            "Mark the packages you can live with before you finish (marking none is an answer too)."
        )


def _on_step_complete(
    repo: Repository, uow: UnitOfWork, negotiation: Negotiation, step: Step, state: State
) -> State:
    """What happens when everyone has finished ``step`` (``state`` is the next one)."""
    if step is Step.RATINGS:
        result = run_engine(**engine_inputs(repo, negotiation))
        repo.update_negotiation(replace(negotiation, result=result))
    if step is Step.ACCEPTANCE:
        offers = [o["id"] for o in _offers_data(negotiation)]
        marks = [
            set(i.data["offers"]) for i in of_negotiation(repo, negotiation, ItemKind.ACCEPTANCE)
        ]
        overlap = [o for o in offers if all(o in m for m in marks)]
        if not overlap:
            return State(Step.OPTIONS)
        chosen = next(
            Offer.from_dict(o) for o in _offers_data(negotiation) if o["id"] == overlap[0]
        )
        now = uow.now()
        fresh = repo.get_negotiation(negotiation.id)
        assert fresh is not None
        repo.update_negotiation(replace(fresh, agreed_package=dict(chosen.package), updated_at=now))
        for topic_id in negotiation.topic_ids:
            topic = repo.get_topic(topic_id)
            if topic is not None:
                repo.update_topic(replace(topic, status=TopicStatus.AGREED, updated_at=now))
    return state


def engine_inputs(repo: Repository, negotiation: Negotiation) -> dict[str, Any]:
    """What the engine needs from a negotiation: members, topics, options, needs, ratings."""
    return {
        "names": _names(repo, _members(repo, negotiation)),
        "topics": [t for t in (repo.get_topic(i) for i in negotiation.topic_ids) if t],
        "options": of_negotiation(repo, negotiation, ItemKind.OPTION),
        "interests": of_negotiation(repo, negotiation, ItemKind.INTEREST),
        "ratings": of_negotiation(repo, negotiation, ItemKind.RATINGS),
    }


def _save(repo: Repository, uow: UnitOfWork, negotiation: Negotiation, state: State) -> Negotiation:
    fresh = repo.get_negotiation(negotiation.id)
    assert fresh is not None
    now = uow.now()
    started = now if state.step is not fresh.state.step else fresh.step_started_at
    updated = replace(fresh, state=state, updated_at=now, step_started_at=started)
    repo.update_negotiation(updated)
    return updated


def _empathy_complete(repo: Repository, negotiation: Negotiation) -> bool:
    members = _members(repo, negotiation)
    confirmed = {
        (i.owner_id, str(i.data["about"]))
        for i in of_negotiation(repo, negotiation, ItemKind.RESTATEMENT)
        if i.data["status"] == "confirmed"
    }
    return all((a, b) in confirmed for a in members for b in members if a != b)


def _screen(
    uow: UnitOfWork,
    repo: Repository,
    negotiation: Negotiation,
    actor_id: str,
    text: str,
    topic_id: str | None = None,
    reading: Analysis | None = None,
) -> SafetyNotice | None:
    return screen(
        uow,
        repo,
        owner_id=actor_id,
        relationship_id=negotiation.relationship_id,
        text=text,
        where=f"negotiation:{negotiation.id}",
        topic_id=topic_id,
        analysis=reading,
    )


def _on_hold(repo: Repository, negotiation: Negotiation, actor_id: str) -> bool:
    return _holds(repo.items(owner_id=actor_id, kind=ItemKind.SAFETY_FLAG), negotiation)


def _holds(items: Sequence[Item], negotiation: Negotiation) -> bool:
    """Whether any of these items is a safety flag raised in this negotiation."""
    return any(
        i.kind is ItemKind.SAFETY_FLAG and i.data.get("where") == f"negotiation:{negotiation.id}"
        for i in items
    )


def _coach(analysis: Analysis) -> CoachNote | None:
    blockers = tuple(x for x in analysis.labels if x in BLOCKERS_THAT_SUGGEST_A_PAUSE)
    if not blockers and not analysis.suggestions:
        return None
    return CoachNote(
        labels=analysis.labels,
        rewrites=tuple(s.rewrite for s in analysis.suggestions),
        suggest_pause=bool(blockers),
    )


def _members(repo: Repository, negotiation: Negotiation) -> tuple[str, ...]:
    relationship = repo.get_relationship(negotiation.relationship_id)
    assert relationship is not None
    return relationship.current_members()


def _names(repo: Repository, members: Sequence[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for member in members:
        person = repo.get_person(member)
        names[member] = person.name if person is not None else "someone"
    return names


def of_negotiation(
    repo: Repository, negotiation: Negotiation, kind: ItemKind, owner_id: str | None = None
) -> list[Item]:
    """The items of one kind written in this negotiation (by ``owner_id``, if given)."""
    return [
        i
        for i in repo.items(
            relationship_id=negotiation.relationship_id, owner_id=owner_id, kind=kind
        )
        if i.data.get("negotiation_id") == negotiation.id
    ]


def _mine(repo: Repository, negotiation: Negotiation, actor_id: str, kind: ItemKind) -> list[Item]:
    return of_negotiation(repo, negotiation, kind, actor_id)


def _option_items(repo: Repository, negotiation: Negotiation) -> list[Item]:
    return of_negotiation(repo, negotiation, ItemKind.OPTION)


def _offers_data(negotiation: Negotiation) -> list[dict[str, Any]]:
    result = negotiation.result or {}
    offers = result.get("offers", [])
    return list(offers) if isinstance(offers, list) else []


def _need_words(item: Item) -> str:
    need = item.data.get("need")
    text = str(item.data.get("text") or "")
    if need:
        label = catalogue()[str(need)].label
        return f"{label} ({text})" if text else label
    return text


def _waiting_for(
    negotiation: Negotiation,
    members: tuple[str, ...],
    names: Mapping[str, str],
    restatements: Sequence[RestatementView],
) -> tuple[str, ...]:
    """Who the step waits for. In the empathy step: whoever still owes a restatement of
    someone's needs, or an answer to a restatement of their own."""
    step = negotiation.state.step
    if step is Step.AGREED:
        return ()
    if step is not Step.EMPATHY:
        return tuple(names[m] for m in negotiation.state.waiting_for(members))
    confirmed = {(r.by, r.about) for r in restatements if r.status == "confirmed"}
    pending = {(r.by, r.about) for r in restatements if r.status == "pending"}
    owing = set()
    for a in members:
        for b in members:
            if a == b or (a, b) in confirmed:
                continue
            owing.add(b if (a, b) in pending else a)
    return tuple(names[m] for m in members if m in owing)


def _view(
    repo: Repository, uow: UnitOfWork, actor: Actor, negotiation: Negotiation
) -> NegotiationView:
    members = _members(repo, negotiation)
    names = _names(repo, members)
    all_names = dict(names)
    options = _option_items(repo, negotiation)
    for option in options:
        if option.owner_id not in all_names:
            person = repo.get_person(option.owner_id)
            all_names[option.owner_id] = person.name if person else "someone"
    restatements = tuple(
        RestatementView(
            id=i.id,
            by=i.owner_id,
            about=str(i.data["about"]),
            text=str(i.data["text"]),
            status=str(i.data["status"]),
            correction=str(i.data["correction"]),
        )
        for i in of_negotiation(repo, negotiation, ItemKind.RESTATEMENT)
    )
    # One read of this person's own items in the relationship serves both their private
    # items here and whether the safety screen holds them.
    own = repo.items(relationship_id=negotiation.relationship_id, owner_id=actor.person_id)
    mine = tuple(
        i
        for kind in (ItemKind.POSITION, ItemKind.INTEREST, ItemKind.RATINGS, ItemKind.ACCEPTANCE)
        for i in own
        if i.kind is kind and i.data.get("negotiation_id") == negotiation.id
    )
    result: Mapping[str, Any] = negotiation.result or {}
    pause = active_pause(repo, negotiation.relationship_id, uow.now())
    step = negotiation.state.step
    on_hold = _holds(own, negotiation)
    check_ins = len(of_negotiation(repo, negotiation, ItemKind.READINESS))
    version = _version(
        step.value,
        ",".join(sorted(negotiation.state.done)),
        negotiation.updated_at.isoformat(),
        len(options),
        ";".join(f"{r.id}:{r.status}" for r in restatements),
        check_ins,
        len(mine),
        max((i.updated_at for i in mine), default=negotiation.updated_at).isoformat(),
        pause.resumes_at.isoformat() if pause else "",
        on_hold,
        ",".join(sorted(names)),
    )
    frontier = result.get("frontier", [])
    return NegotiationView(
        id=negotiation.id,
        relationship_id=negotiation.relationship_id,
        step=step,
        what=WHAT[step],
        joint=step in JOINT,
        names=names,
        waiting_for=_waiting_for(negotiation, members, names, restatements),
        topics=tuple(t for t in (repo.get_topic(i) for i in negotiation.topic_ids) if t),
        options=tuple(
            OptionView(o.id, o.topic_id or "", str(o.data["text"]), all_names[o.owner_id])
            for o in options
        ),
        restatements=restatements,
        mine=mine,
        offers=tuple(Offer.from_dict(o) for o in _offers_data(negotiation)),
        questions=tuple(str(q) for q in result.get("questions", [])),
        finding=str(result.get("finding", "")),
        agreed=negotiation.agreed_package,
        paused_until=pause.resumes_at if pause else None,
        on_hold=on_hold,
        frontier=tuple(
            {str(k): float(v) for k, v in point.items()}
            for point in (frontier if isinstance(frontier, list) else [])
            if isinstance(point, Mapping)
        ),
        version=version,
    )


def _version(*parts: object) -> str:
    """A short fingerprint of what a member sees, for pages that refresh when it changes."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
