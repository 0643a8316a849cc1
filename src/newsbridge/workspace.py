"""The Python API: a store, its search index and the pipeline, behind one object.

The CLI and the web layer are thin over this; a notebook user can call it directly:

    from newsbridge.workspace import Workspace
    ws = Workspace.open("newsbridge.db")
    ws.ingest(["articles/"])
    ws.search("media forum Beijing")
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Sequence
from typing import Any, Callable, Iterable, Iterator

from .ingest.files import InputError, RawItem, iter_items, record_item
from .model import Document, document_id
from .pipeline import DEFAULT_STAGES, EXTRACT_STAGES, RunReport, run
from .settings import Settings, load_settings
from .store import Store

log = logging.getLogger(__name__)

BATCH = 200
INDEX_COMMIT_EVERY = 5000   # a tantivy commit per batch costs ~25% of indexing and leaves tiny segments


class DocumentIds(Sequence[str]):
    """The ids of added documents, in order, held as 10-byte digests: an ingest of a million
    articles keeps 10 MB of ids instead of 77 MB of Python strings. Ids that are not 20
    lower-case hex digits (``document_id``'s form) are kept as they are."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._packed = bytearray()
        self._other: dict[int, str] = {}
        for i in ids:
            self.append(i)

    def append(self, doc_id: str) -> None:
        try:
            digest = bytes.fromhex(doc_id) if len(doc_id) == 20 else b""
        except ValueError:
            digest = b""
        if len(digest) != 10 or digest.hex() != doc_id:
            self._other[len(self)] = doc_id
            digest = bytes(10)
        self._packed += digest

    def __len__(self) -> int:
        return len(self._packed) // 10

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("document id index out of range")
        other = self._other.get(i)
        return other if other is not None else self._packed[i * 10:i * 10 + 10].hex()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (DocumentIds, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"DocumentIds({list(self)!r})"


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0                       # already stored (same bytes)
    errors: list[str] = field(default_factory=list)
    ids: DocumentIds = field(default_factory=DocumentIds)

    @property
    def ok(self) -> bool:
        return not self.errors


def build_document(item: RawItem, doc_id: str | None = None) -> Document:
    """Original bytes -> Document with its text (decoding/HTML extraction), before any stage.

    ``doc_id``: ``document_id(item.raw)`` when the caller has it already (saves a hash)."""
    from .extract.decode import DecodeError, decode_bytes
    from .extract.html import html_to_text

    meta = dict(item.meta)
    url = item.url
    media_type = "text/plain"
    try:
        if item.kind == "record":
            import json
            obj = json.loads(item.raw)
            if obj.get("text"):
                text = obj["text"]
            else:
                text, html_meta = html_to_text(obj["html"], url=url)
                media_type = "text/html"
                meta = {**{k: v for k, v in html_meta.items() if v}, **meta}
        elif item.kind == "html":
            text, html_meta = html_to_text(_declared_text(item.raw, meta.get("charset")), url=url)
            media_type = "text/html"
            meta.update({k: v for k, v in html_meta.items() if v})
            url = url or html_meta.get("url")
        else:
            text = decode_bytes(item.raw, item.origin)
    except DecodeError as exc:
        raise InputError(item.origin, str(exc)) from None
    if "\r" in text:           # one scan instead of two replaces on the common text without \r
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():    # (not text.strip(), without copying the text)
        raise InputError(item.origin, "no text found")
    return Document(id=doc_id or document_id(item.raw), text=text, origin=item.origin, url=url,
                    media_type=media_type, meta=meta)


def _declared_text(raw: bytes, charset: str | None) -> str | bytes:
    """Bytes decoded with the charset an HTTP header declared, when it fits; else the bytes."""
    if not charset:
        return raw
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return raw


class Workspace:
    """One store + one search index + the registered stages."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.store = Store(self.settings.db)
        self._index = None
        self._rebuilt_on_open = False      # the index was stale and has just been rebuilt from the store
        self._uncommitted = 0

    @classmethod
    def open(cls, db: str | None = None, **overrides) -> "Workspace":
        return cls(load_settings(db=db, **overrides))

    def close(self) -> None:
        if self._index is not None:
            self.commit_index()
            self._index.close()
        self.store.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def index(self):
        if self._index is None:
            from .search.index import IndexError_, SearchIndex
            path = self.settings.search_index_path
            try:
                self._index = SearchIndex(path)
            except IndexError_ as exc:
                if "E302" not in str(exc):
                    raise
                import shutil
                shutil.rmtree(path)
                self._index = SearchIndex(path)
                self._index.stale = True
            self._catch_up_index()
        return self._index

    def _catch_up_index(self) -> None:
        """The index is derived: rebuild it when an older version wrote it, and add what a crash
        left out (documents stored but not yet committed to the index)."""
        idx = self._index
        if idx.stale:
            log.warning("search index at %s was written by another version; rebuilding it from the store",
                        self.settings.search_index_path)
            idx.rebuild(self.store.iter_documents())
            self._rebuilt_on_open = True
            return
        stored = self.store.count()
        if idx.count() < stored:
            indexed = set(idx.ids())
            missing = [i for i in self.store.ids() if i not in indexed]
            log.warning("search index lacks %d stored articles; adding them", len(missing))
            idx.add(self.store.iter_documents(ids=missing))
            idx.commit()

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, stages: Iterable[str] = DEFAULT_STAGES, link: bool = True,
               on_progress: Callable[[str], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> IngestReport:
        """Ingest files and folders; bad inputs are reported and skipped, never fatal.

        With ``link`` (the default) new articles are linked to the stored ones as they arrive;
        bulk loads can skip that and run ``link()`` once afterwards.
        """
        items = iter_items(list(paths), self.settings.max_input_bytes)
        return self.ingest_items(items, stages=stages, link=link, on_progress=on_progress, on_error=on_error)

    def ingest_records(self, records: Iterable[dict[str, Any]], origin: str = "api",
                       stages: Iterable[str] = DEFAULT_STAGES) -> IngestReport:
        """Ingest JSONL-style records {url, title, text|html, published, source}."""
        def items() -> Iterator[RawItem | InputError]:
            for i, rec in enumerate(records, 1):
                where = (rec.get("url") if isinstance(rec, dict) else None) or f"{origin}#{i}"
                try:
                    yield record_item(rec, where)
                except InputError as exc:
                    yield exc
        return self.ingest_items(items(), stages=stages)

    def ingest_bytes(self, raw: bytes, origin: str, *, kind: str = "html", url: str | None = None,
                     meta: dict[str, Any] | None = None, stages: Iterable[str] = DEFAULT_STAGES) -> IngestReport:
        """Ingest one page or text already in memory (fetched URL, WARC record, pushed article)."""
        item = RawItem(origin=origin, raw=raw, kind=kind, url=url, meta=dict(meta or {}))
        return self.ingest_items([item], stages=stages)

    def ingest_items(self, items: Iterable[RawItem | InputError], *, stages: Iterable[str] = DEFAULT_STAGES,
                     link: bool = True, on_progress: Callable[[str], None] | None = None,
                     on_error: Callable[[str], None] | None = None) -> IngestReport:
        stages = tuple(stages)
        report = IngestReport()
        batch: list[RawItem] = []
        _ = self.index  # open (and catch up) the index before the store moves ahead of it

        def fail(err: InputError) -> None:
            report.errors.append(err.message)
            self.store.record_error(err.origin, err.reason, err.line)
            if on_error:
                on_error(err.message)

        for item in items:
            if isinstance(item, InputError):
                fail(item)
                if on_progress:
                    on_progress(item.origin)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                self._ingest_batch(batch, stages, report, fail, on_progress, link)
                batch = []
        if batch:
            self._ingest_batch(batch, stages, report, fail, on_progress, link)
        self.commit_index()
        return report

    def commit_index(self) -> None:
        if self._uncommitted:
            self.index.commit()
            self._uncommitted = 0

    def _ingest_batch(self, batch: list[RawItem], stages: tuple[str, ...], report: IngestReport,
                      fail: Callable[[InputError], None], on_progress, link: bool = True) -> None:
        ids = {id(it): document_id(it.raw) for it in batch}
        existing = self.store.existing_ids(set(ids.values()))
        fresh: list[tuple[RawItem, Document]] = []
        seen: set[str] = set()
        for it in batch:
            doc_id = ids[id(it)]
            if doc_id in existing or doc_id in seen:
                self.store.add_origin(doc_id, it.origin)  # same bytes from elsewhere: one more origin
                report.skipped += 1
                if on_progress:
                    on_progress(it.origin)
                continue
            seen.add(doc_id)
            try:
                fresh.append((it, build_document(it, doc_id)))
            except InputError as exc:
                fail(exc)
                if on_progress:
                    on_progress(it.origin)
        raws = {doc.id: it.raw for it, doc in fresh}
        run_report = RunReport()
        done = list(run((doc for _, doc in fresh), stages, run_report))
        for f in run_report.failures:
            self.store.put_blob(raws[f.doc_id])  # keep the bytes even when processing failed
            fail(InputError(f.origin or f.doc_id, f"stage {f.stage} failed: {f.reason}"))
        if done:
            self.store.save_many((d, raws[d.id]) for d in done)
            self._after_save(done, link)
        for d in done:
            report.added += 1
            report.ids.append(d.id)
            if on_progress:
                on_progress(d.origin or d.id)

    def _after_save(self, docs: list[Document], link: bool = True) -> None:
        """Derived state follows the store: search index, then incremental linking."""
        self.index.add(docs)
        self._uncommitted += len(docs)
        if self._uncommitted >= INDEX_COMMIT_EVERY:
            self.commit_index()
        if not link:
            return
        try:
            from .link import on_ingest
        except ImportError:
            return
        on_ingest(self.store, docs)

    # -- read ----------------------------------------------------------------------------------
    def show(self, doc_id: str) -> Document | None:
        doc = self.store.get(doc_id)
        if doc is None:  # allow unique id prefixes
            matches = [i for i in self.store.ids() if i.startswith(doc_id)] if len(doc_id) >= 6 else []
            if len(matches) == 1:
                doc = self.store.get(matches[0])
        return doc

    def search(self, query: str, **filters):
        return self.index.search(query, **filters)

    def reindex(self, on_progress: Callable[[str], None] | None = None) -> int:
        """Rebuild the search index from the store (the store is the truth)."""
        index = self.index
        if self._rebuilt_on_open:        # opening it found it stale and rebuilt it already
            self._rebuilt_on_open = False
            return index.count()
        def docs() -> Iterator[Document]:
            for d in self.store.iter_documents():
                if on_progress:
                    on_progress(d.id)
                yield d
        return self.index.rebuild(docs())

    def reanalyze(self, stages: Iterable[str] = DEFAULT_STAGES) -> int:
        """Run the stages again over every stored document (after an analyzer update)."""
        n = 0
        batch: list[Document] = []
        for doc in run(self.store.iter_documents(), stages):
            batch.append(doc)
            if len(batch) >= BATCH:
                self.store.save_many((d, None) for d in batch)
                n += len(batch)
                batch = []
        if batch:
            self.store.save_many((d, None) for d in batch)
            n += len(batch)
        self.reindex()
        return n


def extract_file(path: str | Path, stages: Iterable[str] = DEFAULT_STAGES,
                 max_bytes: int = 50 * 1024 * 1024) -> Iterator[Document | InputError]:
    """Documents of one input file, through the stages, without touching any store."""
    for item in iter_items([path], max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            doc = build_document(item)
        except InputError as exc:
            yield exc
            continue
        report = RunReport()
        out = list(run([doc], stages, report))
        if out:
            yield out[0]
        for f in report.failures:
            yield InputError(item.origin, f"stage {f.stage} failed: {f.reason}")


__all__ = ["Workspace", "IngestReport", "DocumentIds", "build_document", "extract_file", "EXTRACT_STAGES"]
