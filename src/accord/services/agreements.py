"""Agreements (METHOD.md section 6): who does what by when, how you will know it works, a
review date; check-ins; renegotiation; and the engine's post-settlement check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from accord.domain.access import Visibility
from accord.domain.items import ItemKind
from accord.domain.negotiation import State, Step
from accord.domain.topics import (
    Agreement,
    AgreementStatus,
    CheckInOutcome,
    Term,
    TopicStatus,
)
from accord.errors import InputError, NotFoundError, StepError
from accord.services.guard import actor_for, relationship_for, reread_locked
from accord.services.items import clean_text, new_item
from accord.services.negotiation import engine_inputs, negotiation_for
from accord.services.packages import build, post_settlement
from accord.services.ports import Repository, UnitOfWork
from accord.services.readiness import require_not_paused

MAX_REVIEW = timedelta(days=366)

NO_AGREEMENT = "There is no such agreement among yours."


@dataclass(frozen=True, slots=True)
class CheckInView:
    by: str  # name
    outcome: CheckInOutcome
    note: str
    at: datetime


@dataclass(frozen=True, slots=True)
class AgreementView:
    agreement: Agreement
    package: Mapping[str, str]  # topic title -> option text
    terms: tuple[tuple[str, str, date | None], ...]  # (name, what, by)
    check_ins: tuple[CheckInView, ...]
    review_due: bool
    better_for_all: Mapping[str, str] | None  # post-settlement: topic title -> option text
    better_satisfaction: Mapping[str, float] | None  # name -> satisfaction under it


def record(
    uow: UnitOfWork,
    *,
    actor_id: str,
    negotiation_id: str,
    terms: Sequence[tuple[str, str, date | None]],
    how_we_know: str,
    review_on: date,
) -> AgreementView:
    """Write down the agreement a negotiation reached: ``terms`` are (person id, what, by when)."""
    signs = clean_text(how_we_know, "how you will know it works")
    if not terms:
        raise InputError("no terms.", field="terms", fix="Say who does what, at least once.")
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        negotiation = negotiation_for(repo, actor, negotiation_id, lock=True)
        require_not_paused(repo, negotiation.relationship_id, uow.now())
        if negotiation.state.step is not Step.AGREED or negotiation.agreed_package is None:
            raise StepError("An agreement is written down once the negotiation has reached one.")
        if any(
            a.negotiation_id == negotiation.id
            for a in repo.agreements(negotiation.relationship_id)
            if a.status is AgreementStatus.ACTIVE
        ):
            raise StepError("This agreement is written down already; renegotiate to change it.")
        relationship = repo.get_relationship(negotiation.relationship_id)
        assert relationship is not None
        members = relationship.current_members()
        today = uow.now().date()
        clean_terms = []
        for n, (who, what, by) in enumerate(terms, start=1):
            if who not in members:
                raise InputError("is not a member of this relationship.", field=f"term {n}")
            if by is not None and by < today:
                raise InputError(
                    "is in the past.", field=f"term {n} date", fix="Give a future date."
                )
            clean_terms.append(Term(who, clean_text(what, f"term {n}", limit=500), by))
        if review_on <= today or review_on - today > MAX_REVIEW:
            raise InputError(
                "must be after today and within a year.",
                field="review date",
                fix="Choose when you will sit down and see how it is going.",
            )
        now = uow.now()
        agreement = Agreement(
            id=uow.new_id(),
            relationship_id=negotiation.relationship_id,
            negotiation_id=negotiation.id,
            package=dict(negotiation.agreed_package),
            terms=tuple(clean_terms),
            how_we_know=signs,
            review_on=review_on,
            status=AgreementStatus.ACTIVE,
            created_at=now,
            updated_at=now,
        )
        repo.add_agreement(agreement)
        return _view(repo, agreement, today)


def check_in(
    uow: UnitOfWork, *, actor_id: str, agreement_id: str, outcome: str, note: str = ""
) -> AgreementView:
    """How it is going: kept, partly or broken (seen by every member)."""
    try:
        parsed = CheckInOutcome(outcome)
    except ValueError:
        raise InputError(
            f"{outcome!r} is not a check-in.", field="outcome", fix="Use kept, partly or broken."
        ) from None
    words = clean_text(note, "note", required=False)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        agreement = _agreement_for(repo, actor.relationships, agreement_id, lock=True)
        repo.add_item(
            new_item(
                uow,
                relationship_id=agreement.relationship_id,
                owner_id=actor_id,
                kind=ItemKind.CHECK_IN,
                data={"agreement_id": agreement.id, "outcome": parsed.value, "note": words},
                visible=Visibility.SHARED,
                fixed=True,
            )
        )
        return _view(repo, agreement, uow.now().date())


def renegotiate(uow: UnitOfWork, *, actor_id: str, agreement_id: str) -> AgreementView:
    """Open the agreement again: its negotiation goes back to the options step."""
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        agreement = _agreement_for(repo, actor.relationships, agreement_id, lock=True)
        require_not_paused(repo, agreement.relationship_id, uow.now())
        if agreement.status is AgreementStatus.RENEGOTIATING:
            raise StepError("This agreement is being renegotiated already.")
        now = uow.now()
        agreement = replace(agreement, status=AgreementStatus.RENEGOTIATING, updated_at=now)
        repo.update_agreement(agreement)
        negotiation = repo.get_negotiation(agreement.negotiation_id)
        assert negotiation is not None
        repo.update_negotiation(
            replace(
                negotiation,
                state=State(Step.OPTIONS),
                agreed_package=None,
                updated_at=now,
                step_started_at=now,
            )
        )
        for topic_id in negotiation.topic_ids:
            topic = repo.get_topic(topic_id)
            if topic is not None:
                repo.update_topic(replace(topic, status=TopicStatus.NEGOTIATING, updated_at=now))
        return _view(repo, agreement, now.date())


def agreements(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str
) -> tuple[AgreementView, ...]:
    """The relationship's agreements, with check-ins, due reviews and the post-settlement check."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        today = uow.now().date()
        return tuple(_view(repo, a, today) for a in repo.agreements(relationship_id))


