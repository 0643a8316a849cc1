"""Reprint benchmark: real articles, realistic republishing edits, hard negatives.

Articles come from ../shared/data (read at run time, never copied): the seeds, the
article-extraction-benchmark bodies (en), factRuEval-2016 and BSNLP-2019 news (ru; BSNLP's
two topics, Brexit and Asia Bibi, give many reports with the same names and topic), and the
WMT news documents (en, ru, zh).

Pool hygiene (label rule, independent of the linker): originals shorter than 500
characters are dropped, and so is any original that shares 30 % or more of its 8-word
(8-character for Chinese) sequences with an earlier one, so two originals are never real
reprints of each other.

Each sampled original gets ``--copies`` reprints, each with 1-3 edits drawn at random:
- chrome swap: site navigation, share buttons, newsletter and copyright lines added;
- headline rewrite: the first line replaced by another headline-like sentence of the body;
- truncation to the lead: only the first paragraphs (>= 250 characters) kept, "Read more";
- paragraph insertion: an editor's note or a paragraph of an unrelated article (at most a
  third of the reprint's length) inserted;
- typo noise: 1-2 % of words get a character dropped, doubled or swapped.

Gold: an original and its reprints (and reprints of one original among themselves) are
reprints; every other pair is a negative. Hard negatives: pairs of originals of one topic
(same BSNLP topic, same WMT test set) that share at least two capitalized names.

Run: ``python bench/reprints.py [--originals 400] [--copies 2] [--seed 1]``.
Reports precision and recall of reprint/duplicate links, and the hard-negative count and
false links among them. Embeddings are switched off (reprints are found by text).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"
EXT = SHARED / "external"

CHROME_TOP = ["Home | World | Politics | Business | Tech | Sport", "Menu  Search  Sign in",
              "Главная / Новости / В мире", "首页 > 新闻 > 国际", "BREAKING NEWS", "Share on Facebook  Tweet  Email",
              "Поделиться: ВКонтакте  Telegram  WhatsApp", "Advertisement"]
CHROME_BOTTOM = ["Subscribe to our newsletter for the latest news.", "© 2024 Daily Wire Service. All rights reserved.",
                 "Подписывайтесь на наш канал в Telegram", "Все права защищены. Перепечатка запрещена.",
                 "责任编辑：王伟", "Related articles", "Comments (0)", "Read more: Top stories of the day"]
NOTES = ["Editor's note: this article has been updated with additional reporting.",
         "Примечание редакции: материал дополнен.", "（本文转自新华网）", "This story was first published by our partners."]


def _paras(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def load_articles() -> list[dict]:
    arts: list[dict] = []
    for p in sorted(glob.glob(str(SHARED / "seeds" / "*.txt"))):
        arts.append({"id": "seed/" + Path(p).stem, "lang": "en", "text": Path(p).read_text(encoding="utf-8"), "topic": "seeds"})
    gt = EXT / "article-extraction-benchmark" / "ground-truth.json"
    if gt.exists():
        for k, v in sorted(json.loads(gt.read_text(encoding="utf-8")).items()):
            arts.append({"id": "aeb/" + k[:12], "lang": "en", "text": v.get("articleBody") or "", "topic": "aeb"})
    for p in sorted(glob.glob(str(EXT / "factRuEval-2016" / "*set" / "*.txt"))):
        arts.append({"id": "fre/" + Path(p).stem, "lang": "ru", "text": Path(p).read_text(encoding="utf-8"), "topic": "fre"})
    for p in sorted(glob.glob(str(EXT / "bsnlp-ru" / "*" / "raw" / "ru" / "*.txt"))):
        lines = Path(p).read_text(encoding="utf-8").splitlines()
        topic = Path(p).parts[-4]
        arts.append({"id": "bsnlp/" + Path(p).stem, "lang": "ru", "text": "\n".join(lines[4:]), "topic": "bsnlp-" + topic})
    wmt = EXT / "wmt-ru-en-zh-docs" / "docs.jsonl"
    if wmt.exists():
        for line in wmt.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d["domain"] != "news":
                continue
            for lang, ps in d["texts"].items():
                arts.append({"id": f"wmt/{d['doc_id']}/{lang}", "lang": lang, "topic": "wmt-" + d["testset"],
                             "text": "\n\n".join(" ".join(p) for p in ps)})
    return arts


def _grams(text: str, lang: str) -> set[str]:
    if lang == "zh":
        t = re.sub(r"\s+", "", text)
        return {t[i:i + 8] for i in range(max(0, len(t) - 7))}
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i:i + 8]) for i in range(max(0, len(w) - 7))}


def clean_pool(arts: list[dict]) -> list[dict]:
    pool, owner = [], {}
    for a in arts:
        if len(a["text"]) < 500:
            continue
        g = _grams(a["text"], a["lang"])
        hits = defaultdict(int)
        for x in g:
            if x in owner:
                hits[owner[x]] += 1
        if any(n >= 0.3 * min(len(g), len(pool[i]["_g"])) for i, n in hits.items()):
            continue
        a = dict(a, _g=g)
        for x in g:
            owner.setdefault(x, len(pool))
        pool.append(a)
    return pool


def _typos(text: str, rng: random.Random, rate: float) -> str:
    def edit(m):
        w = m.group()
        if len(w) < 4 or rng.random() > rate:
            return w
        i = rng.randrange(1, len(w) - 1)
        op = rng.choice("dsx")
        if op == "d":
            return w[:i] + w[i + 1:]
        if op == "s":
            return w[:i] + w[i] + w[i:]
        return w[:i - 1] + w[i] + w[i - 1] + w[i + 1:]
    return re.sub(r"\w+", edit, text)


def make_reprint(art: dict, other: dict, rng: random.Random) -> tuple[str, list[str]]:
    paras = _paras(art["text"])
    edits = rng.sample(["chrome", "headline", "truncate", "insert", "typos"], rng.choice([1, 2, 2, 3]))
    if "truncate" in edits:
        keep, n = [], 0
        for p in paras:
            keep.append(p)
            n += len(p)
            if n >= 250 and rng.random() < 0.6:
                break                          # the lead: at least 250 characters of the body
        paras = keep + ["Read more at the original source." if art["lang"] != "ru" else "Читайте полностью на сайте источника."]
    if "headline" in edits:
        sents = re.split(r"(?<=[.!?。])\s*", " ".join(_paras(art["text"])[1:3]))
        cand = [s for s in sents if 30 <= len(s) <= 160]
        new = rng.choice(cand) if cand else "Update: " + paras[0][:60]
        if len(paras[0]) < 200:                # the first line is the headline: replace it
            paras[0] = new
        else:
            paras.insert(0, new)
    if "insert" in edits:
        size = sum(len(p) for p in paras)
        foreign = [p for p in _paras(other["text"]) if 40 <= len(p) <= size / 3]
        extra = rng.choice(foreign) if foreign and rng.random() < 0.5 else rng.choice(NOTES)
        paras.insert(rng.randrange(1, max(2, len(paras))), extra)
    if "typos" in edits:
        paras = [_typos(p, rng, rng.uniform(0.01, 0.02)) for p in paras]
    if "chrome" in edits or rng.random() < 0.5:
        paras = rng.sample(CHROME_TOP, 2) + paras + rng.sample(CHROME_BOTTOM, 2)
        if "chrome" not in edits:
            edits.append("chrome")
    return "\n\n".join(paras), edits


def _caps(text: str) -> set[str]:
    return set(re.findall(r"\b[A-ZА-ЯЁ][a-zа-яё]{3,}\s+[A-ZА-ЯЁ][a-zа-яё]{3,}", text))


def build(n_orig: int, copies: int, seed: int):
    rng = random.Random(seed)
    pool = clean_pool(load_articles())
    rng.shuffle(pool)
    origs = pool[:n_orig]
    docs, family = [], {}
    for i, a in enumerate(origs):
        docs.append({"id": f"o{i}", "lang": a["lang"], "text": a["text"], "src": a["id"]})
        family[f"o{i}"] = i
    for i, a in enumerate(origs):
        for k in range(copies):
            other = origs[(i + 1 + rng.randrange(len(origs) - 1)) % len(origs)]
            text, edits = make_reprint(a, other, rng)
            docs.append({"id": f"o{i}r{k}", "lang": a["lang"], "text": text, "edits": edits})
            family[f"o{i}r{k}"] = i
    rng.shuffle(docs)                      # reprints may arrive before their original
    hard = 0
    by_topic = defaultdict(list)
    for i, a in enumerate(origs):
        by_topic[a["topic"]].append(i)
    caps = [_caps(a["text"]) for a in origs]
    for topic, idx in by_topic.items():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                if len(caps[idx[x]] & caps[idx[y]]) >= 2:
                    hard += 1
    return docs, family, origs, hard


def run(n_orig: int = 400, copies: int = 2, seed: int = 1, db: str | None = None) -> dict:
    os.environ["NEWSBRIDGE_LINK_EMBED"] = "0"
    from newsbridge.link import on_ingest
    from newsbridge.model import Document
    from newsbridge.store.store import Store

    docs, family, origs, hard = build(n_orig, copies, seed)
    tmp = tempfile.mkdtemp()
    store = Store(db or os.path.join(tmp, "reprints.db"))
    t0 = time.time()
    for i in range(0, len(docs), 100):
        batch = [Document(id=d["id"], text=d["text"], language=d["lang"], origin=d["id"]) for d in docs[i:i + 100]]
        on_ingest(store, batch)
    elapsed = time.time() - t0
    links = [l for l in store.links() if l.kind in ("reprint", "duplicate")]
    pred = {tuple(sorted((l.a, l.b))) for l in links}
    tp = sum(1 for a, b in pred if family[a] == family[b])
    fp = [(a, b) for a, b in pred if family[a] != family[b]]
    gold_direct = {tuple(sorted((f"o{i}", d["id"]))) for d in docs if "r" in d["id"] for i in [family[d["id"]]]}
    found_direct = len(gold_direct & pred)
    # family-level recall: a reprint counts when it is linked to its original or a sibling copy
    linked_family = defaultdict(set)
    for a, b in pred:
        if family[a] == family[b]:
            linked_family[a].add(b)
            linked_family[b].add(a)
    reprints = [d["id"] for d in docs if "r" in d["id"]]
    fam_found = sum(1 for r in reprints if linked_family[r])
    by_edit = defaultdict(lambda: [0, 0])
    for d in docs:
        if "edits" in d:
            key = tuple(sorted((f"o{family[d['id']]}", d["id"])))
            for e in d["edits"]:
                by_edit[e][1] += 1
                by_edit[e][0] += key in pred
    res = {
        "documents": len(docs), "originals": len(origs), "reprints": len(reprints),
        "languages": dict(sorted({l: sum(1 for d in docs if d["lang"] == l) for l in {d["lang"] for d in docs}}.items())),
        "hard_negative_pairs": hard, "predicted_links": len(pred),
        "precision": round(tp / len(pred), 4) if pred else 0.0,
        "recall_direct": round(found_direct / len(gold_direct), 4),
        "recall_family": round(fam_found / len(reprints), 4),
        "recall_by_edit": {e: round(a / b, 3) for e, (a, b) in sorted(by_edit.items())},
        "false_links": [(a, b) for a, b in fp[:10]],
        "seconds": round(elapsed, 1), "ms_per_doc": round(1000 * elapsed / len(docs), 2),
    }
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description="reprint detection benchmark")
    ap.add_argument("--originals", type=int, default=400)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not EXT.is_dir():
        sys.exit(f"no data at {EXT}")
    print(json.dumps(run(args.originals, args.copies, args.seed), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
