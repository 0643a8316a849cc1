"""The Russian analyzer: persons with roles, organizations, places, quotes and events.

Mentions come from natasha's NER model; everything else is rules over Russian news grammar
(role titles before or after names, speech verbs, "Об этом заявил ...", dash-led direct speech)
with pymorphy3 for lemmas, genders and nominative forms, and the gazetteer for places.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...model import (EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES, ROLES, Document)
from ...crossscript import known_agency
from .. import gazetteer as gz
from ..common.abbreviations import abbreviation_pairs, defined_in_brackets
from ..common.bodies import PLATFORMS, is_body, is_seat, seat_names, trim_slash, web_name
from ..common.offices import office_spans_ru, with_bodies
from ..common.names import name_tokens, same_word_form
from ..common.participants import without_place
from ..common.sentences import RUN_IN_REACH
from ..common.titles import tidy_roles
from ..common.vessels import drop_vessel_names
from ..common import (event_years, find_dates, group_names, merge_continuations, quoted_name_near, reference_date,
                      resolve, scan_dash_speech, scan_quotes, split_sentences)
from . import lexicon as lx
from .morph import STREET_WORD, _name_parses, adjective_nominative, analyzer_known, foreign_nominative, gender_of_name, lemmas, normalize_name, normalize_phrase, parses, verb_gender
from .ner import Mention, tag_mentions

_TOKEN = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:[-'’.][А-Яа-яЁёA-Za-z0-9]+)*\.?|[«»\"“”„]|[^\sА-Яа-яЁёA-Za-z0-9]")
_CYR_WORD = re.compile(r"[А-Яа-яЁё]")
_SENT_PUNCT = set(".!?…")
_CLAUSE_PUNCT = set(",;:()—–")
MAX_ROLE_TOKENS = 14          # a role phrase before a name: at most this many tokens
MAX_APPOSITION_TOKENS = 16    # a role after a name ("Name, заместитель ...,")
ATTRIBUTION_WINDOW = 160      # characters after a closing quote searched for "— сказал он"
NEARBY_SENTENCES = 2          # same-type event triggers this close describe one event
SUBJECT_LOOKBACK = 400        # chars back a pronoun looks for a subject before any mention will do
SHORT_TITLE_WORDS = 3         # «Газпром», «Единая Россия»: capitalized quoted names up to this many words


@dataclass
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        """The word in lower case; a sentence's last word without the stop the tokenizer keeps on
        it ('разошлись.'), an abbreviation's point kept ('г.', 'им.')."""
        low = self.text.lower()
        return low[:-1] if low.endswith(".") and len(low) > 4 and "." not in low[:-1] else low


@dataclass
class Person:
    name: str
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_lemmas: set[str] = field(default_factory=set)
    org: str | None = None
    gender: str | None = None


class _Text:
    """Tokens and sentences of the body with fast position lookups."""

    def __init__(self, text: str, segments: list[tuple[int, int]], mentions: list[Mention] = ()):
        self.text = text
        self.tokens: list[Tok] = []
        self.sentences: list[tuple[int, int]] = []
        for a, b in segments:
            self.tokens += [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, a, b)]
            self.sentences += split_sentences(text, a, b)
        if self.sentences and self.sentences[0][0] < RUN_IN_REACH:
            self.sentences[:1] = _headline_run_in(text, *self.sentences[0], mentions)
        self._tstarts = [t.start for t in self.tokens]
        self._sstarts = [s for s, _ in self.sentences]
        self.paragraph_starts = [0]

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self._tstarts, pos)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._sstarts, pos) - 1
        if k < 0:
            return (0, 0)
        return self.sentences[k]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sstarts, pos) - 1)


_CAPITALISED_AFTER_LOWER = re.compile(r"(?<=[а-яё0-9]) ([А-ЯЁ][а-яё]+(?:-[а-яё]+)?)(?=[ ,])")
_NOT_COMMON = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


def _headline_run_in(text: str, s: int, e: int, mentions) -> list[tuple[int, int]]:
    """A headline run into the lead with no stop between ('Папа Римский приветствовал соглашение по
    Донбассу Огонь на линии …', '… о преимуществах российского флота Президент России …'): a
    capitalised common noun in the nominative right after a lower-case word, no name's first
    word, opens the lead (the splitter already knows the prepositions and pronouns that do)."""
    for m in _CAPITALISED_AFTER_LOWER.finditer(text, s, e):
        p = m.start(1)
        if len(text[s:p].split()) < 3 or any(x.start <= p < x.end for x in mentions):
            continue
        word = m.group(1).lower()
        ps = parses(word)
        known = analyzer_known(word) or "-" in word and analyzer_known(word.rsplit("-", 1)[1])   # 'Экс-депутат'
        if ps and known and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "nomn" \
                and not any(_NOT_COMMON & set(str(q.tag).replace(" ", ",").split(",")) for q in ps):
            return [(s, m.start()), (p, e)]
    return [(s, e)]


# ---------------------------------------------------------------------------------------------
def analyze_ru(doc: Document) -> None:
    text = doc.text
    segments = [(a, b) for a, b in doc.body_segments() if text[a:b].strip()]
    if not segments:
        return
    mentions: list[Mention] = []
    for a, b in segments:
        mentions += tag_mentions(text, a, b)
    mentions = _cut_at_dateline(mentions, [(d.start, d.end) for d in doc.layer("dateline") if d.label == "source"])
    mentions = _clean_mentions(text, _split_routes(text, _split_bracketed_abbreviations(text, _mend_edges(text, mentions))))
    mentions = _without_variants(text, mentions)
    mentions = _bodies_after_their_kind(text, _places_read_as_persons(text, _drop_common_words_as_persons(text, mentions)))
    mentions = _one_word_one_kind(text, mentions)
    mentions = drop_vessel_names(text, _add_gazetteer_places(text, segments, mentions), _VESSEL_BEFORE,
                                 _VESSEL_LIST_LINK)
    mentions = _add_seats(text, segments, _agencies_read_in_part(text, _bodies_and_slashes(text, mentions)))
    mentions = _add_offices(text, segments, mentions)
    mentions.sort(key=lambda m: m.start)
    tx = _Text(text, segments, mentions)

    persons, person_at = _persons(doc, tx, mentions)
    orgs = _with_country(text, _group_entities(doc, [m for m in mentions if m.label == "ORG"], "ORG"), mentions)
    locs = _locations(doc, [m for m in mentions if m.label == "LOC" and not _in_portfolio(text, m)])
    _roles(doc, tx, mentions, persons, person_at)
    _orgs_with_their_country(persons, orgs)
    for name, (s, e, aliases, ms) in orgs.items():
        if name in _LEGAL_FORMS:
            continue     # 'ФГАОУ ВО РНИМУ': the kind of institution and its level, not its name
        if _PROCESS_NAME.fullmatch(name):
            continue     # 'по «Брекзиту»': a process, no body (its mention stays for the titles around it)
        if _generic_body(name) and all(_generic_body(a) for a in aliases) \
                and not any(ms_ and text[ms_[0] - 1:ms_[0]] in ("«", '"', "“", "„") for ms_ in ms):
            continue     # "Правительство", "Комитет" alone: a kind of body, not its name (the mention stays
            #              for roles); a quoted one is a name (the band «Центр»)
        doc.add(ORGANIZATIONS, s, e, name, name=name, aliases=aliases, mentions=ms)
    _quotes(doc, tx, mentions, persons, person_at)
    _speech_titles(doc, segments, persons, person_at)
    _titles_that_speak(doc, tx, persons, person_at)
    for p in persons:       # after the quotes: "…, — сказал нападающий" gives the speaker that role
        doc.add(PERSONS, p.start, p.end, p.name, name=p.name, aliases=_aliases(p), roles=p.roles,
                org=p.org, key=_key(p.name), mentions=[list(m) for m in p.mentions], gender=p.gender)
    _events(doc, tx, mentions, persons)
    del locs


# -- mentions and entities ---------------------------------------------------------------------
def _bodies_and_slashes(text: str, mentions: list[Mention]) -> list[Mention]:
    """«ЕС», «Белый дом», «Кремль» are organizations, not places; 'Хунани /Центральный Китай/'
    ends before its slash annotation."""
    out = []
    for m in mentions:
        if m.label in ("ORG", "LOC"):
            e = trim_slash(text, m.start, m.end)
            label = "ORG" if m.label == "LOC" and is_body(text[m.start:e]) else m.label
            if e != m.end or label != m.label:
                m = Mention(m.start, e, label)
        out.append(m)
    return out


_WORD_JUST_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁA-Z][\w-]+)[ \u00a0]+[«\"„“]?$")


def _agencies_read_in_part(text: str, mentions: list[Mention]) -> list[Mention]:
    """An outlet the agency table knows whose name the model read in part ('Голоса Америки':
    the place 'Америки' alone): the whole name is the body."""
    out = []
    for m in mentions:
        before = _WORD_JUST_BEFORE.search(text, max(0, m.start - 25), m.start)
        if before and m.label in ("LOC", "ORG", "PER"):
            whole = " ".join(text[before.start(1):m.end].replace("«", " ").replace("\"", " ").split())
            if known_agency(whole) or known_agency(normalize_phrase(whole)):
                m = Mention(before.start(1), m.end, "ORG")
        out.append(m)
    return out


def _add_seats(text: str, segments, mentions: list[Mention]) -> list[Mention]:
    """'Кремль объявил', 'пресс-службы Кремля': the seat of government as the body that acts, where
    the model tagged nothing (the English model tags 'the Kremlin' as an organisation)."""
    out = list(mentions)
    for a, b in segments:
        for s, e in seat_names(text, a, b):
            if not any(m.start < e and s < m.end for m in mentions):
                out.append(Mention(s, e, "ORG"))
    return out


# between an office's head and the name of its holder: 'канцелярия премьер-министра [страны |
# Соединенного Королевства ]Терезы Мэй'
_OFFICE_HOLDER_GAP_WORD = re.compile(r"[ \u00a0]+(?:страны|[А-ЯЁ][а-яё]+)(?=[ \u00a0])")
_SPACES = re.compile(r"[ \u00a0]+")
_WORD_AT = re.compile(r"[А-ЯЁа-яё]+")


def _holder_follows(text: str, end: int, person_starts: set[int]) -> bool:
    """A person's name in the genitive right after an office's head, or after the country or
    'страны' there (a nominative one is the subject: 'Глава офиса президента Украины Андрей Ермак')."""
    pos = end
    for _ in range(3):
        gap = _SPACES.match(text, pos)
        if gap and gap.end() in person_starts:
            word = _WORD_AT.match(text, gap.end())
            return word is not None and any(p.tag.case == "gent" for p in parses(word.group().lower()))
        word = _OFFICE_HOLDER_GAP_WORD.match(text, pos)
        if word is None:
            return False
        pos = word.end()
    return False


# a title's portfolio: 'помощник госсекретаря по делам Восточной Азии и Тихого океана'
_PORTFOLIO_BEFORE = re.compile(r"(?<![\w-])по\s+делам\s+(?:[А-ЯЁ][\w-]*\s+){0,3}(?:и\s+(?:[А-ЯЁ][\w-]*\s+){0,2})?$")


def _in_portfolio(text: str, m: Mention) -> bool:
    """A place named in a title's portfolio ('по делам Восточной Азии и Тихого океана') is part of
    the title, not a place the text is about (one named elsewhere stays)."""
    return _PORTFOLIO_BEFORE.search(text, max(0, m.start - 60), m.start) is not None


def _add_offices(text: str, segments, mentions: list[Mention]) -> list[Mention]:
    """'офиса президента Украины', 'контактной группы': a body written in lower case, except before
    a person's name ('в администрации президента [страны ]Болы Тинубу': his title, not a body's name)."""
    person_starts = {m.start for m in mentions if m.label == "PER"}
    spans = [(s, e) for a, b in segments for s, e in office_spans_ru(text, a, b)
             if not _holder_follows(text, e, person_starts)]
    return with_bodies(mentions, spans, lambda s, e: Mention(s, e, "ORG"))


def _cut_at_dateline(mentions: list[Mention], credits: list[tuple[int, int]]) -> list[Mention]:
    """A name the model ran on past a dateline's agency ("ТАСС - КАЗИНФОРМ - Роскосмос сообщил")
    is the agency's name alone."""
    out = []
    for m in mentions:
        cut = next((b for a, b in credits if a <= m.start < b < m.end), None)
        out.append(Mention(m.start, cut, m.label) if cut is not None else m)
    return out


def _generic_body(name: str) -> bool:
    word = name.strip()
    return " " not in word and word[1:].islower() and bool(lemmas(word.lower()) & lx.GENERIC_BODIES)


_MINISTRY_WORD = re.compile(r"Мин[а-яё]{4,}")


# a ship's or spacecraft's name after its kind: 'подводная лодка "Петропавловск-Камчатский"',
# 'корабль "Вице-адмирал Кулаков"', 'корабли "Минск" и "Патриот"', 'корабль New Shepard'
_VESSEL_BEFORE = re.compile(r"(?<![А-Яа-яЁё-])(?:корабл|крейсер|лодк|фрегат|корвет|эсминц|ледокол|судн|танкер|тральщик|"
                            r"катер|ракетоносц|грузовик|ракет[аыеуо]?(?:-носител[а-яё]*)?|спутник|модул|луноход|марсоход)[а-яё]*\s+[«\"„“]?(?:(?:[Вв]ице|[Кк]онтр)-адмирал\s+|"
                            r"[Аа]дмирал\s+(?:флота\s+)?|(?:Князь|Княгиня|Святой|Святая|Император|Генерал|Маршал)\s+)?$")
_VESSEL_LIST_LINK = re.compile(r"[»\"”]?\s*(?:,|,?\s+и)\s+[«\"„“]?")


# a body's compound name: a clipped word and the body's noun ('Оперштаб', 'Мосгорсуд', 'Совфонд')
_COMPOUND_BODY = re.compile(r"[А-ЯЁ][а-яё]{1,7}(?:штаб|дума|суд|надзор|совет|фонд|банк)(?:а|у|ом|е|ы|ой)?")
_ROS_AGENCY = re.compile(r"Рос(?!с)[а-яё]{4,}")
_PROCESS_NAME = re.compile(r"(?i)(?:брекзит|брексит|брэксит|мегзит|грексит|brexit|megxit|grexit)[а-яё]{0,3}")
_ABBREVIATED_COMPOUND = re.compile(r"(?:[A-ZА-ЯЁ0-9]{2,}|[A-Z][A-Za-z]+)-[а-яё]{3,}")   # 'IT-компании', 'Telegram-каналу'


def _adjectives_only(surface: str) -> bool:
    """Every word a known adjective and nothing else ('Воскресное', 'Главном военно-морском')."""
    words = surface.split()
    return bool(words) and all(not w.isupper() and analyzer_known(w.lower().split("-")[-1])
                               and _adjective_word(w.lower()) for w in words)


_ADJECTIVE_LEMMA_END = ("ый", "ий", "ой", "ое", "ее", "ая", "яя")


def _adjective_word(low: str) -> bool:
    """Only an adjective: every parse one, or a noun only as the adjective made a noun
    ('главном': главный, or главное 'the main thing')."""
    ps = parses(low)
    return any(p.tag.POS == "ADJF" for p in ps) and all(
        p.tag.POS == "ADJF" or p.tag.POS == "NOUN" and p.normal_form.endswith(_ADJECTIVE_LEMMA_END) for p in ps)


def _split_routes(text: str, mentions: list[Mention]) -> list[Mention]:
    """'рейсом Москва-Улан-Удэ': two places the gazetteer knows joined by a hyphen are a route,
    each its own place ('Улан-Удэ', 'Петропавловск-Камчатский' stay whole)."""
    out = []
    for m in mentions:
        surface = text[m.start:m.end]
        if m.label == "LOC" and "-" in surface and " " not in surface and gz.lookup(surface, "ru") is None:
            for k in (i for i, ch in enumerate(surface) if ch == "-"):
                if gz.lookup(surface[:k], "ru") is not None and gz.lookup(surface[k + 1:], "ru") is not None:
                    out += [Mention(m.start, m.start + k, "LOC"), Mention(m.start + k + 1, m.end, "LOC")]
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


_BULLET = re.compile(r"[•·▪■●]")
_TRAILING_LINK_WORD = re.compile(r"\s+(?:на|в|во|о|об|по|с|со|за|для|и|или|к|ко|от|до|из|у|при)$")
_NAMED_AFTER = re.compile(r"\.[ \u00a0]*(?:[А-ЯЁ]\.[ \u00a0]*){0,2}[А-ЯЁ][а-яё]+(?:[ \u00a0]+[А-ЯЁ][а-яё]+)?")


_COMMA_THEN_NAME = re.compile(r",\s+[А-ЯЁA-Z]")


