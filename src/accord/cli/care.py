"""The session commands: a counsellor runs a session for two (or more) people at one computer,
against the local database, through the same services the web app uses.

    accord person        add, list
    accord relationship  create, add, show, leave
    accord prepare       need, feeling, boundary, revise-boundary, show, share, unshare,
                         remove, catalogue
    accord assess        ecr-r, temperament, show
    accord topic         open, layer, list, settle
    accord negotiate     start, show, position, need, check-in, restate, confirm, correct,
                         option, rate, accept, done, back
    accord pause
    accord agreement     record, list, check-in, renegotiate
    accord ledger        cross, show
    accord account       export, delete

Every command that touches the database takes ``--database-url`` (or ``ACCORD_DATABASE_URL``;
by default SQLite in the user data directory) and says who is acting with ``--as``. The
commands live in ``care_*.py`` modules by area; docs/cli.md walks through a whole session.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the session command groups to the ``accord`` app (called once, at import time)."""
    from accord.cli.care_assess import assess_app
    from accord.cli.care_keep import account_app, agreement_app, ledger_app

    # The joint moves join the negotiate group in their own module; importing it from there
    # gives the group with every command on it.
    from accord.cli.care_negotiate_joint import negotiate_app
    from accord.cli.care_people import person_app, relationship_app
    from accord.cli.care_prepare import prepare_app
    from accord.cli.care_topic import pause, topic_app

    app.add_typer(person_app, name="person")
    app.add_typer(relationship_app, name="relationship")
    app.add_typer(prepare_app, name="prepare")
    app.add_typer(assess_app, name="assess")
    app.add_typer(topic_app, name="topic")
    app.add_typer(negotiate_app, name="negotiate")
    app.command("pause")(pause)
    app.add_typer(agreement_app, name="agreement")
    app.add_typer(ledger_app, name="ledger")
    app.add_typer(account_app, name="account")
