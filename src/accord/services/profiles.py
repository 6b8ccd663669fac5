"""Attachment (the ECR-R) and temperament: one's own results, and readings for a pair.

A reading for a pair uses another member's result only if that member shared it: the pair
dynamic would otherwise reveal what they kept private.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from accord.assessment import (
    AttachmentResult,
    PairDynamic,
    SideBySide,
    TemperamentProfile,
    load_questionnaire,
    pair_dynamic,
    score,
    side_by_side,
)
from accord.domain.access import Visibility
from accord.domain.items import Item, ItemKind
from accord.services.guard import actor_for, relationship_for
from accord.services.items import new_item
from accord.services.ports import Repository, UnitOfWork


@dataclass(frozen=True, slots=True)
class AttachmentView:
    mine: AttachmentResult | None
    mine_item: Item | None
    pairs: tuple[PairDynamic, ...]  # with each other member who shared their result
    shared: tuple[tuple[str, AttachmentResult], ...] = ()  # (name, result) of those members


@dataclass(frozen=True, slots=True)
class TemperamentView:
    mine: TemperamentProfile | None
    mine_item: Item | None
    side_by_side: tuple[SideBySide, ...]  # with each other member who shared their profile


def take_questionnaire(
    uow: UnitOfWork,
    *,
    actor_id: str,
    relationship_id: str,
    answers: Sequence[object],
    questionnaire: str = "ecr-r",
) -> tuple[Item, AttachmentResult | None]:
    """Score a questionnaire and keep the answers and scores, privately. For the ECR-R, the
    attachment result comes back too. Bad answers are refused before anything is stored."""
    instrument = load_questionnaire(questionnaire)
    scores = score(instrument, answers)
    result = AttachmentResult.from_scores(scores) if instrument.id == "ecr-r" else None
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        item = new_item(
            uow,
            relationship_id=relationship_id,
            owner_id=actor_id,
            kind=ItemKind.ASSESSMENT,
            data={
                "questionnaire": instrument.id,
                "answers": list(answers),  # checked by score(): whole numbers in range
                "scores": scores.as_dict(),
                "pattern": result.pattern if result else None,
            },
        )
        repo.add_item(item)
    return item, result


def attachment(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> AttachmentView:
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship = relationship_for(repo, actor, relationship_id)
        latest = _latest(repo, relationship_id, ItemKind.ASSESSMENT, "ecr-r")
        mine_item = latest.get(actor_id)
        mine = _attachment(mine_item) if mine_item else None
        pairs = []
        shared = []
        me = _name(repo, actor_id)
        for other in relationship.current_members():
            item = latest.get(other)
            if other == actor_id or item is None or item.visibility is not Visibility.SHARED:
                continue
            theirs = _attachment(item)
            shared.append((_name(repo, other), theirs))
            if mine is not None:
                pairs.append(pair_dynamic(mine, theirs, (me, _name(repo, other))))
        return AttachmentView(mine, mine_item, tuple(pairs), tuple(shared))


def set_temperament(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str, answers: Mapping[str, object]
) -> Item:
    """One's temperament profile (replacing an earlier one, keeping its visibility)."""
    profile = TemperamentProfile.from_answers(answers)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        visibility = Visibility.PRIVATE
        for old in repo.items(
            relationship_id=relationship_id, owner_id=actor_id, kind=ItemKind.TEMPERAMENT
        ):
            visibility = old.visibility
            repo.delete_item(old.id)
        item = new_item(
            uow,
            relationship_id=relationship_id,
            owner_id=actor_id,
            kind=ItemKind.TEMPERAMENT,
            data={"positions": dict(profile.positions)},
            visible=visibility,
        )
        repo.add_item(item)
        return item


def temperament(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> TemperamentView:
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship = relationship_for(repo, actor, relationship_id)
        latest = _latest(repo, relationship_id, ItemKind.TEMPERAMENT, None)
        mine_item = latest.get(actor_id)
        mine = _profile(mine_item) if mine_item else None
        views = []
        if mine is not None:
            me = _name(repo, actor_id)
            for other in relationship.current_members():
                item = latest.get(other)
                if other == actor_id or item is None or item.visibility is not Visibility.SHARED:
                    continue
                views.append(side_by_side(mine, _profile(item), (me, _name(repo, other))))
        return TemperamentView(mine, mine_item, tuple(views))


def _latest(
    repo: Repository, relationship_id: str, kind: ItemKind, questionnaire: str | None
) -> dict[str, Item]:
    latest: dict[str, Item] = {}
    for item in repo.items(relationship_id=relationship_id, kind=kind):
        if questionnaire is None or item.data.get("questionnaire") == questionnaire:
            latest[item.owner_id] = item  # oldest first: the last one wins
    return latest


def _attachment(item: Item) -> AttachmentResult:
    scores = item.data["scores"]
    return AttachmentResult.from_dimensions(float(scores["anxiety"]), float(scores["avoidance"]))


def _profile(item: Item) -> TemperamentProfile:
    return TemperamentProfile.from_answers(dict(item.data["positions"]))


def _name(repo: Repository, person_id: str) -> str:
    person = repo.get_person(person_id)
    return person.name if person is not None else "someone"
