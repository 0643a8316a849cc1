"""Datelines: the place, date and agency that open a news paragraph.

    MINSK, 3 January (BelTA) - ...            Beijing, December 17 /Xinhua/ — ...
    MOSCOW, Jan 3 (Reuters) - ...             WASHINGTON (AP) — ...
    МОСКВА, 3 января. /ТАСС/. ...             МОСКВА, 3 янв — РИА Новости. ...
    ASTANA. KAZINFORM – ...                   新华社北京12月17日电（记者 张三）...
    中新网北京12月17日电 ...                    央视网消息：...

``parse_dateline(paragraph)`` returns where it ends, the agency and the date it names (the
date usually without a year), or None when the paragraph does not open with a dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import DateMatch, find_dates
from .source import is_known_agency

HEAD_CHARS = 160            # a dateline ends within this many characters of the paragraph start
MAX_PLACE_WORDS = 5

_DASH = r"(?:\s*(?:--|[-–—‒―])\s*|\s*(?P<dot>\.)\s+(?=[A-ZА-ЯЁ\"«“]))"
_AGENCY_PAREN = re.compile(r"^\s*[.,]?\s*(?:\((?P<a1>[^()\n]{2,40})\)|/(?P<a2>[^/\n]{2,40})/)")
# RIA style: "— РИА Новости. Текст" / "- Sputnik, Ivan Petrov. Text"; Kazinform: "ASTANA. KAZINFORM -".
_AGENCY_AFTER_DASH = re.compile(r"^(?P<ag>(?:[A-ZА-ЯЁ][\w&.'’-]*|[A-ZА-ЯЁ]{2,})(?:\s+[A-ZА-ЯЁ][\w&'’-]*){0,2})"
                                r"(?:,\s*[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w'’-]*){0,2})?\s*\.\s+(?=[A-ZА-ЯЁ0-9\"«“])")
_W = r"[\w'’-]*(?:\.[\w'’-]+)*"
_PLACE = re.compile(rf"^(?P<place>[A-ZА-ЯЁ]{_W}(?:[ -][A-ZА-ЯЁ]{_W}){{0,4}})(?P<region>,\s*[A-ZА-ЯЁ]{_W}"
                    rf"(?:\s+[A-ZА-ЯЁ]{_W}){{0,2}})?")
# "ASTANA. KAZINFORM – ..." / "Астана. 3 января. INTERFAX-KAZAKHSTAN - ...": capitals, then the dash.
_CAPS_AGENCY = re.compile(r"\s*[.,]?\s*(?P<ag>[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&.-]{2,}(?:[ -][A-ZА-ЯЁ0-9&.-]{2,}){0,2})"
                          r"(?=\s*(?:--|[-–—‒―]))")
_CN = re.compile(r"^[（(【\[]?\s*(?P<ag>(?:新华社|中新社|中新网|人民网|新华网|央视网|央视新闻|国际在线|中国日报网|中国日报|环球网|光明网|"
                 r"中国新闻网|澎湃新闻|经济日报|人民日报|法制网|中青在线|中国青年网|参考消息网|海外网|观察者网|东方网|"
                 r"[\u4e00-\u9fff]{1,6}(?:社|网|报|台|客户端|新闻)))"
                 r"\s*(?P<place>[\u4e00-\u9fff]{0,10}?)\s*(?P<date>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*"
                 r"(?:电|讯|消息|报道)\s*[）)】\]]?\s*(?:[（(][^）)]{0,40}[）)])?\s*[:：]?")
# "【环球时报综合报道】", "【环球网报道 记者 王某】": the outlet opens the first paragraph in brackets.
_CN_BRACKET = re.compile(r"^【\s*(?P<ag>[\u4e00-\u9fff]{2,8}?(?:社|网|报|台|时报|日报|新闻|客户端))"
                         r"(?:[^】]{0,24})?(?:报道|讯|消息|电)\s*[^】]{0,16}】")
_CN_NOT_AGENCY = ("本报", "本网", "本台", "记者", "据报")


@dataclass(frozen=True)
class Dateline:
    end: int                        # offset (in the paragraph) just after the dateline
    place: str | None
    agency: str | None
    agency_span: tuple[int, int] | None
    date: DateMatch | None


def _clean_agency(s: str) -> str | None:
    s = s.strip(" .,;:-–—/")
    if not s or len(s) > 40 or any(ch.isdigit() for ch in s[:1]):
        return None
    if re.search(r"(?i)^(?:photo|фото|video|видео|updated|upd|file|архив)\b", s):
        return None
    return s


@lru_cache(maxsize=1024)
def parse_dateline(para: str) -> Dateline | None:
    """The dateline opening ``para``, or None."""
    head = para[:HEAD_CHARS]
    if not head:
        return None
    m = _CN_BRACKET.match(head)
    if m and not m.group("ag").startswith(_CN_NOT_AGENCY):
        return Dateline(m.end(), None, m.group("ag"), (m.start("ag"), m.end("ag")), None)
    m = _CN.match(head)
    if m:
        ag = m.group("ag")
        if ag.startswith(_CN_NOT_AGENCY):
            return None
        found = find_dates(head, m.start("date"), m.end("date")) if m.group("date") else []
        date = found[0] if found else None
        if date is None and not m.group(0).rstrip().endswith(("电", "讯", "消息", ":", "：")):
            return None
        return Dateline(m.end(), m.group("place") or None, ag, (m.start("ag"), m.end("ag")), date)
    m = _PLACE.match(head)
    if not m:
        return None
    place = m.group("place")
    if len(place.split()) > MAX_PLACE_WORDS:
        return None
    date: DateMatch | None = None
    agency: str | None = None
    span: tuple[int, int] | None = None
    pos = m.end()
    # optional ", 3 January" / ". 3 января." / " Dec. 17" (a month name is not a region)
    for cand in dict.fromkeys((m.end("place"), m.end())):
        sep = re.match(r"\s*[,.]?\s*", head[cand:])
        at = cand + sep.end()
        dates = find_dates(head, at, min(len(head), at + 40))
        if dates and dates[0].start == at:
            date, pos = dates[0], dates[0].end
            break
    # optional "(BelTA)" or "/Xinhua/"
    am = _AGENCY_PAREN.match(head[pos:])
    if am:
        g = "a1" if am.group("a1") else "a2"
        agency = _clean_agency(am.group(g))
        span = (pos + am.start(g), pos + am.end(g))
        pos += am.end()
    else:
        cm = _CAPS_AGENCY.match(head, pos)
        if cm:
            agency = _clean_agency(cm.group("ag"))
            span = (cm.start("ag"), cm.end("ag"))
            pos = cm.end()
    dash = re.match(_DASH, head[pos:])
    if not dash:
        return None
    pos += dash.end()
    if date is None and agency is None and (dash.group("dot") or not (place.isupper() and len(place) >= 3)):
        return None  # "Putin said - ..." is not a dateline: it needs a date, an agency or a CAPS place
    if agency is None and place.isupper():
        agency, span, place, pos = _agency_as_place(head, m.start("place"), place, pos)
    if agency is None:
        am2 = _AGENCY_AFTER_DASH.match(head[pos:])
        if am2 and len(am2.group("ag")) <= 30 and not _looks_like_sentence_start(am2.group("ag")):
            agency = _clean_agency(am2.group("ag"))
            span = (pos + am2.start("ag"), pos + am2.end("ag"))
            pos += am2.end()
    return Dateline(pos, place, agency, span, date)


_PLACE_DOT_AGENCY = re.compile(r"(?P<place>[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]+)*)\.(?P<ag>[A-ZА-ЯЁ]{3,}(?:-[A-ZА-ЯЁ]+)*)$")


def _agency_as_place(head: str, at: int, place: str, pos: int):
    """"АСТАНА.КАЗИНФОРМ -": the city and the agency without a space; "ТАСС - КАЗИНФОРМ -": an
    agency where the city stands (the story is that agency's, reprinted by the second one).
    Returns (agency, its span, place, where the dateline ends)."""
    joined = _PLACE_DOT_AGENCY.match(place)
    if joined:
        return joined.group("ag"), (at + joined.start("ag"), at + joined.end("ag")), joined.group("place"), pos
    if not is_known_agency(place):
        return None, None, place, pos
    second = _CAPS_AGENCY.match(head, pos)
    if second:
        dash = re.match(_DASH, head[second.end():])
        if dash and not dash.group("dot"):
            pos = second.end() + dash.end()
    return place, (at, at + len(place)), None, pos


_SENTENCE_WORDS = re.compile(r"(?i)^(?:the|a|an|in|on|at|this|that|he|she|it|they|we|i|according|as|after|"
                             r"в|на|по|об|о|это|он|она|они|мы|как|после|согласно)\b")


def _looks_like_sentence_start(s: str) -> bool:
    return bool(_SENTENCE_WORDS.match(s)) or len(s.split()) > 3


def starts_with_dateline(para: str) -> bool:
    return parse_dateline(para) is not None
