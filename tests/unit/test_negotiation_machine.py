"""The guided negotiation's state machine: every legal and every illegal transition."""

from __future__ import annotations

import pytest

from accord.domain.negotiation import (
    JOINT,
    ORDER,
    State,
    Step,
    advance,
    back,
    finish,
    require,
    rewind,
)
from accord.errors import StepError

MEMBERS = ("sam", "alex")
FINISHABLE = [
    Step.POSITIONS,
    Step.NEEDS,
    Step.OPTIONS,
    Step.RATINGS,
    Step.PACKAGES,
    Step.ACCEPTANCE,
]


def test_the_steps_run_in_the_order_of_the_method() -> None:
    assert [s.value for s in ORDER] == [
        "positions",
        "needs",
        "empathy",
        "options",
        "ratings",
        "packages",
        "acceptance",
        "agreed",
    ]
    assert {Step.EMPATHY, Step.OPTIONS, Step.PACKAGES} == JOINT


@pytest.mark.parametrize("step", FINISHABLE)
def test_a_step_moves_on_only_when_every_member_has_finished(step: Step) -> None:
    one = finish(State(step), "sam", MEMBERS)
    assert one == State(step, frozenset({"sam"}))
    assert one.waiting_for(MEMBERS) == ("alex",)
    both = finish(one, "alex", MEMBERS)
    assert both == State(ORDER[ORDER.index(step) + 1])


@pytest.mark.parametrize("step", FINISHABLE)
def test_finishing_twice_changes_nothing(step: Step) -> None:
    once = finish(State(step), "sam", MEMBERS)
    assert finish(once, "sam", MEMBERS) == once


@pytest.mark.parametrize("step", [Step.EMPATHY, Step.AGREED])
def test_empathy_and_agreed_do_not_end_by_finishing(step: Step) -> None:
    with pytest.raises(StepError, match=f"at the {step.value} step"):
        finish(State(step), "sam", MEMBERS)


@pytest.mark.parametrize("step", ORDER[:-1])
def test_advance_goes_to_the_next_step_with_nobody_done(step: Step) -> None:
    moved = advance(State(step, frozenset(MEMBERS)))
    assert moved == State(ORDER[ORDER.index(step) + 1])


def test_there_is_no_step_after_agreement() -> None:
    with pytest.raises(StepError, match="ended in an agreement"):
        advance(State(Step.AGREED))


@pytest.mark.parametrize("step", ORDER[1:-1])
def test_any_step_but_the_first_and_the_last_can_go_back_one(step: Step) -> None:
    assert back(State(step, frozenset({"sam"}))) == State(ORDER[ORDER.index(step) - 1])


@pytest.mark.parametrize(
    ("step", "message"),
    [(Step.POSITIONS, "first step"), (Step.AGREED, "renegotiate")],
)
def test_going_back_from_the_ends_is_refused(step: Step, message: str) -> None:
    with pytest.raises(StepError, match=message):
        back(State(step))


@pytest.mark.parametrize("current", ORDER)
@pytest.mark.parametrize("wanted", ORDER)
def test_an_action_is_allowed_only_at_its_own_step(current: Step, wanted: Step) -> None:
    if current is wanted:
        require(State(current), wanted, action="act")
    else:
        with pytest.raises(StepError) as refused:
            require(State(current), wanted, action="act")
        assert f"at the {current.value} step" in str(refused.value)


def test_acceptance_without_overlap_can_return_to_options() -> None:
    assert rewind(State(Step.ACCEPTANCE, frozenset(MEMBERS)), Step.OPTIONS) == State(Step.OPTIONS)
    with pytest.raises(StepError):
        rewind(State(Step.OPTIONS), Step.ACCEPTANCE)


def test_a_walk_from_first_to_last_step_takes_every_step_once() -> None:
    state, seen = State(), [Step.POSITIONS]
    while state.step is not Step.AGREED:
        if state.step is Step.EMPATHY:
            state = advance(state)  # the empathy step ends on confirmations, not finishing
        else:
            for member in MEMBERS:
                state = finish(state, member, MEMBERS)
        seen.append(state.step)
    assert seen == list(ORDER)
