"""`newsbridge watch`: conditional GET, teaser pages fetched, back-off, restart-safe, never twice."""
from __future__ import annotations

import pytest

from e2e.recorded_server import GOLDEN, RecordedServer
from newsbridge.ingest.fetch import Fetcher
from newsbridge.ingest.watch import ConfigError, FeedConfig, Watcher, load_feeds, parse_interval
from newsbridge.pipeline import EXTRACT_STAGES
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def server():
    with RecordedServer() as srv:
        rss = (GOLDEN / "rss.xml").read_bytes().replace(b"{BASE}", srv.base.encode())
        srv.conditional("/rss.xml", rss, "application/rss+xml", '"etag-1"')
        srv.file("/articles/observatory.html", "teaser_page.html", "text/html; charset=utf-8")
        yield srv


@pytest.fixture
def ws(tmp_path):
    w = Workspace(load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "w.db"), allow_hosts=("127.0.0.1",)))
    yield w
    w.close()


def watcher(ws, feeds, clock):
    return Watcher(ws, feeds, Fetcher(ws.settings.allow_hosts, total_timeout=10), clock=clock, sleep=lambda s: None,
                   stages=EXTRACT_STAGES)


def test_feeds_watch_ingests_items_then_not_modified(server, ws):
    clock = Clock()
    feed = FeedConfig(server.base + "/rss.xml", interval=600)
    w = watcher(ws, [feed], clock)
    [rep] = w.run_once()
    assert rep.status == "new" and rep.added == 3 and not rep.errors, rep
    assert server.hits["/articles/observatory.html"] == 1          # the teaser item's page was fetched
    assert ws.store.count() == 3
    titles = {d.title for d in ws.store.iter_documents()}
    assert "Observatory opens to visitors" in titles and "Bridge repairs finish early" in titles
    assert w.run_once() == []                                      # not due yet
    clock.t += 601
    [rep2] = w.run_once()
    assert rep2.status == "not_modified" and rep2.added == 0
    assert server.requests[-1][1].get("if-none-match") == '"etag-1"'
    assert ws.store.count() == 3


def test_feeds_watch_restart_keeps_state_and_never_stores_twice(server, ws):
    clock = Clock()
    feed = FeedConfig(server.base + "/rss.xml", interval=600)
    watcher(ws, [feed], clock).run_once()
    n = ws.store.count()
    # a new process: the state comes from the store, so nothing is due and nothing is re-fetched
    w2 = watcher(ws, [feed], clock)
    assert w2.state(feed.url).etag == '"etag-1"' and w2.due() == []
    # the feed changes its ETag but serves the same items: items are recognised, none stored again
    rss = (GOLDEN / "rss.xml").read_bytes().replace(b"{BASE}", server.base.encode())
    server.conditional("/rss.xml", rss, "application/rss+xml", '"etag-2"')
    clock.t += 601
    [rep] = w2.run_once()
    assert rep.status == "new" and rep.added == 0 and rep.skipped == 3
    assert ws.store.count() == n
    assert server.hits["/articles/observatory.html"] == 1


def test_feeds_watch_backs_off_on_errors_and_recovers(server, ws):
    clock = Clock()
    server.bytes("/broken.xml", b"<rss><channel>", "application/rss+xml")
    feed = FeedConfig(server.base + "/broken.xml", interval=100)
    w = watcher(ws, [feed], clock)
    waits = []
    for _ in range(3):
        [rep] = w.run_once()
        assert rep.status == "error"
        st = w.state(feed.url)
        from newsbridge.ingest.watch import _ts
        waits.append(_ts(st.next_poll_at) - clock.t)
        clock.t = _ts(st.next_poll_at)
    assert waits == [200, 400, 800]
    assert w.state(feed.url).failures == 3
    assert any("feed poll failed" in e["reason"] for e in ws.store.errors())
    server.file("/broken.xml", "rss.xml", "application/rss+xml")
    [rep] = w.run_once()
    assert rep.status == "new" and w.state(feed.url).failures == 0


def test_feeds_watch_refuses_feed_pointing_at_private_pages(server, ws, monkeypatch):
    from newsbridge.ingest import fetch as fetch_mod
    real = fetch_mod._getaddrinfo
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", lambda h, p: ["10.0.0.1"] if h.endswith(".test") else real(h, p))
    rss = (GOLDEN / "rss.xml").read_bytes().replace(b"{BASE}", b"http://intranet.test")
    server.bytes("/evil.xml", rss, "application/rss+xml")
    [rep] = watcher(ws, [FeedConfig(server.base + "/evil.xml")], Clock()).run_once()
    assert rep.added == 2                               # the two items carrying their text
    assert len(rep.errors) == 1 and "10.0.0.1" in rep.errors[0]


def test_feeds_watch_xml_bomb_feed_is_an_error_quickly(server, ws):
    import time
    server.file("/bomb.xml", "bomb.xml", "application/rss+xml")
    t0 = time.perf_counter()
    [rep] = watcher(ws, [FeedConfig(server.base + "/bomb.xml")], Clock()).run_once()
    assert rep.status == "error" and "entities" in rep.errors[0]
    assert time.perf_counter() - t0 < 1.0
    assert ws.store.count() == 0


def test_feeds_watch_config(tmp_path):
    p = tmp_path / "feeds.toml"
    p.write_text('[defaults]\ninterval = "15m"\n\n[[feed]]\nurl = "https://a.example/rss"\n\n'
                 '[[feed]]\nurl = "https://b.example/atom"\ninterval = 120\nsource = "B"\nfetch_pages = false\n',
                 encoding="utf-8")
    a, b = load_feeds(p)
    assert (a.interval, b.interval, b.source, b.fetch_pages) == (900, 120, "B", False)
    assert parse_interval("2h") == 7200 and parse_interval(5) == 30     # politeness floor
    p.write_text("[[feed]]\nname = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no url"):
        load_feeds(p)
    with pytest.raises(ConfigError):
        parse_interval("soon")
