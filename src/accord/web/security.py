"""Headers every response carries, and how the session cookie is set."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from fastapi import Request, Response

from accord.services.auth import SESSION_LENGTH
from accord.web.context import SESSION_COOKIE

# Everything is served by the app itself: no CDN, no inline script, no framing by other sites.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


NOTE_COOKIE = "accord_note"


def _note_to_cookie(response: Response) -> None:
    """A redirect's ``?note=`` becomes a one-time cookie: the next page shows it, and nobody can
    make an Accord page say something by crafting a link (the query string is never shown)."""
    location = response.headers.get("location", "")
    if response.status_code not in (302, 303) or "note=" not in location:
        return
    parts = urlsplit(location)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    notes = [value for key, value in pairs if key == "note"]
    rest = urlencode([(key, value) for key, value in pairs if key != "note"])
    response.headers["location"] = urlunsplit(parts._replace(query=rest))
    if notes and notes[0]:
        response.set_cookie(
            NOTE_COOKIE, quote(notes[0][:300]), max_age=60, httponly=True, samesite="strict"
        )


def read_note(request: Request) -> str:
    return unquote(request.cookies.get(NOTE_COOKIE, ""))


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    _note_to_cookie(response)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if not request.url.path.startswith("/static/"):
        # A page someone left with the quick exit must not come back from the cache.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    mode = request.app.state.settings.secure_cookies
    secure = mode == "always" or (mode == "auto" and is_https(request))
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LENGTH.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
