"""RSS / Atom / RDF / JSON Feed parsing, and hostile feeds refused fast."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from e2e.recorded_server import GOLDEN
from newsbridge.ingest.feeds import FeedError, iter_feed_file_items, looks_like_feed, parse_date, parse_feed
from newsbridge.ingest.files import InputError, RawItem


def test_feeds_rss2_items_with_content_and_dates():
    feed = parse_feed((GOLDEN / "rss.xml").read_bytes())
    assert feed.kind == "rss" and feed.title == "Valley Post" and feed.language == "en"
    assert [i.title for i in feed.items] == ["Bridge repairs finish early", "Observatory opens to visitors",
                                             "Library extends opening hours & adds reading rooms"]
    bridge, obs, lib = feed.items
    assert bridge.id == "vp-1001" and bridge.author == "Lena Ortz"
    assert bridge.published == "2024-04-01T06:00:00+00:00"
    assert bridge.content.startswith("<p>RIVERTON") and bridge.body == bridge.content
    assert obs.content is None and obs.body == "The restored observatory opened on Monday."
    assert lib.content.startswith("<p>MILLBROOK")           # escaped HTML comes back as HTML


def test_feeds_atom_xhtml_and_html_summary():
    feed = parse_feed((GOLDEN / "atom.xml").read_bytes())
    assert feed.kind == "atom" and feed.link == "https://herald.example.org/" and feed.language == "en"
    first, second = feed.items
    assert first.url == "https://herald.example.org/trade-talks"        # rel=alternate, not the enclosure
    assert "<p>PORTVALE" in first.content and first.author == "Staff reporter"
    assert first.published == "2024-03-12T09:30:00+00:00"
    assert second.url == "https://herald.example.org/ferry" and second.summary == "<p>The summer ferry timetable starts in May.</p>"
    assert second.published == "2024-03-13T06:00:00+00:00"


def test_feeds_rss1_rdf():
    feed = parse_feed((GOLDEN / "rdf.xml").read_bytes())
    assert feed.kind == "rdf" and len(feed.items) == 1
    item = feed.items[0]
    assert item.url == "https://old.example.net/1" and item.published == "2024-02-20T06:00:00+00:00"


def test_feeds_json_feed_tolerates_odd_items():
    feed = parse_feed((GOLDEN / "feed.json").read_bytes())
    assert feed.kind == "jsonfeed" and len(feed.items) == 2
    html_item, text_item = feed.items
    assert html_item.author == "Ravi Tamm" and html_item.content_is_html
    assert text_item.id == "2" and not text_item.content_is_html
    assert text_item.to_record()["text"].startswith("A plain text body")


def test_feeds_xml_bomb_refused_within_one_second():
    raw = (GOLDEN / "bomb.xml").read_bytes()
    t0 = time.perf_counter()
    with pytest.raises(FeedError, match="entities"):
        parse_feed(raw)
    assert time.perf_counter() - t0 < 1.0


def test_feeds_external_entity_refused():
    with pytest.raises(FeedError, match="entities or external"):
        parse_feed((GOLDEN / "xxe.xml").read_bytes())


def test_feeds_oversized_refused_before_parsing():
    big = b"<rss><channel><title>x</title>" + b"<item><title>y</title></item>" * 10 + b" " * 2000 + b"</channel></rss>"
    with pytest.raises(FeedError, match="over the"):
        parse_feed(big, max_bytes=1000)


@pytest.mark.parametrize("raw, why", [(b"", "empty"), (b"<html><body>hi</body></html>", "not a feed"),
                                      (b"<rss><channel>", "well-formed"), (b'{"items": []}', "JSON Feed"),
                                      (b"<rss version='2.0'></rss>", "channel"), (b"{not json", "not JSON")])
def test_feeds_non_feeds_refused_with_reason(raw, why):
    with pytest.raises(FeedError, match=why):
        parse_feed(raw)


def test_feeds_dates():
    assert parse_date("Tue, 02 Apr 2024 10:15:00 GMT") == "2024-04-02T10:15:00+00:00"
    assert parse_date("2024-04-02") == "2024-04-02T00:00:00"
    assert parse_date("2024-04-02T10:15:00Z") == "2024-04-02T10:15:00+00:00"
    assert parse_date("yesterday-ish") is None and parse_date(None) is None


def test_feeds_sniff():
    assert looks_like_feed((GOLDEN / "rss.xml").read_bytes())
    assert looks_like_feed((GOLDEN / "feed.json").read_bytes())
    assert looks_like_feed(b"<x/>", "application/atom+xml")
    assert not looks_like_feed((GOLDEN / "page_en.html").read_bytes(), "text/html")


def test_feeds_file_items_are_records(tmp_path):
    p = tmp_path / "valley.rss"
    p.write_bytes((GOLDEN / "rss.xml").read_bytes().replace(b"{BASE}", b"https://valley.example.org"))
    items = list(iter_feed_file_items(p, 10_000_000))
    assert all(isinstance(i, RawItem) for i in items) and len(items) == 3
    assert items[0].kind == "record" and items[0].url == "https://valley.example.org/articles/bridge.html"
    assert items[0].meta["source"] == "Valley Post" and items[0].origin.endswith("#1")
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes((GOLDEN / "bomb.xml").read_bytes())
    [err] = list(iter_feed_file_items(bomb, 10_000_000))
    assert isinstance(err, InputError) and "entities" in err.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: ("<rss><channel>" + t).encode("utf-8", "replace")))
def test_feeds_parser_never_crashes(raw):
    try:
        feed = parse_feed(raw)
    except FeedError:
        return
    assert feed.kind in ("rss", "rdf", "atom", "jsonfeed")
