"""The guided negotiation through its services, on every backend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from accord.domain.negotiation import Step
from accord.errors import InputError, NotFoundError, PausedError, StepError
from accord.services import agreements, readiness
from accord.services import negotiation as neg
from accord.services.ports import UnitOfWork
from tests.fakes import Clock
from tests.integration.couple import make_couple
from tests.integration.journey import both_ready, through_empathy, to_empathy

OPTIONS = ["TV with headphones", "Quiet house", "TV on loud", "TV in the other room"]
# How well each option meets each person's need (quiet for Sam, unwinding for Alex), 0-4.
SAM = {"TV with headphones": 3, "Quiet house": 4, "TV on loud": 0, "TV in the other room": 3}
ALEX = {"TV with headphones": 3, "Quiet house": 0, "TV on loud": 4, "TV in the other room": 3}


def test_a_couple_walks_from_positions_to_an_agreement_and_a_check_in(
    uow: UnitOfWork, clock: Clock
) -> None:
    c = make_couple(uow)
    view, topic = to_empathy(uow, c)
    view = through_empathy(uow, c, view)

    both_ready(uow, c, view.id)
    for text in OPTIONS:
        neg.add_option(uow, actor_id=c.alex, negotiation_id=view.id, topic_id=topic, text=text)
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.RATINGS

    options = {o.text: o.id for o in view.options}
    for person, table in ((c.sam, SAM), (c.alex, ALEX)):
        mine = neg.view(uow, actor_id=person, negotiation_id=view.id)
        (need,) = [i for i in mine.mine if i.kind.value == "interest"]
        neg.rate(
            uow,
            actor_id=person,
            negotiation_id=view.id,
            ratings={options[text]: {need.id: value} for text, value in table.items()},
        )
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.PACKAGES
    recommended = next(o for o in view.offers if "recommended" in o.labels)
    compromise = next(o for o in view.offers if "compromise" in o.labels)
    assert set(recommended.satisfaction) == {c.sam, c.alex}
    assert min(recommended.satisfaction.values()) >= min(compromise.satisfaction.values())

    both_ready(uow, c, view.id)
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.ACCEPTANCE
    neg.accept(uow, actor_id=c.sam, negotiation_id=view.id, offer_ids=[recommended.id])
    neg.accept(
        uow,
        actor_id=c.alex,
        negotiation_id=view.id,
        offer_ids=[recommended.id, compromise.id],
    )
    # Alex's marks stay private until the end: Sam sees only her own.
    sams = neg.view(uow, actor_id=c.sam, negotiation_id=view.id).mine
    assert all(i.owner_id == c.sam for i in sams)
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.AGREED
    assert view.agreed == recommended.package

    today = clock.current.date()
    recorded = agreements.record(
        uow,
        actor_id=c.sam,
        negotiation_id=view.id,
        terms=[(c.alex, "Uses headphones after 9 pm", today + timedelta(days=1))],
        how_we_know="Sam reads in peace; Alex watches his shows",
        review_on=today + timedelta(days=14),
    )
    assert recorded.terms[0][0] == "Alex"
    assert recorded.better_for_all is None  # the recommended package is Pareto-optimal
    agreements.check_in(
        uow, actor_id=c.alex, agreement_id=recorded.agreement.id, outcome="kept", note="Easy"
    )
    (seen,) = agreements.agreements(uow, actor_id=c.sam, relationship_id=c.home)
    assert [(k.by, k.outcome.value) for k in seen.check_ins] == [("Alex", "kept")]
    assert not seen.review_due
    clock.advance(timedelta(days=15))
    (later,) = agreements.agreements(uow, actor_id=c.sam, relationship_id=c.home)
    assert later.review_due


def test_positions_and_needs_stay_private(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    sams = neg.view(uow, actor_id=c.sam, negotiation_id=view.id)
    alexs = neg.view(uow, actor_id=c.alex, negotiation_id=view.id)
    assert {i.owner_id for i in sams.mine} == {c.sam}
    assert {i.owner_id for i in alexs.mine} == {c.alex}
    assert "A quiet house" not in repr(alexs)
    with pytest.raises(NotFoundError):
        neg.view(uow, actor_id=c.stranger, negotiation_id=view.id)


def test_no_joint_step_until_everyone_has_checked_in_calm_enough(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    restate = {
        "actor_id": c.sam,
        "negotiation_id": view.id,
        "about_id": c.alex,
        "text": "It sounds like you need to unwind.",
    }
    with pytest.raises(StepError, match="still to check in: Sam, Alex"):
        neg.restate(uow, **restate)  # type: ignore[arg-type]
    readiness.check_in(uow, actor_id=c.sam, negotiation_id=view.id, feeling="calm")
    flooded = readiness.check_in(
        uow, actor_id=c.alex, negotiation_id=view.id, feeling="tense", heart_rate=118
    )
    assert flooded.suggest_pause and "118" in flooded.why
    with pytest.raises(StepError, match="not ready"):
        neg.restate(uow, **restate)  # type: ignore[arg-type]
    readiness.check_in(uow, actor_id=c.alex, negotiation_id=view.id, feeling="tense")
    neg.restate(uow, **restate)  # type: ignore[arg-type]


def test_a_pause_freezes_everything_until_the_time_it_resumes(
    uow: UnitOfWork, clock: Clock
) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    made = readiness.pause(uow, actor_id=c.alex, relationship_id=c.home, minutes=30)
    assert made.resumes_at - made.started_at == timedelta(minutes=30)
    assert neg.view(uow, actor_id=c.sam, negotiation_id=view.id).paused_until == made.resumes_at
    both_ready_failed = pytest.raises(PausedError, match="paused until")
    with both_ready_failed:
        neg.go_back(uow, actor_id=c.sam, negotiation_id=view.id)
    clock.advance(timedelta(minutes=31))
    assert neg.go_back(uow, actor_id=c.sam, negotiation_id=view.id).view.step is Step.NEEDS


@pytest.mark.parametrize(("minutes", "message"), [(5, "at least 20"), (60 * 25, "at most 24")])
def test_pauses_are_between_twenty_minutes_and_a_day(
    uow: UnitOfWork, minutes: int, message: str
) -> None:
    c = make_couple(uow)
    with pytest.raises(InputError, match=message):
        readiness.pause(uow, actor_id=c.sam, relationship_id=c.home, minutes=minutes)


def test_a_correction_keeps_the_empathy_step_open_until_that_is_right(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    both_ready(uow, c, view.id)
    for by, about in ((c.sam, c.alex), (c.alex, c.sam)):
        neg.restate(uow, actor_id=by, negotiation_id=view.id, about_id=about, text="You need rest.")
    first, second = neg.view(uow, actor_id=c.sam, negotiation_id=view.id).restatements
    with pytest.raises(StepError, match="Only the person whose needs"):
        neg.answer_restatement(uow, actor_id=first.by, restatement_id=first.id, thats_right=True)
    neg.answer_restatement(
        uow,
        actor_id=first.about,
        restatement_id=first.id,
        thats_right=False,
        correction="Not rest: a way to unwind.",
    )
    after = neg.answer_restatement(
        uow, actor_id=second.about, restatement_id=second.id, thats_right=True
    ).view
    assert after.step is Step.EMPATHY
    with pytest.raises(StepError, match="answered already"):
        neg.answer_restatement(
            uow, actor_id=second.about, restatement_id=second.id, thats_right=True
        )
    neg.restate(
        uow,
        actor_id=first.by,
        negotiation_id=view.id,
        about_id=first.about,
        text="It sounds like you need a way to unwind.",
    )
    retry = neg.view(uow, actor_id=c.sam, negotiation_id=view.id).restatements[-1]
    done = neg.answer_restatement(
        uow, actor_id=retry.about, restatement_id=retry.id, thats_right=True
    ).view
    assert done.step is Step.OPTIONS


def test_options_need_two_per_topic_and_duplicates_are_refused(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, topic = to_empathy(uow, c)
    view = through_empathy(uow, c, view)
    both_ready(uow, c, view.id)
    neg.add_option(uow, actor_id=c.sam, negotiation_id=view.id, topic_id=topic, text="Quiet")
    with pytest.raises(InputError, match="already"):
        neg.add_option(uow, actor_id=c.alex, negotiation_id=view.id, topic_id=topic, text="quiet ")
    with pytest.raises(StepError, match="at least two options"):
        neg.finish_step(uow, actor_id=c.sam, negotiation_id=view.id)


def test_a_private_step_cannot_be_finished_with_parts_missing(uow: UnitOfWork) -> None:
    from tests.integration.journey import zone_topic

    c = make_couple(uow)
    topic = zone_topic(uow, c, "Dishes")
    view = neg.start(uow, actor_id=c.sam, relationship_id=c.home, topic_ids=[topic])
    with pytest.raises(StepError, match="give your position on: Dishes"):
        neg.finish_step(uow, actor_id=c.sam, negotiation_id=view.id)


def test_only_zone_topics_can_be_negotiated(uow: UnitOfWork) -> None:
    from accord.services import topics

    c = make_couple(uow)
    opened = topics.open_topic(uow, actor_id=c.sam, relationship_id=c.home, title="Dishes")
    with pytest.raises(StepError, match="not ready for a negotiation"):
        neg.start(uow, actor_id=c.sam, relationship_id=c.home, topic_ids=[opened.topic.id])


def test_a_safety_flag_in_a_joint_text_holds_only_its_author_and_is_never_shown(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    both_ready(uow, c, view.id)
    acted = neg.restate(
        uow,
        actor_id=c.sam,
        negotiation_id=view.id,
        about_id=c.alex,
        text="You need to stop threatening to hurt me",
    )
    assert acted.safety is not None and acted.safety.resources
    alexs = neg.view(uow, actor_id=c.alex, negotiation_id=view.id)
    assert alexs.restatements == () and not alexs.on_hold
    assert "threatening" not in repr(alexs)
    assert neg.view(uow, actor_id=c.sam, negotiation_id=view.id).on_hold
    with pytest.raises(StepError, match="on hold for you"):
        neg.restate(uow, actor_id=c.sam, negotiation_id=view.id, about_id=c.alex, text="ok")


def test_a_foundation_need_forbidden_everywhere_is_said_plainly(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, topic = to_empathy(uow, c)
    view = through_empathy(uow, c, view)
    both_ready(uow, c, view.id)
    for text in ("Quiet house", "TV on loud"):
        neg.add_option(uow, actor_id=c.sam, negotiation_id=view.id, topic_id=topic, text=text)
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    options = {o.text: o.id for o in view.options}
    for person, forbid in ((c.sam, "TV on loud"), (c.alex, "Quiet house")):
        (need,) = [
            i
            for i in neg.view(uow, actor_id=person, negotiation_id=view.id).mine
            if i.kind.value == "interest"
        ]
        other = next(t for t in options if t != forbid)
        neg.rate(
            uow,
            actor_id=person,
            negotiation_id=view.id,
            ratings={options[other]: {need.id: 4}},
            forbidden=[options[forbid]],
        )
    for person in (c.sam, c.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.PACKAGES
    assert view.offers == ()
    assert "No package respects" in view.finding


def test_agreements_are_refused_before_the_negotiation_agrees(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    with pytest.raises(StepError, match="once the negotiation has reached one"):
        agreements.record(
            uow,
            actor_id=c.sam,
            negotiation_id=view.id,
            terms=[(c.sam, "x", None)],
            how_we_know="y",
            review_on=date(2026, 12, 1),
        )


def test_the_empathy_step_says_who_owes_a_restatement_or_an_answer(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    assert view.waiting_for == ("Sam", "Alex")
    both_ready(uow, c, view.id)
    after = neg.restate(
        uow, actor_id=c.sam, negotiation_id=view.id, about_id=c.alex, text="You need to unwind."
    ).view
    assert after.waiting_for == ("Alex",)  # to answer Sam, and to restate Sam's needs


def test_two_topics_are_negotiated_together_so_the_engine_can_trade_across_them(
    uow: UnitOfWork,
) -> None:
    from tests.integration.journey import zone_topic

    c = make_couple(uow)
    evenings = zone_topic(uow, c, "Evenings")
    dishes = zone_topic(uow, c, "Dishes")
    view = neg.start(uow, actor_id=c.sam, relationship_id=c.home, topic_ids=[evenings, dishes])
    # Sam cares most about evenings, Alex about dishes: each can win what matters most to them.
    plan = {
        c.sam: {evenings: ("Quiet", "quiet", 4), dishes: ("Alex does them", "rest", 1)},
        c.alex: {evenings: ("TV loud", "unwind", 1), dishes: ("Sam does them", "rest", 4)},
    }
    for person, topics_ in plan.items():
        for topic, (want, _, _) in topics_.items():
            neg.state_position(
                uow, actor_id=person, negotiation_id=view.id, topic_id=topic, text=want
            )
    for person in plan:
        neg.finish_step(uow, actor_id=person, negotiation_id=view.id)
    for person, topics_ in plan.items():
        for topic, (_, need, weight) in topics_.items():
            neg.name_need(
                uow,
                actor_id=person,
                negotiation_id=view.id,
                topic_id=topic,
                text=f"{need} on {topic[-4:]}",
                weight=weight,
            )
    for person in plan:
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    view = through_empathy(uow, c, view)
    both_ready(uow, c, view.id)
    for topic, texts in {evenings: ("Quiet", "TV"), dishes: ("Sam", "Alex")}.items():
        for text in texts:
            neg.add_option(uow, actor_id=c.sam, negotiation_id=view.id, topic_id=topic, text=text)
    for person in plan:
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    options = {(o.topic_id, o.text): o.id for o in view.options}
    best = {  # (topic, option) -> score for the person whose need it is
        c.sam: {
            (evenings, "Quiet"): 4,
            (evenings, "TV"): 0,
            (dishes, "Alex"): 4,
            (dishes, "Sam"): 0,
        },
        c.alex: {
            (evenings, "Quiet"): 0,
            (evenings, "TV"): 4,
            (dishes, "Alex"): 0,
            (dishes, "Sam"): 4,
        },
    }
    for person in plan:
        needs = [
            i
            for i in neg.view(uow, actor_id=person, negotiation_id=view.id).mine
            if i.kind.value == "interest"
        ]
        ratings: dict[str, dict[str, int]] = {}
        for need in needs:
            for (topic, text), score in best[person].items():
                if topic == need.topic_id:
                    ratings.setdefault(options[(topic, text)], {})[need.id] = score
        neg.rate(uow, actor_id=person, negotiation_id=view.id, ratings=ratings)
    for person in plan:
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    recommended = next(o for o in view.offers if "recommended" in o.labels)
    assert recommended.package == {
        evenings: options[(evenings, "Quiet")],
        dishes: options[(dishes, "Sam")],
    }
    assert all(v == 80 for v in recommended.satisfaction.values())


def test_needs_are_suggested_from_the_words_of_a_position() -> None:
    assert "quiet" in neg.suggest_needs("I want a quiet house to come down after work")


def test_the_relationships_negotiations_are_listed_for_its_members_only(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    assert [n.id for n in neg.negotiations(uow, actor_id=c.alex, relationship_id=c.home)] == [
        view.id
    ]
    with pytest.raises(NotFoundError):
        neg.negotiations(uow, actor_id=c.stranger, relationship_id=c.home)


def test_a_check_in_from_before_going_back_does_not_count_for_the_step_again(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    view, _ = to_empathy(uow, c)
    both_ready(uow, c, view.id)
    neg.go_back(uow, actor_id=c.sam, negotiation_id=view.id)
    for person in (c.sam, c.alex):
        neg.finish_step(uow, actor_id=person, negotiation_id=view.id)
    with pytest.raises(StepError, match="still to check in: Sam, Alex"):
        neg.restate(
            uow, actor_id=c.sam, negotiation_id=view.id, about_id=c.alex, text="You need rest."
        )
