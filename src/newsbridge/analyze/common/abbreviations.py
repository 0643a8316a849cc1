"""Abbreviations of body names, in any script: 'WHO' = 'World Health Organization', 'ВОЗ' =
'Всемирная организация здравоохранения', 'ВМФ России' = 'Военно-морской флот России'.

``defined_in_brackets(surface) -> (name_end, abbr_start, abbr_end) | None``: a name span that
runs on into its abbreviation in brackets ("Всемирная организация здравоохранения (ВОЗ)").
``abbreviates(short, full) -> bool``: ``short`` is the initials of ``full``'s words (a shared
tail of words aside).
``abbreviation_pairs(text, groups) -> [(short_group, full_group)]``: which groups of one text
name one body, by initials or by an abbreviation in brackets right after a name.
"""
from __future__ import annotations

import re

# words an initialism skips ("Organization of the Petroleum Exporting Countries": OPEC)
_SKIPPED = {"of", "the", "and", "for", "on", "in", "at", "to", "&", "и", "по", "в", "на", "для", "при", "с", "о", "об"}
_WORD_PARTS = re.compile(r"[\s\-–]+")
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё&.\-]{1,10}")
_IN_BRACKETS = re.compile(r"\s*\(\s*([^()\s]{2,12})\s*\)?\s*$")
_UPPER = re.compile(r"[A-ZА-ЯЁ]")


def is_abbreviation(word: str) -> bool:
    """'WHO', 'ВОЗ', 'NATO', 'ЦУП', 'DoD', 'МИДа': two or more capitals and at most one small
    letter ('Nasdaq', 'Kremlin' are words)."""
    if not _ABBREVIATION.fullmatch(word):
        return False
    caps = len(_UPPER.findall(word))
    return caps >= 2 and sum(c.islower() for c in word) <= 1


def initialism(name: str) -> str:
    """The capitals of ``name``'s words and hyphen parts, small linking words skipped."""
    return "".join(w[0].upper() for w in _WORD_PARTS.split(name) if w and w.casefold() not in _SKIPPED
                   and w[0].isalpha())


def abbreviates(short: str, full: str) -> bool:
    short_words, full_words = short.split(), full.split()
    if not short_words or not is_abbreviation(short_words[0]):
        return False
    tail = len(short_words) - 1           # 'ВМФ России' / 'Военно-морской флот России'
    if tail and [w.casefold() for w in short_words[1:]] != [w.casefold() for w in full_words[-tail:]]:
        return False
    head = full_words[:len(full_words) - tail]
    if len(head) < 2 and "-" not in "".join(head):
        return False
    letters = short_words[0].replace(".", "").replace("-", "").upper()
    return len(letters) >= 2 and initialism(" ".join(head)) == letters


def defined_in_brackets(surface: str) -> tuple[int, int, int] | None:
    """(end of the name, start and end of the abbreviation) for 'Name (ABBR)' / 'Name (ABBR'."""
    m = _IN_BRACKETS.search(surface)
    if m is None or m.start() == 0 or not is_abbreviation(m.group(1).strip(".,")):
        return None
    end = m.start()
    while end > 0 and surface[end - 1].isspace():
        end -= 1
    return end, m.start(1), m.start(1) + len(m.group(1).rstrip(".,"))


def _may_abbreviate(short: str, full: str) -> bool:
    """An abbreviation in brackets after a name is the name's when the name has two or more
    words ('Volgograd Regional Information and Analytical Center (RIAC)', 'Всемирный боксёрский
    совет (WBC)': initials of another language's name) or opens with the same letter; not 'ООН
    (ФАО)', where the bracket names a body of the one before it."""
    return len(full.split()) >= 2 or short[:1].upper() == full[:1].upper()


def abbreviation_pairs(text: str, groups: dict[str, list[tuple[int, int]]]) -> list[tuple[str, str]]:
    """(abbreviation group, full-name group) pairs among ``groups`` (key -> mention spans): the
    abbreviation is the full name's initials, or stands in brackets right after one of its
    mentions. An abbreviation that fits two names joins neither."""
    pairs = []
    for short, spans in groups.items():
        if not is_abbreviation(short.split()[0]):
            continue
        fits = {full for full in groups if full != short and abbreviates(short, full)}
        for a, _ in spans:
            opened = text.rfind("(", max(0, a - 3), a)
            if opened < 0:
                continue
            before = opened
            while before > 0 and text[before - 1].isspace():
                before -= 1
            fits |= {full for full, fs in groups.items() if full != short and any(e == before for _, e in fs)
                     and _may_abbreviate(short, full)}
        if len(fits) == 1:
            pairs.append((short, fits.pop()))
    return pairs
