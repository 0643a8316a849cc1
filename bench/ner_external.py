#!/usr/bin/env python3
"""NER on external gold sets, newsbridge side by side with the plain library, in one run.

    .venv/bin/python bench/ner_external.py [--lang ru|en|all] [--limit N]

Per language one function (``run_ru``, ``run_en``) prints precision / recall / F1 per type
for newsbridge's analyzer and for the plain library on the same texts. Mentions match when
type and character extent are equal (exact match, the usual CoNLL-style scoring).

- ru: ../shared/data/external/factRuEval-2016, test part (testset/*.objects); Person -> PER,
  Org -> ORG, Location and LocOrg -> LOC; a mention spans its first to its last span.
  Plain library: natasha's NewsNERTagger alone.
- en: ../shared/data/external/gum-news (all 24 Wikinews documents); person -> PER,
  organization -> ORG, place -> LOC, named mentions with a Wikipedia identity; a leading "the"
  and a trailing possessive are ignored on both sides. Plain library: spaCy's en_core_web_sm
  NER alone; newsbridge is shown with spaCy (as shipped) and with its rules only.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

TYPES = ("PER", "ORG", "LOC")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(title: str, systems: dict[str, list[set]], gold: list[set]) -> None:
    print(f"\n{title}")
    print(f"{'system':14s} {'type':5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pred':>6s} {'gold':>6s}")
    for name, preds in systems.items():
        tot = Counter()
        for t in TYPES + ("ALL",):
            tp = n_pred = n_gold = 0
            for pred, g in zip(preds, gold):
                ps = {m for m in pred if t == "ALL" or m[2] == t}
                gs = {m for m in g if t == "ALL" or m[2] == t}
                tp += len(ps & gs)
                n_pred += len(ps)
                n_gold += len(gs)
            p, r, f = prf(tp, n_pred, n_gold)
            print(f"{name:14s} {t:5s} {p:6.3f} {r:6.3f} {f:6.3f} {n_pred:6d} {n_gold:6d}")
            tot[t] = f


# -- Russian: factRuEval-2016 -----------------------------------------------------------------
_FRE_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}


def load_factrueval(limit: int | None = None) -> list[tuple[str, set]]:
    base = SHARED / "data" / "external" / "factRuEval-2016" / "testset"
    docs = []
    for obj in sorted(base.glob("*.objects"))[:limit]:
        stem = obj.with_suffix("")
        text = stem.with_suffix(".txt").read_text(encoding="utf-8")
        spans = {}
        for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            f = line.split()
            if len(f) >= 4:
                spans[f[0]] = (int(f[2]), int(f[2]) + int(f[3]))
        gold = set()
        for line in obj.read_text(encoding="utf-8").splitlines():
            f = line.split("#")[0].split()
            if len(f) < 3 or f[1] not in _FRE_TYPES:
                continue
            ss = [spans[s] for s in f[2:] if s in spans]
            if ss:
                gold.add((min(a for a, _ in ss), max(b for _, b in ss), _FRE_TYPES[f[1]]))
        docs.append((text, gold))
    return docs


def run_ru(limit: int | None = None) -> None:
    from newsbridge.analyze.ru import analyze_ru
    from newsbridge.analyze.ru.ner import ner_tagger
    from newsbridge.model import MENTIONS, Document

    docs = load_factrueval(limit)
    if not docs:
        print("factRuEval-2016 not found under ../shared; skipped")
        return
    tagger = ner_tagger()
    gold = [g for _, g in docs]
    t0 = time.perf_counter()
    plain = [{(s.start, s.stop, s.type) for s in tagger(text).spans} for text, _ in docs]
    t_plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = []
    for i, (text, _) in enumerate(docs):
        doc = Document(id=f"fre{i}", text=text, language="ru")
        analyze_ru(doc)
        ours.append({(m.start, m.end, m.label) for m in doc.layer(MENTIONS)})
    t_ours = time.perf_counter() - t0
    report(f"ru: factRuEval-2016 test, {len(docs)} documents, exact match "
           f"(natasha NER {t_plain:.1f}s, newsbridge full analyzer {t_ours:.1f}s)",
           {"natasha": plain, "newsbridge": ours}, gold)


# -- English: gum-news (GUM's Wikinews part) -------------------------------------------------------
_GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_GUM_BRACKET = __import__("re").compile(r"\((\d+)-([^()]+)\)|\((\d+)-([^()]+)|(\d+)\)")


def load_gum_news(limit: int | None = None) -> list[tuple[str, set]]:
    """Raw text rebuilt from the CoNLL-U tokens (SpaceAfter=No respected, a newline per
    paragraph) and the named mentions: types person/organization/place that carry a Wikipedia
    identity and start with a capital letter (pronouns and common nouns coreferent with a named
    entity are left out: this is NER, not coreference)."""
    base = SHARED / "data" / "external" / "gum-news" / "dep"
    docs = []
    for path in sorted(base.glob("GUM_news_*.conllu"))[:limit]:
        parts: list[str] = []
        pos = 0
        open_m: dict[str, list] = {}
        gold = set()
        first_par = True
        need_space = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") and not line.startswith("# newpar_"):
                if not first_par:
                    parts.append("\n")
                    pos += 1
                    need_space = False
                first_par = False
                continue
            if not line or line[0] == "#":
                continue
            f = line.split("\t")
            if "-" in f[0] or "." in f[0]:
                continue
            if need_space:
                parts.append(" ")
                pos += 1
            start = pos
            parts.append(f[1])
            pos += len(f[1])
            misc = f[9].split("|")
            need_space = "SpaceAfter=No" not in misc
            ent = next((m[7:] for m in misc if m.startswith("Entity=")), "")
            for m in _GUM_BRACKET.finditer(ent):
                if m.group(1):  # one-token mention
                    open_m.setdefault(m.group(1), []).append((start, m.group(2)))
                    s0, content = open_m[m.group(1)].pop()
                    _gum_add(gold, s0, pos, content, parts)
                elif m.group(3):
                    open_m.setdefault(m.group(3), []).append((start, m.group(4)))
                elif m.group(5) and open_m.get(m.group(5)):
                    s0, content = open_m[m.group(5)].pop()
                    _gum_add(gold, s0, pos, content, parts)
        docs.append(("".join(parts), gold))
    return docs


def _gum_add(gold: set, s: int, e: int, content: str, parts: list[str]) -> None:
    f = content.split("-", 6)
    if len(f) < 7 or f[0] not in _GUM_TYPES or not f[6] or f[6] == "_":
        return
    text = "".join(parts)
    s, e = _norm_span(text, s, e)
    if e > s and text[s].isupper():
        gold.add((s, e, _GUM_TYPES[f[0]]))


def _norm_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Both sides scored without a leading 'the' and a trailing possessive."""
    if text[s:s + 4].lower() == "the ":
        s += 4
    for suf in (" 's", "'s", "’s", " '"):
        if text[s:e].endswith(suf):
            e -= len(suf)
    return s, e


