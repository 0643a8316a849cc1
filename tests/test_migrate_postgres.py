"""`newsbridge migrate --to postgresql://...` moves a SQLite store without loss."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbridge.cli import app
from newsbridge.model import EVENTS, PERSONS, QUOTES, Document, Link
from newsbridge.store import Store
from newsbridge.store import schema as s
from newsbridge.store.pgbulk import MigrationError, content_digest, facet_top, migrate_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def _fill(db: str, n: int = 30) -> Store:
    st = Store(db)
    from synth import generate, to_document
    docs = []
    for rec in generate(n, seed=3, reprint_rate=0.2):
        d = to_document(rec)
        for name in rec["labels"]["persons"]:
            d.add(PERSONS, 0, 0, "PER", name=name, aliases=[name.split()[-1]])
        d.add(EVENTS, 0, 10, rec["labels"]["event_type"], participants=rec["labels"]["persons"])
        d.add(QUOTES, 5, 20, "", speaker=rec["labels"]["persons"][0] if rec["labels"]["persons"] else None)
        docs.append((d, rec["text"].encode("utf-8")))
    st.save_many(docs)
    st.add_origin(docs[0][0].id, "https://mirror.example.org/x")
    st.save_links([Link(docs[0][0].id, docs[1][0].id, "reprint", 0.9, {"j": 0.8})])
    st.replace_stories([{"story_id": "s1", "doc_id": docs[0][0].id, "role": "origin", "parent": None,
                         "position": 0, "evidence": {}}])
    st.save_entities([{"key": "k", "name": "Name", "kind": "PER", "aliases": ["N"], "attrs": {}}],
                     [{"entity_key": "k", "doc_id": docs[0][0].id, "name": "Name", "language": "en", "score": 1.0}])
    st.record_error("in/bad.txt", "empty file")
    return st


def _rows(st: Store, table) -> int:
    from sqlalchemy import func, select
    with st.engine.connect() as c:
        return c.execute(select(func.count()).select_from(table)).scalar_one()


def test_migrate_sqlite_to_postgres_lossless(tmp_path, postgres_url):
    src = _fill(str(tmp_path / "src.db"))
    res = migrate_store(src.db, postgres_url, batch=7)      # several COPY batches
    dst = Store(postgres_url)
    assert res.documents == src.count() == dst.count() == 30
    assert dst.checksum() == src.checksum()
    assert content_digest(dst) == content_digest(src)
    for t in (s.blobs, s.origins, s.annotations, s.facets, s.links, s.stories, s.entities, s.entity_mentions,
              s.ingest_errors):
        assert _rows(dst, t) == _rows(src, t), t.name
    assert dict(facet_top(dst, "person", 1000)) == dict(src.facet_counts("person", 1000))  # ties: any order
    some = src.ids()[4]
    assert dst.get(some).to_dict() == src.get(some).to_dict()
    assert sorted(dst.origins(some)) == sorted(src.origins(some))
    # again: nothing doubles, still equal
    migrate_store(src.db, postgres_url)
    assert _rows(dst, s.ingest_errors) == 1 and dst.count() == 30
    src.close()
    dst.close()


def test_migrate_cli(tmp_path, postgres_url):
    src = _fill(str(tmp_path / "src.db"), 5)
    src.close()
    out = CliRunner().invoke(app, ["--db", str(tmp_path / "src.db"), "migrate", "--to", postgres_url, "-q"])
    assert out.exit_code == 0, out.output
    assert "migrated 5 articles" in out.output and "matches" in out.output


def test_migrate_detects_a_loss(tmp_path, postgres_url, monkeypatch):
    src = _fill(str(tmp_path / "src.db"), 5)
    import newsbridge.store.pgbulk as pgbulk
    real = pgbulk.BulkLoader.load_batch

    def lossy(self, items, stamps=None):      # drop a layer on the way: the proof must catch it
        for d, _ in items:
            d.layers.pop(QUOTES, None)
        return real(self, items, stamps)

    monkeypatch.setattr(pgbulk.BulkLoader, "load_batch", lossy)
    with pytest.raises(MigrationError):
        migrate_store(src.db, postgres_url)
    src.close()
