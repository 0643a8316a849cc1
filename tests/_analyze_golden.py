"""Shared checker for the hand-made golden analyzer cases (tests/golden/analyze/<lang>/)."""
from __future__ import annotations

import json
from pathlib import Path

from newsbridge.model import EVENTS, LOCATIONS, PERSONS, QUOTES, Document

GOLDEN = Path(__file__).resolve().parent / "golden" / "analyze"


def cases(lang: str) -> list[Path]:
    return sorted((GOLDEN / lang).glob("*.txt"))


def check_case(path: Path, analyze, lang: str, published: str | None = None) -> None:
    text = path.read_text(encoding="utf-8")
    want = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = Document(id=path.stem, text=text, language=lang, published=published)
    analyze(doc)
    persons = {s.attrs["name"]: s.attrs for s in doc.layer(PERSONS)}
    for p in want.get("persons", []):
        assert p["name"] in persons, f"{path.name}: person {p['name']} not in {sorted(persons)}"
        got = persons[p["name"]]
        for r in p.get("roles_contain", []):
            assert any(r in role for role in got["roles"]), f"{path.name}: role {r!r} not in {got['roles']}"
        for a in p.get("aliases_contain", []):
            assert a in got["aliases"], f"{path.name}: alias {a!r} not in {got['aliases']}"
        if "org" in p:
            assert got["org"] == p["org"], f"{path.name}: org {got['org']!r} != {p['org']!r}"
    locs = set()
    for s in doc.layer(LOCATIONS):
        locs |= {s.attrs["name"], *s.attrs["aliases"]}
    for name in want.get("locations", []):
        assert name in locs, f"{path.name}: location {name} not in {sorted(locs)}"
    quotes = doc.layer(QUOTES)
    for q in want.get("quotes", []):
        hit = [s for s in quotes if doc.span_text(s).startswith(q["start"])]
        assert hit, f"{path.name}: no quote starting {q['start']!r}: {[doc.span_text(s)[:30] for s in quotes]}"
        a = hit[0].attrs
        assert a["speaker"] == q["speaker"], f"{path.name}: {q['start']!r} by {a['speaker']!r}, want {q['speaker']!r}"
        if "how" in q:
            assert a["how"] == q["how"], f"{path.name}: {q['start']!r} attributed {a['how']!r}, want {q['how']!r}"
        if "parts" in q:
            assert len(a["parts"]) == q["parts"], f"{path.name}: {q['start']!r} has parts {a['parts']}"
        assert a["speaker_span"] is None or doc.text[slice(*a["speaker_span"])]
    for term in want.get("no_quotes", []):
        assert not any(doc.span_text(s) == term for s in quotes), f"{path.name}: {term!r} taken for speech"
    events = doc.layer(EVENTS)
    for e in want.get("events", []):
        hit = [s for s in events if s.label == e["type"] and s.attrs["planned"] == e["planned"]]
        assert hit, f"{path.name}: no {e} in {[(s.label, s.attrs['planned']) for s in events]}"
        if "date" in e:
            assert hit[0].attrs["date"] == e["date"]
        if "place" in e:
            assert hit[0].attrs["place"] == e["place"]
