"""The project's one error hierarchy.

    AccordError                 anything Accord refuses to do, with a message a person can act on
    ├── ScenarioError           a scenario file is malformed or inconsistent (names file and place)
    ├── SolverError             a well-formed request the solver cannot honour (e.g. too large)
    ├── InputError              a value a person gave is unusable (names the field and the fix)
    │   └── AnswersError        questionnaire answers incomplete or out of range
    ├── NotFoundError           nothing there that this person may see; also what a person gets
    │                           for another member's private item, so that it reveals nothing
    ├── QuestionnaireError      a questionnaire file that is not valid (accord.assessment)
    ├── StepError               an action the negotiation's current step does not allow
    ├── PausedError             a joint step while the talk is paused (says when it resumes)
    ├── ConflictError           someone else changed the same thing at the same moment
    ├── AuthError               wrong email or password, or a session that has ended
    └── TooManyAttemptsError    too many failed sign-ins for one account; wait and retry

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


class InputError(AccordError):
    """A value a person gave that cannot be used: ``field`` names it, ``fix`` says what to do."""

    def __init__(self, problem: str, *, field: str = "", fix: str = "") -> None:
        self.problem = problem
        self.field = field
        self.fix = fix
        text = f"{field}: {problem}" if field else problem
        super().__init__(f"{text} {fix}".strip())


class AnswersError(InputError):
    """Questionnaire answers that are incomplete, too many, or outside the answer scale."""


class NotFoundError(AccordError):
    """Nothing this person may see exists under that name.

    Raised alike for what does not exist and for what belongs to someone else and was not
    shared with them, so that the error itself reveals nothing.
    """


class StepError(AccordError):
    """An action that the current step of a guided negotiation does not allow."""


class PausedError(AccordError):
    """A joint step asked for while the talk is paused; the message says when it resumes."""


class ConflictError(AccordError):
    """Someone changed the same thing at the same moment; reading it again and retrying works."""


class AuthError(AccordError):
    """Signing in failed, or the session or token is no longer valid. The message never says
    which of email and password was wrong."""


class TooManyAttemptsError(AccordError):
    """Too many failed sign-ins for one account in a short time; the message says how long to
    wait."""
