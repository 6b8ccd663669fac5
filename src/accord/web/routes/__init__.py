"""The routes, one module per area of the product; each route parses, calls one service and
renders what comes back."""

from __future__ import annotations

from fastapi import FastAPI


def register(app: FastAPI) -> None:
    from accord.web.routes import (
        accounts,
        api,
        api_negotiation,
        api_people,
        assess,
        home,
        keep,
        negotiate,
        prepare,
        safety,
        settings_pages,
        topics,
    )

    for module in (
        accounts,
        home,
        safety,
        prepare,
        assess,
        keep,
        settings_pages,
        topics,
        negotiate,
        api,
        api_people,
        api_negotiation,
    ):
        app.include_router(module.router)
