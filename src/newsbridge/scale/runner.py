"""Run the registered stages over inputs locally or on Ray Data, writing to the configured store.

Both engines read inputs with the same reader (``ingest.files.iter_items``), build documents
with the same function (``workspace.build_document``), run the same stages and write through
the same path (``Store.save_many`` + the search index + the linking hook, in windows of
``workspace.BATCH`` inputs, in input order), so they store the same documents and facts.

On Ray the inputs stream out of one read task in small blocks; an actor pool of
``num_workers`` actors (each loads the stages and warms the analyzers once) builds and
analyses documents with ``map_batches``; the driver alone writes, so SQLite's single
writer is respected and PostgreSQL sees one transaction per window. Documents travel
between processes as JSON (``Document.to_dict``).
"""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..ingest.files import InputError, RawItem, entry_item_count, entry_items, walk
from ..model import Document, document_id
from ..pipeline import DEFAULT_STAGES, get_stage
from ..settings import Settings, load_settings
from ..workspace import BATCH, IngestReport, Workspace, build_document

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")
READ_TASKS_PER_WORKER = 4  # read tasks per actor: each task's blocks go to one actor
READ_BLOCK = 16          # inputs per block out of the reader: small, so work spreads over actors
MAX_READ_TASK_ITEMS = 64  # inputs per read task at most: results stream back as tasks finish
MAP_BATCH = 8            # documents per actor call (models are warm; small batches balance load)

# One short article per language the analyzers know: run once per worker so every model is
# loaded before the first real batch (and load time is not counted as throughput).
_WARM_TEXTS = {
    "en": "Leaders meet in Beijing\n\nBEIJING, 3 January (Xinhua) -- President John Smith met "
          "Minister Anna Lee on Monday. \"We agreed to work together,\" Smith said.\n",
    "ru": "Встреча в Москве\n\nМОСКВА, 3 января. Президент Иван Петров встретился с министром "
          "Анной Ли. «Мы договорились», — сказал Петров.\n",
    "zh": "领导人在北京会见\n\n新华社北京1月3日电 国家主席张伟3日在北京会见部长李娜。张伟表示，双方同意加强合作。\n",
}


class RunError(RuntimeError):
    """The run cannot start (E601...)."""


@dataclass
class ScaleReport(IngestReport):
    """What a run did: the ingest report plus the engine, timings and per-stage seconds."""

    engine: str = "local"
    workers: int = 1
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)   # worker seconds per stage
    write_seconds: float = 0.0
    worker_seconds: dict[str, float] = field(default_factory=dict)  # busy seconds per Ray worker
    first_result_s: float = 0.0       # start-up: actors started, models warm, first batch back
    write_stage_seconds: dict[str, float] = field(default_factory=dict)   # driver seconds: store, index, link

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0

    @property
    def steady_rate(self) -> float:
        """Articles per second after start-up (the first batch back)."""
        busy = self.seconds - self.first_result_s
        return self.added / busy if busy > 0 else 0.0


def run_pipeline(paths: Iterable[str | Path], settings: Settings | None = None, engine: str = "local",
                 num_workers: int = 2, stages: Iterable[str] = DEFAULT_STAGES, *,
                 on_progress: Callable[[str], None] | None = None,
                 on_error: Callable[[str], None] | None = None,
                 map_batch: int = MAP_BATCH, link: bool = True) -> ScaleReport:
    """Ingest ``paths`` through ``stages`` into the store of ``settings`` on ``engine``."""
    settings = settings or load_settings()
    stages = tuple(stages)
    paths = [str(p) for p in paths]
    if engine not in ENGINES:
        raise RunError(f"E601: unknown engine {engine!r}; choose {' or '.join(ENGINES)}")
    for name in stages:          # fail before starting anything when a stage is unknown
        get_stage(name)
    t0 = time.perf_counter()
    if engine == "local":
        with Workspace(settings) as ws:
            rep = ws.ingest(paths, stages=stages, link=link, on_progress=on_progress, on_error=on_error)
        out = ScaleReport(**vars(rep), engine="local", workers=1)
    else:
        out = _run_ray(paths, settings, stages, max(1, int(num_workers)), on_progress, on_error, map_batch, link)
    out.seconds = time.perf_counter() - t0
    return out


