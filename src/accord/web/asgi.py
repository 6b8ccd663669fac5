"""The entry point servers import: ``uvicorn accord.web.asgi:create --factory``. Settings come
from the environment (see accord.settings), so every worker process builds the same app."""

from __future__ import annotations

from fastapi import FastAPI

from accord.settings import Settings
from accord.web.app import create_app


def create() -> FastAPI:
    return create_app(Settings.from_env())
