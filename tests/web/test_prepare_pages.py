"""The preparation workbook in the browser: private by default, shared item by item, and the
safety screen that takes only the author to help. Also the helpers the other page tests use:
a couple and a stranger, each with their own browser, and a check of a page's markup."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from tests.web.conftest import sign_up

NOBODY = "0" * 32


@dataclass
class Browser:
    """One person at their own computer: a client with its own cookies, and its CSRF token."""

    client: TestClient
    csrf: str
    email: str

    def get(self, path: str) -> Response:
        return self.client.get(path)

    def post(
        self, path: str, data: dict[str, str] | None = None, *, follow_redirects: bool = True
    ) -> Response:
        form = {"csrf": self.csrf, **(data or {})}
        return self.client.post(path, data=form, follow_redirects=follow_redirects)

    def person_id(self) -> str:
        with self.client.app.state.uow.begin(write=False) as repo:  # type: ignore[attr-defined]
            person = repo.person_by_email(self.email)
            assert person is not None
            return str(person.id)


@dataclass
class Couple:
    sam: Browser
    alex: Browser
    robin: Browser  # a stranger with a relationship of their own
    home: str  # Sam and Alex's relationship id
    elsewhere: str  # Robin's relationship id


def browser(client: TestClient, name: str) -> Browser:
    email = f"{name.lower()}@example.org"
    return Browser(client, sign_up(client, name, email), email)


def new_relationship(person: Browser, name: str, kind: str = "couple") -> str:
    made = person.post("/relationships", {"name": name, "kind": kind})
    assert made.status_code == 200, made.text
    return made.url.path.rsplit("/", 1)[1]


def make_couple(client: TestClient) -> Couple:
    app = client.app
    sam = browser(client, "Sam")
    home = new_relationship(sam, "Home")
    invited = sam.post(f"/relationships/{home}/invite")
    link = invited.text.split('id="invite-link" class="copy" readonly value="')[1].split('"')[0]
    alex = browser(TestClient(app, base_url="http://testserver"), "Alex")
    joined = alex.post("/" + link.split("/", 3)[3])
    assert joined.status_code == 200, joined.text
    robin = browser(TestClient(app, base_url="http://testserver"), "Robin")
    elsewhere = new_relationship(robin, "Robin's house", "housemates")
    return Couple(sam, alex, robin, home, elsewhere)


def same_refusal(refused: Response, made_up: Response, real_id: str) -> bool:
    """Two answers are the same refusal: a 404 each, with the same words (ids aside)."""
    return refused.status_code == made_up.status_code == 404 and refused.text.replace(
        real_id, "X"
    ) == made_up.text.replace(NOBODY, "X")


class _Markup(HTMLParser):
    """What a page's markup must never lack: labels for controls, no inline style or script."""

    def __init__(self) -> None:
        super().__init__()
        self.label_for: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.label_depth = 0
        self.fieldset_depth = 0
        self.legends = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "style" in found:
            self.problems.append(f"inline style on <{tag}>")
        if tag == "script" and not found.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if any(name.startswith("on") for name in found):
            self.problems.append(f"inline event handler on <{tag}>")
        if tag == "label":
            self.label_depth += 1
            if found.get("for"):
                self.label_for.add(str(found["for"]))
        if tag == "fieldset":
            self.fieldset_depth += 1
        if tag in ("input", "select", "textarea") and found.get("type") != "hidden":
            self.controls.append({**found, "wrapped": "yes" if self.label_depth else None})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1
        if tag == "fieldset":
            self.fieldset_depth -= 1


def check_markup(html: str) -> None:
    """Every control has a label, and nothing inline that the CSP would block."""
    parser = _Markup()
    parser.feed(html)
    for control in parser.controls:
        labelled = (
            control.get("wrapped")
            or control.get("aria-label")
            or (control.get("id") and control["id"] in parser.label_for)
        )
        if not labelled:
            parser.problems.append(f"control without a label: {control}")
    assert parser.problems == []


# The workbook --------------------------------------------------------------------------------


