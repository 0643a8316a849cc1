"""Person names within one article: alias tests and grouping of mentions into entities.

``name_tokens(name) -> list[str]``: words of a name without honorifics ("Mr", "г-н").
``same_surname(a, b) -> bool``: equal, or a spelling variant guarded by a consonant
skeleton plus edit distance ("Fleur" ~ "Flyur", "Krivosheyev" ~ "Krivosheev"; not "Li" ~ "Lu").
``is_alias(short, full) -> bool``: ``short`` can name the same person as ``full``:
surname alone, initial(s) + surname, honorific + surname, or the same name spelled differently.
``group_names(names) -> list[list[int]]``: indices of ``names`` grouped by person; the
fullest name of each group comes first. Works for Latin and Cyrillic (compare within a script).
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "madam",
              "monsieur", "herr", "г-н", "г-жа", "господин", "госпожа"}
# forms of address that are part of how a person is called, not set before a name: "Lady Gaga"
PEERAGE = {"lord", "lady"}
# words inside a name that no name ends with: "Ursula von der Leyen", "Ibn Saud"
NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "dos", "bin", "ibn", "al", "el", "la", "le", "di", "du"}
_VOWELS = set("aeiouyäöüéèêëáàâíìîïóòôúùûаеёиоуыэюяйъь")
_INITIAL = re.compile(r"^\w{1,2}\.?$")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in w if not unicodedata.combining(c)).replace("ё", "е")


def same_word_form(a: str, b: str, slack: int = 2) -> bool:
    """Two forms of one word that differ in an ending of at most ``slack`` letters past a common
    stem of three or more ('моссовета' / 'моссовете', 'папы' / 'папа')."""
    return a == b or len(os.path.commonprefix((a, b))) >= max(3, min(len(a), len(b)) - slack)


def name_tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    # initials glued to the surname ('Л.Глебова', 'A.S.Pushkin') are tokens of their own
    toks = [t for t in re.split(r"\s+|(?<=\b\w\.)(?=\w\w)", name.strip()) if t]
    while toks and _fold(toks[0]).rstrip(".") in HONORIFICS:
        toks = toks[1:]
    return tuple(toks)


def _skeleton(word: str) -> str:
    w = _fold(word)
    out = []
    for c in w:
        if c in _VOWELS or not c.isalpha():
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def same_surname(a: str, b: str) -> bool:
    fa, fb = _fold(a).strip("."), _fold(b).strip(".")
    if fa == fb:
        return bool(fa)
    if min(len(fa), len(fb)) < 4 or fa[0] != fb[0]:
        return False
    ska, skb = _skeleton(fa), _skeleton(fb)
    if len(ska) < 3 or ska != skb:
        # one dropped/added letter in a long name (Zelensky ~ Zelenskyy)
        # (a plural is not a spelling variant: Polaroid ~ Polaroids)
        return min(len(fa), len(fb)) >= 6 and _edit_distance(fa, fb) <= 1 and fa.rstrip("s") != fb.rstrip("s")
    return _edit_distance(fa, fb) <= max(2, len(fa) // 3)


def _is_initial(tok: str) -> bool:
    return bool(_INITIAL.match(tok)) and tok[0].isupper() and (tok.endswith(".") or len(tok) == 1)


@lru_cache(maxsize=65536)
def is_alias(short: str, full: str) -> bool:
    s, f = _name_tokens(short), _name_tokens(full)
    if not s or not f:
        return False
    if [_fold(t) for t in s] == [_fold(t) for t in f]:
        return True
    f_core = [t for t in f if _fold(t) not in NAME_PARTICLES]
    s_core = [t for t in s if _fold(t) not in NAME_PARTICLES]
    if not f_core or not s_core:
        return False
    if len(s_core) > len(f_core):
        return False
    # last words (surnames) must agree; Chinese-style "Xi Jinping" ~ "Xi": first word is the surname
    if not same_surname(s_core[-1], f_core[-1]):
        if len(s_core) == 1 and len(f_core) == 2 and _fold(s_core[0]) == _fold(f_core[0]) and len(f_core[1]) > 3 \
                and f_core[0][:1].isupper() and _looks_chinese(f):
            return True
        return False
    # every other word of the short form: an initial or a word of the full name (in order)
    fi = 0
    for t in s_core[:-1]:
        while fi < len(f_core) - 1:
            ft = f_core[fi]
            fi += 1
            if _is_initial(t) and _fold(ft).startswith(_fold(t).rstrip(".")):
                break
            if same_surname(t, ft) or _fold(t) == _fold(ft):
                break
        else:
            return False
    return True


_PINYIN_SYLLABLE = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+(ng|n|r)?$")


def _looks_chinese(tokens: list[str]) -> bool:
    """A two-word Latin name whose given name splits into pinyin syllables (Xi Jinping, Ji Bingxuan)."""
    if len(tokens) != 2 or len(tokens[0]) > 4:
        return False
    given = _fold(tokens[1])
    i, n = 0, len(given)
    while i < n:
        for L in range(min(6, n - i), 0, -1):
            if _PINYIN_SYLLABLE.match(given[i:i + L]):
                i += L
                break
        else:
            return False
    return True


def group_names(names: list[str]) -> list[list[int]]:
    """Group name strings by person (see module docstring). Longest names anchor groups;
    a short form that fits several anchors joins none (ambiguous: "Putin" with two Putins)."""
    order = sorted(range(len(names)), key=lambda i: (-len(name_tokens(names[i])), -len(names[i]), i))
    anchors: list[list[int]] = []
    for i in order:
        hits = [g for g in anchors if is_alias(names[i], names[g[0]])]
        if len(hits) == 1:
            hits[0].append(i)
        elif not hits:
            anchors.append([i])
        else:
            # identical text to one anchor wins; else ambiguous: its own group
            exact = [g for g in hits if _fold(names[g[0]]) == _fold(names[i])]
            (exact[0].append(i) if exact else anchors.append([i]))
    anchors = _join_given_names(names, anchors)
    return [sorted(g, key=lambda k: (k != g[0], k)) for g in anchors]


def _join_given_names(names: list[str], groups: list[list[int]]) -> list[list[int]]:
    """A given name alone ("Sergei, the old version is better") joins the one full name of the
    text that starts with it (Sergei Zhukov); with two such names (Sergei Zhukov, Sergei Lavrov)
    it stays on its own."""
    out = list(groups)
    firsts = {id(h): _name_tokens(names[h[0]]) for h in groups}      # each group's anchor, as tokens
    for g in groups:
        if any(len(_name_tokens(names[k])) != 1 for k in g):
            continue
        given = firsts[id(g)][0]
        fits = [h for h in out if h is not g and len(firsts[id(h)]) >= 2
                and (_fold(firsts[id(h)][0]) == _fold(given) or same_surname(given, firsts[id(h)][0]))]
        if len(fits) == 1 and len(given) > 2:
            fits[0].extend(g)
            out = [h for h in out if h is not g]
    return out
