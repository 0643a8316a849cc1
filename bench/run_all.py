"""`make bench`: a small version of every benchmark in bench/, one after another.

Each benchmark prints newsbridge's figure beside its baseline (see BENCHMARKS.md for the
full-size commands and the recorded figures). A benchmark whose file is absent, or that needs
data or a service this machine lacks, is reported as skipped; the exit status is non-zero
when any benchmark that ran failed.

    python bench/run_all.py [--only NAME,...] [--timeout 900]
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TMP = Path(tempfile.gettempdir()) / "nb-bench-small"


def _pg() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


# name, file, arguments of the small run, what it compares, requirement (None = always)
BENCHMARKS = [
    ("ingest", "ingest.py", ["--n", "2000", "--out", str(TMP / "ingest")],
     "ingest rate vs bare insert; search p50/p95/p99", None),
    ("analyze", "analyze.py", ["--lang", "all", "--n", "10"], "analyzers vs natasha/spaCy alone", None),
    ("ner_external", "ner_external.py", ["--lang", "all", "--limit", "10"], "entities vs natasha/spaCy alone", None),
    ("reprints", "reprints.py", ["--originals", "100", "--copies", "2"], "reprint detection vs datasketch alone", None),
    ("translations", "translations.py", ["--no-embed"], "translation pairs", None),
    ("entity_pairs", "entity_pairs.py", [], "one entity across scripts", None),
    ("link_scale", "link_scale.py", ["--n", "2000"], "linking at scale", None),
    ("api_load", "api_load.py", ["--n", "500", "--clients", "4", "--duration", "5", "--out", str(TMP / "api")],
     "API under load", None),
    ("eval_en", "eval_en.py", ["--gold", str(SHARED / "gold" / "seeds"), *sorted(str(p) for p in (SHARED / "data" / "seeds").glob("*.txt"))],
     "seed extraction scores", "shared"),
    ("pg_scale", "pg_scale.py", ["--n", "2000", "--baseline-n", "2000", "--queries", "50", "--batch", "500", "--gin"],
     "PostgreSQL COPY vs bare COPY; RUM and tantivy vs ts_rank; facet summary vs GROUP BY", "postgres"),
    ("pipeline_ray", "pipeline_ray.py", ["--n", "40"], "whole pipeline on Ray; 2 workers vs 1 on analyze", "ray"),
]


def _missing(req: str | None) -> str | None:
    if req == "postgres" and not _pg():
        return "PostgreSQL is not reachable on 127.0.0.1:5432"
    if req == "ray" and not _has("ray"):
        return "ray[data] is not installed"
    if req == "shared" and not SHARED.exists():
        return f"{SHARED} is absent"
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated benchmark names")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per benchmark")
    a = ap.parse_args(argv)
    only = {x for x in a.only.split(",") if x}
    TMP.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p))
    results = []
    for name, file, args, what, req in BENCHMARKS:
        if only and name not in only:
            continue
        path = ROOT / "bench" / file
        why = "no such benchmark yet" if not path.exists() else _missing(req)
        print(f"\n=== {name}: {what}", flush=True)
        if why:
            print(f"skipped: {why}")
            results.append((name, "skipped", 0.0))
            continue
        t = time.perf_counter()
        try:
            rc = subprocess.run([sys.executable, str(path), *args], cwd=ROOT, env=env, timeout=a.timeout).returncode
            status = "ok" if rc == 0 else f"failed (exit {rc})"
        except subprocess.TimeoutExpired:
            status = f"failed (over {a.timeout}s)"
        results.append((name, status, time.perf_counter() - t))
    print("\n=== summary")
    for name, status, secs in results:
        print(f"  {name:14} {status:22} {secs:7.1f} s")
    return 1 if any(s.startswith("failed") for _, s, _ in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
