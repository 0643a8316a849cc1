"""The linker's persistent state (tables of migration 0002) and the queries it runs.

- ``link_docs``: one row per linked document in ingest order (``seq``): sampled shingle
  hashes, anchors, an optional lead embedding, and what stories need (published, url,
  attributions).
- ``link_keys``: inverted index (key hash -> seq) over sampled shingles (kind 0), anchors
  (kind 1) and embedding sign-bit bands (kind 2).
- ``link_key_df``: how many documents hold each key; a key held by ``DF_CAP`` documents
  stops being indexed and is ignored in lookups (boilerplate, "Russia", "2024"), which
  bounds the cost of every lookup: linking stays linear in the corpus.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

import numpy as np
from sqlalchemy import (JSON, BigInteger, Column, Integer, LargeBinary, MetaData, SmallInteger, String,
                        Table, Text, delete, select, update)

DF_CAP = 60           # anchors held by this many documents are stop keys (bounds every lookup)
SHINGLE_DF_CAP = 20   # a text passage found in 20 documents is boilerplate or a template

metadata = MetaData()
link_docs = Table(
    "link_docs", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(40), nullable=False, unique=True),
    Column("language", String(8)),
    Column("published", String(32)),
    Column("url", Text),
    Column("body_hash", String(64)),
    Column("n_shingles", Integer, nullable=False),
    Column("fp", LargeBinary),
    Column("anchors", JSON),
    Column("emb", LargeBinary),
    Column("info", JSON),
)
link_keys = Table(
    "link_keys", metadata,
    Column("h", BigInteger, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", SmallInteger, nullable=False),
)
link_key_df = Table(
    "link_key_df", metadata,
    Column("h", BigInteger, primary_key=True),
    Column("n", Integer, nullable=False),
)

_CHUNK = 500


def _chunks(seq: list, n: int = _CHUNK):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class LinkState:
    """Reads and writes the linker tables through the store's engine."""

    def __init__(self, store) -> None:
        self.store = store
        self.engine = store.engine
        self._insert = store._insert

    # -- documents -------------------------------------------------------------------------
    def known(self, doc_ids: Iterable[str]) -> dict[str, int]:
        ids = list(doc_ids)
        out: dict[str, int] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(ids):
                for r in c.execute(select(link_docs.c.doc_id, link_docs.c.seq).where(link_docs.c.doc_id.in_(chunk))):
                    out[r[0]] = r[1]
        return out

    def add_doc(self, conn, row: dict[str, Any]) -> int:
        res = conn.execute(link_docs.insert().values(**row))
        return int(res.inserted_primary_key[0])

    def rows(self, seqs: Iterable[int], conn=None, with_emb: bool = True) -> dict[int, Any]:
        cols = [c for c in link_docs.c if with_emb or c.name != "emb"]
        return self._rows_where(link_docs.c.seq, list(seqs), cols, conn)

    def rows_by_doc(self, doc_ids: Iterable[str], conn=None) -> dict[str, Any]:
        return self._rows_where(link_docs.c.doc_id, list(doc_ids), list(link_docs.c), conn)

    def _rows_where(self, key, values: list, cols, conn) -> dict[Any, Any]:
        """Rows whose ``key`` column is in ``values`` (chunked IN queries), keyed by that column."""
        out: dict[Any, Any] = {}
        if not values:
            return out

        def run(c):
            for chunk in _chunks(values):
                for r in c.execute(select(*cols).where(key.in_(chunk))):
                    out[getattr(r, key.name)] = r
        if conn is not None:
            run(conn)
        else:
            with self.engine.connect() as c:
                run(c)
        return out

    def same_body(self, conn, body_hash: str) -> list[Any]:
        return list(conn.execute(select(link_docs.c.seq, link_docs.c.doc_id, link_docs.c.published)
                                 .where(link_docs.c.body_hash == body_hash)))

    def same_url(self, conn, url: str) -> list[Any]:
        return list(conn.execute(select(link_docs.c.seq, link_docs.c.doc_id, link_docs.c.body_hash,
                                        link_docs.c.published).where(link_docs.c.url == url)))

    def set_embedding(self, conn, seq: int, emb: np.ndarray) -> None:
        conn.execute(update(link_docs).where(link_docs.c.seq == seq)
                     .values(emb=np.asarray(emb, dtype=np.float16).tobytes()))

    # -- key index -------------------------------------------------------------------------
    def _cursor(self, conn):
        return conn.connection.driver_connection.cursor()

    def _ph(self, n: int) -> str:
        mark = "%s" if self.store.is_postgres else "?"
        return ",".join([mark] * n)

    def lookup(self, conn, keys: list[tuple[int, int]]) -> tuple[Counter, Counter, dict[int, int]]:
        """Postings of the non-stop keys: (shingle hits per seq, anchor/embedding hits per seq, df).

        Runs on the driver's cursor: this is the hot path of linking (one call per document)."""
        kinds: dict[int, int] = {}
        for h, kind in keys:
            kinds.setdefault(h, kind)
        hs = list(kinds)
        df: dict[int, int] = {}
        cur = self._cursor(conn)
        for chunk in _chunks(hs):
            cur.execute(f"SELECT h, n FROM link_key_df WHERE h IN ({self._ph(len(chunk))})", chunk)
            df.update(cur.fetchall())
        live = [h for h in hs if 0 < df.get(h, 0) < (SHINGLE_DF_CAP if kinds[h] == 0 else DF_CAP)]
        text_hits: Counter = Counter()
        anchor_hits: Counter = Counter()
        for chunk in _chunks(live):
            cur.execute(f"SELECT seq, kind FROM link_keys WHERE h IN ({self._ph(len(chunk))})", chunk)
            for seq, kind in cur.fetchall():
                if kind == 0:
                    text_hits[seq] += 1
                else:
                    anchor_hits[seq] += 1
        cur.close()
        return text_hits, anchor_hits, df

    def index(self, conn, seq: int, keys: list[tuple[int, int]], df: dict[int, int]) -> None:
        """Add the document's keys; keys at their DF cap are counted but no longer indexed."""
        seen: dict[int, int] = {}
        for h, kind in keys:
            seen.setdefault(h, kind)
        cur = self._cursor(conn)
        mark = self._ph(1)
        rows = [(h, seq, kind) for h, kind in seen.items()
                if df.get(h, 0) < (SHINGLE_DF_CAP if kind == 0 else DF_CAP)]
        if rows:
            cur.executemany(f"INSERT INTO link_keys (h, seq, kind) VALUES ({mark}, {mark}, {mark})", rows)
        new = [(h,) for h in seen if h not in df]
        old = [h for h in seen if h in df and df[h] <= DF_CAP]
        if new:
            cur.executemany(f"INSERT INTO link_key_df (h, n) VALUES ({mark}, 1) ON CONFLICT (h) DO NOTHING", new)
        for chunk in _chunks(old):
            cur.execute(f"UPDATE link_key_df SET n = n + 1 WHERE h IN ({self._ph(len(chunk))})", chunk)
        cur.close()
        for h in seen:
            df[h] = df.get(h, 0) + 1

    # -- reset -----------------------------------------------------------------------------
    def clear(self) -> None:
        from ..store import schema as s
        with self.engine.begin() as c:
            for t in (link_keys, link_key_df, link_docs, s.links, s.stories, s.entity_mentions, s.entities):
                c.execute(delete(t))

    def seqs_in_order(self) -> list[tuple[int, str]]:
        with self.engine.connect() as c:
            return [(r[0], r[1]) for r in c.execute(select(link_docs.c.seq, link_docs.c.doc_id).order_by(link_docs.c.seq))]
