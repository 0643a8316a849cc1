"""The search page: ranked hits with marked snippets, facets and feed links."""
from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus

from .common import Filters, article_href, safe_url

FACETS = (("lang", "language", "Language"), ("source", "source", "Source"), ("person", "person", "Person"),
          ("org", "org", "Organization"), ("place", "place", "Place"), ("event_type", "event_type", "Event type"))
FACET_SIZE = 10
MAX_LIMIT = 100


@lru_cache(maxsize=8192)
def _quoted(value: str) -> str:
    """A facet value as a query-string value: the same few hundred names recur on every page
    (60 values a page; quoting them was 5% of a search request's CPU)."""
    return quote_plus(value)


def segments(text: str, ranges) -> list[dict[str, Any]]:
    """Text cut into plain and matched pieces (the template escapes each one)."""
    out, pos = [], 0
    for a, b in sorted(tuple(r) for r in ranges):
        if a < pos or b <= a:
            continue
        if a > pos:
            out.append({"text": text[pos:a], "match": False})
        out.append({"text": text[a:b], "match": True})
        pos = b
    if pos < len(text):
        out.append({"text": text[pos:], "match": False})
    return out


def _exact(href: str) -> str:
    """A search link that also asks for exact facet counts."""
    return href + ("" if href.endswith("?") else "&") + "exact_facets=true"


def _facet_value(flt: Filters, base: str, param: str, value, count: int) -> dict[str, Any]:
    """One facet value with the link that turns it on (or off, when it is the active filter)."""
    current = getattr(flt, param)
    active = current is not None and str(value).casefold() == current.casefold()
    if active:
        href = flt.without(param)
    elif current is None:            # appended after the active filters (base): no need to re-encode them
        extra = f"{param}={_quoted(str(value))}"       # what urlencode gives, without its checks
        href = f"{base}&{extra}" if base else extra
    else:
        href = flt.query_string(**{param: value})
    return {"value": value, "count": count, "active": active, "href": "/search?" + href}


def search_view(ws, flt: Filters, *, limit: int = 20, offset: int = 0, facets: bool = True,
                exact_facets: bool = False) -> dict[str, Any]:
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), 10_000))
    res = ws.search(flt.q, limit=limit, offset=offset, facet_fields=[f for _, f, _ in FACETS] if facets else (),
                    facet_size=FACET_SIZE, exact_facets=exact_facets, **flt.index_filters())
    hits = []
    for h in res.hits:
        hits.append({"id": h.id, "title": h.title or "(untitled)", "href": article_href(h.id),
                     "snippet": h.snippet, "snippet_segments": segments(h.snippet, h.highlights),
                     "language": h.language, "source": h.source, "published": h.published,
                     "url": safe_url(h.url), "score": round(h.score, 4)})
    facet_out: dict[str, list[dict[str, Any]]] = {}
    qs = flt.query_string()
    keep = _exact if exact_facets else (lambda href: href)   # a reader who asked for exact counts keeps them
    if facets:
        counts = res.facets or {}
        for param, field, _label in FACETS:
            facet_out[param] = [_facet_value(flt, qs, param, v, n) for v, n in counts.get(field, [])]
            for f in facet_out[param]:
                f["href"] = keep(f["href"])
    nxt = offset + limit if res.total is not None and offset + limit < res.total else None
    sampled = facets and res.facet_sample is not None
    return {
        "page": "search",
        "query": flt.q,
        "filters": flt.active(),
        "total": res.total,
        "mode": res.mode,
        "took_ms": round(res.took_ms, 2),
        "offset": offset,
        "limit": limit,
        "hits": hits,
        "facets": facet_out,
        # None: every match counted; else the share of the matches the counts were estimated from
        "facet_sample": round(res.facet_sample, 4) if sampled else None,
        "exact_facets_href": _exact(f"/search?{qs}") if sampled else None,
        "facet_labels": {p: label for p, _, label in FACETS},
        "feeds": {"atom": "/api/v1/feeds/search.atom" + ("?" + qs if qs else ""),
                  "json": "/api/v1/feeds/search.json" + ("?" + qs if qs else "")},
        "next": keep(f"/search?{flt.query_string(offset=nxt)}") if nxt is not None else None,
        "prev": keep(f"/search?{flt.query_string(offset=max(0, offset - limit) or None)}") if offset > 0 else None,
    }
