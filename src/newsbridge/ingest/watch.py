"""``newsbridge watch FEEDS.toml``: poll feeds on a schedule and ingest what is new.

FEEDS.toml::

    [defaults]
    interval = "15m"          # seconds, or 90s / 15m / 2h
    fetch_pages = true        # fetch the article page when an item carries only a teaser

    [[feed]]
    url = "https://example.org/rss.xml"
    source = "Example News"   # optional: the outlet its articles are credited to
    interval = "10m"          # optional, per feed

Each poll is a conditional GET (If-None-Match / If-Modified-Since from the last answer); a
304 costs nothing. Errors back off exponentially (interval x 2^failures, at most
``MAX_BACKOFF``). The ETag, Last-Modified, failure count and next poll time live in the
store's ``feed_state`` table, written after every poll, so a restarted watcher carries on
where it stopped. Items whose URL is already stored are skipped before any fetch, and the
workspace stores the same bytes only once, so no article is ever stored twice.
"""
from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from ..store import schema as s
from .feeds import FeedError, FeedItem, parse_feed
from .fetch import FetchError, Fetcher
from .files import InputError, record_item

DEFAULT_INTERVAL = 900.0            # seconds between polls of one feed
MIN_INTERVAL = 30.0                 # politeness floor
MAX_BACKOFF = 6 * 3600.0            # a failing feed is still tried every 6 hours
MAX_ITEMS_PER_POLL = 100            # newest items considered per poll
MIN_CONTENT_CHARS = 400             # an item body shorter than this is a teaser: fetch the page
_TAGS = re.compile(r"<[^>]+>")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)


class ConfigError(ValueError):
    """FEEDS.toml cannot be used as written."""


def parse_interval(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value))
        if not m:
            raise ConfigError(f"interval {value!r} is not a duration like 900, 90s, 15m or 2h")
        seconds = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2).lower()]
    return max(MIN_INTERVAL, seconds)


@dataclass
class FeedConfig:
    url: str
    interval: float = DEFAULT_INTERVAL
    source: str | None = None
    fetch_pages: bool = True


def load_feeds(path: str | Path) -> list[FeedConfig]:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML ({exc})") from None
    defaults = data.get("defaults", {})
    feeds = data.get("feed") or data.get("feeds") or []
    if not isinstance(feeds, list) or not feeds:
        raise ConfigError(f"{p}: no [[feed]] entries")
    out, seen = [], set()
    for i, f in enumerate(feeds, 1):
        if not isinstance(f, dict) or not isinstance(f.get("url"), str) or not f["url"].strip():
            raise ConfigError(f"{p}: feed #{i} has no url")
        url = f["url"].strip()
        if url in seen:
            continue
        seen.add(url)
        out.append(FeedConfig(url=url, interval=parse_interval(f.get("interval", defaults.get("interval", DEFAULT_INTERVAL))),
                              source=f.get("source") or defaults.get("source"),
                              fetch_pages=bool(f.get("fetch_pages", defaults.get("fetch_pages", True)))))
    return out


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


def _ts(iso: str | None) -> float:
    if not iso:
        return 0.0
    try:
        return datetime.fromisoformat(iso).timestamp()
    except ValueError:
        return 0.0


@dataclass
class FeedState:
    feed_url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    failures: int = 0
    next_poll_at: str | None = None


@dataclass
class PollReport:
    feed: str
    status: str                       # new | not_modified | error
    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    next_poll_at: str | None = None


