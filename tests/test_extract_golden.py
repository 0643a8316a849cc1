"""Golden files for the clean and metadata stages: short hand-written articles in the styles of
real news pages (wire datelines, site headers, stamps, credits) and what must come out of them.

Each tests/golden/extract/NAME.txt has NAME.json: language, published, source, title, and the
boilerplate lines as [label, line text] in order. A change that alters any of them must be
looked at and the golden file updated by hand.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbridge.model import Document
from newsbridge.pipeline import apply

GOLDEN = Path(__file__).parent / "golden" / "extract"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("name", CASES)
def test_extract_golden(name):
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    doc = apply(Document(id=name, text=text), ["clean", "metadata"])
    got = {"language": doc.language, "published": doc.published, "source": doc.source, "title": doc.title,
           "boilerplate": [[s.label, doc.span_text(s)] for s in doc.layer("boilerplate")]}
    assert got == expected
    # Lines are never removed: every boilerplate span is a whole line of the unchanged text.
    assert doc.text == text
    for s in doc.layer("boilerplate"):
        assert (s.start == 0 or text[s.start - 1] in "\n \t") and (s.end == len(text) or text[s.end] in "\n \t")
    # Paragraph spans never overlap boilerplate; the title span is the title.
    for p in doc.layer("paragraphs"):
        assert not any(b.start < p.end and p.start < b.end for b in doc.layer("boilerplate"))
    if doc.title:
        assert [doc.span_text(s) for s in doc.layer("title")] == [doc.title]


def test_extract_golden_cases_cover_three_languages():
    langs = {json.loads((GOLDEN / f"{n}.json").read_text(encoding="utf-8"))["language"] for n in CASES}
    assert {"en", "ru", "zh"} <= langs