def test_a_new_item_is_private_and_the_workbook_says_so(client: TestClient) -> None:
    c = make_couple(client)
    added = c.sam.post(
        f"/relationships/{c.home}/prepare/needs", {"need": "rest", "text": "Sundays to myself"}
    )
    assert added.status_code == 200 and "Only you see it" in added.text
    page = c.sam.get(f"/relationships/{c.home}/prepare")
    assert "Sundays to myself" in page.text and "Only you see this" in page.text
    assert "Shared with the relationship</span>" not in page.text
    check_markup(page.text)
    assert "Sundays to myself" not in c.alex.get(f"/relationships/{c.home}/prepare").text


def test_every_text_box_carries_the_coach_and_the_page_is_styled_from_its_own_file(
    client: TestClient,
) -> None:
    c = make_couple(client)
    page = c.sam.get(f"/relationships/{c.home}/prepare").text
    assert page.count("<textarea") == page.count("data-coach") >= 4
    assert "/static/pages.css" in page
    assert client.get("/static/pages.css").status_code == 200


def test_feelings_are_grouped_by_their_prompt(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post(
        f"/relationships/{c.home}/prepare/feelings", {"prompt": "heard", "text": "Eye contact"}
    )
    c.sam.post(
        f"/relationships/{c.home}/prepare/feelings", {"prompt": "safe", "text": "A calm voice"}
    )
    page = c.sam.get(f"/relationships/{c.home}/prepare").text
    safe, heard = page.index("What makes me feel safe</h3>"), page.index("feel heard</h3>")
    assert safe < page.index("A calm voice") < heard < page.index("Eye contact")


def test_a_boundary_without_a_consequence_is_shown_as_a_preference_with_the_fix(
    client: TestClient,
) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/boundaries", {"statement": "I hate lateness"})
    page = c.sam.get(f"/relationships/{c.home}/prepare").text
    assert "Preference, not yet a boundary." in page
    assert "It has no consequence yet" in page
    assert "To make &#34;I hate lateness&#34; a boundary" in page
    boundary = page.split('action="/relationships/' + c.home + "/prepare/boundaries/")[1][:32]
    revised = c.sam.post(
        f"/relationships/{c.home}/prepare/boundaries/{boundary}",
        {
            "statement": "I won't wait more than 20 minutes",
            "consequence": "I will leave and go alone",
        },
    )
    assert "Boundary saved" in revised.text
    assert "Preference, not yet a boundary." not in revised.text
    assert "<strong>Boundary.</strong> It names an action you commit to" in revised.text


def test_sharing_shows_an_item_to_the_other_member_with_its_author_and_unsharing_takes_it_back(
    client: TestClient,
) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"need": "quiet", "text": "After work"})
    item = _first_item(c.sam, c.home)
    shared = c.sam.post(f"/relationships/{c.home}/prepare/items/{item}/share")
    assert "Shared with the relationship</span>" in shared.text
    seen = c.alex.get(f"/relationships/{c.home}/prepare").text
    assert "Sam shared" in seen and "After work" in seen
    c.sam.post(f"/relationships/{c.home}/prepare/items/{item}/unshare")
    assert "After work" not in c.alex.get(f"/relationships/{c.home}/prepare").text
    removed = c.sam.post(f"/relationships/{c.home}/prepare/items/{item}/remove")
    assert "Removed." in removed.text and "After work" not in removed.text


def test_what_people_write_is_escaped_wherever_it_appears(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"text": "<script>alert(1)</script>"})
    c.sam.post(f"/relationships/{c.home}/prepare/items/{_first_item(c.sam, c.home)}/share")
    for person in (c.sam, c.alex):
        page = person.get(f"/relationships/{c.home}/prepare").text
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_need_outside_the_catalogue_is_refused_with_the_fix(client: TestClient) -> None:
    c = make_couple(client)
    refused = c.sam.post(f"/relationships/{c.home}/prepare/needs", {"need": "world peace"})
    assert refused.status_code == 400 and "is not in the needs catalogue" in refused.text


# Safety ----------------------------------------------------------------------------------------