class Watcher:
    """Polls feeds into a workspace; ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(self, ws, feeds: list[FeedConfig], fetcher: Fetcher | None = None, *,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep,
                 log: Callable[[str], None] | None = None, stages: tuple[str, ...] | None = None) -> None:
        from ..pipeline import DEFAULT_STAGES
        self.ws = ws
        self.stages = tuple(stages or DEFAULT_STAGES)
        self.store = ws.store
        self.feeds = feeds
        self.fetcher = fetcher or Fetcher.from_settings(ws.settings)
        self.clock = clock
        self.sleep = sleep
        self.log = log or (lambda msg: None)
        self.stopped = False

    # -- state ------------------------------------------------------------------------------------
    def state(self, url: str) -> FeedState:
        with self.store.engine.connect() as c:
            r = c.execute(select(s.feed_state).where(s.feed_state.c.feed_url == url)).first()
        if r is None:
            return FeedState(url)
        return FeedState(r.feed_url, r.etag, r.last_modified, r.last_polled, r.failures or 0, r.next_poll_at)

    def save_state(self, st: FeedState) -> None:
        from sqlalchemy.dialects import postgresql, sqlite
        ins = (postgresql.insert if self.store.is_postgres else sqlite.insert)(s.feed_state)
        values = {"feed_url": st.feed_url, "etag": st.etag, "last_modified": st.last_modified,
                  "last_polled": st.last_polled, "failures": st.failures, "next_poll_at": st.next_poll_at}
        self.store.execute(ins.values(**values).on_conflict_do_update(
            index_elements=["feed_url"], set_={k: v for k, v in values.items() if k != "feed_url"}))

    def _known_url(self, url: str) -> bool:
        d, o = s.documents, s.origins
        with self.store.engine.connect() as c:
            if c.execute(select(d.c.id).where(d.c.url == url).limit(1)).first():
                return True
            return c.execute(select(o.c.doc_id).where(o.c.origin == url).limit(1)).first() is not None

    # -- polling ----------------------------------------------------------------------------------
    def due(self, now: float | None = None) -> list[FeedConfig]:
        now = self.clock() if now is None else now
        return [f for f in self.feeds if _ts(self.state(f.url).next_poll_at) <= now]

    def poll(self, feed: FeedConfig) -> PollReport:
        st = self.state(feed.url)
        now = self.clock()
        st.last_polled = _iso(now)
        try:
            res = self.fetcher.fetch(feed.url, etag=st.etag, last_modified=st.last_modified,
                                     accept="application/rss+xml, application/atom+xml, application/feed+json, "
                                            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
            if res.not_modified:
                report = PollReport(feed.url, "not_modified")
            else:
                report = self.ingest_feed(feed, res.content)
                st.etag, st.last_modified = res.etag, res.last_modified
            st.failures = 0
            st.next_poll_at = _iso(now + feed.interval)
        except (FetchError, FeedError) as exc:
            st.failures += 1
            wait = min(MAX_BACKOFF, feed.interval * (2 ** st.failures))
            st.next_poll_at = _iso(now + wait)
            report = PollReport(feed.url, "error", errors=[str(exc)])
            self.store.record_error(feed.url, f"feed poll failed ({st.failures} in a row): {exc}")
        report.next_poll_at = st.next_poll_at
        self.save_state(st)
        self.log(f"{feed.url}: {report.status}, added {report.added}, known {report.skipped}, "
                 f"errors {len(report.errors)}; next poll {report.next_poll_at}")
        return report

    def ingest_feed(self, feed: FeedConfig, content: bytes) -> PollReport:
        """Ingest the new items of feed bytes already fetched (raises FeedError when unreadable)."""
        parsed = parse_feed(content)
        report = PollReport(feed.url, "new")
        self._ingest_items(feed, parsed.title, parsed.items, report)
        return report

    def _ingest_items(self, feed: FeedConfig, feed_title: str | None, items: list[FeedItem], report: PollReport) -> None:
        source = feed.source
        for item in items[:MAX_ITEMS_PER_POLL]:
            if self.stopped:
                break
            if item.url and self._known_url(item.url):
                report.skipped += 1
                continue
            meta = {k: v for k, v in {"title": item.title, "published": item.published, "author": item.author,
                                      "language": item.language, "source": source, "feed": feed_title or feed.url}.items() if v}
            body_chars = len(_TAGS.sub(" ", item.body or "").strip())
            try:
                if item.url and feed.fetch_pages and body_chars < MIN_CONTENT_CHARS:
                    page = self.fetcher.fetch(item.url)
                    if page.charset:
                        meta["charset"] = page.charset
                    rep = self.ws.ingest_bytes(page.content, item.url, kind="html", url=page.final_url, meta=meta,
                                               stages=self.stages)
                elif item.body:
                    raw = record_item(item.to_record(source=source), item.url or f"{feed.url}#{item.id or item.title}")
                    raw.meta.update(meta)
                    rep = self.ws.ingest_items([raw], stages=self.stages)
                else:
                    raise InputError(item.url or feed.url, "item has no text and no link")
            except (FetchError, InputError) as exc:
                report.errors.append(str(exc))
                self.store.record_error(item.url or feed.url, f"feed item: {exc}")
                continue
            report.added += rep.added
            report.skipped += rep.skipped
            report.errors += rep.errors

    def run_once(self) -> list[PollReport]:
        """Poll every feed that is due now."""
        reports = []
        for feed in self.due():
            if self.stopped:
                break
            reports.append(self.poll(feed))
        return reports

    def run(self, *, max_polls: int | None = None) -> None:
        """Poll due feeds, sleep until the next one is due, repeat until ``stop()``."""
        polls = 0
        while not self.stopped:
            polls += len(self.run_once())
            if max_polls is not None and polls >= max_polls:
                return
            now = self.clock()
            nxt = min((_ts(self.state(f.url).next_poll_at) for f in self.feeds), default=now + DEFAULT_INTERVAL)
            remaining = max(1.0, nxt - now)
            while remaining > 0 and not self.stopped:     # wake up often enough to notice stop()
                step = min(remaining, 1.0)
                self.sleep(step)
                remaining -= step

    def stop(self, *_args) -> None:
        self.stopped = True


def next_poll_in(iso: str | None, now: float | None = None) -> timedelta:
    now = time.time() if now is None else now
    return timedelta(seconds=max(0.0, _ts(iso) - now))