def _mend_edges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Edges of names the model cut wrong: a bulleted list is a name per item ('Йемен • Замбия'),
    and so is a person 'named' with commas between capitalised words ('Овечкин, Фёдоров');
    a closing bracket without its opening one is cut ('Hochheim am Main)'); 'ПАСЕ (' and 'ХДС (Христианско-
    демократический союз Германии' stop at their unclosed bracket (what follows it is a name of
    its own); 'Комиссии на' ends before its preposition; 'Театра им' runs on to the person it is
    named after ('Театра им. Йозефа Бойса')."""
    out = []
    for m in mentions:
        web = _web_outlet(text, m)
        if web is not None:
            out.append(web)     # 'издание Нева.Тудей': the whole address-like name is the outlet
            continue
        surface = text[m.start:m.end]
        if _BULLET.search(surface):
            # 'Бахрейн • Барбадос • Бермуды': a list set with bullets is a name per item
            for piece in re.finditer(r"[^•·▪■●|]+", surface):
                a, b = m.start + piece.start(), m.start + piece.end()
                while a < b and not text[a].isalnum():
                    a += 1
                while b > a and not text[b - 1].isalnum() and text[b - 1] not in ".»\"":
                    b -= 1
                if b - a >= 2:
                    out.append(Mention(a, b, m.label))
            continue
        if surface.endswith(")") and "(" not in surface:     # 'Hochheim am Main)'
            surface = surface[:-1].rstrip()
            m = Mention(m.start, m.start + len(surface), m.label)
        eponym = _EPONYM_MARK.match(surface) if m.label == "PER" else None
        if eponym and eponym.end() < len(surface):
            # 'премии им. В. К. Арсеньева': the name the award is named after, without the mark
            m = Mention(m.start + eponym.end(), m.end, "PER")
            surface = text[m.start:m.end]
        if m.label == "PER" and _COMMA_THEN_NAME.search(surface):
            # 'Сёмин (Овечкин, Фёдоров)': persons listed with commas, a name each
            for piece in re.finditer(r"[^,]+", surface):
                a, b = m.start + piece.start(), m.start + piece.end()
                while a < b and text[a].isspace():
                    a += 1
                if b - a >= 2:
                    out.append(Mention(a, b, "PER"))
            continue
        if m.label not in ("ORG", "LOC"):
            out.append(m)
            continue
        if "(" in surface and ")" not in surface:
            k = surface.index("(")
            left = surface[:k].rstrip()
            inner = m.start + k + 1 + (len(surface[k + 1:]) - len(surface[k + 1:].lstrip()))
            if left:
                out.append(Mention(m.start, m.start + len(left), m.label))
            if inner < m.end and text[inner].isupper():
                out.append(Mention(inner, m.end, "ORG" if m.label == "ORG" else m.label))
            continue
        tail = _TRAILING_LINK_WORD.search(surface)
        if tail and tail.start() > 0:
            m = Mention(m.start, m.start + tail.start(), m.label)
        elif m.label == "ORG" and surface.endswith(" им"):
            named = _NAMED_AFTER.match(text, m.end)
            if named:
                m = Mention(m.start, named.end(), m.label)
        out.append(m)
    return out


# English business words in Cyrillic letters that end a company's or outlet's name
_TRANSLIT_BUSINESS = re.compile(r"(?i)\s(?:[эе][йи]?рлайн[сз]?|[эе]йрв[эе]йз|груп+|инк|корпор[эе]йшн|ньюс|таймс|пост|джорн[аэ]л|геральд|"
                                r"трибь?юн|телеграф|холдингс?|энтертейнмент|пикчерс|студиос|моторс|фармасьютикалс|"
                                r"текнолоджис|секьюрити|капитал|партнерс|партнёрс|инвестментс)(?:а|у|ом|е)?$")
_QUOTED_TAIL = re.compile(r"[ \u00a0]+[а-яё]+(?:\s*[-–—]\s*\d+)?[»\"”“]")   # one lower-case word (and its number), then the mark


# 'штамма коронавируса "Омикрон"', 'штаммов Delta', 'вариант «Дельта»': a virus variant's name
_VARIANT_BEFORE = re.compile(r"(?i:\b(?:штамм|вариант|мутаци|сублини|подвариант)[а-яё]*)\s+(?:(?:коронавируса|COVID-19|вируса|"
                             r"SARS-CoV-2)\s+)?[«\"„“]?([A-ZА-ЯЁ][a-zа-яё]+)")


_GREEK_LETTER = re.compile(r"(?:alpha|beta|gamma|delta|omicron|omikron|альф|бет|гамм|дельт|омикрон)[а-яё]{0,3}")


def _without_variants(text: str, mentions: list[Mention]) -> list[Mention]:
    """No body, place or person of a virus variant's name, in any of its mentions ('заражения
    «Омикроном»' after 'штамма коронавируса «Омикрон»'); a country named before the strain word
    is where it was found, not its name."""
    stems = set()
    for m in _VARIANT_BEFORE.finditer(text):
        place = gz.lookup(m.group(1), "ru")
        if place is None or place.kind != "country":
            stems.add(m.group(1)[:max(4, len(m.group(1)) - 2)].lower())
    if not stems:
        return mentions
    # the text speaks of variants: 'для Omikron', 'Дельты' are theirs in either script
    return [m for m in mentions if " " in (word := text[m.start:m.end].strip().lower())
            or not (any(word.startswith(st) for st in stems) or _GREEK_LETTER.fullmatch(word))]


def _opens_quoted_thing(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "«\"„“" and _QUOTED_TAIL.match(text, end) is not None


# online platforms as the medium someone posted on (as the English analyzer drops them)
_PLATFORM = re.compile(r"(?i)(?:" + "|".join(sorted((p for p in PLATFORMS if len(p) > 1), key=len, reverse=True))
                       + r"|инстаграм|телеграм|фейсбук|твиттер|ютуб|тикток|вконтакте|одноклассник)(?:а|у|ом|е|ах|и|ов)?")
_MEDIUM_BEFORE = re.compile(r"(?i)(?:\bв|\bна|\bчерез|\bиз|\bво)\s+(?:(?:свое[мй]|своём|своих|его|е[её]|их|"
                            r"официальн\w+|личн\w+|микроблоге|аккаунте|странице|канале)\s+)*[«\"„“]?$")
_EPONYM_MARK = re.compile(r"(?:им\.|имени)\s*")


def _title_phrase(surface: str) -> bool:
    """'Координатор стратегических коммуникаций', 'Глава администрации': a title head and lower-case words."""
    words = surface.split()
    if len(words) < 2 or not all(w.islower() for w in words[1:]):
        return False
    if any(lem in lx.ROLE_HEADS for lem in lemmas(words[0].lower())):
        return True
    # 'Военный обозреватель': an adjective opening the sentence and the title head after it
    return len(words) == 2 and _adjective_word(words[0].lower()) and any(lem in lx.ROLE_HEADS for lem in lemmas(words[1]))


def _web_outlet(text: str, m: Mention) -> Mention | None:
    span = web_name(text, m.start, m.end)
    if span is None or span == (m.start, m.end) and m.label == "ORG":
        return None
    parts = text[span[0]:span[1]].split(".")
    if any(re.match(r"[А-ЯЁ][а-яё]", p) and analyzer_known(p.lower()) for p in parts[1:]):
        return None     # 'в Москве.Вчера': a stop without its space, two words
    return Mention(span[0], span[1], "ORG")


def _split_bracketed_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Всемирная организация здравоохранения (ВОЗ)', 'суда Бразилии (STF)': the name, and the
    abbreviation in brackets a body's own mention (grouped with its name below)."""
    out = []
    for m in mentions:
        cut = defined_in_brackets(text[m.start:m.end]) if m.label in ("ORG", "LOC") else None
        if cut is None:
            out.append(m)
            continue
        name_end, a, b = cut
        out.append(Mention(m.start, m.start + name_end, m.label))
        out.append(Mention(m.start + a, m.start + b, "ORG"))
    return out


_PREPOSITION_THEN_LOWER = re.compile("(?:" + "|".join(sorted((p.capitalize() for p in lx.PREPOSITIONS), key=len, reverse=True))
                                     + r")(?:\s+[а-яё-]+)+")


def _clean_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop place mentions that are common nouns or adverbs ('Огонь', 'Сегодня' opening a
    sentence) and cut organization mentions to the name in quotation marks ('группы «Руки
    Вверх»' -> 'Руки Вверх')."""
    out = []
    for m in mentions:
        surface = text[m.start:m.end]
        if len(surface.strip()) < 2 and m.label != "ORG":
            continue      # a lone letter ("В" of a run-in headline); "Ъ" is Kommersant
        if _PREPOSITION_THEN_LOWER.fullmatch(surface.strip()) and (m.start == 0 or text[m.start - 1] not in "«\"„“"):
            continue      # 'Над пустым', 'Из пакистанской тюрьмы' opening a sentence: no name ('«За права
            #               человека»' in quotation marks and 'В Контакте' are)
        if m.label == "PER" and _PROCESS_NAME.fullmatch(surface.strip()):
            m = Mention(m.start, m.end, "ORG")      # 'Брексит' read as a person: a process, kept for the titles
        if m.label == "LOC" and _opens_quoted_thing(text, m.start, m.end):
            continue      # '"Северный поток-2"', '«Южный поток»': a place word opening a thing's quoted name
        if m.label == "LOC" and " " not in surface and gz.lookup(surface, "ru") is None and (
                _common_noun(surface) or _common_word(surface) and parses(surface.lower())[0].tag.POS == "ADVB"):
            continue
        if m.label != "LOC" and " " not in surface.strip():
            place = gz.lookup(surface, "ru")
            if place is not None and place.kind == "country" and surface.isupper():
                m = Mention(m.start, m.end, "LOC")       # "канцлер ФРГ": a country, not a body
            elif m.label == "PER" and known_agency(surface):
                m = Mention(m.start, m.end, "ORG")       # an agency the table knows, not a person
            elif m.label == "PER" and (_MINISTRY_WORD.fullmatch(surface.strip()) or _COMPOUND_BODY.fullmatch(surface.strip())) \
                    and not _name_word(surface.strip()):
                m = Mention(m.start, m.end, "ORG")       # "Минцифры", "Оперштаб", "Мосгорсуд": a body, not a person
        if m.label == "PER" and " " in surface.strip() and _TRANSLIT_BUSINESS.search(surface.strip()):
            m = Mention(m.start, m.end, "ORG")       # 'Аляска Эирлайнс', 'Вашингтон Пост': a business, not a person
        if m.label != "LOC" and STREET_WORD.search(surface.strip()):
            m = Mention(m.start, m.end, "LOC")       # 'Даунинг-стрит', 'Пятая авеню': a street, not a person
        if _PLATFORM.fullmatch(surface.strip()) and _MEDIUM_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue      # 'в своем Instagram', 'на YouTube': the medium of a post, no body of the story
            #               (the company that signs, launches or was founded stays)
        if m.label == "ORG" and surface.strip() in lx.NOT_ORG_ACRONYMS:
            continue      # "рост ВВП", "сообщили СМИ": an abbreviation of a thing, not a body
        if m.label == "ORG" and _adjectives_only(surface) and (m.start == 0 or text[m.start - 1] not in "«\"„“"):
            continue      # "Воскресное заседание", "на Главном военно-морском параде": no noun, no body
        if m.label == "ORG" and _ABBREVIATED_COMPOUND.fullmatch(surface.strip()):
            continue      # "COVID-паспортов", "IT-компании", "ПЦР-тест": a compound common noun
        if m.label == "LOC" and _ROS_AGENCY.fullmatch(surface.strip()) and gz.lookup(surface.strip(), "ru") is None:
            m = Mention(m.start, m.end, "ORG")       # "Роскачество", "Росгидромет": a federal agency
        if m.label in ("LOC", "ORG") and " " not in surface.strip() and _title_word(surface):
            continue      # "Экс-солист группы ...": a title at a sentence start, not a name
        if m.label == "ORG" and _title_phrase(surface) and (m.start == 0 or text[m.start - 1] not in "«\"„“"):
            continue      # "Координатор стратегических коммуникаций": a title, the body comes after it
        if m.label == "PER" and surface[:1].isupper():
            first = _FIRST_WORD.match(surface)
            if first and (_title_word(first.group(1)) or _kind_of_person(first.group(1))
                          and analyzer_known(first.group(1).lower())
                          and _name_word(surface[first.end():].split()[0] if surface[first.end():].split() else "")) \
                    and not _name_word(first.group(1)) \
                    and not any(lem in lx.STYLED_TITLES for lem in lemmas(first.group(1).lower())):
                if not surface[first.end():].strip():
                    continue  # "Вирусолог, руководитель ...": a title opening a sentence
                m = Mention(m.start + first.end(), m.end, "PER")   # "Пульмонолог Сергей Пурясев", "Христианка Асия Биби"
        if m.label == "LOC":
            geo = _GEO_NOUN_BEFORE.search(text, max(0, m.start - 16), m.start)
            if geo and any(lem in _GEO_NOUNS for lem in lemmas(geo.group(1).lower())):
                m = Mention(geo.start(1), m.end, "LOC")       # "площади Святого Петра"
        if m.label == "ORG":
            q = re.search(r"[«\"“„]", surface)
            if q and q.start() > 0 and surface[:q.start()].strip() and surface[:q.start()].strip()[0].isupper() is False \
                    or (q and q.start() > 0 and (_common_noun(surface.split()[0]) or _title_word(surface.split()[0]))):
                a = m.start + q.end()
                b = m.end
                while b > a and text[b - 1] in "»\"”“ ":
                    b -= 1
                if b > a:
                    m = Mention(a, b, "ORG")
        out.append(m)
    return out


_WORD_BEFORE = re.compile(r"([а-яё-]+)[ \u00a0]+$", re.I)
_WORD_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)", re.I)
_NAMING_NOUNS = {"фамилия", "псевдоним", "прозвище", "имя"}
_EPONYM_NOUNS = {"болезнь", "синдром"}


def _full_name_words(text: str, mentions: list[Mention]) -> set[str]:
    """The words, lower-cased, of the persons the text names with two or more words."""
    return {w.lower() for m in mentions if m.label == "PER" and len(ws := text[m.start:m.end].split()) > 1
            for w in ws}


