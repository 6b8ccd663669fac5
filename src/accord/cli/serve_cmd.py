"""``accord serve``: run the web app."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            envvar="ACCORD_DATABASE_URL",
            help="sqlite:///path.db or postgresql://user@host/db (default: SQLite in your user "
            "data directory).",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (use PostgreSQL for more than 1).")
    ] = 1,
    forwarded_allow_ips: Annotated[
        str,
        typer.Option(help="Proxies whose X-Forwarded-* headers are trusted (behind a proxy)."),
    ] = "127.0.0.1",
) -> None:
    """Run the web app: stateless processes sharing one database.

    Example: accord serve --database-url postgresql://accord@db/accord --workers 4
    """
    import uvicorn

    from accord.settings import Settings
    from accord.storage import Database

    if database_url:
        os.environ["ACCORD_DATABASE_URL"] = database_url
    settings = Settings.from_env()
    database = Database.connect(settings.database_url or None)
    if workers > 1 and database.is_sqlite:
        typer.echo("Note: several workers on SQLite queue their writes; PostgreSQL scales.")
    database.upgrade()  # once, before the workers start
    database.dispose()
    typer.echo(f"Accord is running at http://{host}:{port} (Ctrl+C to stop).")
    uvicorn.run(
        "accord.web.asgi:create",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level="warning",
    )
