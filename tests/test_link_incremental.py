"""Incremental linking (batch by batch, across restarts) equals a full relink."""
from __future__ import annotations

import random
from pathlib import Path

from newsbridge.link import on_ingest, relink
from newsbridge.link.state import LinkState
from newsbridge.model import Document
from newsbridge.store.store import Store

GOLDEN = Path(__file__).parent / "golden" / "link"


def _corpus() -> list[Document]:
    rng = random.Random(7)
    base = {p.stem: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))}
    docs = []
    for name, text in base.items():
        lang = "ru" if name.endswith("_ru") else "en"
        docs.append(Document(id=name, text=text, language=lang, published="2025-03-12", origin=f"{name}.txt"))
        paras = [p for p in text.split("\n\n") if p.strip()]
        for k in range(2):   # copies: lead only, or a paragraph dropped, with chrome
            keep = paras[:2 + k] if k == 0 else paras[:1] + paras[2:]
            body = "Menu | Search\n\n" + "\n\n".join(keep) + f"\n\nCopyright site{k}"
            docs.append(Document(id=f"{name}-c{k}", text=body, language=lang,
                                 published=f"2025-03-{13 + rng.randrange(3)}", origin=f"site{k}/{name}.txt"))
    rng.shuffle(docs)
    return docs


def _snapshot(store: Store):
    return sorted((l.a, l.b, l.kind, round(l.score, 3)) for l in store.links())


def test_link_incremental_equals_full_pass(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = _corpus()
    db = str(tmp_path / "inc.db")
    for i in range(0, len(docs), 3):            # a new process per batch: state must persist
        with Store(db) as store:
            store.save_many([(d, None) for d in docs[i:i + 3]])
            on_ingest(store, docs[i:i + 3])
    with Store(db) as store:
        incremental = _snapshot(store)
        stories = sorted((r["story_id"], r["doc_id"], r["role"], r["parent"]) for r in store.stories())
        assert len(incremental) >= len(docs) // 2
        relink(store)
        assert _snapshot(store) == incremental
        assert sorted((r["story_id"], r["doc_id"], r["role"], r["parent"]) for r in store.stories()) == stories


def test_link_reingest_is_idempotent(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = _corpus()
    with Store(str(tmp_path / "x.db")) as store:
        on_ingest(store, docs)
        before = _snapshot(store)
        assert on_ingest(store, docs) == []
        assert _snapshot(store) == before
        assert len(LinkState(store).seqs_in_order()) == len(docs)


def test_link_same_links_on_both_backends(store_url, monkeypatch):
    """SQLite and PostgreSQL run the same linking (the key index uses driver-level SQL)."""
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    docs = _corpus()
    with Store(store_url) as store:
        on_ingest(store, docs[:5])
        on_ingest(store, docs[5:])
        links = _snapshot(store)
        assert any(kind == "reprint" for _, _, kind, _ in links)
        assert store.stories()
