"""Server-rendered pages: one Jinja2 environment with autoescaping on, so that every text a
person wrote is escaped wherever it appears."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from accord.web.context import Visitor
from accord.web.security import NOTE_COOKIE, read_note


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.web", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = version("accord")
    return env


def render(
    request: Request,
    template: str,
    *,
    visitor: Visitor | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """A page, with what the layout needs: who is signed in, their CSRF token, the quick-exit
    address, and whether this page is part of a joint step (it then shows the pause button)."""
    settings = request.app.state.settings
    base: dict[str, Any] = {
        "request": request,
        "visitor": visitor,
        "csrf": visitor.csrf if visitor else "",
        "me": visitor.name if visitor else "",
        "quick_exit_url": settings.quick_exit_url,
        "pause_relationship": None,
        "title": "Accord",
        "flash": read_note(request),
    }
    base.update(context)
    html = environment().get_template(template).render(**base)
    response = HTMLResponse(html, status_code=status_code)
    if base["flash"]:
        response.delete_cookie(NOTE_COOKIE)
    return response