# -- the worker side ------------------------------------------------------------------------------
_OUT_COLUMNS = ("seq", "status", "id", "origin", "doc", "raw", "reason", "line", "timing", "emb")


class StageWorker:
    """A Ray actor: loads the stages and warms the analyzers once, then builds and analyses
    documents batch after batch. Inputs already in the store come back as ``dup`` without work."""

    def __init__(self, stages: tuple[str, ...], db: str | None = None, warm: bool = True,
                 embed: bool = False) -> None:
        logging.getLogger("ray").setLevel(logging.WARNING)
        self.stages = tuple(stages)
        # The linker's sentence encoder costs about as much as analysis; it is a function of the
        # finished document, so workers run it in parallel and the single writer only looks up.
        self.embed = embed
        self.chain = [get_stage(n) for n in self.stages]
        self.store = None
        if db:
            from ..store import Store
            self.store = Store(db, migrate=False)
        if warm:
            self._warm()

    def _warm(self) -> None:
        for lang, text in _WARM_TEXTS.items():
            doc = Document(id=f"warm-{lang}", text=text, origin="warm")
            try:
                _run_stages(self.chain, [doc], {})
            except Exception as exc:  # a missing model shows up on the real batch, with its document
                log.debug("warm-up for %s failed: %s", lang, exc)

    def __call__(self, batch) -> Any:
        rows = batch.to_pylist() if hasattr(batch, "to_pylist") else _columns_to_rows(batch)
        out: list[dict[str, Any]] = []
        items: list[tuple[dict, RawItem]] = []
        for r in rows:
            if r["status"] == "error":
                out.append(dict(r, doc=None, raw=None, timing=None))
                continue
            items.append((r, RawItem(origin=r["origin"], raw=r["raw"], kind=r["kind"], url=r["url"],
                                     meta=json.loads(r["meta"] or "{}"))))
        existing = self.store.existing_ids({document_id(it.raw) for _, it in items}) if self.store and items else set()
        timing: dict[str, float] = {}
        docs: list[tuple[dict, RawItem, Document]] = []
        t = time.perf_counter()
        batch_ids: set[str] = set()
        for r, it in items:
            doc_id = document_id(it.raw)
            if doc_id in existing or doc_id in batch_ids:   # stored, or earlier in this batch
                out.append(_row(r, "dup", doc_id))
                continue
            batch_ids.add(doc_id)
            try:
                docs.append((r, it, build_document(it)))
            except InputError as exc:
                out.append(_row(r, "error", doc_id, reason=exc.reason, line=exc.line))
        timing["build"] = time.perf_counter() - t
        failures: dict[str, str] = {}
        done = _run_stages(self.chain, [d for _, _, d in docs], timing, failures)
        embs: dict[str, Any] = {}
        if self.embed and done:
            from ..link.linker import embed_documents
            t = time.perf_counter()
            embs = embed_documents(done.values())
            timing["embed"] = time.perf_counter() - t
        for (r, it, doc) in docs:
            if doc.id in failures:
                out.append(_row(r, "failed", doc.id, raw=it.raw, reason=failures[doc.id]))
            else:
                out.append(_row(r, "doc", doc.id, raw=it.raw,
                                doc=json.dumps(done[doc.id].to_dict(), ensure_ascii=False),
                                emb=_matrix_bytes(embs.get(doc.id))))
        out.sort(key=lambda x: x["seq"])
        if out:  # the batch's stage seconds ride on its first row, with the worker that spent them
            timing["worker"] = os.getpid()
            out[0]["timing"] = json.dumps(timing)
        return _to_table(out)


def _row(r: dict, status: str, doc_id: str, *, raw: bytes | None = None, doc: str | None = None,
         reason: str | None = None, line: int | None = None, emb: bytes | None = None) -> dict[str, Any]:
    return {"seq": r["seq"], "status": status, "id": doc_id, "origin": r["origin"], "doc": doc,
            "raw": raw, "reason": reason, "line": line, "timing": None, "emb": emb}


