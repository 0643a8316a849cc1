"""Dates as news pages write them: find candidates with compiled regexes, parse with own tables.

Supported forms (en, ru, zh, plus de/fr/es month names):
``03 January 2024, 10:30`` · ``December 17, 2025`` · ``Dec. 17`` · ``21 декабря 2022,, 09:39`` ·
``21 дек. 2022 г.`` · ``2025年12月17日`` · ``12月17日`` · ``2025-12-17 10:30`` · ``17.12.2025`` ·
``17/12/2025``. A date without a year is kept as such (``year=None``); nothing here ever
reads today's date. dateparser is not used: own month tables are exact and ~100× faster.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterator

# month number -> names in each language (full, genitive, abbreviations); lower case.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "января", "январь", "янв", "januar", "jänner", "janvier", "janv", "enero", "ene"),
    2: ("february", "feb", "февраля", "февраль", "фев", "февр", "februar", "février", "fevrier", "févr",
        "fevr", "febrero"),
    3: ("march", "mar", "марта", "март", "мар", "märz", "maerz", "mars", "marzo"),
    4: ("april", "apr", "апреля", "апрель", "апр", "avril", "avr", "abril", "abr"),
    5: ("may", "мая", "май", "mai", "mayo"),
    6: ("june", "jun", "июня", "июнь", "июн", "juni", "juin", "junio"),
    7: ("july", "jul", "июля", "июль", "июл", "juli", "juillet", "juil", "julio"),
    8: ("august", "aug", "августа", "август", "авг", "août", "aout", "agosto", "ago"),
    9: ("september", "sept", "sep", "сентября", "сентябрь", "сен", "сент", "septembre", "septiembre", "setiembre"),
    10: ("october", "oct", "октября", "октябрь", "окт", "oktober", "okt", "octobre", "octubre"),
    11: ("november", "nov", "ноября", "ноябрь", "ноя", "нояб", "novembre", "noviembre"),
    12: ("december", "dec", "декабря", "декабрь", "дек", "dezember", "dez", "décembre", "decembre", "déc",
         "diciembre", "dic"),
}
MONTH_OF: dict[str, int] = {name: m for m, names in _MONTHS.items() for name in names}
# Any word of month length; the table decides (an alternation of 100 names is 5× slower).
_MONTH_WORD = r"[^\W\d_]{3,10}"

_WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
             "понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|"
             "пн|вт|ср|чт|пт|сб|вс|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
             "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|"
             "sábado|domingo")
_WEEKDAY_RE = re.compile(rf"(?:(?<![^\W\d_])(?:{_WEEKDAYS})\.?,?\s*|(?:星期|周|礼拜)[一二三四五六日天]\s*)$", re.I)

_YEAR = r"(?:19[5-9]\d|20\d\d)"
MIN_YEAR, MAX_YEAR = 1950, 2099
_TIME = (r"(?:(?:\s*,){0,2}\s*(?:at\s+|в\s+)?(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?![\d.:]\d)"
         r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?)?")

# Each pattern has named groups d, m (digits) or mon (name), optional y, hh, mi.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zh", re.compile(rf"(?:(?P<y>{_YEAR})\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]"
                      rf"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*(?:上午|下午|晚上|早上)?\s*"
                      rf"(?P<hh>[01]?\d|2[0-3])[:：时点](?P<mi>[0-5]\d))?")),
    ("iso", re.compile(rf"(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
                       rf"(?!\d)(?:[T\s]+(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d))?")),
    ("dmy_num", re.compile(rf"(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
                           rf"(?!\d)(?:\s*г\.?)?{_TIME}")),
    ("mdy_num", re.compile(rf"(?P<m>\d{{1,2}})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>\d{{4}})(?!\d){_TIME}")),
    ("dmy", re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|-?го|er)?\.?\s*(?:de\s+)?"
                       rf"(?P<mon>{_MONTH_WORD})(?![^\W\d_])\.?(?:,?\s*(?:de\s+|del\s+)?(?P<y>{_YEAR})(?!\d)"
                       rf"(?:\s*(?:г\.|гг\.|года|год|г)(?![^\W\d_]))?)?{_TIME}", re.I)),
    ("mdy", re.compile(rf"(?P<mon>{_MONTH_WORD})\.?\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
                       rf"(?:,?\s*(?P<y>{_YEAR})(?!\d))?{_TIME}", re.I)),
)


@dataclass(frozen=True)
class DateMatch:
    """A date written in a text: ``text[start:end]``; ``year`` is None when the text omits it."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    style: str = ""
    weekday: bool = False   # a weekday name stands right before it ("Thursday, 18 July 2024")

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def date(self, year: int | None = None) -> _dt.date | None:
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return _dt.date(y, self.month, self.day)
        except ValueError:
            return None

    def iso(self, year: int | None = None) -> str | None:
        d = self.date(year)
        return d.isoformat() if d else None


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        _dt.date(y if y is not None else 2000, m, d)  # 2000 is a leap year: 29 February allowed
    except ValueError:
        return False
    return True


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """All dates in ``text[start:end]``, in order, without overlaps (earlier, longer wins).

    One pass over the runs of digits: every form has a number in it, so each pattern is tried
    only where a number stands (five regex scans of the whole text cost five times more).
    """
    end = len(text) if end is None else end
    out: list[DateMatch] = []
    last = start
    for run in _DIGIT_RUN.finditer(text, start, end):
        p = run.start()
        if p < last:
            continue
        best: DateMatch | None = None
        if run.end() - p <= 2:
            w = _month_word_before(text, p, max(start, last))
            if w is not None:
                m = _MDY.match(text, w, end)
                if m is not None:
                    best = _to_match(text, m, "mdy")
        if best is None and not _glued(text, p):
            for style, rx in _PATTERNS_FOR_RUN.get(run.end() - p, ()):
                m = rx.match(text, p, end)
                if m is not None:
                    dm = _to_match(text, m, style)
                    if dm is not None and (best is None or dm.end > best.end):
                        best = dm
        if best is not None:
            out.append(best)
            last = best.end
    return out


