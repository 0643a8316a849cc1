"""Entity resolution benchmark: labelled person-name pairs across scripts, built at run time.

Source: ../shared/data/external/bsnlp-ru (BSNLP 2019, Russian news on Brexit and Asia Bibi).
Every annotated mention there carries a lemma (``Тереза Мэй``) and a cross-lingual entity id
(``PER-Theresa-May``) assigned by the task's human annotators. The id spells the person's
name in Latin script, so it is an independent label of who the Russian name refers to.

Label rules (nothing here looks at the matcher under test):
- Only PER mentions. A lemma used for more than one id (``Скрипали`` = Sergei and Yulia) is
  ambiguous and dropped. Ids whose words are not all capitalized names, or that hold a title
  word (The, Queen, Prophet, King, Pope, Saint), are dropped: their Latin form is a
  description, not a spelling of the name.
- One-word lemmas (``Борис``, ``Джонсон``, ``Норин``) are dropped: a bare given name or
  surname cannot be resolved from the name alone (the analyzer resolves it inside its
  document), and the annotators' choice among people sharing it is not a name decision.
- Positive pairs: (Russian lemma, Latin name of its id), and (lemma, the id's most frequent
  lemma).
- Negative pairs: (Russian lemma of X, Latin name of Y != X) for the two ids whose Latin names
  are most similar to the lemma's romanization by difflib's character ratio (hard
  negatives chosen without our matcher), plus (lemma X, lemma Y) where the two share their
  last word, both have at least two words, and belong to different ids (the Skripal
  father/daughter case).

Run: ``python bench/entity_pairs.py [--show-errors]``; prints pair counts, precision,
recall and F1 of ``newsbridge.link.names.match_names``.
"""
from __future__ import annotations

import argparse
import difflib
import glob
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsbridge.link.names import match_names, romanize  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "external" / "bsnlp-ru"
TITLE_WORDS = {"the", "queen", "prophet", "king", "pope", "saint", "of", "and", "prince", "princess"}


def load_mentions(root: Path = SHARED) -> tuple[dict[str, set[str]], dict[str, int]]:
    """(Russian PER lemma -> set of entity ids, lemma -> mention count)."""
    by_lemma: dict[str, set[str]] = defaultdict(set)
    freq: dict[str, int] = defaultdict(int)
    for out in sorted(glob.glob(str(root / "*" / "annotated" / "ru" / "*.out"))):
        for line in Path(out).read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) < 4 or parts[2].strip() != "PER":
                continue
            lemma, eid = parts[1].strip(), parts[3].strip()
            if lemma and lemma[0].isupper() and eid.startswith("PER-"):
                by_lemma[lemma].add(eid)
                freq[lemma] += 1
    return by_lemma, freq


def id_name(eid: str) -> str | None:
    words = eid[4:].split("-")
    if any(w.lower() in TITLE_WORDS or not w[:1].isupper() for w in words):
        return None
    return " ".join(words)


def build_pairs(root: Path = SHARED) -> list[tuple[str, str, bool, str]]:
    """[(name_a, name_b, same_person, kind)]"""
    by_lemma, freq = load_mentions(root)
    lemma_id = {lem: next(iter(ids)) for lem, ids in by_lemma.items() if len(ids) == 1}
    lemma_id = {lem: eid for lem, eid in lemma_id.items() if id_name(eid)}
    lemma_id = {lem: eid for lem, eid in lemma_id.items() if len(re.split(r"[\s.]+", lem.strip(". "))) > 1}
    names = {eid: id_name(eid) for eid in set(lemma_id.values())}
    pairs: list[tuple[str, str, bool, str]] = []
    by_id: dict[str, list[str]] = defaultdict(list)
    for lem, eid in sorted(lemma_id.items()):
        by_id[eid].append(lem)
        pairs.append((lem, names[eid], True, "ru-en"))
        rom = romanize(lem)
        others = sorted((e for e in names if e != eid),
                        key=lambda e: (-difflib.SequenceMatcher(None, rom, names[e].lower()).ratio(), e))
        for e in others[:2]:
            pairs.append((lem, names[e], False, "ru-en hard negative"))
    for eid, lems in sorted(by_id.items()):
        canon = max(lems, key=lambda x: (freq[x], x))
        for a in lems:
            if a != canon:
                pairs.append((a, canon, True, "ru-ru"))
    lems = sorted(lemma_id)
    for i, a in enumerate(lems):
        for b in lems[i + 1:]:
            if (lemma_id[a] != lemma_id[b] and a.split()[-1] == b.split()[-1]
                    and len(a.split()) > 1 and len(b.split()) > 1):
                pairs.append((a, b, False, "ru-ru same surname"))
    return pairs


def evaluate(pairs, show_errors: bool = False) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for a, b, gold, kind in pairs:
        m = match_names(a, b)
        if m.same and gold:
            tp += 1
        elif m.same:
            fp += 1
        elif gold:
            fn += 1
        else:
            tn += 1
        if show_errors and m.same != gold:
            print(f"  {'FP' if m.same else 'FN'} [{kind}] {a!r} ~ {b!r}: {m.score} {m.reason}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs": len(pairs), "positives": tp + fn, "negatives": fp + tn, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"no data at {SHARED}")
    pairs = build_pairs()
    res = evaluate(pairs, args.show_errors)
    kinds = defaultdict(int)
    for *_, k in pairs:
        kinds[k] += 1
    print("pair kinds:", dict(kinds))
    print(res)


if __name__ == "__main__":
    main()
