"""The ECR-R and temperament pages: scored through the form, drawn, shared item by item."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from accord.assessment import FRAMING
from accord.services import profiles
from accord.services.demo import DEMO_ANXIOUS, DEMO_AVOIDANT, TEMPERAMENT_ALEX, TEMPERAMENT_SAM
from tests.web.test_prepare_pages import (
    NOBODY,
    Browser,
    check_markup,
    make_couple,
    same_refusal,
)

# A pattern worked out by hand. Anxiety, items 1-18 (9 and 11 reverse-keyed: 8 - answer):
#   straight: 7+6+7+6+5+7+6+5 (items 1-8) + 6 (10) + 7+5+6+7+6+5+6 (12-18) = 97
#   reversed: item 9 answered 2 -> 6, item 11 answered 1 -> 7                = 13
#   anxiety = 110 / 18 = 6.11
# Avoidance, items 19-36 (20, 22, 26-31, 33-36 reverse-keyed):
#   straight: items 19, 21, 23, 24, 25, 32 answered 2, 1, 2, 3, 1, 2         = 11
#   reversed: 20:6->2, 22:7->1, 26:6->2, 27:5->3, 28:7->1, 29:6->2, 30:6->2,
#             31:7->1, 33:5->3, 34:6->2, 35:7->1, 36:6->2                      = 22
#   avoidance = 33 / 18 = 1.83
ANSWERS = [7, 6, 7, 6, 5, 7, 6, 5, 2, 6, 1, 7, 5, 6, 7, 6, 5, 6]
ANSWERS += [2, 6, 1, 7, 2, 3, 1, 6, 5, 7, 6, 6, 7, 2, 5, 6, 7, 6]
ANXIETY, AVOIDANCE = 110 / 18, 33 / 18


def take(person: Browser, relationship: str, answers: list[int]) -> Response:
    form = {f"item-{n}": str(a) for n, a in enumerate(answers, start=1)}
    return person.post(f"/relationships/{relationship}/assess/ecr-r", form)


def mine_id(person: Browser, relationship: str) -> str:
    page = person.get(f"/relationships/{relationship}/assess").text
    return page.split(f"/relationships/{relationship}/assess/items/")[1].split("/")[0]


def test_the_questionnaire_shows_every_item_with_its_scale_instructions_and_source(
    client: TestClient,
) -> None:
    c = make_couple(client)
    page = c.sam.get(f"/relationships/{c.home}/assess")
    assert page.status_code == 200
    assert page.text.count('<fieldset class="likert">') == 36 + 6
    assert page.text.count('type="radio" name="item-') == 36 * 7
    assert "strongly disagree" in page.text and "strongly agree" in page.text
    assert "Fraley, R. C., Waller, N. G., &amp; Brennan, K. A. (2000)" in page.text
    assert "how you generally experience relationships" in page.text
    check_markup(page.text)


def test_the_ecr_r_scored_through_the_form_equals_the_means_worked_out_by_hand(
    client: TestClient,
) -> None:
    c = make_couple(client)
    done = take(c.sam, c.home, ANSWERS)
    assert done.status_code == 200 and "Your result is ready" in done.text
    assert f"{ANXIETY:.2f}" in done.text and f"{AVOIDANCE:.2f}" in done.text
    view = profiles.attachment(
        client.app.state.uow,  # type: ignore[attr-defined]
        actor_id=c.sam.person_id(),
        relationship_id=c.home,
    )
    assert view.mine is not None
    assert view.mine.anxiety == pytest.approx(ANXIETY)
    assert view.mine.avoidance == pytest.approx(AVOIDANCE)
    assert view.mine.pattern == "anxious"
    assert view.mine.reading in done.text.replace("&#39;", "'")


def test_the_result_is_drawn_on_the_plane_of_the_two_scores(client: TestClient) -> None:
    c = make_couple(client)
    page = take(c.sam, c.home, ANSWERS).text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    for region in ("secure", "anxious", "avoidant", "fearful-avoidant"):
        assert f">{region}</text>" in svg
    assert f"anxiety {ANXIETY:.2f}, avoidance {AVOIDANCE:.2f}" in svg
    check_markup(page)


def test_missing_answers_are_named_and_the_answers_given_are_kept(client: TestClient) -> None:
    c = make_couple(client)
    form = {f"item-{n}": str(a) for n, a in enumerate(ANSWERS, start=1) if n != 17}
    refused = c.sam.post(f"/relationships/{c.home}/assess/ecr-r", form)
    assert refused.status_code == 400
    assert "Item 17: no answer was given" in refused.text
    assert re.search(r'name="item-1" value="7" required\s+checked', refused.text)
    assert not re.search(r'name="item-17" value="\d" required\s+checked', refused.text)
    assert "You have not taken the questionnaire" in refused.text


def test_the_pair_dynamic_uses_another_members_result_only_once_they_shared_it(
    client: TestClient,
) -> None:
    c = make_couple(client)
    take(c.sam, c.home, DEMO_ANXIOUS)
    take(c.alex, c.home, DEMO_AVOIDANT)
    for person in (c.sam, c.alex):
        assert "What to expect together" not in person.get(f"/relationships/{c.home}/assess").text

    shared = c.sam.post(f"/relationships/{c.home}/assess/items/{mine_id(c.sam, c.home)}/share")
    assert "Shared with the relationship</span>" in shared.text
    assert "What to expect together" not in shared.text  # Alex's result is still Alex's alone
    alex = c.alex.get(f"/relationships/{c.home}/assess").text
    assert "What to expect together" in alex
    assert "What you can say" in alex and "What Sam can say" in alex

    c.sam.post(f"/relationships/{c.home}/assess/items/{mine_id(c.sam, c.home)}/unshare")
    assert "What to expect together" not in c.alex.get(f"/relationships/{c.home}/assess").text


def test_a_private_result_never_reaches_the_other_member(client: TestClient) -> None:
    c = make_couple(client)
    take(c.sam, c.home, ANSWERS)
    page = c.alex.get(f"/relationships/{c.home}/assess").text
    assert f"{ANXIETY:.2f}" not in page and "You have not taken" in page
    for path in ("prepare", "agreements", "ledger"):
        assert f"{ANXIETY:.2f}" not in c.alex.get(f"/relationships/{c.home}/{path}").text


def test_temperaments_are_shown_side_by_side_as_strengths_with_the_framing(
    client: TestClient,
) -> None:
    c = make_couple(client)
    for person, profile in ((c.sam, TEMPERAMENT_SAM), (c.alex, TEMPERAMENT_ALEX)):
        saved = person.post(
            f"/relationships/{c.home}/assess/temperament",
            {k: str(v) for k, v in profile.items()},
        )
        assert "Your temperament profile is saved" in saved.text
        page = saved.text
        item = page.split(f"/relationships/{c.home}/assess/items/")[1].split("/")[0]
        person.post(f"/relationships/{c.home}/assess/items/{item}/share")
    page = c.sam.get(f"/relationships/{c.home}/assess").text
    assert FRAMING.replace("'", "&#39;") in page
    assert "Sam and Alex, side by side" in page
    assert "<strong>Sam</strong>: planner (1 of 5)" in page
    assert "Curiosity prompts" in page and "What&#39;s it like being you when plans change?" in page
    assert "Blind spots" in page
    assert re.search(r'name="planning" value="1" required\s+checked', page)
    check_markup(page)


def test_a_temperament_with_a_dimension_missing_is_refused_and_what_was_given_kept(
    client: TestClient,
) -> None:
    c = make_couple(client)
    form = {k: str(v) for k, v in TEMPERAMENT_SAM.items() if k != "novelty"}
    refused = c.sam.post(f"/relationships/{c.home}/assess/temperament", form)
    assert refused.status_code == 400 and "novelty" in refused.text
    assert re.search(r'name="order" value="5" required\s+checked', refused.text)


@pytest.mark.parametrize("action", ["share", "unshare"])
@pytest.mark.parametrize("intruder", ["alex", "robin"])
def test_nobody_else_can_share_my_result_or_learn_it_exists(
    client: TestClient, action: str, intruder: str
) -> None:
    c = make_couple(client)
    take(c.sam, c.home, ANSWERS)
    item = mine_id(c.sam, c.home)
    who: Browser = getattr(c, intruder)
    where = c.home if intruder == "alex" else c.elsewhere
    tried = who.post(f"/relationships/{where}/assess/items/{item}/{action}")
    made_up = who.post(f"/relationships/{where}/assess/items/{NOBODY}/{action}")
    assert same_refusal(tried, made_up, item)
    assert "Only you see this" in c.sam.get(f"/relationships/{c.home}/assess").text


@pytest.mark.parametrize("path", ["", "/ecr-r", "/temperament"])
def test_a_stranger_cannot_see_or_answer_in_a_relationship_not_theirs(
    client: TestClient, path: str
) -> None:
    c = make_couple(client)
    form = {f"item-{n}": str(a) for n, a in enumerate(ANSWERS, start=1)} | {
        k: str(v) for k, v in TEMPERAMENT_SAM.items()
    }

    def ask(relationship: str) -> Response:
        target = f"/relationships/{relationship}/assess{path}"
        return c.robin.get(target) if not path else c.robin.post(target, form)

    assert same_refusal(ask(c.home), ask(NOBODY), c.home)


def test_the_picture_shows_the_point_of_each_member_who_shared_and_nobody_else(
    client: TestClient,
) -> None:
    from accord.services import preparation

    c = make_couple(client)
    uow = client.app.state.uow  # type: ignore[attr-defined]
    sam, alex = c.sam.person_id(), c.alex.person_id()
    profiles.take_questionnaire(uow, actor_id=sam, relationship_id=c.home, answers=[4] * 36)
    alexs, _ = profiles.take_questionnaire(
        uow, actor_id=alex, relationship_id=c.home, answers=[2] * 36
    )

    def drawn() -> str:
        page = c.sam.get(f"/relationships/{c.home}/assess").text
        return page.split("<svg")[1].split("</svg>")[0]

    assert "Alex" not in drawn()
    preparation.share(uow, actor_id=alex, item_id=alexs.id)
    assert "Alex" in drawn()
