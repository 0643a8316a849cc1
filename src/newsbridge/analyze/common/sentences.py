"""Paragraph and sentence splitting over absolute offsets (English, Russian, Chinese).

``split_paragraphs(text, start=0, end=None) -> list[(s, e)]``: non-blank lines, trimmed.
``split_sentences(text, start=0, end=None, protect=()) -> list[(s, e)]``: sentences inside
``text[start:end]``; never splits inside a ``protect`` span (e.g. quotes: pass
``[(q.open_at, q.end) for q in quotes]``), after an abbreviation (Mr., St., Gen., U.S.),
after an initial ("I. Fleur", "М. Помпео") or after a number ("No. 5").
"""
from __future__ import annotations

import bisect
import re

ABBREVIATIONS = {
    # English
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt", "sgt", "cmdr", "adm",
    "sen", "rep", "gov", "pres", "rev", "fr", "jr", "sr", "inc", "ltd", "co", "corp", "no", "nos",
    "vs", "etc", "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    # Russian
    "г", "гг", "ул", "им", "т", "д", "тыс", "млн", "млрд", "руб", "коп", "см", "др", "пр", "проф",
    "акад", "ген", "рис", "стр", "обл", "р", "с", "ст",
}
_SENT_END = re.compile(r"[.!?…]+[\"'”»’)\]]*|[。！？]+[”」』）]*")
# A headline run into the lead with no stop between ("… visited Tver region The former singer …",
# as documents made of a headline segment and body segments join them): a word that opens only
# sentences, capitalised after a lower-case word, then a lower-case word. Only near the top.
RUN_IN_REACH = 400
# Russian: a preposition or pronoun capitalised after a lower-case word opens a sentence whatever
# follows ("… вышел к протестующим В Хабаровске …"); a noun or adverb that opens sentences, before a
# lower-case word ("… к протестующим Врио губернатора …", "… в истории страны Эксперты по …").
_RUN_IN = re.compile(r"(?<=[a-z0-9]) (?=(?:The|Both|He|She|They|We|It|Its|His|Her|Their|This|These|Those|"
                     r"According|However|Meanwhile|Earlier|Later|In|On|At|After|During|More|Many|Most|Several|Since|"
                     r"Despite|Following|Although|While|Scientists|Researchers|Experts|Doctors|Residents|Officials|"
                     r"People|Studies|Candidates|Police|Rescuers) [a-z])|"
                     r"(?<=[а-яё0-9]) (?=(?:В|Во|На|По|Об|При|Для|Со|Из|За|Он|Она|Они|Мы|Это|Как|После|Согласно|"
                     r"Однако|Несмотря|Напомним|Ранее|Накануне|Сегодня|Вчера|Также|Кроме|Между|Среди) )|"
                     r"(?<=[а-яё0-9]) (?=(?:Врио|Глава|Президент|Премьер|Министр|Губернатор|Мэр|Власти|Жители|"
                     r"Эксперты|Специалисты|Ученые|Учёные|Отмечается|Всего|Более|Около|Экс-[а-яё]+|Бывш[а-яё]+) [а-яё])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    hi = len(text) if end is None else end
    out = []
    pos = start
    while pos < hi:
        nl = text.find("\n", pos, hi)
        pe = hi if nl < 0 else nl
        s, e = pos, pe
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = pe + 1
    return out


def _inside(pos: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    protect: list[tuple[int, int]] | tuple = ()) -> list[tuple[int, int]]:
    hi = len(text) if end is None else end
    spans = sorted(protect)
    starts = [s for s, _ in spans]
    out: list[tuple[int, int]] = []
    for ps, pe in split_paragraphs(text, start, hi):
        s = ps
        if ps < RUN_IN_REACH:
            first_end = _SENT_END.search(text, ps, pe)       # a headline runs into the first sentence only
            reach = min(pe, RUN_IN_REACH, first_end.start() if first_end else pe)
            for m in _RUN_IN.finditer(text, ps, reach):
                if not (spans and _inside(m.start(), starts, spans)):
                    out.append((s, m.start()))
                    s = m.end()
        for m in _SENT_END.finditer(text, s, pe):
            e = m.end()
            if e >= pe:
                break
            cjk = m.group()[0] in "。！？"
            if not cjk:
                if not text[e].isspace():
                    continue
                nxt = e
                while nxt < pe and text[nxt].isspace():
                    nxt += 1
                if nxt >= pe:
                    break
                c = text[nxt]
                if not (c.isupper() or c.isdigit() or c in "\"'“«„‘(—–-[" or "\u4e00" <= c <= "\u9fff"):
                    continue
                if m.group()[0] == "." and len(m.group()) == 1:
                    w = _WORD_BEFORE.search(text, max(ps, m.start() - 20), m.start())
                    if w:
                        word = w.group(1).lower().rstrip(".")
                        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                            continue
            if spans and _inside(m.start(), starts, spans) and _inside(e, starts, spans):
                continue
            if e > s:
                out.append((s, e))
            s = e
            while s < pe and text[s].isspace():
                s += 1
        if pe > s:
            out.append((s, pe))
    return out
