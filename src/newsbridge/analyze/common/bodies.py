"""Names that gazetteers and NER models take for places but a reader lists as organizations,
and the agency-style slashes around acronyms ("… Trade /CCPIT/", "Хунань /Центральный Китай/").

``is_body(name)``: True for blocs and state bodies named like places ("EU", "G7", "White House",
"Кремль", "Белый дом").
``trim_slash(text, start, end) -> end``: a name span cut before a " /…/" annotation.
"""
from __future__ import annotations

import re

# blocs, alliances and seats of government that are organisations in news text (any case form is
# matched on the first letters of each word, so "Белого дома", "Кремля" count)
_BODIES = {
    "eu", "e.u.", "european union", "g7", "g-7", "g8", "g20", "g-20", "nato", "un", "u.n.", "united nations",
    "white house", "kremlin", "brics", "asean", "opec", "sco", "cis", "osce",
    "ес", "евросоюз", "европейский союз", "нато", "оон", "g7", "большая семерка", "большая семёрка",
    "большая двадцатка", "белый дом", "кремль", "снг", "шос", "брикс", "обсе", "опек",
}
_STEMS = {tuple(w[:max(3, len(w) - 2)] if re.search(r"[а-яё]", w) and len(w) > 4 else w for w in b.split())
          for b in _BODIES}
_SLASH = re.compile(r"\s*/[^/\n]{1,60}/?\s*$")


def is_body(name: str) -> bool:
    n = " ".join(name.lower().replace("ё", "е").split()).strip(" .,")
    n = re.sub(r"^the\s+", "", n)
    n = re.sub(r"[’']s$", "", n)
    if n in _BODIES:
        return True
    words = n.split()
    for stems in _STEMS:
        if len(stems) == len(words) and all(w.startswith(s) and re.search(r"[а-я]", w) and len(w) - len(s) <= 3
                                            for w, s in zip(words, stems)):
            return True
    return False


def trim_slash(text: str, start: int, end: int) -> int:
    """End of the name proper when the span runs on into a slash annotation."""
    m = _SLASH.search(text, start, end)
    if m and m.start() > start:
        return m.start()
    return end
