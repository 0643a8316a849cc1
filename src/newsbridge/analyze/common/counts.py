"""Numbers in news text: words and digits to integers, and counts tied to events.

``parse_number(text) -> int | None``: "140", "1,000", "4 thousand", "eleven", "two dozen",
"more than 20" (-> 20), "сто", "十一" (simple cases).
``extract_counts(text, start=0, end=None, lang="en") -> list[Count]``: counts that describe an
event: attendees ("attended by approximately 140 representatives", "more than 500 guests
attended"), participants ("N participants", "N countries took part"), documents_signed
("Eleven documents were signed", "signed 11 agreements"), regions ("59 Russian regions").
Only English patterns here; other languages may pass ``patterns`` of their own:
a list of (compiled regex with a ``num`` group, kind).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS_EN = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
             "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19, "a dozen": 12, "dozen": 12}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
           "тысяч": 1000, "тыс": 1000, "млн": 1_000_000, "миллион": 1_000_000}
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_RU_UNITS = {"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
             "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
             "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100}

NUMBER_EN = (r"(?:\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million|billion))?"
             r"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
             r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozens?)"
             r"(?:\s+(?:hundred|thousand|million|billion))?")


def parse_number(text: str) -> int | None:
    t = " ".join(text.lower().replace("\u00a0", " ").split())
    t = re.sub(r"^(?:more than|over|about|around|approximately|nearly|almost|some|up to|at least|roughly|свыше|более|около|почти)\s+", "", t)
    m = re.match(r"^(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?\s*(\w+)?$", t)
    if m:
        n = float(re.sub(r"[, ]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            scale = next((v for k, v in _SCALES.items() if m.group(3).startswith(k)), None)
            if scale is None:
                return None
            n *= scale
        return int(n)
    if t and all(c in _ZH_DIGITS or c in "十百千" for c in t):
        return parse_chinese_number(t)
    if t in _RU_UNITS:
        return _RU_UNITS[t]
    words = t.replace("-", " ").split()
    if not words:
        return None
    total, cur, seen = 0, 0, False
    i = 0
    while i < len(words):
        w = words[i]
        if w == "a" and i + 1 < len(words) and words[i + 1] == "dozen":
            cur += 12
            i += 2
            seen = True
            continue
        if w in _UNITS_EN:
            cur += _UNITS_EN[w]
        elif w in _TENS_EN:
            cur += _TENS_EN[w]
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += max(cur, 1) * _SCALES[w]
            cur = 0
        elif w == "and":
            pass
        else:
            return None
        seen = True
        i += 1
    return total + cur if seen else None


def parse_chinese_number(t: str) -> int | None:
    """A number written in Chinese numerals (十二, 一百四十, 两千) as an int."""
    total, cur = 0, 0
    for c in t:
        if c in _ZH_DIGITS:
            cur = _ZH_DIGITS[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "千":
            total += (cur or 1) * 1000
            cur = 0
    return total + cur


@dataclass(frozen=True)
class Count:
    kind: str
    value: int
    start: int
    end: int


_N = r"(?P<num>(?:(?:more than|over|about|around|approximately|nearly|almost|some|up to|at least|roughly)\s+)?(?:" + NUMBER_EN + r"))"
_PEOPLE = r"(?:representatives|participants|delegates|guests|people|attendees|journalists|experts|officials|speakers|members|visitors|leaders|heads|scientists|students|companies|delegations)"
EN_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?:attended|joined)\s+by\s+" + _N + r"\s+(?:\w+\s+){0,2}?" + _PEOPLE, re.I), "attendees"),
    (re.compile(r"\b" + _N + r"\s+(?:\w+\s+){0,2}?" + _PEOPLE + r"\s+(?:from\s+[\w\s,]{1,60}?\s+)?(?:attended|gathered|took part|participated|came)", re.I), "attendees"),
    (re.compile(r"\b(?:brought together|gathered|drew|attracted|welcomed)\s+" + _N + r"\s+(?:\w+\s+){0,2}?" + _PEOPLE, re.I), "attendees"),
    (re.compile(r"\b" + _N + r"\s+(?:\w+\s+){0,2}?(?:documents|agreements|memoranda|memorandums|contracts|deals|treaties|accords)\s+(?:\w+\s+){0,3}?(?:were|have been|had been|was)\s+signed", re.I), "documents_signed"),
    (re.compile(r"\bsigned\s+" + _N + r"\s+(?:\w+\s+){0,2}?(?:documents|agreements|memoranda|memorandums|contracts|deals|treaties|accords)", re.I), "documents_signed"),
    (re.compile(r"\b" + _N + r"\s+(?:countries|nations|states)\s+(?:took part|participated|attended)", re.I), "participants"),
    (re.compile(r"\b(?:participants|delegations|delegates|representatives)\s+(?:from|of)\s+" + _N + r"\s+(?:countries|nations)", re.I), "participants"),
    (re.compile(r"\b" + _N + r"\s+(?:[A-Z]\w+\s+){0,2}regions\b"), "regions"),
]


def extract_counts(text: str, start: int = 0, end: int | None = None, lang: str = "en",
                   patterns: list[tuple[re.Pattern, str]] | None = None) -> list[Count]:
    hi = len(text) if end is None else end
    pats = patterns if patterns is not None else (EN_PATTERNS if lang == "en" else [])
    out: list[Count] = []
    seen: set[tuple[str, int]] = set()
    for rx, kind in pats:
        for m in rx.finditer(text, start, hi):
            val = parse_number(m.group("num"))
            if val is None or val <= 0:
                continue
            key = (kind, m.start("num"))
            if key in seen:
                continue
            seen.add(key)
            out.append(Count(kind, val, m.start(), m.end()))
    return out
