"""The timeline: events in date order, with a per-month bar chart drawn server-side."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ...model import EVENTS
from .common import ActorResolver, Filters, actor_href, article_href, layer_rows, norm, scope_doc_ids
from .events import merge_reports

MAX_EVENTS = 500
CHART_HEIGHT = 80


def event_rows(ws, flt: Filters) -> list[dict[str, Any]]:
    """Event spans in scope (the filtered documents, or the newest in the store)."""
    ids = scope_doc_ids(ws, flt)
    rows = layer_rows(ws.store, EVENTS, ids, label=flt.event_type if flt.event_type and ids is None else None)
    if flt.person:   # an event in an article that names the person, but without them, is not theirs
        who = norm(flt.person)
        rows = [r for r in rows if who in {norm(str(p)) for p in r["attrs"].get("participants") or [] if p}]
    if flt.event_type:
        rows = [r for r in rows if r["label"] == flt.event_type]
    return rows


def timeline_view(ws, flt: Filters, *, limit: int = MAX_EVENTS) -> dict[str, Any]:
    rows = event_rows(ws, flt)
    resolver = ActorResolver(ws.store, {r["doc_id"] for r in rows})
    events = []
    for r in rows:
        a = r["attrs"]
        date = a.get("date") or r["published"]
        events.append({"date": date, "date_from": "event" if a.get("date") else "published", "type": r["label"],
                       "name": a.get("name"), "place": a.get("place"), "planned": bool(a.get("planned")),
                       "participants": [{"name": p, "href": actor_href(resolver.key(r["doc_id"], p))}
                                        for p in a.get("participants") or [] if p],
                       "evidence": r["evidence"], "doc_id": r["doc_id"], "doc_title": r["title"] or "(untitled)",
                       "href": article_href(r["doc_id"]), "source": r["source"], "language": r["language"],
                       "published": r["published"]})
    events.sort(key=lambda e: (e["date"] or "", e["doc_id"]), reverse=True)
    events = merge_reports(events, lambda e: frozenset(p["href"] for p in e["participants"]) or None)[:limit]
    months = Counter((e["date"] or "")[:7] for e in events if e["date"])
    peak = max(months.values(), default=1)
    chart = [{"month": m, "count": n, "height": max(2, round(CHART_HEIGHT * n / peak))} for m, n in sorted(months.items())]
    types = Counter(e["type"] for e in events if e["type"])
    return {"page": "timeline", "filters": flt.active(), "count": len(events), "events": events,
            "months": chart, "chart_height": CHART_HEIGHT, "types": dict(types.most_common())}
