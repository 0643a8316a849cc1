"""One row per event, however many articles report it.

A reprint, a translation and another outlet's report of one meeting each carry their own
event span; listed as they are, one meeting fills a timeline or an actor page four times.
Rows are merged when they agree on the event type, the day and the participants (compared
by actor key, so 普京 = Владимир Путин = Vladimir Putin once linked); a row without a date
or without participants stays on its own, since nothing then says it is the same event.
"""
from __future__ import annotations

from typing import Any, Callable, Hashable

REPORT_FIELDS = ("doc_id", "doc_title", "href", "source", "language", "published")


def merge_reports(events: list[dict[str, Any]],
                  participants_key: Callable[[dict[str, Any]], Hashable | None]) -> list[dict[str, Any]]:
    """``events`` (in display order) merged by (type, day, participants_key(event)); a key of
    None keeps the event apart. Each merged row takes the fields of its most complete report
    (a name, then a place), keeps the position of its first, and lists every report's
    article in "reports" (one entry per article, earliest published first)."""
    groups: dict[Hashable, list[dict[str, Any]]] = {}
    order: list[Hashable] = []
    for i, e in enumerate(events):
        who = participants_key(e)
        day = (e.get("date") or "")[:10]
        key: Hashable = (e.get("type"), day, who) if day and who is not None else ("alone", i)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(e)
    out = []
    for key in order:
        group = groups[key]
        best = max(group, key=lambda e: (bool(e.get("name")), bool(e.get("place"))))
        reports, seen = [], set()
        for e in sorted(group, key=lambda e: e.get("published") or "9999"):   # the first report first
            if e.get("doc_id") not in seen:
                seen.add(e.get("doc_id"))
                reports.append({f: e.get(f) for f in REPORT_FIELDS})
        out.append({**best, "reports": reports})
    return out
