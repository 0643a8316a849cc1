"""Dates in news text, resolved against the publication date (or the article's own dates).

``find_dates(text, start=0, end=None, lang="en") -> list[DateMention]``: absolute and
relative date expressions ("December 16, 2025", "16 December", "on Tuesday", "yesterday",
"last year", "21 декабря 2022", "2025年12月16日", "12月16日") with their spans, unresolved.
``resolve(mention, ref, years=(), future=False) -> str | None``: ISO date ("2025-12-16"),
month ("2019-12") or year ("2024"), using ``ref`` (ISO publication date or None) for missing
parts; without ``ref`` a year comes from a weekday check against ``years`` (years the article
names): "Sunday, July 26" with 2020 in the text -> 2020-07-26. ``future`` picks the next
occurrence of a weekday/day instead of the previous one.
``reference_date(text, published, lang) -> str | None``: the date relative expressions count
from: ``published``, else the first full date (day, month, year) in the text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS_EN = {m: i for i, ms in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], 1) for m in ms}
MONTHS_RU = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
WEEKDAYS_EN = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS_RU = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
               "воскресень": 6}

_MON_EN = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WD_EN = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_EN = re.compile(
    r"\b" + _WD_EN + r"(?:(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MON_EN + r"|" + _MON_EN.replace("mon>", "mon2>")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    r"|\b(?:in\s+)?" + _MON_EN.replace("mon>", "mon3>") + r",?\s+(?P<y3>(?:19|20)\d\d)\b"
    r"|\b(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>yesterday|today|tomorrow|last\s+year|this\s+year|next\s+year|the\s+past\s+year|last\s+month|next\s+month|the\s+day\s+before)\b"
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b"
    r"|\b(?:in|since|by|of|until)\s+(?P<y5>(?:19|20)\d\d)\b",
    re.IGNORECASE)
_RU = re.compile(
    r"(?P<d1>\d{1,2})\s+(?P<mon>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])(?:\s+(?P<y>(?:19|20)\d\d))?"
    r"|\b(?P<wd2>понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа]|воскресенье)\b"
    r"|\b(?P<rel>вчера|сегодня|завтра|в\s+прошлом\s+году|в\s+этом\s+году|в\s+следующем\s+году)\b",
    re.IGNORECASE)
_ZH = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日|(?P<rel>昨天|今天|明天|去年|今年|明年)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None      # yesterday|today|tomorrow|last_year|this_year|next_year|last_month|next_month

    @property
    def full(self) -> bool:
        return bool(self.year and self.month and self.day)


_REL = {"yesterday": "yesterday", "today": "today", "tomorrow": "tomorrow", "last year": "last_year",
        "the past year": "last_year", "this year": "this_year", "next year": "next_year",
        "last month": "last_month", "next month": "next_month", "the day before": "yesterday",
        "вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow", "в прошлом году": "last_year",
        "в этом году": "this_year", "в следующем году": "next_year",
        "昨天": "yesterday", "今天": "today", "明天": "tomorrow", "去年": "last_year", "今年": "this_year",
        "明年": "next_year"}


def _ru_month(word: str) -> int | None:
    w = word.lower()
    for stem, n in MONTHS_RU.items():
        if w.startswith(stem) and (stem != "ма" or w in ("мая", "май")):
            return n
    return None


def find_dates(text: str, start: int = 0, end: int | None = None, lang: str = "en") -> list[DateMention]:
    hi = len(text) if end is None else end
    out: list[DateMention] = []
    if lang == "zh":
        for m in _ZH.finditer(text, start, hi):
            if m.group("rel"):
                out.append(DateMention(m.start(), m.end(), rel=_REL[m.group("rel")]))
            else:
                out.append(DateMention(m.start(), m.end(), int(m.group("y")) if m.group("y") else None,
                                       int(m.group("m")), int(m.group("d"))))
        return out
    rx = _RU if lang == "ru" else _EN
    for m in rx.finditer(text, start, hi):
        g = m.groupdict()
        if g.get("rel"):
            out.append(DateMention(m.start(), m.end(), rel=_REL[" ".join(g["rel"].lower().split())]))
            continue
        if g.get("wd2"):
            wd = g["wd2"].lower()
            table = WEEKDAYS_RU if lang == "ru" else WEEKDAYS_EN
            n = next((v for k, v in table.items() if wd.startswith(k)), None)
            out.append(DateMention(m.start(), m.end(), weekday=n))
            continue
        if lang == "ru":
            out.append(DateMention(m.start(), m.end(), int(g["y"]) if g.get("y") else None,
                                   _ru_month(g["mon"]), int(g["d1"])))
            continue
        if g.get("y4"):
            out.append(DateMention(m.start(), m.end(), int(g["y4"]), int(g["m4"]), int(g["d4"])))
            continue
        if g.get("y5"):
            out.append(DateMention(m.start(), m.end(), int(g["y5"])))
            continue
        if g.get("mon3"):
            out.append(DateMention(m.start(), m.end(), int(g["y3"]), MONTHS_EN[g["mon3"].lower().rstrip(".")]))
            continue
        mon = (g.get("mon") or g.get("mon2") or "").lower().rstrip(".")
        day = int(g.get("d1") or g.get("d2"))
        if mon == "may" and g.get("d2") is None and g.get("d1") is None:
            continue
        if not 1 <= day <= 31:
            continue
        wd = WEEKDAYS_EN.get((g.get("wd") or "").lower())
        out.append(DateMention(m.start(), m.end(), int(g["y"]) if g.get("y") else None,
                               MONTHS_EN[mon], day, wd))
    return out


def _parse_iso(ref: str | None) -> dt.date | None:
    if not ref:
        return None
    try:
        return dt.date.fromisoformat(str(ref)[:10])
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve(mention: DateMention, ref: str | None, years: tuple[int, ...] | list[int] = (),
            future: bool = False) -> str | None:
    r = _parse_iso(ref)
    if mention.rel:
        if r is None:
            return None
        rel = mention.rel
        if rel == "yesterday":
            return (r - dt.timedelta(days=1)).isoformat()
        if rel == "today":
            return r.isoformat()
        if rel == "tomorrow":
            return (r + dt.timedelta(days=1)).isoformat()
        if rel == "last_year":
            return str(r.year - 1)
        if rel == "this_year":
            return str(r.year)
        if rel == "next_year":
            return str(r.year + 1)
        if rel in ("last_month", "next_month"):
            y, mth = r.year, r.month + (1 if rel == "next_month" else -1)
            if mth == 0:
                y, mth = y - 1, 12
            if mth == 13:
                y, mth = y + 1, 1
            return f"{y:04d}-{mth:02d}"
        return None
    if mention.month is None and mention.day is None and mention.weekday is not None:
        if r is None:
            return None
        delta = (r.weekday() - mention.weekday) % 7
        if future:
            delta = -((mention.weekday - r.weekday()) % 7)
        return (r - dt.timedelta(days=delta)).isoformat()
    if mention.year and not mention.month:
        return f"{mention.year:04d}"
    if mention.year and mention.month and not mention.day:
        return f"{mention.year:04d}-{mention.month:02d}"
    if mention.full:
        d = _safe_date(mention.year, mention.month, mention.day)
        return d.isoformat() if d else None
    if mention.month and mention.day:
        if r is not None:
            cands = [_safe_date(y, mention.month, mention.day) for y in (r.year - 1, r.year, r.year + 1)]
            cands = [c for c in cands if c]
            if future:
                ok = [c for c in cands if c >= r - dt.timedelta(days=1)]
                best = min(ok) if ok else None
            else:
                ok = [c for c in cands if c <= r + dt.timedelta(days=7)]
                best = max(ok) if ok else None
            return best.isoformat() if best else None
        for y in years:
            d = _safe_date(y, mention.month, mention.day)
            if d and (mention.weekday is None or d.weekday() == mention.weekday):
                return d.isoformat()
    return None


def reference_date(text: str, published: str | None, lang: str = "en") -> str | None:
    if _parse_iso(published):
        return str(published)[:10]
    for m in find_dates(text, lang=lang):
        if m.full:
            d = _safe_date(m.year, m.month, m.day)
            if d:
                return d.isoformat()
    return None


def years_in(text: str) -> list[int]:
    """Four-digit years the text names (most frequent first)."""
    found = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)
    counts: dict[int, int] = {}
    for y in found:
        counts[int(y)] = counts.get(int(y), 0) + 1
    return sorted(counts, key=lambda y: -counts[y])


# A year named as a deadline ("до 2025 года", "by 2030", "到2025年") says when something is due,
# not when the reported events happened.
_DEADLINE_YEAR = re.compile(
    r"\b(?:by|until|till|through|before)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)(?!\d)"
    r"|(?<![\w-])(?:до|к)\s+(?:концу\s+)?((?:19|20)\d\d)(?:-?го)?\s+год"
    r"|(?:到|至)((?:19|20)\d\d)年"
    # a projection: "rising to 40% in 2040", "to reach 1 million in 2030"
    r"|\b(?:ris(?:e|es|ing)|grow(?:s|ing)?|increas(?:e|es|ing)|reach(?:es|ing)?|fall(?:s|ing)?|drop(?:s|ping)?)"
    r"\s+to\s+[^.;]{1,30}?\s+in\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def deadline_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the text names a year as a deadline or a target ("by 2029", "rising to 40% in 2040")."""
    return [m.span() for m in _DEADLINE_YEAR.finditer(text, start, len(text) if end is None else end)]


