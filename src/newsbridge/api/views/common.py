"""Helpers every view shares: filters, URLs, safe links, name -> actor resolution, SQL reads.

A view is a function of (workspace, parameters) that returns a plain JSON-ready dict; the
web layer renders that dict with a template or as JSON, so the two cannot drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import quote, urlencode, urlsplit

from sqlalchemy import func, select

from ...crossscript import actor_name
from ...model import normalize_text
from ...store import schema as s

MAX_SCOPE_DOCS = 500          # documents a filtered timeline/network looks at
MAX_EVENT_ROWS = 3000         # event annotations read for an unfiltered timeline/network
EVENT_TYPES = ("meeting", "forum", "visit", "agreement", "video_conference", "launch")


class NotFound(LookupError):
    """What the view was asked for does not exist (rendered as 404)."""


_PLAIN_WEB_URL = re.compile(r"(?i)https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s\x00-\x1f\x7f]*)?\Z")
FILTER_NAMES = ("q", "lang", "source", "since", "until", "person", "org", "place", "event_type")


@dataclass
class Filters:
    """The filters shared by search, feeds, timeline and network (same names as the API)."""

    q: str = ""
    lang: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    person: str | None = None
    org: str | None = None
    place: str | None = None
    event_type: str | None = None

    def active(self) -> dict[str, str]:
        return {name: value for name in FILTER_NAMES if (value := getattr(self, name))}

    def index_filters(self) -> dict[str, Any]:
        d = self.active()
        d.pop("q", None)
        return d

    @property
    def any(self) -> bool:
        return bool(self.active())

    def query_string(self, **change: Any) -> str:
        params = {**self.active(), **{k: v for k, v in change.items()}}
        return urlencode({k: v for k, v in params.items() if v not in (None, "")})

    def without(self, name: str) -> str:
        params = self.active()
        params.pop(name, None)
        return urlencode(params)


def clean(value: str | None, limit: int = 300) -> str | None:
    """User input trimmed and bounded; empty becomes None."""
    if value is None:
        return None
    value = " ".join(str(value).replace("\x00", " ").split())[:limit]
    return value or None


def make_filters(q=None, lang=None, source=None, since=None, until=None, person=None, org=None,
                 place=None, event_type=None) -> Filters:
    return Filters(q=clean(q, 500) or "", lang=clean(lang, 16), source=clean(source), since=clean(since, 32),
                   until=clean(until, 32), person=clean(person), org=clean(org), place=clean(place),
                   event_type=clean(event_type, 32))


def actor_href(key: str) -> str:
    return "/actor/" + quote(key, safe="")


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")     # what quote(..., safe="") leaves as it is


def article_href(doc_id: str) -> str:
    # document ids are hex digests: nothing to escape (20 hits a search page; quote costs 2.5 µs each)
    return "/article/" + (doc_id if _UNRESERVED.fullmatch(doc_id) else quote(doc_id, safe=""))


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (no javascript:, data: or relative tricks)."""
    if not url:
        return None
    url = url.strip()
    if _PLAIN_WEB_URL.match(url):        # the common case, without urlsplit's cost
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def norm(name: str) -> str:
    return normalize_text(name)[:300]


# -- entity names ---------------------------------------------------------------------------------
def entity_keys_for_docs(store, doc_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """(doc_id, normalised name) -> entity key, from the linking results (entity_mentions)."""
    ids = list(dict.fromkeys(doc_ids))
    out: dict[tuple[str, str], str] = {}
    em = s.entity_mentions
    with store.engine.connect() as c:
        for i in range(0, len(ids), 500):
            q = select(em.c.doc_id, em.c.name, em.c.entity_key).where(em.c.doc_id.in_(ids[i:i + 500]))
            for doc_id, name, key in c.execute(q):
                out[(doc_id, norm(name))] = key
    return out


def entity_names(store, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
    """key -> {name, kind} for entity keys."""
    keys = list(dict.fromkeys(keys))
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as c:
        for i in range(0, len(keys), 500):
            q = select(s.entities.c.key, s.entities.c.name, s.entities.c.kind).where(s.entities.c.key.in_(keys[i:i + 500]))
            for key, name, kind in c.execute(q):
                out[key] = {"name": name, "kind": kind}
    return out


class ActorResolver:
    """Turns a name seen in a document into an actor (key + display name) for links and graphs.

    With linking results, names map to entity keys (one actor across scripts); without them
    the normalised name is the key, so the pages still work on an unlinked store.
    """

    def __init__(self, store, doc_ids: Iterable[str]) -> None:
        self.map = entity_keys_for_docs(store, doc_ids)
        self.names = entity_names(store, set(self.map.values()))

    def key(self, doc_id: str, name: str, *, place: bool = True) -> str:
        """``place``: the name may be a place or an agency (event participants, locations,
        organisations), not a person's."""
        return self.map.get((doc_id, norm(name))) or (place and actor_name(name)) or name

    def display(self, key: str, fallback: str) -> str:
        return (self.names.get(key) or {}).get("name") or (key if actor_name(key) == key else fallback)


# -- layer rows across documents -----------------------------------------------------------------
def layer_rows(store, layer: str, doc_ids: list[str] | None = None, *, limit: int = MAX_EVENT_ROWS,
               label: str | None = None) -> list[dict[str, Any]]:
    """Spans of one layer across documents, newest documents first, with their evidence text."""
    a, d = s.annotations, s.documents
    evidence = func.substr(d.c.text, a.c.start + 1, a.c.end - a.c.start)
    q = (select(a.c.doc_id, a.c.start, a.c.end, a.c.label, a.c.attrs, evidence.label("evidence"),
                d.c.title, d.c.published, d.c.source, d.c.language)
         .select_from(a.join(d, d.c.id == a.c.doc_id)).where(a.c.layer == layer))
    if label:
        q = q.where(a.c.label == label)
    rows: list[dict[str, Any]] = []
    with store.engine.connect() as c:
        if doc_ids is None:
            q = q.order_by(d.c.published.desc(), a.c.doc_id, a.c.start).limit(limit)
            rows = [dict(r._mapping) for r in c.execute(q)]
        else:
            for i in range(0, len(doc_ids), 500):
                chunk = q.where(a.c.doc_id.in_(doc_ids[i:i + 500]))
                rows += [dict(r._mapping) for r in c.execute(chunk)]
            rows.sort(key=lambda r: (r["published"] or "", r["doc_id"], r["start"]), reverse=True)
            rows = rows[:limit]
    for r in rows:
        r["attrs"] = dict(r["attrs"] or {})
    return rows


def scope_doc_ids(ws, flt: Filters, limit: int = MAX_SCOPE_DOCS) -> list[str] | None:
    """Documents a filtered page looks at (None = the whole store)."""
    if not flt.any:
        return None
    res = ws.search(flt.q, limit=limit, count=False, snippets=False, **flt.index_filters())
    return [h.id for h in res.hits]
