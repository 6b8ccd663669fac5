"""Accounts on the web: sign up, sign in (rate-limited), sessions, API tokens, invitations.

Secrets (session cookies, API tokens, invitation links) are random, shown once, and stored only
as SHA-256 hashes, so a copy of the database cannot be used to sign in. Passwords are hashed
with Argon2 (argon2-cffi's defaults, which follow RFC 9106's recommendations).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from accord.domain.accounts import ApiToken, Invitation, WebSession
from accord.domain.relationships import Membership
from accord.errors import AuthError, InputError, NotFoundError, TooManyAttemptsError
from accord.services.guard import actor_for, relationship_for
from accord.services.people import create_person_in
from accord.services.ports import Repository, UnitOfWork

SESSION_LENGTH = timedelta(days=14)
INVITATION_LENGTH = timedelta(days=7)
ATTEMPT_WINDOW = timedelta(minutes=15)
MAX_FAILED_ATTEMPTS = 5
MIN_PASSWORD = 10
MAX_PASSWORD = 200

_hasher = PasswordHasher()
# Verified when the email is unknown, so that a wrong email takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("a password nobody has")


@dataclass(frozen=True, slots=True)
class Grant:
    """A new browser session: the cookie's token (shown once) and its CSRF token."""

    token: str
    csrf: str
    person_id: str


@dataclass(frozen=True, slots=True)
class SessionInfo:
    person_id: str
    csrf: str
    demo_relationship_id: str | None
    name: str = ""  # the person's name, read in the same transaction (every page shows it)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def sign_up(uow: UnitOfWork, *, name: str, email: str, password: str) -> Grant:
    """A new account, signed in at once."""
    _check_password(password)
    hashed = _hasher.hash(password)
    with uow.begin(write=True) as repo:
        person = create_person_in(uow, repo, name=name, email=email)
        repo.set_password_hash(person.id, hashed)
        return open_session(uow, repo, person.id)


def sign_in(uow: UnitOfWork, *, email: str, password: str) -> Grant:
    """Sign in. After five failures for one email within 15 minutes, refuse for a while."""
    key = email.strip().lower()
    with uow.begin(write=True) as repo:
        now = uow.now()
        if repo.failed_logins_since(key, now - ATTEMPT_WINDOW) >= MAX_FAILED_ATTEMPTS:
            raise TooManyAttemptsError(
                "Too many failed attempts to sign in to this account. Wait 15 minutes and try "
                "again."
            )
        person = repo.person_by_email(key) if key else None
        stored = repo.password_hash(person.id) if person and not person.deleted else None
        ok = _verify(stored or _DUMMY_HASH, password) and stored is not None
        repo.add_login_attempt(key, now, ok)
        if not ok or person is None:
            # The failed attempt must be kept: commit it, then refuse.
            failed = True
        else:
            failed = False
            if stored is not None and _hasher.check_needs_rehash(stored):
                repo.set_password_hash(person.id, _hasher.hash(password))
            grant = open_session(uow, repo, person.id)
    if failed:
        raise AuthError("That email and password do not match an account.")
    return grant


def session_info(uow: UnitOfWork, *, token: str) -> SessionInfo | None:
    """Who a session cookie belongs to, or None if it is unknown or has expired."""
    if not token:
        return None
    with uow.begin(write=False) as repo:
        found = repo.get_web_session(digest(token))
        if found is None or found.expires_at <= uow.now():
            return None
        person = repo.get_person(found.person_id)
        if person is None or person.deleted:
            return None
        return SessionInfo(found.person_id, found.csrf, found.demo_relationship_id, person.name)


def sign_out(uow: UnitOfWork, *, token: str) -> None:
    with uow.begin(write=True) as repo:
        repo.delete_web_session(digest(token))


def sign_out_everywhere(uow: UnitOfWork, *, actor_id: str) -> None:
    with uow.begin(write=True) as repo:
        repo.delete_web_sessions_of(actor_id)


def csrf_matches(expected: str, given: str) -> bool:
    return bool(given) and hmac.compare_digest(expected, given)


# API tokens ---------------------------------------------------------------------------------


def create_api_token(uow: UnitOfWork, *, actor_id: str, name: str) -> tuple[ApiToken, str]:
    """A token for API clients; the secret is returned once and never stored."""
    label = " ".join(name.split())[:100]
    if not label:
        raise InputError("is empty.", field="token name", fix="Name the client that will use it.")
    secret = "acc_" + secrets.token_urlsafe(32)
    with uow.begin(write=True) as repo:
        actor_for(repo, actor_id)
        token = ApiToken(uow.new_id(), actor_id, label, digest(secret), uow.now())
        repo.add_api_token(token)
    return token, secret


