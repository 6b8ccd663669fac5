"""The ECR-R and its picture, the pair dynamic, temperaments side by side."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
