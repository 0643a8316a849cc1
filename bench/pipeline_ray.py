"""The whole pipeline on Ray: ingest -> clean -> metadata -> analyze -> store -> index -> link.

Writes N synthetic multilingual articles (bench/synth.py, en/ru/zh, with reprints and
translations) as JSONL, then:

1. runs the full pipeline through Ray with ``--workers`` actors and prints each stage's
   throughput (articles per busy second of the worker or driver that ran it) and the end-to-end
   rate;
2. runs clean -> metadata -> analyze with one worker and with two, into separate stores, and
   prints the analyze-stage speed-up (the issue asks >= 1.7x) and whether both stores hold
   identical documents (export compared apart from timestamps).

    python bench/pipeline_ray.py --n 300               # a few minutes on 2 cores
    python bench/pipeline_ray.py --n 50000 --skip-compare   # the issue's 50,000-article run (hours)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synth import generate, jsonl_line  # noqa: E402


def write_corpus(n: int, folder: Path, per_file: int = 1000) -> list[str]:
    paths = []
    recs = generate(n, seed=5, reprint_rate=0.1, translation_rate=0.1)
    for k in range(0, n, per_file):
        p = folder / f"part-{k // per_file:05d}.jsonl"
        with p.open("w", encoding="utf-8") as fh:
            for _ in range(min(per_file, n - k)):
                fh.write(jsonl_line(next(recs)) + "\n")
        paths.append(str(p))
    return paths


def export_digest(db: str) -> tuple[int, str]:
    """Every stored document with its layers and origins (sorted: origins are ordered by time)."""
    from newsbridge.export.formats import export_row
    from newsbridge.store import Store
    h = hashlib.sha256()
    n = 0
    with Store(db) as st:
        for d in st.iter_documents():
            h.update(json.dumps(export_row(d, sorted(st.origins(d.id))), sort_keys=True, ensure_ascii=False).encode())
            n += 1
    return n, h.hexdigest()


def show_difference(db_a: str, db_b: str, limit: int = 3) -> None:
    """Print which documents and fields differ between two stores (to trace nondeterminism)."""
    from newsbridge.export.formats import export_row
    from newsbridge.store import Store
    rows = []
    for db in (db_a, db_b):
        with Store(db) as st:
            rows.append({d.id: export_row(d, sorted(st.origins(d.id))) for d in st.iter_documents()})
    a, b = rows
    print(f"  documents only in one store: {sorted(set(a) ^ set(b))[:limit]}")
    diff = [i for i in a if i in b and a[i] != b[i]]
    print(f"  {len(diff)} documents differ")
    for i in diff[:limit]:
        for k in a[i]:
            if a[i][k] != b[i][k]:
                keys = [L for L in set(a[i][k]) | set(b[i][k]) if a[i][k].get(L) != b[i][k].get(L)] \
                    if isinstance(a[i][k], dict) else []
                print(f"    {i} {k} {keys}: {str(a[i][k])[:160]} | {str(b[i][k])[:160]}")


def run(paths, db: str, workers: int, stages, link: bool, every: int = 1000):
    from newsbridge.scale.runner import run_pipeline
    from newsbridge.settings import load_settings
    t0, done = time.perf_counter(), [0]

    def progress(_origin: str) -> None:          # a line now and then: the long runs take hours
        done[0] += 1
        if done[0] % every == 0:
            el = time.perf_counter() - t0
            print(f"  {done[0]:,} articles written after {el:,.0f} s ({done[0] / el:,.1f}/s, "
                  f"load average {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
    return run_pipeline(paths, load_settings(db=db), engine="ray", num_workers=workers, stages=stages, link=link,
                        on_progress=progress)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-compare", action="store_true", help="skip the 1-vs-2-worker analyze comparison")
    ap.add_argument("--skip-full", action="store_true", help="skip the full pipeline run")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args(argv)

    import ray

    from newsbridge.pipeline import DEFAULT_STAGES
    tmp = Path(tempfile.mkdtemp(prefix="nb_pipeline_ray_"))
    out: dict = {"n": a.n, "machine": f"{os.cpu_count()} cores", "load_average": os.getloadavg()}
    try:
        t = time.perf_counter()
        paths = write_corpus(a.n, tmp)
        out["generate_s"] = time.perf_counter() - t
        ray.init(num_cpus=max(2, a.workers), include_dashboard=False, log_to_driver=False)
        if not a.skip_full:
            rep = run(paths, str(tmp / "full.db"), a.workers, DEFAULT_STAGES, link=True)
            out["full"] = {"added": rep.added, "skipped": rep.skipped, "errors": len(rep.errors),
                           "seconds": rep.seconds, "rate": rep.rate, "workers": rep.workers,
                           "worker_stage_s": rep.stage_seconds, "driver_stage_s": rep.write_stage_seconds}
            print(f"\nWhole pipeline through Ray, {rep.workers} workers, {a.n:,} synthetic articles "
                  f"(en/ru/zh, 10% reprints, 10% translations); machine {out['machine']}, "
                  f"load average {out['load_average'][0]:.1f}")
            print(f"  {'stage':10} {'where':7} {'busy s':>8} {'articles/s':>11}")
            for k, v in rep.stage_seconds.items():
                name = "ingest" if k == "build" else k
                print(f"  {name:10} {'workers':7} {v:8.1f} {rep.added / v if v else float('inf'):11,.1f}  "
                      f"(per worker; x{rep.workers} in parallel)")
            for k, v in rep.write_stage_seconds.items():
                print(f"  {k:10} {'driver':7} {v:8.1f} {rep.added / v if v else float('inf'):11,.1f}")
            print(f"  end to end: {rep.added:,} articles in {rep.seconds:.1f} s = {rep.rate:,.1f} articles/s "
                  f"(incl. actor start and model warm-up; first results after {rep.first_result_s:.1f} s)")
        if not a.skip_compare:
            stages = ("clean", "metadata", "analyze")
            res = {}
            for w in (1, 2):
                rep = run(paths, str(tmp / f"w{w}.db"), w, stages, link=False)
                busiest = max(rep.worker_seconds.values()) if rep.worker_seconds else float("nan")
                res[w] = {"seconds": rep.seconds, "analyze_s": rep.stage_seconds.get("analyze", 0.0),
                          "startup_s": rep.first_result_s, "steady_rate": rep.steady_rate,
                          "busiest_worker_s": busiest, "added": rep.added,
                          "digest": export_digest(str(tmp / f"w{w}.db"))}
            same = res[1]["digest"] == res[2]["digest"]
            if not same:
                show_difference(str(tmp / "w1.db"), str(tmp / "w2.db"))
            speed_wall = res[1]["seconds"] / res[2]["seconds"]
            speed_busy = res[1]["busiest_worker_s"] / res[2]["busiest_worker_s"]
            out["compare"] = {str(k): {kk: vv for kk, vv in v.items() if kk != "digest"} for k, v in res.items()}
            out["compare"].update({"identical": same, "speedup_wall": speed_wall, "speedup_busiest_worker": speed_busy})
            print(f"\nAnalyze stage (clean+metadata+analyze), Ray 1 vs 2 workers, {a.n:,} articles "
                  f"(load average now {os.getloadavg()[0]:.1f})")
            for w in (1, 2):
                r = res[w]
                print(f"  {w} worker{'s' if w > 1 else ' '}: run {r['seconds']:7.1f} s (incl. actor start and warm-up; "
                      f"first results after {r['startup_s']:5.1f} s); busiest worker {r['busiest_worker_s']:7.1f} s")
            print(f"  speed-up: {speed_wall:.2f}x end to end, {speed_busy:.2f}x on the busiest worker's stage time "
                  f"(target >= 1.7x); outputs identical: {same}")
    finally:
        try:
            ray.shutdown()
        except Exception:
            pass
        shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
