"""The demo: a relationship of two people with their preparation done, so that a newcomer sees
the whole journey in a minute, switching between the two to act for each."""

from __future__ import annotations

from dataclasses import dataclass

from accord.services import negotiation as neg
from accord.services import people, preparation, profiles, topics
from accord.services.auth import Grant, open_session
from accord.services.ports import UnitOfWork

DEMO_ANXIOUS = (
    [6] * 8 + [2, 5, 3] + [5] * 7 + [2, 5, 2, 5, 2, 2, 2, 5, 5, 5, 5, 5, 5, 2, 5, 5, 5, 5]
)
DEMO_AVOIDANT = (
    [2] * 8 + [6, 2, 6] + [2] * 7 + [6, 2, 6, 2, 6, 6, 6, 2, 2, 2, 2, 2, 2, 6, 2, 2, 2, 2]
)
TEMPERAMENT_SAM = {
    "planning": 1,
    "pace": 4,
    "social_energy": 2,
    "conflict": 2,
    "order": 5,
    "novelty": 2,
}
TEMPERAMENT_ALEX = {
    "planning": 4,
    "pace": 2,
    "social_energy": 5,
    "conflict": 4,
    "order": 2,
    "novelty": 4,
}


@dataclass(frozen=True, slots=True)
class Demo:
    relationship_id: str
    sam: str
    alex: str
    negotiation_id: str


def create_demo(uow: UnitOfWork) -> Demo:
    """Two people, Sam and Alex, with needs, a boundary, ECR-R results and temperaments shared,
    and "Evenings after work" negotiated up to the empathy round."""
    sam = people.create_person(uow, name="Sam").id
    alex = people.create_person(uow, name="Alex").id
    home = people.create_relationship(uow, actor_id=sam, name="Sam & Alex (demo)", kind="couple").id
    people.add_member(uow, actor_id=sam, relationship_id=home, person_id=alex)
    for who, need, text in (
        (sam, "quiet", "Quiet to come down after work"),
        (sam, "honesty", "Being told early when plans change"),
        (alex, "unwind", "Switching off with a show after work"),
        (alex, "connection", "Evenings that feel like ours"),
    ):
        saved = preparation.add_need(uow, actor_id=who, relationship_id=home, need=need, text=text)
        preparation.share(uow, actor_id=who, item_id=saved.item.id)
    preparation.add_boundary(
        uow,
        actor_id=sam,
        relationship_id=home,
        statement="I won't stay in conversations where I'm yelled at",
        consequence="When it starts I leave the room and come back in an hour",
    )
    preparation.add_boundary(
        uow, actor_id=alex, relationship_id=home, statement="I hate being checked up on"
    )
    for who, answers, profile in (
        (sam, DEMO_ANXIOUS, TEMPERAMENT_SAM),
        (alex, DEMO_AVOIDANT, TEMPERAMENT_ALEX),
    ):
        item, _ = profiles.take_questionnaire(
            uow, actor_id=who, relationship_id=home, answers=answers
        )
        preparation.share(uow, actor_id=who, item_id=item.id)
        kept = profiles.set_temperament(uow, actor_id=who, relationship_id=home, answers=profile)
        preparation.share(uow, actor_id=who, item_id=kept.id)
    evenings = topics.open_topic(
        uow,
        actor_id=alex,
        relationship_id=home,
        title="Evenings after work",
        description="Sam wants a quiet house; Alex wants the TV on.",
    ).topic.id
    topics.open_topic(uow, actor_id=sam, relationship_id=home, title="Who does the dishes")
    for who in (sam, alex):
        topics.choose_layer(uow, actor_id=who, topic_id=evenings, layer="zone")
    started = neg.start(uow, actor_id=sam, relationship_id=home, topic_ids=[evenings])
    plan = (
        (sam, "A quiet house from 7 to 10", "quiet", "Quiet to come down after work"),
        (alex, "The TV on in the living room", "unwind", "A show to switch off"),
    )
    for who, want, _, _ in plan:
        neg.state_position(
            uow, actor_id=who, negotiation_id=started.id, topic_id=evenings, text=want
        )
    for who in (sam, alex):
        neg.finish_step(uow, actor_id=who, negotiation_id=started.id)
    for who, _, need, text in plan:
        neg.name_need(
            uow,
            actor_id=who,
            negotiation_id=started.id,
            topic_id=evenings,
            need=need,
            text=text,
            weight=3,
        )
    for who in (sam, alex):
        neg.finish_step(uow, actor_id=who, negotiation_id=started.id)
    return Demo(home, sam, alex, started.id)


def demo_session(uow: UnitOfWork, demo: Demo, person_id: str) -> Grant:
    """A browser session acting as one of the demo's two people."""
    with uow.begin(write=True) as repo:
        return open_session(uow, repo, person_id, demo_relationship_id=demo.relationship_id)
