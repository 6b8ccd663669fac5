"""JSON API v1: topics, negotiations, pauses, agreements."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