def api_tokens(uow: UnitOfWork, *, actor_id: str) -> tuple[ApiToken, ...]:
    with uow.begin(write=False) as repo:
        actor_for(repo, actor_id)
        return tuple(repo.api_tokens_of(actor_id))


def revoke_api_token(uow: UnitOfWork, *, actor_id: str, token_id: str) -> None:
    with uow.begin(write=True) as repo:
        actor_for(repo, actor_id)
        if not any(t.id == token_id for t in repo.api_tokens_of(actor_id)):
            raise NotFoundError("There is no such token among yours.")
        repo.revoke_api_token(token_id, uow.now())


def token_person(uow: UnitOfWork, *, token: str) -> str | None:
    """The person an API token acts for, or None if it is unknown or revoked."""
    if not token:
        return None
    with uow.begin(write=False) as repo:
        found = repo.api_token_by_hash(digest(token))
        if found is None or found.revoked_at is not None:
            return None
        person = repo.get_person(found.person_id)
        return found.person_id if person is not None and not person.deleted else None


# Invitations --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvitationInfo:
    relationship_name: str
    invited_by: str


def invite(uow: UnitOfWork, *, actor_id: str, relationship_id: str) -> str:
    """A one-time link secret for someone to join the relationship (valid for a week)."""
    secret = secrets.token_urlsafe(24)
    with uow.begin(write=True) as repo:
        actor = actor_for(repo, actor_id)
        relationship_for(repo, actor, relationship_id)
        now = uow.now()
        repo.add_invitation(
            Invitation(
                id=uow.new_id(),
                relationship_id=relationship_id,
                created_by=actor_id,
                token_hash=digest(secret),
                created_at=now,
                expires_at=now + INVITATION_LENGTH,
            )
        )
    return secret


def invitation(uow: UnitOfWork, *, token: str) -> InvitationInfo:
    """What an invitation link is for, as its holder sees it before accepting."""
    with uow.begin(write=False) as repo:
        found = _open_invitation(repo, token, uow.now())
        relationship = repo.get_relationship(found.relationship_id)
        inviter = repo.get_person(found.created_by)
        assert relationship is not None
        return InvitationInfo(relationship.name, inviter.name if inviter else "someone")


def accept_invitation(uow: UnitOfWork, *, actor_id: str, token: str) -> str:
    """Join the relationship the link is for; the link then stops working. Returns its id."""
    with uow.begin(write=True) as repo:
        actor_for(repo, actor_id)
        found = _open_invitation(repo, token, uow.now())
        repo.lock_relationship(found.relationship_id)
        found = _open_invitation(repo, token, uow.now())
        relationship = repo.get_relationship(found.relationship_id)
        assert relationship is not None
        now = uow.now()
        existing = {m.person_id: m for m in relationship.members}
        if actor_id in existing and existing[actor_id].current:
            raise InputError("you are a member of this relationship already.", field="invitation")
        if actor_id in existing:
            repo.update_membership(Membership(relationship.id, actor_id, now))
        else:
            repo.add_membership(Membership(relationship.id, actor_id, now))
        repo.use_invitation(found.id, actor_id, now)
        return relationship.id


def _open_invitation(repo: Repository, token: str, now: datetime) -> Invitation:
    found = repo.invitation_by_hash(digest(token)) if token else None
    if found is None or found.used_at is not None or found.expires_at <= now:
        raise NotFoundError(
            "This invitation link does not work: it was used already, has expired, or was "
            "mistyped. Ask for a new one."
        )
    return found


# Sessions inside another service's transaction ---------------------------------------------


def open_session(
    uow: UnitOfWork, repo: Repository, person_id: str, *, demo_relationship_id: str | None = None
) -> Grant:
    """A new browser session for ``person_id``, written in the caller's transaction."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = uow.now()
    repo.add_web_session(
        WebSession(
            token_hash=digest(token),
            person_id=person_id,
            csrf=csrf,
            created_at=now,
            expires_at=now + SESSION_LENGTH,
            demo_relationship_id=demo_relationship_id,
        )
    )
    return Grant(token, csrf, person_id)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(
            f"is {len(password)} characters long.",
            field="password",
            fix=f"Use at least {MIN_PASSWORD} characters; a few words you will remember work well.",
        )
    if len(password) > MAX_PASSWORD:
        raise InputError("is too long.", field="password", fix=f"Keep it to {MAX_PASSWORD}.")