def _matrix_bytes(m) -> bytes | None:
    """An embedding matrix as .npy bytes (dtype and shape travel with it)."""
    if m is None:
        return None
    import io

    import numpy as np
    buf = io.BytesIO()
    np.save(buf, m, allow_pickle=False)
    return buf.getvalue()


def _matrix(b: bytes | None):
    if not b:
        return None
    import io

    import numpy as np
    return np.load(io.BytesIO(b), allow_pickle=False)


def _run_stages(chain, docs: list[Document], timing: dict[str, float],
                failures: dict[str, str] | None = None) -> dict[str, Document]:
    """Stage by stage over the batch (a stage's batched form when it has one); a document
    whose stage fails is recorded in ``failures`` with the same message as ``pipeline.run``
    and takes no further stage. Returns the finished documents by id."""
    failures = failures if failures is not None else {}
    live = list(docs)
    for s in chain:
        t = time.perf_counter()
        if s.batch is not None and live:
            snap = [d.to_dict() for d in live]
            try:
                live = s.batch(live)
                for d in live:
                    d.stages[s.name] = s.version
            except Exception:
                live = [Document.from_dict(x) for x in snap]   # retry one by one to isolate
                live = _each(s, live, failures)
        else:
            live = _each(s, live, failures)
        timing[s.name] = timing.get(s.name, 0.0) + time.perf_counter() - t
    return {d.id: d for d in live}


def _each(s, docs: list[Document], failures: dict[str, str]) -> list[Document]:
    out = []
    for d in docs:
        try:
            out.append(s(d))
        except Exception as exc:  # one document's failure never stops the batch
            failures[d.id] = f"stage {s.qualified} failed: {type(exc).__name__}: {exc}"
    return out


def _columns_to_rows(batch: dict) -> list[dict]:
    keys = list(batch)
    n = len(batch[keys[0]]) if keys else 0
    return [{k: _plain(batch[k][i]) for k in keys} for i in range(n)]


def _plain(v):
    return v.item() if hasattr(v, "item") and not isinstance(v, (bytes, str)) else v


def _out_schema():
    import pyarrow as pa
    return pa.schema([("seq", pa.int64()), ("status", pa.string()), ("id", pa.string()),
                      ("origin", pa.string()), ("doc", pa.large_string()), ("raw", pa.large_binary()),
                      ("reason", pa.string()), ("line", pa.int64()), ("timing", pa.string()),
                      ("emb", pa.large_binary())])


def _to_table(rows: list[dict]):
    import pyarrow as pa
    return pa.Table.from_pylist(rows, schema=_out_schema())


# -- the reader ---------------------------------------------------------------------------------
def _in_schema():
    import pyarrow as pa
    return pa.schema([("seq", pa.int64()), ("status", pa.string()), ("origin", pa.string()),
                      ("raw", pa.large_binary()), ("kind", pa.string()), ("url", pa.string()),
                      ("meta", pa.string()), ("id", pa.string()), ("reason", pa.string()),
                      ("line", pa.int64())])


def _read_blocks(slices: list[tuple[Any, int, int, int]], max_bytes: int, block: int) -> Iterator[Any]:
    """The inputs of ``slices`` ((walk entry, first, stop, seq of its first item)) as small Arrow
    blocks, in order; unreadable inputs travel as error rows."""
    import pyarrow as pa
    schema = _in_schema()
    rows: list[dict] = []
    for entry, first, stop, base in slices:
        for i, item in enumerate(entry_items(entry, max_bytes)):
            if i < first:
                continue
            if i >= stop:
                break
            seq = base + i
            if isinstance(item, InputError):
                rows.append({"seq": seq, "status": "error", "origin": item.origin, "raw": None, "kind": None,
                             "url": None, "meta": None, "id": None, "reason": item.reason, "line": item.line})
            else:
                rows.append({"seq": seq, "status": "item", "origin": item.origin, "raw": item.raw, "kind": item.kind,
                             "url": item.url, "meta": json.dumps(item.meta, ensure_ascii=False), "id": None,
                             "reason": None, "line": None})
            if len(rows) >= block:
                yield pa.Table.from_pylist(rows, schema=schema)
                rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=schema)


