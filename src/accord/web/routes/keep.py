"""Agreements with their check-ins, and the boundary ledger with its chart."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from accord.domain.negotiation import Step
from accord.domain.topics import AgreementStatus
from accord.errors import InputError
from accord.services import agreements, ledger
from accord.services import negotiation as negotiations
from accord.web.charts import enforcement_line
from accord.web.context import FormVisitor, PageVisitor, UowDep
from accord.web.templating import render

router = APIRouter()

TERM_ROWS = 3


def _to(path: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?note={quote_plus(note)}", status_code=303)


# Agreements ------------------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/agreements", response_class=HTMLResponse)
def agreements_page(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    views = agreements.agreements(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    # Negotiations that reached an agreement nobody has written down yet.
    written = {
        v.agreement.negotiation_id for v in views if v.agreement.status is AgreementStatus.ACTIVE
    }
    to_record = [
        n
        for n in negotiations.negotiations(
            uow, actor_id=visitor.person_id, relationship_id=relationship_id
        )
        if n.step is Step.AGREED and n.id not in written
    ]
    return render(
        request,
        "agreements.html.j2",
        visitor=visitor,
        title="Agreements",
        relationship_id=relationship_id,
        views=views,
        to_record=to_record,
        term_rows=range(1, TERM_ROWS + 1),
        outcomes=(("kept", "Kept"), ("partly", "Partly kept"), ("broken", "Broken")),
    )


@router.post("/relationships/{relationship_id}/agreements")
async def record_agreement(
    request: Request,
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    negotiation_id: Annotated[str, Form()] = "",
    how_we_know: Annotated[str, Form()] = "",
    review_on: Annotated[str, Form()] = "",
) -> Response:
    form = await request.form()
    terms: list[tuple[str, str, date | None]] = []
    for n in range(1, TERM_ROWS + 1):
        who, what, by = (str(form.get(f"{key}_{n}", "")).strip() for key in ("who", "what", "by"))
        if what:
            terms.append((who, what, _date(by, f"term {n} date") if by else None))
    agreements.record(
        uow,
        actor_id=visitor.person_id,
        negotiation_id=negotiation_id,
        terms=terms,
        how_we_know=how_we_know,
        review_on=_date(review_on, "review date"),
    )
    return _to(f"/relationships/{relationship_id}/agreements", "The agreement is written down.")


@router.post("/relationships/{relationship_id}/agreements/{agreement_id}/check-in")
def check_in(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    agreement_id: str,
    outcome: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    agreements.check_in(
        uow, actor_id=visitor.person_id, agreement_id=agreement_id, outcome=outcome, note=note
    )
    return _to(f"/relationships/{relationship_id}/agreements", "Check-in recorded.")


@router.post("/relationships/{relationship_id}/agreements/{agreement_id}/renegotiate")
def renegotiate(
    uow: UowDep, visitor: FormVisitor, relationship_id: str, agreement_id: str
) -> Response:
    agreements.renegotiate(uow, actor_id=visitor.person_id, agreement_id=agreement_id)
    return _to(
        f"/relationships/{relationship_id}/agreements",
        "The negotiation is open again, back at the options step.",
    )


# The boundary ledger ---------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/ledger", response_class=HTMLResponse)
def ledger_page(
    request: Request, uow: UowDep, visitor: PageVisitor, relationship_id: str
) -> Response:
    records = ledger.ledger(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    boundaries = [r for r in records if r.boundary.data.get("kind") == "boundary"]
    preferences = [r for r in records if r.boundary.data.get("kind") != "boundary"]
    charts = {
        r.boundary.id: Markup(  # charts escapes every text it holds
            enforcement_line(
                r.enforcement.series,
                name=str(r.boundary.data.get("statement", "")),
                chart_id=f"chart-{r.boundary.id}",
            )
        )
        for r in boundaries
        if r.enforcement.series
    }
    return render(
        request,
        "ledger.html.j2",
        visitor=visitor,
        title="Boundary ledger",
        relationship_id=relationship_id,
        boundaries=boundaries,
        preferences=preferences,
        charts=charts,
        today=datetime.now(UTC).date().isoformat(),
    )


@router.post("/relationships/{relationship_id}/ledger/{boundary_id}/crossings")
def record_crossing(
    uow: UowDep,
    visitor: FormVisitor,
    relationship_id: str,
    boundary_id: str,
    carried_out: Annotated[str, Form()] = "",
    occurred_on: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    if carried_out not in ("yes", "no"):
        raise InputError(
            "was not answered.",
            field="carried out",
            fix="Say whether you carried out the consequence: yes or no.",
        )
    ledger.record_crossing(
        uow,
        actor_id=visitor.person_id,
        boundary_id=boundary_id,
        carried_out=carried_out == "yes",
        occurred_at=_moment(occurred_on),
        note=note,
    )
    return _to(f"/relationships/{relationship_id}/ledger", "Crossing recorded.")


def _date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{value!r} is not a date.", field=field, fix="Give it as YYYY-MM-DD."
        ) from None


def _moment(value: str) -> datetime | None:
    """A crossing's date as a moment: today (or nothing) means now, an earlier day its start in
    UTC (the service refuses a later one)."""
    if not value.strip():
        return None
    day = _date(value, "when")
    return None if day == datetime.now(UTC).date() else datetime.combine(day, time(), UTC)
