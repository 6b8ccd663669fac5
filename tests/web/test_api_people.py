"""The JSON API for people: relationships, invitations, preparation, assessments, the ledger
and one's account, driven with bearer tokens as an API client would."""

from __future__ import annotations

from fastapi.testclient import TestClient

from accord.assessment import dimensions
from accord.services import auth, people
from tests.web.conftest import sign_up

API = "/api/v1"


def token_for(client: TestClient, name: str) -> tuple[str, dict[str, str]]:
    """A new person and the Authorization header of an API token they made."""
    uow = client.app.state.uow  # type: ignore[attr-defined]
    person = people.create_person(uow, name=name)
    _, secret = auth.create_api_token(uow, actor_id=person.id, name="test client")
    return person.id, {"Authorization": f"Bearer {secret}"}


def a_couple(client: TestClient) -> tuple[dict[str, str], dict[str, str], str]:
    """Sam makes a relationship and invites Alex, who accepts: both headers and its id."""
    _, sam = token_for(client, "Sam")
    _, alex = token_for(client, "Alex")
    made = client.post(
        f"{API}/relationships", json={"name": "Sam & Alex", "kind": "couple"}, headers=sam
    )
    assert made.status_code == 201, made.text
    home = made.json()["id"]
    invitation = client.post(f"{API}/relationships/{home}/invitations", headers=sam)
    assert invitation.status_code == 201, invitation.text
    accepted = client.post(f"{API}/invitations/{invitation.json()['secret']}/accept", headers=alex)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == {"relationship_id": home}
    return sam, alex, home


def test_a_couple_joins_through_a_one_time_invitation(client: TestClient) -> None:
    _, sam = token_for(client, "Sam")
    _, alex = token_for(client, "Alex")
    _, robin = token_for(client, "Robin")
    home = client.post(
        f"{API}/relationships", json={"name": "Sam & Alex", "kind": "couple"}, headers=sam
    ).json()["id"]
    invitation = client.post(f"{API}/relationships/{home}/invitations", headers=sam).json()
    assert invitation["url"].endswith(f"/join/{invitation['secret']}")

    assert client.post(f"{API}/invitations/{invitation['secret']}/accept", headers=alex).is_success
    used = client.post(f"{API}/invitations/{invitation['secret']}/accept", headers=robin)
    assert used.status_code == 404
    assert "does not work" in used.json()["detail"]

    seen = client.get(f"{API}/relationships/{home}", headers=alex).json()
    assert sorted(m["name"] for m in seen["members"]) == ["Alex", "Sam"]
    assert [r["id"] for r in client.get(f"{API}/relationships", headers=alex).json()] == [home]
    assert client.get(f"{API}/relationships", headers=robin).json() == []
    assert client.get(f"{API}/relationships/{home}", headers=robin).status_code == 404


