"""The guided negotiation, step by step, updating live when the other acts."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
