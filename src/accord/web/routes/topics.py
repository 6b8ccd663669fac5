"""Topics: open one, see its triage and reasons, confirm or change the layer."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
