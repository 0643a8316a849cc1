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
                     r"(?<=[А-ЯЁ]{2}) (?=(?:В|Во|На|По|При|Для|Из|За) [а-яё])|"       # "… в честь Дня ВМФ В акватории …"
                     r"(?<=[а-яё0-9]) (?=(?:В|Во|На|По|Об|При|Для|Со|Из|За|Он|Она|Они|Мы|Это|Как|После|Согласно|"
                     r"Однако|Несмотря|Напомним|Ранее|Накануне|Сегодня|Вчера|Также|Кроме|Между|Среди) )|"
                     r"(?<=[а-яё0-9]) (?=(?:Врио|Глава|Президент|Премьер|Министр|Губернатор|Мэр|Власти|Жители|"
                     r"Эксперты|Специалисты|Ученые|Учёные|Отмечается|Всего|Более|Около|Экс-[а-яё]+|Бывш[а-яё]+) [а-яё])")
# English also: 'The', 'A', 'An', 'In', 'On', 'At', 'There', 'As' before a capitalised word ("…
# for Hurricane Hanna The Mexican National Directorate …", "… on Victory Day The Navy Day parade …"),
# and 'A', 'An', 'There', 'As' before a lower-case one ("… landing in Irkutsk A plane en route …"),
# unless the word before is one that such a word follows inside a sentence ("reported The Guardian",
# "in The Hague", "vitamin A supplements")
_RUN_IN_CAPITAL = re.compile(r"(?<=[a-z0-9]) (?=(?:(?:The|A|An|In|On|At|There|As) [A-Z][a-z]|(?:A|An|There|As) [a-z]))")
_INSIDE_BEFORE = frozenset(
    "in of at to by for from with on into onto about via like than as and or but nor that which who whom whose "
    "is was are were be been being has have had said says told tells reported reports wrote writes according "
    "cited cites quoted quotes published publishes read reads watched watch joined joins called calls named "
    "names became become becomes titled entitled dubbed starring vitamin type group class grade plan category "
    "hepatitis influenza section part series option model stage level division league pool tier platform gate "
    "block building row seat size blood flu strain point "
    # kinds of work and outlet ("British newspaper The Guardian") and verbs that take a titled object
    "newspaper magazine daily weekly tabloid publication paper journal edition outlet website site channel "
    "station program programme show film movie book novel album song single band play musical game "
    "made make makes see saw seen directed played plays starred stars released releases won win wins "
    "bought buys buy sold sells left leave leaves visited visit visits covered covers sang sings "
    "featured features produced produces launched launches opened opens".split())
# Russian also: a capitalised adjective or noun that opens sentences before a lower-case word
# ("… похудел на 8 кг Российский певец …"), unless a word that such a name follows inside a sentence
# stands before it ("в Российский фонд прямых инвестиций")
_RUN_IN_CAPITAL_RU = re.compile(r"(?<=[а-яё0-9]) (?=(?:(?:Российск|Украинск|Американск|Британск)(?:ий|ая|ое|ие)|"
                                r"Правительство|Кабинет|Командующий|Нападающий|Защитник|Форвард|Полузащитник|"
                                r"Вратарь|Тренер|Кандидат|Депутат|Исследовани[ея]|Жительниц[аы]|Житель|Пенсионер[а-я]*|"
                                r"Водитель|Сотрудники|Полицейские|Власти) [а-яё])")
_INSIDE_BEFORE_RU = frozenset("в во на по о об при для с со из за к ко от до у и или а но что как чем под над "
                              "перед через про между без".split())
_VERB_BEFORE_RU = re.compile(r"(?:л|ла|ло|ли|ет|ит|ют|ят|ут|ат)$")     # 'сообщил Российский футбольный союз'
_FIRST_END = re.compile(r"[.!?…]+[\"'”»’)\]]*(?=\s)|[。！？]")     # a stop a space follows ('15.7' is none)
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
            first_end = _FIRST_END.search(text, ps, pe)      # a headline runs into the first sentence only
            reach = min(pe, RUN_IN_REACH, first_end.start() if first_end else pe)
            cuts = list(_RUN_IN.finditer(text, ps, reach))
            cuts += [m for m in _RUN_IN_CAPITAL.finditer(text, ps, reach)
                     if (w := _WORD_BEFORE.search(text, ps, m.start())) and w.group(1).lower() not in _INSIDE_BEFORE]
            cuts += [m for m in _RUN_IN_CAPITAL_RU.finditer(text, ps, reach)
                     if (w := _WORD_BEFORE.search(text, ps, m.start())) and w.group(1).lower() not in _INSIDE_BEFORE_RU
                     and not _VERB_BEFORE_RU.search(w.group(1))]
            for m in sorted(cuts, key=lambda m: m.start()):
                if m.start() > s and not (spans and _inside(m.start(), starts, spans)):
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
