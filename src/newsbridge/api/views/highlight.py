"""An article's text cut into blocks and segments, each carrying the evidence it belongs to.

Blocks alternate between body and boilerplate (shown greyed and collapsed). Inside a block,
the text is cut at every span boundary, so each segment carries the set of marks over it
(person, organization, place, quote, speaker, event...). Segments are plain strings: the
template escapes them, so no text from an article can ever become markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ...model import (BOILERPLATE, EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES,
                      Document)

_MENTION_KIND = {"PER": "person", "ORG": "org", "LOC": "place"}
_ENTITY_LAYERS = ((PERSONS, "person"), (ORGANIZATIONS, "org"), (LOCATIONS, "place"))


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str              # person | org | place | quote | speaker | attribution | event
    note: str              # tooltip text
    name: str | None = None


def _fits(doc: Document, a: Any, b: Any) -> bool:
    return isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(doc.text)


def collect_marks(doc: Document) -> list[Mark]:
    marks: dict[tuple[int, int, str], Mark] = {}

    def add(a, b, kind, note, name=None):
        if _fits(doc, a, b) and (a, b, kind) not in marks:
            marks[(a, b, kind)] = Mark(a, b, kind, note, name)

    for sp in doc.layer(MENTIONS):
        kind = _MENTION_KIND.get(sp.label)
        if kind:
            name = sp.attrs.get("normal") or doc.span_text(sp)
            add(sp.start, sp.end, kind, f"{kind}: {name}", name)
    for layer, kind in _ENTITY_LAYERS:
        for sp in doc.layer(layer):
            name = sp.attrs.get("name") or doc.span_text(sp)
            spots = sp.attrs.get("mentions") or [[sp.start, sp.end]]
            for m in spots:
                if isinstance(m, (list, tuple)) and len(m) == 2:
                    add(m[0], m[1], kind, f"{kind}: {name}", name)
    for sp in doc.layer(QUOTES):
        speaker = sp.attrs.get("speaker")
        add(sp.start, sp.end, "quote", f"quote — speaker: {speaker or 'unknown'}", speaker)
        for key, kind in (("speaker_span", "speaker"), ("attribution_span", "attribution")):
            v = sp.attrs.get(key)
            if isinstance(v, (list, tuple)) and len(v) == 2:
                add(v[0], v[1], kind, f"{kind} of a quote" + (f": {speaker}" if speaker else ""), speaker)
    for sp in doc.layer(EVENTS):
        a = sp.attrs
        bits = [sp.label or "event", a.get("name"), a.get("date"), a.get("place")]
        people = ", ".join(str(p) for p in (a.get("participants") or [])[:6])
        note = "event: " + " · ".join(str(b) for b in bits if b) + (f" — {people}" if people else "")
        add(sp.start, sp.end, "event", note, sp.label)
    return sorted(marks.values(), key=lambda m: (m.start, -m.end))


def _blocks(doc: Document) -> list[tuple[int, int, str | None]]:
    """(start, end, boilerplate label or None) covering the whole text in order."""
    out: list[tuple[int, int, str | None]] = []
    pos = 0
    for sp in sorted(doc.layer(BOILERPLATE), key=lambda s: (s.start, s.end)):
        a, b = max(sp.start, pos), min(sp.end, len(doc.text))
        if b <= a:
            continue
        if a > pos:
            out.append((pos, a, None))
        label = sp.label or "boilerplate"
        if out and out[-1][2] is not None and out[-1][1] == a:
            out[-1] = (out[-1][0], b, out[-1][2] if out[-1][2] == label else "boilerplate")
        else:
            out.append((a, b, label))
        pos = b
    if pos < len(doc.text):
        out.append((pos, len(doc.text), None))
    return out


def article_blocks(doc: Document, actor_key: Callable[[str], str], actor_href: Callable[[str], str]) -> list[dict[str, Any]]:
    """The text as [{kind, label, segments: [{text, marks, note, href}]}]."""
    marks = collect_marks(doc)
    cuts = sorted({0, len(doc.text), *(m.start for m in marks), *(m.end for m in marks)})
    blocks = []
    for b_start, b_end, bp in _blocks(doc):
        points = [b_start] + [c for c in cuts if b_start < c < b_end] + [b_end]
        segs = []
        for a, b in zip(points, points[1:]):
            over = [m for m in marks if m.start <= a and b <= m.end]
            seg: dict[str, Any] = {"text": doc.text[a:b], "start": a, "end": b,
                                   "marks": sorted({m.kind for m in over})}
            if over:
                seg["note"] = "\n".join(dict.fromkeys(m.note for m in over))
                person = next((m for m in over if m.kind in ("person", "org", "place") and m.name), None)
                if person:
                    seg["href"] = actor_href(actor_key(person.name))
            if segs and not over and not segs[-1]["marks"]:
                segs[-1]["text"] += seg["text"]
                segs[-1]["end"] = b
            else:
                segs.append(seg)
        blocks.append({"kind": "boilerplate" if bp else "body", "label": bp, "segments": segs})
    return blocks
