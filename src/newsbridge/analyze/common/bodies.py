"""Names that gazetteers and NER models take for places but a reader lists as organizations,
and the agency-style slashes around acronyms ("… Trade /CCPIT/", "Хунань /Центральный Китай/").

``is_body(name)``: True for blocs and state bodies named like places ("EU", "G7", "White House",
"Кремль", "Белый дом").
``is_seat(name)``: True for the bodies that are also buildings ("Кремль", "White House").
``trim_slash(text, start, end) -> end``: a name span cut before a " /…/" annotation.
``web_name(text, start, end)``: the whole span of an outlet named like a web address around a
mention ('Нева.Тудей', 'Kostroma.Today', 'Фонтанка.ру'), or None.
``seat_names(text, start, end)``: spans of the Russian seats of government written as names
("Кремль объявил", "пресс-службы Кремля", "в Белом доме"), which the NER model mostly leaves untagged.
"""
from __future__ import annotations

import re

from .. import gazetteer as gz

# blocs, alliances and seats of government that are organisations in news text (any case form is
# matched on the first letters of each word, so "Белого дома", "Кремля" count)
_BODIES = {
    "eu", "e.u.", "european union", "g7", "g-7", "g8", "g20", "g-20", "nato", "un", "u.n.", "united nations",
    "white house", "kremlin", "brics", "asean", "opec", "sco", "cis", "osce",
    "ес", "евросоюз", "европейский союз", "нато", "оон", "g7", "большая семерка", "большая семёрка",
    "большая двадцатка", "белый дом", "кремль", "снг", "шос", "брикс", "обсе", "опек",
    "еврокомиссия", "евросовет", "европарламент", "european commission", "european parliament",
}
# online platforms, in the Latin letters both languages write them: the medium of a post, not a body of the story
PLATFORMS = {"instagram", "telegram", "facebook", "twitter", "youtube", "tiktok", "whatsapp", "vkontakte",
             "vk", "odnoklassniki", "weibo", "wechat", "linkedin", "snapchat", "threads", "x"}
_SLASH = re.compile(r"\s*/[^/\n]{1,60}/?\s*$")
# the bodies that are also buildings an event takes place in ("в Кремле", "at the White House")
_SEATS = {"white house", "kremlin", "белый дом", "кремль"}


# Capitalised case forms only: 'кремль.рф' or 'белый дом' written small is not the body's name.
_SEAT_NAME_RU = re.compile(r"(?<![\w.-])(?:Кремл(?:ь|я|ю|ем|ём|е)|Бел(?:ый|ого|ому|ым|ом)\s+(?:дом|дома|дому|домом|доме))"
                           r"(?![\w-]|\.\w)")


def _stems(names) -> set[tuple[str, ...]]:
    return {tuple(w[:max(3, len(w) - 2)] if re.search(r"[а-яё]", w) and len(w) > 4 else w for w in b.split())
            for b in names}


_STEMS = _stems(_BODIES)
_SEAT_STEMS = _stems(_SEATS)


def _words(name: str) -> list[str]:
    n = " ".join(name.lower().replace("ё", "е").split()).strip(" .,")
    n = re.sub(r"^the\s+", "", n)
    return re.sub(r"[’']s$", "", n).split()


def _matches(words: list[str], stems: set[tuple[str, ...]]) -> bool:
    # up to three letters past the stem, four past a long one ('Евросоюзом' is 'евросо' + 'юзом';
    # 'Есенин' is no 'ЕС')
    return any(len(st) == len(words) and all(w.startswith(x) and re.search(r"[а-я]", w)
                                             and len(w) - len(x) <= (4 if len(x) >= 5 else 3)
                                             for w, x in zip(words, st)) for st in stems)


def is_seat(name: str) -> bool:
    """A seat of government named like a body that is also where a meeting takes place."""
    words = _words(name)
    return " ".join(words) in _SEATS or _matches(words, _SEAT_STEMS)


def is_body(name: str) -> bool:
    words = _words(name)
    return " ".join(words) in _BODIES or _matches(words, _STEMS)


def trim_slash(text: str, start: int, end: int) -> int:
    """End of the name proper when the span runs on into a slash annotation."""
    m = _SLASH.search(text, start, end)
    if m and m.start() > start:
        return m.start()
    return end


def seat_names(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of 'Кремль', 'Белый дом' in any case form written as names inside text[start:end]."""
    return [m.span() for m in _SEAT_NAME_RU.finditer(text, start, len(text) if end is None else end)]


# 'Нева.Тудей', 'Kostroma.Today', 'Фонтанка.ру', 'URA.RU': words of two letters or more joined by
# points with no space; not 'В.В.Путин' (initials) nor 'St.Petersburg'-like abbreviations of one letter
_WEB_NAME = re.compile(r"(?<![\w.@/-])[^\W\d_][\w-]+(?:\.[^\W\d_]{2,}(?:-[^\W\d_]+)?)+(?![\w@/-]|\.\w)")
_DOMAIN_ENDINGS = {"com", "net", "org", "info", "ru", "рф", "ру", "su", "kz", "by", "ua", "uz", "kg", "tj", "am", "az",
                   "ge", "md", "cn", "uk", "de", "fr", "eu", "us", "tv", "fm", "news", "media", "online", "today"}
_ABBREVIATED_FIRST = {"st", "dr", "mr", "ms", "mrs", "prof", "gen", "ул", "пр", "им", "г", "гг", "тыс", "млн", "млрд"}


def web_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The outlet named like a web address that the mention text[start:end] is a part of."""
    a = start
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in ".-") and start - a < 40:
        a -= 1
    m = _WEB_NAME.match(text, a)
    if m is None or m.end() < end or m.end() - m.start() > 40 or "." not in m.group():
        return None
    first = m.group().split(".")[0]
    if first.lower() in _ABBREVIATED_FIRST or not first[:1].isupper():
        return None
    if any(p.islower() and p not in _DOMAIN_ENDINGS for p in m.group().split(".")[1:]):
        return None     # 'Node.js', 'Desktop.app': a program or a file, no outlet
    if m.group().isupper() and gz.lookup(first.capitalize(), "ru" if re.match(r"[А-ЯЁ]", first) else "en",
                                         fuzzy=False) is not None:
        return None     # 'АСТАНА.КАЗИНФОРМ': a dateline, the place and its agency
    return m.span()
