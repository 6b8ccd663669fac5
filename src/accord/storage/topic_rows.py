"""Topics, negotiations, pauses and agreements: rows to domain values and back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.access import Visibility
from accord.domain.negotiation import State, Step
from accord.domain.readiness import Pause
from accord.domain.topics import (
    Agreement,
    AgreementStatus,
    Negotiation,
    Term,
    Topic,
    TopicStatus,
)
from accord.storage.tables import AgreementRow, NegotiationRow, PauseRow, TopicRow


class TopicRepository:
    """The part of the SQL repository for topics, negotiations, pauses and agreements."""

    session: Session

    def add_topic(self, topic: Topic) -> None:
        row = TopicRow(id=topic.id)
        _topic_into(row, topic)
        self.session.add(row)
        self.session.flush()

    def get_topic(self, topic_id: str) -> Topic | None:
        row = self.session.get(TopicRow, topic_id, populate_existing=True)
        return _topic(row) if row else None

    def update_topic(self, topic: Topic) -> None:
        row = self.session.get(TopicRow, topic.id)
        if row is None:
            raise KeyError(topic.id)
        _topic_into(row, topic)
        self.session.flush()

    def topics(self, relationship_id: str) -> Sequence[Topic]:
        rows = self.session.scalars(
            select(TopicRow)
            .where(TopicRow.relationship_id == relationship_id)
            .order_by(TopicRow.created_at, TopicRow.id)
            .execution_options(populate_existing=True)
        )
        return [_topic(r) for r in rows]

    def add_negotiation(self, negotiation: Negotiation) -> None:
        row = NegotiationRow(id=negotiation.id)
        _negotiation_into(row, negotiation)
        self.session.add(row)
        self.session.flush()

    def get_negotiation(self, negotiation_id: str) -> Negotiation | None:
        row = self.session.get(NegotiationRow, negotiation_id, populate_existing=True)
        return _negotiation(row) if row else None

    def update_negotiation(self, negotiation: Negotiation) -> None:
        row = self.session.get(NegotiationRow, negotiation.id)
        if row is None:
            raise KeyError(negotiation.id)
        _negotiation_into(row, negotiation)
        self.session.flush()

    def negotiations(self, relationship_id: str) -> Sequence[Negotiation]:
        rows = self.session.scalars(
            select(NegotiationRow)
            .where(NegotiationRow.relationship_id == relationship_id)
            .order_by(NegotiationRow.created_at, NegotiationRow.id)
            .execution_options(populate_existing=True)
        )
        return [_negotiation(r) for r in rows]

    def add_pause(self, pause: Pause) -> None:
        self.session.add(
            PauseRow(
                id=pause.id,
                relationship_id=pause.relationship_id,
                negotiation_id=pause.negotiation_id,
                started_by=pause.started_by,
                started_at=pause.started_at,
                resumes_at=pause.resumes_at,
            )
        )
        self.session.flush()

    def pauses(self, relationship_id: str) -> Sequence[Pause]:
        rows = self.session.scalars(
            select(PauseRow)
            .where(PauseRow.relationship_id == relationship_id)
            .order_by(PauseRow.started_at, PauseRow.id)
        )
        return [
            Pause(
                id=r.id,
                relationship_id=r.relationship_id,
                started_by=r.started_by,
                started_at=r.started_at,
                resumes_at=r.resumes_at,
                negotiation_id=r.negotiation_id,
            )
            for r in rows
        ]

    def add_agreement(self, agreement: Agreement) -> None:
        row = AgreementRow(id=agreement.id)
        _agreement_into(row, agreement)
        self.session.add(row)
        self.session.flush()

    def get_agreement(self, agreement_id: str) -> Agreement | None:
        row = self.session.get(AgreementRow, agreement_id, populate_existing=True)
        return _agreement(row) if row else None

    def update_agreement(self, agreement: Agreement) -> None:
        row = self.session.get(AgreementRow, agreement.id)
        if row is None:
            raise KeyError(agreement.id)
        _agreement_into(row, agreement)
        self.session.flush()

    def agreements(self, relationship_id: str) -> Sequence[Agreement]:
        rows = self.session.scalars(
            select(AgreementRow)
            .where(AgreementRow.relationship_id == relationship_id)
            .order_by(AgreementRow.created_at, AgreementRow.id)
            .execution_options(populate_existing=True)
        )
        return [_agreement(r) for r in rows]


def _topic_into(row: TopicRow, topic: Topic) -> None:
    row.relationship_id = topic.relationship_id
    row.opened_by = topic.opened_by
    row.title = topic.title
    row.description = topic.description
    row.proposed_layer = topic.proposed_layer
    row.reasons = list(topic.reasons)
    row.layer = topic.layer
    row.confirmed_by = sorted(topic.confirmed_by)
    row.status = topic.status.value
    row.visibility = topic.visibility.value
    row.negotiation_id = topic.negotiation_id
    row.settlement = topic.settlement
    row.created_at = topic.created_at
    row.updated_at = topic.updated_at


def _topic(row: TopicRow) -> Topic:
    return Topic(
        id=row.id,
        relationship_id=row.relationship_id,
        opened_by=row.opened_by,
        title=row.title,
        description=row.description,
        proposed_layer=row.proposed_layer,
        reasons=tuple(row.reasons),
        layer=row.layer,
        confirmed_by=frozenset(row.confirmed_by),
        status=TopicStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        visibility=Visibility(row.visibility),
        negotiation_id=row.negotiation_id,
        settlement=row.settlement,
    )


def _negotiation_into(row: NegotiationRow, negotiation: Negotiation) -> None:
    row.relationship_id = negotiation.relationship_id
    row.topic_ids = list(negotiation.topic_ids)
    row.step = negotiation.state.step.value
    row.done = sorted(negotiation.state.done)
    row.created_by = negotiation.created_by
    row.result = dict(negotiation.result) if negotiation.result is not None else None
    row.agreed_package = (
        dict(negotiation.agreed_package) if negotiation.agreed_package is not None else None
    )
    row.step_started_at = negotiation.step_started_at
    row.created_at = negotiation.created_at
    row.updated_at = negotiation.updated_at


def _negotiation(row: NegotiationRow) -> Negotiation:
    return Negotiation(
        id=row.id,
        relationship_id=row.relationship_id,
        topic_ids=tuple(row.topic_ids),
        state=State(Step(row.step), frozenset(row.done)),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        result=dict(row.result) if row.result is not None else None,
        agreed_package=dict(row.agreed_package) if row.agreed_package is not None else None,
        step_started_at=row.step_started_at,
    )


def _agreement_into(row: AgreementRow, agreement: Agreement) -> None:
    row.relationship_id = agreement.relationship_id
    row.negotiation_id = agreement.negotiation_id
    row.package = dict(agreement.package)
    row.terms = [
        {"who": t.who, "what": t.what, "by": t.by.isoformat() if t.by else None}
        for t in agreement.terms
    ]
    row.how_we_know = agreement.how_we_know
    row.review_on = agreement.review_on
    row.status = agreement.status.value
    row.created_at = agreement.created_at
    row.updated_at = agreement.updated_at


def _agreement(row: AgreementRow) -> Agreement:
    return Agreement(
        id=row.id,
        relationship_id=row.relationship_id,
        negotiation_id=row.negotiation_id,
        package=dict(row.package),
        terms=tuple(
            Term(t["who"], t["what"], date.fromisoformat(t["by"]) if t["by"] else None)
            for t in row.terms
        ),
        how_we_know=row.how_we_know,
        review_on=row.review_on,
        status=AgreementStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
