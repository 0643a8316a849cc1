"""The headline as it stands in the text.

The headline is the first substantial line before the body that reads like one: a single
sentence (or none: most headlines have no final period), not a date, not a dateline, not a
lead paragraph. A text that opens with a body paragraph (an article cut at its start, or a
title run into the first paragraph) has no headline: None, never a guess.
"""
from __future__ import annotations

import re

from .dateline import parse_dateline, starts_with_dateline
from .lines import Line, is_cjk, is_date_line, sentence_breaks, word_count
from .source import is_known_agency

__all__ = ["find_headline", "is_headline", "starts_with_dateline", "parse_dateline"]

MIN_WORDS = 3                 # "Putin meets Xi" is a headline; "All news" is not
SUBSTANTIAL_WORDS = 4         # headlines this long are preferred over shorter lines before them
MAX_WORDS = 40
MAX_CHARS = 250
MAX_CHARS_WITH_PERIOD = 180   # a one-sentence line ending in "." longer than this is a lead
CJK_MIN_CHARS, CJK_MAX_CHARS = 5, 80
MAX_TWO_PART_CHARS = 150      # "Kicker. Headline" without a final stop, up to this long

# Openings of a continuing text (a pronoun or a connective), not of a headline ending in ".".
_CONTINUATION = re.compile(
    r"(?i)^(?:he|she|it|they|this|these|those|his|her|its|their|there|however|also|meanwhile|moreover|but|and|so|"
    r"according to|in addition|earlier|later|он|она|оно|они|это|этот|эта|эти|его|ее|её|их|также|однако|кроме того|"
    r"при этом|ранее|позже|по словам|но|и|а)\b|^(?:他|她|它|他们|这|该|此外|同时|但|据)")
_SAID = re.compile(r"(?i)[,\"”»]\s*(?:he|she|they|it|[A-ZА-Я][\w.-]+(?:\s+[A-ZА-Я][\w.-]+)?)\s+"
                   r"(?:said|says|noted|added|told|stressed|emphasized|emphasised|сказал|сказала|отметил|отметила|"
                   r"заявил|заявила|добавил|добавила)\b")


def is_headline(text: str) -> bool:
    """Does this line read like a headline (shape only, not position)?"""
    t = text.strip()
    if not t or t[0] in "—–-•*·>" or t[0].islower():
        return False
    if is_date_line(t) or starts_with_dateline(t):
        return False
    if is_cjk(t):
        if not (CJK_MIN_CHARS <= len(t) <= CJK_MAX_CHARS):
            return False
        return sentence_breaks(t) == 0 and not t.endswith(("：", ":", "，", ","))
    words = word_count(t)
    if not (MIN_WORDS <= words <= MAX_WORDS) or len(t) > MAX_CHARS:
        return False
    if t.endswith((":", ",", ";", "(", "–", "-", "—")):
        return False
    breaks = sentence_breaks(t)
    # "Смена караула. В Великобритании назначен ..." — a two-part headline has no final stop.
    if breaks > 1 or breaks == 1 and (len(t) > MAX_TWO_PART_CHARS or t[-1] in ".!?…»\"”'"):
        return False
    if t.endswith((".", "…")) and not t.endswith("..."):
        if len(t) > MAX_CHARS_WITH_PERIOD or _CONTINUATION.match(t) or _SAID.search(t):
            return False
    return True


_CJK_OUTLET = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:网|报|社|台|新闻|客户端)$")


def names_an_outlet(text: str) -> bool:
    """A line that is only the name of an outlet (the site's header: "中国日报网", "The Moscow
    Times", "ТАСС") is no headline."""
    t = text.strip()
    return bool(_CJK_OUTLET.match(t)) or is_known_agency(t)


def find_headline(lines: list[Line], boiler: set[int], body_start: int, nav: set[int] = frozenset()) -> Line | None:
    """The headline among ``lines[:body_start]`` (skipping boilerplate line indices), or None.

    Shorter lines may stand before the headline (menus); the first line of at least
    SUBSTANTIAL_WORDS that reads like a headline wins, else the last short one right before the
    body. A line standing right above navigation (``nav`` indices) is the site's name or
    tagline when a headline-like line follows further down. The first line that reads like
    neither ends the search: what follows is body.
    """
    short: Line | None = None
    site_line: Line | None = None
    texts = [ln for ln in lines if ln.text]
    following = {a.index: b.index for a, b in zip(texts, texts[1:])}
    for ln in lines[:body_start]:
        if not ln.text or ln.index in boiler:
            continue
        if is_date_line(ln.text) or names_an_outlet(ln.text):
            continue
        if not is_headline(ln.text):
            if word_count(ln.text) < MIN_WORDS and len(ln.text) <= 40:
                continue   # a menu word: keep looking
            break
        if word_count(ln.text) >= SUBSTANTIAL_WORDS or is_cjk(ln.text):
            if site_line is None and following.get(ln.index) in nav:
                site_line = ln
                continue
            return ln
        short = ln
    return short or site_line
