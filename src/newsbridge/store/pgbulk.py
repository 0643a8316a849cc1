"""PostgreSQL at scale: bulk loading with COPY, a ranked full-text index, fast facets, migration.

* ``BulkLoader`` writes documents, layers, facets, origins and original bytes with COPY
  (psycopg 3 ``cursor.copy``): straight into the tables when the ids are new (``fresh``),
  otherwise through temporary tables and ``INSERT .. ON CONFLICT``, with the same meaning
  as ``Store.save_many`` (a document replaces its earlier layers and facets).
* ``PgSearch`` keeps a derived table ``nb_search`` (one ``tsvector`` per document) ranked by
  the RUM index, which orders by rank inside the index (``tsv <=> query``), so a top-20
  query does not score every match the way ``ts_rank`` does. The lexemes are made by the
  search index's own analyzers (Snowball stemmers for English and Russian, characters for
  Chinese, a query word then being a phrase of its characters) and carry their analysis as a prefix (``en:forum``), so a query matches exactly
  the documents the default index (tantivy) matches. Without the rum extension it falls back
  to GIN + ``ts_rank`` (correct, slower on common words).
* ``facet_top`` answers "top values of a facet" from a summary table refreshed after a bulk
  load; filtered facets use the live ``facets`` table and its indexes.
* ``migrate_store`` copies any store into another (SQLite -> PostgreSQL) and proves the move
  lossless by counts and checksums.

The derived table and the summary are not part of the shared schema: they are rebuildable
from the store at any time (``PgSearch.rebuild``, ``refresh_facet_totals``).
"""
from __future__ import annotations

import hashlib
import json
import re
import time
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import select

from ..model import Document
from . import schema as s
from ..crossscript import source_spellings
from .store import Store, annotation_rows, document_facets, facet_value, now

COPY_BATCH = 1000
MAX_POSITION = 16383          # PostgreSQL's largest tsvector position
MAX_POSITIONS_PER_LEXEME = 255
TITLE_GAP = 100               # positions between title and body: a phrase never spans both
SEARCH_TABLE = "nb_search"
FACET_TOTALS = "nb_facet_totals"

_DOC_COLS = ("id", "raw_sha256", "origin", "url", "media_type", "title", "language", "published", "source",
             "text", "body_hash", "meta", "stages", "created_at", "updated_at")
_ANN_COLS = ("doc_id", "layer", "start", "end", "label", "attrs")
_FACET_COLS = ("doc_id", "kind", "value", "display")
_ORIGIN_COLS = ("doc_id", "origin", "seen_at")
_BLOB_COLS = ("sha256", "size", "data", "created_at")
_SEARCH_COLS = ("doc_id", "language", "source_key", "published_at", "tsv")


class MigrationError(RuntimeError):
    """A migration that could not be proven lossless (E701...)."""


def pg_conninfo(store: Store) -> str:
    """The libpq URL of a PostgreSQL store (without SQLAlchemy's driver suffix)."""
    url = store.engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def connect(store: Store, autocommit: bool = False):
    import psycopg
    if not store.is_postgres:
        raise ValueError("E702: bulk loading with COPY needs a postgresql:// store")
    return psycopg.connect(pg_conninfo(store), autocommit=autocommit)


