"""The dashboard, relationships, invitations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.domain.relationships import RelationshipKind
from accord.services import auth, people, profiles, readiness
from accord.web.context import FormVisitor, OptionalVisitor, PageVisitor, UowDep
from accord.web.templating import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, uow: UowDep, visitor: OptionalVisitor) -> Response:
    if visitor is None:
        return render(request, "welcome.html.j2", title="Accord")
    mine = people.relationships(uow, actor_id=visitor.person_id)
    return render(
        request,
        "home.html.j2",
        visitor=visitor,
        relationships=mine,
        kinds=[k.value for k in RelationshipKind],
        title="Your relationships",
    )


@router.post("/relationships")
def create_relationship(
    uow: UowDep,
    visitor: FormVisitor,
    name: Annotated[str, Form()],
    kind: Annotated[str, Form()],
) -> Response:
    made = people.create_relationship(uow, actor_id=visitor.person_id, name=name, kind=kind)
    return RedirectResponse(f"/relationships/{made.id}", status_code=303)


@router.get("/relationships/{relationship_id}", response_class=HTMLResponse)
def relationship(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    view = people.relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return render(
        request,
        "relationship.html.j2",
        visitor=visitor,
        relationship=view,
        invite_link="",
        title=view.name,
        pause_relationship=view.id,
    )


@router.post("/relationships/{relationship_id}/invite", response_class=HTMLResponse)
def invite(request: Request, uow: UowDep, visitor: FormVisitor, relationship_id: str) -> Response:
    secret = auth.invite(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    view = people.relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    link = str(request.url_for("join_page", token=secret))
    return render(
        request,
        "relationship.html.j2",
        visitor=visitor,
        relationship=view,
        invite_link=link,
        title=view.name,
        pause_relationship=view.id,
    )


@router.post("/relationships/{relationship_id}/leave")
def leave(uow: UowDep, visitor: FormVisitor, relationship_id: str) -> Response:
    people.leave_relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return RedirectResponse("/?note=You+have+left+the+relationship.", status_code=303)


@router.get("/join/{token}", response_class=HTMLResponse, name="join_page")
def join_page(request: Request, uow: UowDep, visitor: OptionalVisitor, token: str) -> Response:
    info = auth.invitation(uow, token=token)
    return render(
        request,
        "join.html.j2",
        visitor=visitor,
        info=info,
        token=token,
        title=f"Join {info.relationship_name}",
    )


@router.post("/join/{token}")
def join(uow: UowDep, visitor: FormVisitor, token: str) -> Response:
    relationship_id = auth.accept_invitation(uow, actor_id=visitor.person_id, token=token)
    return RedirectResponse(f"/relationships/{relationship_id}", status_code=303)


@router.post("/relationships/{relationship_id}/pause")
def pause(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    minutes: Annotated[int, Form()] = 30,
) -> Response:
    readiness.pause(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id, minutes=minutes
    )
    return RedirectResponse(f"/relationships/{relationship_id}/paused", status_code=303)


@router.get("/relationships/{relationship_id}/paused", response_class=HTMLResponse)
def paused(request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str) -> Response:
    """The pause screen: when the talk resumes, and the script for this person's pattern."""
    from accord.assessment import pause_script

    running = readiness.current_pause(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id
    )
    view = people.relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    others = [m.name for m in view.members if m.current and m.person_id != visitor.person_id]
    other = " and ".join(others) or "the others"
    mine = profiles.attachment(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id
    ).mine
    when = running.resumes_at.strftime("%H:%M UTC on %A %d %B") if running else ""
    script = pause_script(mine, other, return_at=f"at {when}") if mine and running else None
    return render(
        request,
        "paused.html.j2",
        visitor=visitor,
        relationship=view,
        pause=running,
        when=when,
        script=script,
        other=other,
        title="Paused",
    )