def test_a_feeling_that_reads_as_danger_takes_only_its_author_to_help(client: TestClient) -> None:
    c = make_couple(client)
    pages = ("prepare", "assess", "agreements", "ledger")
    before = {p: c.alex.get(f"/relationships/{c.home}/{p}").text for p in pages}
    words = "When he drinks he threatens to hurt me"
    sent = c.sam.post(
        f"/relationships/{c.home}/prepare/feelings",
        {"prompt": "unsafe", "text": words},
        follow_redirects=False,
    )
    assert sent.status_code == 303 and sent.headers["location"] == "/help"
    assert "emergency" in c.sam.get("/help").text
    # The other member's pages are exactly what they were: not a word, not a hint.
    for path in pages:
        assert c.alex.get(f"/relationships/{c.home}/{path}").text == before[path]
    assert words not in c.alex.get(f"/relationships/{c.home}").text
    # The author keeps it, private.
    mine = c.sam.get(f"/relationships/{c.home}/prepare").text
    assert words in mine and "Only you see this" in mine


def test_a_boundary_that_reads_as_danger_also_goes_to_help(client: TestClient) -> None:
    c = make_couple(client)
    sent = c.sam.post(
        f"/relationships/{c.home}/prepare/boundaries",
        {
            "statement": "He said he would kill me if I left",
            "consequence": "I will call the police",
        },
        follow_redirects=False,
    )
    assert sent.headers["location"] == "/help"
    assert "kill me" not in c.alex.get(f"/relationships/{c.home}/prepare").text


# Privacy ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["share", "unshare", "remove"])
@pytest.mark.parametrize("intruder", ["alex", "robin"])
def test_nobody_else_can_touch_a_private_item_or_learn_it_exists(
    client: TestClient, action: str, intruder: str
) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"text": "My own corner"})
    item = _first_item(c.sam, c.home)
    who: Browser = getattr(c, intruder)
    where = c.home if intruder == "alex" else c.elsewhere
    tried = who.post(f"/relationships/{where}/prepare/items/{item}/{action}")
    made_up = who.post(f"/relationships/{where}/prepare/items/{NOBODY}/{action}")
    assert same_refusal(tried, made_up, item)
    assert "My own corner" in c.sam.get(f"/relationships/{c.home}/prepare").text
    assert "My own corner" not in c.alex.get(f"/relationships/{c.home}/prepare").text


@pytest.mark.parametrize("intruder", ["alex", "robin"])
def test_nobody_else_can_revise_a_boundary(client: TestClient, intruder: str) -> None:
    c = make_couple(client)
    c.sam.post(
        f"/relationships/{c.home}/prepare/boundaries",
        {"statement": "No shouting", "consequence": "I will leave the room"},
    )
    item = _first_item(c.sam, c.home)
    who: Browser = getattr(c, intruder)
    form = {"statement": "x", "consequence": "I leave"}
    tried = who.post(f"/relationships/{c.home}/prepare/boundaries/{item}", form)
    made_up = who.post(f"/relationships/{c.home}/prepare/boundaries/{NOBODY}", form)
    assert same_refusal(tried, made_up, item)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("post", "/needs"),
        ("post", "/feelings"),
        ("post", "/boundaries"),
    ],
)
def test_a_stranger_cannot_see_or_write_in_a_relationship_not_theirs(
    client: TestClient, method: str, path: str
) -> None:
    c = make_couple(client)
    form = {"need": "rest", "text": "words", "prompt": "safe", "statement": "words"}

    def ask(relationship: str) -> Response:
        target = f"/relationships/{relationship}/prepare{path}"
        return c.robin.get(target) if method == "get" else c.robin.post(target, form)

    assert same_refusal(ask(c.home), ask(NOBODY), c.home)


def test_the_workbook_needs_a_signed_in_person(client: TestClient) -> None:
    done = client.get(f"/relationships/{NOBODY}/prepare", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/signin")


def test_forms_without_the_csrf_token_change_nothing(client: TestClient) -> None:
    c = make_couple(client)
    refused = c.sam.client.post(f"/relationships/{c.home}/prepare/needs", data={"need": "rest"})
    assert refused.status_code == 403
    assert "No needs written yet" in c.sam.get(f"/relationships/{c.home}/prepare").text


def _first_item(person: Browser, relationship: str) -> str:
    page = person.get(f"/relationships/{relationship}/prepare").text
    marker = f"/relationships/{relationship}/prepare/items/"
    return page.split(marker)[1].split("/")[0]
