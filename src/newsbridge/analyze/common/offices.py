"""Offices of state and negotiating bodies that news writes in lower case, which a reader lists as
organizations but NER models, trained on capitalised names, leave untagged: 'the office of the
Ukrainian president', 'the Russian presidential administration', 'офис президента Украины',
'администрация президента', 'the Minsk contact group', 'Трехсторонняя контактная группа'.

``office_spans_en(text, start, end)`` and ``office_spans_ru(text, start, end)`` give (start, end)
of each such name inside text[start:end]; the English span leaves out the article, a Russian one
its lower-case modifiers ('минской Контактной группы' is 'Контактной группы', as the text
capitalises it). ``with_bodies(mentions, spans, make)`` puts a body mention (``make(start, end)``)
at each span, in place of the mentions inside it.
"""
from __future__ import annotations

import re

_HEAD_OF_STATE_EN = r"(?:[Pp]resident|[Pp]rime[ \u00a0][Mm]inister|[Cc]hancellor)"
_OFFICE_EN = re.compile(
    r"(?<![\w-])(?:[Oo]ffice|[Aa]dministration|[Cc]hancellery)[ \u00a0]of[ \u00a0]the[ \u00a0]"
    r"(?:[A-Z][a-z]+[ \u00a0])?" + _HEAD_OF_STATE_EN +
    r"(?:[ \u00a0]of[ \u00a0](?:the[ \u00a0])?[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)?(?![\w-])"
    # 'the Ukrainian presidential office', "Ukraine's presidential administration"
    r"|(?<![\w-])(?:[A-Z][a-z]+(?:['’]s)?[ \u00a0])?[Pp]residential[ \u00a0](?:[Oo]ffice|[Aa]dministration)(?![\w-])"
    # 'the Ukrainian president's office'
    r"|(?<![\w-])[A-Z][a-z]+[ \u00a0]" + _HEAD_OF_STATE_EN + r"['’]s[ \u00a0][Oo]ffice(?![\w-])")
_CONTACT_GROUP_EN = re.compile(r"(?<![\w-])(?:(?:Trilateral|Tripartite|Minsk|International)[ \u00a0])?"
                               r"[Cc]ontact[ \u00a0][Gg]roup(?![\w-])")
_THE_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he[ \u00a0]$")

_OFFICE_RU = re.compile(
    r"(?<![\w-])(?:[Оо]фис(?:а|у|ом|е)?|[Аа]дминистраци(?:я|и|ю|ей|ею)|[Аа]ппарат(?:а|у|ом|е)?|"
    r"[Кк]анцеляри(?:я|и|ю|ей|ею))[ \u00a0](?:президента|премьер-министра|правительства|канцлера)(?![\w-])")
_CONTACT_GROUP_RU = re.compile(
    r"(?<![\w-])(?:(?:Тр[её]хсторонн|Минск)[а-яё]{2,3}[ \u00a0])?[Кк]онтактн(?:ая|ой|ую|ою)[ \u00a0]"
    r"групп(?:а|ы|е|у|ой|ою)(?![\w-])")


def office_spans_en(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    spans = [m.span() for m in _OFFICE_EN.finditer(text, start, end)]
    for m in _CONTACT_GROUP_EN.finditer(text, start, end):
        # 'a contact group' is any such group; 'the contact group' and a named one are the body
        if m.group()[0].isupper() or _THE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            spans.append(m.span())
    return sorted(spans)


def office_spans_ru(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    return sorted(m.span() for rx in (_OFFICE_RU, _CONTACT_GROUP_RU) for m in rx.finditer(text, start, end))


def with_bodies(mentions: list, spans, make) -> list:
    """The mentions with a body at each span in place of the names a model read inside it ('Minsk'
    of 'the Minsk contact group'); a span a name runs across the edge of is left alone."""
    for s, e in spans:
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        if any(m.start < e and s < m.end for m in mentions if m not in inside):
            continue
        mentions = [m for m in mentions if m not in inside] + [make(s, e)]
    return mentions
