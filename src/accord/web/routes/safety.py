"""Help resources: where a person whose words the safety screen flagged is taken (only them)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from accord.coach.safety import resources
from accord.web.context import OptionalVisitor
from accord.web.templating import render

router = APIRouter()


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request, visitor: OptionalVisitor) -> Response:
    locale = request.app.state.settings.locale
    return render(
        request,
        "help.html.j2",
        visitor=visitor,
        resources=resources(locale),
        title="Help is available",
    )
