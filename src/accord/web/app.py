"""The app factory: the composition root of the web app (settings, database, routes)."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from accord.assessment import QuestionnaireError
from accord.errors import (
    AccordError,
    AuthError,
    ConflictError,
    InputError,
    NotFoundError,
    PausedError,
    ScenarioError,
    SolverError,
    StepError,
    TooManyAttemptsError,
)
from accord.services.safety import SafetyHoldError
from accord.settings import Settings
from accord.storage import Database, SqlUnitOfWork
from accord.web.context import SignInRequired
from accord.web.security import security_headers

# Each error a person can cause, and the HTTP status it becomes (the first match wins).
STATUSES: tuple[tuple[type[AccordError], int], ...] = (
    (InputError, 400),
    (QuestionnaireError, 400),
    (ScenarioError, 400),
    (AuthError, 401),
    (NotFoundError, 404),
    (StepError, 409),
    (PausedError, 409),
    (ConflictError, 409),
    (SolverError, 422),
    (TooManyAttemptsError, 429),
)


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> FastAPI:
    """A ready app: migrations applied, routes mounted. Stateless: everything lives in the
    database, so several processes (or machines) can serve the same PostgreSQL."""
    settings = settings or Settings.from_env()
    database = database or Database.connect(settings.database_url or None)
    database.upgrade()
    app = FastAPI(
        title="Accord",
        version="1",
        description="Settle what you disagree about: the guided negotiation, as a JSON API. "
        "Authenticate with 'Authorization: Bearer <token>' (make one in Settings).",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.database = database
    app.state.uow = SqlUnitOfWork(database)
    app.middleware("http")(security_headers)
    static = resources.files("accord.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    from accord.web.routes import register

    register(app)
    _handle_errors(app)
    return app


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, _: SignInRequired) -> Response:
        target = request.url.path
        return RedirectResponse(f"/signin?next={target}", status_code=303)

    @app.exception_handler(SafetyHoldError)
    async def _safety(request: Request, error: SafetyHoldError) -> Response:
        # Only the author ever gets here; the others see nothing of it.
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"detail": str(error), "held": True, "resources": list(error.notice.resources)},
                status_code=422,
            )
        return RedirectResponse("/help", status_code=303)

    @app.exception_handler(AccordError)
    async def _accord(request: Request, error: AccordError) -> Response:
        status = next((code for kind, code in STATUSES if isinstance(error, kind)), 400)
        return _error(request, status, str(error))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> Response:
        # Say what is wrong and where, without echoing the input back: it may not even be
        # encodable (a lone surrogate), and it may be long or private.
        problems = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in error.errors()
        ]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": problems}, status_code=422)
        where = "; ".join(
            f"{'.'.join(str(x) for x in p['loc'][1:]) or 'request'}: {p['msg']}" for p in problems
        )
        return _error(request, 422, f"Some of what was sent cannot be used ({where}).")


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    from accord.web.context import optional_visitor
    from accord.web.templating import render

    visitor = None
    try:
        visitor = optional_visitor(request, request.app.state.uow)
    except AccordError:
        visitor = None
    return render(
        request,
        "error.html.j2",
        visitor=visitor,
        status_code=status,
        message=message,
        status=status,
        title="Something needs your attention",
    )
