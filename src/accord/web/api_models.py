"""The JSON API's shapes: what clients send and what they get back.

Every string and list a client sends is bounded, so oversized input is answered with 422 before
any service runs; the services then check meaning (and answer 400 with the field and the fix).
What goes out is built from what the services return, field by field: a response never
carries a domain object whole, so nothing private of another person can slip into it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from accord.assessment import (
    AttachmentResult,
    PairDynamic,
    SideBySide,
    TemperamentProfile,
    dimensions,
)
from accord.domain.items import Item
from accord.domain.readiness import Pause
from accord.domain.topics import Topic
from accord.services.negotiation import CoachNote, NegotiationView
from accord.services.packages import Offer
from accord.services.safety import SafetyNotice

Id = Annotated[str, StringConstraints(max_length=100)]
Name = Annotated[str, StringConstraints(max_length=400)]
Text = Annotated[str, StringConstraints(max_length=5000)]


class In(BaseModel):
    """A request body: unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid")


# People and relationships ---------------------------------------------------------------------


class RelationshipIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "Sam & Alex", "kind": "couple"}]}
    )
    name: Name = Field(description="What the members call it.")
    kind: Id = Field(description="couple, family, housemates, ... (see the error for the list)")


class Member(BaseModel):
    id: str
    name: str
    current: bool = Field(description="False once they have left.")


class RelationshipOut(BaseModel):
    id: str
    name: str
    kind: str
    members: list[Member]


class InvitationOut(BaseModel):
    secret: str = Field(description="The one-time secret; it is shown once and never again.")
    url: str = Field(description="The link to send (valid for a week, for one person).")


class Joined(BaseModel):
    relationship_id: str


# Items and preparation ------------------------------------------------------------------------


class ItemOut(BaseModel):
    id: str
    kind: str
    owner_id: str
    relationship_id: str
    visibility: str = Field(description="private or shared")
    topic_id: str | None
    data: dict[str, Any] = Field(description="What the item holds; its fields depend on kind.")
    created_at: datetime
    updated_at: datetime


def item_out(item: Item) -> ItemOut:
    return ItemOut(
        id=item.id,
        kind=item.kind.value,
        owner_id=item.owner_id,
        relationship_id=item.relationship_id,
        visibility=item.visibility.value,
        topic_id=item.topic_id,
        data=dict(item.data),
        created_at=item.created_at,
        updated_at=item.updated_at,
    )


class SafetyOut(BaseModel):
    """What the safety screen says to the author alone: the text is held, and where help is."""

    held: bool = True
    kinds: list[str]
    resources: list[str]


def safety_out(notice: SafetyNotice | None) -> SafetyOut | None:
    if notice is None:
        return None
    return SafetyOut(kinds=list(notice.kinds), resources=list(notice.resources))


class Check(BaseModel):
    """The enforcement test's verdict on a boundary."""

    kind: str = Field(description="boundary, or preference when the consequence is missing")
    reason: str
    prompt: str


class SavedOut(BaseModel):
    item: ItemOut
    check: Check | None = None
    safety: SafetyOut | None = None


class NeedIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"need": "respect", "text": "Being asked first"}]}
    )
    need: Id | None = Field(default=None, description="A need from the catalogue, if any.")
    text: Text = Field(default="", description="The need in one's own words.")


class FeelingIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"prompt": "safe", "text": "A calm voice"}]}
    )
    prompt: Id = Field(description="safe, unsafe, respected, valued, heard or connected")
    text: Text


class BoundaryIn(In):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "statement": "I won't stay in conversations where I'm yelled at",
                    "consequence": "I leave the room and come back in an hour",
                }
            ]
        }
    )
    statement: Text
    consequence: Text = Field(default="", description="What I will do when it is crossed.")


class WorkbookOut(BaseModel):
    mine: list[ItemOut]
    shared_with_me: list[ItemOut]


# Assessments ----------------------------------------------------------------------------------


class EcrIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"answers": [4] * 36}]})
    answers: list[int] = Field(
        max_length=100, description="The 36 ECR-R answers in item order, each 1-7."
    )


class AttachmentResultOut(BaseModel):
    anxiety: float
    avoidance: float
    pattern: str
    reading: str


def attachment_out(result: AttachmentResult) -> AttachmentResultOut:
    return AttachmentResultOut(
        anxiety=result.anxiety,
        avoidance=result.avoidance,
        pattern=result.pattern,
        reading=result.reading,
    )


class EcrOut(BaseModel):
    item_id: str = Field(description="Share it (POST /items/{id}/share) for pair readings.")
    scores: dict[str, float]
    result: AttachmentResultOut | None


class Script(BaseModel):
    role: str
    other: str
    text: str


class PairOut(BaseModel):
    kind: str
    title: str
    description: str
    names: list[str]
    scripts: list[Script]


def pair_out(pair: PairDynamic) -> PairOut:
    return PairOut(
        kind=pair.kind,
        title=pair.title,
        description=pair.description,
        names=list(pair.names),
        scripts=[Script(role=s.role, other=s.other, text=s.text) for s in pair.scripts],
    )


class AttachmentOut(BaseModel):
    mine: AttachmentResultOut | None
    item_id: str | None
    visibility: str | None
    pairs: list[PairOut] = Field(description="With each other member who shared their result.")


class TemperamentIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"positions": {d.id: 3 for d in dimensions()}}]}
    )
    positions: dict[Id, int] = Field(
        max_length=50, description="Dimension id to position, 1 (low pole) to 5 (high pole)."
    )


class Comparison(BaseModel):
    dimension: str
    kind: str = Field(description="complementary or shared")
    gap: int
    strengths: list[str]
    blind_spots: list[str]
    prompts: list[str]
    way: str


class SideBySideOut(BaseModel):
    names: list[str]
    framing: str
    comparisons: list[Comparison]


def side_by_side_out(view: SideBySide) -> SideBySideOut:
    return SideBySideOut(
        names=list(view.names),
        framing=view.framing,
        comparisons=[
            Comparison(
                dimension=c.dimension.name,
                kind=c.kind,
                gap=c.gap,
                strengths=list(c.strengths),
                blind_spots=list(c.blind_spots),
                prompts=[p.text for p in c.prompts],
                way=c.way,
            )
            for c in view.comparisons
        ],
    )


class TemperamentOut(BaseModel):
    positions: dict[str, int] | None
    item_id: str | None
    visibility: str | None
    side_by_side: list[SideBySideOut]


def positions_of(profile: TemperamentProfile | None) -> dict[str, int] | None:
    return dict(profile.positions) if profile is not None else None


# The ledger -----------------------------------------------------------------------------------


class CrossingIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"carried_out": True, "note": "I left the room"}]}
    )
    carried_out: bool = Field(description="Whether I carried out the consequence.")
    occurred_at: datetime | None = Field(default=None, description="When, with a time zone.")
    note: Text = ""


class BoundaryRecordOut(BaseModel):
    boundary: ItemOut
    crossings: int
    enforced: int
    rate: float | None
    verdict: str
    series: list[tuple[datetime, float]]


# Account --------------------------------------------------------------------------------------


class Deleted(BaseModel):
    deleted_items: int = Field(description="How many private items were deleted.")


class ExportOut(BaseModel):
    format: str
    exported_at: str
    person: dict[str, Any]
    relationships: list[dict[str, Any]]
    items: list[dict[str, Any]]


# Topics ---------------------------------------------------------------------------------------


class TopicIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"title": "Evenings after work", "description": ""}]}
    )
    title: Name
    description: Text = ""


class TopicOut(BaseModel):
    id: str
    relationship_id: str
    opened_by: str
    title: str
    description: str
    proposed_layer: str
    reasons: list[str]
    layer: str
    confirmed_by: list[str]
    status: str
    negotiation_id: str | None
    settlement: str
    prompts: list[str]


