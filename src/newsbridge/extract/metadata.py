"""Document metadata read from the text: title, language, publication date, source.

Pure: text, the boilerplate spans of the "clean" step and the given metadata in; values and
their evidence spans out. Given metadata (JSONL fields, HTML meta) wins over the text.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .boilerplate import paragraph_spans
from .dateline import parse_dateline
from .dates import DateMatch, find_dates, normalize_date, resolve_year
from .language import detect_language
from .lines import Line, is_date_line, split_lines
from .source import clean_name, clean_source_value, end_credit, is_aggregator_value
from .title import find_headline

DATELINE_PARAGRAPHS = 3      # a dateline opens one of the first body paragraphs
LANGUAGE_SAMPLE = 600        # characters of body text the language is judged on
END_CREDIT_LINES = 3         # an end credit stands within the last lines of the text


@dataclass
class Evidence:
    start: int
    end: int
    label: str
    attrs: dict[str, Any]


@dataclass
class Metadata:
    title: str | None = None
    language: str | None = None
    published: str | None = None
    source: str | None = None
    evidence: list[tuple[str, Evidence]] = field(default_factory=list)   # (layer, span)


@dataclass(frozen=True)
class _Boiler:
    start: int
    end: int
    label: str
    attrs: dict[str, Any]


def extract_metadata(text: str, boilerplate: Iterable[Any] = (), given: dict[str, Any] | None = None) -> Metadata:
    """Title, language, published and source of ``text``.

    ``boilerplate``: spans with start/end/label/attrs (the clean step's layer); ``given``:
    metadata that came with the document (keys title, published, source, language).
    """
    given = given or {}
    # Spans are only read here: the layer's own spans serve when their attrs are a dict.
    spans = [s if type(s.attrs) is dict else _Boiler(s.start, s.end, s.label, dict(s.attrs or {}))
             for s in boilerplate]
    lines = split_lines(text)
    boiler_lines = _lines_in(lines, spans)
    paras = [(a, b) for a, b in paragraph_spans(lines, set(boiler_lines))]
    md = Metadata()

    # -- title ------------------------------------------------------------------------------
    body_start = _body_start(lines, boiler_lines)
    head = find_headline(lines, set(boiler_lines), body_start)
    title_stamp = _title_stamp(head.text) if head is not None else None
    headline = head.text[:title_stamp[0]] if title_stamp else head.text if head is not None else None
    if given.get("title"):
        md.title = " ".join(str(given["title"]).split())
    elif head is not None:
        md.title = headline
    if head is not None and (not given.get("title") or _same(headline, md.title)):
        md.evidence.append(("title", Evidence(head.start, head.start + len(headline), "title", {})))

    # -- body paragraphs after the headline: datelines live in the first of them -------------
    body_paras = [(a, b) for a, b in paras if head is None or a > head.start]
    datelines = []
    for a, b in body_paras[:DATELINE_PARAGRAPHS]:
        dl = parse_dateline(text[a:b])
        if dl is not None:
            datelines.append((a, dl))
            at = text.find(dl.place, a, a + dl.end) if dl.place else -1
            if at >= 0:        # "TAYLORVILLE —", "KHAN YOUNIS, GAZA —": where the story was filed
                md.evidence.append(("dateline", Evidence(at, at + len(dl.place), "place", {"value": dl.place})))
            break

    # -- language -----------------------------------------------------------------------------
    sample, n = [], 0
    for a, b in body_paras or paras:
        sample.append(text[a:min(b, a + LANGUAGE_SAMPLE)])
        n += b - a
        if n >= LANGUAGE_SAMPLE:
            break
    md.language = detect_language(" ".join(sample)) or (given.get("language") or None)

    # -- published ------------------------------------------------------------------------------
    given_date = normalize_date(given.get("published"))
    if given_date:
        md.published = given_date
    else:
        stamped = [(head.start + title_stamp[1].start, head.start + title_stamp[1].end, title_stamp[1])] \
            if title_stamp else []
        md.published = _published(text, spans, datelines, md, stamped)

    # -- source ---------------------------------------------------------------------------------
    if given.get("source"):
        md.source = str(given["source"]).strip()
    else:
        md.source = _source(text, lines, spans, boiler_lines, datelines, body_paras, md)
    return md


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


def _lines_in(lines: list[Line], spans: list[_Boiler]) -> dict[int, _Boiler]:
    """Line index -> boilerplate span covering that line."""
    out: dict[int, _Boiler] = {}
    if not spans:
        return out
    ordered = sorted(spans, key=lambda s: s.start)
    j = 0
    for ln in lines:
        if not ln.text:
            continue
        while j < len(ordered) and ordered[j].end < ln.start:
            j += 1
        k = j
        while k < len(ordered) and ordered[k].start <= ln.start:
            if ordered[k].end >= ln.end:
                out[ln.index] = ordered[k]
                break
            k += 1
    return out


def _body_start(lines: list[Line], boiler: dict[int, _Boiler]) -> int:
    from .boilerplate import _is_long  # shared definition of "body text for sure"
    from .dateline import starts_with_dateline

    return next((ln.index for ln in lines if ln.text and ln.index not in boiler
                 and (_is_long(ln) or starts_with_dateline(ln.text))), len(lines))


def _stamp_date(s: _Boiler) -> tuple[int | None, int, int] | None:
    v = s.attrs.get("date") or ""
    try:
        if v.startswith("--"):
            return None, int(v[2:4]), int(v[5:7])
        return int(v[0:4]), int(v[5:7]), int(v[8:10])
    except ValueError:
        return None


def _anchors(text: str, spans: list[_Boiler]) -> list[_dt.date]:
    """Full dates the article states (site-header dates excluded)."""
    skip = [(s.start, s.end) for s in spans if s.label == "site_date"]
    out = []
    for dm in find_dates(text):
        if dm.year is None or any(a <= dm.start < b for a, b in skip):
            continue
        d = dm.date()
        if d:
            out.append(d)
    return out


_TITLE_STAMP_SEP = re.compile(r"\s*(?::|\||\s[-–—])\s+")
TITLE_MIN_WORDS = 3


def _title_stamp(line: str) -> tuple[int, DateMatch] | None:
    """A headline the site printed with its date: "Разгерметизация произошла на МКС: 12 Февраля
    2023, 00:12" -> (where the headline ends, the date)."""
    for sep in reversed(list(_TITLE_STAMP_SEP.finditer(line))):
        rest = line[sep.end():]
        if len(line[:sep.start()].split()) < TITLE_MIN_WORDS or not is_date_line(rest, max_other_words=0):
            continue
        found = find_dates(line, sep.end())
        if found:
            return sep.start(), found[0]
    return None


def _published(text: str, spans: list[_Boiler], datelines: list[tuple[int, Any]], md: Metadata,
               title_stamp: list[tuple[int, int, DateMatch]] = ()) -> str | None:
    stamps = [s for s in spans if s.label == "stamp"]
    anchors: list[_dt.date] | None = None

    def full(y: int | None, m: int, d: int) -> str | None:
        nonlocal anchors
        if y is None:
            if anchors is None:
                anchors = _anchors(text, spans)
            y = resolve_year(m, d, anchors)
            if y is None:
                return None
        try:
            return _dt.date(y, m, d).isoformat()
        except ValueError:
            return None

    def use(iso: str | None, start: int, end: int, how: str) -> str | None:
        if iso:
            md.evidence.append(("dateline", Evidence(start, end, "date", {"value": iso, "how": how})))
        return iso

    for kinds in (("published", "posted"), ("date",)):
        best: tuple[str, _Boiler] | None = None
        for s in stamps:
            if s.attrs.get("kind") not in kinds:
                continue
            ymd = _stamp_date(s)
            iso = full(*ymd) if ymd else None
            if iso and (best is None or iso < best[0]):
                best = (iso, s)
        if best:
            return use(best[0], best[1].start, best[1].end, "stamp:" + best[1].attrs["kind"])
        for start, end, dm in title_stamp:     # the site's date after its headline: a publication stamp
            iso = full(dm.year, dm.month, dm.day)
            if iso:
                return use(iso, start, end, "title_stamp")
    for off, dl in datelines:
        if dl.date is not None:
            iso = full(dl.date.year, dl.date.month, dl.date.day)
            if iso:
                return use(iso, off + dl.date.start, off + dl.date.end, "dateline")
    for s in spans:      # "By Jane Roe | December 3, 2025": the byline dates the article
        if s.label == "byline":
            dm = next((d for d in find_dates(text, s.start, s.end) if d.has_year), None)
            iso = full(dm.year, dm.month, dm.day) if dm else None
            if iso:
                return use(iso, dm.start, dm.end, "byline")
    for s in stamps:
        if s.attrs.get("kind") == "modified":
            ymd = _stamp_date(s)
            iso = full(*ymd) if ymd else None
            if iso:
                return use(iso, s.start, s.end, "stamp:modified")
    return None


def _source(text: str, lines: list[Line], spans: list[_Boiler], boiler: dict[int, _Boiler],
            datelines: list[tuple[int, Any]], body_paras: list[tuple[int, int]], md: Metadata) -> str | None:
    def use(name: str | None, start: int, end: int, how: str) -> str | None:
        if name:
            md.evidence.append(("dateline", Evidence(start, end, "source", {"value": name, "how": how})))
        return name

    for off, dl in datelines:
        if dl.agency and dl.agency_span:
            name = clean_name(dl.agency)
            if name:
                return use(name, off + dl.agency_span[0], off + dl.agency_span[1], "dateline")
    # An end credit: the last lines of the text (boilerplate footers included).
    tail = [ln for ln in lines if ln.text][-END_CREDIT_LINES:]
    for ln in reversed(tail):
        b = boiler.get(ln.index)
        if b is not None and b.label in ("photo_credit", "disclaimer", "copyright", "share", "subscribe"):
            continue
        name = end_credit(ln.text)
        if name:
            return use(name, ln.start, ln.end, "end_credit")
    # A Chinese header "2025-12-17 来源：新华网" or a "Source:" line; aggregators last.
    candidates: list[tuple[int, str, _Boiler]] = []
    for s in spans:
        value = None
        if s.label == "stamp" and s.attrs.get("source"):
            value = s.attrs["source"]
        elif s.label == "source_line" and s.attrs.get("value"):
            value = s.attrs["value"]
        if value:
            v = clean_source_value(value)
            if v:
                candidates.append((1 if is_aggregator_value(v) else 0, v, s))
    if candidates:
        candidates.sort(key=lambda c: (c[0], c[2].start))
        rank, v, s = candidates[0]
        return use(v, s.start, s.end, "source_line" if rank == 0 else "aggregator_line")
    return None
