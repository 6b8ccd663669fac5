"""JSON API v1: people, relationships, preparation, assessments, ledger."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
