"""Settings: API tokens, export of everything one owns, account deletion."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
