"""The preparation workbook: needs, feelings, boundaries; share item by item."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