def topic_out(topic: Topic, prompts: tuple[str, ...] = ()) -> TopicOut:
    return TopicOut(
        id=topic.id,
        relationship_id=topic.relationship_id,
        opened_by=topic.opened_by,
        title=topic.title,
        description=topic.description,
        proposed_layer=topic.proposed_layer,
        reasons=list(topic.reasons),
        layer=topic.layer,
        confirmed_by=sorted(topic.confirmed_by),
        status=topic.status.value,
        negotiation_id=topic.negotiation_id,
        settlement=topic.settlement,
        prompts=list(prompts),
    )


class TopicOpened(BaseModel):
    topic: TopicOut
    held: bool = Field(description="True when the safety screen holds it: only you see it.")
    resources: list[str] = Field(description="Where to find help, when it is held.")


class LayerIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"layer": "zone"}]})
    layer: Id = Field(description="foundation, temperament or zone")


class SettleIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"compatible": True, "note": "We both can"}]}
    )
    compatible: bool
    note: Text


# Negotiations ---------------------------------------------------------------------------------


class StartIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"topic_ids": ["a-topic-id"]}]})
    topic_ids: list[Id] = Field(max_length=20)


class OptionOut(BaseModel):
    id: str
    topic_id: str
    text: str
    added_by: str


class RestatementOut(BaseModel):
    id: str
    by: str
    about: str
    text: str
    status: str
    correction: str


class OfferOut(BaseModel):
    id: str
    package: dict[str, str] = Field(description="Topic id to option id.")
    labels: list[str]
    satisfaction: dict[str, float] = Field(description="Person id to satisfaction, 0-100.")


def offer_out(offer: Offer) -> OfferOut:
    return OfferOut(
        id=offer.id,
        package=dict(offer.package),
        labels=list(offer.labels),
        satisfaction=dict(offer.satisfaction),
    )


class NegotiationOut(BaseModel):
    id: str
    relationship_id: str
    step: str
    what: str
    joint: bool
    names: dict[str, str] = Field(description="Person id to name, for the current members.")
    waiting_for: list[str]
    topics: list[TopicOut]
    options: list[OptionOut]
    restatements: list[RestatementOut]
    mine: list[ItemOut] = Field(description="Your own private items in it; nobody else's.")
    offers: list[OfferOut]
    questions: list[str]
    finding: str
    agreed: dict[str, str] | None
    paused_until: datetime | None
    on_hold: bool


def negotiation_out(view: NegotiationView) -> NegotiationOut:
    return NegotiationOut(
        id=view.id,
        relationship_id=view.relationship_id,
        step=view.step.value,
        what=view.what,
        joint=view.joint,
        names=dict(view.names),
        waiting_for=list(view.waiting_for),
        topics=[topic_out(t) for t in view.topics],
        options=[
            OptionOut(id=o.id, topic_id=o.topic_id, text=o.text, added_by=o.added_by)
            for o in view.options
        ],
        restatements=[
            RestatementOut(
                id=r.id,
                by=r.by,
                about=r.about,
                text=r.text,
                status=r.status,
                correction=r.correction,
            )
            for r in view.restatements
        ],
        mine=[item_out(i) for i in view.mine],
        offers=[offer_out(o) for o in view.offers],
        questions=list(view.questions),
        finding=view.finding,
        agreed=dict(view.agreed) if view.agreed is not None else None,
        paused_until=view.paused_until,
        on_hold=view.on_hold,
    )


class CoachOut(BaseModel):
    labels: list[str]
    rewrites: list[str]
    suggest_pause: bool


def coach_out(note: CoachNote | None) -> CoachOut | None:
    if note is None:
        return None
    return CoachOut(
        labels=list(note.labels), rewrites=list(note.rewrites), suggest_pause=note.suggest_pause
    )


