"""The guided negotiation of negotiation-zone topics, as an explicit state machine.

METHOD.md sections 4 and 5, step by step. Private steps are done by each member alone; joint
steps need everyone ready (see :mod:`accord.domain.readiness`) and nobody paused.

step        what happens                                      kind     it ends when
----------  ------------------------------------------------  -------  -------------------------
positions   each says what they want, per topic               private  every member has finished
needs       each names the needs behind each want             private  every member has finished
empathy     each restates the others' needs; they confirm     joint    every restatement is
            ("that's right") or correct                                confirmed
options     brainstorm with "yes, and": anyone adds, nobody   joint    every member is ready and
            deletes                                                    each topic has 2+ options
ratings     each rates each option against each of their      private  every member has finished
            needs, and marks options they forbid                       (then the engine runs)
packages    the engine's packages: recommended, compromise,   joint    every member moves on
            the calibrated question for unmet needs
acceptance  each marks the packages they can live with        private  every member has finished:
                                                                       overlap -> agreed,
                                                                       none -> back to options
agreed      the package everyone can live with                final    -

Any member can go back one step (from needs to acceptance); the step gone back to starts again
with nobody finished. While a pause runs, nothing moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from accord.errors import StepError


class Step(StrEnum):
    POSITIONS = "positions"
    NEEDS = "needs"
    EMPATHY = "empathy"
    OPTIONS = "options"
    RATINGS = "ratings"
    PACKAGES = "packages"
    ACCEPTANCE = "acceptance"
    AGREED = "agreed"


ORDER: tuple[Step, ...] = tuple(Step)
JOINT = frozenset({Step.EMPATHY, Step.OPTIONS, Step.PACKAGES})
FINAL = Step.AGREED

WHAT: dict[Step, str] = {
    Step.POSITIONS: "each of you says, privately, what you want",
    Step.NEEDS: "each of you names, privately, the needs behind what you want",
    Step.EMPATHY: "each of you says the other's needs in your own words, until they say "
    '"that\'s right"',
    Step.OPTIONS: 'brainstorm options with "yes, and": anyone adds, nobody deletes',
    Step.RATINGS: "each of you rates, privately, how well each option meets each of your needs",
    Step.PACKAGES: "look at the packages Accord found, and the fair one to try first",
    Step.ACCEPTANCE: "each of you marks, privately, the packages you can live with",
    Step.AGREED: "you have a package everyone can live with",
}


@dataclass(frozen=True, slots=True)
class State:
    """Where a negotiation is: its step and who has finished their part of it."""

    step: Step = Step.POSITIONS
    done: frozenset[str] = frozenset()

    @property
    def joint(self) -> bool:
        return self.step in JOINT

    def waiting_for(self, members: Iterable[str]) -> tuple[str, ...]:
        """Members who have not finished this step yet, in the order given."""
        return tuple(m for m in members if m not in self.done)


def require(state: State, *steps: Step, action: str) -> None:
    """Refuse ``action`` unless the negotiation is at one of ``steps``, saying where it is."""
    if state.step not in steps:
        allowed = " or ".join(s.value for s in steps)
        raise StepError(
            f"You can {action} at the {allowed} step; this negotiation is at the "
            f"{state.step.value} step, where {WHAT[state.step]}."
        )


def finish(state: State, member: str, members: Iterable[str]) -> State:
    """Record that ``member`` finished their part; when everyone has, move to the next step.

    Only for steps that end when every member has finished (not empathy, not agreed).
    """
    require(
        state,
        Step.POSITIONS,
        Step.NEEDS,
        Step.OPTIONS,
        Step.RATINGS,
        Step.PACKAGES,
        Step.ACCEPTANCE,
        action="finish your part",
    )
    done = state.done | {member}
    if all(m in done for m in members):
        return advance(state)
    return State(state.step, done)


def advance(state: State) -> State:
    """The next step, with nobody finished yet."""
    if state.step is FINAL:
        raise StepError("This negotiation has ended in an agreement; there is no next step.")
    return State(ORDER[ORDER.index(state.step) + 1])


def back(state: State) -> State:
    """One step back, with nobody finished (any member may ask for it)."""
    if state.step is Step.POSITIONS:
        raise StepError("This is the first step; there is nothing to go back to.")
    if state.step is FINAL:
        raise StepError(
            "This negotiation has ended in an agreement; to change it, renegotiate the agreement."
        )
    return State(ORDER[ORDER.index(state.step) - 1])


def rewind(state: State, to: Step) -> State:
    """Back to an earlier step (acceptance without overlap returns to options)."""
    if ORDER.index(to) >= ORDER.index(state.step):
        raise StepError(f"{to.value} is not before {state.step.value}.")
    return State(to)
