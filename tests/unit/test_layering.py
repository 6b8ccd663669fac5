"""A topic opened in words is proposed a layer, with reasons a person can read and check
(METHOD.md section 1): Foundation needs are never traded, temperament is understood rather than
negotiated, and everything else goes to the negotiation zone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.domain.layering import CLEAR, UNSURE, LayerProposal, TopicLayer, propose_layer
from accord.domain.needs import catalogue

F, T, Z = TopicLayer.FOUNDATION, TopicLayer.TEMPERAMENT, TopicLayer.ZONE

# (title, description, layer): topics real people open, each pointing clearly to one layer.
TOPICS = [
    # couples
    ("Who does the dishes", "", Z),
    ("You keep reading my phone", "", F),
    ("I need more time alone after work", "", T),
    ("You keep checking my phone", "", F),  # checking someone's phone, not phone time
    ("I need time alone after work", "", T),  # "time alone" is not "time"
    ("You're always late", "", T),  # always + a trait
    ("Whether we have kids", "", F),
    ("Holiday with your parents", "", Z),
    ("You called me stupid in front of friends", "", F),
    ("Who pays for the car repair", "", Z),
    ("You lied about where you were on Friday", "", F),
    ("I think you're having an affair", "", F),
    ("How much we put into savings each month", "", Z),
    ("Splitting the rent now that you earn more", "", Z),
    ("Going to church together on Sundays", "", F),
    ("Weekends", "You plan every minute and I like to be spontaneous", T),
    ("Moving to Berlin for my new job", "", Z),
    ("You threatened to leave if I see my sister", "", F),
    ("I don't feel safe when you drink", "", F),
    ("You roll your eyes whenever I talk", "", F),
    ("How often we visit my mum", "", Z),
    ("Date night every week", "", Z),
    ("Arguments", "You shut down when we argue and I need to talk it out", T),
    ("I need time to think before I decide", "", T),
    ("You're a night owl and I'm a morning person", "", T),
    ("Money", "You hid the credit card statements from me", F),
    ("Phones at dinner", "You're on your phone all evening", Z),
    ("You keep checking your phone at dinner", "", Z),  # their own phone: phone use
    ("I'm an introvert and you're an extrovert", "", T),
    ("Who makes dinner on weeknights", "", Z),
    # co-parents
    ("Screen time for our son", "", Z),
    ("Which school Maya goes to", "", Z),
    ("Who does pickup on Wednesdays", "", Z),
    ("Christmas: which house the kids spend it at", "", Z),
    ("Raising the kids in your faith", "", F),
    ("Bedtime routine at your place", "", Z),  # a routine for the kids, not a trait
    ("Child support payments", "", Z),
    ("You yelled at me in front of the kids", "", F),
    ("Checking the kids' homework every night", "", Z),
    ("Trust fund for the kids", "", Z),
    # parents and teens
    ("My curfew on Saturdays", "", Z),
    ("Pocket money for helping at home", "", Z),
    ("You went through my messages", "", F),
    ("You track my location all the time", "", F),
    ("How many hours of gaming on school nights", "", Z),
    ("You always walk into my room without knocking", "", F),
    ("Getting a dog", "", Z),
    ("Learning to drive and using the car", "", Z),
    ("Sleepovers at Jade's", "", Z),
    ("Why do you need to know where I am every minute", "", F),
    # housemates
    ("Cleaning rota for the bathroom", "", Z),
    ("The heating bill this winter", "", Z),
    ("You're so messy", "", T),
    ("Overnight guests on weekdays", "", Z),
    ("You ate my food and lied about it", "", F),
    ("Loud music after midnight", "", Z),
    ("I hate last-minute changes of plan", "", T),
    ("You make decisions so fast and I'm slow to decide", "", T),
]

NOTHING_FOUND = ["The thing from last week", "Us", "", "   "]

# (title, proposed layer, the other layer whose signs come close)
CONFLICTING = [
    ("You're so messy and never do the dishes", T, Z),
    ("You lied about the money for the holiday", F, Z),
    ("Holiday with my parents: you're always late", Z, T),
]

NAMES = {F: "the Foundation layer", T: "the Temperament layer", Z: "the Negotiation zone"}


def all_proposals() -> list[LayerProposal]:
    return [propose_layer(title, text) for title, text, _ in TOPICS] + [
        propose_layer(title) for title in NOTHING_FOUND + [c[0] for c in CONFLICTING]
    ]


def test_the_table_covers_every_layer_and_at_least_forty_topics() -> None:
    assert len(TOPICS) >= 40
    assert {layer for _, _, layer in TOPICS} == set(TopicLayer)


@pytest.mark.parametrize(("title", "description", "layer"), TOPICS, ids=[t[0] for t in TOPICS])
def test_a_topic_is_proposed_the_layer_its_words_point_to(
    title: str, description: str, layer: TopicLayer
) -> None:
    proposal = propose_layer(title, description)
    assert proposal.layer is layer, proposal.reasons
    assert proposal.confidence == CLEAR, proposal.reasons


def test_a_reason_quotes_the_words_it_read_and_says_what_they_touch() -> None:
    proposal = propose_layer("You keep reading my phone")
    assert proposal.reasons[0] == (
        'It mentions "reading my phone", which touches privacy and trust, core needs that are '
        "not traded."
    )
    assert proposal.needs == ("privacy", "trust")


def test_every_sign_of_one_kind_is_quoted_in_one_reason() -> None:
    proposal = propose_layer("Who does the dishes")
    assert proposal.reasons[0].startswith('It mentions "Who does" and "dishes", which')
    assert proposal.scores["zone"] == 2  # one sign, counted once


@pytest.mark.parametrize("title", NOTHING_FOUND)
def test_a_topic_with_no_sign_is_a_zone_guess_the_members_must_confirm(title: str) -> None:
    proposal = propose_layer(title)
    assert (proposal.layer, proposal.confidence) == (Z, UNSURE)
    assert set(proposal.scores.values()) == {0}
    assert proposal.reasons[-1].startswith("No sign of any layer was found")
    assert "confirm" in proposal.reasons[-1]


@pytest.mark.parametrize(("title", "layer", "other"), CONFLICTING)
def test_conflicting_signs_make_the_proposal_unsure_and_the_reasons_name_both_layers(
    title: str, layer: TopicLayer, other: TopicLayer
) -> None:
    proposal = propose_layer(title)
    assert (proposal.layer, proposal.confidence) == (layer, UNSURE)
    assert proposal.scores[other.value] > 0
    assert NAMES[layer] in proposal.reasons[-1]
    assert NAMES[other] in proposal.reasons[-1]
    assert "confirm" in proposal.reasons[-1]


@pytest.mark.parametrize(
    ("title", "layer"),
    [
        ("You lied about the money for the holiday", F),  # foundation before zone
        ("You're so messy and never do the dishes", T),  # temperament before zone
    ],
)
def test_a_tie_goes_to_the_deeper_layer(title: str, layer: TopicLayer) -> None:
    proposal = propose_layer(title)
    assert len(set(proposal.scores.values()) - {0}) == 1  # the signs weigh the same
    assert proposal.layer is layer
    assert "comes first because" in proposal.reasons[-1]


def test_a_clear_winner_with_a_weak_runner_up_stays_clear() -> None:
    proposal = propose_layer("I don't feel safe when you drink")
    assert proposal.scores == {"foundation": 4, "temperament": 0, "zone": 1}
    assert (proposal.layer, proposal.confidence) == (F, CLEAR)


# (title, foundation needs the members placed, the reason expected)
PLACED = [
    (
        "How much we save each month",
        ["security"],
        "It touches financial security, which one of you placed in the Foundation layer.",
    ),
    (
        "Our savings",
        ["financial security"],  # by label rather than id
        "It touches financial security, which one of you placed in the Foundation layer.",
    ),
    (
        "Holiday with your parents",
        ["family"],
        "It touches time with family, which one of you placed in the Foundation layer.",
    ),
    (
        "Sunday lunch at my mother's",
        ["Sunday lunch with my family"],  # free text
        'It touches "Sunday lunch with my family", which one of you placed in the Foundation '
        "layer.",
    ),
    (
        "Keeping the kitchen clean",
        ["connection", "order"],
        "It touches order, which one of you placed in the Foundation layer.",
    ),
]


@pytest.mark.parametrize(("title", "needs", "reason"), PLACED, ids=[p[0] for p in PLACED])
def test_a_foundation_need_someone_placed_turns_a_zone_looking_topic_into_foundation(
    title: str, needs: list[str], reason: str
) -> None:
    assert propose_layer(title).layer is Z
    proposal = propose_layer(title, foundation_needs=needs)
    assert proposal.layer is F
    assert reason in proposal.reasons
    assert proposal.reasons.index(reason) == 0


def test_a_catalogue_need_that_is_touched_is_listed_among_the_needs() -> None:
    proposal = propose_layer("How much we save each month", foundation_needs=["security"])
    assert proposal.needs[0] == "security"


@pytest.mark.parametrize(
    ("title", "needs"),
    [
        ("Who does the dishes", ["honesty"]),
        ("Who does the dishes", ["I need to be able to"]),  # no content words
        ("Who does the dishes", ["Church on Sundays with my whole family"]),  # one word is thin
        ("Who does the dishes", ["", "  "]),
    ],
)
def test_a_foundation_need_the_topic_does_not_touch_changes_nothing(
    title: str, needs: list[str]
) -> None:
    assert propose_layer(title, foundation_needs=needs) == propose_layer(title)


def test_the_same_need_placed_by_two_people_counts_once() -> None:
    proposal = propose_layer(
        "Our savings", foundation_needs=["security", "financial security", "security"]
    )
    assert proposal.scores["foundation"] == 4
    assert sum("placed in the Foundation" in r for r in proposal.reasons) == 1


def test_a_placed_need_is_never_said_to_be_anyones_in_particular() -> None:
    proposal = propose_layer("You lied about the bins", foundation_needs=["honesty"])
    placed = [r for r in proposal.reasons if "placed" in r]
    assert placed == ["It touches honesty, which one of you placed in the Foundation layer."]


def test_a_word_from_someones_temperament_profile_is_a_sign_of_temperament() -> None:
    title = "Deciding about the new sofa"
    assert propose_layer(title).layer is Z
    proposal = propose_layer(title, temperament_words=["quick to decide"])
    assert proposal.layer is T
    assert 'It touches "quick to decide", which one of you named as part of how you are.' in (
        proposal.reasons
    )


@pytest.mark.parametrize(
    ("title", "layer", "not_counted"),
    [
        ("It's not about trust, it's about who does the dishes", Z, "foundation"),
        ("This isn't about money, you lied to me", F, "zone"),
        ("Nothing to do with the budget: you called me an idiot", F, "zone"),
    ],
)
def test_a_sign_the_text_says_it_is_not_about_is_set_aside(
    title: str, layer: TopicLayer, not_counted: str
) -> None:
    proposal = propose_layer(title)
    assert proposal.layer is layer
    assert proposal.scores[not_counted] == 0
    assert any("only to say the topic is not about it" in r for r in proposal.reasons)


@pytest.mark.parametrize(
    "title",
    ["It is not about safety, it is about the bins", "Not about controlling you, just the bills"],
)
def test_safety_and_control_count_even_when_the_text_says_it_is_not_about_them(
    title: str,
) -> None:
    assert propose_layer(title).layer is F


@pytest.mark.parametrize(
    "spelling",
    ["YOU’RE ALWAYS LATE", "youre always late", "You‘re always late!", "you`re   always\tlate"],
)
def test_matching_ignores_case_apostrophes_and_spacing(spelling: str) -> None:
    expected = propose_layer("You're always late")
    proposal = propose_layer(spelling)
    assert (proposal.layer, proposal.scores, proposal.needs) == (
        expected.layer,
        expected.scores,
        expected.needs,
    )


@pytest.mark.parametrize(
    "title",
    [
        "Hitchcock film night at the weekend",  # not "hit"
        "Fearne's birthday party",  # not "fear"
        "Trustee meeting on Saturday",  # not "trust"
        "Liesl's sleepover",  # not "lies"
    ],
)
def test_signs_match_whole_words_only(title: str) -> None:
    proposal = propose_layer(title)
    assert proposal.scores["foundation"] == 0
    assert proposal.layer is Z


def test_a_phrase_does_not_run_across_the_end_of_a_sentence() -> None:
    assert propose_layer("Always late").layer is T
    assert not any(propose_layer("Is it always? Late again").scores.values())


def test_every_reason_is_a_full_sentence() -> None:
    for proposal in all_proposals():
        assert proposal.reasons
        for reason in proposal.reasons:
            assert reason[0].isupper(), reason
            assert reason.endswith("."), reason
            assert "  " not in reason, reason


def test_needs_are_catalogue_ids() -> None:
    ids = set(catalogue())
    for proposal in all_proposals():
        assert set(proposal.needs) <= ids
        assert len(proposal.needs) == len(set(proposal.needs))


def test_scores_name_every_layer_and_cannot_be_changed() -> None:
    proposal = propose_layer("Who does the dishes")
    assert list(proposal.scores) == ["foundation", "temperament", "zone"]
    with pytest.raises(TypeError):
        proposal.scores["zone"] = 0  # type: ignore[index]


def test_the_same_words_always_get_the_same_proposal() -> None:
    first = propose_layer("You lied about the money for the holiday", foundation_needs=["trust"])
    again = propose_layer("You lied about the money for the holiday", foundation_needs=["trust"])
    assert first == again
    assert hash(first) == hash(again)


SOME_WORDS = (
    "you my phone screen time alone always late lied not about dishes money kids whether have "
    "checking safe the holiday introvert trust fund . isn't you're so messy"
)
WORDS = st.sampled_from(SOME_WORDS.split())
NEEDS = st.lists(st.sampled_from([*catalogue(), "Sunday lunch", "time with my kids"]), max_size=3)


@given(words=st.lists(WORDS, max_size=12), needs=NEEDS)
def test_any_text_gets_a_layer_a_confidence_and_reasons(words: list[str], needs: list[str]) -> None:
    proposal = propose_layer(" ".join(words), foundation_needs=needs)
    assert proposal.confidence in (CLEAR, UNSURE)
    assert proposal.reasons
    if not any(proposal.scores.values()):
        assert (proposal.layer, proposal.confidence) == (Z, UNSURE)
    else:
        assert proposal.scores[proposal.layer.value] == max(proposal.scores.values())


@given(words=st.lists(WORDS, max_size=12), needs=NEEDS)
def test_a_placed_foundation_need_never_moves_a_topic_out_of_the_foundation(
    words: list[str], needs: list[str]
) -> None:
    title = " ".join(words)
    if propose_layer(title).layer is F:
        assert propose_layer(title, foundation_needs=needs).layer is F