def _drop_common_words_as_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word 'person' that pymorphy knows only as a common word is a capitalised word of a
    run-in headline ("Боевика из Чечни приговорили", "Осыпает мозги алкоголь"), unless the text
    names a person with it (a word of a full name: "Ненад Попович" ... "Попович"), a title or
    "фамилией" stands before it ("поп-звезда Мадонна"), or a verb follows it ("Хван был")."""
    surnames = _full_name_words(text, mentions)         # any word: "Хван Чжан Еп" ... "Хвана"
    full_names = [(ws[0].lower(), ws[-1].lower()) for m in mentions if m.label == "PER"
                  and len(ws := text[m.start:m.end].split()) > 1]
    out = []
    for m in mentions:
        word = text[m.start:m.end].strip()
        if m.label == "PER" and (before := _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)) \
                and lemmas(before.group(1).lower()) & _EPONYM_NOUNS:
            continue      # "болезни Альцгеймера": a disease named after a person, no person of the story
        if m.label == "PER" and all(_plural_only_word(w) for w in word.split()):
            continue      # 'Свободные Саксонцы', 'по Европам': a plural, no one person
        if m.label == "PER" and " " not in word and _adjective_word(word.lower()) \
                and (after := _WORD_AFTER.match(text, m.end)) and after.group(1).islower() and len(after.group(1)) > 2 \
                and any(p.tag.POS == "NOUN" for p in parses(after.group(1).lower())[:1]) \
                and _agrees(word.lower(), after.group(1).lower()):
            continue      # "пресс-секретарь Тартуских судов Анетт ...": an adjective of the noun after it
        if m.label == "PER" and " " not in word and (_common_word(word) if "-" not in word else _common_compound(word)) \
                and not any(_stem_eq(word.lower(), sn) for sn in surnames):
            # (a compound of common words too: 'Фильм-биография, который …')
            before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
            after = _WORD_AFTER.match(text, m.end)
            named = before is not None and (_title_word(before.group(1)) or
                                            bool(lemmas(before.group(1).lower()) & _NAMING_NOUNS))
            subject = after is not None and any(p.tag.POS == "VERB" for p in parses(after.group(1).lower())[:1]) \
                and not _kind_of_person(word)
            if not (named or subject):
                continue
        if m.label == "PER" and len(words := word.split()) == 2 and _common_word(words[0]) \
                and not _title_word(words[0]) and any(_stem_eq(words[1].lower(), last) and not _stem_eq(words[0].lower(), first)
                                                     for first, last in full_names):
            # "Шайба Тарасенко в дебютном матче …" beside "Владимир Тарасенко": a common word of a
            # run-in headline before the surname of a person the text names in full
            m = Mention(m.end - len(words[1]), m.end, "PER")
        out.append(m)
    return out


def _plural_only_word(word: str) -> bool:
    """A word the dictionary knows only in the plural, and never as a name ('Саксонцы', 'Европам';
    not 'Норин', which may be a plural of the name 'Нора', nor an initial glued to a surname)."""
    low = word.lower()
    if "." in low or not analyzer_known(low):
        return False
    ps = parses(low)
    return bool(ps) and all(p.tag.number == "plur" and not ({"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(",")))
                            for p in ps)


_SURNAME_SHAPE = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ова|ева|ёва|ина|ына|ская|цкая)$")
PLACE_AS_PERSON_MIN_POPULATION = 100_000


# kinds of body a name stands after without quotation marks: 'команда Феррари', 'из команды
# МакЛарен-Мерседес', 'компания Tesla', 'маркетплейс Wildberries'
_BODY_KINDS = (r"(?:команд[аеуыой]{0,2}|компани[яиюей]{1,2}|клуб[аеуом]{0,2}|концерн[аеуом]{0,2}|"
               r"корпораци[яиюей]{1,2}|маркетплейс[аеуом]{0,2}|сервис[аеуом]{0,2}|бренд[аеуом]{0,2}|"
               r"холдинг[аеуом]{0,2}|автоконцерн[аеуом]{0,2}|ритейлер[аеуом]{0,2}|соцсет[ьиюей]{1,2}|"
               r"мессенджер[аеуом]{0,2}|банк[аеуом]{0,2}|фирм[аыеуой]{1,2}|производител[ьяюем]{1,2})")
_BODY_KIND_BEFORE = re.compile(r"(?i)(?<![\w-])" + _BODY_KINDS + r"[ \u00a0]+$")   # right before a name
_BODY_KIND_HEAD = re.compile(r"(?i)" + _BODY_KINDS + r"[ \u00a0]+")              # opening a name's span


def _bodies_after_their_kind(text: str, mentions: list[Mention]) -> list[Mention]:
    """A 'person' right after a kind of body is that body, in every mention ('Команда Феррари не
    подавала апелляцию ... Оба болида Феррари'), unless it reads as a person's name ('команда
    Путина' is his team)."""
    mentions = list(mentions)
    for i, m in enumerate(mentions):
        head = _BODY_KIND_HEAD.match(text[m.start:m.end] + " ") if m.label == "PER" else None
        if head and head.end() >= m.end - m.start:          # 'Маркетплейс Wildberries …': the kind alone
            mentions[i] = Mention(m.start, m.start, "")
        elif head:                                          # 'Команда Феррари' read as one person
            mentions[i] = Mention(m.start + head.end(), m.end, "PER")
    name_words = _full_name_words(text, mentions)
    bodies = set()
    for m in mentions:
        if m.label == "PER" and _BODY_KIND_BEFORE.search(text, max(0, m.start - 30), m.start):
            words = text[m.start:m.end].split()
            if len(words) <= 2 and not any(_name_word(w) or any(_stem_eq(w.lower(), nw) for nw in name_words)
                                           for w in words):
                bodies.add(" ".join(words))      # ('клубом Прозы' beside 'Альберт Проза' is his club)
    # the body everywhere it is named so ('Оба болида Феррари')
    return [Mention(m.start, m.end, "ORG") if m.label == "PER" and " ".join(text[m.start:m.end].split()) in bodies
            else m for m in mentions if m.label]


def _one_word_one_kind(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word 'person' whose word, in any case, the text names more often as one body or one
    place is that body or place ('решение театра Моссовета' ... 'в Моссовете' read as a person),
    unless it is a word of a person the text names in full; a one-word 'place' no gazetteer knows
    that is a form of such a word is that person. Forms are compared closely (a
    letter of ending apart, at most two letters longer): 'Тартуских' is no form of 'Тарту'; on a
    tie the word must have no reading as a name."""
    others: dict[str, list[tuple[str, str]]] = {}       # a word's first letters -> (word, label)
    for m in mentions:
        if m.label in ("ORG", "LOC") and " " not in (w := text[m.start:m.end].strip().lower()):
            others.setdefault(w[:3], []).append((w, m.label))
    if not others:
        return mentions
    name_words = _full_name_words(text, mentions)
    ones = [text[m.start:m.end].strip().lower() for m in mentions if m.label == "PER"]
    out = []
    for m in mentions:
        word = text[m.start:m.end].strip().lower()
        if m.label == "PER" and " " not in word and not any(_stem_eq(word, nw) for nw in name_words):
            labels = [label for other, label in others.get(word[:3], ()) if _same_word(word, other)]
            persons = sum(1 for o in ones if _same_word(word, o))
            if labels and len(set(labels)) == 1 and (len(labels) > persons or
                                                     len(labels) == persons and not _name_word(word)):
                m = Mention(m.start, m.end, labels[0])
        elif m.label == "LOC" and " " not in word and any(_same_word(word, nw) for nw in name_words) \
                and gz.lookup(word, "ru", fuzzy=False) is None:
            m = Mention(m.start, m.end, "PER")    # 'между Махачевым и Оливейрой' beside 'Ислам Махачев'
        out.append(m)
    return out


def _same_word(a: str, b: str) -> bool:
    """Two case forms of one word: 'моссовета' / 'моссовете', not 'тарту' / 'тартуских'."""
    return abs(len(a) - len(b)) <= 2 and same_word_form(a, b, slack=1)


def _places_read_as_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word 'person' that is a city of 100,000 or more, a region or a country the gazetteer
    knows ('Калуга, дом на углу ...'), shaped like no surname and no word of a person the text
    names in full, is that place ('Королёв', 'Киров', 'Пушкин' stay persons: surname-shaped)."""
    name_words = _full_name_words(text, mentions)
    out = []
    for m in mentions:
        word = text[m.start:m.end].strip()
        if m.label == "PER" and " " not in word and word.lower() not in name_words \
                and not _SURNAME_SHAPE.search(word.lower()) and not _name_word(word):
            place = gz.lookup(word, "ru", fuzzy=False)
            if place is not None and (place.kind != "city" or place.population >= PLACE_AS_PERSON_MIN_POPULATION):
                m = Mention(m.start, m.end, "LOC")
        out.append(m)
    return out


# "площадь Святого Петра", "улица Ленина", "река Амур": the common noun is part of the place's name
_GEO_NOUNS = {"площадь", "улица", "проспект", "бульвар", "набережная", "переулок", "шоссе", "река", "озеро",
              "остров", "залив", "пролив", "гора", "полуостров", "мыс", "канал"}
_GEO_APPOSED = {"река", "озеро", "остров", "залив", "пролив", "гора", "полуостров", "мыс", "канал"}
_GEO_NOUN_BEFORE = re.compile(r"(?<![\w-])([а-яё]+)[ \u00a0]$")


_FIRST_WORD = re.compile(r"([^\W\d_][\w-]*)\s*")


def _name_word(word: str) -> bool:
    """A word pymorphy can read as a given name, surname or patronymic ("Президент" cannot)."""
    return any(g in p.tag for p in parses(word.lower()) for g in ("Name", "Surn", "Patr"))


def _title_word(word: str) -> bool:
    low = word.strip().lower()
    low = low.split("-", 1)[1] if low.startswith(("экс-", "вице-")) else low
    heads = lemmas(low)
    if "-" in low and not heads & lx.ROLE_HEADS:
        first, last = low.split("-", 1)[0], low.rsplit("-", 1)[1]
        heads = lemmas(last)                        # "Фитнес-эксперт", "шеф-повар"
        if last.endswith(_SCIENTIST_END) or any("anim" in p.tag for p in parses(last)[:1]):
            heads |= lemmas(first)                  # "Врач-сомнолог"; not "премьер-лига", a league
    return any(lem in lx.ROLE_HEADS or lem.endswith(_SCIENTIST_END) for lem in heads) \
        and not gz.lookup(word.strip(), "ru")


# "-олог" names a specialist ("сомнолог", "нутрициолог"), whether or not the list has the field
_SCIENTIST_END = ("олог",)


_PROPER_TAGS = {"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"}


def _proper(tag) -> bool:
    """A reading of a name of some kind (place, person, organisation, trade mark, abbreviation)."""
    return any(g in tag for g in _PROPER_TAGS)
_KIND_OF_PERSON_END = ("анин", "янин", "ец", "нка", "ийка", "мка")    # 'Филиппинка', 'Японка', 'Немка'


def _kind_of_person(word: str) -> bool:
    """A noun for someone from somewhere or doing something ('Американец', 'Россиянка', 'Боец'):
    'Американец получил срок' opens a sentence with it, no name."""
    return all(p.tag.POS == "NOUN" and "anim" in p.tag and p.normal_form.endswith(_KIND_OF_PERSON_END)
               for p in parses(word.lower())[:1])


def _common_word(word: str) -> bool:
    """A word pymorphy knows, and only as a common word (no reading as a name of any kind)."""
    ps = parses(word.lower())
    if not ps or not analyzer_known(word.lower()):
        return False
    return not any(_proper(p.tag) for p in ps)


def _common_compound(word: str) -> bool:
    """A hyphenated compound of common words agreeing in number ('Фильм-биография', 'Герои-школьники';
    not the epithet 'Туркмен-баши')."""
    parts = [x for x in word.split("-") if x]
    if len(parts) < 2 or not all(_common_word(x) for x in parts):
        return False
    numbers = {parses(x.lower())[0].tag.number for x in parts} - {None}
    return len(numbers) <= 1


def _common_noun(word: str) -> bool:
    """A word pymorphy knows only as a common noun (no proper-name tags)."""
    return _common_word(word) and parses(word.lower())[0].tag.POS == "NOUN"


def _common_noun_nominative(surface: str) -> bool:
    """'Королева с удовольствием одобрила': a common noun in the nominative that is also an oblique
    form of a town ('Королёв'), read as the noun."""
    if " " in surface:
        return False
    ps = parses(surface.lower())
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "nomn" and ps[0].normal_form == surface.lower() \
        and not _proper(ps[0].tag) and analyzer_known(surface.lower())


def _add_gazetteer_places(text: str, segments, mentions: list[Mention]) -> list[Mention]:
    """Gazetteer places the model missed (not overlapping any of its mentions)."""
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    out = list(mentions)
    for a, b in segments:
        for pm in gz.find_places(text, "ru", a, b):
            k = bisect.bisect_right(starts, pm.end) - 1
            if k >= 0 and taken[k][1] > pm.start:
                continue  # overlaps a model mention
            if pm.place.kind == "city" and pm.place.population < lx.MIN_CITY_POPULATION_UNTAGGED:
                continue
            if pm.surface.lower() in lx.AMBIGUOUS_PLACE_WORDS or _common_noun_nominative(pm.surface) \
                    or _opens_quoted_thing(text, pm.start, pm.end):
                continue
            out.append(Mention(pm.start, pm.end, "LOC"))
    return out


def _persons(doc: Document, tx: _Text, mentions: list[Mention]):
    text = doc.text
    per = []
    for m in mentions:
        if m.label == "PER":
            cut = text.find("(", m.start, m.end)  # "Давид Манукян (DAVA M)": the name before the bracket
            end = cut if cut > m.start else m.end
            while end > m.start and text[end - 1] in " ,)":     # "(Эринн Хейс)": the model took the ')'
                end -= 1
            per.append(Mention(m.start, end, "PER"))
    per = _without_families(text, per)
    normals = [normalize_name(" ".join(text[m.start:m.end].split())) for m in per]
    for m, n in zip(per, normals):
        doc.add(MENTIONS, m.start, m.end, "PER", normal=n, surface=text[m.start:m.end])
    uniq = list(dict.fromkeys(normals))  # group distinct forms once, then expand to mentions
    ugroups = _merge_partial_names(_group_by_surname(uniq), uniq)
    where = {}
    for gi, g in enumerate(ugroups):
        for k in g:
            where[uniq[k]] = gi
    groups = [[] for _ in ugroups]
    for i, n in enumerate(normals):
        groups[where[n]].append(i)
    groups = [g for g in groups if g]
    persons: list[Person] = []
    person_at: dict[int, Person] = {}
    for g in groups:
        # the fullest form names the person; its first mention in the text is the entity span
        # a form that is another form of the group plus a case ending is that form inflected
        # ('Франциска' beside 'Франциск'): the model's normaliser took it for a feminine name
        forms = {normals[i] for i in g}
        inflected = {f for f in forms if any(f == o + end for o in forms for end in _CASE_ENDINGS)}
        full = max(g, key=lambda i: (len(normals[i].split()), normals[i] not in inflected,
                                     not normals[i].split()[0].endswith("."), len(normals[i]), -i))
        first = min(g)
        p = Person(normals[full], per[first].start, per[first].end)
        if per[full].start != per[first].start and len(normals[full].split()) > len(normals[first].split()):
            p.start, p.end = per[full].start, per[full].end
        for i in sorted(g):
            p.mentions.append((per[i].start, per[i].end))
            if normals[i] not in p.forms:
                p.forms.append(normals[i])
            person_at[per[i].start] = p
        p.gender = gender_of_name(p.name.split())
        as_written = None
        if p.gender is None:
            p.gender = _gender_from_context(text, p)
        elif p.gender == "masc" and _gender_from_context(text, p) == "femn" \
                and not any(" ".join(text[s_:e_].split()) == p.name for s_, e_ in p.mentions):
            # (not when the text writes the man's name as it stands: 'Александр Кокорин' beside
            # '… кроме Александра Кокорина была признана', where the verb is another subject's)
            # 'пожаловалась Поризкова': a woman's surname alone, not the genitive of 'Поризков';
            # 'телеведущая Дана Борисова': her name, not the genitive of 'Дан Борисов'
            as_written = next((w for s, e in p.mentions if _FEMININE_SURNAME.search(w := " ".join(text[s:e].split()))
                               and len(w.split()) == len(p.name.split())
                               and all(_womans_first_name(x) for x in w.split()[:-1])), None)
            if as_written:
                p.gender = "femn"
                if p.name not in p.forms:
                    p.forms.append(p.name)
                p.name = as_written
        if p.gender == "femn" and len(p.name.split()) > 1:
            # 'Павлова' alone was read as the masculine genitive 'Павлов': a woman's surname is her full name's
            surname = p.name.split()[-1]
            p.forms = [surname if f != surname and " " not in f and surname.startswith(f) and len(surname) - len(f) <= 2
                       else f for f in p.forms]
            p.forms = list(dict.fromkeys(p.forms))
        nominative = p.name if as_written or _a_declension_shown(text, p) \
            else foreign_nominative(p.name, str(p.gender) if p.gender else None)
        if nominative != p.name and not _subject_as_written(text, p):  # 'Олафа Шольца' -> 'Олаф Шольц'; the inflected form stays an alias
            if p.name not in p.forms:
                p.forms.append(p.name)
            p.name = nominative
        subject = _foreign_subject_as_written(text, p)
        if subject and subject != p.name:       # 'Сэйдзи Маэхара отметил': not 'Маэхар'
            if p.name not in p.forms:
                p.forms.append(p.name)
            p.name = subject
        indeclinable = _indeclinable_as_written(text, p)
        if indeclinable and indeclinable != p.name:
            if p.name not in p.forms:
                p.forms.append(p.name)
            p.name = indeclinable
        after_title = _genitive_after_title(text, p)
        if after_title:     # 'в поддержку экс-губернатора Фургала': the genitive of 'Фургал'
            if p.name not in p.forms:
                p.forms.append(p.name)
            p.name = after_title
        persons.append(p)
    persons.sort(key=lambda p: p.start)
    return persons, person_at


def _genitive_after_title(text: str, p: Person) -> str | None:
    """A lone surname in -а written only right after a man's title in the genitive or accusative
    ('экс-губернатора Фургала') is that case of a surname ending in its consonant."""
    name = p.name
    if " " in name or not name.endswith("а") or len(name) < 5 or name[-2].lower() in "аеёиоуыэюяй" \
            or any(" ".join(text[s:e].split()) != name for s, e in p.mentions):
        return None
    if any(_after_mans_genitive_title(text, s) for s, _ in p.mentions):
        return name[:-1]
    return None


def _after_mans_genitive_title(text: str, pos: int) -> bool:
    """The word right before ``pos`` is a man's title in the genitive or accusative only ('губернатора')."""
    before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    if before is None or not _title_word(before.group(1)):
        return False
    ps = parses(before.group(1).lower())
    return bool(ps) and all(q.tag.number == "sing" and q.tag.case in ("gent", "accs") and q.tag.gender == "masc"
                            for q in ps)


def _womans_first_name(word: str) -> bool:
    """'Дана' may be a woman's name in the nominative; 'Бориса', 'Егора' are men's in the genitive."""
    if word[-1:] not in ("а", "я"):
        return False
    ps = [q for q in _name_parses(word.lower()) if "Name" in q.tag]
    return not ps or any(q.tag.gender == "femn" and q.tag.case == "nomn" for q in ps)


_CASE_ENDINGS = ("а", "у", "ом", "е", "ым")
_NEXT_RU_WORD = re.compile(r"\s+([а-яё]+)")


def _a_declension_shown(text: str, p: Person) -> bool:
    """'после смерти Масамицу Йосиды' read as 'Масамицу Йосида': a mention with an -ы/-е/-у/-ой
    ending on the surname's stem shows an -а name in the nominative, not the genitive of 'Йосид'."""
    last = p.name.split()[-1] if p.name.split() else ""
    if last[-1:] not in ("а", "я") or len(last) < 4:
        return False
    stem = last[:-1]
    forms = [text[s:e].split() for s, e in p.mentions]
    endings = {w[-1][len(stem):] for w in forms if w and w[-1] != last and w[-1].startswith(stem)}
    if any(w and w[-1] == last and _after_mans_genitive_title(text, s) for w, (s, _) in zip(forms, p.mentions)):
        return False    # 'канцлера Олафа Шольца': the genitive of 'Шольц' (an -а name's would be 'Шольцы')
    if endings & _A_OBLIQUE_ONLY:
        return True
    # '-е', '-у' are also the prepositional and dative of a consonant stem ('при канцлере Шольце'):
    # they show the -а declension only when no mention's first name is a man's in the genitive ('Олафа Шольца')
    return bool(endings & _A_OBLIQUE) and not any(len(w) > 1 and _mans_oblique_name(w[0]) for w in forms)


def _mans_oblique_name(word: str) -> bool:
    ps = [q for q in _name_parses(word.lower()) if "Name" in q.tag]
    return bool(ps) and all(q.tag.gender == "masc" and q.tag.case in ("gent", "accs") for q in ps)


_A_OBLIQUE_ONLY = {"ы", "и", "ой", "ей", "ою", "ею"}
_A_OBLIQUE = _A_OBLIQUE_ONLY | {"е", "у", "ю"}


_FAMILY_ENDINGS = ("ов", "ев", "ых", "их")


def _without_families(text: str, per: list[Mention]) -> list[Mention]:
    """'дома Рокфеллеров', 'рода Ворониных', 'семьи Клинтонов': a surname in the plural names a
    family, no person — one the dictionary reads only in the plural, or the plural of a surname
    the text gives a person ('Рокфеллер' + 'ов', 'Скрипаль' -> 'Скрипалей')."""
    surnames = {text[m.start:m.end].split()[-1].lower() for m in per if len(text[m.start:m.end].split()) > 1}
    out = []
    for m in per:
        word = text[m.start:m.end].strip()
        low = word.lower()
        if " " not in word:
            ps = _name_parses(low)
            plural_only = bool(ps) and all(p.tag.number == "plur" for p in ps) and analyzer_known(low)
            of_a_surname = any(low == s + end for s in surnames for end in _FAMILY_ENDINGS) \
                or any(s.endswith("ь") and low == s[:-1] + "ей" for s in surnames)
            if plural_only or of_a_surname:
                continue
        out.append(m)
    return out


def _indeclinable_as_written(text: str, p: Person) -> str | None:
    """'Эннио Морриконе … что Морриконе', 'Криштиану Роналду … ни Роналду': a surname written
    the same way, ending in a vowel, in every one of two or more mentions does not decline; the
    name is as written, not 'Моррикон' or 'Роналда' (a declined name shows other forms)."""
    if len(p.mentions) < 2:
        return None
    written = [text[s:e].split() for s, e in p.mentions]
    surnames = {w[-1] for w in written if w}
    if len(surnames) != 1:
        return None
    surname = surnames.pop()
    words = p.name.split()
    if surname[-1:].lower() not in "еёоуиюэ" or words[-1] == surname or words[-1][:3].lower() != surname[:3].lower() \
            or analyzer_known(surname.lower()) or any("Surn" in q.tag for q in _name_parses(words[-1].lower())):
        return None          # 'пророке Мухаммеде', 'Березовского', 'Свиридову' of 'Свиридов': the dictionary declines them
    before = {m.group(1).lower() if (m := _WORD_BEFORE_NAME.search(text, max(0, s - 30), s)) else "" for s, _ in p.mentions}
    if len(before) < 2:
        return None          # every mention after the same word may be the same case
    fullest = max(written, key=len)
    if len(fullest) == len(words) and all(w[-1:].lower() in "еёоиюэ" or w == n for w, n in zip(fullest[:-1], words[:-1])):
        return " ".join(fullest)        # 'Джузеппе Торнаторе': the first name did not decline either
    return " ".join(words[:-1] + [surname])


def _subject_as_written(text: str, p: Person) -> bool:
    """The name as written is the subject of a verb right after it ('Обама выступал'): it is the
    nominative, though it ends like a foreign name's genitive."""
    if p.name[-1:] not in ("а", "я"):
        return False
    for s, e in p.mentions:
        if " ".join(text[s:e].split()) == p.name:
            m = _NEXT_RU_WORD.match(text, e)
            if m and verb_gender(m.group(1)) == "masc":
                return True
    return False


def _foreign_subject_as_written(text: str, p: Person) -> str | None:
    """'глава МИДа Сэйдзи Маэхара отметил': a full name written with an -а the normaliser took
    for a genitive ending ('Маэхар'), the subject of the masculine verb right after it, is the
    nominative as written — where the surname is no dictionary word and the first name stays
    as it is (not 'Ивана Петрова наградил губернатор')."""
    words = p.name.split()
    if len(words) < 2:
        return None
    for s, e in p.mentions:
        written = text[s:e].split()
        if len(written) != len(words) or written[:-1] != words[:-1]:
            continue
        last = written[-1]
        if last[-1:] not in ("а", "я") or last[:-1] != words[-1] or analyzer_known(last.lower()):
            continue
        m = _NEXT_RU_WORD.match(text, e)
        if m and verb_gender(m.group(1)) == "masc":
            return " ".join(written)
    return None


def _group_by_surname(names: list[str]) -> list[list[int]]:
    """common.group_names within buckets of names whose last words begin alike: the same
    grouping, without comparing every pair of names in the article."""
    buckets: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        buckets.setdefault(name_tokens(n)[-1][:3].lower(), []).append(i)   # (after a glued initial: 'Л.Глебова')
    out = []
    for idx in buckets.values():
        for g in group_names([names[i] for i in idx]):
            out.append([idx[k] for k in g])
    return out


def _merge_partial_names(groups: list[list[int]], normals: list[str]) -> list[list[int]]:
    """One-word groups that are the surname (any ending) or the first name of exactly one
    fuller person join it: 'Евменовым' -> 'Николай Евменов', 'Сергей' -> 'Сергей Жуков'."""
    full = [g for g in groups if any(len(normals[i].split()) > 1 for i in g)]
    out = [g for g in groups if g in full]
    for g in groups:
        if g in full:
            continue
        word = normals[g[0]].split()[0].lower() if len(normals[g[0]].split()) == 1 else None
        hits = []
        if word:
            for f in full:
                fw = max((normals[i] for i in f), key=lambda n: len(n.split())).lower().split()
                if _stem_eq(word, fw[-1]) or (word == fw[0] and len(fw) == 2):
                    hits.append(f)
        if len(hits) == 1:
            hits[0].extend(g)
        else:
            out.append(g)
    return out


def _gender_from_context(text: str, p: Person) -> str | None:
    """The gender of the verb right after a mention ('Павлова заявила'), else of the verb right
    before it where speech is attributed ('…, — пожаловалась Поризкова'), else a feminine title
    right before it ('телеведущая Дана Борисова'; a masculine title names women too: no cue)."""
    def verb_after(s: int, e: int) -> str | None:
        m = re.match(r"\s*,?\s*([а-яё]+)", text[e:e + 30])
        return verb_gender(m.group(1)) if m else None

    def verb_before(s: int, e: int) -> str | None:
        m = _VERB_BEFORE.search(text, max(0, s - 30), s)
        return verb_gender(m.group(1)) if m else None

    def title_before(s: int, e: int) -> str | None:
        m = _WORD_BEFORE_NAME.search(text, max(0, s - 30), s)
        return "femn" if m and _feminine_title(m.group(1).lower()) else None

    for cue in (verb_after, verb_before, title_before):
        for s, e in p.mentions:
            g = cue(s, e)
            if g in ("masc", "femn"):
                return g
    return None


_WORD_BEFORE_NAME = re.compile(r"(?<![\w-])([а-яё-]+)\s+$", re.IGNORECASE)


def _feminine_title(word: str) -> bool:
    """'телеведущая', 'актриса', 'журналистка': a title in the feminine nominative."""
    ps = parses(word)
    if any("ms-f" in p.tag for p in ps):
        return False           # 'глава', 'судья': of either gender
    for p in ps:
        if p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender == "femn" and "anim" in p.tag \
                and (p.normal_form in lx.ROLE_HEADS or word in lx.ROLE_HEADS or word.endswith(_WOMAN_SUFFIXES)
                     or _kind_of_person(word)):       # 'Филиппинка Катриона Грэй'
            return True
    return False


_WOMAN_SUFFIXES = ("истка", "ница", "льщица", "чица", "ерша")     # 'журналистка', 'писательница'


_FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_VERB_BEFORE = re.compile(r"[—–-]\s*([а-яё]+)\s+$")


def _aliases(p: Person) -> list[str]:
    return [f for f in p.forms if f != p.name]


def _key(name: str) -> str:
    try:
        import cyrtranslit
        return " ".join(cyrtranslit.to_latin(name, "ru").lower().replace("'", "").split())
    except Exception:  # pragma: no cover - optional transliteration
        return ""


def _group_entities(doc: Document, ms: list[Mention], label: str):
    """Organizations grouped by nominative form (Cyrillic endings tolerated)."""
    text = doc.text
    groups: dict[str, tuple[int, int, list[str], list[list[int]]]] = {}
    for m in ms:
        surface = _close_quotes(" ".join(text[m.start:m.end].split()))
        kind = _KIND_PREFIX.match(surface) if label == "ORG" else None
        if kind:
            normal = _quoted_after_kind(surface)       # 'ПАО «Газпром»' -> 'Газпром'
        elif _apposed_in_quotes(text, m.start, m.end):
            normal = surface
        else:
            normal = normalize_phrase(surface)
            if label == "ORG" and normal != surface and known_agency(surface) and not known_agency(normal):
                normal = surface     # 'Гардиан' is no genitive plural of a 'Гардиана': the table knows it as written
        doc.add(MENTIONS, m.start, m.end, label, normal=normal, surface=surface)
        key = _match_key(normal, groups)
        if key is None:
            groups[normal] = (m.start, m.end, [surface] if kind else [], [[m.start, m.end]])
        else:
            s, e, aliases, mm = groups[key]
            for f in (normal, surface):
                if f != key and f not in aliases:
                    aliases.append(f)
            mm.append([m.start, m.end])
    if label == "ORG":
        for short, full in abbreviation_pairs(text, {k: [tuple(x) for x in g[3]] for k, g in groups.items()}):
            if short not in groups or full not in groups:
                continue
            _, _, short_aliases, short_ms = groups.pop(short)
            s, e, aliases, mm = groups[full]
            for f in [short] + short_aliases:
                if f != full and f not in aliases:
                    aliases.append(f)
            mm.extend(short_ms)
            mm.sort()
    return groups


# a legal form or kind before a quoted name ("ПАО «Газпром»", "МИА «Казинформ»", "ООО УК «Х»"): the
# name is what is quoted and the whole an alias; "РИА «Новости»" is one name
# abbreviations of legal forms and kinds of institution, written before a name ('ООО «…»', 'ФГАОУ ВО
# РНИМУ'): alone, no organisation's name
_LEGAL_FORMS = {"ООО", "ОАО", "ЗАО", "ПАО", "АО", "НАО", "НКО", "АНО", "ИП", "ГУП", "МУП", "ФГУП", "ФГБУ", "ФГБОУ",
                "ФГАОУ", "ФГКУ", "ФКУ", "ГБУ", "ГБОУ", "ГАОУ", "ГКУ", "МБОУ", "МАОУ", "МКОУ", "МБУ", "ГАУ", "ВО", "ДПО",
                "СПО", "НИИ"}
_KIND_ABBREVIATION = r"(?!РИА\b)[А-ЯЁ]{2,5}"
_KIND_PREFIX = re.compile(_KIND_ABBREVIATION + r"(?:\s+[А-ЯЁ]{2,5})?\s*[«\"“„](?=\w)")


def _quoted_after_kind(surface: str) -> str:
    kind = _KIND_PREFIX.match(surface)
    while kind:                                 # 'ОАО «НК „Роснефть“»' -> 'Роснефть'
        inner = surface[kind.end():]
        if inner.endswith(_CLOSER[surface[kind.end() - 1]]):
            inner = inner[:-1]
        surface, kind = inner, _KIND_PREFIX.match(inner)
    return surface


def _close_quotes(surface: str) -> str:
    """A name whose quotation opens inside the model's span gets the closing mark the span
    leaves out ('МИА «Казинформ' -> 'МИА «Казинформ»'; nested marks close too)."""
    stack: list[str] = []
    for ch in surface:
        if ch in _CLOSER and not (ch == '"' and stack and stack[-1] == '"'):
            stack.append(_CLOSER[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return surface + "".join(reversed(stack))


_CLOSER = {"«": "»", "„": "“", '"': '"'}


_KIND_BEFORE_QUOTE = re.compile(r"(?<![\w-])([А-ЯЁа-яё-]+)\s*$")


def _apposed_in_quotes(text: str, s: int, e: int) -> bool:
    """A quoted name after the word for its kind ('пекарни «Канаевский хлебозавод»', 'АО "РС-Балт"')
    stays as written: only the kind word declines."""
    if s == 0 or text[s - 1] not in "«\"“„" or text[e:e + 1] not in ("»", '"', "”", "“"):
        return False
    kind = _KIND_BEFORE_QUOTE.search(text, max(0, s - 41), s - 1)
    if kind is None:
        return False
    word = kind.group(1)
    if word.isupper():
        return re.fullmatch(_KIND_ABBREVIATION, word) is not None
    return word.islower() and lx.maybe_title(word) and any(lem in lx.TITLE_NOUNS for lem in lemmas(word))


def _with_country(text: str, orgs: dict, mentions: list[Mention]) -> dict:
    """"Минэнерго России", "МИД Китая": an organization named with the country it belongs to,
    when the text writes them together (the country stays a place of its own)."""
    countries = {}
    for m in mentions:
        if m.label == "LOC":
            surface = text[m.start:m.end]
            place = gz.lookup(surface, "ru")
            if place is not None and place.kind == "country" and (surface.isupper() or any(
                    p.tag.case == "gent" for p in parses(surface.lower()))):
                countries[m.start] = (m.end, surface, place.code)
    out = {}
    for name, (s, e, aliases, ms) in orgs.items():
        named = [countries[b + 1] for a, b in ms if text[b:b + 1] == " " and b + 1 in countries]
        after = named[0] if named and len({c[2] for c in named}) == 1 else None   # МИД России and МИД Китая: neither
        if after is not None and len(name.split()) <= 4:
            full = f"{name} {after[1]}"
            first_after = countries.get(e + 1) if text[e:e + 1] == " " else None
            out[full] = (s, first_after[0] if first_after else e, [name] + aliases, ms)
        else:
            out[name] = (s, e, aliases, ms)
    return out


DATELINE_DATE_REACH = 40     # characters from a dateline's date to the agency it credits

_IN_SEAT = re.compile(r"(?<![\w-])(?:в|во)\s+([А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?)")


def _orgs_with_their_country(persons: list, orgs: dict) -> None:
    """A person's organisation as the organisation list names it when the title writes the country
    after it ("глава Минэнерго России": Минэнерго России, not Минэнерго)."""
    for p in persons:
        if not p.org:
            continue
        for full, (_s, _e, aliases, _ms) in orgs.items():
            if p.org in aliases and full.startswith(p.org + " ") and any(full in r for r in p.roles):
                p.org = full
                break


def _match_key(normal: str, groups) -> str | None:
    if normal in groups:
        return normal
    low = normal.lower().split()
    for k in groups:
        kw = k.lower().split()
        if same_phrase(normal, k):
            return k
        # "Exxon Neftegas Ltd" and "Exxon Neftegas": one Latin name extends the other
        short, long_ = (low, kw) if len(low) < len(kw) else (kw, low)
        if len(short) >= 2 and long_[:len(short)] == short and not _CYR_WORD.search(normal):
            return k
    return None


def same_phrase(a: str, b: str) -> bool:
    """Two phrases that differ only in Russian case endings, word by word ("Папа Римский" =
    "Папы Римского")."""
    wa, wb = a.lower().replace("ё", "е").split(), b.lower().replace("ё", "е").split()
    return len(wa) == len(wb) and all(_stem_eq(x, y) for x, y in zip(wa, wb))


def _stem_eq(a: str, b: str) -> bool:
    return same_word_form(a, b)


# Region nouns that adjectives in a list share: "Курской и Белгородской областей"
_SHARED_REGION_HEADS = {"область", "край", "район", "республика", "округ", "провинция", "штат", "губерния",
                        "волость", "улус", "уезд"}
_LIST_LINK = re.compile(r"\s*(?:,\s*(?:а\s+также\s+|и\s+)?|\s(?:и|или|а\s+также)\s+)")


def _shared_region_heads(text: str, ms: list[Mention]) -> dict[tuple[int, int], str]:
    """"в Курской и Белгородской областях", "Вологодскую и Архангельскую области": adjectives
    listed before one plural region noun name one region each. Returns, for each such mention,
    the region's name in the nominative singular ("Курская область", "Белгородская область")."""
    out: dict[tuple[int, int], str] = {}
    ms = sorted(ms, key=lambda m: m.start)
    for j, last in enumerate(ms):
        words = text[last.start:last.end].split()
        if len(words) != 2:
            continue
        head = next((p for p in parses(words[1].lower()) if p.tag.POS == "NOUN" and p.tag.number == "plur"
                     and p.normal_form in _SHARED_REGION_HEADS), None)
        if head is None:
            continue
        chain = [last]
        i = j - 1
        while i >= 0 and " " not in text[ms[i].start:ms[i].end].strip() \
                and _LIST_LINK.fullmatch(text, ms[i].end, chain[0].start):
            chain.insert(0, ms[i])
            i -= 1
        if len(chain) < 2:
            continue         # "Ленинградской областях" alone: a slip the nominative step keeps as is
        gender = head.tag.gender or "femn"
        noun = head.normal_form.capitalize() if words[1][:1].isupper() else head.normal_form
        for m in chain:
            adj = text[m.start:m.end].split()[0]
            form = adjective_nominative(adj, gender)
            if form is None:
                break
            out[(m.start, m.end)] = f"{form} {noun}"
        else:
            continue
        for m in chain:
            out.pop((m.start, m.end), None)      # one adjective it could not read: leave the list alone
    return out


def _locations(doc: Document, ms: list[Mention]):
    text = doc.text
    groups: dict[str, dict] = {}
    order: list[str] = []
    shared_heads = _shared_region_heads(text, ms)
    for m in ms:
        surface = " ".join(text[m.start:m.end].split())
        region = shared_heads.get((m.start, m.end))
        place = gz.lookup(region or surface, "ru")
        normal = place.native("ru") if place is not None else region or normalize_phrase(surface)
        nominative = None
        noun, _, rest = surface.partition(" ")
        if place is None and rest and any(lem in _GEO_APPOSED for lem in lemmas(noun.lower())):
            # "реку Нарву": a river's name agrees with "река" ("площади Святого Петра" does not)
            normal = nominative = f"{normalize_phrase(noun)} {normalize_phrase(rest)}"
        doc.add(MENTIONS, m.start, m.end, "LOC", normal=normal, surface=surface,
                code=place.code if place else None, place=place.key if place else None)
        key = place.key if place is not None else (_match_key(normal, {k: 1 for k in groups if not groups[k]["place"]}) or normal)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {"start": m.start, "end": m.end, "place": place, "forms": [], "mentions": []}
            order.append(key)
        nominative = nominative or region or _nominative_surface(surface, place)
        for f in (nominative, surface):
            if f not in g["forms"]:
                g["forms"].append(f)
        g["mentions"].append([m.start, m.end])
    for key in order:
        g = groups[key]
        place = g["place"]
        name = g["forms"][0]
        aliases = [f for f in g["forms"][1:]]
        if place is not None and place.native("ru") not in aliases and place.native("ru") != name:
            aliases.append(place.native("ru"))
        if place is None and _PROCESS_NAME.fullmatch(name):
            continue     # 'референдум по Брекзиту': a process, no place
        doc.add(LOCATIONS, g["start"], g["end"], name, name=name, aliases=aliases,
                code=place.code if place else None, country=place.country if place else None,
                kind=place.kind if place else None, canonical=place.name if place else None,
                mentions=g["mentions"])
    return groups


def _nominative_surface(surface: str, place) -> str:
    """The nominative of the form the text uses ('США' stays 'США', 'Китае' -> 'Китай')."""
    if place is not None:
        native = place.native("ru")
        for form in [native] + list(place.aliases.get("ru", ())):
            if form == surface and not (form != native and native and _same_word(form.lower(), native.lower())):
                return form   # (the gazetteer lists some oblique forms as names: 'Киевом' is 'Киев')
        cands = [f for f in [place.native("ru")] + list(place.aliases.get("ru", ())) if f and _stem_eq(f.lower().split()[0], surface.lower().split()[0])]
        if cands:
            return cands[0]
    return normalize_phrase(surface)


# '…, сообщает НГС', 'по данным ТАСС': the outlet that reports the event takes no part in it
_REPORTED_BY = re.compile(r"(?i)(?<![\w-])(?:сообщает|сообщают|сообщил[аио]?|передает|передаёт|пишет|пишут|"
                          r"информирует|по (?:данным|сообщению|информации)|со ссылкой на|ссылаясь на)"
                          r"[ \u00a0]+(?:(?:агентство|издание|газета|телеканал|сайт|портал)[ \u00a0]+)?[«\"„“]?$")


def _place_nominative(surface: str, place) -> str:
    """The nominative of a place as the text names it, in as many words ('Ливерпуле' ->
    'Ливерпуль', 'Финском заливе' -> 'Финский залив'; 'Камчатку' -> 'Камчатка', not the
    gazetteer's 'Камчатский край')."""
    nominative = _nominative_surface(surface, place)
    return nominative if len(nominative.split()) == len(surface.split()) else normalize_phrase(surface)


# -- roles -------------------------------------------------------------------------------------
def _roles(doc: Document, tx: _Text, mentions: list[Mention], persons: list[Person], person_at: dict[int, Person]):
    text = doc.text
    ment_by_tok = {}
    for m in mentions:
        ment_by_tok[m.start] = m
    spans = sorted((m.start, m.end, m.label) for m in mentions)
    for m in mentions:
        if m.label != "PER" or m.start not in person_at:
            continue
        p = person_at[m.start]
        before = _role_before(text, tx, m, spans)
        found = [before] if before else []
        # "сольный исполнитель, бизнесмен и актер Сергей Жуков": each title of the list is a role
        while before and len(found) < MAX_LISTED_ROLES:
            sep = _LISTED_BEFORE.search(text, tx.sentence_of(m.start)[0], before[0])
            before = _role_before(text, tx, Mention(sep.start(1), sep.start(1), "SEP"), spans) if sep else None
            if before and not _listed_title(text, before, found[0]):
                before = None
            if before:
                found.append(before)
        if not found:
            owner = next((o for o in mentions if o.label == "PER" and o.end < m.start
                          and not text[o.end:m.start].strip()), None)
            behind = _role_before(text, tx, owner, spans, holder=m) if owner is not None else None
            found = [behind] if behind else []
        if not found:
            after = _role_after(text, tx, m, spans)
            found = [after] if after else []
        for rs, re_, head_lemma in reversed(found):
            age = _AGE_BEFORE_TITLE.match(text, rs, re_)
            if age:
                rs = age.end()       # '32-летний сержант': the age describes the man, the title is 'сержант'
            age = _AGE_AFTER_TITLE.search(text, rs, re_)
            if age and age.end() == re_:
                re_ = age.start()    # 'предыдущего ректора 51-летнего Николая Васильева'
            raw = " ".join(text[rs:re_].split())
            link = _NAMED_AFTER_LINK.search(raw)
            if link and not re.search(r"[A-ZА-ЯЁ]", raw[link.end():]):
                continue     # 'настоятель собора во имя … князя Александра Невского': the saint holds no
                #              title ('ректор МГУ имени Ломоносова Виктор Садовничий' keeps his)
            cut = _SENTENCE_BREAK.search(text, rs, re_)
            if cut:          # '… Церкви и общества. На панихиде он': the title ends with its sentence
                re_ = cut.start()
                raw = " ".join(text[rs:re_].split())
            role = _rank_nominative(_acting_nominative(raw) if _ACTING.search(raw)
                                    else _title_head_nominative(raw, head_lemma) or normalize_phrase(raw))
            role = _POSSESSIVE_LEAD.sub("", role)      # 'со своим партнером по банку Джимом Меллоном'
            role = _STATE_LEAD.sub("", role)           # 'арестованного экс-главы региона': his plight, no title
            if " " not in role and (one := _singular_title(role)):
                role = one           # 'Врачи Ирина Ярцева и Сергей Токарев': each of them a 'врач'
            first = role.split()[0]
            if first[:1].isupper() and not first.isupper() and first.lower() not in lx.ROLE_CAPITALIZED:
                role = role[:1].lower() + role[1:]  # sentence-initial capital: "Президент России ..."
            org = org_as_written = None
            for s, e, label in spans:
                if rs <= s and e <= re_ and label == "ORG" and not _PROCESS_NAME.fullmatch(text[s:e].strip("«»\"“”„")):
                    org_as_written = _close_quotes(" ".join(text[s:e].split()))
                    if _KIND_PREFIX.match(org_as_written):
                        org_as_written = _quoted_after_kind(org_as_written)     # 'ОАО «Газпром»' -> 'Газпром'
                    org = normalize_phrase(org_as_written)
                    break
            if not any(same_phrase(role, r) for r in p.roles):       # "Папа Римский" = "Папы Римского"
                p.roles.append(role)
            p.role_lemmas.add(head_lemma)
            if org_as_written and not p.org:
                p.org = org_as_written        # as the role names it ("главком Военно-морского флота")
            doc.add(ROLES, rs, re_, role, person=p.name, org=org)
    for p in persons:        # 'врио' beside 'врио губернатора Хабаровского края': the fuller title says it
        p.roles = tidy_roles(p.roles)


def _title_head_nominative(raw: str, head_lemma: str) -> str | None:
    """'премьера Великобритании' -> 'премьер Великобритании': a title whose head word is also
    another noun in the nominative ('премьера', a premiere) declines as the title it was read as;
    None when the head's likeliest reading already is that title (normalize_phrase does the rest)."""
    words = raw.split()
    if words and words[0].lower() == head_lemma and head_lemma.endswith("а"):
        return raw         # 'замгендиректора РЖД': a title that does not decline, as written
    for i, w in enumerate(words[:3]):
        ps = parses(w.lower())
        title = next((p for p in ps if p.tag.POS == "NOUN" and p.normal_form == head_lemma), None)
        if title is None:
            continue
        if ps[0].normal_form == head_lemma or title.tag.case == "nomn":
            return None
        inf = title.inflect({"nomn", "sing"})
        if inf is None:
            return None
        out = list(words)
        out[i] = inf.word if w.islower() else inf.word.capitalize()
        for k in range(i):
            adj = next((p for p in parses(words[k].lower()) if p.tag.POS == "ADJF" and p.tag.case == title.tag.case), None)
            if adj is not None and (a := adj.inflect({"nomn", "sing", title.tag.gender or "masc"})) is not None:
                out[k] = a.word if words[k].islower() else a.word.capitalize()
        return " ".join(out)
    return None


_NAMED_AFTER_LINK = re.compile(r"(?<![\w-])(?:во имя|имени|им\.)(?![\w-])")
_AGE_BEFORE_TITLE = re.compile(r"(?:\d+\s?[-\u2010\u2011]?\s?)?(?<![а-яё])летн[а-яё]+\s+(?=[а-яё])")
_AGE_AFTER_TITLE = re.compile(r"\s+\d+\s?[-\u2010\u2011]?\s?летн[а-яё]+")
_SENTENCE_BREAK = re.compile(r"(?<=[а-яё»\"])\.\s+(?=[А-ЯЁ])")


# military ranks stand right before the name, in its case: 'главнокомандующего ВМФ адмирала Евменова'
_RANKS = {"адмирал", "вице-адмирал", "контр-адмирал", "генерал", "генерал-полковник", "генерал-лейтенант",
          "генерал-майор", "генерал-армии", "маршал", "полковник", "подполковник", "майор", "капитан",
          "лейтенант", "старший лейтенант", "сержант", "прапорщик", "рядовой"}


def _singular_title(word: str) -> str | None:
    """The singular of a title in the plural nominative ('врачи' -> 'врач'), else None."""
    for p in parses(word.lower())[:1]:
        if p.tag.POS == "NOUN" and p.tag.number == "plur" and p.tag.case == "nomn" and p.normal_form in lx.ROLE_HEADS:
            return p.normal_form
    return None


def _rank_nominative(role: str) -> str:
    """A title ending in a rank left in the name's case: the rank in the nominative too
    ('главнокомандующий ВМФ адмирала' -> 'главнокомандующий ВМФ адмирал')."""
    words = role.split()
    if len(words) > 1:
        rank = lemmas(words[-1].lower()) & _RANKS
        if rank and words[-1].lower() not in _RANKS:
            return " ".join(words[:-1] + [next(iter(rank))])
    return role


MAX_LISTED_ROLES = 4
# a title list's separator right before a title: ",", "и", ", а ныне" ("экс-солист X, а ныне актер")
_LISTED_BEFORE = re.compile(r"(,(?:\s*а\s+(?:сейчас|ныне|теперь))?|(?<![\w-])и)\s*$")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…»\"]\s+|\n\s*)$")
_ACTING = re.compile(r"(?i)\bисполняющ\w*\s+обязанности\b")


def _head_parses(phrase: str, head_lemma: str) -> list:
    for w in phrase.split():
        low = w.lower().strip(",.")
        low = low.split("-", 1)[1] if low.startswith(("экс-", "вице-")) else low
        ps = [x for x in parses(low) if x.normal_form == head_lemma]
        if ps:
            return ps
    return []


def _listed_title(text: str, title: tuple[int, int, str], next_to_name: tuple[int, int, str]) -> bool:
    """Is ``title``, found before a list separator, one more title of the name? It ends in a
    common noun ("бизнесмен и", "министр по делам разведки,") - not a name ("... Ледли Кинг и")
    nor an adjective ("профессор российской и европейской политики") - and its head is singular
    and can stand in the case of the title next to the name ("сменщика нынешнего премьера,
    бывший министр ... Борис Джонсон": the genitive premier is someone else)."""
    phrase = _QUOTED_NAME_END.sub("", text[title[0]:title[1]]) or text[title[0]:title[1]]
    last = phrase.split()[-1]     # of 'экс-солист группы "Руки Вверх"': 'группы' (the name is the org's)
    opens_sentence = phrase == last and _SENTENCE_OPEN.search(text, max(0, title[0] - 8), title[0]) is not None
    if not (last[:1].islower() or opens_sentence) or _is_adj(last.lower()):    # "Писатель и ..." opens one
        return False
    mine = _head_parses(phrase, title[2])
    if not mine or any(p.tag.number == "plur" for p in mine):
        return False
    theirs = {p.tag.case for p in _head_parses(text[next_to_name[0]:next_to_name[1]], next_to_name[2])}
    return not theirs or bool({p.tag.case for p in mine} & theirs)


_QUOTED_NAME_END = re.compile(r"\s*[\"«][^\"«»]{1,60}[\"»]\s*$")


def _acting_nominative(raw: str) -> str:
    """'исполняющего обязанности губернатора' -> 'исполняющий обязанности губернатора': only the
    participle inflects (the phrase's noun is its object, not its head)."""
    words = raw.split()
    for i, w in enumerate(words):
        if w.lower().startswith("исполняющ"):
            p = next((x for x in parses(w.lower()) if x.tag.POS == "PRTF"), None)
            want = {"nomn"} | ({p.tag.gender} if p is not None and p.tag.gender else set())
            inf = p.inflect(want) if p is not None else None
            if inf is not None:
                words[i] = inf.word if w[:1].islower() else inf.word.capitalize()
            break
    return " ".join(words)


def _in_mention(pos: int, spans) -> tuple[int, int, str] | None:
    for s, e, label in spans:
        if s <= pos < e:
            return (s, e, label)
        if s > pos:
            break
    return None


def _role_before(text: str, tx: _Text, m: Mention, spans, holder: Mention | None = None):
    """'заместитель председателя Совбеза РФ Дмитрий Медведев': the role right before a name.
    ``holder``: the person named right after ``m`` whose title it may be ('пресс-секретарь президента
    России Владимира Путина Дмитрий Песков': the window before Putin, in Peskov's case)."""
    i = tx.token_index(m.start) - 1
    sent_start = tx.sentence_of(m.start)[0]
    window: list[Tok] = []
    while i >= 0 and len(window) < MAX_ROLE_TOKENS:
        t = tx.tokens[i]
        if t.start < sent_start:
            break
        inm = _in_mention(t.start, spans)
        if inm and inm[2] == "PER":
            break
        if t.text == "\"" and _quotes_org(tx, i, spans):
            window.append(t)           # 'нападающий клуба "Спартак"': the quotes of an organisation's name
            i -= 1
            continue
        if t.text == ")" and not window:
            opened = _bracketed_abbreviation(tx, i, sent_start)
            if opened is not None:     # 'Президент Российского футбольного союза (РФС) Александр Дюков'
                i = opened - 1
                continue
        if t.low == "от" and window and i > 0 and _role_head(tx.tokens[i - 1], spans):
            window.append(t)           # 'эксперт от платежного провайдера Ecommpay', 'кандидат от Республиканцев'
            i -= 1
            continue
        if t.text in _CLAUSE_PUNCT or t.text in _SENT_PUNCT or t.text == "\"":
            break
        low = t.low
        if inm is None and t.text[:1].isupper() and not t.text.isupper() and low not in lx.ROLE_CAPITALIZED and i != tx.token_index(sent_start):
            # a capitalized word that is not a place/org mention or an abbreviation ends the role,
            # unless it is an adjective of the word after it ('пресс-секретарь Тартуских судов')
            if not _CYR_WORD.search(t.text) or not any(lem in lx.ROLE_HEADS for lem in lemmas(low)) and not (
                    window and window[-1].text.islower() and _adjective_word(low) and _agrees(low, window[-1].low)):
                break
        if inm is None and _CYR_WORD.search(t.text) and not t.text.isupper():
            if low == "и" and window and not _has_role_head(window, spans) and _oblique(window[-1].low):
                window.append(t)       # 'по делам Восточной Азии и Тихого океана': 'и' inside the title's complement
                i -= 1
                continue
            if low in lx.ROLE_STOP_PREPOSITIONS or low in lx.ROLE_STOP_WORDS:
                break
            if _is_verbal(low):
                break
        window.append(t)
        i -= 1
    if not window:
        return None
    window.reverse()
    head = next((k for k, t in enumerate(window) if _role_head(t, spans)), None)
    if head is None:
        return None
    if not _nominative(window[head].low) and _addressees(window[head].low):
        # "на заседании глав стран ШОС президент Владимир Путин", "рассказал журналистам глава
        # округа Николай Парфенов": the title in the nominative nearer the name is his; the
        # plural or dative one before it belongs to the event or is whom he spoke to (an
        # instrumental one is what he was made: "назначил руководителем службы ...")
        head = next((k for k in range(head + 1, len(window)) if _role_head(window[k], spans)
                     and _nominative(window[k].low)), head)
    if holder is not None:
        # the title before a name in an oblique case belongs to the person named right after it
        # when its head agrees with that person's name and not with the one in between
        own, between = _name_cases(text[holder.start:holder.end]), _name_cases(text[m.start:m.end])
        if not (own and between and "nomn" in own and "nomn" not in between
                and _head_cases(window[head].low) & own and not _head_cases(window[head].low) & between):
            return None
        cases = set()
    else:
        cases = _name_cases(text[m.start:m.end])
        verb = _VERB_AFTER_NAME.match(text, m.end)
        if cases and verb and _is_finite_verb(verb.group(1)):
            cases = set()  # 'Пресс-секретарь … Ане Лунде сообщила': a subject, whatever the dictionary reads
    if _plural_title(window[head].low) and (not cases or "gent" in cases) and not _LIST_GOES_ON.match(text, m.end) \
            and not (cases == {"nomn"} or _nominative_only_name(text[m.start:m.end])):
        return None        # 'одного из ближайших советников Путина': his advisers, no title of one person
        #                    ('один из основателей НТВ Игорь Малашенко', a name in the nominative, is one of them)
    if cases and "nomn" not in cases and not _head_cases(window[head].low) & (cases | {"ablt"}) \
            and not _ACTING_ABBREVIATION.search(text, max(0, window[head].start - 8), window[head].start):
        # "пресс-секретарь президента России Владимира Путина": the name in the genitive is not the
        # spokesman's but the president's; a title agreeing with it further on is his, else none is
        head = next((k for k in range(head + 1, len(window)) if _role_head(window[k], spans)
                     and _head_cases(window[k].low) & cases), None)
        if head is None:
            return None
    # modifiers before the head: "бывший", "генеральный", "первый" (already in the window); a
    # capitalised word opens the role (what stands before it is another sentence run in:
    # "вышел к протестующим Врио губернатора ...")
    k = head
    while k > 0 and not window[k].text[:1].isupper() and (window[k - 1].low in lx.ROLE_MODIFIERS or (
            _is_adj(window[k - 1].low) and not _in_mention(window[k - 1].start, spans)
            and _agrees(window[k - 1].low, window[k].low))):
        k -= 1
    # "(временно) исполняющий обязанности губернатора": acting, not the governor
    if k >= 2 and window[k - 1].low == "обязанности" and window[k - 2].low.startswith("исполняющ"):
        k -= 2
        j = tx.token_index(window[k].start) - 1
        if j >= 0 and tx.tokens[j].low == "временно" and tx.tokens[j].start >= sent_start:
            return tx.tokens[j].start, window[-1].end, _head_lemma(window[head])
    start = window[k].start
    return start, window[-1].end, _head_lemma(window[head])


def _bracketed_abbreviation(tx: _Text, close: int, sent_start: int) -> int | None:
    """The index of the '(' of an abbreviation in brackets ending at token ``close`` ('(РФС)', '(STF)')."""
    j = close - 1
    while j >= 0 and close - j <= 3 and tx.tokens[j].start >= sent_start:
        if tx.tokens[j].text == "(":
            inner = [tx.tokens[k].text for k in range(j + 1, close)]
            return j if inner and all(w.isupper() or w in ("-", ".") for w in inner) else None
        j -= 1
    return None


_VERB_AFTER_NAME = re.compile(r"\s+([а-яё]+)")
# what befell a person, told before the title: not part of it
_STATE_LEAD = re.compile(r"^(?:арестованн|задержанн|осужд[её]нн|обвиняем|подозреваем|скончавш|погибш|убит|похищенн|"
                         r"уволенн|отстран[её]нн|опальн|разыскиваем|пострадавш|раненн|покойн)[а-яё]*\s+(?=\S)", re.I)
_POSSESSIVE_LEAD = re.compile(r"^(?:свой|своя|своё|свое|свои|его|её|ее|их|наш|наша|ваш|ваша|мой|моя)\s+(?=\S)", re.I)
_LIST_GOES_ON = re.compile(r"\s*(?:,|и\s)\s*[А-ЯЁ]")     # 'Врачи Ирина Ярцева и Сергей Токарев'


def _nominative_only_name(surface: str) -> bool:
    """'Игорь Малашенко': a first name the dictionary reads only in the nominative."""
    if len(surface.split()) < 2:
        return False       # a surname alone: no first name to tell
    first = surface.split()[0].lower()
    ps = [p for p in parses(first) if "Name" in p.tag and p.tag.number != "plur"]
    return bool(ps) and all(p.tag.case == "nomn" for p in ps)


def _plural_title(low: str) -> bool:
    """Every reading of the title word is plural ('советников', 'врачи')."""
    ps = [p for p in parses(low) if p.tag.POS == "NOUN" and p.normal_form in lx.ROLE_HEADS]
    return bool(ps) and all(p.tag.number == "plur" for p in ps)
_ACTING_ABBREVIATION = re.compile(r"и\.\s?о\.\s*$")      # 'и. о. ректора Людмиле Линик': acting, in her case


def _name_cases(surface: str) -> set[str]:
    """The cases a person's name as written can be in: those every word the dictionary knows as a
    name allows ('Владимира Путина': genitive or accusative; 'Терезы Мэй': genitive); empty when
    unknown."""
    out: set[str] | None = None
    for w in surface.split():
        if w.endswith(".") or not _CYR_WORD.search(w) or not analyzer_known(w.lower()):
            continue       # a foreign name the dictionary only guesses at says nothing
        cs = {p.tag.case for p in parses(w.lower()) if p.tag.case and p.tag.number != "plur"   # one person
              and p.tag.case != "voct" and "Infr" not in p.tag
              and any(g in p.tag for g in ("Name", "Surn", "Patr"))}
        if not cs or {"nomn", "gent", "datv", "accs", "ablt", "loct"} <= cs:
            continue       # an indeclinable or unknown word says nothing
        out = cs if out is None else out & cs
    return out or set()


def _head_cases(low: str) -> set[str]:
    """The cases a title word can be in ('президента': genitive, accusative); none for a non-title."""
    return {p.tag.case for p in parses(low) if p.tag.case} if _role_lemma(low) else set()


def _addressees(low: str) -> bool:
    """Every reading plural or dative: 'журналистам', 'глав', 'корреспонденту'."""
    ps = parses(low)
    return bool(ps) and all(p.tag.number == "plur" or p.tag.case == "datv" for p in ps)


def _nominative(low: str) -> bool:
    return any(p.tag.case == "nomn" for p in parses(low))


def _oblique(low: str) -> bool:
    """No reading of the word is in the nominative: 'коммуникаций', 'Тихого' continue a complement,
    'первая', 'телеведущий' would start a second title."""
    ps = parses(low)
    return bool(ps) and all(p.tag.case not in ("nomn", None) for p in ps)


def _role_lemma(low: str) -> str | None:
    """The title a word is a form of: 'главы' -> 'глава'; hyphen compounds by their last part,
    'экс-губернатор' -> 'губернатор', 'фитнес-эксперт' -> 'эксперт'. A preposition is none ('после'
    is also the locative of 'посол')."""
    if low in lx.PREPOSITIONS:
        return None
    if low in lx.ROLE_HEADS:
        return low         # 'замгендиректора', 'замминистра': listed as written (pymorphy guesses another lemma)
    if lx.maybe_role(low):
        hit = next((lem for lem in lemmas(low) if lem in lx.ROLE_HEADS), None)
        if hit is not None:
            return hit
    if "-" not in low:
        return None
    tail = low.split("-", 1)[1] if low.startswith(("экс-", "вице-")) else low.rsplit("-", 1)[1]
    return next((lem for lem in lemmas(tail) if lem in lx.ROLE_HEADS), None)


def _role_head(t: Tok, spans) -> bool:
    """A title's head word outside any name: 'министр', 'главы', 'экс-губернатор'."""
    return not _in_mention(t.start, spans) and _role_lemma(t.low) is not None


def _has_role_head(window: list, spans) -> bool:
    return any(_role_head(t, spans) for t in window)


def _quotes_org(tx: _Text, i: int, spans) -> bool:
    """Is the straight quote at token ``i`` one of the pair around an organisation's name?"""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tx.tokens):
            inm = _in_mention(tx.tokens[j].start, spans)
            if inm and inm[2] == "ORG" and (inm[1] == tx.tokens[i].start or inm[0] == tx.tokens[i].end):
                return True
    return False


def _head_lemma(tok: Tok) -> str:
    return _role_lemma(tok.low)


def _role_after(text: str, tx: _Text, m: Mention, spans):
    """'Дмитрий Медведев, заместитель председателя Совбеза РФ,': an apposition after the name."""
    rest = text[m.end:m.end + 3]
    if not (rest.startswith(",") or rest.lstrip().startswith("(")):
        return None
    i = tx.token_index(m.end)
    if i >= len(tx.tokens) or tx.tokens[i].text not in ",(":
        return None
    i += 1
    first = i
    head = None
    end = None
    while i < len(tx.tokens) and i - first < MAX_APPOSITION_TOKENS:
        t = tx.tokens[i]
        if t.text in ",;:)" or t.text in _SENT_PUNCT or t.text in "—–":
            break
        inm = _in_mention(t.start, spans)
        if inm and inm[2] == "PER":
            break
        low = t.low
        if head is None:
            if inm is None and low not in lx.PREPOSITIONS and lx.maybe_role(low) and any(lem in lx.ROLE_HEADS for lem in lemmas(low)):
                head = i
            elif not (low in lx.ROLE_MODIFIERS or _is_adj(low) or inm):
                return None
        elif inm is None and _CYR_WORD.search(t.text) and _is_verbal(low):
            break
        end = t.end
        i += 1
    if head is None or end is None:
        return None
    head_lemma = next(lem for lem in lemmas(tx.tokens[head].low) if lem in lx.ROLE_HEADS)
    return tx.tokens[first].start, end, head_lemma


_VERBAL_ENDINGS = ("л", "ла", "ло", "ли", "ть", "ти", "ся", "сь", "ет", "ит", "ут", "ют", "ат", "ят", "ем", "им",
                   "ёт", "ешь", "ишь", "в", "вши", "ан", "ана", "ано", "аны", "ен", "ена", "ено", "ены", "ят", "ая", "яя")


def _is_verbal(low: str) -> bool:
    if not low.endswith(_VERBAL_ENDINGS):
        return False
    ps = parses(low)
    if not ps:
        return False
    best = ps[0]
    return best.tag.POS in ("VERB", "INFN", "GRND", "PRTS") or (best.tag.POS in ("CONJ",) and low in lx.ROLE_STOP_WORDS)


def _agrees(modifier: str, noun: str) -> bool:
    """An adjective or participle that can stand in the noun's case, number and gender ('бывший
    президент'; not 'реформу, начатую президентом': the participle belongs to 'реформу')."""
    for p in parses(modifier):
        if p.tag.POS not in ("ADJF", "PRTF"):
            continue
        for q in parses(noun):
            pg, qg = str(p.tag.gender or ""), str(q.tag.gender or "")   # grammemes compared as text
            if p.tag.case == q.tag.case and p.tag.number == q.tag.number \
                    and (str(p.tag.number) == "plur" or not pg or not qg or pg == qg or "Ms-f" in q.tag):
                return True
    return False


def _is_adj(low: str) -> bool:
    ps = parses(low)
    return bool(ps) and ps[0].tag.POS in ("ADJF", "PRTF") and ps[0].score >= 0.3


# -- quotes ------------------------------------------------------------------------------------
def _quotes(doc: Document, tx: _Text, mentions: list[Mention], persons: list[Person], person_at: dict[int, Person]):
    text = doc.text
    per_mentions = _person_mentions(text, persons, person_at)
    org_spans = [(m.start, m.end) for m in mentions if m.label in ("ORG", "LOC")]
    found: list[dict] = []
    dash_paras = []
    for a, b in doc.body_segments():
        for ds in scan_dash_speech(text, a, b):
            dash_paras.append(ds)
        raw = scan_quotes(text, a, b)
        for g in merge_continuations(raw):
            found.append({"start": g.start, "end": g.end, "open": g.open_at, "after": g.after, "dash": False})
    for ds in dash_paras:
        for ps, pe in ds.parts:
            # marks inside direct speech are the speaker's own quoting («смежниками»), or the
            # whole part in marks: either way not a second quotation
            for q in [q for q in found if ps <= q["open"] < pe]:
                found.remove(q)
        found.append({"start": ds.parts[0][0], "end": ds.parts[-1][1], "open": ds.parts[0][0] - 1,
                      "after": ds.parts[0][1], "dash": True, "attribution": ds.attribution, "parts": ds.parts})
    found.sort(key=lambda q: q["start"])
    # merge quotes split by an attribution: «…», — сказал он. — «…»
    merged: list[dict] = []
    for q in found:
        if merged and not q["dash"] and not merged[-1]["dash"]:
            prev = merged[-1]
            between = text[prev["after"]:q["open"]]
            if len(between) < ATTRIBUTION_WINDOW and re.match(r"^\s*[,.!?…]?\s*(?:[—–―-]|--)\s*[а-яё]", between) and \
                    re.search(r"[.,:]\s*(?:[—–―-]|--)?\s*$", between) and "\n" not in between and _speech_in(between) \
                    and not _has_own_attribution(text, q):
                prev["parts"] = prev.get("parts", [(prev["start"], prev["end"])]) + [(q["start"], q["end"])]
                prev["split_attr"] = (prev["after"], q["open"])
                prev["end"] = q["end"]
                prev["after2"] = q.get("after")
                continue
        merged.append(q)
    kept: list[tuple[dict, tuple]] = []
    for q in merged:
        qs, qe = q["start"], q["end"]
        content = " ".join(text[qs:qe].split())
        if not content or _is_title_quote(text, q, content, org_spans):
            continue
        who = _attribute(text, tx, q, per_mentions, persons)
        speaker, speaker_span, attr_span, how = who if who else (None, None, None, None)
        if how == "title" and speaker_span:
            _title_as_role(doc, persons, speaker, speaker_span)
        kept.append((q, (speaker, speaker_span, attr_span, how)))
    for q, (speaker, speaker_span, attr_span, how) in _without_inflected_repeats(text, kept):
        qs, qe = q["start"], q["end"]
        doc.add(QUOTES, qs, qe, "dash" if q["dash"] else "quote", speaker=speaker,
                speaker_span=list(speaker_span) if speaker_span else None,
                attribution_span=list(attr_span) if attr_span else None, how=how,
                parts=[list(p) for p in q.get("parts", [(qs, qe)])])


def _without_inflected_repeats(text: str, quotes: list[tuple[dict, tuple]]) -> list[tuple[dict, tuple]]:
    """A speaker's words quoted again in another case form (a headline's '«примитивными и
    неэффективными»' and the body's '«примитивной и неэффективной»') are one quotation: the later,
    the body's, stays."""
    out = []
    for i, (q, who) in enumerate(quotes):
        words = " ".join(text[q["start"]:q["end"]].split()).strip(".,!?…")
        if who[0] and any(w2[0] == who[0] and words != (later := " ".join(text[q2["start"]:q2["end"]].split()).strip(".,!?…"))
                          and same_phrase(words, later) for q2, w2 in quotes[i + 1:]):
            continue
        out.append((q, who))
    return out


_SPEECH_THEN_WORD = re.compile(r"(?<![\w-])([а-яё]+)\s+([а-яё][а-яё-]+)")


def _speech_titles(doc: Document, segments, persons: list[Person], person_at: dict[int, Person]) -> None:
    """Reported speech without quotation marks names its speaker by a title too ("…, - сказал
    понтифик во время проповеди"): the title is a role of the person it refers to."""
    text = doc.text
    per_mentions = _person_mentions(text, persons, person_at)
    quote_ends = [q.end for q in doc.layers.get(QUOTES, [])]
    for a, b in segments:
        for m in _SPEECH_THEN_WORD.finditer(text, a, b):
            verb, word = m.group(1), m.group(2)
            if word not in lx.ROLE_HEADS or not lemmas(verb) & lx.SPEECH_VERBS:
                continue
            if any(0 <= m.start() - e <= 8 for e in quote_ends):
                continue                  # a quote's attribution: resolved with the quote
            gender = verb_gender(verb)
            if gender not in ("masc", "femn"):
                continue
            # the title takes up the last subject named before it (nominative, same gender)
            subject = next((p for s, e, p in reversed(per_mentions)
                            if s < m.start() and m.start() - s <= SUBJECT_LOOKBACK and s in per_mentions.nom
                            and not (p.gender and p.gender != gender)), None)
            if subject is not None and not any(word in lemmas(w) for r in subject.roles for w in r.split()):
                holders = [p for p in persons if p.role_lemmas & (lemmas(word) & lx.ROLE_HEADS)]
                if not holders or holders == [subject]:
                    _title_as_role(doc, persons, subject.name, (m.start(2), m.end(2)))


_TITLE_OPENS = re.compile(r"(?:(?:Также|При этом|Кроме того|Затем|Позднее|Позже|Ранее|Однако),?\s+)?"
                          r"([А-ЯЁа-яё][а-яё-]+)(?:\s+([а-яё-]+))?\s+([а-яё]+)")


def _titles_that_speak(doc: Document, tx: _Text, persons: list[Person], person_at: dict[int, Person]) -> None:
    """A sentence opened by a title and a speech verb ("Также врио губернатора подчеркнул, что …",
    "Президент заявил …") speaks of the last person named before it in the nominative, of the
    verb's gender: the title is that person's role, unless another person holds it."""
    text = doc.text
    per_mentions = _person_mentions(text, persons, person_at)
    for ss, se in tx.sentences:
        m = _TITLE_OPENS.match(text, ss, se)
        if m is None or not lemmas(m.group(1).lower()) & lx.ROLE_HEADS:
            continue
        second, third = m.group(2), m.group(3)
        if second and lemmas(second) & lx.SPEECH_VERBS:
            verb, end = second, m.end(1)                       # "Президент заявил"
        elif second and lemmas(second) & lx.ROLE_HEADS and lemmas(third) & lx.SPEECH_VERBS:
            verb, end = third, m.end(2)                        # "врио губернатора подчеркнул"
        else:
            continue
        gender = verb_gender(verb)
        if gender not in ("masc", "femn"):
            continue
        subject = next((p for s, e, p in reversed(per_mentions)
                        if s < ss and ss - s <= SUBJECT_LOOKBACK and s in per_mentions.nom
                        and not (p.gender and p.gender != gender)), None)
        if subject is None:
            continue
        title = text[m.start(1):end]
        role = normalize_phrase(title[0].lower() + title[1:])
        holders = [p for p in persons if p.role_lemmas & (lemmas(m.group(1).lower()) & lx.ROLE_HEADS)]
        if holders and holders != [subject] or any(same_phrase(role, r) or role in r for r in subject.roles):
            continue
        subject.roles.append(role)
        doc.add(ROLES, m.start(1), end, role, person=subject.name, org=None)


_CLAUSE_END = re.compile(r"\s*(?:[.,;!?…]|$)|\s+(?:в|во|на|при|после|перед|во время|в ходе|по итогам)\s")


def _title_as_role(doc: Document, persons: list[Person], speaker: str, span) -> None:
    """A speaker named by a title ("— сказал нападающий.", "сказал понтифик во время …") holds
    that title: a title in the singular nominative that ends its noun phrase ("заявил
    пресс-секретарь Даунинг-стрит" is someone else's spokesman; "заявили врачи" are others)."""
    s, e = span
    word = doc.text[s:e]
    if not word[:1].islower() or word.lower() not in lx.ROLE_HEADS or not _CLAUSE_END.match(doc.text, e):
        return
    p = next((p for p in persons if p.name == speaker), None)
    if p is None:
        return
    role = normalize_phrase(word)
    if any(same_phrase(role, r) or role in r.split() for r in p.roles):
        return
    p.roles.append(role)
    doc.add(ROLES, s, e, role, person=p.name, org=None)


def _has_own_attribution(text: str, q: dict) -> bool:
    """A quote followed by its own '— сказал X' is a new quotation, not the rest of a split one."""
    seg = text[q["after"]:q["after"] + 60]
    m = re.match(r"^\s*[,.!?…]*\s*(?:[—–―-]+|--)\s*([а-яё]+)", seg)
    return bool(m) and bool(lemmas(m.group(1)) & lx.SPEECH_VERBS)


def _names_a_thing(words: list[str]) -> bool:
    """Is one of ``words`` a noun that names things in quotation marks (газета, вакцина, штамм …)?"""
    return any(lx.maybe_title(w) and any(lem in lx.TITLE_NOUNS for lem in lemmas(w))
               for w in (x.lower().strip(",") for x in words))


# an opening bracket, then nothing or other quoted names and commas, right before a quote
_WORKS_IN_BRACKETS = re.compile(r"\(\s*(?:[«\"“„][^«»\"“”„()]{1,60}[»\"”“]\s*,\s*)*$")


def _is_title_quote(text: str, q: dict, content: str, org_spans) -> bool:
    """Names in quotation marks («Газпром», газета «Известия») are not speech."""
    if q["dash"]:
        return False
    words = content.split()
    before = text[max(0, q["open"] - 40):q["open"]].split()
    prev = before[-1].lower().strip(",") if before else ""
    if prev in lx.PREPOSITIONS and content[:1].isupper() and len(words) <= SHORT_TITLE_WORDS \
            and not re.search(r"[.!?…]$", content):
        return True  # 'против «Северного потока-2»': a name governed by a preposition
    if prev and _names_a_thing([prev]):
        return True
    short_name = len(words) <= SHORT_TITLE_WORDS and content[:1].isupper() and not re.search(r"[.!?…,]$", content)
    if short_name and _names_a_thing(before[-4:-1]):
        return True  # 'вакцины от коронавирусной инфекции «Спутник V»': the thing's noun a few words back
    if len(words) == 1 and _names_a_thing(before[-3:-1]):
        return True  # 'штамма коронавирусной инфекции «омикрон»': a thing's name, even in lower case
    if short_name and _WORKS_IN_BRACKETS.search(text, max(0, q["open"] - 120), q["open"]):
        return True  # '(«Август Раш», «Смерти вопреки»)': works listed in brackets
    if len(words) == 1 and sum(text.count(o + content + c) for o, c in _QUOTE_PAIRS) >= 2:
        return True  # a word quoted again and again ('штамм "окмирон"' … '"окмирон" зародился') is a term
    if len(words) <= SHORT_TITLE_WORDS and content[:1].isupper() and not re.search(r"[.!?…,]$", content):
        if len(words) == 1:
            return True
        if any(s <= q["start"] and q["end"] <= e + 1 for s, e in org_spans):
            return True
    return False


_QUOTE_PAIRS = (*_CLOSER.items(), ("“", "”"))     # “…” only here: in _CLOSER “ closes „


def _speech_in(s: str) -> bool:
    return any(lx.maybe_speech(w) and lemmas(w) & lx.SPEECH_VERBS for w in re.findall(r"[а-яё]+", s.lower()))


_WORD_RE = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
_DASH = "—–―-"


# nouns for what someone said, whose owner is the genitive name after them ('слова Байдена')
_WORDS_OF = {"слова", "слов", "словах", "словами", "заявление", "заявления", "заявлении", "заявлением",
             "высказывание", "высказывания", "высказываний"}
_CLAUSE_STOP = re.compile(r"[;:!?]|(?<!(?<!\w)[А-ЯЁA-Z])\.")     # a point after an initial ends no clause


def _speaker_in(text: str, a: int, b: int, per_mentions, persons, anchor: int, prefer_last: bool = False):
    """The speaker of a speech verb in text[a:b]: the person named next to the verb ("заявил X",
    "X заявил", "по словам X"), else a pronoun ("сказал он") or a title ("сказал министр")
    resolved to the nearest compatible person before ``anchor``. -> (Person, span, how) or None."""
    words = [(a + w.start(), a + w.end(), w.group().lower()) for w in _WORD_RE.finditer(text[a:b])]
    markers = []
    for k, (s, e, w) in enumerate(words):
        if lx.maybe_speech(w) and lemmas(w) & lx.SPEECH_VERBS:
            markers.append((k, "verb"))
        elif w in ("словам", "мнению", "данным", "утверждению", "оценке") and k > 0 and words[k - 1][2] == "по":
            markers.append((k, "po"))
        elif w in ("словам", "мнению", "утверждению", "оценке") and k > 1 and words[k - 2][2] == "по" \
                and words[k - 1][2] in lx.OBLIQUE_PRONOUNS:
            markers.append((k, "po_pron"))  # 'по его словам'
        elif w in _WORDS_OF and k > 0 and words[k - 1][2] in lx.OBLIQUE_PRONOUNS:
            markers.append((k, "po_pron"))  # '«…», - приводит его слова агентство Anadolu': whose words
        elif w in _WORDS_OF and not (k > 0 and words[k - 1][2] == "по"):
            markers.append((k, "words_of"))  # 'несмотря на слова американского лидера Джо Байдена о …'
    if prefer_last:
        markers.reverse()
    pm = [(s, e, p) for s, e, p in per_mentions if a <= s and e <= b]
    for k, kind in markers:
        if kind == "po_pron":
            s, e, w = words[k - 1]
            p = _nearest_person(per_mentions, anchor, lx.OBLIQUE_PRONOUNS[w])
            if p:
                return p, (s, e), "pronoun"
            continue
        vs, ve, vw = words[k]
        gender = verb_gender(vw) if kind == "verb" else None
        plural = gender is not None and str(gender) == "plur"
        gender = gender if gender in ("masc", "femn") else None
        # right of the marker, up to the clause end
        stop, reach = b, 90
        for m in re.finditer(r"[.;:!?()]|,(?!\s*[а-яё]+\s+[А-ЯЁ])", text[ve:b]):
            nxt = _WORD_AFTER.match(text, ve + m.end())
            if m.group() == "," and nxt and _title_word(nxt.group(1)):
                reach = 200    # '- заявил наследный принц эмирата, председатель совета, шейх Хамдан …': titles listed
                continue
            stop = ve + m.start()
            break
        stop = min(stop, ve + reach)
        right = [(s, e, p) for s, e, p in pm if ve <= s < stop]
        if kind == "words_of":
            # the words are the named person's when the quote follows the name with no verb between
            # ('слова лидера Джо Байдена о праве стран «…»'; not 'высказывания Наото Кана носят «…»')
            if right and not (right[0][1] < anchor and any(_is_finite_verb(x.group().lower())
                                                           for x in _WORD_RE.finditer(text[right[0][1]:anchor]))):
                return right[0][2], right[0][:2], "name"
            r = _pronoun_or_title(words, k + 1, min(stop, words[min(k + 2, len(words) - 1)][1]), per_mentions,
                                  persons, anchor, gender, vs)
            if r and r[2] == "title" and lemmas(text[r[1][0]:r[1][1]].lower()) & r[0].role_lemmas:
                return r      # '— передает слова судьи издание': the judge the text names, his title
                #               next to the words (not 'заявление по итогам встречи глав МИД')
            continue
        if right:
            s, e, p = right[0]
            return p, (s, e), "name"
        if plural:
            continue  # 'министры … отметили': a group speaks, no one person to name
        r = _pronoun_or_title(words, k + 1, stop, per_mentions, persons, anchor, gender, vs)
        if r:
            return r
        if kind == "po":
            continue
        # left of the verb: the nearest subject-like mention in the same clause
        left_lo = a
        for mm in _CLAUSE_STOP.finditer(text, a, vs):
            left_lo = mm.end()     # an initial's point ('М. Помпео призвал') ends no clause
        left = [(s, e, p) for s, e, p in pm if left_lo <= s and e <= vs
                and (_nominative_mention(text[s:e]) or " ".join(text[s:e].split()) == p.name)]
        if left:
            s, e, p = left[-1]
            return p, (s, e), "name"
        for j in range(k - 1, -1, -1):
            s, e, w = words[j]
            if s < left_lo:
                break
            if w in lx.PRONOUNS:
                p = _nearest_person(per_mentions, anchor, lx.PRONOUNS[w] or gender)
                return (p, (s, e), "pronoun") if p else None
            if k - j <= 4 and lx.maybe_role(w) and lemmas(w) & lx.ROLE_HEADS:
                r = _resolve_title(w, s, e, per_mentions, persons, anchor, gender)
                if r:
                    return r
    return None


def _nominative_mention(surface: str) -> bool:
    surface = " ".join(surface.split())
    return normalize_name(surface) == surface and foreign_nominative(surface) == surface


def _pronoun_or_title(words, k0: int, stop: int, per_mentions, persons, anchor: int, gender, vs: int):
    for j in range(k0, len(words)):
        s, e, w = words[j]
        if s >= stop or j - k0 > 5:
            break
        if w in lx.PRONOUNS:
            p = _nearest_person(per_mentions, anchor, lx.PRONOUNS[w] or gender)
            return (p, (s, e), "pronoun") if p else None
        if lx.maybe_role(w) and lemmas(w) & lx.ROLE_HEADS:
            return _resolve_title(w, s, e, per_mentions, persons, anchor, gender)
        if w in lx.OBLIQUE_PRONOUNS and j == k0:  # "цитирует его «РИА Новости»"
            p = _nearest_person(per_mentions, anchor, lx.OBLIQUE_PRONOUNS[w] or gender)
            return (p, (s, e), "pronoun") if p else None
    return None


def _resolve_title(w: str, s: int, e: int, per_mentions, persons, anchor: int, gender):
    lems = lemmas(w) & lx.ROLE_HEADS
    holders = [p for p in persons if p.role_lemmas & lems]
    if len(holders) == 1:
        return holders[0], (s, e), "title"
    p = _nearest_person(per_mentions, anchor, gender, holders or None)
    return (p, (s, e), "title") if p else None


class _PerMentions(list):
    """Person mentions in text order; ``nom``: starts of those in the nominative (subjects)."""
    nom: set = set()


def _person_mentions(text: str, persons: list[Person], person_at: dict[int, Person]) -> _PerMentions:
    """(start, end, person) of every person mention in text order, subjects marked."""
    out = _PerMentions(sorted((s, e, person_at[s]) for p in persons for s, e in p.mentions if s in person_at))
    out.nom = {s for s, e, _ in out if _nominative_mention(text[s:e])}
    return out


def _nearest_person(per_mentions, anchor: int, gender: str | None, among=None):
    # a pronoun or title refers back to the last subject ('посол … Мельник выразил мнение, что …
    # при канцлере Шольце. По его словам …' -> Мельник), else to the last person named
    nom = getattr(per_mentions, "nom", None)
    if nom:
        for s, e, p in reversed(per_mentions):
            if s >= anchor:
                continue
            if anchor - s > SUBJECT_LOOKBACK:
                break
            if s in nom and (among is None or p in among) and not (gender and p.gender and p.gender != gender):
                return p
    for s, e, p in reversed(per_mentions):
        if s >= anchor:
            continue
        if among is not None and p not in among:
            continue
        if gender and p.gender and p.gender != gender:
            continue
        return p
    return None


# (a hyphen stands for the dash in much copy: "Спим долго, - аргументировала врач. - Из-за …")
_INNER_ATTRIBUTION = re.compile(r"[,!?…]\s*(?:[—–―]\s*|-\s+)([а-яё]+)[^«»\"\n]{0,80}?[.:]\s*(?:[—–―]\s*|-\s+)")


_DASH_THEN_WORD = re.compile(r"^\s*[,.!?…]*\s*(?:[—–―-]+|--)\s*([а-яё]+)")


def _group_speaks(seg: str) -> bool:
    """The attribution after a quote opens with a speech verb in the plural ('- заявляют
    министры', '- сообщили в МИД')."""
    m = _DASH_THEN_WORD.match(seg)
    if m is None or not lemmas(m.group(1)) & lx.SPEECH_VERBS:
        return False
    best = parses(m.group(1))[:1]
    return bool(best) and best[0].tag.POS == "VERB" and best[0].tag.number == "plur"


def _attribute(text: str, tx: _Text, q: dict, per_mentions, persons):
    qs, qe = q["start"], q["end"]
    # dash speech: its own attribution clause, else the paragraph before ending with ':'
    if q["dash"]:
        att = q.get("attribution")
        if att:
            r = _speaker_in(text, att[0], att[1], per_mentions, persons, att[0])
            if r:
                return r[0].name, r[1], att, "after" if r[2] == "name" else r[2]
        ps = text.rfind("\n", 0, q["open"])
        prev_par_end = ps
        while prev_par_end > 0 and text[prev_par_end - 1].isspace():
            prev_par_end -= 1
        if prev_par_end > 0 and text[prev_par_end - 1] == ":":
            s0 = tx.sentence_of(prev_par_end - 1)[0]
            r = _speaker_in(text, s0, prev_par_end, per_mentions, persons, s0)
            if r:
                return r[0].name, r[1], (s0, prev_par_end), "before"
        return None
    # «Текст, — отметил X. — Продолжение»: the attribution inside one pair of marks
    inner = _INNER_ATTRIBUTION.search(text, qs, qe)
    if inner and lemmas(inner.group(1).lower()) & lx.SPEECH_VERBS:
        a, b = inner.start(1), inner.end()
        r = _speaker_in(text, a, b, per_mentions, persons, qs)
        if r:
            q["parts"] = [(qs, inner.start()), (inner.end(), qe)]
            return r[0].name, r[1], (a, b - 3), "inside" if r[2] == "name" else r[2]
    # split quote / text after the closing mark: «…», — сказал X.
    after = q.get("split_attr")
    if after is None:
        a = q["after"]
        sent_end = tx.sentence_of(a)[1] if tx.sentence_of(a)[1] > a else a + ATTRIBUTION_WINDOW
        b = min(sent_end, a + ATTRIBUTION_WINDOW)
        nxt = text.find("«", a, b)
        if nxt > 0:
            b = nxt
        after = (a, b)
    seg = text[after[0]:after[1]]
    if _group_speaks(seg):
        # '«…», - заявляют также министры': a group's words, no one person's, unless it names its
        # members ('- сообщают журналисты Кэрол Кадуолладр и Питер Джукс': the first named)
        r = _speaker_in(text, after[0], after[1], per_mentions, persons, q["open"])
        return (r[0].name, r[1], after, "after") if r and r[2] == "name" else None
    if re.match(r"^\s*[,.!?…]*\s*(?:[—–―-]+|--)\s*[а-яё]", seg) or re.match(r"^\s*,\s*(?!(?:а|но|и|однако)\s)[а-яё]", seg):
        # (not '«…», а глава МИДа X отметил': a new clause with its own quotation)
        r = _speaker_in(text, after[0], after[1], per_mentions, persons, q["open"])
        if r:
            return r[0].name, r[1], after, "after" if r[2] == "name" else r[2]
    # "… «…». Об этом заявил X." — the next sentence names the speaker
    k = tx.sentence_index(qe)
    if k + 1 < len(tx.sentences):
        ns, ne = tx.sentences[k + 1]
        if re.match(r"^(Об этом|Так|Такое мнение|Такую оценку|Эти слова|Такое заявление|С (?:таким|этим) заявлением)\b",
                    text[ns:ne]):
            r = _speaker_in(text, ns, ne, per_mentions, persons, ns)
            if r:
                return r[0].name, r[1], (ns, ne), "after" if r[2] == "name" else r[2]
    # the sentence around the quote: "X заявил: «…»", "по словам X, «…»", "X назвал … «…»"
    ss, se = tx.sentence_of(q["open"] if q["open"] >= 0 else qs)
    for a, b, last in ((ss, q["open"], True), (q.get("after2") or q["after"], max(se, q["after"]), False)):
        if b <= a:
            continue
        r = _speaker_in(text, a, b, per_mentions, persons, q["open"] if a < qs else a, prefer_last=last)
        if r:
            return r[0].name, r[1], (a, b), r[2] if r[2] != "name" else ("before" if a < qs else "after")
    return None


# -- events ------------------------------------------------------------------------------------
def _events(doc: Document, tx: _Text, mentions: list[Mention], persons: list[Person]):
    text = doc.text
    ref = reference_date(doc.body, doc.published, "ru")
    years = event_years(doc.body, "ru")
    credits = [d.start for d in doc.layer("dateline") if d.label == "source"]
    seen: list[dict] = []
    mention_spans = [(m.start, m.end) for m in mentions]
    person_starts = {m.start for m in mentions if m.label == "PER"}
    # talks a person's title names ('спецпредставитель Анкары на армяно-турецких переговорах') are
    # the holder's brief, no meeting that took place
    titles = [(r.start, r.end) for r in doc.layer(ROLES)]
    for si, (ss, se) in enumerate(tx.sentences):
        sent = text[ss:se]
        for etype, rx in lx.EVENT_TRIGGERS:
            m = next((x for x in rx.finditer(sent) if _real_trigger(text, ss, x, etype, mentions)
                      and not (etype == "meeting" and any(a <= ss + x.start() and ss + x.end() <= b for a, b in titles))),
                     None)
            if not m:
                continue
            ts, te = ss + m.start(), ss + m.end()
            if etype == "agreement" and m.group(1).lower().startswith("подпис"):
                doc_word = lx.AGREEMENT_NOUN.search(text, te, min(se, te + lx.SIGNED_DOCUMENT_REACH))
                if doc_word and not _CLAUSE_BREAK.search(text, te, doc_word.start()):
                    ts, te = doc_word.span()    # 'подписали … соглашение о взаимной отмене виз': the document
            name = _event_name(text, tx, ts, te, se, mention_spans, person_starts)
            if etype == "launch":
                # the launched project's own name in quotation marks: «Башкирское долголетие»
                qn = quoted_name_near(text, ss, se, ts, te)
                if qn and (qn.start() > ts or _launched_subject(text, ss, qn.start(), m.group(1))):
                    name = qn.group(1).strip()
            modal = bool(lx.EVENT_MODAL_BEFORE.search(text[max(ss, ts - 60):ts])) \
                or bool(lx.HOPED_FOR.search(text, max(ss, ts - 40), ts))
            if (_past_trigger(m.group(1)) or _past_verb_before(text, ss, ts)) and not modal:
                planned = False  # 'была введена', 'посетил', 'заключили соглашение': told as done, whatever
                #                  else the sentence says ('центра, в котором будут проводить обучение')
            else:
                planned = bool(lx.PLANNED.search(sent)) or _future_verb(sent) or modal
            date = None
            tight = False
            for dm in sorted(find_dates(text, ss, se, lang="ru"), key=lambda d: abs(d.start - te)):
                if any(0 <= a - dm.start <= DATELINE_DATE_REACH and "\n" not in text[dm.start:a] for a in credits):
                    continue    # "МИНСК, 12 марта (БЕЛТА) - … 11 марта": the dateline dates the report, not the event
                resolved = _resolve_date(text, dm, ref, years, planned)
                if resolved and _date_next_to(text, dm, ts, te):
                    date, tight = resolved, True    # 'Соглашение 22 июля': the date the event word names
                    break
                date = date or resolved
            if etype == "agreement" and not tight and not lx.AGREEMENT_DONE.search(sent):
                continue     # 'реализуется посредством соглашения о разделе продукции': a kind of
                #              contract, no agreement signed or reached
            place = None
            place_dist = 0
            parts: list[str] = []
            for mm in mentions:
                if not (ss <= mm.start < se):
                    continue
                surface = " ".join(text[mm.start:mm.end].split())
                if mm.label == "LOC":
                    pl = gz.lookup(surface, "ru")
                    prev = text[max(ss, mm.start - 10):mm.start].lower()
                    visited = etype == "visit" and mm.start > te and not text[te:mm.start].strip()
                    if (re.search(r"\b(в|во|на)\s+$", prev) or _RESIDENTS_OF.search(prev) or visited) \
                            and _attached_to(text, ts, te, mm.start, mm.end) \
                            and (place is None or abs(mm.start - ts) < place_dist):
                        # 'посетил Камчатку': a visit's object is where it went; named as the
                        # locations layer names it ('в Ливерпуле' -> 'Ливерпуль')
                        place, place_dist = _place_nominative(surface, pl), abs(mm.start - ts)
                    if pl is not None and pl.kind == "country":
                        nm = pl.native("ru")
                        if nm not in parts:
                            parts.append(nm)
                elif mm.label == "ORG" and not _generic_body(surface) \
                        and not _REPORTED_BY.search(text, max(ss, mm.start - 40), mm.start):
                    nm = normalize_phrase(surface)
                    prev = text[max(ss, mm.start - 4):mm.start].lower()
                    if is_seat(surface) and re.search(r"\b(в|во)\s+$", prev) and place is None:
                        place, place_dist = nm, abs(mm.start - ts)     # "встреча … в Кремле": where it was held
                    elif nm not in parts:
                        parts.append(nm)
            if place is None:       # "в Кремле", "в Белом доме": the model often tags neither
                seat = next((x for x in _IN_SEAT.finditer(sent) if is_seat(x.group(1))), None)
                if seat is not None:
                    place = normalize_phrase(seat.group(1))
            for w in re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?", sent):
                for piece in w.group().lower().split("-"):
                    c = gz.country_of_adjective(piece if piece.endswith(("ий", "ой", "ая", "ое", "ые", "ого", "ой", "ому", "ым", "ом", "их", "ими", "ую")) else piece + "ий", "ru")
                    if c is not None and c.native("ru") not in parts:
                        parts.append(c.native("ru"))
            counts = _counts(sent)
            ev = {"type": etype, "name": name, "date": date, "place": place, "participants": parts,
                  "counts": counts, "planned": planned, "span": (ss, se), "trigger": (ts, te), "si": si,
                  "tight": tight}
            ev_noun = any(p.tag.POS == "NOUN" for p in parses(m.group(1).split()[0].lower())[:1])
            ev["noun"] = ev_noun
            ev["bare"] = ev_noun and " " not in name and not date  # 'Участники встречи': the event told elsewhere
            ev["pers"] = {text[mm.start:mm.end].split()[-1][:5].lower() for mm in mentions
                          if mm.label == "PER" and ss <= mm.start < se}
            ev["core"] = " ".join(name.replace(m.group(1), " ").split())
            dup = None
            if etype == "visit" and not planned:
                # 'Гости посетили пасеку': a further stop of the visit already told; the same
                # people's visit told again
                dup = next((e for e in reversed(seen) if e["type"] == "visit" and not e["planned"]
                            and (not ev["pers"] or e["pers"] & ev["pers"])), None)
            dup = dup or next((e for e in seen if e["type"] == etype and (
                (_name_overlap(e["core"], ev["core"]) if etype == "launch" else _name_overlap(e["name"], name))
                or (date and e["date"] == date)
                or (si - e["si"] <= NEARBY_SENTENCES and not (date and e["date"] and date != e["date"])))), None)
            if dup is not None:
                if not dup.get("noun") and ev_noun:
                    dup["name"], dup["noun"] = name, True
                if dup.get("bare") and not ev["bare"]:
                    dup["name"], dup["bare"] = name, False  # the event named after a bare mention
                if ev["tight"] and not dup["tight"]:
                    dup["date"], dup["tight"] = date, True    # a date read off elsewhere in its sentence gives way
                for k in ("date", "place"):
                    dup[k] = dup[k] or ev[k]
                for p in parts:
                    if p not in dup["participants"]:
                        dup["participants"].append(p)
                for k, v in counts.items():
                    dup["counts"].setdefault(k, v)
                continue
            seen.append(ev)
    # a bare 'встреча' beside a named meeting/forum of the same article is that event
    compat = {"meeting": ("forum", "meeting", "video_conference")}
    for ev in list(seen):
        if ev.get("bare") and ev["type"] in compat:
            other = next((e for e in seen if e is not ev and not e.get("bare") and not e["planned"]
                          and e["type"] in compat[ev["type"]]), None)
            if other is not None:
                for k in ("date", "place"):
                    other[k] = other[k] or ev[k]
                seen.remove(ev)
    for ev in seen:
        doc.add(EVENTS, ev["span"][0], ev["span"][1], ev["type"], name=ev["name"], date=ev["date"],
                place=ev["place"], participants=without_place(ev["participants"], ev["place"], ev["type"]), counts=ev["counts"],
                planned=ev["planned"], trigger_span=list(ev["trigger"]))


_PASSIVE_TRIGGER = re.compile(r"(?:н|на|но|ны|н(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ую|ом)|ся|сь|стартовал[аои]?|"
                              r"стартовавш[а-яё]+|заработал[аои]?)$")


def _launched_subject(text: str, ss: int, open_at: int, trigger: str) -> bool:
    """A quoted name before the launch word names what was launched only as the subject of a
    passive or intransitive verb ('«Прогресс 83» успешно стартовал', 'проект «X» был запущен'), not
    as the one that launched something ('«Динамо» презентовало форму') nor after a preposition
    ('На территории «Торбеева» будет запущена электростанция')."""
    if not _PASSIVE_TRIGGER.search(trigger.lower()):
        return False
    before = re.findall(r"[А-Яа-яЁё-]+", text[ss:open_at])[-2:]
    return not any(w.lower() in lx.PREPOSITIONS for w in before)


def _date_next_to(text: str, dm, ts: int, te: int) -> bool:
    """A date written right after the event word ('Соглашение 22 июля', 'соглашением от 11 февраля
    1945 года') or right before it."""
    return (0 <= dm.start - te <= 5 and text[te:dm.start].strip() in ("", "от")) \
        or (0 <= ts - dm.end <= 2 and not text[dm.end:ts].strip())


_WEEKDAY_BEFORE = re.compile(r"(понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа]|воскресенье)\W{1,3}$", re.I)
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресенье": 6}


_RESIDENTS_OF = re.compile(r"\bжител[а-яё]*\s+$")     # "встречи с жителями Советской Гавани"
_CLAUSE_BREAK = re.compile(r"[,;:—–()](?!\s*(?:где|куда)\b)")


def _attached_to(text: str, ts: int, te: int, ps: int, pe: int) -> bool:
    """Can the place at ps..pe be where the event at ts..te happened? A place before the event
    word must not end another clause ("о перемирии в Донбассе, достигнутых во время Нормандского
    саммита": no; "заехал в Ватикан, где удостоился аудиенции": yes)."""
    return ps > ts or not _CLAUSE_BREAK.search(text, pe, ts)


def _resolve_date(text: str, dm, ref, years, planned: bool):
    """Resolve a date; 'в воскресенье, 26 июля' without a year picks the year (among those
    the article names, and the ones next to them) on which that day is that weekday."""
    if dm.day and dm.month and not dm.year and not ref:
        m = _WEEKDAY_BEFORE.search(text[max(0, dm.start - 20):dm.start])
        if m:
            import datetime as _dt
            wd = next(v for k, v in _WEEKDAYS.items() if m.group(1).lower().startswith(k))
            cands = list(years) + [y + d for y in years for d in (-1, 1)]
            for y in dict.fromkeys(cands):
                try:
                    if _dt.date(y, dm.month, dm.day).weekday() == wd:
                        return f"{y:04d}-{dm.month:02d}-{dm.day:02d}"
                except ValueError:
                    continue
    return resolve(dm, ref, years, future=planned)


_WORDS_BEFORE = re.compile(r"([А-Яа-яЁё-]+)\s+(?:([А-Яа-яЁё-]+)\s+)?$")
_FUTURE_AUXILIARY = re.compile(r"(?i)(?<![\w-])(?:будет|будут|буду|будем)\s+$")


def _past_verb_before(text: str, ss: int, ts: int) -> bool:
    """A past-tense verb right before the event noun, or before one adjective of it ('заключили
    соглашение', 'провел рабочую встречу'): the event is told as done."""
    m = _WORDS_BEFORE.search(text, max(ss, ts - 40), ts)
    if m is None:
        return False
    words = [(m.start(1), m.group(1))] + ([(m.start(2), m.group(2))] if m.group(2) else [])
    if len(words) == 2 and not _is_adj(words[1][1].lower()):
        words = words[1:]
    at, word = words[0]
    # ('будут организованы встречи', 'будут посвящены переговоры': a participle after 'будут' is future)
    return _past_trigger(word) and not _FUTURE_AUXILIARY.search(text, max(ss, at - 12), at)


def _past_trigger(trigger: str) -> bool:
    w = trigger.split()[0].lower()
    for p in parses(w)[:1]:
        if p.tag.POS in ("VERB", "PRTF", "PRTS") and p.tag.tense == "past":
            return True
    return False


_SCORE = re.compile(r"(?i)(?<![\w-])со\s+сч[её]том\b")
_LEAGUE_SIDE = re.compile(r"(?i)(?:западн|восточн)\w*\s+$")
_MEET_PARTICIPLE = re.compile(r"(?i)встреча(?:ющ|ем|вш|ется|ются)")
_BODY_CONGRESS = re.compile(r"(?i)(?:\bс\s+конгресс\w*|конгресс\w*\s+США)")
_TERMS_BEFORE = re.compile(r"(?i)(?:пользовательск\w*|лицензионн\w*|\bпо)\s+$")
_MEET_HALFWAY = re.compile(r"(?i)(?:пош[её]л|пошл[аио]|ид[ёу]т|идти|пойти|идут|шли)\s+на\s+$")
_ENCOUNTER = re.compile(r"\w*\s+(?:(?:никакого|никакой|никаких|[а-яё]+(?:ого|его|ое|ее|ую|юю|ых|их))\s+)?"
                        r"(?:сопротивлени|поддержк|понимани|возражени|препятстви|противодействи|симпати|критик|"
                        r"одобрени|оваци|аплодисмент|восторг|недоумени|протест)")


_GENERIC_PLURAL_MEETING = re.compile(r"(?:встреч|заседани|совещани)(?:ах|ях|ами|ями|ам|ям)")
_NOT_BEFORE = re.compile(r"(?i)(?<![\w-])не\s+$")
_MATCH_WORD = re.compile(r"(?i)(?<![\w-])(?:матч\w*|турнир\w*|чемпионат\w*|плей-офф|финал\w*|полуфинал\w*|"
                         r"четвертьфинал\w*|сыграют|сыграет|игр[аеуы] (?:тура|сезона))(?![\w-])")
_MET_SOMEONE = re.compile(r"(?i)встре(?:чал[аи]?|чать|чает|чают|тил[аи]?|тить|тит|тят)")   # not 'встретился с'
_WITH_NEXT = re.compile(r"\s+(?:с|со)\s", re.I)
# what makes a link by video a conference: a gathering or a verb of holding or taking part in one
_HELD_BY_VIDEO = re.compile(r"(?i)(?<![\w-])(?:совещани|заседани|встреч|переговор|конференц|саммит|форум|брифинг|"
                            r"провел|провёл|провела|провели|прош[её]л|прошла|прошли|состоял|прин(?:ял|яла|яли)\s+участие|"
                            r"выступил|выступила|обратил|пообщал|поздравил|беседова|переговорил|режиме)")


def _real_trigger(text: str, ss: int, m: re.Match, etype: str, mentions: list[Mention]) -> bool:
    """Not an event word: 'визит-центр', 'пресс-конференция', 'Конгресс США' (a body)."""
    ts, te = ss + m.start(1), ss + m.end(1)
    if text[te:te + 1] == "-" and etype != "forum" and " " not in m.group(1):
        return False      # 'визит-центр' (not 'прибыл в Санкт-Петербург', whose place has a hyphen)
    first = m.group(1).split()[0].lower()
    best = parses(first)[:1]
    if best and best[0].tag.POS == "INFN" and best[0].tag.aspect == "impf" and etype != "agreement":
        return False  # 'запускать двигатели', 'встречаться с чиновниками': a habit or a wish, no event
    if etype == "launch" and best and best[0].tag.POS == "PRTF" \
            and not quoted_name_near(text, ss, ss + len(m.string), ts, te):
        return False  # 'Аэробус А310, введенный в эксплуатацию в 1983 году': the thing's history (a
        #               project named in quotation marks, 'проект «…», запущенный осенью', stays)
    if etype == "launch" and first.startswith("презентаци") and not _presented_thing_after(text, te):
        return False  # 'по ходу презентации': a talk, not the presentation of a product
    if etype == "meeting" and _GENERIC_PLURAL_MEETING.fullmatch(first):
        return False  # 'участвовал в заседаниях управы': meetings in general
    if _NOT_BEFORE.search(text, max(0, ts - 4), ts):
        return False  # 'так и не посетил', 'не встретился': nothing that happened
    if text[max(0, ts - 6):ts].lower().endswith(("пресс-", "пресс ")):
        return False
    if etype == "forum" and text[ts:ts + 1] == "К" and m.group(1).lower().startswith("конгресс"):
        return False  # Конгресс (США) is a legislature; congresses are 'съезд'/'конгресс' in lower case
    if etype == "forum" and _LEAGUE_SIDE.search(text, max(0, ts - 12), ts):
        return False  # 'Западной конференции': a league's half, not a gathering
    if etype == "meeting" and (_MEET_HALFWAY.search(text, max(0, ts - 12), ts)
                               or _ENCOUNTER.match(text, te) or _MEET_PARTICIPLE.match(m.group(1))):
        return False  # 'пошло на встречу' (obliged), 'не встречал сопротивления' (met with), 'часто встречающихся'
    if etype == "forum" and m.group(1).lower().startswith("конгресс") and _BODY_CONGRESS.search(text, max(0, ts - 3), te + 5):
        return False  # 'сотрудничество с конгрессом', 'конгресса США': the legislature
    if etype == "agreement" and _TERMS_BEFORE.search(text, max(0, ts - 20), ts):
        return False  # 'пользовательским соглашением' (terms of use), 'по договору гонорар' (under the contract)
    stop = text.find(".", te)
    if etype == "meeting" and _SCORE.search(text, ts, stop if stop >= 0 else len(text)):
        return False  # 'Встреча в Череповце завершилась со счетом 4:3': a match
    if etype == "meeting" and _MATCH_WORD.search(text, ss, stop if stop >= 0 else len(text)):
        return False  # 'В матче за трофей встретятся «Реал» и «Аль-Хиляль»': teams meet on the field
    if etype == "video_conference" and m.group(1).lower().startswith("видеосвяз") \
            and not _HELD_BY_VIDEO.search(text, ss, stop if stop >= 0 else len(text)):
        return False  # 'звонить знакомым по видеосвязи': a way of calling, no conference held
    if etype == "meeting" and _MET_SOMEONE.fullmatch(m.group(1)) and not _WITH_NEXT.match(text, te) \
            and not any(mm.label in ("PER", "ORG") and te < mm.start <= te + 40 for mm in mentions):
        return False  # 'мы встречали недовольных местных': came across, no meeting of parties
    if any(mm.label == "ORG" and mm.start <= ts and te <= mm.end for mm in mentions):
        # a named forum tagged ORG is still a forum; 'Совет Федерации', 'Конгресса США' are bodies
        return etype == "forum" and text[ts:ts + 1].isupper() and any(
            mm.label == "ORG" and mm.start <= ts and mm.end <= te + 2 for mm in mentions)
    return True


def _presented_thing_after(text: str, te: int) -> bool:
    """'презентация нового смартфона', 'презентации «Москвича»': what is presented follows the word."""
    nxt = re.match(r"[ \u00a0]+([«\"„“]|[А-Яа-яЁё-]+)", text[te:te + 40])
    if nxt is None:
        return False
    word = nxt.group(1)
    return word in "«\"„“" or any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word.lower()))


def _name_overlap(a: str, b: str) -> bool:
    wa = {w[:5] for w in a.lower().split() if len(w) > 3}
    wb = {w[:5] for w in b.lower().split() if len(w) > 3}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _starts_mention(pos: int, starts) -> bool:
    return any(s <= pos < e for s, e in starts)


def _nominative_only(low: str) -> bool:
    """A word every reading of which is nominative (or the accusative like it): no genitive name
    that a trigger governs ('переговоры Путина')."""
    cases = {p.tag.case for p in parses(low)}
    return bool(cases) and cases <= {"nomn", "accs", None}


def _event_name(text: str, tx: _Text, ts: int, te: int, se: int, mention_starts=(), person_starts=()) -> str:
    """The trigger with the adjectives before it and a few complement words after it
    ('встречи с жителями Советской Гавани', 'Нормандского саммита'); a name in the nominative
    right after the trigger is not its complement."""
    i = tx.token_index(ts)
    j = i
    while j < len(tx.tokens) and tx.tokens[j].start < te:
        j += 1
    sent_start = tx.sentence_of(ts)[0]
    k = i
    while k > 0 and k > i - 4 and tx.tokens[k - 1].start >= sent_start:
        prev = tx.tokens[k - 1]
        if re.fullmatch(r"\d+-?[а-я]*|[IVX]+", prev.text) or (_is_adj(prev.low) and not _is_surname(prev.low)
                                                                and _agrees(prev.low, tx.tokens[i].low)
                                                                and not (prev.text[:1].isupper() and k - 1 == tx.token_index(sent_start))):
            k -= 1
        else:
            break
    end = j
    preps = 0
    prev_ok = True
    noun_trigger = any(p.tag.POS == "NOUN" for p in parses(tx.tokens[i].low)[:1])
    marks = 0        # quotation marks are no words of the tail ('переговоры «нормандской четверки» по Украине')
    while end < len(tx.tokens) and end < j + lx.EVENT_NAME_TAIL + marks and tx.tokens[end].end <= se:
        t = tx.tokens[end]
        if t.text in _QUOTE_MARKS:
            marks += 1
        if t.text in _CLAUSE_PUNCT or t.text in _SENT_PUNCT or t.text[:1].isdigit() or _is_verbal(t.low) \
                or t.low in lx.EVENT_NAME_STOP or t.low.startswith("котор") or _is_finite_verb(t.low):
            break     # 'заседания которого проходят', 'переговоров по Брекситу читайте'
        before = tx.tokens[end - 1]
        if noun_trigger and before.low not in lx.EVENT_NAME_PREPOSITIONS and before.text not in "«\"„“-–—" \
                and _CYR_WORD.search(t.text) and not _starts_mention(t.start, mention_starts) and _nominative_noun(t.low):
            break     # 'на длительных переговорах компромисс', '… с единой Европой Лондон': a new clause's subject
        in_mention = _starts_mention(t.start, mention_starts)
        if end == j and t.start in person_starts and _nominative_only(t.low):
            break     # "спецпредставитель на армяно-турецких переговорах Сердар Кылыч": the title's bearer
        if t.low in lx.EVENT_NAME_PREPOSITIONS:
            preps += 1
            nxt = tx.tokens[end + 1] if end + 1 < len(tx.tokens) else None
            nxt2 = tx.tokens[end + 2] if end + 2 < len(tx.tokens) else None
            named_place = nxt2 is not None and (nxt2.text[:1].isupper() or nxt2.text in "«\"„“")
            if preps > 1 or nxt is None or (t.low in ("в", "во", "на") and nxt.text[:1].islower() and not named_place):
                break
            prev_ok = True
        elif t.text[:1].isupper() and not in_mention:
            if not prev_ok:
                break
        else:
            prev_ok = in_mention is False and t.text[:1].islower() and False
        if t.text[:1].isupper():
            prev_ok = not in_mention
        end += 1
    while end > j and (tx.tokens[end - 1].low in lx.EVENT_NAME_PREPOSITIONS
                       or _bare_adjective(tx.tokens[end - 1].low)
                       or tx.tokens[end - 1].text.islower() and _bare_adverb(tx.tokens[end - 1].low)):
        end -= 1     # the tail ran out before its noun ('переговоры глав МИД двух стран по', 'подписал
        #              с «Эхом Москвы» новый трудовой')
    s = tx.tokens[k].start
    e = tx.tokens[end - 1].end if end > i else te
    return " ".join(re.sub(r"[«»\"„“”]", " ", text[s:e]).split()).strip(" .,")


def _bare_adjective(low: str) -> bool:
    """An adjective in every reading and no pronoun ('трудовой', not 'учёными' or 'всеми')."""
    ps = parses(low)
    return bool(ps) and all(p.tag.POS == "ADJF" and "Apro" not in p.tag for p in ps)


def _bare_adverb(low: str) -> bool:
    """An adverb or particle by its best reading ('почти', 'уже', 'также'): no event name ends on one."""
    ps = parses(low)
    return bool(ps) and ps[0].tag.POS in ("ADVB", "PRCL", "CONJ")


_QUOTE_MARKS = set("«»\"„“”")


def _is_finite_verb(low: str) -> bool:
    """'читайте', 'проходят': a verb form (the best reading), which no event name holds."""
    ps = parses(low)
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN") and ps[0].score >= 0.5


def _nominative_noun(low: str) -> bool:
    """A noun every reading of which is nominative (or its like accusative), known to the
    dictionary: after an oblique trigger it opens a new phrase."""
    ps = parses(low)
    return bool(ps) and analyzer_known(low) and all(p.tag.POS == "NOUN" for p in ps) and _nominative_only(low)


def _is_surname(low: str) -> bool:
    return any("Surn" in p.tag for p in parses(low))


_FUTURE_CANDIDATE = re.compile(r"[а-яё]+(?:ет|ит|ут|ют|ят|ат|ем|им|ешь|ишь)\b")


def _future_verb(sent: str) -> bool:
    for w in _FUTURE_CANDIDATE.findall(sent.lower()):
        for p in parses(w)[:1]:
            if p.tag.POS == "VERB" and p.tag.tense == "futr":
                return True
    return False


_YEAR_NUMBER = re.compile(r"\s*(?:19|20)\d\d\s+(?:год|г\.)")     # "10 февраля 2023 года": a year, not a count


def _counts(sent: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for rx, kind in lx.COUNT_PATTERNS:
        for m in rx.finditer(sent):      # the first match whose number is one ("участие 300 …": not "участие")
            if kind in out or _YEAR_NUMBER.match(sent, m.start("num")):
                continue
            n = lx.parse_ru_number(m.group("num"))
            if n:
                out[kind] = n
    return out


