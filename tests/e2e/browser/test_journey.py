"""The whole journey in a real browser, two people on two devices: sign up, invite, prepare,
take the ECR-R, open a topic, walk every step to an agreement (watching the other's moves
arrive without reloading), pause and resume, check in on the agreement; and what one of them
must never see of the other. Screenshots of each step go to docs/screenshots/."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.browser.conftest import Person
from tests.e2e.browser.test_first_steps import sign_up

SAM_PRIVATE = "I am scared of evenings that turn into rows"
SAM_POSITION = "A quiet house from seven to ten"
ALEX_POSITION = "The TV on in the living room"


def relationship_of(sam: Person, alex: Person) -> str:
    """Sam creates the relationship and invites Alex, who joins on his phone. Returns its path."""
    sign_up(sam, "sam.journey@example.org")
    sam.page.get_by_label("Name").fill("Sam & Alex")
    sam.page.get_by_role("button", name="Create").click()
    path = re.sub(r"^https?://[^/]+", "", sam.page.url)
    sam.page.get_by_role("button", name="Make an invitation link").click()
    link = sam.page.get_by_label("Invitation link").input_value()
    sign_up(
        alex, "alex.journey@example.org", "/signup?next=" + re.sub(r"^https?://[^/]+", "", link)
    )
    alex.page.get_by_role("button", name="Join as Alex").click()
    return path


def check_in(page: Page) -> None:
    page.get_by_label("Calm", exact=False).first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Check in").click()


def finish(page: Page, label: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def time_passes_until_the_pause_ends(database: Path) -> None:
    """The pause lasts 20 minutes at least; the test moves its end into the past."""
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE pauses SET resumes_at = started_at")


def test_a_couple_goes_from_strangers_to_a_kept_agreement(
    people: tuple[Person, Person], server_database: Path
) -> None:
    sam, alex = people
    home = relationship_of(sam, alex)

    # Preparation, private by default: Sam keeps one feeling private and shares a need.
    prep = sam.go(home + "/prepare")
    prep.get_by_text("Add a need", exact=True).click()
    prep.get_by_label("A need from the catalogue (optional)").select_option("quiet")
    prep.get_by_label("In your own words").fill("Quiet to come down after work")
    prep.get_by_role("button", name="Add the need").click()
    prep.get_by_text("Answer a prompt", exact=True).click()
    prep.get_by_label("Prompt").select_option("unsafe")
    prep.get_by_label("Your answer").fill(SAM_PRIVATE)
    prep.get_by_role("button", name="Save the answer").click()
    prep.get_by_text("Add a boundary", exact=True).click()
    prep.get_by_label("The boundary").last.fill(
        "I won't stay in a conversation where I'm yelled at"
    )
    prep.get_by_label("What I will do, every time, when it is crossed").last.fill(
        "When it starts I leave the room and come back in an hour"
    )
    prep.get_by_role("button", name="Add the boundary").click()
    expect(prep.get_by_text("When it starts I leave the room").first).to_be_visible()
    sam.shot("04-preparation-workbook")
    alex.go(home + "/prepare")
    expect(alex.page.locator("main")).not_to_contain_text(SAM_PRIVATE)

    # The ECR-R: 36 answers through the form, then the picture.
    ecr = sam.go(home + "/assess")
    for number in range(1, 37):
        value = "5" if number <= 18 else "3"
        ecr.locator(f'input[name="item-{number}"][value="{value}"]').check()
    ecr.get_by_role("button", name="See my result").click()
    expect(ecr.locator("svg[role=img]").first).to_be_visible()
    sam.shot("05-attachment-picture")

    # A topic, its triage, both confirm the negotiation zone.
    topics = alex.go(home + "/topics")
    topics.get_by_label("Title").fill("Evenings after work")
    topics.get_by_role("button", name="Open the topic").click()
    topic_url = alex.page.url
    alex.page.get_by_role(
        "button", name=re.compile(r"^(Confirm|Change to): Negotiation zone")
    ).click()
    sam.page.goto(topic_url)
    sam.page.get_by_role(
        "button", name=re.compile(r"^(Confirm|Change to): Negotiation zone")
    ).click()
    alex.shot("06-topic-triage")

    # Start the negotiation; both open it on their own device.
    topics = sam.go(home + "/topics")
    topics.get_by_label("Evenings after work").check()
    topics.get_by_role("button", name="Start the negotiation").click()
    negotiation = re.sub(r"^https?://[^/]+", "", sam.page.url)
    alex.go(negotiation)

    # Positions (private).
    sam.page.get_by_label(re.compile("What you want on")).fill(SAM_POSITION)
    sam.page.get_by_role("button", name="Save my position").click()
    alex.page.get_by_label(re.compile("What you want on")).fill(ALEX_POSITION)
    alex.page.get_by_role("button", name="Save my position").click()
    finish(sam.page, "I have said what I want")
    finish(alex.page, "I have said what I want")
    # Sam's page moves on by itself when Alex finishes (no reload).
    expect(sam.page.get_by_role("heading", name=re.compile("Step 2 of 8"))).to_be_visible(
        timeout=15_000
    )
    expect(alex.page.locator("main")).not_to_contain_text(SAM_POSITION)

    # Needs behind the positions (private).
    for person, need in ((sam, "quiet"), (alex, "unwind")):
        person.page.get_by_label("A need from the list").select_option(need)
        person.page.get_by_role("button", name="Add this need").click()
        finish(person.page, "I have named my needs")
    expect(alex.page.get_by_role("heading", name=re.compile("Step 3 of 8"))).to_be_visible(
        timeout=15_000
    )
    sam.page.reload()

    # Empathy round (joint): check in, restate, "that's right".
    check_in(sam.page)
    check_in(alex.page)
    sam.page.get_by_label("Say Alex's needs in your own words").fill(
        "It sounds like you need a way to unwind after work."
    )
    sam.page.get_by_role("button", name="Say it").click()
    alex.page.reload()
    alex.page.get_by_label("Say Sam's needs in your own words").fill(
        "It sounds like you need quiet to come down after work."
    )
    alex.page.get_by_role("button", name="Say it").click()
    alex.shot("07-empathy-round")
    alex.page.get_by_role("button", name="That's right").click()
    sam.page.reload()
    sam.page.get_by_role("button", name="That's right").click()
    expect(sam.page.get_by_role("heading", name=re.compile("Step 4 of 8"))).to_be_visible()

    # Options (joint): "yes, and".
    alex.page.reload()
    check_in(sam.page)
    check_in(alex.page)
    for person, text in (
        (sam, "TV with headphones"),
        (alex, "Quiet house"),
        (sam, "TV on loud"),
        (alex, "TV in the other room"),
    ):
        person.page.reload()
        person.page.get_by_label(re.compile("another option for")).fill(text)
        person.page.get_by_role("button", name="Add the option").click()
    sam.shot("08-options")
    for person in (sam, alex):
        person.page.reload()
        finish(person.page, "I'm ready to rate")

    # Ratings (private): how well each option meets each of my needs.
    scores = {
        "Sam": {
            "TV with headphones": "3",
            "Quiet house": "4",
            "TV on loud": "0",
            "TV in the other room": "3",
        },
        "Alex": {
            "TV with headphones": "3",
            "Quiet house": "0",
            "TV on loud": "4",
            "TV in the other room": "3",
        },
    }
    for person in (sam, alex):
        person.page.reload()
        for option, score in scores[person.name].items():
            person.page.get_by_label(
                re.compile(f"How well .{re.escape(option)}. meets")
            ).select_option(score)
        person.page.get_by_role("button", name="Save my ratings").click()
        finish(person.page, "Done")

    # Packages (joint): the picture, the compromise and the recommendation.
    for person in (sam, alex):
        person.page.reload()
        check_in(person.page)
    expect(sam.page.locator("svg[role=img]")).to_be_visible()
    sam.shot("09-packages")
    for person in (sam, alex):
        person.page.reload()
        finish(person.page, "Move on to choosing")

    # Pause and resume: Alex pauses; Sam's next move is refused until it is over.
    alex.page.reload()
    alex.page.get_by_label("Pause for").select_option("20")
    alex.page.get_by_role("button", name="Pause the talk").click()
    expect(alex.page.get_by_text("It resumes at")).to_be_visible()
    alex.shot("10-pause")
    sam.page.reload()
    expect(sam.page.locator("main")).to_contain_text("paused")
    sam.page.get_by_role("button", name="Save my marks").click()
    expect(sam.page.locator("main")).to_contain_text("paused")

    time_passes_until_the_pause_ends(server_database)

    # Blind acceptance (private): both mark the recommended package; only the overlap shows.
    for person in (sam, alex):
        person.go(negotiation)
        person.page.get_by_label(re.compile(r"\(recommended\)")).check()
        person.page.get_by_role("button", name="Save my marks").click()
        finish(person.page, "I'm done")
    expect(alex.page.get_by_role("heading", name=re.compile("Step 8 of 8"))).to_be_visible(
        timeout=15_000
    )
    alex.shot("11-agreed")

    # Write the agreement down, then check in on it.
    page = sam.go(home + "/agreements")
    page.get_by_label("What", exact=True).first.fill("Uses headphones after 9 pm")
    page.get_by_label("How will you both know it works?").fill(
        "Sam reads in peace; Alex watches his shows"
    )
    review = (date.today() + timedelta(days=14)).isoformat()
    page.get_by_label("Review date (within a year)").fill(review)
    with page.expect_navigation():
        page.get_by_role("button", name="Write it down").click()
    page = alex.go(home + "/agreements")
    page.get_by_text("Check in", exact=True).first.click()
    page.get_by_label("Kept", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Record the check-in").click()
    expect(page.locator("main")).to_contain_text("Kept")
    alex.shot("12-agreement-check-in")

    # Nothing of Sam's private preparation ever reached Alex's pages.
    for path in ("/prepare", "/assess", "/topics", "/agreements", "/ledger"):
        alex.go(home + path)
        expect(alex.page.locator("main")).not_to_contain_text(SAM_PRIVATE)
        expect(alex.page.locator("main")).not_to_contain_text(SAM_POSITION)
