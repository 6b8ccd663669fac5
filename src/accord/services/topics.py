"""Topics: open one in words, triage it into a layer, confirm or change the layer together.

Foundation topics become a boundary conversation or an honest finding of incompatibility;
temperament topics get understanding prompts; only negotiation-zone topics go on to a guided
negotiation (METHOD.md section 1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from accord.domain.access import Visibility
from accord.domain.items import ItemKind
from accord.domain.layering import TopicLayer, propose_layer
from accord.domain.needs import catalogue
from accord.domain.topics import Topic, TopicStatus
from accord.errors import InputError, NotFoundError, StepError
from accord.services.guard import actor_for, relationship_for, reread_locked
from accord.services.items import clean_text
from accord.services.ports import Repository, UnitOfWork
from accord.services.safety import SafetyHoldError, SafetyNotice, screen

AFTER_TRIAGE = {
    TopicLayer.FOUNDATION: TopicStatus.BOUNDARY,
    TopicLayer.TEMPERAMENT: TopicStatus.UNDERSTANDING,
    TopicLayer.ZONE: TopicStatus.ZONE,
}

BOUNDARY_PROMPTS = (
    "This touches a core need, so it is not traded. Each of you: what is your boundary here, "
    "and what will you do when it is crossed?",
    "Can both boundaries be honoured at once? If so, say how; if not, that is the finding, "
    "and no negotiation technique will change it.",
)
UNDERSTANDING_PROMPTS = (
    "This looks like a difference in temperament: not something to negotiate or to fix.",
    "What is it like being you when this happens?",
    "What does the other's way of doing it give the two of you that yours does not?",
    "What small thing would make the difference easier to live with, for each of you?",
)

NO_TOPIC = "There is no such topic that you can see."


@dataclass(frozen=True, slots=True)
class OpenedTopic:
    topic: Topic
    safety: SafetyNotice | None = None


def open_topic(
    uow: UnitOfWork, *, actor_id: str, relationship_id: str, title: str, description: str = ""
) -> OpenedTopic:
    """Open a topic. The text passes the safety screen first; a flagged topic is held, seen by
    its author only, and comes back with help resources instead of a negotiation."""
    name = clean_text(title, "title", limit=200)
    words = clean_text(description, "description", required=False)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        repo.lock_relationship(relationship_id)
        now = uow.now()
        topic_id = uow.new_id()
        notice = screen(
            uow,
            repo,
            owner_id=actor_id,
            relationship_id=relationship_id,
            text=f"{name}\n{words}",
            where="topic",
            topic_id=topic_id,
        )
        if notice is not None:
            topic = Topic(
                id=topic_id,
                relationship_id=relationship_id,
                opened_by=actor_id,
                title=name,
                description=words,
                proposed_layer=TopicLayer.FOUNDATION.value,
                reasons=("What you wrote may be about your safety, which comes before any talk.",),
                layer=TopicLayer.FOUNDATION.value,
                confirmed_by=frozenset(),
                status=TopicStatus.HELD,
                created_at=now,
                updated_at=now,
                visibility=Visibility.PRIVATE,
            )
            repo.add_topic(topic)
            return OpenedTopic(topic, notice)
        proposal = propose_layer(
            name, words, foundation_needs=_usable_foundation_needs(repo, actor_id, relationship_id)
        )
        topic = Topic(
            id=topic_id,
            relationship_id=relationship_id,
            opened_by=actor_id,
            title=name,
            description=words,
            proposed_layer=proposal.layer.value,
            reasons=proposal.reasons,
            layer=proposal.layer.value,
            confirmed_by=frozenset(),
            status=TopicStatus.TRIAGE,
            created_at=now,
            updated_at=now,
        )
        repo.add_topic(topic)
        return OpenedTopic(topic)


def choose_layer(uow: UnitOfWork, *, actor_id: str, topic_id: str, layer: str) -> Topic:
    """Confirm the proposed layer or change it. It is settled when every member has confirmed
    the same layer; a change asks the others to confirm again."""
    try:
        chosen = TopicLayer(layer)
    except ValueError:
        choices = ", ".join(x.value for x in TopicLayer)
        raise InputError(
            f"{layer!r} is not a layer.", field="layer", fix=f"Use {choices}."
        ) from None
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        topic = topic_for(repo, actor_id, actor.relationships, topic_id, lock=True)
        if topic.status is not TopicStatus.TRIAGE:
            raise StepError(f"The layer of this topic is settled ({topic.layer}).")
        relationship = repo.get_relationship(topic.relationship_id)
        assert relationship is not None
        if chosen.value == topic.layer:
            confirmed = topic.confirmed_by | {actor_id}
        else:
            confirmed = frozenset({actor_id})
        status: TopicStatus = topic.status
        if all(m in confirmed for m in relationship.current_members()):
            status = AFTER_TRIAGE[chosen]
        updated = replace(
            topic, layer=chosen.value, confirmed_by=confirmed, status=status, updated_at=uow.now()
        )
        repo.update_topic(updated)
        return updated


def settle_foundation(
    uow: UnitOfWork, *, actor_id: str, topic_id: str, compatible: bool, note: str
) -> Topic:
    """Close a boundary conversation: both boundaries can be honoured (and how), or they
    exclude each other, which is said plainly as incompatibility."""
    words = clean_text(note, "note")
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        topic = topic_for(repo, actor_id, actor.relationships, topic_id, lock=True)
        if topic.status not in (TopicStatus.BOUNDARY, TopicStatus.INCOMPATIBLE):
            raise StepError("Only a foundation topic is settled as a boundary conversation.")
        notice = screen(
            uow,
            repo,
            owner_id=actor_id,
            relationship_id=topic.relationship_id,
            text=words,
            where="topic",
            topic_id=topic.id,
        )
        if notice is None:
            status = TopicStatus.BOUNDARY if compatible else TopicStatus.INCOMPATIBLE
            updated = replace(topic, status=status, settlement=words, updated_at=uow.now())
            repo.update_topic(updated)
            return updated
    # The flag is committed; the note is not stored where the others would read it.
    raise SafetyHoldError(notice)


def topic(uow: UnitOfWork, *, actor_id: str, topic_id: str) -> Topic:
    """One topic this person may see (a held topic only to its author)."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        return topic_for(repo, actor_id, actor.relationships, topic_id)


