"""The preparation workbook: needs, feelings, boundaries; share item by item.

Whenever the safety screen reads a possible danger in what someone wrote, only its author is
taken to the help page; nothing about it is shown to anyone else.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.domain.items import FEELING_PROMPTS
from accord.domain.needs import catalogue, label_for
from accord.services import people, preparation
from accord.services.preparation import Saved
from accord.web.context import FormVisitor, PageVisitor, UowDep
from accord.web.templating import render

router = APIRouter()


def _page(relationship_id: str, note: str = "") -> RedirectResponse:
    target = f"/relationships/{relationship_id}/prepare"
    if note:
        target += "?note=" + quote_plus(note)
    return RedirectResponse(target, status_code=303)


def _after_saving(relationship_id: str, saved: Saved, note: str) -> RedirectResponse:
    """The author alone goes to the help page when the safety screen read a danger."""
    if saved.safety is not None:
        return RedirectResponse("/help", status_code=303)
    return _page(relationship_id, note)


@router.get("/relationships/{relationship_id}/prepare", response_class=HTMLResponse)
def workbook_page(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    book = preparation.workbook(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    # The workbook carries owner ids only; the relationship gives the names to show with them.
    view = people.relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    names = {m.person_id: m.name for m in view.members}
    mine = {
        kind: [i for i in book.mine if i.kind.value == kind]
        for kind in ("need", "feeling", "boundary")
    }
    feelings = [
        (key, prompt, [i for i in mine["feeling"] if i.data.get("prompt") == key])
        for key, prompt in FEELING_PROMPTS.items()
    ]
    return render(
        request,
        "prepare.html.j2",
        visitor=visitor,
        title=f"Preparation · {view.name}",
        relationship=view,
        needs=mine["need"],
        feelings=feelings,
        boundaries=mine["boundary"],
        shared=book.shared_with_me,
        names=names,
        catalogue=catalogue(),
        prompts=FEELING_PROMPTS,
        label_for=label_for,
    )


@router.post("/relationships/{relationship_id}/prepare/needs")
def add_need(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    need: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
) -> Response:
    saved = preparation.add_need(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        need=need or None,
        text=text,
    )
    return _after_saving(relationship_id, saved, "Need saved. Only you see it.")


@router.post("/relationships/{relationship_id}/prepare/feelings")
def add_feeling(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    prompt: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
) -> Response:
    saved = preparation.add_feeling(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id, prompt=prompt, text=text
    )
    return _after_saving(relationship_id, saved, "Saved. Only you see it.")


@router.post("/relationships/{relationship_id}/prepare/boundaries")
def add_boundary(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    statement: Annotated[str, Form()] = "",
    consequence: Annotated[str, Form()] = "",
) -> Response:
    saved = preparation.add_boundary(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        statement=statement,
        consequence=consequence,
    )
    return _after_saving(relationship_id, saved, _verdict(saved))


@router.post("/relationships/{relationship_id}/prepare/boundaries/{boundary_id}")
def revise_boundary(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    boundary_id: str,
    statement: Annotated[str, Form()] = "",
    consequence: Annotated[str, Form()] = "",
) -> Response:
    saved = preparation.revise_boundary(
        uow,
        actor_id=visitor.person_id,
        boundary_id=boundary_id,
        statement=statement,
        consequence=consequence,
    )
    return _after_saving(relationship_id, saved, _verdict(saved))


@router.post("/relationships/{relationship_id}/prepare/items/{item_id}/share")
def share(uow: UowDep, visitor: FormVisitor, relationship_id: str, item_id: str) -> Response:
    preparation.share(uow, actor_id=visitor.person_id, item_id=item_id)
    return _page(relationship_id, "Shared with the relationship.")


@router.post("/relationships/{relationship_id}/prepare/items/{item_id}/unshare")
def unshare(uow: UowDep, visitor: FormVisitor, relationship_id: str, item_id: str) -> Response:
    preparation.unshare(uow, actor_id=visitor.person_id, item_id=item_id)
    return _page(relationship_id, "Taken back: only you see it now.")


@router.post("/relationships/{relationship_id}/prepare/items/{item_id}/remove")
def remove(uow: UowDep, visitor: FormVisitor, relationship_id: str, item_id: str) -> Response:
    preparation.remove(uow, actor_id=visitor.person_id, item_id=item_id)
    return _page(relationship_id, "Removed.")


def _verdict(saved: Saved) -> str:
    if saved.check is not None and saved.check.kind.value == "boundary":
        return "Boundary saved. Only you see it."
    return "Saved as a preference for now: see below how to make it a boundary."
