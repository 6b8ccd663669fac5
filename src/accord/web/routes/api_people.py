"""JSON API v1: people, relationships, preparation, assessments, ledger, one's account.

Each handler parses its body, calls one service and returns a response model built from what
the service gave back. Access is the services' business: another member's private item and an
id that does not exist get the same 404.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from accord.services import accounts, auth, ledger, people, preparation, profiles
from accord.services.people import RelationshipView
from accord.services.preparation import Saved
from accord.web.api_models import (
    AttachmentOut,
    BoundaryIn,
    BoundaryRecordOut,
    Check,
    CrossingIn,
    Deleted,
    EcrIn,
    EcrOut,
    ExportOut,
    FeelingIn,
    InvitationOut,
    ItemOut,
    Joined,
    Member,
    NeedIn,
    RelationshipIn,
    RelationshipOut,
    SavedOut,
    TemperamentIn,
    TemperamentOut,
    WorkbookOut,
    attachment_out,
    item_out,
    pair_out,
    positions_of,
    safety_out,
    side_by_side_out,
)
from accord.web.context import ApiVisitor, UowDep

router = APIRouter(prefix="/api/v1", tags=["people"])


def _relationship(view: RelationshipView) -> RelationshipOut:
    return RelationshipOut(
        id=view.id,
        name=view.name,
        kind=view.kind.value,
        members=[Member(id=m.person_id, name=m.name, current=m.current) for m in view.members],
    )


def _saved(saved: Saved) -> SavedOut:
    check = saved.check
    return SavedOut(
        item=item_out(saved.item),
        check=Check(kind=check.kind.value, reason=check.reason, prompt=check.prompt)
        if check is not None
        else None,
        safety=safety_out(saved.safety),
    )


# Relationships --------------------------------------------------------------------------------


@router.get("/relationships", response_model=list[RelationshipOut])
def list_relationships(uow: UowDep, visitor: ApiVisitor) -> list[RelationshipOut]:
    """The relationships you belong to now, with their members."""
    return [_relationship(r) for r in people.relationships(uow, actor_id=visitor.person_id)]


@router.post("/relationships", response_model=RelationshipOut, status_code=201)
def create_relationship(body: RelationshipIn, uow: UowDep, visitor: ApiVisitor) -> RelationshipOut:
    """A new relationship, with you as its first member. Invite the others with a link."""
    made = people.create_relationship(
        uow, actor_id=visitor.person_id, name=body.name, kind=body.kind
    )
    return _relationship(made)


@router.get("/relationships/{relationship_id}", response_model=RelationshipOut)
def get_relationship(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> RelationshipOut:
    """One of your relationships. Any other id is 404, whether it exists or not."""
    found = people.relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return _relationship(found)


@router.post(
    "/relationships/{relationship_id}/invitations", response_model=InvitationOut, status_code=201
)
def invite(
    relationship_id: str, request: Request, uow: UowDep, visitor: ApiVisitor
) -> InvitationOut:
    """A one-time invitation link for someone to join (valid for a week). The secret is shown
    only now: Accord keeps only its hash."""
    secret = auth.invite(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return InvitationOut(secret=secret, url=str(request.url_for("join_page", token=secret)))


@router.post("/invitations/{token}/accept", response_model=Joined)
def accept_invitation(token: str, uow: UowDep, visitor: ApiVisitor) -> Joined:
    """Join the relationship an invitation is for; the invitation then stops working."""
    joined = auth.accept_invitation(uow, actor_id=visitor.person_id, token=token)
    return Joined(relationship_id=joined)


@router.post("/relationships/{relationship_id}/leave", status_code=204)
def leave(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> Response:
    """Leave: you see nothing new of it from now on. What you shared stays readable to the
    others; what you kept private stays yours alone."""
    people.leave_relationship(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return Response(status_code=204)


# Preparation ----------------------------------------------------------------------------------


@router.get("/relationships/{relationship_id}/workbook", response_model=WorkbookOut)
def workbook(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> WorkbookOut:
    """All of your own preparation (private and shared), and what the others chose to share."""
    book = preparation.workbook(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return WorkbookOut(
        mine=[item_out(i) for i in book.mine],
        shared_with_me=[item_out(i) for i in book.shared_with_me],
    )


@router.post("/relationships/{relationship_id}/needs", response_model=SavedOut, status_code=201)
def add_need(relationship_id: str, body: NeedIn, uow: UowDep, visitor: ApiVisitor) -> SavedOut:
    """A core need or value (Foundation layer): a catalogue need, your own words, or both.
    It starts private."""
    saved = preparation.add_need(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        need=body.need,
        text=body.text,
    )
    return _saved(saved)


@router.post("/relationships/{relationship_id}/feelings", response_model=SavedOut, status_code=201)
def add_feeling(
    relationship_id: str, body: FeelingIn, uow: UowDep, visitor: ApiVisitor
) -> SavedOut:
    """An answer to a workbook prompt (what makes me feel safe, respected, heard...)."""
    saved = preparation.add_feeling(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        prompt=body.prompt,
        text=body.text,
    )
    return _saved(saved)


@router.post(
    "/relationships/{relationship_id}/boundaries", response_model=SavedOut, status_code=201
)
def add_boundary(
    relationship_id: str, body: BoundaryIn, uow: UowDep, visitor: ApiVisitor
) -> SavedOut:
    """A boundary and what you will do when it is crossed. Without a concrete consequence it
    is kept as a preference; ``check`` says why and how to make it a boundary."""
    saved = preparation.add_boundary(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        statement=body.statement,
        consequence=body.consequence,
    )
    return _saved(saved)


@router.patch("/boundaries/{boundary_id}", response_model=SavedOut)
def revise_boundary(
    boundary_id: str, body: BoundaryIn, uow: UowDep, visitor: ApiVisitor
) -> SavedOut:
    """Rewrite one of your boundaries; the enforcement test runs again."""
    saved = preparation.revise_boundary(
        uow,
        actor_id=visitor.person_id,
        boundary_id=boundary_id,
        statement=body.statement,
        consequence=body.consequence,
    )
    return _saved(saved)


@router.post("/items/{item_id}/share", response_model=ItemOut)
def share(item_id: str, uow: UowDep, visitor: ApiVisitor) -> ItemOut:
    """Share one of your items with the relationship's members."""
    return item_out(preparation.share(uow, actor_id=visitor.person_id, item_id=item_id))