def _deadline_only_years(text: str, years: list[int]) -> set[int]:
    """The years the text names only as deadlines or targets."""
    named = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)
    as_deadline = [int(next(g for g in m.groups() if g)) for m in _DEADLINE_YEAR.finditer(text)]
    return {y for y in years if named.count(str(y)) == as_deadline.count(y)}


def event_years(text: str, lang: str = "en") -> list[int]:
    """The years a yearless date of the text may fall in, the likeliest first: a year that the
    weekday given with a date fits ("в воскресенье, 26 июля", "Sunday, July 26": of the years
    named, only one puts that day on a Sunday), then the years named most often; a year named
    only as a deadline ("к 2025 году") comes last."""
    years = years_in(text)
    deadline_only = _deadline_only_years(text, years)
    if years and len(deadline_only) == len(years):
        return []        # "by 2029", "rising to 40% in 2040": targets only, no year for what happened
    if len(years) < 2:
        return years
    fits: dict[int, int] = {}
    mentions = find_dates(text, lang=lang)
    for i, m in enumerate(mentions):
        if not (m.month and m.day) or m.year is not None:
            continue
        wd = m.weekday
        prev = mentions[i - 1] if i else None
        if wd is None and prev is not None and prev.weekday is not None and prev.month is None \
                and m.start - prev.end <= 3:
            wd = prev.weekday                      # "в воскресенье, 26 июля"
        if wd is None:
            continue
        ok = [y for y in years if (d := _safe_date(y, m.month, m.day)) is not None and d.weekday() == wd]
        if len(ok) == 1:
            fits[ok[0]] = fits.get(ok[0], 0) + 1
    return sorted(years, key=lambda y: (-fits.get(y, 0), y in deadline_only, years.index(y)))
