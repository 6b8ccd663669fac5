"""The coach on a text box, in the browser; and a form used with the keyboard alone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.browser.conftest import Person
from tests.e2e.browser.test_first_steps import sign_up


def test_the_coach_reads_a_message_as_it_is_typed_and_offers_a_rewrite(
    people: tuple[Person, Person],
) -> None:
    sam, _ = people
    sign_up(sam, "sam.coach@example.org")
    sam.page.get_by_label("Name").fill("Home")
    sam.page.get_by_role("button", name="Create").click()
    home = re.sub(r"^https?://[^/]+", "", sam.page.url)
    page = sam.go(home + "/topics")
    box = page.get_by_label("What it is about (optional)")
    box.fill("You never help with the dishes, you're so lazy.")
    coach = page.locator("#topic-description-coach")
    expect(coach).to_be_visible(timeout=10_000)
    expect(coach).to_contain_text("criticism")
    sam.shot("13-coach-on-a-text-box")
    coach.get_by_role("button", name="Use this").first.click()
    expect(box).not_to_have_value("You never help with the dishes, you're so lazy.")


def test_signing_up_works_with_the_keyboard_alone(people: tuple[Person, Person]) -> None:
    _, alex = people
    page = alex.go("/signup")
    page.get_by_label("Your name").focus()
    page.keyboard.type("Alex")
    page.keyboard.press("Tab")
    page.keyboard.type("alex.keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("a long enough password")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your relationships")).to_be_visible()
