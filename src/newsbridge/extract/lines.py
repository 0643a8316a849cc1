"""Lines of a text with their character offsets, and cheap shape tests shared by the stages."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .dates import find_dates


class Line(NamedTuple):
    """``text[start:end]`` is the line without its newline and surrounding blanks (a named
    tuple: ~40 per article, built at a third of a frozen dataclass's cost)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


@lru_cache(maxsize=8)
def split_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text`` (cached: the clean and metadata steps split the same text)."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            s = pos + raw.find(stripped[0])
            out.append(Line(i, s, s + len(stripped), stripped))
        else:
            out.append(Line(i, pos + len(raw), pos + len(raw), ""))
        pos += len(raw) + 1
    return tuple(out)


# Characters are counted by runs (a few words per line instead of one string per character).
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
# A sentence ends here: terminal mark, optional closing quotes/brackets, space, then a capital
# or an opening quote. Initials and common abbreviations before the mark are not sentence ends.
_SENT_END = re.compile(r"([.!?…]+)[\"'»”’)\]]*\s+(?=[\"«“„‘(\[]?[A-ZА-ЯЁ0-9])|[。！？]+[”」』）)]*")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_ABBREV = frozenset("mr ms mrs dr st jr sr no vs gen col lt sgt rev gov sen rep prof inc ltd co corp jan feb mar apr "
                    "jun jul aug sep sept oct nov dec u.s u.k г гг им ул др млн млрд тыс руб ст пр проф акад".split())
_CJK_SHARE = 0.3


@lru_cache(maxsize=4096)
def is_cjk(s: str) -> bool:
    """Mostly Chinese/Japanese characters (by a cheap count over the first 200 characters)."""
    head = s[:200]
    han = count_chars(_HAN_RUN, head)
    if not han:
        return False
    return han >= _CJK_SHARE * count_chars(_LETTER_RUN, head)


def count_chars(runs: re.Pattern[str], s: str) -> int:
    """Characters of ``s`` in the runs that ``runs`` (a character class with ``+``) matches."""
    return sum(map(len, runs.findall(s)))


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


@lru_cache(maxsize=4096)
def word_count(s: str) -> int:
    """Words; in CJK text every two characters count as one word (a rough but stable measure)."""
    if is_cjk(s):
        return max(1, count_chars(_HAN_RUN, s) // 2) + len(_ASCII_WORD.findall(s))
    return len(_WORD.findall(s))


@lru_cache(maxsize=4096)
def sentence_breaks(s: str, stop_at: int = 0) -> int:
    """Number of sentence boundaries inside ``s`` (0 for a single sentence); with ``stop_at``,
    counting stops once that many are found."""
    n = 0
    limit = len(s.rstrip())
    for m in _SENT_END.finditer(s):
        if m.end() >= limit:
            continue
        if not s[:m.start()].strip(" 0123456789"):
            continue  # "8. Title": a numbered item, not a sentence
        if m.group(1) == ".":
            w = _WORD_BEFORE.search(s, max(0, m.start() - 12), m.start())
            word = w.group(0) if w else ""
            if len(word) == 1 and word.isupper() or word.lower() in _ABBREV:
                continue  # "M. Pompeo", "Mr. Smith", "Dec. 17"
        n += 1
        if stop_at and n >= stop_at:
            break
    return n


def is_date_line(s: str, max_other_words: int = 2) -> bool:
    """A line that is a date standing alone ("03 January 2024, 10:30", "Flag Thursday, 18 July 2024")."""
    if not s or len(s) > 80 or not _DIGIT.search(s):
        return False   # (find_dates needs a \d: a line with only other digits like "²" has no date)
    found = find_dates(s)
    if not found:
        return False
    rest = s
    for dm in reversed(found):
        rest = rest[:dm.start] + " " + rest[dm.end:]
    rest = _WEEKDAY_OR_FILLER.sub(" ", rest)
    return len(_WORD.findall(rest)) <= max_other_words


_WEEKDAY_OR_FILLER = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|четверг|"
    r"пятница|суббота|воскресенье|today|сегодня|updated|gmt|utc|msk|мск|edt|est|cet|bst|am|pm)\b|"
    r"(?:星期|周)[一二三四五六日天]|[上下]午|北京时间|\d{1,2}:\d{2}(?::\d{2})?|[|,.:;()\[\]/-]")