def _agreement_for(
    repo: Repository, relationships: frozenset[str], agreement_id: str, *, lock: bool
) -> Agreement:
    agreement = repo.get_agreement(agreement_id) if agreement_id else None
    if agreement is None or agreement.relationship_id not in relationships:
        raise NotFoundError(NO_AGREEMENT)
    if lock:
        return reread_locked(
            repo, agreement.relationship_id, lambda: repo.get_agreement(agreement_id), NO_AGREEMENT
        )
    return agreement


def _view(repo: Repository, agreement: Agreement, today: date) -> AgreementView:
    negotiation = repo.get_negotiation(agreement.negotiation_id)
    assert negotiation is not None
    inputs = engine_inputs(repo, negotiation)
    names: dict[str, str] = dict(inputs["names"])
    topics = {t.id: t.title for t in inputs["topics"]}
    options = {o.id: str(o.data["text"]) for o in inputs["options"]}

    def name(person_id: str) -> str:
        if person_id not in names:
            person = repo.get_person(person_id)
            names[person_id] = person.name if person and not person.deleted else "A former member"
        return names[person_id]

    better = better_words = satisfaction = None
    if agreement.status is AgreementStatus.ACTIVE:
        better = post_settlement(build(**inputs), agreement.package)
    if better is not None:
        better_words = {topics[t]: options[o] for t, o in better["package"].items()}
        satisfaction = {name(p): float(v) for p, v in better["satisfaction"].items()}
    check_ins = tuple(
        CheckInView(
            by=name(i.owner_id),
            outcome=CheckInOutcome(str(i.data["outcome"])),
            note=str(i.data["note"]),
            at=i.created_at,
        )
        for i in repo.items(relationship_id=agreement.relationship_id, kind=ItemKind.CHECK_IN)
        if i.data.get("agreement_id") == agreement.id
    )
    return AgreementView(
        agreement=agreement,
        package={topics[t]: options[o] for t, o in agreement.package.items()},
        terms=tuple((name(t.who), t.what, t.by) for t in agreement.terms),
        check_ins=check_ins,
        review_due=agreement.status is AgreementStatus.ACTIVE and agreement.review_on <= today,
        better_for_all=better_words,
        better_satisfaction=satisfaction,
    )
