"""Agreements (recorded, checked in on, renegotiated) and the boundary ledger with its chart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from accord.domain.negotiation import Step
from accord.services import negotiation as neg
from accord.services.ports import UnitOfWork
from tests.integration.couple import Couple as People
from tests.integration.journey import both_ready, through_empathy, to_empathy
from tests.web.test_prepare_pages import (
    NOBODY,
    Browser,
    Couple,
    check_markup,
    make_couple,
    same_refusal,
)

OPTIONS = ["TV with headphones", "Quiet house", "TV on loud", "TV in the other room"]
SAM = {"TV with headphones": 3, "Quiet house": 4, "TV on loud": 0, "TV in the other room": 3}
ALEX = {"TV with headphones": 3, "Quiet house": 0, "TV on loud": 4, "TV in the other room": 3}


def agreed(client: TestClient, c: Couple) -> str:
    """Walk Sam and Alex's negotiation to the agreed step through the services."""
    uow: UnitOfWork = client.app.state.uow  # type: ignore[attr-defined]
    who = People(c.sam.person_id(), c.alex.person_id(), c.robin.person_id(), c.home, c.elsewhere)
    view, topic = to_empathy(uow, who)
    view = through_empathy(uow, who, view)
    both_ready(uow, who, view.id)
    for text in OPTIONS:
        neg.add_option(uow, actor_id=who.alex, negotiation_id=view.id, topic_id=topic, text=text)
    for person in (who.sam, who.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    options = {o.text: o.id for o in view.options}
    for person, table in ((who.sam, SAM), (who.alex, ALEX)):
        mine = neg.view(uow, actor_id=person, negotiation_id=view.id)
        (need,) = [i for i in mine.mine if i.kind.value == "interest"]
        neg.rate(
            uow,
            actor_id=person,
            negotiation_id=view.id,
            ratings={options[text]: {need.id: value} for text, value in table.items()},
        )
    for person in (who.sam, who.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    recommended = next(o for o in view.offers if "recommended" in o.labels)
    both_ready(uow, who, view.id)
    for person in (who.sam, who.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    for person in (who.sam, who.alex):
        neg.accept(uow, actor_id=person, negotiation_id=view.id, offer_ids=[recommended.id])
    for person in (who.sam, who.alex):
        view = neg.finish_step(uow, actor_id=person, negotiation_id=view.id).view
    assert view.step is Step.AGREED
    return view.id


def today() -> datetime:
    return datetime.now(UTC)


def record(c: Couple, negotiation_id: str, *, review_in: int = 14) -> Response:
    day = today().date()
    return c.sam.post(
        f"/relationships/{c.home}/agreements",
        {
            "negotiation_id": negotiation_id,
            "who_1": c.alex.person_id(),
            "what_1": "Uses headphones after 9 pm",
            "by_1": (day + timedelta(days=1)).isoformat(),
            "who_2": c.sam.person_id(),
            "what_2": "Reads in the bedroom <quietly>",
            "by_2": "",
            "who_3": c.sam.person_id(),
            "what_3": "",
            "how_we_know": "Sam reads in peace; Alex watches his shows",
            "review_on": (day + timedelta(days=review_in)).isoformat(),
        },
    )


def agreement_id(page: str, relationship: str) -> str:
    return page.split(f"/relationships/{relationship}/agreements/")[1].split("/")[0]


# Agreements ------------------------------------------------------------------------------------


def test_an_agreed_negotiation_offers_a_form_to_write_the_agreement_down(
    client: TestClient,
) -> None:
    c = make_couple(client)
    assert "No agreements yet" in c.sam.get(f"/relationships/{c.home}/agreements").text
    agreed(client, c)
    page = c.sam.get(f"/relationships/{c.home}/agreements").text
    assert "Write down what you agreed: Evenings after work" in page
    assert f'<option value="{c.alex.person_id()}">Alex</option>' in page
    check_markup(page)


def test_an_agreement_shows_who_does_what_by_when_how_we_know_and_the_review(
    client: TestClient,
) -> None:
    c = make_couple(client)
    agreed(client, c)
    done = record(
        c,
        neg.negotiations(
            client.app.state.uow,  # type: ignore[attr-defined]
            actor_id=c.sam.person_id(),
            relationship_id=c.home,
        )[0].id,
    )
    assert done.status_code == 200 and "The agreement is written down" in done.text
    page = c.alex.get(f"/relationships/{c.home}/agreements").text
    tomorrow = (today().date() + timedelta(days=1)).isoformat()
    assert "<strong>Evenings after work</strong>:" in page
    assert (
        f'<strong>Alex</strong>: Uses headphones after 9 pm <span class="small">by {tomorrow}'
        in page
    )
    assert "Reads in the bedroom &lt;quietly&gt;" in page
    assert "Sam reads in peace; Alex watches his shows" in page
    assert "review due" not in page
    assert "Write down what you agreed" not in page  # written once
    check_markup(page)


def test_check_ins_are_seen_by_everyone_and_renegotiating_reopens_the_talk(
    client: TestClient,
) -> None:
    c = make_couple(client)
    record(c, agreed(client, c))
    page = c.sam.get(f"/relationships/{c.home}/agreements").text
    agreement = agreement_id(page, c.home)
    c.alex.post(
        f"/relationships/{c.home}/agreements/{agreement}/check-in",
        {"outcome": "partly", "note": "Forgot on Friday"},
    )
    seen = c.sam.get(f"/relationships/{c.home}/agreements").text
    assert "<td>Alex</td><td>partly kept</td><td>Forgot on Friday</td>" in seen
    again = c.sam.post(f"/relationships/{c.home}/agreements/{agreement}/renegotiate")
    assert "back at the options step" in again.text
    assert "being renegotiated" in again.text
    assert "/renegotiate" not in again.text and "/check-in" not in again.text


def test_an_agreement_at_its_review_date_says_the_review_is_due(client: TestClient) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    c = make_couple(client)
    record(c, agreed(client, c), review_in=1)
    # The review date comes: move it to today (a review date must be set after today).
    with client.app.state.uow.begin(write=True) as repo:  # type: ignore[attr-defined]
        (made,) = repo.agreements(c.home)
        repo.update_agreement(replace(made, review_on=datetime.now(UTC).date()))
    page = c.sam.get(f"/relationships/{c.home}/agreements").text
    assert "review due" in page and "the review is due" in page


def test_a_check_in_that_is_not_one_is_refused_with_the_choices(client: TestClient) -> None:
    c = make_couple(client)
    record(c, agreed(client, c))
    agreement = agreement_id(c.sam.get(f"/relationships/{c.home}/agreements").text, c.home)
    refused = c.sam.post(
        f"/relationships/{c.home}/agreements/{agreement}/check-in", {"outcome": "maybe"}
    )
    assert refused.status_code == 400 and "Use kept, partly or broken" in refused.text


@pytest.mark.parametrize("action", ["check-in", "renegotiate"])
def test_a_stranger_cannot_touch_an_agreement_or_learn_it_exists(
    client: TestClient, action: str
) -> None:
    c = make_couple(client)
    record(c, agreed(client, c))
    agreement = agreement_id(c.sam.get(f"/relationships/{c.home}/agreements").text, c.home)
    form = {"outcome": "kept"}
    tried = c.robin.post(f"/relationships/{c.elsewhere}/agreements/{agreement}/{action}", form)
    made_up = c.robin.post(f"/relationships/{c.elsewhere}/agreements/{NOBODY}/{action}", form)
    assert same_refusal(tried, made_up, agreement)
    assert "Robin" not in c.sam.get(f"/relationships/{c.home}/agreements").text


def test_a_stranger_cannot_record_an_agreement_for_someone_elses_negotiation(
    client: TestClient,
) -> None:
    c = make_couple(client)
    negotiation = agreed(client, c)
    day = today().date().isoformat()
    form = {"who_1": c.robin.person_id(), "what_1": "x", "how_we_know": "y", "review_on": day}
    tried = c.robin.post(
        f"/relationships/{c.elsewhere}/agreements", form | {"negotiation_id": negotiation}
    )
    made_up = c.robin.post(
        f"/relationships/{c.elsewhere}/agreements", form | {"negotiation_id": NOBODY}
    )
    assert same_refusal(tried, made_up, negotiation)


@pytest.mark.parametrize("page", ["agreements", "ledger"])
def test_a_stranger_cannot_see_the_agreements_or_a_ledger_of_a_relationship_not_theirs(
    client: TestClient, page: str
) -> None:
    c = make_couple(client)
    tried = c.robin.get(f"/relationships/{c.home}/{page}")
    made_up = c.robin.get(f"/relationships/{NOBODY}/{page}")
    assert same_refusal(tried, made_up, c.home)


# The boundary ledger ---------------------------------------------------------------------------


def boundary(person: Browser, relationship: str, statement: str, consequence: str) -> str:
    person.post(
        f"/relationships/{relationship}/prepare/boundaries",
        {"statement": statement, "consequence": consequence},
    )
    page = person.get(f"/relationships/{relationship}/ledger").text
    marker = f"/relationships/{relationship}/ledger/"
    return page.split(marker)[1].split("/")[0]


def test_the_ledger_shows_each_boundarys_rate_verdict_and_chart_over_time(
    client: TestClient,
) -> None:
    c = make_couple(client)
    ident = boundary(c.sam, c.home, "No phones at dinner", "I will take my plate to the garden")
    fresh = c.sam.get(f"/relationships/{c.home}/ledger").text
    assert "Not crossed yet." in fresh and "<svg" not in fresh
    for days_ago, carried_out in ((3, "yes"), (2, "no"), (0, "yes")):
        day = (today().date() - timedelta(days=days_ago)).isoformat()
        done = c.sam.post(
            f"/relationships/{c.home}/ledger/{ident}/crossings",
            {"carried_out": carried_out, "occurred_on": day, "note": "at Mum's"},
        )
        assert done.status_code == 200 and "Crossing recorded" in done.text
    page = c.sam.get(f"/relationships/{c.home}/ledger").text
    assert "Carried out <strong>2 of 3</strong> times" in page and "<strong>67%</strong>" in page
    assert "kept sometimes" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<polyline" in svg
    assert "after each of 3 crossings" in svg and "100%, 50%, 67%" in svg
    check_markup(page)


def test_preferences_are_listed_with_the_prompt_and_no_crossing_form(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/boundaries", {"statement": "I hate lateness"})
    page = c.sam.get(f"/relationships/{c.home}/ledger").text
    assert "Preferences (not yet boundaries)" in page
    assert "To make &#34;I hate lateness&#34; a boundary" in page
    assert "/crossings" not in page and "Record a crossing" not in page


def test_a_crossing_of_a_preference_or_without_an_answer_is_refused(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/boundaries", {"statement": "I hate lateness"})
    prepare = c.sam.get(f"/relationships/{c.home}/prepare").text
    wish = prepare.split(f"/relationships/{c.home}/prepare/boundaries/")[1][:32]
    refused = c.sam.post(f"/relationships/{c.home}/ledger/{wish}/crossings", {"carried_out": "yes"})
    assert refused.status_code == 400 and "still a preference" in refused.text
    ident = boundary(c.sam, c.home, "No shouting", "I will leave the room")
    unanswered = c.sam.post(f"/relationships/{c.home}/ledger/{ident}/crossings", {})
    assert unanswered.status_code == 400 and "yes or no" in unanswered.text


@pytest.mark.parametrize("intruder", ["alex", "robin"])
def test_nobody_else_can_record_a_crossing_of_my_boundary_or_learn_it_exists(
    client: TestClient, intruder: str
) -> None:
    c = make_couple(client)
    ident = boundary(c.sam, c.home, "No shouting", "I will leave the room")
    who: Browser = getattr(c, intruder)
    where = c.home if intruder == "alex" else c.elsewhere
    form = {"carried_out": "no"}
    tried = who.post(f"/relationships/{where}/ledger/{ident}/crossings", form)
    made_up = who.post(f"/relationships/{where}/ledger/{NOBODY}/crossings", form)
    assert same_refusal(tried, made_up, ident)
    assert "No shouting" not in c.alex.get(f"/relationships/{c.home}/ledger").text
    assert "Not crossed yet." in c.sam.get(f"/relationships/{c.home}/ledger").text
