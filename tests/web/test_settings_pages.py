"""Settings: API tokens shown once, export of one's own data, deleting one's account."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import sign_up
from tests.web.test_prepare_pages import NOBODY, check_markup, make_couple, same_refusal


def test_settings_need_a_signed_in_person(client: TestClient) -> None:
    for path in ("/settings", "/settings/export"):
        done = client.get(path, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == f"/signin?next={path}"


def test_a_new_token_is_shown_once_with_a_warning_and_then_works_until_revoked(
    client: TestClient,
) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    page = client.get("/settings")
    assert page.status_code == 200 and "You have no API tokens" in page.text
    check_markup(page.text)
    made = client.post("/settings/tokens", data={"csrf": csrf, "name": "My <script>"})
    assert "Copy this token now: it is shown only once." in made.text
    assert "My &lt;script&gt;" in made.text
    secret = made.text.split('id="new-token" class="copy" readonly value="')[1].split('"')[0]
    assert secret.startswith("acc_")
    later = client.get("/settings").text
    assert secret not in later and "My &lt;script&gt;" in later
    token = later.split("/settings/tokens/")[1].split("/")[0]
    revoked = client.post(f"/settings/tokens/{token}/revoke", data={"csrf": csrf})
    assert "The token is revoked." in revoked.text and "revoked 20" in revoked.text


def test_nobody_can_revoke_another_persons_token_or_learn_it_exists(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post("/settings/tokens", {"name": "laptop"})
    token = c.sam.get("/settings").text.split("/settings/tokens/")[1].split("/")[0]
    for intruder in (c.alex, c.robin):
        tried = intruder.post(f"/settings/tokens/{token}/revoke")
        made_up = intruder.post(f"/settings/tokens/{NOBODY}/revoke")
        assert same_refusal(tried, made_up, token)
    assert "revoked 20" not in c.sam.get("/settings").text


def test_the_export_is_a_json_download_of_my_items_only(client: TestClient) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"need": "rest", "text": "Mine"})
    c.alex.post(f"/relationships/{c.home}/prepare/needs", {"need": "play", "text": "Alex's"})
    page = c.alex.get(f"/relationships/{c.home}/prepare").text
    item = page.split(f"/relationships/{c.home}/prepare/items/")[1].split("/")[0]
    c.alex.post(f"/relationships/{c.home}/prepare/items/{item}/share")

    exported = c.sam.get("/settings/export")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("application/json")
    assert exported.headers["content-disposition"].startswith("attachment;")
    data = exported.json()
    assert data["format"] == "accord-export/1"
    assert data["person"]["name"] == "Sam"
    assert [i["data"]["text"] for i in data["items"]] == ["Mine"]
    assert "Alex's" not in exported.text


def test_deleting_needs_the_word_typed_and_otherwise_changes_nothing(client: TestClient) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    refused = client.post("/settings/delete", data={"csrf": csrf, "confirm": "delete"})
    assert refused.status_code == 400 and "Nothing was deleted" in refused.text
    assert client.get("/settings").status_code == 200  # still signed in


def test_deleting_my_account_signs_me_out_and_leaves_only_what_i_shared(
    client: TestClient,
) -> None:
    c = make_couple(client)
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"need": "rest", "text": "Shared one"})
    page = c.sam.get(f"/relationships/{c.home}/prepare").text
    item = page.split(f"/relationships/{c.home}/prepare/items/")[1].split("/")[0]
    c.sam.post(f"/relationships/{c.home}/prepare/items/{item}/share")
    c.sam.post(f"/relationships/{c.home}/prepare/needs", {"text": "Private one"})

    old_cookie = c.sam.client.cookies.get("accord_session")
    assert old_cookie
    done = c.sam.post("/settings/delete", {"confirm": "DELETE"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/"
    assert 'accord_session=""' in done.headers["set-cookie"]
    home = c.sam.get(done.headers["location"])
    assert "Your account is deleted" in home.text and "Try the demo" in home.text
    assert c.sam.client.get("/settings", follow_redirects=False).status_code == 303

    seen = c.alex.get(f"/relationships/{c.home}/prepare").text
    assert "A former member shared" in seen and "Shared one" in seen
    assert "Private one" not in seen
    # The old session cookie does not come back to life, and the account cannot sign in.
    stale = TestClient(client.app, base_url="http://testserver")
    stale.cookies.set("accord_session", old_cookie)
    assert stale.get("/settings", follow_redirects=False).status_code == 303
    again = stale.post("/signin", data={"email": "sam@example.org", "password": "correct horse"})
    assert again.status_code == 401
