"""The project's one error hierarchy.

    AccordError                 anything Accord refuses to do, with a message a person can act on
    ├── ScenarioError           a scenario file is malformed or inconsistent (names file and place)
    └── SolverError             a well-formed request the solver cannot honour (e.g. too large)

Entry points (CLI, web) translate these into exit codes and HTTP statuses; nothing below them
catches ``Exception`` wholesale.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base class: every error Accord raises on purpose."""


class ScenarioError(AccordError):
    """A scenario that cannot be used, with where the problem is and what to do about it.

    ``source`` names the file (or ``<text>``), ``location`` the place inside it (a dotted path
    such as ``preferences.alex.values.evenings`` and, where known, a line number), ``problem``
    what is wrong and ``fix`` what to do.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str = "<text>",
        location: str = "",
        line: int | None = None,
        fix: str = "",
    ) -> None:
        self.problem = problem
        self.source = source
        self.location = location
        self.line = line
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        where = self.source
        if self.line is not None:
            where += f", line {self.line}"
        if self.location:
            where += f", at {self.location}"
        text = f"{where}: {self.problem}"
        if self.fix:
            text += f" {self.fix}"
        return text


class SolverError(AccordError):
    """A request the solver cannot honour as asked."""
