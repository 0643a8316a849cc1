"""REST reads: one view dict behind the page and its JSON twin; feeds out with the same filters."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from e2e.corpus import build_workspace
from newsbridge.api.app import create_app
from newsbridge.ingest.feeds import parse_feed


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    ws, ids = build_workspace(tmp_path_factory.mktemp("read"))
    with TestClient(create_app(ws.settings, ws)) as client:
        yield client, ids
    ws.close()


def _same(a: dict, b: dict) -> None:
    a, b = dict(a), dict(b)
    a.pop("took_ms", None), b.pop("took_ms", None)
    assert a == b


def test_api_search_filters_and_facets(env):
    client, ids = env
    r = client.get("/api/v1/search", params={"q": "Putin"})
    assert r.status_code == 200
    v = r.json()
    assert v["total"] >= 3 and {ids["origin"], ids["reprint"], ids["forum"]} <= {h["id"] for h in v["hits"]}
    assert any(s["match"] for h in v["hits"] for s in h["snippet_segments"])
    langs = {f["value"]: f["count"] for f in v["facets"]["lang"]}
    assert langs.get("en", 0) >= 3
    ru = client.get("/api/v1/search", params={"lang": "ru"}).json()
    assert [h["id"] for h in ru["hits"]] == [ids["ru"]]
    forum = client.get("/api/v1/search", params={"event_type": "forum"}).json()
    assert [h["id"] for h in forum["hits"]] == [ids["forum"]]
    by_person = client.get("/api/v1/search", params={"person": "Li Shulei"}).json()
    assert [h["id"] for h in by_person["hits"]] == [ids["forum"]]
    dated = client.get("/api/v1/search", params={"since": "2024-06-01", "until": "2024-06-30"}).json()
    assert [h["id"] for h in dated["hits"]] == [ids["forum"]]


def test_api_every_page_has_the_same_json(env):
    client, ids = env
    _same(client.get("/search.json", params={"q": "Putin", "lang": "en"}).json(),
          client.get("/api/v1/search", params={"q": "Putin", "lang": "en"}).json())
    assert client.get(f"/article/{ids['origin']}.json").json() == client.get(f"/api/v1/articles/{ids['origin']}").json()
    assert client.get("/actor/xi%20jinping.json").json() == client.get("/api/v1/entities/xi%20jinping").json()
    assert client.get("/timeline.json").json() == client.get("/api/v1/events").json()
    assert client.get("/network.json").json() == client.get("/api/v1/network").json()


def test_api_article_evidence_story_links(env):
    client, ids = env
    v = client.get(f"/api/v1/articles/{ids['origin']}").json()
    assert v["article"]["source"] == "Xinhua"
    assert {p["name"] for p in v["people"]} == {"Xi Jinping", "Vladimir Putin"}
    assert v["quotes"][0]["speaker"] == "Vladimir Putin"
    assert {e["type"] for e in v["events"]} == {"meeting", "agreement"}
    assert [b["kind"] for b in v["blocks"]].count("boilerplate") == 1
    assert "Subscribe" in "".join(s["text"] for b in v["blocks"] if b["kind"] == "boilerplate" for s in b["segments"])
    # the blocks give back the whole text, in order
    doc_text = "".join(s["text"] for b in v["blocks"] for s in b["segments"])
    assert doc_text.startswith("Xi Jinping meets") and "Putin said after the talks" in doc_text
    assert v["story"]["origin"]["id"] == ids["origin"] and v["story"]["role_here"] == "origin"
    assert {m["role"] for m in v["story"]["members"]} == {"origin", "reprint", "translation"}
    assert {(l["kind"], l["other"]["id"]) for l in v["links"]} == {
        ("reprint", ids["reprint"]), ("translation", ids["ru"]), ("translation", ids["zh"])}
    reprint = client.get(f"/api/v1/articles/{ids['reprint']}").json()
    assert reprint["story"]["role_here"] == "reprint" and reprint["story"]["origin"]["id"] == ids["origin"]


def test_api_actor_across_scripts(env):
    client, ids = env
    v = client.get("/api/v1/entities/xi jinping").json()
    names = {n["name"]: n["script"] for n in v["names"]}
    assert names["习近平"] == "Han" and names["Си Цзиньпин"] == "Cyrillic" and names["Xi Jinping"] == "Latin"
    assert {n["name"]: n["articles"] for n in v["names"]}["Xi"] == 1      # the alias, where it is written
    assert v["met"][0]["key"] == "vladimir putin" and v["met"][0]["events"] == 2      # talks + agreement, reprints once
    assert {r["role"] for r in v["roles"]} >= {"President", "国家主席", "председатель"}
    assert v["actor"]["articles"] == 4 and v["actor"]["linked"]
    assert v["named_with"] == [{"key": "vladimir putin", "name": "Vladimir Putin", "href": "/actor/vladimir%20putin",
                                "articles": 4}]
    # by any of its names
    assert client.get("/api/v1/entities/习近平").json()["actor"]["key"] == "xi jinping"
    # an unlinked actor found through facets
    li = client.get("/api/v1/entities/Li Shulei").json()
    assert not li["actor"]["linked"] and {m["name"] for m in li["met"]} == {"Dmitry Chernyshenko", "Vladimir Putin"}
    putin = client.get("/api/v1/entities/vladimir putin").json()
    assert putin["quotes"] and {q["doc_id"] for q in putin["quotes"]} == {ids["origin"], ids["ru"]}
    assert client.get("/api/v1/entities/nobody at all").status_code == 404


def test_api_lists(env):
    client, ids = env
    ents = client.get("/api/v1/entities").json()
    assert ents["linked"] and ents["entities"][0]["key"] == "vladimir putin"
    quotes = client.get("/api/v1/quotes", params={"speaker": "Vladimir Putin"}).json()["quotes"]
    assert {q["doc_id"] for q in quotes} == {ids["origin"]}
    events = client.get("/api/v1/events", params={"person": "Li Shulei"}).json()
    assert [e["type"] for e in events["events"]] == ["forum"]
    assert client.get("/api/v1/links", params={"kind": "reprint"}).json()["links"][0]["b"] == ids["reprint"]
    story = client.get("/api/v1/stories/s1").json()
    assert [m["role"] for m in story["members"]] == ["origin", "translation", "translation", "reprint"]
    assert client.get("/api/v1/stories/nope").status_code == 404
    net = client.get("/api/v1/network").json()
    assert {"xi jinping", "vladimir putin", "Li Shulei"} <= {n["key"] for n in net["nodes"]}
    edge = next(e for e in net["edges"] if {e["a"], e["b"]} == {"xi jinping", "vladimir putin"})
    assert edge["weight"] == 2
    assert all(0 <= n["x"] <= net["width"] and 0 <= n["y"] <= net["height"] for n in net["nodes"])
    assert client.get("/api/v1/stats").json()["articles"] == 6


def test_api_feeds_out_round_trip_with_filters(env):
    client, ids = env
    atom = client.get("/api/v1/feeds/search.atom", params={"q": "Putin", "lang": "en"})
    assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")
    feed = parse_feed(atom.content)
    assert feed.kind == "atom" and "Putin" in feed.title
    assert {i.id for i in feed.items} == {f"urn:newsbridge:{ids[k]}" for k in ("origin", "reprint", "forum")}
    assert all(i.url.startswith("http://testserver/article/") for i in feed.items)
    jf = client.get("/api/v1/feeds/search.json", params={"lang": "ru"})
    feed = parse_feed(jf.content)
    assert feed.kind == "jsonfeed" and [i.id for i in feed.items] == [ids["ru"]]
    # hostile text stays text in feeds (and the XML stays well-formed)
    hostile = parse_feed(client.get("/api/v1/feeds/search.atom", params={"q": "Hostile"}).content)
    assert hostile.items[0].title.startswith("Hostile <script>")


def test_api_errors_and_openapi(env):
    client, _ = env
    assert client.get("/api/v1/articles/doesnotexist").json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/search", params={"limit": 0}).status_code == 422
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/search", "/api/v1/articles", "/api/v1/articles/{doc_id}", "/api/v1/entities",
                 "/api/v1/events", "/api/v1/quotes", "/api/v1/links", "/api/v1/stories/{story_id}",
                 "/api/v1/feeds/search.atom", "/api/v1/feeds/search.json", "/search", "/article/{doc_id}"):
        assert path in spec["paths"], path
    body = spec["paths"]["/api/v1/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "text" in body["properties"] and body["additionalProperties"] is False
    r = client.get("/search")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("params, bad", [
    ({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"limit": "ten"}, "limit"), ({"limit": "1_0"}, "limit"),
    ({"offset": -1}, "offset"), ({"facets": "maybe"}, "facets"), ({"q": "w" * 501}, "q"),
    ({"lang": "x" * 17}, "lang"), ({"person": "p" * 301, "limit": 0}, "person"),
])
def test_api_search_parameters_read_by_hand_are_validated(env, params, bad):
    """The hot routes read their query parameters themselves: the same 422s FastAPI would give."""
    client, _ = env
    r = client.get("/api/v1/search", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "invalid_request" and bad in {e["loc"][-1] for e in err["errors"]}
    assert client.get("/api/v1/feeds/search.json", params={k: v for k, v in params.items() if k not in ("limit", "offset", "facets")} or {"limit": 0}).status_code == 422


def test_api_search_parameters_take_their_values(env):
    client, _ = env
    full = client.get("/api/v1/search", params={"q": "", "limit": "3", "offset": "+1", "facets": "FALSE"}).json()
    assert (full["limit"], full["offset"], full["facets"]) == (3, 1, {}) and len(full["hits"]) <= 3
    with_facets = client.get("/api/v1/search", params={"limit": 100, "facets": "on"}).json()
    assert with_facets["limit"] == 100 and with_facets["facets"]["lang"]
    spec = client.get("/openapi.json").json()["paths"]["/api/v1/search"]["get"]["parameters"]
    by_name = {p["name"]: p["schema"] for p in spec}
    assert by_name["limit"] == {"type": "integer", "default": 20, "minimum": 1, "maximum": 100}
    assert by_name["q"]["maxLength"] == 500 and by_name["facets"]["type"] == "boolean"


def test_every_route_with_the_shared_filters_documents_them(env):
    """The filters are read by hand, so FastAPI cannot see them: each route that depends on
    them must carry FILTERS_OPENAPI, or its OpenAPI entry would silently lose the parameters."""
    from fastapi.routing import APIRoute

    from newsbridge.api.deps import FILTER_PARAMS, filters
    client, _ = env
    spec = client.get("/openapi.json").json()["paths"]
    wanted = {p.name for p in FILTER_PARAMS}
    checked = 0
    from newsbridge.api import routes_api, routes_web
    for route in [*routes_api.router.routes, *routes_web.router.routes]:
        if isinstance(route, APIRoute) and any(d.call is filters for d in route.dependant.dependencies):
            for method in route.methods:
                documented = {p["name"] for p in spec[route.path][method.lower()].get("parameters", [])}
                assert wanted <= documented, (route.path, wanted - documented)
                checked += 1
    assert checked >= 11


def test_api_and_page_mark_estimated_facet_counts(env, monkeypatch):
    """Beyond the exact-count limit the page says its counts are estimates and links to exact ones."""
    from newsbridge.search.index import SearchIndex
    client, _ = env
    exact = client.get("/api/v1/search", params={"q": ""}).json()
    assert exact["facet_sample"] is None and exact["exact_facets_href"] is None
    monkeypatch.setattr(SearchIndex, "exact_facet_matches", 2)
    monkeypatch.setattr(SearchIndex, "facet_sample_docs", 1)
    sampled = client.get("/api/v1/search", params={"q": ""}).json()
    assert sampled["total"] == exact["total"] > 2
    assert 0 < sampled["facet_sample"] < 1
    assert sampled["exact_facets_href"] == "/search?exact_facets=true"
    assert all(f["count"] <= sampled["total"] for vals in sampled["facets"].values() for f in vals)
    page = client.get("/search", params={"q": ""}).text
    assert 'id="facet-note"' in page and "≈" in page and 'href="/search?exact_facets=true"' in page
    again = client.get("/api/v1/search", params={"q": "", "exact_facets": "true"}).json()
    counts = lambda v: {k: [(f["value"], f["count"]) for f in vals] for k, vals in v["facets"].items()}  # noqa: E731
    assert again["facet_sample"] is None and counts(again) == counts(exact)
    assert 'id="facet-note"' not in client.get("/search", params={"q": "", "exact_facets": "true"}).text


def test_exact_facet_counts_stay_on_for_the_links_of_the_page(env):
    client, _ = env
    v = client.get("/api/v1/search", params={"q": "", "limit": 1, "offset": 1, "exact_facets": "true"}).json()
    assert v["next"].endswith("exact_facets=true") and v["prev"].endswith("exact_facets=true")
    assert all(f["href"].endswith("exact_facets=true") for vals in v["facets"].values() for f in vals)
    plain = client.get("/api/v1/search", params={"q": "", "limit": 1, "offset": 1}).json()
    assert "exact_facets" not in plain["next"] + plain["prev"]
    assert client.get(v["next"]).status_code == 200
