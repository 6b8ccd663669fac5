"""Agreements with their check-ins, and the boundary ledger with its chart."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
