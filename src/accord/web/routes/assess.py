"""The ECR-R and its picture, the pair dynamic, temperaments side by side."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote_plus

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from accord.assessment import FRAMING, dimensions, load_questionnaire
from accord.errors import AnswersError, InputError
from accord.services import preparation, profiles
from accord.web.charts import PlanePoint, attachment_plane
from accord.web.context import FormVisitor, PageVisitor, UowDep, Visitor
from accord.web.templating import render

router = APIRouter()


def _back(relationship_id: str, note: str, anchor: str = "") -> RedirectResponse:
    target = f"/relationships/{relationship_id}/assess?note={quote_plus(note)}{anchor}"
    return RedirectResponse(target, status_code=303)


def _page(
    request: Request,
    uow: UowDep,
    visitor: Visitor,
    relationship_id: str,
    *,
    status_code: int = 200,
    ecr_error: str = "",
    ecr_answers: Mapping[int, int | None] | None = None,
    temperament_error: str = "",
    temperament_answers: Mapping[str, int | None] | None = None,
) -> Response:
    bond = profiles.attachment(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    temper = profiles.temperament(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    questionnaire = load_questionnaire("ecr-r")
    picture = None
    if bond.mine is not None or bond.shared:
        # One's own point, and the point of each member who shared their result.
        points = [
            PlanePoint(name, result.anxiety, result.avoidance) for name, result in bond.shared
        ]
        if bond.mine is not None:
            points.insert(0, PlanePoint("You", bond.mine.anxiety, bond.mine.avoidance, mine=True))
        picture = Markup(attachment_plane(points))  # charts escapes every text it holds
    # The form shows the answers just given (after a refusal), or else the last ones kept.
    given: dict[int, object] = dict(ecr_answers or {})
    if not given and bond.mine_item is not None:
        given = dict(enumerate(bond.mine_item.data.get("answers", []), start=1))
    positions: dict[str, int | None] = dict(temper.mine.positions) if temper.mine else {}
    if temperament_answers is not None:
        positions = dict(temperament_answers)
    return render(
        request,
        "assess.html.j2",
        visitor=visitor,
        status_code=status_code,
        title="Attachment and temperament",
        relationship_id=relationship_id,
        questionnaire=questionnaire,
        anchors=dict(questionnaire.scale.anchors),
        attachment=bond,
        picture=picture,
        temperament=temper,
        dimensions=dimensions(),
        framing=FRAMING,
        ecr_error=ecr_error,
        ecr_answers=given,
        temperament_error=temperament_error,
        positions=positions,
    )


@router.get("/relationships/{relationship_id}/assess", response_class=HTMLResponse)
def assess_page(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    return _page(request, uow, visitor, relationship_id)


@router.post("/relationships/{relationship_id}/assess/ecr-r", response_class=HTMLResponse)
async def take_ecr(
    request: Request, uow: UowDep, visitor: FormVisitor, relationship_id: str
) -> Response:
    questionnaire = load_questionnaire("ecr-r")
    form = await request.form()
    answers = [_whole(form.get(f"item-{item.number}")) for item in questionnaire.items]
    try:
        profiles.take_questionnaire(
            uow, actor_id=visitor.person_id, relationship_id=relationship_id, answers=answers
        )
    except AnswersError as error:
        given = {n: a for n, a in enumerate(answers, start=1) if a is not None}
        return _page(
            request,
            uow,
            visitor,
            relationship_id,
            status_code=400,
            ecr_error=str(error),
            ecr_answers=given,
        )
    return _back(relationship_id, "Your result is ready. Only you see it.", "#result")


@router.post("/relationships/{relationship_id}/assess/temperament", response_class=HTMLResponse)
async def set_temperament(
    request: Request, uow: UowDep, visitor: FormVisitor, relationship_id: str
) -> Response:
    form = await request.form()
    answers = {
        d.id: _whole(form.get(d.id)) for d in dimensions() if form.get(d.id) not in (None, "")
    }
    try:
        profiles.set_temperament(
            uow, actor_id=visitor.person_id, relationship_id=relationship_id, answers=answers
        )
    except InputError as error:
        return _page(
            request,
            uow,
            visitor,
            relationship_id,
            status_code=400,
            temperament_error=str(error),
            temperament_answers=answers,
        )
    return _back(relationship_id, "Your temperament profile is saved.", "#temperament")


@router.post("/relationships/{relationship_id}/assess/items/{item_id}/share")
def share(uow: UowDep, visitor: FormVisitor, relationship_id: str, item_id: str) -> Response:
    preparation.share(uow, actor_id=visitor.person_id, item_id=item_id)
    return _back(relationship_id, "Shared with the relationship.")


@router.post("/relationships/{relationship_id}/assess/items/{item_id}/unshare")
def unshare(uow: UowDep, visitor: FormVisitor, relationship_id: str, item_id: str) -> Response:
    preparation.unshare(uow, actor_id=visitor.person_id, item_id=item_id)
    return _back(relationship_id, "Taken back: only you see it now.")


def _whole(value: object) -> int | None:
    """A radio button's value as a whole number; anything else counts as no answer."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None
