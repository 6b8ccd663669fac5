"""Topics: open one, see its triage and reasons, confirm or change the layer."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.domain.layering import TopicLayer
from accord.domain.topics import TopicStatus
from accord.errors import NotFoundError
from accord.services import negotiation, people, topics
from accord.web.context import FormVisitor, PageVisitor, UowDep
from accord.web.templating import render

router = APIRouter()

LAYERS = {
    TopicLayer.FOUNDATION.value: "Foundation: a core need, never traded",
    TopicLayer.TEMPERAMENT.value: "Temperament: a difference in how you are, understood",
    TopicLayer.ZONE.value: "Negotiation zone: roles, time, money, plans; negotiable",
}
STATUSES = {
    TopicStatus.TRIAGE: "waiting for both of you to confirm the layer",
    TopicStatus.ZONE: "ready for a negotiation",
    TopicStatus.NEGOTIATING: "in a negotiation",
    TopicStatus.BOUNDARY: "a boundary conversation",
    TopicStatus.INCOMPATIBLE: "settled: the needs exclude each other",
    TopicStatus.UNDERSTANDING: "to understand, not to negotiate",
    TopicStatus.AGREED: "settled by an agreement",
    TopicStatus.HELD: "held: only you can see it",
}


def _see_other(path: str, note: str = "") -> RedirectResponse:
    target = f"{path}?note={quote_plus(note)}" if note else path
    return RedirectResponse(target, status_code=303)


@router.get("/relationships/{relationship_id}/topics", response_class=HTMLResponse)
def topic_list(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    seen = topics.topics(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    talks = negotiation.negotiations(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id
    )
    titles = {t.id: t.title for t in seen}
    return render(
        request,
        "topics.html.j2",
        visitor=visitor,
        title="Topics and negotiations",
        pause_relationship=relationship_id,
        relationship_id=relationship_id,
        topics=seen,
        zone=[t for t in seen if t.status is TopicStatus.ZONE],
        negotiations=talks,
        titles=titles,
        layers=LAYERS,
        statuses=STATUSES,
    )


@router.post("/relationships/{relationship_id}/topics")
def open_topic(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    title: Annotated[str, Form()],
    description: Annotated[str, Form()] = "",
) -> Response:
    opened = topics.open_topic(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        title=title,
        description=description,
    )
    if opened.safety is not None:
        return RedirectResponse("/help", status_code=303)
    return _see_other(f"/topics/{opened.topic.id}", "The topic is open.")


@router.post("/relationships/{relationship_id}/negotiations")
def start_negotiation(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    topic: Annotated[list[str] | None, Form()] = None,
) -> Response:
    started = negotiation.start(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id, topic_ids=topic or []
    )
    return _see_other(f"/negotiations/{started.id}")


@router.get("/topics/{topic_id}", response_class=HTMLResponse)
def topic_page(request: Request, uow: UowDep, visitor: PageVisitor, topic_id: str) -> Response:
    # The topic is found among the ones this person may see, so a refusal reads as "no such".
    for relationship in people.relationships(uow, actor_id=visitor.person_id):
        for topic in topics.topics(
            uow, actor_id=visitor.person_id, relationship_id=relationship.id
        ):
            if topic.id == topic_id:
                names = {m.person_id: m.name for m in relationship.members}
                return render(
                    request,
                    "topic.html.j2",
                    visitor=visitor,
                    title=topic.title,
                    pause_relationship=relationship.id,
                    topic=topic,
                    relationship=relationship,
                    confirmed=[names.get(p, "someone") for p in sorted(topic.confirmed_by)],
                    i_confirmed=visitor.person_id in topic.confirmed_by,
                    prompts=topics.prompts(topic),
                    layers=LAYERS,
                    statuses=STATUSES,
                    foundation=topic.status in (TopicStatus.BOUNDARY, TopicStatus.INCOMPATIBLE),
                    triage=topic.status is TopicStatus.TRIAGE,
                )
    raise NotFoundError("There is no such topic that you can see.")


@router.post("/topics/{topic_id}/layer")
def choose_layer(
    uow: UowDep, visitor: FormVisitor, topic_id: str, layer: Annotated[str, Form()]
) -> Response:
    chosen = topics.choose_layer(uow, actor_id=visitor.person_id, topic_id=topic_id, layer=layer)
    if chosen.status is TopicStatus.TRIAGE:
        note = "Saved. The layer is settled when everyone has confirmed the same one."
    else:
        note = "Everyone has confirmed the layer."
    return _see_other(f"/topics/{topic_id}", note)


@router.post("/topics/{topic_id}/settle")
def settle(
    uow: UowDep,
    visitor: FormVisitor,
    topic_id: str,
    compatible: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    topics.settle_foundation(
        uow,
        actor_id=visitor.person_id,
        topic_id=topic_id,
        compatible=compatible == "yes",
        note=note,
    )
    return _see_other(f"/topics/{topic_id}", "The boundary conversation is written down.")
