"""Linking at scale: N synthetic articles (bench/synth.py) through newsbridge.link.on_ingest.

Measures linking only (article generation is not timed), wall-clock and CPU (the machine may
be shared, so CPU seconds are the fair figure): seconds per 10k articles, so a flat
time per article from 10k to N shows that cost grows linearly with the corpus (candidates
come from the key index with a document-frequency cap, never from all pairs); the peak
resident memory; and the quality of reprint links against synth's labels (reprint_of).
The sentence encoder is off (it costs ~15 ms an article: use anchors at this scale).

Run one core, niced, e.g.
    nice taskset -c 0 python bench/link_scale.py --n 100000 > link_scale.json
(--n 10000 for a quick look). The store is a temporary SQLite file unless --db is given.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def run(n: int, batch: int = 1000, seed: int = 0, db: str | None = None, reprint_rate: float = 0.1,
        translation_rate: float = 0.05) -> dict:
    os.environ["NEWSBRIDGE_LINK_EMBED"] = "0"
    from bench.synth import generate, to_document
    from newsbridge.link.linker import Linker
    from newsbridge.store.store import Store

    path = db or os.path.join(tempfile.mkdtemp(), "scale.db")
    store = Store(path)
    linker = Linker(store, embed=False)
    label_of: dict[str, dict] = {}
    linking = 0.0
    cpu = 0.0
    per_10k: list[float] = []
    cpu_10k: list[float] = []
    cchunk = 0.0
    chunk = 0.0
    done = 0
    gen = generate(n, seed, reprint_rate=reprint_rate, translation_rate=translation_rate)
    while done < n:
        recs = [next(gen) for _ in range(min(batch, n - done))]
        docs = [to_document(r) for r in recs]
        for d, r in zip(docs, recs):
            label_of[d.id] = {"id": r["labels"]["id"], "reprint_of": r["labels"]["reprint_of"],
                              "story": r["labels"]["story"]}
        t, c = time.perf_counter(), time.process_time()
        linker.link(docs)
        dt, dc = time.perf_counter() - t, time.process_time() - c
        linking += dt
        cpu += dc
        chunk += dt
        cchunk += dc
        done += len(docs)
        if done % 10_000 == 0:
            per_10k.append(round(chunk, 1))
            cpu_10k.append(round(cchunk, 1))
            chunk = cchunk = 0.0
            print(f"{done} articles: {per_10k[-1]} s ({cpu_10k[-1]} s CPU) for the last 10k, peak RSS "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB", file=sys.stderr, flush=True)
    by_synth = {v["id"]: k for k, v in label_of.items()}
    gold = set()
    for k, v in label_of.items():
        if v["reprint_of"] and v["reprint_of"] in by_synth:
            gold.add(frozenset((k, by_synth[v["reprint_of"]])))
    links = store.links()
    pred = {frozenset((l.a, l.b)) for l in links if l.kind in ("reprint", "duplicate")}
    # a reprint of a reprint linked to its sibling copy is right too: same original story text
    def root(k):
        seen = 0
        while label_of[k]["reprint_of"] and label_of[k]["reprint_of"] in by_synth and seen < 50:
            k = by_synth[label_of[k]["reprint_of"]]
            seen += 1
        return k
    correct = sum(1 for p in pred if len({root(x) for x in p}) == 1)
    kinds: dict[str, int] = {}
    for l in links:
        kinds[l.kind] = kinds.get(l.kind, 0) + 1
    return {
        "articles": n, "batch": batch, "linking_seconds": round(linking, 1),
        "cpu_seconds": round(cpu, 1), "ms_per_article": round(1000 * linking / n, 2),
        "cpu_ms_per_article": round(1000 * cpu / n, 2), "seconds_per_10k": per_10k, "cpu_seconds_per_10k": cpu_10k,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "db_mb": round(os.path.getsize(path) / 2**20, 1) if os.path.exists(path) else None,
        "links": kinds, "reprint_gold_pairs": len(gold),
        "reprint_recall": round(len(gold & pred) / len(gold), 4) if gold else None,
        "reprint_precision": round(correct / len(pred), 4) if pred else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="linking benchmark on synthetic articles")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--db")
    args = ap.parse_args()
    print(json.dumps(run(args.n, args.batch, args.seed, args.db), indent=1))


if __name__ == "__main__":
    main()
