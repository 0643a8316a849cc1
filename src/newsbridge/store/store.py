"""The store: one interface, SQLite (default) or PostgreSQL behind the same schema.

Writes go through short transactions (a document and its layers commit together), so a
crash mid-batch leaves every stored document whole and a re-run finishes the job.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import Engine, create_engine, delete, event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ..crossscript import english_name
from ..model import (EVENTS, LOCATIONS, ORGANIZATIONS, PARAGRAPHS, PERSONS, QUOTES, Document, Link, Span,
                     normalize_text)
from . import schema as s

_MIGRATIONS = Path(__file__).parent / "migrations"
BLOB_COMPRESSION = 1   # zlib level: level 6 cost a quarter of a store write for ~10% smaller blobs
# Layers whose spans are only ever read back with their document, never queried by SQL: stored as
# one row holding every span (paragraphs were 17 of an article's 21 annotation rows).
PACKED_LAYERS = (PARAGRAPHS,)
PACKED_KEY = "packed"


def annotation_rows(doc: Document) -> Iterator[tuple]:
    """(doc_id, layer, start, end, label, attrs) for every span; a packed layer's plain spans (one
    label, no attributes) in one row whose attrs list them as [start, end] pairs."""
    doc_id = doc.id
    for layer, spans in doc.layers.items():
        if layer in PACKED_LAYERS and len(spans) > 1 and not any(sp.attrs for sp in spans) \
                and len({sp.label for sp in spans}) == 1:
            yield (doc_id, layer, spans[0].start, spans[-1].end, spans[0].label,
                   {PACKED_KEY: [[sp.start, sp.end] for sp in spans]})
            continue
        for sp in spans:
            yield (doc_id, layer, sp.start, sp.end, sp.label, sp.attrs or None)


def spans_of_row(start: int, end: int, label: str, attrs: dict | None, layer: str) -> list[Span]:
    """The spans one annotation row holds (several for a packed layer)."""
    if layer in PACKED_LAYERS and attrs and PACKED_KEY in attrs:
        return [Span(a, b, label, {}) for a, b in attrs[PACKED_KEY]]
    return [Span(start, end, label, dict(attrs or {}))]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def engine_url(db: str) -> str:
    """A path becomes a SQLite URL; postgresql:// selects the psycopg 3 driver."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def facet_value(name: str) -> str:
    return normalize_text(name)[:300]


def _text_attr(value: Any) -> str:
    """An attribute read as a facet: layers from other tools may hold anything, facets only text."""
    return value if isinstance(value, str) else ""


def document_facets(doc: Document) -> set[tuple[str, str, str]]:
    """(kind, normalised value, display) facts that search and the API filter on."""
    out: set[tuple[str, str, str]] = set()
    for layer, kind in ((PERSONS, "person"), (ORGANIZATIONS, "org"), (LOCATIONS, "place")):
        for span in doc.layer(layer):
            name = _text_attr(span.attrs.get("name")) or doc.span_text(span)
            aliases = span.attrs.get("aliases")
            forms = [name, *aliases] if isinstance(aliases, list) else [name]     # may hold any JSON
            # a place's or an agency's English name: Китай finds China and counts under it, as in
            # the search index
            english = english_name(kind, name, span.attrs)
            forms.append(english)
            display = english or name
            for form in forms:
                if form and isinstance(form, str):
                    out.add((kind, facet_value(form), display))
    for span in doc.layer(EVENTS):
        if span.label:
            out.add(("event_type", span.label, span.label))
    for span in doc.layer(QUOTES):
        speaker = _text_attr(span.attrs.get("speaker"))
        if speaker:
            out.add(("speaker", facet_value(speaker), speaker))
    return {(k, v, d) for k, v, d in out if v}


