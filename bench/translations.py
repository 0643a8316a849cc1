"""Cross-language linking benchmark on ../shared/data/external/wmt-ru-en-zh-docs.

Every WMT document is loaded in each of its languages (ru-en test sets 2021-2023: ru + en;
2024: en + ru + zh), all domains, as separate articles in random order; each must be linked
to its own translations and to nothing else, with every other document (same test set,
same period and sources) as a distractor. No translation model: anchors (names through
transliteration, numbers, dates, places) and, when installed, the multilingual sentence
encoder on title + lead.

Gold: each document in its original language and each of its translations are one pair
(ru->en for 2021-2023; en->ru and en->zh for 2024). The 2024 ru and zh texts are sibling
translations of one English source: linking them is correct (same story), but they are not
required. Predicted: ``translation`` links. Precision = links between texts of one WMT
document / links; recall = found gold pairs / gold pairs.

Run: ``python bench/translations.py [--news-only] [--no-embed] [--seed 0]``.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "external" / "wmt-ru-en-zh-docs" / "docs.jsonl"


def load(news_only: bool = False) -> list[dict]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if news_only and d["domain"] != "news":
            continue
        for lang, ps in d["texts"].items():
            out.append({"id": f"{d['doc_id']}.{lang}".replace("/", "_")[:40], "doc": d["doc_id"], "lang": lang,
                        "orig": d["origlang"],
                        "domain": d["domain"], "text": "\n\n".join(" ".join(p) for p in ps)})
    return out


def run(news_only: bool = False, embed: bool = True, seed: int = 0) -> dict:
    if not embed:
        os.environ["NEWSBRIDGE_LINK_EMBED"] = "0"
    from newsbridge.link import encoder, on_ingest
    from newsbridge.model import Document
    from newsbridge.store.store import Store

    items = load(news_only)
    random.Random(seed).shuffle(items)
    doc_of = {x["id"]: x["doc"] for x in items}
    store = Store(os.path.join(tempfile.mkdtemp(), "wmt.db"))
    t0 = time.time()
    for i in range(0, len(items), 100):
        on_ingest(store, [Document(id=x["id"], text=x["text"], language=x["lang"], origin=x["id"])
                          for x in items[i:i + 100]])
    secs = time.time() - t0
    by_doc: dict[str, list[dict]] = {}
    for x in items:
        by_doc.setdefault(x["doc"], []).append(x)
    gold = {tuple(sorted((p["id"], q["id"]))) for xs in by_doc.values() for p, q in combinations(xs, 2)
            if xs[0]["orig"] in (p["lang"], q["lang"])}
    pred = {tuple(sorted((l.a, l.b))) for l in store.links(kind="translation")}
    tp = sum(1 for a, b in pred if doc_of[a] == doc_of[b])
    wrong = sorted(p for p in pred if doc_of[p[0]] != doc_of[p[1]])[:8]
    other_kinds = {}
    for l in store.links():
        if l.kind != "translation":
            key = "correct" if doc_of[l.a] == doc_of[l.b] else "wrong"
            other_kinds[f"{l.kind}:{key}"] = other_kinds.get(f"{l.kind}:{key}", 0) + 1
    return {"texts": len(items), "gold_pairs": len(gold), "links": len(pred),
            "embeddings": bool(embed and encoder.enabled()),
            "precision": round(tp / len(pred), 4) if pred else 0.0, "recall": round(len(pred & gold) / len(gold), 4),
            "sibling_links": sum(1 for p in pred - gold if doc_of[p[0]] == doc_of[p[1]]),
            "other_links": other_kinds, "wrong_examples": wrong, "seconds": round(secs, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description="cross-language linking on WMT documents")
    ap.add_argument("--news-only", action="store_true")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"no data at {DATA}")
    print(json.dumps(run(args.news_only, not args.no_embed, args.seed), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