class ActedOut(BaseModel):
    negotiation: NegotiationOut
    safety: SafetyOut | None = None
    coach: CoachOut | None = None


class PositionIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"topic_id": "a-topic-id", "text": "A quiet house"}]}
    )
    topic_id: Id
    text: Text


class NeedNameIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"topic_id": "a-topic-id", "need": "rest", "weight": 3}]}
    )
    topic_id: Id
    need: Id | None = Field(default=None, description="A need from the catalogue, if any.")
    text: Text = ""
    weight: int = Field(default=2, ge=-1000, le=1000, description="1 (a little) to 4 (a lot)")


class CheckInIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"feeling": "calm"}]})
    feeling: Id = Field(description="calm, tense or flooded")
    heart_rate: int | None = Field(default=None, ge=-10_000, le=10_000)


class CheckInOut(BaseModel):
    feeling: str
    heart_rate: int | None
    suggest_pause: bool
    why: str


class RestateIn(In):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"about_id": "a-person-id", "text": "It sounds like you need quiet."}]
        }
    )
    about_id: Id = Field(description="The member whose needs you restate.")
    text: Text


class AnswerIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"thats_right": True}]})
    thats_right: bool
    correction: Text = ""


class OptionIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"topic_id": "a-topic-id", "text": "TV with headphones"}]}
    )
    topic_id: Id
    text: Text


class RatingsIn(In):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"ratings": {"an-option-id": {"a-need-id": 3}}}]}
    )
    ratings: dict[Id, Annotated[dict[Id, int], Field(max_length=50)]] = Field(
        max_length=200, description="Option id to (your need id to rating 0-4)."
    )
    forbidden: list[Id] = Field(default_factory=list, max_length=200)


class AcceptIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"offer_ids": ["p1"]}]})
    offer_ids: list[Id] = Field(max_length=50, description="The packages you can live with.")


# Pauses ---------------------------------------------------------------------------------------


class PauseIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"minutes": 30}]})
    minutes: int | None = Field(
        default=None, ge=0, le=1_000_000, description="20 minutes to 24 hours (1440)."
    )
    until: datetime | None = Field(default=None, description="Or the time to resume, with a zone.")


class PauseOut(BaseModel):
    paused: bool
    resumes_at: datetime | None
    started_by: str | None


def pause_out(pause: Pause | None) -> PauseOut:
    if pause is None:
        return PauseOut(paused=False, resumes_at=None, started_by=None)
    return PauseOut(paused=True, resumes_at=pause.resumes_at, started_by=pause.started_by)


# Agreements -----------------------------------------------------------------------------------


class TermIn(In):
    person_id: Id = Field(description="Who does it (a member).")
    what: Text
    by: date | None = None


class AgreementIn(In):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "terms": [{"person_id": "a-person-id", "what": "Uses headphones after 9 pm"}],
                    "how_we_know": "Sam reads in peace",
                    "review_on": "2030-01-01",
                }
            ]
        }
    )
    terms: list[TermIn] = Field(max_length=50)
    how_we_know: Text
    review_on: date


class TermOut(BaseModel):
    who: str
    what: str
    by: date | None


class AgreementCheckInOut(BaseModel):
    by: str
    outcome: str
    note: str
    at: datetime


class AgreementOut(BaseModel):
    id: str
    relationship_id: str
    negotiation_id: str
    status: str
    package: dict[str, str] = Field(description="Topic title to the option agreed.")
    terms: list[TermOut]
    how_we_know: str
    review_on: date
    review_due: bool
    check_ins: list[AgreementCheckInOut]
    better_for_all: dict[str, str] | None = Field(
        description="A package that would leave everyone at least as well off, if there is one."
    )
    better_satisfaction: dict[str, float] | None


class AgreementCheckInIn(In):
    model_config = ConfigDict(json_schema_extra={"examples": [{"outcome": "kept", "note": ""}]})
    outcome: Id = Field(description="kept, partly or broken")
    note: Text = ""