class Store:
    """Documents, raw bytes, layers, links, stories and entities in one database."""

    def __init__(self, db: str, *, migrate: bool = True, echo: bool = False) -> None:
        self.db = db
        self.url = engine_url(db)
        self.is_postgres = self.url.startswith("postgresql")
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_postgres:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if not self.is_postgres:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._insert = postgresql.insert if self.is_postgres else sqlite.insert
        self._sqlite_sql: dict[str, str] | None = None
        if migrate:
            self.migrate()

    # -- lifecycle ---------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent)."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        with self.engine.begin() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- raw bytes ---------------------------------------------------------------------------
    def put_blob(self, raw: bytes, conn=None) -> str:
        sha = hashlib.sha256(raw).hexdigest()
        stmt = self._insert(s.blobs).values(sha256=sha, size=len(raw), data=zlib.compress(raw, BLOB_COMPRESSION),
                                            created_at=now()).on_conflict_do_nothing()
        if conn is None:
            with self.engine.begin() as c:
                c.execute(stmt)
        else:
            conn.execute(stmt)
        return sha

    def get_blob(self, sha: str) -> bytes | None:
        with self.engine.connect() as c:
            data = c.execute(select(s.blobs.c.data).where(s.blobs.c.sha256 == sha)).scalar()
        return zlib.decompress(data) if data is not None else None

    def has_blob(self, sha: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(s.blobs.c.sha256).where(s.blobs.c.sha256 == sha)).first() is not None

    # -- documents ---------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first() is not None

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                found.update(r[0] for r in c.execute(select(s.documents.c.id).where(s.documents.c.id.in_(chunk))))
        return found

    def save(self, doc: Document, raw: bytes | None = None) -> None:
        self.save_many([(doc, raw)])

    def save_many(self, items: Iterable[tuple[Document, bytes | None]]) -> int:
        """Insert or replace documents with their layers and facets, all in one transaction."""
        items = list(items)
        if not items:
            return 0
        stamp = now()
        rows: dict[str, list[tuple]] = {"blobs": [], "documents": [], "annotations": [], "facets": [], "origins": []}
        blob_rows, ann_rows, facet_rows = rows["blobs"], rows["annotations"], rows["facets"]
        for doc, raw in items:
            if raw is not None:
                sha = hashlib.sha256(raw).hexdigest()
                doc.raw_sha256 = doc.raw_sha256 or sha
                blob_rows.append((sha, len(raw), zlib.compress(raw, BLOB_COMPRESSION), stamp))
            rows["documents"].append(self._doc_tuple(doc, stamp))
            doc_id = doc.id
            ann_rows.extend(annotation_rows(doc))
            for kind, value, display in document_facets(doc):
                facet_rows.append((doc_id, kind, value, display))
            if doc.origin:
                rows["origins"].append((doc_id, doc.origin, stamp))
        ids = [r[0] for r in rows["documents"]]
        with self.engine.begin() as c:
            c.execute(delete(s.annotations).where(s.annotations.c.doc_id.in_(ids)))
            c.execute(delete(s.facets).where(s.facets.c.doc_id.in_(ids)))
            if self.is_postgres:
                self._insert_rows_generic(c, rows)
            else:
                self._insert_rows_sqlite(c, rows)
        return len(ids)

    # Rows of save_many, in these column orders; JSON columns hold Python values until written.
    _COLUMNS = {
        "blobs": ("sha256", "size", "data", "created_at"),
        "documents": ("id", "raw_sha256", "origin", "url", "media_type", "title", "language", "published",
                      "source", "text", "body_hash", "meta", "stages", "created_at", "updated_at"),
        "annotations": ("doc_id", "layer", "start", "end", "label", "attrs"),
        "facets": ("doc_id", "kind", "value", "display"),
        "origins": ("doc_id", "origin", "seen_at"),
    }
    _JSON_COLUMNS = {"documents": (11, 12), "annotations": (5,)}
    # Blobs before documents (a document may name its blob); the order the generic path used.
    _WRITE_ORDER = ("blobs", "documents", "annotations", "facets", "origins")

    def _write_statements(self) -> dict[str, Any]:
        """The insert statement of each table of save_many (upsert for documents)."""
        stmts: dict[str, Any] = {}
        for table in self._WRITE_ORDER:
            ins = self._insert(getattr(s, table))
            if table == "documents":
                cols = self._COLUMNS["documents"]
                stmts[table] = ins.on_conflict_do_update(
                    index_elements=["id"], set_={k: ins.excluded[k] for k in cols if k not in ("id", "created_at")})
            elif table == "annotations":
                stmts[table] = s.annotations.insert()
            else:
                stmts[table] = ins.on_conflict_do_nothing()
        return stmts

    def _insert_rows_generic(self, c, rows: dict[str, list[tuple]]) -> None:
        stmts = self._write_statements()
        for table in self._WRITE_ORDER:
            if rows[table]:
                cols = self._COLUMNS[table]
                c.execute(stmts[table], [dict(zip(cols, r)) for r in rows[table]])

    def _insert_rows_sqlite(self, c, rows: dict[str, list[tuple]]) -> None:
        """The same statements, compiled once, run by sqlite3's executemany on tuples: SQLAlchemy's
        per-row parameter processing cost more than SQLite's inserts. JSON values are written as
        SQLAlchemy writes them (json.dumps; None as 'null')."""
        if self._sqlite_sql is None:
            stmts = self._write_statements()
            self._sqlite_sql = {}
            for table, stmt in stmts.items():
                compiled = stmt.compile(dialect=self.engine.dialect, column_keys=list(self._COLUMNS[table]))
                if tuple(compiled.positiontup) != self._COLUMNS[table]:
                    raise RuntimeError(f"E011: unexpected parameter order for {table}: {compiled.positiontup}")
                self._sqlite_sql[table] = compiled.string
        cur = c.connection.driver_connection.cursor()
        try:
            for table in self._WRITE_ORDER:
                table_rows = rows[table]
                if not table_rows:
                    continue
                for i in self._JSON_COLUMNS.get(table, ()):
                    table_rows = [r[:i] + (_json_text(r[i]),) + r[i + 1:] for r in table_rows]
                cur.executemany(self._sqlite_sql[table], table_rows)
        finally:
            cur.close()

    @staticmethod
    def _doc_tuple(doc: Document, stamp: str) -> tuple:
        return (doc.id, doc.raw_sha256, doc.origin, doc.url, doc.media_type, doc.title, doc.language,
                doc.published, doc.source, doc.text, doc.body_hash, doc.meta or {}, doc.stages or {}, stamp, stamp)

    def add_origin(self, doc_id: str, origin: str) -> None:
        with self.engine.begin() as c:
            c.execute(self._insert(s.origins).values(doc_id=doc_id, origin=origin, seen_at=now())
                      .on_conflict_do_nothing())

    def origins(self, doc_id: str) -> list[str]:
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(select(s.origins.c.origin).where(s.origins.c.doc_id == doc_id)
                                            .order_by(s.origins.c.seen_at, s.origins.c.origin))]

    def get(self, doc_id: str) -> Document | None:
        docs = self.get_many([doc_id])
        return docs[0] if docs else None

    def get_many(self, ids: list[str]) -> list[Document]:
        """Documents with their layers, in the order of ``ids`` (missing ids are skipped)."""
        if not ids:
            return []
        with self.engine.connect() as c:
            rows = {r.id: r for r in c.execute(select(s.documents).where(s.documents.c.id.in_(ids)))}
            anns: dict[str, list] = {}
            q = (select(s.annotations).where(s.annotations.c.doc_id.in_(list(rows)))
                 .order_by(s.annotations.c.doc_id, s.annotations.c.id))
            for a in c.execute(q):
                anns.setdefault(a.doc_id, []).append(a)
        return [self._to_document(rows[i], anns.get(i, [])) for i in ids if i in rows]

    @staticmethod
    def _to_document(r, anns) -> Document:
        doc = Document(id=r.id, text=r.text, origin=r.origin, url=r.url, raw_sha256=r.raw_sha256,
                       media_type=r.media_type or "text/plain", title=r.title, language=r.language,
                       published=r.published, source=r.source, meta=dict(r.meta or {}),
                       stages=dict(r.stages or {}))
        for a in anns:
            doc.layers.setdefault(a.layer, []).extend(spans_of_row(a.start, a.end, a.label or "", a.attrs, a.layer))
        return doc

    def ids(self, *, order_by_published: bool = False) -> list[str]:
        q = select(s.documents.c.id)
        q = q.order_by(s.documents.c.published, s.documents.c.id) if order_by_published else q.order_by(s.documents.c.id)
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def iter_documents(self, batch: int = 500, ids: list[str] | None = None) -> Iterator[Document]:
        """Every document with its layers, streamed in batches (bounded memory)."""
        ids = ids if ids is not None else self.ids()
        for i in range(0, len(ids), batch):
            yield from self.get_many(ids[i:i + batch])

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(select(func.count()).select_from(s.documents)).scalar_one()

    def docs_with_facet(self, kind: str, value: str) -> set[str]:
        with self.engine.connect() as c:
            q = select(s.facets.c.doc_id).where(s.facets.c.kind == kind, s.facets.c.value == facet_value(value))
            return {r[0] for r in c.execute(q)}

    def facet_counts(self, kind: str, limit: int = 20, doc_ids: Iterable[str] | None = None) -> list[tuple[str, int]]:
        """Most frequent facet values (display form, count)."""
        q = (select(s.facets.c.display, func.count(func.distinct(s.facets.c.doc_id)).label("n"))
             .where(s.facets.c.kind == kind))
        if doc_ids is not None:
            q = q.where(s.facets.c.doc_id.in_(list(doc_ids)))
        q = q.group_by(s.facets.c.display).order_by(text("n DESC")).limit(limit)
        with self.engine.connect() as c:
            return [(r[0], r[1]) for r in c.execute(q)]

    def facet_counts_column(self, column: str, limit: int = 20) -> list[tuple[str, int]]:
        """Most frequent values of a document column (language, source)."""
        col = s.documents.c[column]
        q = (select(col, func.count().label("n")).where(col.is_not(None)).group_by(col)
             .order_by(text("n DESC")).limit(limit))
        with self.engine.connect() as c:
            return [(r[0], r[1]) for r in c.execute(q)]

    def link_counts(self) -> list[tuple[str, int]]:
        q = select(s.links.c.kind, func.count().label("n")).group_by(s.links.c.kind).order_by(text("n DESC"))
        with self.engine.connect() as c:
            return [(r[0], r[1]) for r in c.execute(q)]

    def find_by_url(self, url: str) -> list[Document]:
        with self.engine.connect() as c:
            ids = [r[0] for r in c.execute(select(s.documents.c.id).where(s.documents.c.url == url))]
        return self.get_many(ids)

    def find_by_body_hash(self, body_hash: str) -> list[str]:
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(select(s.documents.c.id).where(s.documents.c.body_hash == body_hash))]

    # -- errors ------------------------------------------------------------------------------
    def record_error(self, origin: str, reason: str, line: int | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(s.ingest_errors.insert().values(origin=origin, line=line, reason=reason, at=now()))

    def errors(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(s.ingest_errors).order_by(s.ingest_errors.c.id))]

    # -- links, stories, entities ------------------------------------------------------------
    def save_links(self, links: Iterable[Link]) -> int:
        rows = [{"a": l.a, "b": l.b, "kind": l.kind, "score": float(l.score), "evidence": l.evidence or {},
                 "created_at": now()} for l in links]
        if not rows:
            return 0
        with self.engine.begin() as c:
            ins = self._insert(s.links)
            c.execute(ins.on_conflict_do_update(index_elements=["a", "b", "kind"],
                                                set_={"score": ins.excluded.score, "evidence": ins.excluded.evidence}),
                      rows)
        return len(rows)

    def links(self, doc_id: str | None = None, kind: str | None = None) -> list[Link]:
        q = select(s.links)
        if doc_id:
            q = q.where((s.links.c.a == doc_id) | (s.links.c.b == doc_id))
        if kind:
            q = q.where(s.links.c.kind == kind)
        with self.engine.connect() as c:
            return [Link(r.a, r.b, r.kind, r.score, dict(r.evidence or {}))
                    for r in c.execute(q.order_by(s.links.c.a, s.links.c.b, s.links.c.kind))]

    def replace_stories(self, rows: list[dict[str, Any]]) -> None:
        """Replace the story table (story_id, doc_id, role, parent, position, evidence rows)."""
        with self.engine.begin() as c:
            c.execute(delete(s.stories))
            if rows:
                c.execute(s.stories.insert(), rows)

    def stories(self, story_id: str | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
        q = select(s.stories)
        if doc_id:
            q = q.where(s.stories.c.story_id.in_(select(s.stories.c.story_id).where(s.stories.c.doc_id == doc_id)))
        if story_id:
            q = q.where(s.stories.c.story_id == story_id)
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(q.order_by(s.stories.c.story_id, s.stories.c.position))]

    def save_entities(self, entities: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> None:
        """Upsert entities (key, name, kind, aliases, attrs) and their mentions (entity_key, doc_id, name, language, score)."""
        with self.engine.begin() as c:
            if entities:
                ins = self._insert(s.entities)
                c.execute(ins.on_conflict_do_update(index_elements=["key"], set_={
                    "name": ins.excluded.name, "aliases": ins.excluded.aliases, "attrs": ins.excluded.attrs}), entities)
            if mentions:
                c.execute(self._insert(s.entity_mentions).on_conflict_do_nothing(), mentions)

    def entities(self, name: str | None = None) -> list[dict[str, Any]]:
        q = select(s.entities)
        with self.engine.connect() as c:
            rows = [dict(r._mapping) for r in c.execute(q.order_by(s.entities.c.key))]
        if name:
            n = normalize_text(name)
            rows = [r for r in rows if n in {normalize_text(a) for a in [r["name"], *(r["aliases"] or [])]}]
        return rows

    def entity_mentions(self, key: str) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            q = select(s.entity_mentions).where(s.entity_mentions.c.entity_key == key)
            return [dict(r._mapping) for r in c.execute(q)]

    # -- api keys and feeds (used by the service layer) ------------------------------------------
    def execute(self, stmt, params=None):
        """Run one statement in its own transaction (for small service-layer writes)."""
        with self.engine.begin() as c:
            return c.execute(stmt, params) if params is not None else c.execute(stmt)

    def checksum(self) -> tuple[int, str]:
        """(count, digest over ids, text and layers): compares two stores for a lossless move."""
        h = hashlib.sha256()
        n = 0
        for doc in self.iter_documents():
            n += 1
            h.update(doc.id.encode())
            h.update(doc.text.encode())
            for layer in sorted(doc.layers):
                for sp in sorted(doc.layers[layer], key=lambda x: (x.start, x.end, x.label)):
                    h.update(f"{layer}:{sp.start}:{sp.end}:{sp.label}".encode())
        return n, h.hexdigest()


def _json_text(value: Any) -> str:
    """A JSON column's value as SQLAlchemy's JSON type writes it on SQLite."""
    return "null" if value is None else json.dumps(value)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
