"""PostgreSQL at scale: COPY load rate, store size, ranked search and facet latency, memory.

Loads N synthetic articles (bench/synth.py, with persons/organisations/places/event facets)
into a fresh PostgreSQL database with newsbridge's COPY loader and the RUM-ranked search
table, and beside it into the default search index (tantivy), then times 1-3-word top-20
queries and facet queries. Baselines in the same run: the bare COPY of the same document
rows (no layers, facets or search), PostgreSQL's GIN + ts_rank ranking (--gin), and the
live GROUP BY facet count that the facet summary replaces.

    python bench/pg_scale.py --n 20000                 # a few minutes on 2 cores
    python bench/pg_scale.py --n 1000000 --checkpoints 100000,1000000 --gin   # the full run (hours)

Prints one table; --json FILE writes every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synth import generate, to_document  # noqa: E402

from newsbridge.model import PERSONS, normalize_text  # noqa: E402

ADMIN = os.environ.get("NEWSBRIDGE_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def synthetic_docs(n: int, seed: int = 0, start: int = 0):
    """Synthetic articles as Documents with the facts an analysis would give them."""
    for rec in generate(n, seed=seed, reprint_rate=0.05, start=start):
        yield to_document(rec, facts=True)


_LOADER = None


def _init_loader(url: str) -> None:
    global _LOADER
    from newsbridge.store import Store
    from newsbridge.store.pgbulk import BulkLoader
    _LOADER = BulkLoader(Store(url, migrate=False), fresh=True, search=True)


def _load_chunk(args: tuple[int, int]) -> tuple[int, float, float]:
    """A worker process: generate articles start..start+k and COPY them (disjoint ids)."""
    start, k = args
    t = time.perf_counter()
    batch = [(d, None) for d in synthetic_docs(k, seed=0, start=start)]
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    _LOADER.load_batch(batch)
    return k, t_gen, time.perf_counter() - t


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def pg_pss_mb() -> float:
    """Proportional memory of every postgres process (shared buffers counted once)."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() != "postgres":
                continue
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def dir_mb(p: Path) -> float:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20


