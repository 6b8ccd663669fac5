from __future__ import annotations

import pytest

from accord.domain.topics import TopicStatus
from accord.errors import AnswersError, InputError, NotFoundError, StepError
from accord.services import preparation, profiles, topics
from accord.services.ports import UnitOfWork
from tests.integration.couple import make_couple

SECURE = [2] * 18 + [2] * 18  # low anxiety; avoidance items mostly agree-low
ANXIOUS = [6] * 18 + [2, 6, 2, 6, 2, 2, 2, 6, 6, 6, 6, 6, 6, 2, 6, 6, 6, 6]


def test_a_topic_gets_a_proposed_layer_with_reasons_and_settles_when_all_confirm(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    opened = topics.open_topic(
        uow, actor_id=c.sam, relationship_id=c.home, title="Who does the dishes"
    )
    topic = opened.topic
    assert topic.proposed_layer == "zone" and topic.reasons
    assert topic.status is TopicStatus.TRIAGE
    topic = topics.choose_layer(uow, actor_id=c.sam, topic_id=topic.id, layer="zone")
    assert topic.status is TopicStatus.TRIAGE  # Alex has not confirmed yet
    topic = topics.choose_layer(uow, actor_id=c.alex, topic_id=topic.id, layer="zone")
    assert topic.status is TopicStatus.ZONE
    with pytest.raises(StepError, match="settled"):
        topics.choose_layer(uow, actor_id=c.alex, topic_id=topic.id, layer="temperament")


def test_changing_the_layer_asks_the_others_to_confirm_again(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    topic = topics.open_topic(uow, actor_id=c.sam, relationship_id=c.home, title="Dishes").topic
    topics.choose_layer(uow, actor_id=c.sam, topic_id=topic.id, layer="zone")
    changed = topics.choose_layer(uow, actor_id=c.alex, topic_id=topic.id, layer="temperament")
    assert changed.status is TopicStatus.TRIAGE and changed.confirmed_by == {c.alex}
    settled = topics.choose_layer(uow, actor_id=c.sam, topic_id=topic.id, layer="temperament")
    assert settled.status is TopicStatus.UNDERSTANDING
    assert any("What is it like being you" in p for p in topics.prompts(settled))


def test_a_foundation_topic_ends_in_boundaries_or_a_plain_finding(uow: UnitOfWork) -> None:
    c = make_couple(uow)
    topic = topics.open_topic(
        uow, actor_id=c.sam, relationship_id=c.home, title="Whether we have children"
    ).topic
    assert topic.proposed_layer == "foundation"
    for person in (c.sam, c.alex):
        topic = topics.choose_layer(uow, actor_id=person, topic_id=topic.id, layer="foundation")
    assert topic.status is TopicStatus.BOUNDARY
    found = topics.settle_foundation(
        uow,
        actor_id=c.alex,
        topic_id=topic.id,
        compatible=False,
        note="Sam wants children; I do not. These exclude each other.",
    )
    assert found.status is TopicStatus.INCOMPATIBLE


def test_triage_uses_the_authors_private_needs_and_only_the_others_shared_ones(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    # Alex keeps "trust" private: Sam's topic must not be read in its light.
    preparation.add_need(uow, actor_id=c.alex, relationship_id=c.home, need="trust")
    title = "Whether I can rely on you to pay the rent"
    before = topics.open_topic(uow, actor_id=c.sam, relationship_id=c.home, title=title).topic
    shared = preparation.add_need(uow, actor_id=c.alex, relationship_id=c.home, need="trust")
    preparation.share(uow, actor_id=c.alex, item_id=shared.item.id)
    after = topics.open_topic(uow, actor_id=c.sam, relationship_id=c.home, title=title).topic
    assert before.proposed_layer == "zone"
    assert after.proposed_layer == "foundation"
    assert any("Foundation" in r for r in after.reasons)


def test_needs_outside_the_foundation_do_not_make_a_topic_non_negotiable(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    unwind = preparation.add_need(uow, actor_id=c.sam, relationship_id=c.home, need="unwind")
    preparation.share(uow, actor_id=c.sam, item_id=unwind.item.id)
    topic = topics.open_topic(
        uow, actor_id=c.alex, relationship_id=c.home, title="How we unwind on weekday evenings"
    ).topic
    assert topic.proposed_layer != "foundation"


def test_a_topic_the_safety_screen_flags_is_held_and_seen_by_its_author_only(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    opened = topics.open_topic(
        uow,
        actor_id=c.sam,
        relationship_id=c.home,
        title="He said he will hurt me if I go out",
    )
    assert opened.safety is not None and opened.topic.status is TopicStatus.HELD
    assert [t.id for t in topics.topics(uow, actor_id=c.sam, relationship_id=c.home)] == [
        opened.topic.id
    ]
    assert topics.topics(uow, actor_id=c.alex, relationship_id=c.home) == ()
    with pytest.raises(NotFoundError):
        topics.choose_layer(uow, actor_id=c.alex, topic_id=opened.topic.id, layer="zone")


def test_the_ecr_r_is_scored_stored_privately_and_read_as_a_pair_only_when_shared(
    uow: UnitOfWork,
) -> None:
    c = make_couple(uow)
    _, result = profiles.take_questionnaire(
        uow, actor_id=c.sam, relationship_id=c.home, answers=ANXIOUS
    )
    assert result is not None and result.pattern == "anxious"
    assert result.anxiety == pytest.approx((16 * 6 + 2 * 2) / 18)  # items 9 and 11 reversed
    assert profiles.attachment(uow, actor_id=c.sam, relationship_id=c.home).pairs == ()
    alex_item, _ = profiles.take_questionnaire(
        uow, actor_id=c.alex, relationship_id=c.home, answers=SECURE
    )
    assert profiles.attachment(uow, actor_id=c.sam, relationship_id=c.home).pairs == ()
    preparation.share(uow, actor_id=c.alex, item_id=alex_item.id)
    (pair,) = profiles.attachment(uow, actor_id=c.sam, relationship_id=c.home).pairs
    assert pair.names == ("Sam", "Alex")
    # Sam did not share: Alex gets no pair reading of Sam's result.
    assert profiles.attachment(uow, actor_id=c.alex, relationship_id=c.home).pairs == ()


@pytest.mark.parametrize(
    ("answers", "message"),
    [([4] * 35, "35 answers"), ([4] * 35 + [8], "Item 36: 8"), ([4] * 35 + [4.5], "Item 36")],
)
def test_bad_questionnaire_answers_are_refused_and_nothing_is_stored(
    uow: UnitOfWork, answers: list[object], message: str
) -> None:
    c = make_couple(uow)
    with pytest.raises(AnswersError, match=message):
        profiles.take_questionnaire(uow, actor_id=c.sam, relationship_id=c.home, answers=answers)
    assert profiles.attachment(uow, actor_id=c.sam, relationship_id=c.home).mine is None


def test_temperament_profiles_are_compared_when_the_other_shared(uow: UnitOfWork) -> None:
    from accord.assessment import dimensions

    c = make_couple(uow)
    ids = [d.id for d in dimensions()]
    mine = profiles.set_temperament(
        uow, actor_id=c.sam, relationship_id=c.home, answers=dict.fromkeys(ids, 1)
    )
    theirs = profiles.set_temperament(
        uow, actor_id=c.alex, relationship_id=c.home, answers=dict.fromkeys(ids, 5)
    )
    assert profiles.temperament(uow, actor_id=c.sam, relationship_id=c.home).side_by_side == ()
    preparation.share(uow, actor_id=c.alex, item_id=theirs.id)
    (view,) = profiles.temperament(uow, actor_id=c.sam, relationship_id=c.home).side_by_side
    assert all(cmp.kind == "complementary" for cmp in view.comparisons)
    # A new profile keeps the old one's visibility and replaces it.
    preparation.share(uow, actor_id=c.sam, item_id=mine.id)
    again = profiles.set_temperament(
        uow, actor_id=c.sam, relationship_id=c.home, answers=dict.fromkeys(ids, 3)
    )
    assert again.visibility.value == "shared"
    with pytest.raises(InputError):
        profiles.set_temperament(
            uow, actor_id=c.sam, relationship_id=c.home, answers={"charisma": 3}
        )


def test_a_settlement_note_that_reads_as_danger_is_held_for_its_author(uow: UnitOfWork) -> None:
    from accord.services.safety import SafetyHoldError

    c = make_couple(uow)
    topic = topics.open_topic(
        uow, actor_id=c.sam, relationship_id=c.home, title="Whether we have children"
    ).topic
    for person in (c.sam, c.alex):
        topics.choose_layer(uow, actor_id=person, topic_id=topic.id, layer="foundation")
    with pytest.raises(SafetyHoldError) as held:
        topics.settle_foundation(
            uow,
            actor_id=c.sam,
            topic_id=topic.id,
            compatible=False,
            note="He said he would hurt me if I say no",
        )
    assert held.value.notice.resources
    seen = topics.topic(uow, actor_id=c.alex, topic_id=topic.id)
    assert seen.settlement == "" and seen.status is TopicStatus.BOUNDARY