def _cols(cols: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


# -- bulk loading --------------------------------------------------------------------------------
class BulkLoader:
    """COPY documents into a PostgreSQL store in batches (one transaction per batch).

    ``fresh=True`` copies straight into the tables: fastest, for ids not yet stored (a new
    store, a migration, a benchmark); a stored id then fails the batch with a key error.
    ``fresh=False`` (default) stages each batch in temporary tables and upserts.
    ``search`` also fills the ranked search table (see ``PgSearch``).
    """

    def __init__(self, store: Store, *, fresh: bool = False, search: bool = False, blobs: bool = True,
                 origins: bool = True) -> None:
        self.store = store
        self.fresh = fresh
        self.blobs = blobs
        self.origins = origins
        self.search = PgSearch(store) if search else None
        self.conn = connect(store)
        self._staged = False
        if self.search:
            self.search.ensure_table(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "BulkLoader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def load(self, items: Iterable[tuple[Document, bytes | None]], batch: int = COPY_BATCH,
             on_progress: Callable[[int], None] | None = None) -> int:
        n = 0
        buf: list[tuple[Document, bytes | None]] = []
        for item in items:
            buf.append(item)
            if len(buf) >= batch:
                n += self.load_batch(buf)
                buf = []
                if on_progress:
                    on_progress(n)
        if buf:
            n += self.load_batch(buf)
            if on_progress:
                on_progress(n)
        return n

    def load_batch(self, items: list[tuple[Document, bytes | None]],
                   stamps: dict[str, tuple[str, str]] | None = None) -> int:
        """One transaction; ``stamps``: (created_at, updated_at) per id to keep (a migration)."""
        uniq: dict[str, tuple[Document, bytes | None]] = {}
        for doc, raw in items:          # the same id twice in a batch: the last wins, as save_many
            uniq[doc.id] = (doc, raw)
        stamp = now()
        blob_rows, doc_rows, ann_rows, facet_rows, origin_rows, search_rows = [], [], [], [], [], []
        blob_seen: set[str] = set()
        for doc, raw in uniq.values():
            if raw is not None:
                sha = hashlib.sha256(raw).hexdigest()
                doc.raw_sha256 = doc.raw_sha256 or sha
                if self.blobs and sha not in blob_seen:
                    blob_seen.add(sha)
                    blob_rows.append((sha, len(raw), zlib.compress(raw, 6), stamp))
            doc_rows.append((doc.id, doc.raw_sha256, doc.origin, doc.url, doc.media_type, doc.title, doc.language,
                             doc.published, doc.source, doc.text, doc.body_hash, _json(doc.meta or {}),
                             _json(doc.stages or {}), *((stamps or {}).get(doc.id) or (stamp, stamp))))
            for doc_id, layer, start, end, label, attrs in annotation_rows(doc):
                ann_rows.append((doc_id, layer, start, end, label, _json(attrs) if attrs else None))
            for kind, value, display in sorted(document_facets(doc)):
                facet_rows.append((doc.id, kind, value, display))
            if doc.origin and self.origins:
                origin_rows.append((doc.id, doc.origin, stamp))
            if self.search:
                search_rows.append(self.search.row(doc))
        with self.conn.transaction():
            cur = self.conn.cursor()
            if self.fresh:
                self._copy(cur, "blobs", _BLOB_COLS, blob_rows, conflict=True)
                self._copy(cur, "documents", _DOC_COLS, doc_rows)
                self._copy(cur, "annotations", _ANN_COLS, ann_rows)
                self._copy(cur, "facets", _FACET_COLS, facet_rows)
                self._copy(cur, "origins", _ORIGIN_COLS, origin_rows, conflict=True)
                if search_rows:
                    self._copy(cur, SEARCH_TABLE, _SEARCH_COLS, search_rows)
            else:
                self._upsert(cur, blob_rows, doc_rows, ann_rows, facet_rows, origin_rows, search_rows)
        return len(doc_rows)

    def _copy(self, cur, table: str, cols: tuple[str, ...], rows: list[tuple], conflict: bool = False) -> None:
        """COPY rows; ``conflict``: rows that may already be stored go through a temp table."""
        if not rows:
            return
        if conflict:
            self._stage_tables(cur)
            cur.execute(f"TRUNCATE _nb_{table}")
            with cur.copy(f"COPY _nb_{table} ({_cols(cols)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
            cur.execute(f"INSERT INTO {table} ({_cols(cols)}) SELECT {_cols(cols)} FROM _nb_{table} "
                        "ON CONFLICT DO NOTHING")
            return
        with cur.copy(f"COPY {table} ({_cols(cols)}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)

    def _stage_tables(self, cur) -> None:
        if self._staged:
            return
        for t in ("blobs", "documents", "annotations", "facets", "origins") + ((SEARCH_TABLE,) if self.search else ()):
            cur.execute(f"CREATE TEMP TABLE IF NOT EXISTS _nb_{t} (LIKE {t} INCLUDING DEFAULTS)")
        self._staged = True

    def _upsert(self, cur, blob_rows, doc_rows, ann_rows, facet_rows, origin_rows, search_rows) -> None:
        self._stage_tables(cur)
        for t, cols, rows in (("documents", _DOC_COLS, doc_rows), ("annotations", _ANN_COLS, ann_rows),
                              ("facets", _FACET_COLS, facet_rows)) + (((SEARCH_TABLE, _SEARCH_COLS, search_rows),)
                                                                      if self.search else ()):
            cur.execute(f"TRUNCATE _nb_{t}")
            if rows:
                with cur.copy(f"COPY _nb_{t} ({_cols(cols)}) FROM STDIN") as cp:
                    for r in rows:
                        cp.write_row(r)
        self._copy(cur, "blobs", _BLOB_COLS, blob_rows, conflict=True)
        cur.execute("DELETE FROM annotations WHERE doc_id IN (SELECT id FROM _nb_documents)")
        cur.execute("DELETE FROM facets WHERE doc_id IN (SELECT id FROM _nb_documents)")
        upd = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in _DOC_COLS if c not in ("id", "created_at"))
        cur.execute(f"INSERT INTO documents ({_cols(_DOC_COLS)}) SELECT {_cols(_DOC_COLS)} FROM _nb_documents "
                    f"ON CONFLICT (id) DO UPDATE SET {upd}")
        cur.execute(f"INSERT INTO annotations ({_cols(_ANN_COLS)}) SELECT {_cols(_ANN_COLS)} FROM _nb_annotations "
                    "ORDER BY id")
        cur.execute(f"INSERT INTO facets ({_cols(_FACET_COLS)}) SELECT {_cols(_FACET_COLS)} FROM _nb_facets "
                    "ON CONFLICT DO NOTHING")
        self._copy(cur, "origins", _ORIGIN_COLS, origin_rows, conflict=True)
        if self.search:
            upd = ", ".join(f"{c} = EXCLUDED.{c}" for c in _SEARCH_COLS if c != "doc_id")
            cur.execute(f"INSERT INTO {SEARCH_TABLE} ({_cols(_SEARCH_COLS)}) SELECT {_cols(_SEARCH_COLS)} "
                        f"FROM _nb_{SEARCH_TABLE} ON CONFLICT (doc_id) DO UPDATE SET {upd}")


# -- ranked full-text search ---------------------------------------------------------------------
@dataclass
class PgHit:
    id: str
    score: float


@dataclass
class PgResult:
    hits: list[PgHit]
    total: int | None
    mode: str                 # "and", "or" (no document had every word) or "none"
    took_ms: float


_LEXEME_ESC = re.compile(r"(['\\])")


def _lexeme(tok: str) -> str:
    return "'" + _LEXEME_ESC.sub(r"\\\1", tok) + "'"


class PgSearch:
    """The ranked search table beside the documents (RUM when installed, else GIN + ts_rank)."""

    def __init__(self, store: Store) -> None:
        from ..search import index as ix
        self.store = store
        self._ix = ix
        self._an = ix._analyzers()
        self._method: str | None = None

    # analysis shared with the tantivy index, so both match the same documents
    def _tokens(self, lang: str, text: str):
        return self._an[f"nb_{lang}"].pre_tokenize(text).tokens

    def tsvector(self, doc: Document) -> str:
        """The tsvector literal of a document: ``lang:lexeme`` with positions, title weight A."""
        body, title = doc.body, doc.title or ""
        lang = self._ix.route_language(doc.language, body)
        pos: dict[str, list[str]] = {}
        last = 0
        for t in self._tokens(lang, title):
            p = min(t.position + 1, MAX_POSITION)
            pos.setdefault(f"{lang}:{t.text}", []).append(f"{p}A")
            last = max(last, p)
        base = last + TITLE_GAP
        for t in self._tokens(lang, body):
            p = base + t.position
            if p > MAX_POSITION:
                pos.setdefault(f"{lang}:{t.text}", [])     # keep the word, without a position
                continue
            pos.setdefault(f"{lang}:{t.text}", []).append(str(p))
        parts = []
        for lex, ps in pos.items():
            ps = ps[:MAX_POSITIONS_PER_LEXEME]
            parts.append(_lexeme(lex) + (":" + ",".join(ps) if ps else ""))
        return " ".join(parts)

    def row(self, doc: Document) -> tuple:
        dt = self._ix._to_datetime(doc.published) if doc.published else None
        return (doc.id, doc.language, facet_value(doc.source) if doc.source else None, dt, self.tsvector(doc))

    # -- the table and its index ------------------------------------------------------------
    def method(self, conn) -> str:
        if self._method is None:
            try:
                with conn.transaction():
                    conn.execute("CREATE EXTENSION IF NOT EXISTS rum")
                self._method = "rum"
            except Exception:
                self._method = "gin"
        return self._method

    def ensure_table(self, conn) -> None:
        self.method(conn)
        with conn.transaction():
            conn.execute(f"CREATE TABLE IF NOT EXISTS {SEARCH_TABLE} (doc_id varchar(40) PRIMARY KEY, "
                         "language varchar(8), source_key text, published_at timestamp, tsv tsvector NOT NULL)")

    def create_index(self, conn) -> str:
        """Build the ranking index (after a bulk load: much faster than keeping it during)."""
        m = self.method(conn)
        with conn.transaction():
            if m == "rum":
                conn.execute(f"CREATE INDEX IF NOT EXISTS {SEARCH_TABLE}_rum ON {SEARCH_TABLE} USING rum (tsv rum_tsvector_ops)")
            else:
                conn.execute(f"CREATE INDEX IF NOT EXISTS {SEARCH_TABLE}_gin ON {SEARCH_TABLE} USING gin (tsv)")
            conn.execute(f"CREATE INDEX IF NOT EXISTS {SEARCH_TABLE}_pub ON {SEARCH_TABLE} (published_at)")
            conn.execute(f"ANALYZE {SEARCH_TABLE}")
        return m

    def drop_index(self, conn) -> None:
        with conn.transaction():
            conn.execute(f"DROP INDEX IF EXISTS {SEARCH_TABLE}_rum")
            conn.execute(f"DROP INDEX IF EXISTS {SEARCH_TABLE}_gin")

    def rebuild(self, batch: int = 1000) -> int:
        """Fill the search table from the documents (it is derived: the store is the truth)."""
        with connect(self.store) as conn:
            self.ensure_table(conn)
            self.drop_index(conn)
            with conn.transaction():
                conn.execute(f"TRUNCATE {SEARCH_TABLE}")
            n = 0
            ids = self.store.ids()
            for i in range(0, len(ids), batch):
                docs = self.store.get_many(ids[i:i + batch])
                with conn.transaction(), conn.cursor().copy(
                        f"COPY {SEARCH_TABLE} ({_cols(_SEARCH_COLS)}) FROM STDIN") as cp:
                    for d in docs:
                        cp.write_row(self.row(d))
                n += len(docs)
            self.create_index(conn)
        return n

    # -- queries ------------------------------------------------------------------------------
    def tsquery(self, query: str, lang: str | None = None) -> tuple[str | None, str | None]:
        """(AND query, OR fallback or None) as tsquery text, read as the tantivy index reads it."""
        ix = self._ix
        langs = [ix.route_language(lang, "")] if lang else list(ix.LANGS)
        must, neg, stops = [], [], []
        for c in ix.parse_query(query):
            alts, stopped = [], False
            for L in langs:
                toks = self._tokens(L, c.text)
                if not toks:
                    if L in ("en", "ru") and self._an["nb_xx"].analyze(c.text):
                        stopped = True
                    continue
                if L == "zh" and c.text in getattr(ix, "_ZH_STOP", ()):
                    stopped = True
                expr = _lexeme(f"{L}:{toks[0].text}")
                for a, b in zip(toks, toks[1:]):
                    expr += f" <{max(1, b.position - a.position)}> " + _lexeme(f"{L}:{b.text}")
                alts.append(f"({expr})" if len(toks) > 1 else expr)
            if not alts:
                continue
            clause = "(" + " | ".join(dict.fromkeys(alts)) + ")"
            if c.negate:
                neg.append("!" + clause)
            elif stopped:
                stops.append(clause)
            else:
                must.append(clause)
        if not must and stops:
            must = stops
        if not must:
            return None, None
        and_q = " & ".join(must + neg)
        or_q = "(" + " | ".join(must) + ")" + "".join(" & " + x for x in neg) if len(must) > 1 else None
        return and_q, or_q

    def search(self, query: str, *, lang=None, source=None, since=None, until=None, person=None, org=None,
               place=None, event_type=None, limit: int = 20, count: bool = False, conn=None) -> PgResult:
        """Top ``limit`` documents by rank (RUM ``<=>``; GIN: ``ts_rank``), with filters."""
        t0 = time.perf_counter()
        own = conn is None
        conn = conn or connect(self.store, autocommit=True)
        try:
            and_q, or_q = self.tsquery(query, lang if isinstance(lang, str) else None)
            if and_q is None:
                return PgResult([], 0, "none", (time.perf_counter() - t0) * 1000)
            where, params = self._filters(lang, source, since, until, person, org, place, event_type)
            hits, total = self._run(conn, and_q, where, params, limit, count)
            mode = "and"
            if not hits and or_q is not None:
                hits, total = self._run(conn, or_q, where, params, limit, count)
                mode = "or"
            return PgResult(hits, total, mode, (time.perf_counter() - t0) * 1000)
        finally:
            if own:
                conn.close()

    def _run(self, conn, q: str, where: list[str], params: list, limit: int, count: bool):
        cond = " AND ".join(["tsv @@ %s::tsquery"] + where)
        if self.method(conn) == "rum":
            # ORDER BY the distance alone, so the RUM index returns rows in rank order and the
            # scan stops at ``limit``; the planner underrates a sequential scan over TOASTed
            # tsvectors (it detoasts every row), so the index path is asked for explicitly.
            sql = (f"SELECT doc_id, tsv <=> %s::tsquery AS d FROM {SEARCH_TABLE} WHERE {cond} "
                   "ORDER BY tsv <=> %s::tsquery LIMIT %s")
            with conn.transaction():
                conn.execute("SET LOCAL enable_seqscan = off")
                conn.execute("SET LOCAL enable_bitmapscan = off")
                rows = conn.execute(sql, [q, q, *params, q, limit]).fetchall()
            hits = [PgHit(r[0], 1.0 / r[1] if r[1] else float("inf")) for r in rows]
        else:
            sql = (f"SELECT doc_id, ts_rank(tsv, %s::tsquery) AS r FROM {SEARCH_TABLE} WHERE {cond} "
                   "ORDER BY r DESC, doc_id LIMIT %s")
            rows = conn.execute(sql, [q, q, *params, limit]).fetchall()
            hits = [PgHit(r[0], float(r[1])) for r in rows]
        total = None
        if count:
            total = conn.execute(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {cond}", [q, *params]).fetchone()[0]
        return hits, total

    def _filters(self, lang, source, since, until, person, org, place, event_type) -> tuple[list[str], list]:
        ix = self._ix
        where, params = [], []

        def any_of(col: str, values, norm) -> None:
            vals = [values] if isinstance(values, str) else list(values or [])
            vals = [norm(v) for v in vals if v]
            if vals:
                where.append(f"{col} = ANY(%s)")
                params.append(vals)

        any_of("language", lang, lambda v: str(v).strip().lower())
        any_of("source_key", source_spellings(source) if source else None, facet_value)   # TASS finds ТАСС
        for kind, value in (("person", person), ("org", org), ("place", place), ("event_type", event_type)):
            vals = [value] if isinstance(value, str) else list(value or [])
            vals = [facet_value(v) if kind != "event_type" else v for v in vals if v]
            if vals:
                where.append(f"EXISTS (SELECT 1 FROM facets f WHERE f.doc_id = {SEARCH_TABLE}.doc_id "
                             "AND f.kind = %s AND f.value = ANY(%s))")
                params += [kind, vals]
        lo, hi = ix._to_datetime(since), ix._to_datetime(until, end=True)
        if since and lo is None or until and hi is None:
            where.append("false")
        else:
            if lo:
                where.append("published_at >= %s")
                params.append(lo)
            if hi:
                where.append("published_at < %s")
                params.append(hi)
        return where, params


# -- facets at scale -----------------------------------------------------------------------------
def refresh_facet_totals(store: Store) -> int:
    """Recount the facet summary (after a bulk load); returns its number of rows."""
    with connect(store) as conn, conn.transaction():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {FACET_TOTALS} (kind varchar(16), display text, n bigint, "
                     "PRIMARY KEY (kind, display))")
        conn.execute(f"TRUNCATE {FACET_TOTALS}")
        conn.execute(f"INSERT INTO {FACET_TOTALS} SELECT kind, display, count(DISTINCT doc_id) FROM facets "
                     "GROUP BY kind, display")
        conn.execute(f"CREATE INDEX IF NOT EXISTS {FACET_TOTALS}_rank ON {FACET_TOTALS} (kind, n DESC, display)")
        return conn.execute(f"SELECT count(*) FROM {FACET_TOTALS}").fetchone()[0]


def facet_top(store: Store, kind: str, limit: int = 20, conn=None) -> list[tuple[str, int]]:
    """Most frequent values of a facet kind, as ``Store.facet_counts`` counts them, from the
    summary (one index range read). The summary reflects the last ``refresh_facet_totals``."""
    own = conn is None
    conn = conn or connect(store, autocommit=True)
    try:
        rows = conn.execute(f"SELECT display, n FROM {FACET_TOTALS} WHERE kind = %s ORDER BY n DESC, display "
                            "LIMIT %s", [kind, limit]).fetchall()
        return [(r[0], int(r[1])) for r in rows]
    finally:
        if own:
            conn.close()


def facet_cooccurring(store: Store, kind: str, value: str, other: str, limit: int = 20,
                      conn=None) -> list[tuple[str, int]]:
    """Top values of facet ``other`` among the documents that have facet ``kind`` = ``value``
    (e.g. the organisations in articles about a person)."""
    own = conn is None
    conn = conn or connect(store, autocommit=True)
    try:
        rows = conn.execute(
            "SELECT f2.display, count(DISTINCT f2.doc_id) AS n FROM facets f1 JOIN facets f2 "
            "ON f2.doc_id = f1.doc_id AND f2.kind = %s WHERE f1.kind = %s AND f1.value = %s "
            "GROUP BY f2.display ORDER BY n DESC, f2.display LIMIT %s",
            [other, kind, facet_value(value), limit]).fetchall()
        return [(r[0], int(r[1])) for r in rows]
    finally:
        if own:
            conn.close()


# -- migration ----------------------------------------------------------------------------------
@dataclass
class MigrationResult:
    documents: int
    blobs: int
    links: int
    entities: int
    checksum: str
    content_digest: str
    seconds: float


def content_digest(store: Store) -> tuple[int, str]:
    """A digest over everything a document holds (metadata, text, layers with attributes,
    stages) and its origins: stricter than ``Store.checksum``."""
    h = hashlib.sha256()
    n = 0
    for doc in store.iter_documents():
        n += 1
        d = doc.to_dict()
        d["layers"] = {k: sorted(v, key=lambda x: (x["start"], x["end"], x["label"], json.dumps(x["attrs"], sort_keys=True)))
                       for k, v in d["layers"].items() if v}
        d["origins"] = sorted(store.origins(doc.id))
        h.update(json.dumps(d, sort_keys=True, ensure_ascii=False).encode())
    return n, h.hexdigest()


def _iter_rows(store: Store, table, batch: int = 2000) -> Iterator[list[dict]]:
    with store.engine.connect() as c:
        res = c.execution_options(stream_results=True).execute(select(table))
        while True:
            rows = res.fetchmany(batch)
            if not rows:
                break
            yield [dict(r._mapping) for r in rows]


def migrate_store(src_db: str, dst_db: str, *, batch: int = COPY_BATCH,
                  on_progress: Callable[[int, int], None] | None = None) -> MigrationResult:
    """Copy every document (with raw bytes, layers, facets, origins), link, story, entity,
    error, API key and feed state from ``src_db`` to ``dst_db``, then prove the copy whole.

    Documents already in the target are replaced by the source's version; a PostgreSQL
    target is loaded with COPY. Raises ``MigrationError`` when counts or checksums differ.
    """
    t0 = time.perf_counter()
    src, dst = Store(src_db), Store(dst_db)
    try:
        total = src.count()
        ids = src.ids()
        pg = dst.is_postgres
        loader = BulkLoader(dst, fresh=False, blobs=False, origins=False) if pg else None
        n = 0
        for i in range(0, len(ids), batch):
            docs = src.get_many(ids[i:i + batch])
            items = [(d, None) for d in docs]
            if loader:
                loader.load_batch(items, _stamps(src, [d.id for d in docs]))
            else:
                dst.save_many(items)
            n += len(docs)
            if on_progress:
                on_progress(n, total)
        if loader:
            loader.close()
        _copy_table(src, dst, s.blobs)
        _copy_table(src, dst, s.origins)
        _copy_table(src, dst, s.links)
        _copy_table(src, dst, s.stories)
        _copy_table(src, dst, s.entities)
        _copy_table(src, dst, s.entity_mentions)
        _copy_table(src, dst, s.ingest_errors, keyless=True)
        _copy_table(src, dst, s.api_keys)
        _copy_table(src, dst, s.feed_state)
        if pg:
            refresh_facet_totals(dst)
        # proof: counts per table, the store checksum and the full content digest
        for t in (s.documents, s.blobs, s.origins, s.annotations, s.facets, s.links, s.stories, s.entities,
                  s.entity_mentions):
            a, b = _count(src, t), _count(dst, t)
            if a > b:
                raise MigrationError(f"E701: table {t.name}: {a} rows in the source, {b} in the target")
        c_src, c_dst = src.checksum(), dst.checksum()
        if c_src[1] != c_dst[1] or c_src[0] > c_dst[0]:
            raise MigrationError(f"E703: checksum differs: source {c_src}, target {c_dst}")
        d_src, d_dst = content_digest(src), content_digest(dst)
        if d_src != d_dst:
            raise MigrationError(f"E704: content digest differs: source {d_src}, target {d_dst}")
        return MigrationResult(documents=n, blobs=_count(dst, s.blobs), links=_count(dst, s.links),
                               entities=_count(dst, s.entities), checksum=c_dst[1], content_digest=d_dst[1],
                               seconds=time.perf_counter() - t0)
    finally:
        src.close()
        dst.close()


def _stamps(store: Store, ids: list[str]) -> dict[str, tuple[str, str]]:
    q = select(s.documents.c.id, s.documents.c.created_at, s.documents.c.updated_at).where(s.documents.c.id.in_(ids))
    with store.engine.connect() as c:
        return {r[0]: (r[1], r[2]) for r in c.execute(q)}


def _count(store: Store, table) -> int:
    from sqlalchemy import func
    with store.engine.connect() as c:
        return c.execute(select(func.count()).select_from(table)).scalar_one()


def _copy_table(src: Store, dst: Store, table, keyless: bool = False) -> None:
    """Rows of a side table into the target; rows already there (same key) are kept."""
    for rows in _iter_rows(src, table):
        with dst.engine.begin() as c:
            if keyless:
                existing = {tuple(r) for r in c.execute(select(*[col for col in table.c if col.name != "id"]))}
                rows = [{k: v for k, v in r.items() if k != "id"} for r in rows]
                rows = [r for r in rows if tuple(r.values()) not in existing]
                if rows:
                    c.execute(table.insert(), rows)
            else:
                c.execute(dst._insert(table).on_conflict_do_nothing(), rows)
