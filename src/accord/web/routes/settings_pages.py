"""Settings: API tokens, export of everything one owns, account deletion."""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.services import accounts, auth
from accord.web.context import FormVisitor, PageVisitor, UowDep, Visitor
from accord.web.security import clear_session_cookie
from accord.web.templating import render

router = APIRouter()

CONFIRM = "DELETE"


def _settings(
    request: Request,
    uow: UowDep,
    visitor: Visitor,
    *,
    new_token: str = "",
    new_token_name: str = "",
    delete_error: str = "",
    status_code: int = 200,
) -> Response:
    tokens = auth.api_tokens(uow, actor_id=visitor.person_id)
    return render(
        request,
        "settings.html.j2",
        visitor=visitor,
        status_code=status_code,
        title="Settings",
        tokens=tokens,
        new_token=new_token,
        new_token_name=new_token_name,
        delete_error=delete_error,
        confirm_word=CONFIRM,
    )


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, uow: UowDep, visitor: PageVisitor) -> Response:
    return _settings(request, uow, visitor)


@router.post("/settings/tokens", response_class=HTMLResponse)
def create_token(
    request: Request, uow: UowDep, visitor: FormVisitor, name: Annotated[str, Form()] = ""
) -> Response:
    # The secret is shown on this one answer and never again: it must not travel in a URL,
    # so this form answers with the page itself rather than a redirect.
    token, secret = auth.create_api_token(uow, actor_id=visitor.person_id, name=name)
    return _settings(request, uow, visitor, new_token=secret, new_token_name=token.name)


@router.post("/settings/tokens/{token_id}/revoke")
def revoke_token(uow: UowDep, visitor: FormVisitor, token_id: str) -> Response:
    auth.revoke_api_token(uow, actor_id=visitor.person_id, token_id=token_id)
    return RedirectResponse(f"/settings?note={quote_plus('The token is revoked.')}", 303)


@router.get("/settings/export")
def export(uow: UowDep, visitor: PageVisitor) -> Response:
    data = accounts.export_account(uow, actor_id=visitor.person_id)
    return Response(
        json.dumps(data, indent=2, ensure_ascii=False),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="accord-export.json"'},
    )


@router.post("/settings/delete", response_class=HTMLResponse)
def delete_account(
    request: Request, uow: UowDep, visitor: FormVisitor, confirm: Annotated[str, Form()] = ""
) -> Response:
    if confirm.strip() != CONFIRM:
        return _settings(
            request,
            uow,
            visitor,
            status_code=400,
            delete_error=f"Nothing was deleted: type {CONFIRM} in capitals to confirm.",
        )
    accounts.delete_account(uow, actor_id=visitor.person_id)
    auth.sign_out_everywhere(uow, actor_id=visitor.person_id)
    note = quote_plus("Your account is deleted. What you shared stays, under 'a former member'.")
    response = RedirectResponse(f"/?note={note}", status_code=303)
    clear_session_cookie(response)
    return response
