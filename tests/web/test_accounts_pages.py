from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import csrf_of, sign_up


def test_a_visitor_sees_the_welcome_page_with_the_demo_and_a_quick_exit(
    client: TestClient,
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Try the demo" in page.text
    assert 'id="quick-exit"' in page.text and "https://example.org/weather" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_signing_up_signs_in_with_a_safe_cookie(client: TestClient) -> None:
    done = client.post(
        "/signup",
        data={"name": "Sam", "email": "sam@example.org", "password": "correct horse"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; behind https it is set


def test_the_session_cookie_is_secure_behind_https(client: TestClient) -> None:
    done = client.post(
        "/signup",
        data={"name": "Sam", "email": "sam@example.org", "password": "correct horse"},
        headers={"x-forwarded-proto": "https"},
        follow_redirects=False,
    )
    assert "Secure" in done.headers["set-cookie"]


def test_a_short_password_is_refused_with_the_fix(client: TestClient) -> None:
    done = client.post("/signup", data={"name": "Sam", "email": "s@x.org", "password": "short"})
    assert done.status_code == 400
    assert "at least 10 characters" in done.text
    assert 'value="s@x.org"' in done.text  # what was typed is kept


def test_sign_in_is_rate_limited_per_account(client: TestClient) -> None:
    sign_up(client, "Sam", "sam@example.org")
    client.cookies.clear()
    for _ in range(5):
        bad = client.post("/signin", data={"email": "sam@example.org", "password": "wrong one!"})
        assert bad.status_code == 401
        assert "do not match" in bad.text
    blocked = client.post("/signin", data={"email": "sam@example.org", "password": "correct horse"})
    assert blocked.status_code == 429
    assert "Wait 15 minutes" in blocked.text


def test_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    sign_up(client, "Sam", "sam@example.org")
    refused = client.post("/relationships", data={"name": "Home", "kind": "couple"})
    assert refused.status_code == 403
    forged = client.post("/relationships", data={"name": "Home", "kind": "couple", "csrf": "guess"})
    assert forged.status_code == 403


def test_an_invitation_link_brings_the_other_person_in_once(client: TestClient) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    made = client.post("/relationships", data={"name": "Home", "kind": "couple", "csrf": csrf})
    assert made.status_code == 200 and "<h1>Home</h1>" in made.text
    invited = client.post(made.url.path + "/invite", data={"csrf": csrf})
    link = invited.text.split('id="invite-link" class="copy" readonly value="')[1].split('"')[0]
    path = "/" + link.split("/", 3)[3]
    client.cookies.clear()
    landing = client.get(path)
    assert "Sam invited you" in landing.text
    csrf_alex = sign_up(client, "Alex", "alex@example.org")
    joined = client.post(path, data={"csrf": csrf_alex})
    assert joined.status_code == 200 and "Alex" in joined.text and "Sam" in joined.text
    again = client.post(path, data={"csrf": csrf_alex})
    assert again.status_code == 404 and "used already" in again.text


def test_the_demo_signs_in_as_one_member_and_switches_to_the_other(client: TestClient) -> None:
    page = client.post("/demo")
    assert page.status_code == 200
    assert "Demo: you are <strong>Sam</strong>" in page.text
    switched = client.post("/demo/switch", data={"csrf": csrf_of(page.text)})
    assert "Demo: you are <strong>Alex</strong>" in switched.text


def test_pages_need_a_signed_in_person(client: TestClient) -> None:
    done = client.get("/relationships/abc", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/signin")


def test_a_stranger_cannot_see_a_relationship_or_learn_it_exists(client: TestClient) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    made = client.post("/relationships", data={"name": "Home", "kind": "couple", "csrf": csrf})
    home = made.url.path
    client.cookies.clear()
    sign_up(client, "Robin", "robin@example.org")
    theirs = client.get(home)
    nothing = client.get("/relationships/" + "0" * 32)
    assert theirs.status_code == nothing.status_code == 404
    assert theirs.text.replace(home.split("/")[-1], "X") == nothing.text.replace("0" * 32, "X")


def test_input_that_cannot_even_be_encoded_is_refused_not_crashed_on(client: TestClient) -> None:
    sign_up(client, "Sam", "sam@example.org")
    csrf = csrf_of(client.get("/").text)
    done = client.post(
        "/api/v1/coach",
        content=b'{"text": "\\ud800"}',
        headers={"content-type": "application/json", "x-csrf-token": csrf},
    )
    assert done.status_code == 422
    assert done.json()["detail"][0]["loc"] == ["body", "text"]


def test_a_crafted_link_cannot_make_a_page_say_anything(client: TestClient) -> None:
    page = client.get("/?note=Your+account+is+locked.+Call+0900+123456")
    assert "Your account is locked" not in page.text


def test_a_note_after_an_action_is_shown_once(client: TestClient) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    done = client.post("/signout", data={"csrf": csrf}, follow_redirects=False)
    assert "note" not in done.headers["location"]
    first = client.get(done.headers["location"])
    assert "You are signed out." in first.text
    assert "You are signed out." not in client.get("/").text
