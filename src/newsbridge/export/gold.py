"""A document as the extraction contract (../shared/gold/SCHEMA.md): one JSON per article."""
from __future__ import annotations

import re
from typing import Any

from ..model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, QUOTES, Document

QUOTE_START_WORDS = 8


def _entities(doc: Document, layer: str, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    out = []
    for span in sorted(doc.layer(layer), key=lambda s: s.start):
        a = span.attrs
        item = {"name": a.get("name") or doc.span_text(span), "aliases": list(a.get("aliases") or [])}
        for key in extra:
            item[key] = a.get(key)
        out.append(item)
    return out


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _quoted_words(doc: Document, span) -> str:
    """The quoted words only: a quote split by its attribution ('"A," he said. "B"', '«А, — сказал
    он. — Б»') is its parts joined, without the words between them."""
    parts = [doc.text[a:b].strip() for a, b in span.attrs.get("parts") or () if b > a]
    if len(parts) < 2:
        return doc.span_text(span).strip()
    return ("" if _CJK.search(parts[0]) else " ").join(parts)


def to_gold(doc: Document, doc_id: str | None = None) -> dict[str, Any]:
    persons = _entities(doc, PERSONS, ("roles", "org"))
    for p in persons:
        p["roles"] = list(p.get("roles") or [])
    quotes = []
    for span in sorted(doc.layer(QUOTES), key=lambda s: s.start):
        speaker = span.attrs.get("speaker")
        if not speaker:
            continue
        text = _quoted_words(doc, span)
        quotes.append({"speaker": speaker, "text": text,
                       "start": " ".join(text.split()[:QUOTE_START_WORDS]),
                       "evidence": [span.start, span.end]})
    events = []
    for span in sorted(doc.layer(EVENTS), key=lambda s: s.start):
        a = span.attrs
        if a.get("planned"):
            continue  # the contract lists things that happened
        events.append({"type": span.label, "name": a.get("name"), "date": a.get("date"),
                       "place": a.get("place"), "participants": list(a.get("participants") or []),
                       "counts": dict(a.get("counts") or {}), "evidence": [span.start, span.end]})
    published = doc.published[:10] if doc.published else None
    return {
        "id": doc_id or doc.id,
        "language": doc.language,
        "published": published,
        "source": doc.source,
        "title": doc.title,
        "persons": persons,
        "organizations": _entities(doc, ORGANIZATIONS),
        "locations": _entities(doc, LOCATIONS),
        "quotes": quotes,
        "events": events,
    }
