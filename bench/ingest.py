"""Ingest benchmark: newsbridge's ingest beside the bare insert of the same rows, plus search.

    python bench/ingest.py --n 10000 --out /tmp/nb-bench            # SQLite (default)
    python bench/ingest.py --n 10000,100000 --out /tmp/nb-bench     # memory at 10k vs 100k
    python bench/ingest.py --n 10000 --db postgresql://postgres@127.0.0.1/bench

For each N: the synthetic corpus (bench/synth.py) is written to a JSONL file first (not
timed). Then, each in its own child process so that peak memory (ru_maxrss) is its own:
  * baseline:   the JSONL rows parsed and inserted as they are into one table of the same
                kind of database (sqlite3 / psycopg executemany, batches of 1,000);
  * newsbridge: ``Workspace.ingest`` of the same file with the extraction stages (clean,
                metadata; no understanding stages): raw bytes kept, cleaning, metadata,
                store, search index (incremental linking only with --with-link);
  * reindex:    the search index rebuilt from the store (index rate alone);
  * search:     200 random 1-3-word queries (words drawn from the corpus), top 20,
                p50/p95/p99, as ids only and as the CLI shows them (snippets and total).
Prints a table and writes OUT/ingest-<N>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

QUERIES = 200
SEARCH_LIMIT = 20
_WORD = re.compile(r"[^\W\d_]{3,}")


# -- corpus ------------------------------------------------------------------------------------
def write_corpus(path: Path, n: int, seed: int) -> dict:
    from bench.synth import generate, jsonl_line
    t0 = time.perf_counter()
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for rec in generate(n, seed=seed, reprint_rate=0.05):
            line = jsonl_line(rec) + "\n"
            size += len(line.encode("utf-8"))
            f.write(line)
    return {"articles": n, "bytes": size, "generate_s": round(time.perf_counter() - t0, 2)}


def make_queries(path: Path, n_articles: int, seed: int, k: int = QUERIES) -> list[str]:
    """1-3 words picked from random articles of the corpus (so common and rare words both occur)."""
    from newsbridge.search.index import segment_chinese
    rng = random.Random(seed)
    wanted = sorted(rng.sample(range(n_articles), min(k, n_articles)))
    picked, queries = [], []
    with path.open(encoding="utf-8") as f:
        want = iter(wanted)
        nxt = next(want, None)
        for i, line in enumerate(f):
            if i == nxt:
                picked.append(json.loads(line)["text"])
                nxt = next(want, None)
            if nxt is None:
                break
    for j in range(k):
        text = picked[j % len(picked)]
        words = [w for w in (segment_chinese(text).split() if re.search(r"[\u4e00-\u9fff]", text[:300])
                             else _WORD.findall(text)) if _WORD.fullmatch(w) or re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)]
        m = rng.randint(1, 3)
        start = rng.randrange(max(1, len(words) - 40))
        window = words[start:start + 40]
        queries.append(" ".join(rng.sample(window, min(m, len(window)))))
    return queries


def percentiles(xs: list[float]) -> dict:
    xs = sorted(xs)
    q = lambda p: xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]  # noqa: E731
    return {"p50": round(q(50), 3), "p95": round(q(95), 3), "p99": round(q(99), 3),
            "mean": round(statistics.fmean(xs), 3)}


def dir_size(p: Path) -> int:
    if p.is_file():
        return p.stat().st_size
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.exists() else 0


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class MemorySampler:
    """Peaks of anonymous and file-backed resident memory (Linux /proc), sampled every 50 ms:
    ru_maxrss counts both, and file-backed pages (the search index's segment files, mapped
    while tantivy merges them) are page cache the kernel can drop, not memory the ingest holds."""

    def __init__(self, every_s: float = 0.05) -> None:
        self.peak = {"RssAnon": 0, "RssFile": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every_s,), daemon=True)

    @staticmethod
    def now() -> dict[str, int]:
        out = {}
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    key, _, value = line.partition(":")
                    if key in ("RssAnon", "RssFile"):
                        out[key] = int(value.split()[0])
        except OSError:
            pass
        return out

    def _run(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            for key, kb in self.now().items():
                self.peak[key] = max(self.peak[key], kb)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        for key, kb in self.now().items():
            self.peak[key] = max(self.peak[key], kb)

    def report(self) -> dict:
        return {"peak_anon_mb": round(self.peak["RssAnon"] / 1024, 1),
                "peak_file_mb": round(self.peak["RssFile"] / 1024, 1)}


class StageCpu:
    """CPU milliseconds per article of each part of the ingest path, by wrapping its functions:
    the stages, build_document, store.save_many and index.add are timed on the calling thread
    (time.thread_time); what the process spent beyond the calling thread is the search index's
    writer and merge threads; the rest of the calling thread is reading and orchestration."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, func):
        def timed(*args, **kwargs):
            t0 = time.thread_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.thread_time() - t0
        return timed

    def report(self, articles: int, process_s: float, thread_s: float) -> dict:
        n = max(articles, 1)
        out = {k: round(v * 1000 / n, 3) for k, v in self.seconds.items()}
        out["index writer threads"] = round((process_s - thread_s) * 1000 / n, 3)
        out["read + other"] = round((thread_s - sum(self.seconds.values())) * 1000 / n, 3)
        out["total"] = round(process_s * 1000 / n, 3)
        return out


