"""JSON API v1: topics, negotiations, pauses, agreements.

Each handler parses its body, calls one service and returns a response model built from what
the service gave back. A negotiation comes back as its caller sees it: shared things, and only
the caller's own private ones.
"""

from __future__ import annotations

from fastapi import APIRouter

from accord.services import agreements, readiness, topics
from accord.services import negotiation as neg
from accord.services.agreements import AgreementView
from accord.services.negotiation import Acted
from accord.web.api_models import (
    AcceptIn,
    ActedOut,
    AgreementCheckInIn,
    AgreementCheckInOut,
    AgreementIn,
    AgreementOut,
    AnswerIn,
    CheckInIn,
    CheckInOut,
    LayerIn,
    NeedNameIn,
    NegotiationOut,
    OptionIn,
    PauseIn,
    PauseOut,
    PositionIn,
    RatingsIn,
    RestateIn,
    SettleIn,
    StartIn,
    TermOut,
    TopicIn,
    TopicOpened,
    TopicOut,
    coach_out,
    negotiation_out,
    pause_out,
    safety_out,
    topic_out,
)
from accord.web.context import ApiVisitor, UowDep

router = APIRouter(prefix="/api/v1", tags=["negotiation"])


def _acted(acted: Acted) -> ActedOut:
    return ActedOut(
        negotiation=negotiation_out(acted.view),
        safety=safety_out(acted.safety),
        coach=coach_out(acted.coach),
    )


def _agreement(view: AgreementView) -> AgreementOut:
    a = view.agreement
    return AgreementOut(
        id=a.id,
        relationship_id=a.relationship_id,
        negotiation_id=a.negotiation_id,
        status=a.status.value,
        package=dict(view.package),
        terms=[TermOut(who=who, what=what, by=by) for who, what, by in view.terms],
        how_we_know=a.how_we_know,
        review_on=a.review_on,
        review_due=view.review_due,
        check_ins=[
            AgreementCheckInOut(by=c.by, outcome=c.outcome.value, note=c.note, at=c.at)
            for c in view.check_ins
        ],
        better_for_all=dict(view.better_for_all) if view.better_for_all is not None else None,
        better_satisfaction=dict(view.better_satisfaction)
        if view.better_satisfaction is not None
        else None,
    )


