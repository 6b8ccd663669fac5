"""The part of the SQL repository for web sessions, API tokens, invitations, sign-in attempts
and password hashes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from accord.domain.accounts import ApiToken, Invitation, WebSession
from accord.storage.tables import (
    ApiTokenRow,
    InvitationRow,
    LoginAttemptRow,
    PersonRow,
    WebSessionRow,
)


class AccountRepository:
    session: Session

    def set_password_hash(self, person_id: str, password_hash: str | None) -> None:
        row = self.session.get(PersonRow, person_id)
        if row is None:
            raise KeyError(person_id)
        row.password_hash = password_hash
        self.session.flush()

    def password_hash(self, person_id: str) -> str | None:
        row = self.session.get(PersonRow, person_id)
        return row.password_hash if row else None

    def add_web_session(self, web_session: WebSession) -> None:
        self.session.add(
            WebSessionRow(
                token_hash=web_session.token_hash,
                person_id=web_session.person_id,
                csrf=web_session.csrf,
                demo_relationship_id=web_session.demo_relationship_id,
                created_at=web_session.created_at,
                expires_at=web_session.expires_at,
            )
        )
        self.session.flush()

    def get_web_session(self, token_hash: str) -> WebSession | None:
        row = self.session.get(WebSessionRow, token_hash)
        if row is None:
            return None
        return WebSession(
            token_hash=row.token_hash,
            person_id=row.person_id,
            csrf=row.csrf,
            created_at=row.created_at,
            expires_at=row.expires_at,
            demo_relationship_id=row.demo_relationship_id,
        )

    def delete_web_session(self, token_hash: str) -> None:
        self.session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == token_hash))

    def delete_web_sessions_of(self, person_id: str) -> None:
        self.session.execute(delete(WebSessionRow).where(WebSessionRow.person_id == person_id))

    def add_api_token(self, token: ApiToken) -> None:
        self.session.add(
            ApiTokenRow(
                id=token.id,
                person_id=token.person_id,
                name=token.name,
                token_hash=token.token_hash,
                created_at=token.created_at,
                revoked_at=token.revoked_at,
            )
        )
        self.session.flush()

    def api_token_by_hash(self, token_hash: str) -> ApiToken | None:
        row = self.session.scalars(
            select(ApiTokenRow).where(ApiTokenRow.token_hash == token_hash)
        ).first()
        return _token(row) if row else None

    def api_tokens_of(self, person_id: str) -> Sequence[ApiToken]:
        rows = self.session.scalars(
            select(ApiTokenRow)
            .where(ApiTokenRow.person_id == person_id)
            .order_by(ApiTokenRow.created_at, ApiTokenRow.id)
        )
        return [_token(r) for r in rows]

    def revoke_api_token(self, token_id: str, at: datetime) -> None:
        row = self.session.get(ApiTokenRow, token_id)
        if row is not None and row.revoked_at is None:
            row.revoked_at = at
            self.session.flush()

    def add_invitation(self, invitation: Invitation) -> None:
        self.session.add(
            InvitationRow(
                id=invitation.id,
                relationship_id=invitation.relationship_id,
                created_by=invitation.created_by,
                token_hash=invitation.token_hash,
                created_at=invitation.created_at,
                expires_at=invitation.expires_at,
                used_by=invitation.used_by,
                used_at=invitation.used_at,
            )
        )
        self.session.flush()

    def invitation_by_hash(self, token_hash: str) -> Invitation | None:
        row = self.session.scalars(
            select(InvitationRow)
            .where(InvitationRow.token_hash == token_hash)
            .execution_options(populate_existing=True)
        ).first()
        if row is None:
            return None
        return Invitation(
            id=row.id,
            relationship_id=row.relationship_id,
            created_by=row.created_by,
            token_hash=row.token_hash,
            created_at=row.created_at,
            expires_at=row.expires_at,
            used_by=row.used_by,
            used_at=row.used_at,
        )

    def use_invitation(self, invitation_id: str, person_id: str, at: datetime) -> None:
        row = self.session.get(InvitationRow, invitation_id)
        if row is None:
            raise KeyError(invitation_id)
        row.used_by, row.used_at = person_id, at
        self.session.flush()

    def add_login_attempt(self, key: str, at: datetime, succeeded: bool) -> None:
        self.session.add(LoginAttemptRow(key=key, at=at, succeeded=succeeded))
        self.session.flush()

    def failed_logins_since(self, key: str, since: datetime) -> int:
        count = self.session.scalar(
            select(func.count())
            .select_from(LoginAttemptRow)
            .where(
                LoginAttemptRow.key == key,
                LoginAttemptRow.at >= since,
                LoginAttemptRow.succeeded.is_(False),
            )
        )
        return int(count or 0)


def _token(row: ApiTokenRow) -> ApiToken:
    return ApiToken(
        id=row.id,
        person_id=row.person_id,
        name=row.name,
        token_hash=row.token_hash,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