def query_words(docs_sample, rng: random.Random, k: int) -> list[str]:
    """k queries of 1-3 words drawn from article titles and bodies (all languages)."""
    from newsbridge.search.index import segment_chinese
    pools = []
    for d in docs_sample:
        text = (d.title or "") + " " + d.body[:600]
        if d.language == "zh":
            words = [w for w in segment_chinese(text).split() if len(w) >= 2 and w.isalpha()]
        else:
            words = [w.strip(".,:;\"'«»()") for w in text.split()]
            words = [w for w in words if len(w) >= 4 and w.isalpha()]
        if words:
            pools.append(words)
    out = []
    for _ in range(k):
        words = rng.choice(pools)
        out.append(" ".join(rng.sample(words, min(len(words), rng.choice([1, 1, 2, 2, 3])))))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--checkpoints", default="", help="comma-separated article counts at which to time queries")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pg-queries", type=int, default=0,
                    help="time PostgreSQL's own ranking on only this many of the queries (0: all); GIN at 1M takes seconds each")
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--procs", type=int, default=2, help="loader processes (generation, analysis and COPY)")
    ap.add_argument("--baseline-n", type=int, default=20000, help="articles for the bare-COPY baseline")
    ap.add_argument("--gin", action="store_true", help="also build GIN and time ts_rank (the slow baseline)")
    ap.add_argument("--no-tantivy", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the database (prints its URL)")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args(argv)

    import psycopg

    from newsbridge.search.index import SearchIndex
    from newsbridge.store import Store
    from newsbridge.store.pgbulk import (SEARCH_TABLE, BulkLoader, PgSearch, facet_cooccurring, facet_top,
                                         refresh_facet_totals)

    name = f"nb_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN.rsplit("/", 1)[0] + "/" + name
    tmp = Path(tempfile.mkdtemp(prefix="nb_pgscale_"))
    out: dict = {"n": a.n, "machine": f"{os.cpu_count()} cores", "checkpoints": []}
    rng = random.Random(7)
    try:
        store = Store(url)
        conn = psycopg.connect(url, autocommit=True)
        conn.execute("SET work_mem = '64MB'")

        # -- baseline: bare COPY of the same document rows -------------------------------------
        bn = min(a.baseline_n, a.n)
        conn.execute("CREATE UNLOGGED TABLE IF NOT EXISTS bare (id text, title text, language text, published text, "
                     "source text, text text)")
        docs = list(synthetic_docs(bn, seed=99))
        t = time.perf_counter()
        with conn.cursor().copy("COPY bare FROM STDIN") as cp:
            for d in docs:
                cp.write_row((d.id, d.title, d.language, d.published, d.source, d.text))
        out["baseline_copy_per_s"] = bn / (time.perf_counter() - t)
        conn.execute("DROP TABLE bare")
        del docs

        # -- newsbridge: COPY loader with facets and the search table ---------------------------
        checkpoints = sorted({int(x) for x in a.checkpoints.split(",") if x} | {a.n})
        import multiprocessing as mp
        loader = BulkLoader(store, fresh=True, search=True)
        pool = mp.get_context("fork").Pool(a.procs, initializer=_init_loader, initargs=(url,))
        ps = PgSearch(store)
        index = None if a.no_tantivy else SearchIndex(tmp / "index", heap_size=128_000_000)
        loaded, t_load, t_gen, t_tantivy = 0, 0.0, 0.0, 0.0
        sample = []
        chunk_costs = []
        for cp_n in checkpoints:
            ps.drop_index(loader.conn)          # load without the ranking index, then build it
            t_wall = time.perf_counter()
            chunks = []
            pos = loaded
            while pos < cp_n:
                k = min(a.batch, cp_n - pos)
                chunks.append((pos, k))
                pos += k
            done_here = 0
            for k, g, dt in pool.imap_unordered(_load_chunk, chunks):
                done_here += k
                t_gen += g
                print(f"  loaded {loaded + done_here:,}", file=sys.stderr, flush=True)
            wall = time.perf_counter() - t_wall
            t_load += wall
            chunk_costs.append((cp_n, wall / max(1, cp_n - loaded)))
            if index is not None:
                for start in range(loaded, cp_n, a.batch):
                    part = list(synthetic_docs(min(a.batch, cp_n - start), seed=0, start=start))
                    t = time.perf_counter()
                    index.add(part)
                    t_tantivy += time.perf_counter() - t
            if len(sample) < 2000:
                sample += list(synthetic_docs(min(2000, cp_n - loaded), seed=0, start=loaded))[::max(1, (cp_n - loaded) // 2000)]
            loaded = cp_n
            t = time.perf_counter()
            method = ps.create_index(loader.conn)
            t_index = time.perf_counter() - t
            t = time.perf_counter()
            refresh_facet_totals(store)
            t_facets = time.perf_counter() - t
            if index is not None:
                t = time.perf_counter()
                index.close()            # commit and let the merges finish (a new writer opens on the next add)
                t_tantivy += time.perf_counter() - t
            conn.execute("VACUUM ANALYZE")
            row = {"articles": loaded, "ranking": method, "load_per_s": loaded / t_load, "procs": a.procs,
                   "load_us_per_article_this_segment": chunk_costs[-1][1] * 1e6,
                   "load_us_per_article_first_segment": chunk_costs[0][1] * 1e6,
                   "rank_index_build_s": t_index, "facet_summary_s": t_facets,
                   "load_incl_index_per_s": loaded / (t_load + t_index + t_facets), "generate_s": t_gen}
            sizes = dict(conn.execute(
                "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' AND relnamespace = "
                "'public'::regnamespace").fetchall())
            row["store_mb"] = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20
            row["search_table_mb"] = sizes.get(SEARCH_TABLE, 0) / 2**20
            if index is not None:
                row["tantivy_index_per_s"] = loaded / t_tantivy
                row["tantivy_mb"] = dir_mb(tmp / "index")
                row["tantivy_segments"] = index.index.searcher().num_segments

            # -- queries -------------------------------------------------------------------------
            queries = query_words(sample, rng, a.queries)
            warm = query_words(sample, random.Random(loaded), 10)     # not among the timed queries
            qconn = psycopg.connect(url, autocommit=True)
            # The search index first: PostgreSQL's own ranking reads gigabytes of its search table
            # and would otherwise have pushed the index out of the page cache just before.
            if index is not None:
                for q in warm:                     # warm the caches the way a running service has them
                    index.search(q, limit=20, count=False, snippets=False)
                lat = []
                for q in queries:
                    t = time.perf_counter()
                    index.search(q, limit=20, count=False, snippets=False)
                    lat.append((time.perf_counter() - t) * 1000)
                row.update({"tantivy_p50_ms": pct(lat, 50), "tantivy_p95_ms": pct(lat, 95), "tantivy_p99_ms": pct(lat, 99)})
            pg_queries = queries[:a.pg_queries] if a.pg_queries else queries
            for q in warm:                         # warm-up, as above
                ps.search(q, limit=20, conn=qconn)
            lat = []
            for q in pg_queries:
                t = time.perf_counter()
                ps.search(q, limit=20, conn=qconn)
                lat.append((time.perf_counter() - t) * 1000)
            row.update({f"pg_{method}_p50_ms": pct(lat, 50), f"pg_{method}_p95_ms": pct(lat, 95),
                        f"pg_{method}_p99_ms": pct(lat, 99)})
            if a.gin:
                conn.execute(f"CREATE INDEX IF NOT EXISTS {SEARCH_TABLE}_gin ON {SEARCH_TABLE} USING gin (tsv)")
                gin = PgSearch(store)
                gin._method = "gin"
                if method == "rum":
                    qconn.execute("SET enable_indexscan = off")     # plan through the GIN bitmap
                lat = []
                for q in queries[: max(20, a.queries // 4)]:
                    t = time.perf_counter()
                    gin.search(q, limit=20, conn=qconn)
                    lat.append((time.perf_counter() - t) * 1000)
                qconn.execute("RESET enable_indexscan")
                row.update({"pg_gin_ts_rank_p50_ms": pct(lat, 50), "pg_gin_ts_rank_p95_ms": pct(lat, 95),
                            "pg_gin_ts_rank_p99_ms": pct(lat, 99)})
                conn.execute(f"DROP INDEX {SEARCH_TABLE}_gin")

            # -- facets --------------------------------------------------------------------------
            persons = [s.attrs["name"] for d in sample for s in d.layer(PERSONS)]
            lat_top, lat_co, lat_co_index, lat_page = [], [], [], []
            agree = [0, 0]
            for i in range(a.queries):
                kind = ("person", "org", "place", "event_type")[i % 4]
                t = time.perf_counter()
                facet_top(store, kind, 20, conn=qconn)
                lat_top.append((time.perf_counter() - t) * 1000)
                p = rng.choice(persons)
                other = ("org", "place", "person")[i % 3]
                t = time.perf_counter()
                by_sql = facet_cooccurring(store, "person", p, other, 20, conn=qconn)
                lat_co.append((time.perf_counter() - t) * 1000)
                if index is not None:
                    # What the search page and /api/search do under a person filter: the hits'
                    # facets counted by the search index beside PostgreSQL, one searcher.
                    t = time.perf_counter()
                    by_index = index.facets("", [other], size=20, person=p)[other]
                    lat_co_index.append((time.perf_counter() - t) * 1000)
                    # Same answer? The top-20 counts must match whatever order ties take, and
                    # under 20 values the names too.
                    same = sorted(c for _, c in by_sql) == sorted(c for _, c in by_index)
                    if len(by_sql) < 20:
                        same = same and {normalize_text(d) for d, _ in by_sql} == {normalize_text(d) for d, _ in by_index}
                    agree[0] += same
                    agree[1] += 1
                    t = time.perf_counter()
                    index.search(queries[i % len(queries)] if i % 2 else "", limit=20, person=p,
                                 facet_fields=("person", "org", "place", "event_type"), facet_size=20)
                    lat_page.append((time.perf_counter() - t) * 1000)
            base = []
            for kind in ("person", "org", "place"):
                t = time.perf_counter()
                store.facet_counts(kind, 20)
                base.append((time.perf_counter() - t) * 1000)
            row.update({"facet_top_p95_ms": pct(lat_top, 95), "facet_cooccurring_p50_ms": pct(lat_co, 50),
                        "facet_cooccurring_p95_ms": pct(lat_co, 95), "facet_live_group_by_ms": statistics.median(base)})
            if lat_co_index:
                row.update({"facet_cooccurring_index_p50_ms": pct(lat_co_index, 50),
                            "facet_cooccurring_index_p95_ms": pct(lat_co_index, 95),
                            "filtered_search_with_facets_p50_ms": pct(lat_page, 50),
                            "filtered_search_with_facets_p95_ms": pct(lat_page, 95),
                            "facet_cooccurring_index_agrees_with_sql": f"{agree[0]}/{agree[1]}"})
            qconn.close()
            row["pg_pss_mb"] = pg_pss_mb()
            row["python_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out["checkpoints"].append(row)
            _print(row, out)
        pool.close()
        pool.join()
        loader.close()
        if index is not None:
            index.close()
        store.close()
        conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if a.keep:
            print(f"kept {url}")
        else:
            with psycopg.connect(ADMIN, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=2))
    return 0


def _print(row: dict, out: dict) -> None:
    m = row["ranking"]
    print(f"\nPostgreSQL at {row['articles']:,} synthetic articles ({out['machine']})")
    print(f"  load (generate, analyse for search, COPY) {row['load_per_s']:>6,.0f} articles/s   "
          f"baseline bare COPY {out['baseline_copy_per_s']:,.0f}/s  "
          f"(ratio {row['load_per_s'] / out['baseline_copy_per_s']:.2f})")
    print(f"  wall time per article, first segment / this segment {row['load_us_per_article_first_segment']:,.0f} / "
          f"{row['load_us_per_article_this_segment']:,.0f} us  ({row['procs']} loader processes)")
    print(f"  ranking index ({m}) build            {row['rank_index_build_s']:>10,.1f} s; facet summary "
          f"{row['facet_summary_s']:.1f} s; load incl. both {row['load_incl_index_per_s']:,.0f}/s")
    print(f"  store size                          {row['store_mb']:>10,.0f} MB (search table "
          f"{row['search_table_mb']:,.0f} MB)" + (f"; tantivy index {row['tantivy_mb']:,.0f} MB" if 'tantivy_mb' in row else ""))
    print(f"  search top-20 p50/p95/p99  pg {m:4}  {row[f'pg_{m}_p50_ms']:>8.1f} / {row[f'pg_{m}_p95_ms']:.1f} / "
          f"{row[f'pg_{m}_p99_ms']:.1f} ms")
    if "tantivy_p95_ms" in row:
        print(f"                             tantivy   {row['tantivy_p50_ms']:>8.1f} / {row['tantivy_p95_ms']:.1f} / "
              f"{row['tantivy_p99_ms']:.1f} ms   (index {row['tantivy_index_per_s']:,.0f} articles/s, "
              f"{row['tantivy_segments']} segments)")
    if "pg_gin_ts_rank_p95_ms" in row:
        print(f"                 baseline pg gin ts_rank {row['pg_gin_ts_rank_p50_ms']:>6.1f} / "
              f"{row['pg_gin_ts_rank_p95_ms']:.1f} / {row['pg_gin_ts_rank_p99_ms']:.1f} ms")
    print(f"  facets p95: top-20 of a kind {row['facet_top_p95_ms']:.2f} ms (baseline live GROUP BY "
          f"{row['facet_live_group_by_ms']:.0f} ms); co-occurring under a person filter, SQL join "
          f"{row['facet_cooccurring_p95_ms']:.1f} ms")
    if "facet_cooccurring_index_p95_ms" in row:
        print(f"    the same counted by the search index (as /api/search does) p50/p95 "
              f"{row['facet_cooccurring_index_p50_ms']:.1f} / {row['facet_cooccurring_index_p95_ms']:.1f} ms; "
              f"a filtered search page with four facets p50/p95 {row['filtered_search_with_facets_p50_ms']:.1f} / "
              f"{row['filtered_search_with_facets_p95_ms']:.1f} ms; index counts = SQL counts in "
              f"{row['facet_cooccurring_index_agrees_with_sql']} queries")
    print(f"  memory: PostgreSQL PSS {row['pg_pss_mb']:,.0f} MB, benchmark process peak "
          f"{row['python_peak_rss_mb']:,.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