# Topics ---------------------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/topics", response_model=list[TopicOut])
def list_topics(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> list[TopicOut]:
    """The relationship's topics you can see (a held topic only its author sees), each with
    what to talk about next."""
    found = topics.topics(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return [topic_out(t, topics.prompts(t)) for t in found]


@router.post("/relationships/{relationship_id}/topics", response_model=TopicOpened, status_code=201)
def open_topic(
    relationship_id: str, body: TopicIn, uow: UowDep, visitor: ApiVisitor
) -> TopicOpened:
    """Open a topic; Accord proposes a layer and says why. If the words suggest you may not be
    safe, the topic is held (``held`` is true, only you see it) and help resources come back."""
    opened = topics.open_topic(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        title=body.title,
        description=body.description,
    )
    notice = opened.safety
    return TopicOpened(
        topic=topic_out(opened.topic, topics.prompts(opened.topic)),
        held=notice is not None,
        resources=list(notice.resources) if notice is not None else [],
    )


@router.post("/topics/{topic_id}/layer", response_model=TopicOut)
def choose_layer(topic_id: str, body: LayerIn, uow: UowDep, visitor: ApiVisitor) -> TopicOut:
    """Confirm the proposed layer or change it. It is settled when every member has confirmed
    the same layer; a change asks the others to confirm again."""
    topic = topics.choose_layer(
        uow, actor_id=visitor.person_id, topic_id=topic_id, layer=body.layer
    )
    return topic_out(topic, topics.prompts(topic))


@router.post("/topics/{topic_id}/settle", response_model=TopicOut)
def settle(topic_id: str, body: SettleIn, uow: UowDep, visitor: ApiVisitor) -> TopicOut:
    """Close a boundary conversation: both boundaries can be honoured (say how), or they
    exclude each other, which is the finding."""
    topic = topics.settle_foundation(
        uow,
        actor_id=visitor.person_id,
        topic_id=topic_id,
        compatible=body.compatible,
        note=body.note,
    )
    return topic_out(topic, topics.prompts(topic))


# Negotiations ---------------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/negotiations", response_model=list[NegotiationOut])
def list_negotiations(
    relationship_id: str, uow: UowDep, visitor: ApiVisitor
) -> list[NegotiationOut]:
    """The relationship's negotiations, oldest first, as you see them."""
    found = neg.negotiations(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return [negotiation_out(n) for n in found]


@router.post(
    "/relationships/{relationship_id}/negotiations", response_model=NegotiationOut, status_code=201
)
def start(relationship_id: str, body: StartIn, uow: UowDep, visitor: ApiVisitor) -> NegotiationOut:
    """Negotiate one or more topics that every member placed in the negotiation zone."""
    view = neg.start(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        topic_ids=list(body.topic_ids),
    )
    return negotiation_out(view)


@router.get("/negotiations/{negotiation_id}", response_model=NegotiationOut)
def get_negotiation(negotiation_id: str, uow: UowDep, visitor: ApiVisitor) -> NegotiationOut:
    """Where the negotiation stands, who it waits for, and your own part in it."""
    return negotiation_out(neg.view(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id))


@router.post("/negotiations/{negotiation_id}/positions", response_model=ActedOut)
def state_position(
    negotiation_id: str, body: PositionIn, uow: UowDep, visitor: ApiVisitor
) -> ActedOut:
    """What you want on a topic, privately (replaces what you said before)."""
    acted = neg.state_position(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        topic_id=body.topic_id,
        text=body.text,
    )
    return _acted(acted)


@router.post("/negotiations/{negotiation_id}/needs", response_model=ActedOut)
def name_need(negotiation_id: str, body: NeedNameIn, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """A need behind your position (several per want), with how much it matters, 1-4."""
    acted = neg.name_need(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        topic_id=body.topic_id,
        need=body.need,
        text=body.text,
        weight=body.weight,
    )
    return _acted(acted)


@router.post("/negotiations/{negotiation_id}/finish", response_model=ActedOut)
def finish_step(negotiation_id: str, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """You have done your part of this step; when everyone has, the negotiation moves on."""
    return _acted(neg.finish_step(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id))


@router.post("/negotiations/{negotiation_id}/back", response_model=ActedOut)
def go_back(negotiation_id: str, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """Take the negotiation back one step (anyone may); that step starts again."""
    return _acted(neg.go_back(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id))


@router.post("/negotiations/{negotiation_id}/check-ins", response_model=CheckInOut)
def check_in(negotiation_id: str, body: CheckInIn, uow: UowDep, visitor: ApiVisitor) -> CheckInOut:
    """How you are before a joint step: calm, tense or flooded (and a heart rate, if you like).
    Flooded, or a heart rate over 100, suggests a pause and holds every joint step."""
    done = readiness.check_in(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        feeling=body.feeling,
        heart_rate=body.heart_rate,
    )
    return CheckInOut(
        feeling=done.readiness.feeling.value,
        heart_rate=done.readiness.heart_rate,
        suggest_pause=done.suggest_pause,
        why=done.why,
    )


@router.post("/negotiations/{negotiation_id}/restatements", response_model=ActedOut)
def restate(negotiation_id: str, body: RestateIn, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """Another member's needs in your own words ("It sounds like you need ..."). The coach
    reads it and may suggest a gentler way to say it."""
    acted = neg.restate(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        about_id=body.about_id,
        text=body.text,
    )
    return _acted(acted)


@router.post("/restatements/{restatement_id}/answer", response_model=ActedOut)
def answer_restatement(
    restatement_id: str, body: AnswerIn, uow: UowDep, visitor: ApiVisitor
) -> ActedOut:
    """Answer a restatement of your needs: "that's right", or what to correct."""
    acted = neg.answer_restatement(
        uow,
        actor_id=visitor.person_id,
        restatement_id=restatement_id,
        thats_right=body.thats_right,
        correction=body.correction,
    )
    return _acted(acted)


@router.post("/negotiations/{negotiation_id}/options", response_model=ActedOut)
def add_option(negotiation_id: str, body: OptionIn, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """Brainstorm with "yes, and": anyone adds an option, nobody deletes one."""
    acted = neg.add_option(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        topic_id=body.topic_id,
        text=body.text,
    )
    return _acted(acted)


@router.post("/negotiations/{negotiation_id}/ratings", response_model=ActedOut)
def rate(negotiation_id: str, body: RatingsIn, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """How well each option meets each of your needs (0-4), and the options you forbid.
    Private: only the packages they lead to are shared."""
    acted = neg.rate(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        ratings={k: dict(v) for k, v in body.ratings.items()},
        forbidden=list(body.forbidden),
    )
    return _acted(acted)


@router.post("/negotiations/{negotiation_id}/acceptances", response_model=ActedOut)
def accept(negotiation_id: str, body: AcceptIn, uow: UowDep, visitor: ApiVisitor) -> ActedOut:
    """The packages you can live with, privately; only the overlap is ever revealed."""
    acted = neg.accept(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        offer_ids=list(body.offer_ids),
    )
    return _acted(acted)


# Pauses ---------------------------------------------------------------------------------------


@router.post("/relationships/{relationship_id}/pauses", response_model=PauseOut, status_code=201)
def pause(relationship_id: str, body: PauseIn, uow: UowDep, visitor: ApiVisitor) -> PauseOut:
    """Pause the talk, no reason needed: 20 minutes to 24 hours, always with a time to resume.
    Nothing in any negotiation moves until then."""
    made = readiness.pause(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        minutes=body.minutes,
        until=body.until,
    )
    return pause_out(made)


@router.get("/relationships/{relationship_id}/pause", response_model=PauseOut)
def current_pause(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> PauseOut:
    """Whether the talk is paused now, and when it resumes."""
    return pause_out(
        readiness.current_pause(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    )


# Agreements -----------------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/agreements", response_model=list[AgreementOut])
def list_agreements(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> list[AgreementOut]:
    """The relationship's agreements, with check-ins, due reviews, and any package the engine
    finds that would leave everyone at least as well off."""
    found = agreements.agreements(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return [_agreement(a) for a in found]


@router.post(
    "/negotiations/{negotiation_id}/agreement", response_model=AgreementOut, status_code=201
)
def record_agreement(
    negotiation_id: str, body: AgreementIn, uow: UowDep, visitor: ApiVisitor
) -> AgreementOut:
    """Write down the agreement a negotiation reached: who does what by when, how you will
    know it works, and a review date within a year."""
    view = agreements.record(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        terms=[(t.person_id, t.what, t.by) for t in body.terms],
        how_we_know=body.how_we_know,
        review_on=body.review_on,
    )
    return _agreement(view)


@router.post("/agreements/{agreement_id}/check-ins", response_model=AgreementOut)
def agreement_check_in(
    agreement_id: str, body: AgreementCheckInIn, uow: UowDep, visitor: ApiVisitor
) -> AgreementOut:
    """How it is going: kept, partly or broken (every member sees it)."""
    view = agreements.check_in(
        uow,
        actor_id=visitor.person_id,
        agreement_id=agreement_id,
        outcome=body.outcome,
        note=body.note,
    )
    return _agreement(view)


@router.post("/agreements/{agreement_id}/renegotiate", response_model=AgreementOut)
def renegotiate(agreement_id: str, uow: UowDep, visitor: ApiVisitor) -> AgreementOut:
    """Open the agreement again: its negotiation goes back to the options step."""
    return _agreement(
        agreements.renegotiate(uow, actor_id=visitor.person_id, agreement_id=agreement_id)
    )
