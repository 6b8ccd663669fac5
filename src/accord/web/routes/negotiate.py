"""The guided negotiation, step by step, updating live when the other acts.

Every move is a small form that calls one service and comes back to the negotiation page
(POST-redirect-GET). Two things change that: a safety notice takes its author to the help page
(nobody else learns of it), and a coach note is shown by rendering the page at once, so that
what the person wrote never travels in an address.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from accord.domain.items import ItemKind
from accord.domain.needs import catalogue
from accord.domain.negotiation import ORDER, Step
from accord.errors import InputError
from accord.services import negotiation, readiness
from accord.services.negotiation import Acted, CoachNote, NegotiationView
from accord.web.context import FormVisitor, PageVisitor, UowDep, Visitor
from accord.web.package_chart import package_chart
from accord.web.templating import render

router = APIRouter()

STEP_NAMES = {
    Step.POSITIONS: "Positions",
    Step.NEEDS: "Needs",
    Step.EMPATHY: "Empathy",
    Step.OPTIONS: "Options",
    Step.RATINGS: "Ratings",
    Step.PACKAGES: "Packages",
    Step.ACCEPTANCE: "Acceptance",
    Step.AGREED: "Agreed",
}
RATING_WORDS = ("0: not at all", "1: a little", "2: partly", "3: mostly", "4: fully")
WEIGHT_WORDS = {1: "1: a little", 2: "2: somewhat", 3: "3: a lot", 4: "4: above all"}
LABEL_WORDS = {
    "recommended": ("recommended", "the fair package Accord suggests trying first"),
    "compromise": ("compromise", "meeting in the middle on each topic separately"),
    "nash": ("Nash", "the largest product of your gains: the classic fair bargain"),
    "kalai_smorodinsky": ("Kalai-Smorodinsky", "each of you gets the same share of your best"),
    "egalitarian": ("egalitarian", "the best for whoever is worst off"),
    "utilitarian": ("utilitarian", "the largest total, whoever gets it"),
    "frontier": ("frontier", "nobody can do better without a loss to someone else"),
}


# Pages ----------------------------------------------------------------------------------------


@router.get("/negotiations/{negotiation_id}", response_class=HTMLResponse)
def negotiation_page(
    request: Request, uow: UowDep, visitor: PageVisitor, negotiation_id: str
) -> Response:
    seen = negotiation.view(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id)
    return _page(request, uow, visitor, seen)


@router.get("/negotiations/{negotiation_id}/version")
def negotiation_version(uow: UowDep, visitor: PageVisitor, negotiation_id: str) -> Response:
    seen = negotiation.view(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id)
    return JSONResponse({"version": seen.version})


@router.get("/negotiations/{negotiation_id}/{action}", include_in_schema=False)
def after_a_move(visitor: PageVisitor, negotiation_id: str, action: str) -> Response:
    """A page shown right after a move (with the coach's note) has the move's address; reloading
    it, or the live region refreshing it, leads back to the negotiation page."""
    return _back_to(negotiation_id)


def _page(
    request: Request,
    uow: UowDep,
    visitor: Visitor,
    seen: NegotiationView,
    coach: CoachNote | None = None,
) -> Response:
    me = visitor.person_id
    checked = (
        readiness.my_check_in(uow, actor_id=me, negotiation_id=seen.id) if seen.joint else None
    )
    topic_titles = {t.id: t.title for t in seen.topics}
    option_text = {o.id: o.text for o in seen.options}
    positions = {i.topic_id: str(i.data["text"]) for i in seen.mine if i.kind is ItemKind.POSITION}
    needs = [i for i in seen.mine if i.kind is ItemKind.INTEREST]
    ratings_item = next((i for i in seen.mine if i.kind is ItemKind.RATINGS), None)
    accepted_item = next((i for i in seen.mine if i.kind is ItemKind.ACCEPTANCE), None)
    context: dict[str, Any] = {
        "v": seen,
        "me_id": me,
        "step_number": ORDER.index(seen.step) + 1,
        "step_count": len(ORDER),
        "step_name": STEP_NAMES[seen.step],
        "checked": checked,
        "needs_check_in": seen.joint and (checked is None or checked.suggest_pause),
        "coach": coach,
        "topic_titles": topic_titles,
        "option_text": option_text,
        "positions": positions,
        "suggestions": {
            t.id: negotiation.suggest_needs(positions.get(t.id, "")) for t in seen.topics
        },
        "needs": needs,
        "need_words": {n.id: _need_words(n.data) for n in needs},
        "catalogue": catalogue(),
        "weights": WEIGHT_WORDS,
        "rating_words": RATING_WORDS,
        "ratings": dict(ratings_item.data["ratings"]) if ratings_item else {},
        "forbidden": set(ratings_item.data["forbidden"]) if ratings_item else set(),
        "accepted": set(accepted_item.data["offers"]) if accepted_item else set(),
        "marked": accepted_item is not None,
        "others": {p: n for p, n in seen.names.items() if p != me},
        "label_words": LABEL_WORDS,
        "chart": package_chart(seen.offers, seen.frontier, seen.names)
        if seen.step is Step.PACKAGES
        else "",
        "i_am_done": me not in _waiting_ids(seen),
    }
    return render(
        request,
        "negotiation.html.j2",
        visitor=visitor,
        title=f"Negotiation: {', '.join(topic_titles.values())}",
        pause_relationship=seen.relationship_id,
        **context,
    )


def _waiting_ids(seen: NegotiationView) -> set[str]:
    waiting = set(seen.waiting_for)
    return {p for p, n in seen.names.items() if n in waiting}


def _need_words(data: Any) -> str:
    need = data.get("need")
    text = str(data.get("text") or "")
    if need:
        label = catalogue()[str(need)].label
        return f"{label} ({text})" if text else label
    return text


def _after(request: Request, uow: UowDep, visitor: Visitor, acted: Acted, note: str) -> Response:
    """Where a move leads: help for a safety notice, the coach's note at once, or the page."""
    if acted.safety is not None:
        return RedirectResponse("/help", status_code=303)
    if acted.coach is not None:
        return _page(request, uow, visitor, acted.view, coach=acted.coach)
    return _back_to(acted.view.id, note)


def _back_to(negotiation_id: str, note: str = "") -> RedirectResponse:
    target = f"/negotiations/{negotiation_id}"
    if note:
        target += f"?note={quote_plus(note)}"
    return RedirectResponse(target + "#step", status_code=303)


# Moves ----------------------------------------------------------------------------------------


@router.post("/negotiations/{negotiation_id}/check-in")
def check_in(
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    feeling: Annotated[str, Form()],
    heart_rate: Annotated[str, Form()] = "",
) -> Response:
    rate: int | None = None
    if heart_rate.strip():
        try:
            rate = int(heart_rate.strip())
        except ValueError:
            raise InputError(
                f"{heart_rate!r} is not a number.",
                field="heart rate",
                fix="Enter beats per minute (for example 72), or leave it empty.",
            ) from None
    done = readiness.check_in(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        feeling=feeling,
        heart_rate=rate,
    )
    note = "" if done.suggest_pause else "Thank you for checking in."
    return _back_to(negotiation_id, note)


@router.post("/negotiations/{negotiation_id}/positions")
def state_position(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    topic_id: Annotated[str, Form()],
    text: Annotated[str, Form()],
) -> Response:
    acted = negotiation.state_position(
        uow, actor_id=visitor.person_id, negotiation_id=negotiation_id, topic_id=topic_id, text=text
    )
    return _after(request, uow, visitor, acted, "Your position is saved; only you can see it.")


@router.post("/negotiations/{negotiation_id}/needs")
def name_need(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    topic_id: Annotated[str, Form()],
    need: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    weight: Annotated[int, Form()] = 2,
) -> Response:
    acted = negotiation.name_need(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        topic_id=topic_id,
        need=need or None,
        text=text,
        weight=weight,
    )
    return _after(request, uow, visitor, acted, "The need is saved; only you can see it.")


@router.post("/negotiations/{negotiation_id}/restatements")
def restate(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    about_id: Annotated[str, Form()],
    text: Annotated[str, Form()],
) -> Response:
    acted = negotiation.restate(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        about_id=about_id,
        text=text,
    )
    return _after(request, uow, visitor, acted, "Said. Now they can answer.")


@router.post("/restatements/{restatement_id}/answer")
def answer_restatement(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    restatement_id: str,
    answer: Annotated[str, Form()],
    correction: Annotated[str, Form()] = "",
) -> Response:
    acted = negotiation.answer_restatement(
        uow,
        actor_id=visitor.person_id,
        restatement_id=restatement_id,
        thats_right=answer == "right",
        correction=correction if answer != "right" else "",
    )
    return _after(request, uow, visitor, acted, "Your answer is given.")


@router.post("/negotiations/{negotiation_id}/options")
def add_option(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    topic_id: Annotated[str, Form()],
    text: Annotated[str, Form()],
) -> Response:
    acted = negotiation.add_option(
        uow, actor_id=visitor.person_id, negotiation_id=negotiation_id, topic_id=topic_id, text=text
    )
    return _after(request, uow, visitor, acted, "Yes, and: the option is on the list.")


@router.post("/negotiations/{negotiation_id}/ratings")
async def rate(
    request: Request, uow: UowDep, visitor: FormVisitor, negotiation_id: str
) -> Response:
    form = await request.form()
    ratings: dict[str, dict[str, int]] = {}
    for key, value in form.multi_items():
        if not key.startswith("rate:") or not isinstance(value, str) or value == "":
            continue
        _, option_id, need_id = [*key.split(":", 2), "", ""][:3]
        try:
            number = int(value)
        except ValueError:
            raise InputError(f"{value!r} is not a rating.", field="ratings") from None
        ratings.setdefault(option_id, {})[need_id] = number
    forbidden = [str(v) for v in form.getlist("forbid")]
    acted = negotiation.rate(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        ratings=ratings,
        forbidden=forbidden,
    )
    return _after(request, uow, visitor, acted, "Your ratings are saved; only you can see them.")


@router.post("/negotiations/{negotiation_id}/accept")
def accept(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    negotiation_id: str,
    offer: Annotated[list[str] | None, Form()] = None,
) -> Response:
    acted = negotiation.accept(
        uow, actor_id=visitor.person_id, negotiation_id=negotiation_id, offer_ids=offer or []
    )
    return _after(
        request, uow, visitor, acted, "Your marks are saved; nobody else will ever see them."
    )


@router.post("/negotiations/{negotiation_id}/finish")
def finish_step(
    request: Request, uow: UowDep, visitor: FormVisitor, negotiation_id: str
) -> Response:
    acted = negotiation.finish_step(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id)
    return _after(request, uow, visitor, acted, "Done. The step moves on when everyone is.")


@router.post("/negotiations/{negotiation_id}/back")
def go_back(request: Request, uow: UowDep, visitor: FormVisitor, negotiation_id: str) -> Response:
    acted = negotiation.go_back(uow, actor_id=visitor.person_id, negotiation_id=negotiation_id)
    return _after(request, uow, visitor, acted, "Back one step.")
