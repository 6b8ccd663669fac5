"""Two people, two devices: sign up, create a relationship, invite, join, quick exit."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.browser.conftest import QUICK_EXIT, Person


def sign_up(person: Person, email: str, path: str = "/signup") -> None:
    page = person.go(path)
    page.get_by_label("Your name").fill(person.name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()


def test_two_people_meet_in_one_relationship_from_their_own_devices(
    people: tuple[Person, Person],
) -> None:
    sam, alex = people
    sam.go("/")
    expect(sam.page.get_by_role("link", name="Quick exit")).to_be_visible()
    sam.shot("01-welcome")
    sign_up(sam, "sam@example.org")
    expect(sam.page.get_by_role("heading", name="Your relationships")).to_be_visible()
    sam.page.get_by_label("Name").fill("Sam & Alex")
    sam.page.get_by_label("Kind").select_option("couple")
    sam.page.get_by_role("button", name="Create").click()
    expect(sam.page.get_by_role("heading", name="Sam & Alex")).to_be_visible()
    sam.page.get_by_role("button", name="Make an invitation link").click()
    link = sam.page.get_by_label("Invitation link").input_value()
    sam.shot("02-invitation")

    alex.page.goto(link)
    expect(alex.page.get_by_text("Sam invited you")).to_be_visible()
    alex.page.get_by_role("link", name="Create an account to join").click()
    alex.page.get_by_label("Your name").fill("Alex")
    alex.page.get_by_label("Email").fill("alex@example.org")
    alex.page.get_by_label("Password").fill("another long password")
    alex.page.get_by_role("button", name="Create account").click()
    alex.page.get_by_role("button", name="Join as Alex").click()
    expect(alex.page.get_by_role("heading", name="Sam & Alex")).to_be_visible()
    alex.shot("03-joined-on-a-phone")

    sam.page.reload()
    expect(sam.page.locator("main").get_by_text("Alex", exact=True)).to_be_visible()


def test_the_quick_exit_leaves_at_once_and_back_does_not_return(
    people: tuple[Person, Person],
) -> None:
    sam, _ = people
    sign_up(sam, "sam.exit@example.org")
    sam.go("/help")
    page = sam.page
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(re.compile(re.escape(QUICK_EXIT) + "$"))
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    page.go_back()
    assert "/help" not in page.url  # the help page was replaced in the history


def test_the_quick_exit_works_from_the_keyboard(people: tuple[Person, Person]) -> None:
    sam, _ = people
    page = sam.go("/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # Accord
    for _ in range(4):
        if page.evaluate("document.activeElement.id") == "quick-exit":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(QUICK_EXIT) + "$"))
