"""Push API: outlet keys, every refusal writes nothing, per-key rate limits, hashed storage."""
from __future__ import annotations

import hashlib
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from e2e.corpus import build_workspace
from newsbridge.api.app import create_app
from newsbridge.api.keys import create_key, list_keys, revoke_key, verify_token
from newsbridge.pipeline import EXTRACT_STAGES
from newsbridge.store import schema as s

ARTICLE = {"title": "Council approves new park", "url": "https://tass.example/park",
           "text": "GREENVILLE, May 2 -- The city council approved a new riverside park on Thursday, "
                   "council speaker Anna Ross said. \"It will open next spring,\" Ross said.",
           "published": "2024-05-02", "language": "en"}


@pytest.fixture
def env(tmp_path):
    ws, ids = build_workspace(tmp_path, rate_limit_per_minute=1000, extra={"max_push_bytes": 20_000})
    app = create_app(ws.settings, ws, stages=EXTRACT_STAGES)
    _, tass = create_key(ws.store, "TASS")
    _, xinhua = create_key(ws.store, "Xinhua")
    revoked, revoked_token = create_key(ws.store, "TASS")
    revoke_key(ws.store, revoked.id)
    with TestClient(app) as client:
        yield {"ws": ws, "client": client, "tass": tass, "xinhua": xinhua, "revoked": revoked_token}
    ws.close()


def written(ws) -> tuple[int, ...]:
    """Everything a push could write: documents, blobs, layers, origins, errors."""
    with ws.store.engine.connect() as c:
        return tuple(c.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (s.documents, s.blobs, s.annotations, s.origins, s.ingest_errors, s.facets))


def push(client, body, token=None, **headers):
    if token:
        headers["X-API-Key"] = token
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    return client.post("/api/v1/articles", content=body, headers={"Content-Type": "application/json", **headers})


@pytest.mark.parametrize("case, status, code", [
    ("no key", 401, "key_missing"),
    ("malformed key", 401, "key_malformed"),
    ("unknown key", 401, "key_unknown"),
    ("revoked key", 401, "key_revoked"),
    ("other outlet", 403, "wrong_outlet"),
    ("malformed json", 422, "malformed_json"),
    ("json array", 422, "malformed_json"),
    ("no body text", 422, "invalid_article"),
    ("unknown field", 422, "invalid_article"),
    ("oversized", 413, "too_large"),
    ("oversized chunked", 413, "too_large"),
])
def test_api_push_refusals_write_nothing(env, case, status, code):
    ws, client, tass = env["ws"], env["client"], env["tass"]
    before = written(ws)
    token, body, headers = tass, dict(ARTICLE), {}
    if case == "no key":
        token = None
    elif case == "malformed key":
        token = "hello"
    elif case == "unknown key":
        token = tass[:-4] + ("AAAA" if not tass.endswith("AAAA") else "BBBB")
    elif case == "revoked key":
        token = env["revoked"]
    elif case == "other outlet":
        body["source"] = "Xinhua"
    elif case == "malformed json":
        body = b'{"title": "x", "text": "unterminated'
    elif case == "json array":
        body = [ARTICLE]
    elif case == "no body text":
        body.pop("text")
    elif case == "unknown field":
        body["sauce"] = "TASS"
    elif case == "oversized":
        body["text"] = "word " * 10_000
    if case == "oversized chunked":
        data = json.dumps({**ARTICLE, "text": "word " * 10_000}).encode()
        r = client.post("/api/v1/articles", content=iter([data[i:i + 4096] for i in range(0, len(data), 4096)]),
                        headers={"X-API-Key": tass, "Content-Type": "application/json"})
        assert "content-length" not in {k.lower() for k in r.request.headers}
    else:
        r = push(client, body, token, **headers)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    if status == 401:
        assert "www-authenticate" in {k.lower() for k in r.headers}
    assert written(ws) == before


def test_api_push_stores_as_the_outlet_once(env):
    ws, client = env["ws"], env["client"]
    n = ws.store.count()
    r = push(client, ARTICLE, env["tass"])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["outlet"] == "TASS" and not body["duplicate"]
    doc = ws.store.get(body["ids"][0])
    assert doc.source == "TASS" and doc.meta["pushed_by"] == "TASS" and "riverside park" in doc.text
    assert ws.store.count() == n + 1
    # the outlet may name itself (any case/spacing); the same article again is stored once
    r2 = push(client, {**ARTICLE}, env["tass"])
    assert r2.status_code == 200 and r2.json()["duplicate"] and r2.json()["ids"] == body["ids"]
    r3 = push(client, {**ARTICLE, "source": " tass ", "url": "https://tass.example/park2"}, env["tass"])
    assert r3.status_code == 201
    assert ws.store.count() == n + 2
    # searchable right away, through the API
    hits = client.get("/api/v1/search", params={"q": "riverside park", "source": "TASS"}).json()["hits"]
    assert {h["id"] for h in hits} >= set(body["ids"])


def test_api_push_bearer_header_accepted(env):
    r = env["client"].post("/api/v1/articles", json={**ARTICLE, "url": "https://x.example/b"},
                           headers={"Authorization": f"Bearer {env['xinhua']}"})
    assert r.status_code == 201 and r.json()["outlet"] == "Xinhua"


def test_api_push_rate_limit_per_key(tmp_path):
    ws, _ = build_workspace(tmp_path, rate_limit_per_minute=2)
    _, a = create_key(ws.store, "TASS")
    _, b = create_key(ws.store, "Xinhua")
    with TestClient(create_app(ws.settings, ws, stages=EXTRACT_STAGES)) as client:
        codes = [push(client, b"{", a).status_code for _ in range(3)]
        assert codes == [422, 422, 429]
        limited = push(client, b"{", a)
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        assert push(client, b"{", b).status_code == 422          # another key has its own bucket
    ws.close()


def test_api_keys_stored_hashed_and_revocable(tmp_path):
    ws, _ = build_workspace(tmp_path)
    key, token = create_key(ws.store, "Kyodo")
    with ws.store.engine.connect() as c:
        rows = [dict(r._mapping) for r in c.execute(select(s.api_keys))]
    assert all(token not in json.dumps(r) for r in rows)
    assert rows[0]["key_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert verify_token(ws.store, token)[1] == "ok"
    assert verify_token(ws.store, token + "x")[1] in ("unknown", "malformed")
    revoke_key(ws.store, key.id)
    assert verify_token(ws.store, token)[1] == "revoked"
    assert [k.active for k in list_keys(ws.store)] == [False]
    ws.close()


def test_api_read_key_required_setting(tmp_path):
    ws, ids = build_workspace(tmp_path, read_key_required=True)
    _, token = create_key(ws.store, "Reader", ("read",))
    with TestClient(create_app(ws.settings, ws, stages=EXTRACT_STAGES)) as client:
        for path in ("/api/v1/search", f"/api/v1/articles/{ids['origin']}", "/search", "/search.json",
                     f"/article/{ids['origin']}", "/network.json", "/api/v1/feeds/search.atom"):
            assert client.get(path).status_code == 401, path
            assert client.get(path, headers={"X-API-Key": token}).status_code == 200, path
        assert client.get("/api/v1/feeds/search.atom", params={"key": token}).status_code == 200
        # a read-only key cannot publish
        r = push(client, ARTICLE, token)
        assert r.status_code == 403 and r.json()["error"]["code"] == "scope"
    ws.close()
