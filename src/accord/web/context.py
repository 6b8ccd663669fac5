"""What every request needs: the unit of work, the settings, who is signed in, and the CSRF
check. Routes declare these as ``Annotated`` dependencies and never decide access themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from accord.services import auth
from accord.services.ports import UnitOfWork
from accord.settings import Settings

SESSION_COOKIE = "accord_session"


@dataclass(frozen=True, slots=True)
class Visitor:
    """The signed-in person behind a request."""

    person_id: str
    csrf: str
    demo_relationship_id: str | None
    via_token: bool = False
    name: str = ""


class SignInRequired(Exception):  # noqa: N818 - a redirect signal, not an error
    """A page needs a signed-in person; the app answers with a redirect to the sign-in page."""


def get_uow(request: Request) -> UnitOfWork:
    uow: UnitOfWork = request.app.state.uow
    return uow


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


UowDep = Annotated[UnitOfWork, Depends(get_uow)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def optional_visitor(request: Request, uow: UowDep) -> Visitor | None:
    token = request.cookies.get(SESSION_COOKIE, "")
    info = auth.session_info(uow, token=token) if token else None
    if info is None:
        return None
    return Visitor(info.person_id, info.csrf, info.demo_relationship_id, name=info.name)


def page_visitor(visitor: Annotated[Visitor | None, Depends(optional_visitor)]) -> Visitor:
    if visitor is None:
        raise SignInRequired
    return visitor


def api_visitor(request: Request, uow: UowDep) -> Visitor:
    """An API client: a bearer token made in settings, or the browser's own session (the page
    scripts call the API too; they send the CSRF token in a header for anything that writes)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        person = auth.token_person(uow, token=header[7:].strip())
        if person is None:
            raise HTTPException(401, "The API token is unknown or revoked.")
        return Visitor(person, "", None, via_token=True)
    visitor = optional_visitor(request, uow)
    if visitor is None:
        raise HTTPException(401, "Sign in, or send an API token as 'Authorization: Bearer ...'.")
    if request.method not in ("GET", "HEAD", "OPTIONS") and not auth.csrf_matches(
        visitor.csrf, request.headers.get("x-csrf-token", "")
    ):
        raise HTTPException(403, "The X-CSRF-Token header is missing or wrong.")
    return visitor


OptionalVisitor = Annotated[Visitor | None, Depends(optional_visitor)]
PageVisitor = Annotated[Visitor, Depends(page_visitor)]
ApiVisitor = Annotated[Visitor, Depends(api_visitor)]


async def check_csrf(request: Request, visitor: PageVisitor) -> Visitor:
    """Every form that changes something carries the session's CSRF token."""
    form = await request.form()
    given = form.get("csrf")
    if not isinstance(given, str) or not auth.csrf_matches(visitor.csrf, given):
        raise HTTPException(403, "This form has expired. Go back, reload the page and try again.")
    return visitor


FormVisitor = Annotated[Visitor, Depends(check_csrf)]
