"""Given names in Latin script, for telling a person from a body by its first word.

``given_name_gender(word) -> "m" | "f" | None``: the gender the name sources agree on for that
given name (``data/given_name_genders.txt``, built by the same script), None when they do not.

``is_given_name(word) -> bool``: ``word`` is written as one of the given names in the shipped
list (``data/given_names.txt``: the first names of pymorphy3's Russian dictionary — Russian,
Ukrainian, Central Asian, Caucasian and common foreign names — romanized, built by
``scripts/build_given_names.py``). Spellings are compared by a fold that merges the usual
variants of transliteration: Sergei = Sergey = Сергей, Alexei = Aleksey = Алексей,
Yevgeny = Evgeny = Евгений.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Applied in this order to a lower-case ASCII word; each pair merges two spellings of one sound.
_FOLDS = [("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("ks", "x"), ("tz", "c"), ("ts", "c"),
          ("ph", "f"), ("w", "v"), ("yo", "e"), ("ye", "e"), ("yu", "u"), ("ya", "a"), ("iy", "i"),
          ("ij", "i"), ("y", "i"), ("j", "i")]
_DOUBLE = re.compile(r"(.)\1+")
_EI_END = re.compile(r"ei$")
DATA_FILE = Path(__file__).parents[1] / "data" / "given_names.txt"
GENDER_FILE = Path(__file__).parents[1] / "data" / "given_name_genders.txt"
MIN_CHARS = 3           # shorter names ("Ян", "Ли") fold into common short words


def fold_given_name(latin: str) -> str:
    """The comparison form of a romanized given name."""
    s = unicodedata.normalize("NFKD", latin.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in _FOLDS:
        s = s.replace(a, b)
    return _EI_END.sub("e", _DOUBLE.sub(r"\1", s))


@lru_cache(maxsize=1)
def _folded_names() -> frozenset[str]:
    text = DATA_FILE.read_text(encoding="utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def is_given_name(word: str) -> bool:
    return len(word) >= MIN_CHARS and word.isalpha() and fold_given_name(word) in _folded_names()


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    text = GENDER_FILE.read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line and not line.startswith("#"))


def given_name_gender(word: str) -> str | None:
    return _genders().get(fold_given_name(word)) if len(word) >= MIN_CHARS and word.isalpha() else None
