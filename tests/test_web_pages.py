"""Server-rendered pages: content, facets, htmx partials, and hostile text always escaped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from e2e.corpus import build_workspace
from newsbridge.api.app import create_app


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    ws, ids = build_workspace(tmp_path_factory.mktemp("web"))
    with TestClient(create_app(ws.settings, ws)) as client:
        yield client, ids
    ws.close()


class Tags(HTMLParser):
    """Every start tag with its attributes, as the browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    p = Tags()
    p.feed(html)
    return p.tags


def test_web_search_page_with_facets(env):
    client, ids = env
    html = client.get("/search", params={"q": "Putin"}).text
    assert 'id="total">3<' in html
    assert "<mark>Putin</mark>" in html
    for facet in ("lang", "source", "person", "org", "place", "event_type", "date"):
        assert f'data-facet="{facet}"' in html, facet
    assert 'href="/search?q=Putin&amp;event_type=forum"' in html
    assert "/api/v1/feeds/search.atom?q=Putin" in html


def test_web_search_htmx_swaps_facets_with_results(env):
    client, _ = env
    html = client.get("/search", params={"q": "forum"}).text
    # the search form swaps the block holding both facets and results, so facets follow the query
    m = re.search(r'<div class="search-layout" id="search-layout">(.*)</main>', html, re.S)
    assert m and 'id="facets"' in m.group(1) and 'id="results"' in m.group(1)
    assert 'hx-target="#search-layout"' in html and 'hx-select="#search-layout"' in html


def test_web_article_page_highlights_and_story(env):
    client, ids = env
    html = client.get(f"/article/{ids['origin']}").text
    assert re.search(r'<a class="seg m-person" href="/actor/xi%20jinping" title="person: Xi Jinping">Xi Jinping</a>', html)
    assert 'class="seg m-quote"' in html and "speaker: Vladimir Putin" in html
    assert 'class="seg m-event"' in html
    assert re.search(r'<details class="boilerplate"><summary>boilerplate: subscribe</summary><div class="bp-text">'
                     r'Subscribe to our newsletter', html)
    assert 'id="story"' in html and "translation" in html and "reprint" in html
    assert f'href="/article/{ids["reprint"]}"' in html and f'href="/article/{ids["ru"]}"' in html


def test_web_actor_timeline_network_pages(env):
    client, ids = env
    actor = client.get("/actor/xi%20jinping").text
    assert "习近平" in actor and "Си Цзиньпин" in actor and 'href="/actor/vladimir%20putin"' in actor
    timeline = client.get("/timeline").text
    # 7 event spans, 4 events: the Beijing talks are one row with their 4 reports (en, reprint, zh, ru)
    assert 'id="count">4<' in timeline and "<svg class=\"chart\"" in timeline and "2024-05" in timeline
    talks = re.search(r"<li class=\"event type-meeting\"><time>2024-05-16</time>.*?</li>", timeline, re.S).group(0)
    assert "4 reports:" in talks and all(f'href="/article/{ids[k]}"' in talks for k in ("origin", "reprint", "ru", "zh"))
    assert re.search(r"talks · Beijing with <a href=\"/actor/vladimir%20putin\">", actor)   # spaced, one row
    assert actor.count("<strong>meeting</strong> talks") == 1
    net = client.get("/network").text
    assert '<a href="/actor/xi%20jinping" class="node"' in net
    assert re.search(r"<line [^>]*stroke-width", net)


def test_web_hostile_article_is_inert(env):
    client, ids = env
    for path in (f"/article/{ids['hostile']}", "/search?q=Hostile", "/network", "/timeline",
                 "/actor/Mallory%20%3Cb%20onmouseover%3Dalert(4)%3EEvil%3C%2Fb%3E"):
        r = client.get(path)
        assert r.status_code == 200, path
        found = tags(r.text)
        scripts = [a for t, a in found if t == "script"]
        assert scripts == [{"src": "/static/htmx-2.0.11.min.js", "defer": None}], (path, scripts)
        for t, attrs in found:
            assert not any(k.startswith("on") for k in attrs), (path, t, attrs)
            assert t not in ("img", "iframe", "b", "i", "svg") or (t == "svg" and path in ("/network", "/timeline")), (path, t)
            for k in ("href", "src"):
                assert not (attrs.get(k) or "").lower().startswith("javascript:"), (path, t, attrs)
    page = client.get(f"/article/{ids['hostile']}").text
    assert "&lt;script&gt;window.__pwned=2" in page and "&lt;img src=x onerror=" in page


def test_web_error_pages(env):
    client, _ = env
    r = client.get("/article/nope")
    assert r.status_code == 404 and "<h1>404</h1>" in r.text
    assert client.get("/article/nope.json").json()["error"]["code"] == "not_found"
    assert client.get("/", follow_redirects=False).headers["location"] == "/search"