def run_en(limit: int | None = None) -> None:
    from newsbridge.analyze.en import analyze_en
    from newsbridge.analyze.en.ner import get_nlp
    from newsbridge.model import MENTIONS, Document

    docs = load_gum_news(limit)
    if not docs:
        print("gum-news not found under ../shared; skipped")
        return
    nlp = get_nlp()
    gold = [g for _, g in docs]
    systems = {}
    if nlp is not None:
        labels = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
        t0 = time.perf_counter()
        plain = []
        for text, _ in docs:
            ents = set()
            for ent in nlp(text).ents:
                if ent.label_ in labels:
                    s, e = _norm_span(text, ent.start_char, ent.end_char)
                    ents.add((s, e, labels[ent.label_]))
            plain.append(ents)
        t_plain = time.perf_counter() - t0
        systems["spacy-sm"] = plain
    else:
        t_plain = 0.0
        print("spaCy's English model is not installed: only newsbridge's rules are measured")
    t0 = time.perf_counter()
    ours = []
    for i, (text, _) in enumerate(docs):
        doc = Document(id=f"gum{i}", text=text, language="en")
        analyze_en(doc)
        ours.append({(*_norm_span(text, m.start, m.end), m.label) for m in doc.layer(MENTIONS)})
    t_ours = time.perf_counter() - t0
    systems["newsbridge"] = ours
    from newsbridge.analyze.en.ner import set_spacy_enabled
    set_spacy_enabled(False)
    rules = []
    for i, (text, _) in enumerate(docs):
        doc = Document(id=f"gum{i}", text=text, language="en")
        analyze_en(doc)
        rules.append({(*_norm_span(text, m.start, m.end), m.label) for m in doc.layer(MENTIONS)})
    set_spacy_enabled(True)
    systems["nb-rules-only"] = rules
    report(f"en: gum-news, {len(docs)} documents, named mentions with a Wikipedia identity, exact match "
           f"(spaCy NER {t_plain:.1f}s, newsbridge full analyzer {t_ours:.1f}s)", systems, gold)


RUNNERS = {"ru": run_ru, "en": run_en}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="all")
    ap.add_argument("--limit", type=int, default=None, help="documents per language (default: all)")
    args = ap.parse_args(argv)
    for lang, run in RUNNERS.items():
        if args.lang in ("all", lang):
            run(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
