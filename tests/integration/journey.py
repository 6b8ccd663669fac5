"""Helpers that walk a couple through the guided negotiation, step by step."""

from __future__ import annotations

from accord.domain.negotiation import Step
from accord.services import negotiation as neg
from accord.services import readiness, topics
from accord.services.negotiation import NegotiationView
from accord.services.ports import UnitOfWork
from tests.integration.couple import Couple


def zone_topic(uow: UnitOfWork, c: Couple, title: str) -> str:
    opened = topics.open_topic(uow, actor_id=c.sam, relationship_id=c.home, title=title)
    for person in (c.sam, c.alex):
        topics.choose_layer(uow, actor_id=person, topic_id=opened.topic.id, layer="zone")
    return opened.topic.id


def both_ready(uow: UnitOfWork, c: Couple, negotiation_id: str) -> None:
    for person in (c.sam, c.alex):
        readiness.check_in(uow, actor_id=person, negotiation_id=negotiation_id, feeling="calm")


def to_empathy(uow: UnitOfWork, c: Couple) -> tuple[NegotiationView, str]:
    topic = zone_topic(uow, c, "Evenings after work")
    view = neg.start(uow, actor_id=c.sam, relationship_id=c.home, topic_ids=[topic])
    wants = {c.sam: ("A quiet house", "quiet"), c.alex: ("TV on loud", "unwind")}
    for person, (want, _) in wants.items():
        neg.state_position(uow, actor_id=person, negotiation_id=view.id, topic_id=topic, text=want)
    for person in (c.sam, c.alex):
        neg.finish_step(uow, actor_id=person, negotiation_id=view.id)
    for person, (_, need) in wants.items():
        neg.name_need(
            uow, actor_id=person, negotiation_id=view.id, topic_id=topic, need=need, weight=3
        )
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.EMPATHY
    return view, topic


def through_empathy(uow: UnitOfWork, c: Couple, view: NegotiationView) -> NegotiationView:
    both_ready(uow, c, view.id)
    neg.restate(
        uow,
        actor_id=c.sam,
        negotiation_id=view.id,
        about_id=c.alex,
        text="It sounds like you need a way to unwind after work.",
    )
    neg.restate(
        uow,
        actor_id=c.alex,
        negotiation_id=view.id,
        about_id=c.sam,
        text="It sounds like you need quiet to come down after work.",
    )
    for restatement in neg.view(uow, actor_id=c.sam, negotiation_id=view.id).restatements:
        view = neg.answer_restatement(
            uow, actor_id=restatement.about, restatement_id=restatement.id, thats_right=True
        ).view
    assert view.step is Step.OPTIONS
    return view