# -- parts (each runs in a child process) --------------------------------------------------------
def part_baseline(corpus: Path, db: str) -> dict:
    """The bare insert: parse each JSONL line, insert its fields as one row, commit per 1,000."""
    rows_sql = "INSERT INTO articles (url, title, text, published, source) VALUES (?, ?, ?, ?, ?)"
    t0 = time.perf_counter()
    n = 0
    if db.startswith("postgres"):
        import psycopg
        conn = psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://"))
        conn.execute("DROP TABLE IF EXISTS bench_articles")
        conn.execute("CREATE TABLE bench_articles (id bigserial PRIMARY KEY, url text, title text, "
                     "text text, published text, source text)")
        rows_sql = rows_sql.replace("articles", "bench_articles").replace("?", "%s")
        cur = conn.cursor()
    else:
        import sqlite3
        Path(db).unlink(missing_ok=True)
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT, title TEXT, text TEXT, "
                     "published TEXT, source TEXT)")
        cur = conn.cursor()
    batch = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            batch.append((o.get("url"), o.get("title"), o.get("text"), o.get("published"), o.get("source")))
            if len(batch) >= 1000:
                cur.executemany(rows_sql, batch)
                conn.commit()
                n += len(batch)
                batch = []
    if batch:
        cur.executemany(rows_sql, batch)
        conn.commit()
        n += len(batch)
    secs = time.perf_counter() - t0
    size = 0
    if db.startswith("postgres"):
        size = conn.execute("SELECT pg_total_relation_size('bench_articles')").fetchone()[0]
        conn.execute("DROP TABLE bench_articles")
        conn.commit()
    conn.close()
    if not db.startswith("postgres"):
        size = dir_size(Path(db)) + dir_size(Path(db + "-wal"))
    return {"articles": n, "seconds": round(secs, 2), "rate": round(n / secs, 1), "store_bytes": size,
            "peak_rss_mb": peak_rss_mb()}


def ingest_newsbridge(corpus: Path, db: str, index_path: Path, with_link: bool = False) -> dict:
    """newsbridge's real ingest path over the same file (extraction stages, no understanding;
    incremental linking, issue 4's stage, only with ``with_link``)."""
    import dataclasses

    import newsbridge.pipeline as pipeline
    import newsbridge.workspace as workspace
    from newsbridge.pipeline import EXTRACT_STAGES
    from newsbridge.workspace import Workspace
    if not with_link:
        try:
            import newsbridge.link as link
            link.on_ingest = lambda store, docs: []          # the workspace imports it per batch
        except ImportError:
            pass
    cpu = StageCpu()
    for name in EXTRACT_STAGES:
        stage = pipeline.get_stage(name)
        pipeline._REGISTRY[name] = dataclasses.replace(stage, func=cpu.wrap(name, stage.func))
    workspace.build_document = cpu.wrap("build document", workspace.build_document)
    ws = Workspace.open(db, index_path=str(index_path))
    ws.store.save_many = cpu.wrap("store", ws.store.save_many)
    ws.index.add = cpu.wrap("index (main thread)", ws.index.add)
    t0, p0, th0 = time.perf_counter(), time.process_time(), time.thread_time()
    report = ws.ingest([corpus], stages=EXTRACT_STAGES)
    ws.index.commit()
    secs = time.perf_counter() - t0
    process_s, thread_s = time.process_time() - p0, time.thread_time() - th0
    out = {"path": "Workspace.ingest (clean, metadata, store, index" + (", link)" if with_link else ")"),
           "articles": report.added,
           "skipped": report.skipped, "errors": len(report.errors), "first_errors": report.errors[:3],
           "seconds": round(secs, 2), "rate": round(report.added / secs, 1),
           "cpu_seconds": round(process_s, 2), "cpu_rate": round(report.added / process_s, 1),
           "cpu_ms_per_article": cpu.report(report.added, process_s, thread_s)}
    ws.close()
    return out


