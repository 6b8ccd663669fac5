"""Sign up, sign in, sign out, and the demo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.errors import AuthError, InputError, TooManyAttemptsError
from accord.services import auth
from accord.services.demo import create_demo, demo_session
from accord.web.context import SESSION_COOKIE, FormVisitor, OptionalVisitor, UowDep
from accord.web.security import clear_session_cookie, set_session_cookie
from accord.web.templating import render

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only a path on this site: never an address that leads elsewhere."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, visitor: OptionalVisitor, next: str = "/") -> Response:
    return render(
        request,
        "signup.html.j2",
        visitor=visitor,
        next=_safe_next(next),
        title="Create your account",
        error="",
        values={},
    )


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    uow: UowDep,
    name: Annotated[str, Form()],
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        grant = auth.sign_up(uow, name=name, email=email, password=password)
    except InputError as error:
        return render(
            request,
            "signup.html.j2",
            status_code=400,
            next=_safe_next(next),
            title="Create your account",
            error=str(error),
            values={"name": name, "email": email},
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(request, response, grant.token)
    return response


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request, visitor: OptionalVisitor, next: str = "/") -> Response:
    return render(
        request,
        "signin.html.j2",
        visitor=visitor,
        next=_safe_next(next),
        title="Sign in",
        error="",
        values={},
    )


@router.post("/signin", response_class=HTMLResponse)
def signin(
    request: Request,
    uow: UowDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        grant = auth.sign_in(uow, email=email, password=password)
    except (AuthError, TooManyAttemptsError) as error:
        status = 429 if isinstance(error, TooManyAttemptsError) else 401
        return render(
            request,
            "signin.html.j2",
            status_code=status,
            next=_safe_next(next),
            title="Sign in",
            error=str(error),
            values={"email": email},
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(request, response, grant.token)
    return response


@router.post("/signout")
def signout(request: Request, uow: UowDep, visitor: FormVisitor) -> Response:
    auth.sign_out(uow, token=request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/?note=You+are+signed+out.", status_code=303)
    clear_session_cookie(response)
    return response


@router.post("/demo")
def demo(request: Request, uow: UowDep) -> Response:
    """A fresh demo relationship, signed in as its first member."""
    made = create_demo(uow)
    grant = demo_session(uow, made, made.sam)
    response = RedirectResponse(f"/relationships/{made.relationship_id}", status_code=303)
    set_session_cookie(request, response, grant.token)
    return response


@router.post("/demo/switch")
def demo_switch(request: Request, uow: UowDep, visitor: FormVisitor) -> Response:
    """In a demo, act as the other member (a new session for them)."""
    from accord.services import people
    from accord.services.demo import Demo

    if visitor.demo_relationship_id is None:
        return RedirectResponse("/", status_code=303)
    view = people.relationship(
        uow, actor_id=visitor.person_id, relationship_id=visitor.demo_relationship_id
    )
    other = next(m.person_id for m in view.members if m.person_id != visitor.person_id)
    grant = demo_session(uow, Demo(view.id, visitor.person_id, other, ""), other)
    auth.sign_out(uow, token=request.cookies.get(SESSION_COOKIE, ""))
    back = request.headers.get("referer", "")
    path = "/" + back.split("/", 3)[3] if back.count("/") >= 3 else f"/relationships/{view.id}"
    response = RedirectResponse(_safe_next(path), status_code=303)
    set_session_cookie(request, response, grant.token)
    return response