def test_preparation_stays_private_until_shared_item_by_item(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    need = client.post(
        f"{API}/relationships/{home}/needs",
        json={"need": "respect", "text": "Being asked before plans are made"},
        headers=sam,
    )
    assert need.status_code == 201, need.text
    need_id = need.json()["item"]["id"]
    assert need.json()["item"]["visibility"] == "private"
    feeling = client.post(
        f"{API}/relationships/{home}/feelings",
        json={"prompt": "heard", "text": "Being let to finish"},
        headers=sam,
    )
    assert feeling.status_code == 201, feeling.text

    def alexs_view() -> list[str]:
        book = client.get(f"{API}/relationships/{home}/workbook", headers=alex).json()
        return [i["data"]["text"] for i in book["shared_with_me"]]

    assert alexs_view() == []
    assert (
        "Being asked" not in client.get(f"{API}/relationships/{home}/workbook", headers=alex).text
    )
    shared = client.post(f"{API}/items/{need_id}/share", headers=sam)
    assert shared.json()["visibility"] == "shared"
    assert alexs_view() == ["Being asked before plans are made"]
    # Alex may read it now, but not change, unshare or delete it.
    assert client.post(f"{API}/items/{need_id}/unshare", headers=alex).status_code == 404
    assert client.delete(f"{API}/items/{need_id}", headers=alex).status_code == 404
    assert client.post(f"{API}/items/{need_id}/unshare", headers=sam).is_success
    assert alexs_view() == []

    mine = client.get(f"{API}/relationships/{home}/workbook", headers=sam).json()["mine"]
    assert {i["kind"] for i in mine} == {"need", "feeling"}
    assert client.delete(f"{API}/items/{need_id}", headers=sam).status_code == 204
    mine = client.get(f"{API}/relationships/{home}/workbook", headers=sam).json()["mine"]
    assert [i["kind"] for i in mine] == ["feeling"]


def test_a_boundary_without_a_consequence_is_a_preference_until_revised_then_goes_in_the_ledger(
    client: TestClient,
) -> None:
    sam, _, home = a_couple(client)
    wish = client.post(
        f"{API}/relationships/{home}/boundaries",
        json={"statement": "I want to be spoken to calmly"},
        headers=sam,
    ).json()
    assert wish["check"]["kind"] == "preference"
    assert wish["check"]["prompt"]
    boundary_id = wish["item"]["id"]
    refused = client.post(
        f"{API}/boundaries/{boundary_id}/crossings", json={"carried_out": True}, headers=sam
    )
    assert refused.status_code == 400
    assert "preference" in refused.json()["detail"]

    revised = client.patch(
        f"{API}/boundaries/{boundary_id}",
        json={
            "statement": "I won't stay in conversations where I'm yelled at",
            "consequence": "When it starts I leave the room and come back in an hour",
        },
        headers=sam,
    ).json()
    assert revised["check"]["kind"] == "boundary"
    for carried_out in (True, False):
        crossed = client.post(
            f"{API}/boundaries/{boundary_id}/crossings",
            json={"carried_out": carried_out, "note": "after dinner"},
            headers=sam,
        )
        assert crossed.status_code == 201, crossed.text
    (record,) = client.get(f"{API}/relationships/{home}/ledger", headers=sam).json()
    assert (record["crossings"], record["enforced"], record["rate"]) == (2, 1, 0.5)
    assert [rate for _, rate in record["series"]] == [1.0, 0.5]


def test_the_ecr_r_and_temperament_read_as_a_pair_only_once_shared(client: TestClient) -> None:
    sam, alex, home = a_couple(client)
    taken = {}
    for headers, answer in ((sam, 6), (alex, 2)):
        scored = client.post(
            f"{API}/relationships/{home}/ecr-r", json={"answers": [answer] * 36}, headers=headers
        )
        assert scored.status_code == 201, scored.text
        body = scored.json()
        assert set(body["scores"]) == {"anxiety", "avoidance"}
        assert body["result"]["pattern"] and body["result"]["reading"]
        taken[answer] = body["item_id"]
    assert client.get(f"{API}/relationships/{home}/attachment", headers=sam).json()["pairs"] == []
    client.post(f"{API}/items/{taken[2]}/share", headers=alex)
    seen = client.get(f"{API}/relationships/{home}/attachment", headers=sam).json()
    assert seen["mine"]["pattern"] and len(seen["pairs"]) == 1
    assert seen["pairs"][0]["names"] == ["Sam", "Alex"]

    short = client.post(
        f"{API}/relationships/{home}/ecr-r", json={"answers": [4] * 35}, headers=sam
    )
    assert short.status_code == 400

    profile = {d.id: 1 for d in dimensions()}
    put = client.put(
        f"{API}/relationships/{home}/temperament", json={"positions": profile}, headers=sam
    )
    assert put.status_code == 200, put.text
    other = {d.id: 5 for d in dimensions()}
    alexs = client.put(
        f"{API}/relationships/{home}/temperament", json={"positions": other}, headers=alex
    ).json()
    mine = client.get(f"{API}/relationships/{home}/temperament", headers=sam).json()
    assert mine["positions"] == profile and mine["side_by_side"] == []
    client.post(f"{API}/items/{alexs['id']}/share", headers=alex)
    mine = client.get(f"{API}/relationships/{home}/temperament", headers=sam).json()
    (pair,) = mine["side_by_side"]
    assert pair["names"] == ["Sam", "Alex"]
    assert {c["kind"] for c in pair["comparisons"]} == {"complementary"}


def test_export_has_ones_own_items_and_deleting_the_account_ends_its_tokens(
    client: TestClient,
) -> None:
    sam, alex, home = a_couple(client)
    client.post(f"{API}/relationships/{home}/needs", json={"text": "Quiet mornings"}, headers=sam)
    client.post(f"{API}/relationships/{home}/needs", json={"text": "Loud music"}, headers=alex)
    exported = client.get(f"{API}/export", headers=sam).json()
    assert exported["format"] == "accord-export/1"
    assert [i["data"]["text"] for i in exported["items"]] == ["Quiet mornings"]
    assert [r["id"] for r in exported["relationships"]] == [home]

    gone = client.delete(f"{API}/me", headers=sam)
    assert gone.status_code == 200
    assert gone.json() == {"deleted_items": 1}
    assert client.get(f"{API}/me", headers=sam).status_code == 401
    members = client.get(f"{API}/relationships/{home}", headers=alex).json()["members"]
    assert {(m["name"], m["current"]) for m in members} == {
        ("Alex", True),
        ("A former member", False),
    }


def test_leaving_a_relationship_hides_it(client: TestClient) -> None:
    _, alex, home = a_couple(client)
    assert client.post(f"{API}/relationships/{home}/leave", headers=alex).status_code == 204
    assert client.get(f"{API}/relationships", headers=alex).json() == []
    assert client.get(f"{API}/relationships/{home}/workbook", headers=alex).status_code == 404


def test_a_revoked_token_gets_401(client: TestClient) -> None:
    uow = client.app.state.uow  # type: ignore[attr-defined]
    person = people.create_person(uow, name="Sam")
    token, secret = auth.create_api_token(uow, actor_id=person.id, name="script")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get(f"{API}/relationships", headers=headers).status_code == 200
    auth.revoke_api_token(uow, actor_id=person.id, token_id=token.id)
    refused = client.get(f"{API}/relationships", headers=headers)
    assert refused.status_code == 401
    assert refused.json() == {"detail": "The API token is unknown or revoked."}
    assert client.get(f"{API}/relationships").status_code == 401
    wrong = client.get(f"{API}/relationships", headers={"Authorization": "Bearer acc_made_up"})
    assert wrong.status_code == 401


def test_a_browser_session_writes_only_with_the_csrf_header(client: TestClient) -> None:
    csrf = sign_up(client, "Sam", "sam@example.org")
    body = {"name": "Sam & Alex", "kind": "couple"}
    assert client.get(f"{API}/relationships").status_code == 200
    refused = client.post(f"{API}/relationships", json=body)
    assert refused.status_code == 403
    assert "X-CSRF-Token" in refused.json()["detail"]
    wrong = client.post(f"{API}/relationships", json=body, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    assert client.get(f"{API}/relationships").json() == []
    made = client.post(f"{API}/relationships", json=body, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text


def test_oversized_or_malformed_input_is_a_422_not_a_crash(client: TestClient) -> None:
    sam, _, home = a_couple(client)
    huge = "x" * 100_000
    for path, body in (
        (f"{API}/relationships", {"name": huge, "kind": "couple"}),
        (f"{API}/relationships/{home}/needs", {"text": huge}),
        (f"{API}/relationships/{home}/ecr-r", {"answers": [4] * 10_000}),
        (f"{API}/relationships/{home}/needs", {"text": "fine", "colour": "blue"}),
    ):
        answer = client.post(path, json=body, headers=sam)
        assert answer.status_code == 422, (path, answer.text)
    bad_kind = client.post(f"{API}/relationships", json={"name": "x", "kind": "pets"}, headers=sam)
    assert bad_kind.status_code == 400
    assert "couple" in bad_kind.json()["detail"]
