"""Helpers shared by the services that write items: validation and construction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from accord.domain.access import Visibility
from accord.domain.items import Item, ItemKind
from accord.errors import InputError
from accord.services.ports import UnitOfWork

MAX_TEXT = 2000


def clean_text(value: str, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """Whitespace-trimmed text, or a clear error if it is missing or too long."""
    clean = value.strip()
    if required and not clean:
        raise InputError("is empty.", field=field, fix="Write a few words.")
    if len(clean) > limit:
        raise InputError(
            f"is {len(clean)} characters long.", field=field, fix=f"Keep it under {limit}."
        )
    return clean


def visibility(value: str | Visibility) -> Visibility:
    try:
        return Visibility(value)
    except ValueError:
        raise InputError(
            f"{value!r} is not a visibility.", field="visibility", fix="Use private or shared."
        ) from None


def new_item(
    uow: UnitOfWork,
    *,
    relationship_id: str,
    owner_id: str,
    kind: ItemKind,
    data: Mapping[str, Any],
    visible: Visibility = Visibility.PRIVATE,
    topic_id: str | None = None,
    fixed: bool = False,
    now: datetime | None = None,
) -> Item:
    at = now or uow.now()
    return Item(
        id=uow.new_id(),
        relationship_id=relationship_id,
        owner_id=owner_id,
        kind=kind,
        visibility=visible,
        data=dict(data),
        created_at=at,
        updated_at=at,
        topic_id=topic_id,
        visibility_fixed=fixed,
    )