def topics(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> tuple[Topic, ...]:
    """The relationship's topics this person may see (a held topic only to its author)."""
    with uow.begin(write=False) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        return tuple(t for t in repo.topics(relationship_id) if _visible(t, actor_id))


def prompts(topic: Topic) -> tuple[str, ...]:
    """What to talk about next, by where the topic stands."""
    if topic.status in (TopicStatus.BOUNDARY, TopicStatus.INCOMPATIBLE):
        return BOUNDARY_PROMPTS
    if topic.status is TopicStatus.UNDERSTANDING:
        return UNDERSTANDING_PROMPTS
    if topic.status is TopicStatus.TRIAGE:
        return ("Each of you: confirm the proposed layer, or change it if it feels wrong.",)
    return ()


def topic_for(
    repo: Repository,
    actor_id: str,
    relationships: frozenset[str],
    topic_id: str,
    *,
    lock: bool = False,
) -> Topic:
    topic = repo.get_topic(topic_id) if topic_id else None
    if topic is None or topic.relationship_id not in relationships or not _visible(topic, actor_id):
        raise NotFoundError(NO_TOPIC)
    if lock:
        return reread_locked(
            repo, topic.relationship_id, lambda: repo.get_topic(topic_id), NO_TOPIC
        )
    return topic


def _visible(topic: Topic, actor_id: str) -> bool:
    return topic.visibility is Visibility.SHARED or topic.opened_by == actor_id


def _usable_foundation_needs(repo: Repository, actor_id: str, relationship_id: str) -> list[str]:
    """Foundation needs triage may use: the author's own and what others shared.

    A catalogue need counts only if the catalogue places it in the Foundation (safety,
    respect, honesty, values, trust); free text counts as written. Someone preparing "a way to
    unwind" should not turn every topic about evenings into a non-negotiable one.
    """
    found: list[str] = []
    for item in repo.items(relationship_id=relationship_id, kind=ItemKind.NEED):
        if item.owner_id != actor_id and item.visibility is not Visibility.SHARED:
            continue
        need = item.data.get("need")
        if need:
            if catalogue()[str(need)].foundation:
                found.append(str(need))
        elif item.data.get("text"):
            found.append(str(item.data["text"]))
    return found
