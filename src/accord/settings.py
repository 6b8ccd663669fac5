"""One settings object, built at the composition root (CLI callback, app factory), passed down.

Every setting has one source of truth here: its name, environment variable, default and help
text; the CLI options and docs/configuration.md are checked against this table by a test.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database_url",
        "ACCORD_DATABASE_URL",
        "",
        "Where Accord keeps its data: sqlite:///path/to/file.db or postgresql://user@host/db. "
        "Empty means SQLite in your user data directory.",
    ),
    Setting(
        "quick_exit_url",
        "ACCORD_QUICK_EXIT_URL",
        "https://www.bbc.co.uk/weather",
        "Where the quick-exit button takes a person at once (a neutral page).",
    ),
    Setting(
        "secure_cookies",
        "ACCORD_SECURE_COOKIES",
        "auto",
        "Mark session cookies Secure: auto (when the request came over HTTPS, also behind a "
        "proxy that says so), always, or never.",
    ),
    Setting(
        "locale",
        "ACCORD_LOCALE",
        "default",
        "Which help resources to show with a safety concern (default, en-GB, en-US, ...).",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = ""
    locale: str = "default"
    quick_exit_url: str = "https://www.bbc.co.uk/weather"
    secure_cookies: str = "auto"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **given: str | None) -> Settings:
        """Settings from explicit values first, then the environment, then the defaults."""
        env = os.environ if environ is None else environ
        values: dict[str, str] = {}
        for setting in SETTINGS:
            value = given.get(setting.name)
            values[setting.name] = (
                value if value is not None else env.get(setting.env, setting.default)
            )
        return cls(**values)
