"""The synthetic corpus generator that the search and scale benchmarks stand on."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth import generate, jsonl_line, to_document  # noqa: E402


def test_synth_is_deterministic_and_sliceable():
    a = list(generate(30, seed=7, reprint_rate=0.2, translation_rate=0.1))
    b = list(generate(30, seed=7, reprint_rate=0.2, translation_rate=0.1))
    assert a == b
    assert list(generate(5, seed=7, reprint_rate=0.2, translation_rate=0.1, start=25)) == a[25:]
    assert a != list(generate(30, seed=8, reprint_rate=0.2, translation_rate=0.1))


def test_synth_articles_have_news_shape():
    recs = list(generate(60, seed=1))
    assert {r["language"] for r in recs} == {"en", "ru", "zh"}
    for r in recs:
        doc = to_document(r)
        size = len(doc.body.encode("utf-8"))
        assert 2500 <= size <= 6500, size
        assert r["title"] in r["text"] and r["published"][:4].isdigit()
        assert r["labels"]["persons"] and r["labels"]["orgs"]
        for a, b in r["labels"]["boilerplate"]:          # chrome spans cover whole lines
            assert r["text"][a:b].strip() and "\n" not in r["text"][a:b]
        script = {"en": r"[A-Za-z]", "ru": r"[А-Яа-я]", "zh": r"[\u4e00-\u9fff]"}[r["language"]]
        assert len(re.findall(script, doc.body)) > len(doc.body) / 3


def test_synth_reprints_copy_their_original():
    recs = list(generate(400, seed=3, reprint_rate=0.25))
    by_id = {r["labels"]["id"]: r for r in recs}
    reprints = [r for r in recs if r["labels"]["reprint_of"]]
    assert 50 <= len(reprints) <= 150
    for r in reprints:
        orig = by_id.get(r["labels"]["reprint_of"])
        if orig is None:
            continue
        assert r["title"] == orig["title"] and r["language"] == orig["language"]
        head = to_document(r).body.split("\n\n")[1][:60]
        if "typos" not in r["labels"]["reprint_kinds"]:
            assert head in to_document(orig).body
        if "truncated" in r["labels"]["reprint_kinds"]:
            assert len(to_document(r).body) < len(to_document(orig).body)


def test_synth_jsonl_line_is_the_input_format():
    rec = next(generate(1, seed=0))
    obj = json.loads(jsonl_line(rec))
    assert set(obj) == {"url", "title", "text", "published", "source"}
    assert set(json.loads(jsonl_line(rec, labels=True))) >= {"labels", "language"}