_DIGIT_RUN = re.compile(r"\d+")


def _glued(text: str, p: int) -> bool:
    """A number glued to a preceding letter, digit, '_' or '.' does not start a date (Chinese
    characters do not count as letters: "北京12月17日")."""
    if p == 0:
        return False
    c = text[p - 1]
    return c.isdigit() or c in "._" or (c.isalpha() and not "\u3400" <= c <= "\u9fff")


def _month_word_before(text: str, p: int, floor: int) -> int | None:
    """Start of the word right before the number at ``p`` ("December 17", "Dec. 17"), or None."""
    if p - floor < 4 or not text[p - 1].isspace():
        return None
    j = p - 1
    while j > floor and text[j - 1].isspace():
        j -= 1
    if j > floor and text[j - 1] == ".":
        j -= 1
    k = j
    while k > floor and j - k <= 10 and text[k - 1].isalpha():
        k -= 1
    if not 3 <= j - k <= 10 or (k > 0 and text[k - 1].isalpha()):
        return None
    return k


def _to_match(text: str, m: re.Match[str], style: str) -> DateMatch | None:
    g = m.groupdict()
    if g.get("mon"):
        month = MONTH_OF.get(g["mon"].lower())
        if month is None:
            return None
    else:
        month = int(g["m"])
    day = int(g["d"])
    year = int(g["y"]) if g.get("y") else None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR or not _valid(year, month, day):
        return None
    if style == "mdy" and year is None and g["mon"].lower() in _AMBIGUOUS_WORDS and g["mon"][0].islower():
        return None  # "may 5" inside a sentence is more often the verb
    hh = int(g["hh"]) if g.get("hh") else None
    if hh is not None and g.get("ampm"):
        hh = hh % 12 + (12 if g["ampm"].lower() == "p" else 0)
    mi = int(g["mi"]) if g.get("mi") else None
    wd = bool(_WEEKDAY_RE.search(text, max(0, m.start() - 14), m.start()))
    return DateMatch(m.start(), m.end(), year, month, day, hh, mi, style, wd)


_MDY = dict(_PATTERNS)["mdy"]
_DIGIT_PATTERNS = tuple((style, rx) for style, rx in _PATTERNS if style != "mdy")
# The patterns that can start at a run of that many digits: day and month have one or two,
# a year four ("2025-12-17", "2025年"); a run of 3 or 5+ digits starts no date.
_PATTERNS_FOR_RUN = {1: _DIGIT_PATTERNS, 2: _DIGIT_PATTERNS,
                     4: tuple((style, rx) for style, rx in _DIGIT_PATTERNS if style in ("zh", "iso"))}


_AMBIGUOUS_WORDS = {"may", "mar", "jun", "sun", "sat", "dec"}


def parse_date(text: str) -> DateMatch | None:
    """The first date written in ``text`` (None when there is none)."""
    found = find_dates(text)
    return found[0] if found else None


def normalize_date(value: object) -> str | None:
    """A given date (ISO string, datetime, '17 December 2025', ...) as ISO ``YYYY-MM-DD``; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = re.match(rf"({_YEAR})-(\d\d)-(\d\d)", s)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        return f"{m[1]}-{m[2]}-{m[3]}"
    dm = parse_date(s)
    if dm is not None and dm.year is not None:
        return dm.iso()
    return None


def resolve_year(month: int, day: int, anchors: list[_dt.date], window_days: int = 31) -> int | None:
    """The year of a yearless ``month/day`` when full dates in the same text make it unambiguous.

    Each anchor (a full date the article states) votes for the year that puts ``month/day``
    within ``window_days`` of it; the year is returned only when all voting anchors agree.
    Anchors too far from any such year do not vote; no anchors, no year (never today's date).
    """
    years: set[int] = set()
    for a in anchors:
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                cand = _dt.date(y, month, day)
            except ValueError:
                continue
            if abs((cand - a).days) <= window_days:
                years.add(y)
    return years.pop() if len(years) == 1 else None
