"""Errors that point into the parsed file: the place, the problem and the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from accord.errors import ScenarioError
from accord.scenario.parse import Parsed, Path, dotted


class Checker:
    """Raises ScenarioErrors that point into the parsed file."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed

    def fail(self, path: Path, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(
            problem,
            source=self.parsed.source,
            location=dotted(path),
            line=self.parsed.line(path),
            fix=fix,
        )

    def known(self, path: Path, name: str, choices: Iterable[str], what: str) -> None:
        choices = list(choices)
        if name in choices:
            return
        close = difflib.get_close_matches(name, choices, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else ""
        listed = ", ".join(choices) if choices else "none"
        raise self.fail(
            path,
            f"'{name}' is not a known {what}.",
            f"{hint} Known {what}s here: {listed}.".strip(),
        )