def plan_reads(paths: list[str], max_bytes: int, tasks: int,
               max_per_task: int = MAX_READ_TASK_ITEMS) -> list[list[tuple[Any, int, int, int]]]:
    """Cut the inputs (numbered as ``iter_items`` numbers them) into contiguous read tasks:
    at least ``tasks`` of them, and none longer than ``max_per_task`` inputs. Each task is a
    list of slices (walk entry, first item, stop, seq of the entry's first item), so a task
    opens only the files it reads."""
    entries = [(e, entry_item_count(e, max_bytes)) for e in walk(paths)]
    total = sum(n for _, n in entries)
    per = max(1, min(max_per_task, -(-total // max(tasks, 1))))
    plan: list[list[tuple[Any, int, int, int]]] = []
    current: list[tuple[Any, int, int, int]] = []
    room, base = per, 0
    for entry, n in entries:
        first = 0
        while first < n:
            take = min(room, n - first)
            current.append((entry, first, first + take, base))
            first += take
            room -= take
            if room == 0:
                plan.append(current)
                current, room = [], per
        base += n
    if current:
        plan.append(current)
    return plan or [[]]


def _item_dataset(paths: list[str], max_bytes: int, block: int, tasks: int = 1):
    """A Ray dataset of the inputs, cut into contiguous read tasks.

    Ray Data hands all blocks of one read task to one actor and, with the input order kept,
    releases a task's results only when the task is done: so there are at least ``tasks``
    read tasks (one read task left the second worker idle) and none longer than
    MAX_READ_TASK_ITEMS inputs (50,000 inputs in 8 tasks wrote nothing for 20 minutes).
    """
    import ray.data
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    plan = plan_reads(paths, max_bytes, tasks)

    class _Inputs(Datasource):
        def estimate_inmemory_data_size(self):
            return None

        def get_read_tasks(self, parallelism, per_task_row_limit=None, data_context=None):
            meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=None)
            return [ReadTask(lambda sl=sl: _read_blocks(sl, max_bytes, block), meta, schema=_in_schema())
                    for sl in plan]

    # Reading is light next to the stages: one or two reader processes keep the actors fed, while
    # free-running zero-CPU read tasks would each start a Python process (hundreds at 50k inputs).
    return ray.data.read_datasource(_Inputs(), override_num_blocks=len(plan), num_cpus=0,
                                    concurrency=max(1, min(2, len(plan))))


# -- the driver ---------------------------------------------------------------------------------
def _ensure_ray(num_workers: int) -> bool:
    """Start a local Ray instance unless one is running (or RAY_ADDRESS names a cluster).
    Returns True when this call started it (and so should stop it)."""
    import ray
    if ray.is_initialized():
        return False
    src = str(Path(__file__).resolve().parents[2])        # workers import newsbridge from here
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                              "ignore_reinit_error": True, "logging_level": logging.WARNING}
    if not os.environ.get("RAY_ADDRESS"):
        kwargs["num_cpus"] = max(num_workers, 1)
    ray.init(**kwargs)
    return True


def _encoder_on() -> bool:
    try:
        from ..link import encoder
    except ImportError:
        return False
    return encoder.enabled()


def _quiet_ray_data() -> None:
    import ray.data
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True      # windows are written in input order
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    for name in ("ray.data", "ray"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _run_ray(paths: list[str], settings: Settings, stages: tuple[str, ...], workers: int,
             on_progress, on_error, map_batch: int, link: bool) -> ScaleReport:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        raise RunError("E602: the ray engine needs Ray Data: pip install 'ray[data]' "
                       "(or pip install 'newsbridge[scale]')") from None
    import ray.data
    started = _ensure_ray(workers)
    _quiet_ray_data()
    report = ScaleReport(engine="ray", workers=workers)
    try:
        with Workspace(settings) as ws:
            ds = _item_dataset(paths, settings.max_input_bytes, READ_BLOCK,
                               workers * READ_TASKS_PER_WORKER).map_batches(
                StageWorker, fn_constructor_kwargs={"stages": stages, "db": settings.db,
                                                    "embed": link and _encoder_on()},
                batch_size=map_batch, batch_format="pyarrow", num_cpus=1,
                compute=ray.data.ActorPoolStrategy(size=workers),
                zero_copy_batch=True)
            writer = _Writer(ws, report, on_progress, on_error, link)
            t_start = time.perf_counter()
            for table in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
                if not report.first_result_s:
                    report.first_result_s = time.perf_counter() - t_start
                for r in table.to_pylist():
                    writer.take(r)
            writer.flush()
    finally:
        if started:
            import ray
            ray.shutdown()
    return report


class _Writer:
    """Saves worker results in windows of ``BATCH`` inputs, exactly as ``Workspace.ingest``."""

    def __init__(self, ws: Workspace, report: ScaleReport, on_progress, on_error, link: bool = True) -> None:
        self.ws, self.report, self.link = ws, report, link
        _ = ws.index  # open (and catch up) the index before the store moves ahead of it
        self.on_progress, self.on_error = on_progress, on_error
        self.window: list[dict] = []
        self.seen: set[str] = set()
        self.n_items = 0

    def take(self, r: dict) -> None:
        if r.get("timing"):
            timing = json.loads(r["timing"])
            worker = str(timing.pop("worker", "?"))
            busy = self.report.worker_seconds
            for k, v in timing.items():
                self.report.stage_seconds[k] = self.report.stage_seconds.get(k, 0.0) + v
                busy[worker] = busy.get(worker, 0.0) + v
        if r["status"] == "error" and r["id"] is None:       # unreadable input: reported at once
            self._fail(InputError(r["origin"], r["reason"], r["line"]))
            self._progress(r["origin"])
            return
        self.window.append(r)
        if len(self.window) >= BATCH:
            self.flush()

    def _timed(self, name: str, fn, *args) -> None:
        t = time.perf_counter()
        fn(*args)
        self.report.write_stage_seconds[name] = self.report.write_stage_seconds.get(name, 0.0) + time.perf_counter() - t

    def _fail(self, err: InputError) -> None:
        self.report.errors.append(err.message)
        self.ws.store.record_error(err.origin, err.reason, err.line)
        if self.on_error:
            self.on_error(err.message)

    def _progress(self, origin: str) -> None:
        if self.on_progress:
            self.on_progress(origin)

    def flush(self) -> None:
        t = time.perf_counter()
        store, rep = self.ws.store, self.report
        done: list[tuple[Document, bytes]] = []
        embeddings: dict[str, Any] = {}
        for r in self.window:
            st = r["status"]
            if st in ("dup", "doc", "failed") and r["id"] in self.seen or st == "dup":
                store.add_origin(r["id"], r["origin"])
                rep.skipped += 1
                self._progress(r["origin"])
                continue
            self.seen.add(r["id"])
            if st == "error":
                self._fail(InputError(r["origin"], r["reason"], r["line"]))
                self._progress(r["origin"])
            elif st == "failed":
                store.put_blob(r["raw"])
                self._fail(InputError(r["origin"], r["reason"]))
            else:
                done.append((Document.from_dict(json.loads(r["doc"])), r["raw"]))
                if r.get("emb"):
                    embeddings[r["id"]] = _matrix(r["emb"])
        if done:
            docs = [d for d, _ in done]
            self._timed("store", store.save_many, done)
            self._timed("index", self.ws._after_save, docs, False)     # the search index
            if self.link:                                              # then linking, as ingest does
                try:
                    from ..link import on_ingest
                except ImportError:
                    on_ingest = None
                if on_ingest is not None:
                    self._timed("link", on_ingest, store, docs, None, embeddings)
            for d in docs:
                rep.added += 1
                rep.ids.append(d.id)
                self._progress(d.origin or d.id)
        self.window = []
        rep.write_seconds += time.perf_counter() - t


__all__ = ["run_pipeline", "ScaleReport", "StageWorker", "RunError", "ENGINES"]