def ingest_store_index(corpus: Path, db: str, index_path: Path) -> dict:
    """Fallback while the workspace path is incomplete: Documents straight to store and index
    (no cleaning stages; the generator's chrome spans stand in for the boilerplate layer)."""
    from bench.synth import to_document
    from newsbridge.search.index import SearchIndex
    from newsbridge.store import Store
    store, ix = Store(db), SearchIndex(index_path)
    t0 = time.perf_counter()
    n, batch = 0, []

    def flush() -> None:
        store.save_many((d, raw) for d, raw in batch)
        ix.add([d for d, _ in batch])
        batch.clear()

    with corpus.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            rec["language"] = None
            rec["labels"] = {"id": "", "boilerplate": []}
            doc = to_document(rec, boilerplate=False)
            batch.append((doc, line.encode("utf-8")))
            n += 1
            if len(batch) >= 200:
                flush()
    if batch:
        flush()
    ix.close()
    secs = time.perf_counter() - t0
    store.close()
    return {"path": "store.save_many + SearchIndex.add (fallback: workspace path unavailable)",
            "articles": n, "seconds": round(secs, 2), "rate": round(n / secs, 1)}


def part_newsbridge(corpus: Path, db: str, index_path: Path, with_link: bool = False) -> dict:
    if not db.startswith("postgres"):
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    shutil.rmtree(index_path, ignore_errors=True)
    with MemorySampler() as memory:
        try:
            out = ingest_newsbridge(corpus, db, index_path, with_link)
        except ImportError as exc:        # the lead's ingest path not complete yet in this checkout
            print(f"workspace ingest unavailable ({exc}); measuring store + index", file=sys.stderr)
            out = ingest_store_index(corpus, db, index_path)
    out.update(memory.report())
    out["store_bytes"] = 0 if db.startswith("postgres") else dir_size(Path(db)) + dir_size(Path(db + "-wal"))
    out["index_bytes"] = dir_size(index_path)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def part_index(corpus: Path, index_path: Path) -> dict:
    """The search index alone: JSONL rows -> Documents -> SearchIndex.add (no store, no stages;
    language from the script, the whole text indexed since no cleaning ran)."""
    from newsbridge.model import Document, document_id
    from newsbridge.search.index import SearchIndex
    shutil.rmtree(index_path, ignore_errors=True)
    ix = SearchIndex(index_path)
    cyr, han = re.compile(r"[а-яё]", re.I), re.compile(r"[\u4e00-\u9fff]")

    def docs():
        with corpus.open(encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                head = o["text"][:600]
                lang = "zh" if len(han.findall(head)) > 50 else "ru" if len(cyr.findall(head)) > 100 else "en"
                yield Document(id=document_id(line.encode("utf-8")), text=o["text"], title=o.get("title"),
                               language=lang, published=o.get("published"), source=o.get("source"),
                               url=o.get("url"), origin=o.get("url"))

    t0 = time.perf_counter()
    n = ix.add(docs())
    ix.close()
    secs = time.perf_counter() - t0
    return {"articles": n, "seconds": round(secs, 2), "rate": round(n / secs, 1), "peak_rss_mb": peak_rss_mb(),
            "index_bytes": dir_size(index_path)}


def part_reindex(db: str, index_path: Path) -> dict:
    from newsbridge.workspace import Workspace
    ws = Workspace.open(db, index_path=str(index_path))
    t0 = time.perf_counter()
    n = ws.reindex()
    secs = time.perf_counter() - t0
    ws.close()
    return {"articles": n, "seconds": round(secs, 2), "rate": round(n / secs, 1), "peak_rss_mb": peak_rss_mb(),
            "index_bytes": dir_size(index_path)}


def part_search(index_path: Path, queries: list[str]) -> dict:
    from newsbridge.search.index import SearchIndex
    ix = SearchIndex(index_path)
    for q in queries[:20]:                       # warm the OS cache and jieba
        ix.search(q, count=False, snippets=False)
    out: dict = {"queries": len(queries), "docs": ix.count()}
    for name, kw in (("ids", {"count": False, "snippets": False}), ("full", {"count": True, "snippets": True})):
        times, empty = [], 0
        for q in queries:
            t0 = time.perf_counter()
            r = ix.search(q, limit=SEARCH_LIMIT, **kw)
            times.append((time.perf_counter() - t0) * 1000)
            empty += not r.hits
        out[name] = percentiles(times) | {"no_hits": empty}
    times = []
    for q in queries[:50]:
        t0 = time.perf_counter()
        ix.facets(q)
        times.append((time.perf_counter() - t0) * 1000)
    out["facets"] = percentiles(times)
    return out


def child(part: str, args: list[str]) -> dict:
    """Run one part in a fresh interpreter (own memory peak), optionally pinned to one core."""
    cmd = [sys.executable, __file__, "--part", part, *args]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"part {part} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def run_one(n: int, out: Path, db_arg: str | None, seed: int,
            parts: tuple[str, ...] = ("baseline", "newsbridge")) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / f"corpus-{n}.jsonl"
    gen = write_corpus(corpus, n, seed)
    queries = make_queries(corpus, n, seed)
    pg = bool(db_arg and db_arg.startswith("postgres"))
    base_db = db_arg if pg else str(out / f"baseline-{n}.db")
    nb_db = db_arg if pg else str(out / f"newsbridge-{n}.db")
    index_path = out / f"newsbridge-{n}.index"
    result = {"n": n, "corpus": gen, "db": "postgresql" if pg else "sqlite", "cpus": os.cpu_count(),
              "affinity": len(os.sched_getaffinity(0))}
    if "baseline" in parts:
        result["baseline"] = child("baseline", [str(corpus), base_db])
    if "newsbridge" in parts:
        result["newsbridge"] = child("newsbridge", [str(corpus), nb_db, str(index_path)]
                                     + (["link"] if "link" in parts else []))
        result["reindex"] = child("reindex", [nb_db, str(index_path)])
    else:                                   # index alone, from the corpus
        result["index"] = child("index", [str(corpus), str(index_path)])
    qfile = out / f"queries-{n}.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    result["search"] = child("search", [str(index_path), str(qfile)])
    if "baseline" in result and "newsbridge" in result:
        result["ratio_newsbridge_to_baseline"] = round(result["newsbridge"]["rate"] / result["baseline"]["rate"], 3)
    (out / f"ingest-{n}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    corpus.unlink(missing_ok=True)
    return result


def print_table(results: list[dict]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover
        print(json.dumps(results, indent=2))
        return
    t = Table(title="newsbridge ingest benchmark")
    t.add_column("figure")
    for r in results:
        t.add_column(f"{r['n']:,} articles ({r['db']})", justify="right")
    rows = [
        ("corpus MB", lambda r: f"{r['corpus']['bytes'] / 1e6:.0f}"),
        ("baseline bare insert, articles/s", lambda r: f"{r['baseline']['rate']:,.0f}"),
        ("newsbridge ingest, articles/s", lambda r: f"{r['newsbridge']['rate']:,.0f}"),
        ("newsbridge / baseline", lambda r: f"{r['ratio_newsbridge_to_baseline']:.2f}"),
        ("search index rebuild, articles/s", lambda r: f"{r['reindex']['rate']:,.0f}"),
        ("baseline store MB", lambda r: f"{r['baseline']['store_bytes'] / 1e6:.0f}"),
        ("newsbridge store MB", lambda r: f"{r['newsbridge']['store_bytes'] / 1e6:.0f}"),
        ("search index MB", lambda r: f"{r['newsbridge']['index_bytes'] / 1e6:.0f}"),
        ("peak memory MB: baseline", lambda r: f"{r['baseline']['peak_rss_mb']:.0f}"),
        ("peak memory MB: newsbridge ingest", lambda r: f"{r['newsbridge']['peak_rss_mb']:.0f}"),
        ("  of which peak anonymous / file-backed MB",
         lambda r: f"{r['newsbridge'].get('peak_anon_mb', 0):.0f} / {r['newsbridge'].get('peak_file_mb', 0):.0f}"),
        ("newsbridge ingest, articles per CPU second", lambda r: f"{r['newsbridge'].get('cpu_rate', 0):,.0f}"),
        ("search top-20 ms p50/p95/p99 (ids)",
         lambda r: "{p50:.2f} / {p95:.2f} / {p99:.2f}".format(**r["search"]["ids"])),
        ("search top-20 ms p50/p95/p99 (snippets+total)",
         lambda r: "{p50:.2f} / {p95:.2f} / {p99:.2f}".format(**r["search"]["full"])),
        ("facets ms p50/p95", lambda r: "{p50:.2f} / {p95:.2f}".format(**r["search"]["facets"])),
    ]
    if "index" in results[0]:
        rows = [rows[0], ("search index alone, articles/s", lambda r: f"{r['index']['rate']:,.0f}"),
                ("search index MB", lambda r: f"{r['index']['index_bytes'] / 1e6:.0f}"),
                ("peak memory MB: index", lambda r: f"{r['index']['peak_rss_mb']:.0f}")] + rows[-3:]
    for name, f in rows:
        t.add_row(name, *[f(r) for r in results])
    Console().print(t)
    if "newsbridge" in results[0] and "cpu_ms_per_article" in results[0]["newsbridge"]:
        parts = list(results[0]["newsbridge"]["cpu_ms_per_article"])
        print("CPU ms per article: " + "; ".join(
            f"{r['n']:,}: " + ", ".join(f"{k} {r['newsbridge']['cpu_ms_per_article'].get(k, 0):.2f}" for k in parts)
            for r in results))
    if len(results) > 1 and "newsbridge" in results[0]:
        a, b = results[0], results[-1]
        print(f"peak memory newsbridge ingest {b['n']:,} / {a['n']:,}: "
              f"{b['newsbridge']['peak_rss_mb'] / a['newsbridge']['peak_rss_mb']:.2f}x")
        if a["newsbridge"].get("peak_anon_mb"):
            print(f"  anonymous {b['newsbridge']['peak_anon_mb'] / a['newsbridge']['peak_anon_mb']:.2f}x, "
                  f"file-backed {b['newsbridge']['peak_file_mb'] / a['newsbridge']['peak_file_mb']:.2f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="newsbridge ingest benchmark against the bare insert")
    ap.add_argument("--n", default="10000", help="articles; several as 10000,100000")
    ap.add_argument("--out", default="bench-out", help="folder for the corpus, stores and JSON")
    ap.add_argument("--db", default=None, help="postgresql://... to run both parts on PostgreSQL")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--one-core", action="store_true", help="pin every part to one CPU")
    ap.add_argument("--with-link", action="store_true",
                    help="keep incremental linking (issue 4) in the ingest path; off by default")
    ap.add_argument("--index-only", action="store_true",
                    help="skip the store: time the search index alone, then search")
    ap.add_argument("--part", help=argparse.SUPPRESS)
    ap.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one_core:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    if a.part:
        r = a.rest
        if a.part == "baseline":
            res = part_baseline(Path(r[0]), r[1])
        elif a.part == "newsbridge":
            res = part_newsbridge(Path(r[0]), r[1], Path(r[2]), len(r) > 3 and r[3] == "link")
        elif a.part == "index":
            res = part_index(Path(r[0]), Path(r[1]))
        elif a.part == "reindex":
            res = part_reindex(r[0], Path(r[1]))
        else:
            res = part_search(Path(r[0]), json.loads(Path(r[1]).read_text(encoding="utf-8")))
        print(json.dumps(res))
        return 0
    parts = ("index",) if a.index_only else ("baseline", "newsbridge") + (("link",) if a.with_link else ())
    results = [run_one(int(n), Path(a.out), a.db, a.seed, parts) for n in a.n.split(",")]
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