@router.post("/items/{item_id}/unshare", response_model=ItemOut)
def unshare(item_id: str, uow: UowDep, visitor: ApiVisitor) -> ItemOut:
    """Make one of your items private again."""
    return item_out(preparation.unshare(uow, actor_id=visitor.person_id, item_id=item_id))


@router.delete("/items/{item_id}", status_code=204)
def remove(item_id: str, uow: UowDep, visitor: ApiVisitor) -> Response:
    """Delete one of your preparation items (a boundary takes its ledger with it)."""
    preparation.remove(uow, actor_id=visitor.person_id, item_id=item_id)
    return Response(status_code=204)


# Assessments ----------------------------------------------------------------------------------


@router.post("/relationships/{relationship_id}/ecr-r", response_model=EcrOut, status_code=201)
def take_ecr(relationship_id: str, body: EcrIn, uow: UowDep, visitor: ApiVisitor) -> EcrOut:
    """Score the ECR-R (36 answers, 1-7) and keep the result, privately: the two scores, the
    nearest attachment pattern and a reading."""
    item, result = profiles.take_questionnaire(
        uow, actor_id=visitor.person_id, relationship_id=relationship_id, answers=body.answers
    )
    return EcrOut(
        item_id=item.id,
        scores={str(k): float(v) for k, v in dict(item.data["scores"]).items()},
        result=attachment_out(result) if result is not None else None,
    )


@router.get("/relationships/{relationship_id}/attachment", response_model=AttachmentOut)
def attachment(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> AttachmentOut:
    """Your latest ECR-R result, and the pair dynamic with each member who shared theirs."""
    view = profiles.attachment(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return AttachmentOut(
        mine=attachment_out(view.mine) if view.mine is not None else None,
        item_id=view.mine_item.id if view.mine_item else None,
        visibility=view.mine_item.visibility.value if view.mine_item else None,
        pairs=[pair_out(p) for p in view.pairs],
    )


@router.put("/relationships/{relationship_id}/temperament", response_model=ItemOut)
def set_temperament(
    relationship_id: str, body: TemperamentIn, uow: UowDep, visitor: ApiVisitor
) -> ItemOut:
    """Your temperament profile, a position 1-5 on every dimension (replaces the earlier one
    and keeps its visibility)."""
    item = profiles.set_temperament(
        uow,
        actor_id=visitor.person_id,
        relationship_id=relationship_id,
        answers=dict(body.positions),
    )
    return item_out(item)


@router.get("/relationships/{relationship_id}/temperament", response_model=TemperamentOut)
def temperament(relationship_id: str, uow: UowDep, visitor: ApiVisitor) -> TemperamentOut:
    """Your temperament profile, side by side with each member who shared theirs: strengths
    and blind spots, never a gap to close."""
    view = profiles.temperament(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return TemperamentOut(
        positions=positions_of(view.mine),
        item_id=view.mine_item.id if view.mine_item else None,
        visibility=view.mine_item.visibility.value if view.mine_item else None,
        side_by_side=[side_by_side_out(s) for s in view.side_by_side],
    )


# The ledger -----------------------------------------------------------------------------------


@router.post("/boundaries/{boundary_id}/crossings", response_model=ItemOut, status_code=201)
def record_crossing(
    boundary_id: str, body: CrossingIn, uow: UowDep, visitor: ApiVisitor
) -> ItemOut:
    """One crossing of one of your boundaries, and whether you carried out its consequence."""
    crossing = ledger.record_crossing(
        uow,
        actor_id=visitor.person_id,
        boundary_id=boundary_id,
        carried_out=body.carried_out,
        occurred_at=body.occurred_at,
        note=body.note,
    )
    return item_out(crossing)


@router.get("/relationships/{relationship_id}/ledger", response_model=list[BoundaryRecordOut])
def boundary_ledger(
    relationship_id: str, uow: UowDep, visitor: ApiVisitor
) -> list[BoundaryRecordOut]:
    """Each of your boundaries with how often you carried out its consequence, over time."""
    records = ledger.ledger(uow, actor_id=visitor.person_id, relationship_id=relationship_id)
    return [
        BoundaryRecordOut(
            boundary=item_out(r.boundary),
            crossings=r.enforcement.crossings,
            enforced=r.enforcement.enforced,
            rate=r.enforcement.rate,
            verdict=r.enforcement.verdict,
            series=list(r.enforcement.series),
        )
        for r in records
    ]


# One's account --------------------------------------------------------------------------------


@router.get("/export", response_model=ExportOut)
def export(uow: UowDep, visitor: ApiVisitor) -> ExportOut:
    """Everything you own, private and shared, as JSON. Nothing another person wrote."""
    return ExportOut.model_validate(accounts.export_account(uow, actor_id=visitor.person_id))


@router.delete("/me", response_model=Deleted)
def delete_account(uow: UowDep, visitor: ApiVisitor) -> Deleted:
    """Delete your account: your private items go; what you shared stays, signed "A former
    member"; you leave every relationship. Your tokens stop working."""
    return Deleted(deleted_items=accounts.delete_account(uow, actor_id=visitor.person_id))
