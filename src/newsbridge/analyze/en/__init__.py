"""The English analyzer: mentions, persons with roles, organisations, places, quotes, events.

    from newsbridge.analyze.en import analyze_en
    analyze_en(doc)   # adds the understanding layers (see COMMON layer contract)

Only body text is analysed (spans in the ``boilerplate`` layer are skipped). NER uses spaCy's
small English model when it is installed (``pip install newsbridge[models]``) and rules over
news grammar plus the place gazetteer otherwise; everything after NER is rules.
"""
from __future__ import annotations

import re
import string
from collections import Counter

from ...model import (EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES, ROLES, Document)
from ..common.abbreviations import abbreviation_pairs
from ..common.given_names import given_name_gender, is_given_name
from ..common.titles import tidy_roles
from ..gazetteer import country_of_adjective
from ..common.bodies import is_body, trim_slash, web_name
from ..common.dates import event_years, reference_date
from ..common.participants import without_place
from ..common.quotes import scan_quotes
from ..common.sentences import split_paragraphs, split_sentences
from ..registry import register_analyzer
from .events import find_events
from ...crossscript import known_agency
from .ner import Mention, find_mentions, is_role_word, lookup_place, set_spacy_enabled
from . import lexicon as lx
from .people import Person, assign_roles, build_persons
from .quotes import find_quotes, speech_titles

__all__ = ["analyze_en", "set_spacy_enabled"]

VERSION = "130"   # 2: titles by commas, event years; 3: a speaker's title as role; 4: titles around names, datelines, headlines; 5: known organisations; 6: titles in reported speech; 7: outlets, storms, plural titles; 8: wished events planned, league conferences; 9: "of the company X" names the org, "now" joins titles; 10: a name tagged ORG with a title apposed is a person; 11: a titled speaker at the end of a body span; 12: abbreviations of things (UAV, SMBs) are no bodies; 13: professions as titles; 14: no visit to a website, no meeting in an audience of listeners; 15: demonyms, capitalised common words, titles by commas over a model's body or work, possessive titles, sports scores, target years, US states; 16: bodies named with a given name are persons; 17: sentence openers cut from names, advice is no event; 18: the next person's title in a list is not one's own; 19: places named with a given name are persons; 20: a name modifying a noun after "in the" stays a person; 21: a run-in headline only before the first sentence end; 22: unknown places listed with bodies are bodies; 23: a city run into a person splits; 24: one-word persons spelled like Russian towns are places; 25: plural teams after "the", abbreviations are no persons; 26: a title that speaks after an adverb; 27: a body span over commas is a list; 28: an abbreviation joins its body whatever the order; 29: degrees and their fields are no bodies; 30: a bare geographic word goes on with its of-name; 31: ships are no persons, places or bodies; 32: a known place listed with places is a place; 33: given names of the US Census and European locales; 34: towns from 30,000 in the home countries; 35: Russian federal services by name; 36: a body named with its country either way is one; 37: dateline city.agency, products with numbers, scope adjectives; 38: list mates of a labelling word, sports clubs; 39: towns on a route, Russian titles named like persons; 40: event names end before a verb, a pronoun or a purpose; 41: a surname spelled like a town is the person named in full; 42: a body, a lower-case title and a person in one span split; 43: ships named in two words, Petersburg; 44: a name modifying a noun is not who "he" is; 45: a statement of its own after a quote does not attribute it; 46: a gerund section head run into a name is cut; 47: capitalised titles are no bodies; 48: the kind a text gives a name outweighs the model, names modifying a product noun; 49: a place after the event word qualifies a participant; 50: the reporting outlet is no participant; 51: what the text says a name is wins the vote, genders of given names from the name lists; 52: a name qualifying a noun after "the" is no place; 53: European Commission and Parliament are bodies; 54: a given name stranded before its surname joins it; 55: a town run into a person splits off, a known person named in part is no body, editors' notes and letters are no persons; 56: a nationality before a given name is no part of the name, a transcript's stage directions are no names; 57: the place a visit went to, or named alone, is no participant; 58: a nationality dangling at a body's end is cut; 59: names before "and other websites" are of that kind, comma lists of three make persons bodies; 60: a title speaks for the person whose words were just reported; 61: a long title set off by a comma before the speaker; 62: a word read as often a person as otherwise is no person unless named so or speaking, "played for X" names a club; 63: "et al" cut off a name; 64: an event name ends where a run-in sentence begins; 65: invitations, negations, reactions and arenas are no events; 66: a name before the kind of business it names is that business; 67: given names ending like abstract nouns stay in names; 68: "he" is the subject, not the owner named after it; 69: streaming services and marketplaces are companies; 70: Brexit is no place; 71: a given name the model left out before a surname it read as a place or body; 72: abbreviations of things are no places; 73: a headline run into a name is cut at "The", barristers and solicitors are titles; 74: a person ending a body's span of something splits off; 75: a Secretary of State's portfolio is no body; 76: a dateline's city is a place, streets and San- towns are places, no slash at a name's edge, a country alone is no person; 77: names listed after a kind of place are places, no dangling quote mark ends a title; 78: event names without a time of day or a span of time, a conference call is a remote meeting; 79: a quote before goes to the name right before the speech verb, "X said: \"…\"" after a quote is a statement of its own; 80: "he"/"she" prefer a person of known gender to a one-word name of none; 81: a title for another person is not that person's, it goes to the one set off by commas; 82: the end of a listed portfolio is no body; 83: no name ends with a particle (von der Leyen), Drive ends a street, a street named short is the street; 84: German street names are places, a lower-case 'major' is no rank, no name ends with a preposition; 85: a title for a name is not that name's, a title right before the next titled name is that one's, honorifics between a title and a name skipped; 86: chefs, supervisors, the Taoiseach and Tanaiste are titles, Prof is no part of a name; 87: a reception, the Met Gala and 'your visit' are no events; 88: quays, wharves, terraces, crescents and promenades are streets; 89: a common noun's plural the text writes in lower case is no person; 90: a given name alone is a sure person for he/she, a lower-case post after 'for' stays the title; 91: offices of state and contact groups in lower case are bodies; 92: an event name cut by the word limit runs on to its phrase's end; 93: launch vehicles and dates are no launches, a meeting in a match report no meeting; 94: a town naming a treaty or format is no place; 95: negotiations are talks, a sentence's first word no title, a past tense after a plural noun ends an event name, visits to counted places; 96: a one-word person that is each time a capitalised phrase's tail is no one; 97: a place in a title's portfolio is no place; 98: a speaker's title of plain nouns before the name; 99: a name beside platforms is none, after 'river' a place; 100: a word the text writes in lower case in the plural is no name; 101: a town named like a person's first name, no preposition before it, is no place; 102: the field of a candidate's or doctor's degree is no body; 103: model designations are no bodies; 104: outlets named like a web address whole; 105: an attribution inside the marks between dashes; 106: a name after "province of", "state of", "port of" is a place; 107: weapons named like persons; 108: virus variants are no entities; 109: providers and insurers name businesses; 110: a name with a legal form is a company; 111: towns a player played for are clubs, list mates too; 112: an acronym the model left out keeps a list of bodies going; 113: a call by video link is a conference only when one is held; 114: more openers of a run-in lead; 115: a sentence opened by the title set off before the name, research associates, a nationality opening an apposition; 116: a body's title with its field before the name; 117: the title a name is set off against by commas, plain words before an apposed title, "Ambassador to X", hyphenated ranks; 118: a title after a quote names the one person named so far; 119: roadsteads are places, the Red Cross and Red Crescent bodies; 120: names ending in an event or thing word are no persons; 121: names listed after a plural kind and a dash; 122: a name a title sets off outvotes the model, the addressee of a message is no speaker; 123: craft named before their kind or with a model number are no bodies; 124: followers and planets are no bodies, a name before a place noun a place, a lower-case title before a body reading makes a person, hyphenated surnames person-shaped; 125: a town or a one-word person before a player's position is his club, more positions as titles; 126: a side in a match is a club, without the score; 127: more headlines run into the lead split (an article or preposition before a capital, 'A' before a lower-case word, a decimal point no stop); 128: talks a person's title names are no meeting; 129: 'the town/port/province of X' says what X is in every mention; 130: settlements, villages and townships after a name are among the place nouns
# boilerplate lines that still name people and organisations a reader would list (photo credits,
# the disclaimer naming the distributor); no quotes or events are read from them
CREDIT_KINDS = {"photo_credit", "credit", "byline", "disclaimer"}
_LEGAL_FORM_EDGE = re.compile(r"^(?:JSC|OJSC|PJSC|CJSC|LLC|OOO|OAO|PAO|ZAO)\s+\S|\S\s+(?:JSC|OJSC|PJSC|CJSC|LLC|Ltd|Inc|PLC|GmbH|Corp)\.?$")
_CORP_SUFFIX = re.compile(r"[\s,]+(?:Ltd|Inc|LLC|PLC|Corp|Co|JSC|OJSC|PJSC|AG|GmbH|SA|NV)\.?$", re.I)


def body_paragraphs(doc: Document) -> list[tuple[int, int]]:
    paras = []
    for s, e in doc.body_segments():
        paras.extend(split_paragraphs(doc.text, s, e))
    return paras


@register_analyzer("en", version=VERSION)
def analyze_en(doc: Document) -> None:
    text = doc.text
    paras = body_paragraphs(doc)
    quotes_all = []
    for ps, pe in paras:
        quotes_all.extend(scan_quotes(text, ps, pe))
    protect = [(q.open_at, q.end + 1) for q in quotes_all if q.depth == 0]
    sentences = []
    for ps, pe in paras:
        sentences.extend(split_sentences(text, ps, pe, protect=protect))
    credits = [(b.start, b.end, b.label) for b in doc.layer("boilerplate") if b.label in CREDIT_KINDS]
    mentions = _bodies_and_slashes(text, find_mentions(text, paras, sentences, extra=credits))
    dateline = doc.layer("dateline")
    mentions = _cut_at_dateline(text, mentions, [(d.start, d.end) for d in dateline if d.label != "place"])
    mentions = _dateline_place(text, mentions, [(d.start, d.end) for d in dateline if d.label == "place"])
    mentions = _drop_common_words_as_names(text, mentions)
    mentions = _titles_are_no_bodies(text, _one_word_names(text, mentions))
    people = build_persons(text, mentions)
    assign_roles(text, people, mentions, sentences)
    for p in people:
        p.roles = tidy_roles(p.roles)
    orgs = _group_orgs(text, [m for m in mentions if m.label == "ORG"])
    locs = _group_locs(text, [m for m in mentions if m.label == "LOC" and not _in_portfolio(text, m)])
    org_name = {}
    for o in orgs:
        for m in o["mentions"]:
            org_name[" ".join(text[m.start:m.end].split())] = o["name"]

    # mentions layer
    for m in mentions:
        surface = " ".join(text[m.start:m.end].split())
        doc.add(MENTIONS, m.start, m.end, m.label, normal=surface, surface=text[m.start:m.end])
    # quotes first: "…," said the forward gives the speaker the title as a role
    hits = find_quotes(text, paras, sentences, people, mentions)
    speech_titles(text, paras, people, [(h.start, h.end) for h in hits])
    speakers = {id(h.person) for h in hits}
    people = [p for p in people if id(p) in speakers or not _fragment_of_a_phrase(text, p)]
    # persons + roles
    pidx = {}
    for i, p in enumerate(people):
        first = p.mentions[0]
        fullest = max(p.mentions, key=lambda m: (m.end - m.start, -m.start))
        span = fullest if " ".join(text[fullest.start:fullest.end].split()) == p.name else first
        org = p.org
        org = org_name.get(org, org) if org else None
        doc.add(PERSONS, span.start, span.end, "PER", name=p.name, aliases=list(p.aliases), roles=list(p.roles),
                org=org, key=_key(p.name), mentions=[[m.start, m.end] for m in p.mentions])
        for m in p.mentions:
            pidx[(m.start, m.end)] = i
        for s, e, role, rorg in p.role_spans:
            doc.add(ROLES, s, e, role, person=p.name, org=org_name.get(rorg, rorg) if rorg else None)
    for o in orgs:
        m0 = o["mentions"][0]
        doc.add(ORGANIZATIONS, m0.start, m0.end, "ORG", name=o["name"], aliases=o["aliases"],
                mentions=[[m.start, m.end] for m in o["mentions"]])
    for loc in locs:
        m0 = loc["mentions"][0]
        doc.add(LOCATIONS, m0.start, m0.end, "LOC", name=loc["name"], aliases=loc["aliases"], code=loc["code"],
                canonical=loc["canonical"], mentions=[[m.start, m.end] for m in loc["mentions"]])
    # quotes (found above, before the persons layer was written)
    for h in hits:
        doc.add(QUOTES, h.start, h.end, "quote", speaker=h.person.name,
                speaker_span=list(h.speaker_span) if h.speaker_span else None,
                attribution_span=list(h.attribution_span) if h.attribution_span else None,
                how=h.how, parts=[list(p) for p in h.parts])
    # events
    ref = reference_date(text, doc.published, "en")
    years = event_years(text, "en")
    # the agency a dateline credits ("MOSCOW, Dec. 2 (Xinhua) --") reports the event, it takes no part in it
    credit = [(d.start, d.end) for d in dateline if d.label == "source"]
    actors = [m for m in mentions if not any(a < m.end and m.start < b for a, b in credit)] if credit else mentions
    titles = [(s, e) for p in people for s, e, _, _ in p.role_spans]
    events = find_events(text, sentences, actors, pidx, protect, ref, years, titles)
    for ev in events:
        m0 = ev.mentions[0]
        if m0.type == "counts":
            m0 = next((x for x in ev.mentions if x.type != "counts"), m0)
        s, e = m0.sent
        doc.add(EVENTS, s, e, ev.type, name=ev.name, date=ev.date, place=ev.place,
                participants=without_place(ev.participants, ev.place, ev.type), counts=dict(ev.counts), planned=ev.planned,
                trigger_span=[m0.start, m0.end],
                mentions=[[x.start, x.end] for x in ev.mentions if x.type != "counts"])


# a title's portfolio: 'assistant secretary of state for East Asia and Pacific Affairs', 'Minister for
# European Affairs'
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2})?$")
_AFFAIRS_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,2}(?:\s+and(?:\s+the)?(?:\s+[A-Z][\w-]*){1,3})?\s+[Aa]ffairs\b")


def _in_portfolio(text: str, m: Mention) -> bool:
    """A place named in a title's portfolio ('… for East Asia and Pacific Affairs') is part of the
    title, not a place the text is about (one named elsewhere stays)."""
    return bool(_FOR_BEFORE.search(text, max(0, m.start - 60), m.start)) and bool(_AFFAIRS_AFTER.match(text, m.end))


_SAYS_AFTER = re.compile(r"['’]?s?\s+(?:said|says|told|added|noted|stressed|wrote|explained|stated|insisted)\b")


_CAPITALISED_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+)(?: of)? $")
# words before a capitalised word that start a sentence or a phrase, not a longer name
_PHRASE_OPENERS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
               "today", "yesterday", "earlier", "later", "then", "now", "meanwhile", "also", "but", "and", "as",
               "when", "while", "after", "before", "since", "if", "so", "yet", "still", "here", "there",
               "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "by", "with", "from",
               "to", "of", "like", "unlike", "under", "over", "about", "against", "without", "during"}


def _fragment_of_a_phrase(text: str, p: Person) -> bool:
    """A 'person' named by one word only, each time right after another capitalised word that is
    no title, honorific, time word or article ('State Award laureate', 'the Big Bang', 'Doctor of
    Medicine'): the tail of a longer capitalised name, no one, unless it speaks, holds a title (a
    title before it is a role: 'Coach Smith') or is a given name."""
    if " " in p.name or p.roles or is_given_name(p.name) or given_name_gender(p.name) is not None \
            or not p.name[1:].islower():
        return False
    for m in p.mentions:
        before = _CAPITALISED_BEFORE.search(text, max(0, m.start - 30), m.start)
        if before is None or "\n" in text[before.start():m.start]:
            return False
        word = before.group(1).lower()
        if word in _PHRASE_OPENERS or _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start) \
                or _SAYS_AFTER.match(text, m.end):
            return False
    return True


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord)\.?\s+$")


def _full_name_ends(text: str, mentions: list[Mention]) -> set[str]:
    """The first and last words of the persons the text names with two or more words."""
    ends = set()
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label == "PER" and len(words) > 1:
            ends.update((words[0], words[-1]))
    return ends


def _drop_common_words_as_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word name whose word the same text also writes in lower case ("Meth", "Awards",
    "Energy", "Science" opening a sentence or a heading) is a common noun capitalised, unless a
    fuller person's name begins or ends with it ("Rice" beside "Condoleezza Rice"), an honorific
    stands before it, or it is a place the gazetteer knows ("Nice"). Lower-case forms inside a
    web or mail address ("ascom.com") do not count."""
    name_words = _full_name_ends(text, mentions)
    seen: dict[str, bool] = {}

    def mostly_lower(word: str) -> bool:      # one scan of the text per distinct word
        if word not in seen:
            seen[word] = _mostly_lower(text, word)
        return seen[word]

    out = []
    for m in mentions:
        word = text[m.start:m.end]
        title_next = _TITLE_THEN_NAME.match(text, m.end)
        if m.label == "PER" and " " not in word and title_next and is_role_word(title_next.group(1).lower()):
            continue   # "Pulmonary specialist Sergey Puryasev": the word qualifies the title
        if m.label == "ORG" and word.lower() in lx.PORTFOLIO_WORDS and (
                _title_word_next(text, m.end) or _PORTFOLIO_OF.search(text, max(0, m.start - 30), m.start)):
            continue   # "Digital Minister Audrey Tang", "Minister for Digital Technologies": a portfolio, not a body
        if m.label == "ORG" and word.split()[-1].lower() in lx.PORTFOLIO_WORDS \
                and _PORTFOLIO_LIST_OF.search(text, max(0, m.start - 80), m.start):
            continue   # "assistant secretary of state for East Asia and Pacific Affairs": the portfolio's end
        if m.label in ("PER", "ORG", "LOC") and word.isalpha() and word[:1].isupper() and word[1:].islower() \
                and word not in name_words and not _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start) \
                and not (m.label == "LOC" and lookup_place(word) is not None) and mostly_lower(word):
            continue
        if m.label == "PER" and word.isalpha() and word[:1].isupper() and word[1:].islower() and len(word) > 4 \
                and word.endswith("s") and not word.endswith("ss") and word not in name_words \
                and not _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start) and mostly_lower(_singular(word)):
            continue   # "Indigenous Peoples", "Gyms", "Millionaires": a common noun's plural the text writes in lower case
        out.append(m)
    return out


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


_TOWN_ENDING = re.compile(r"[A-Z][a-z]{2,}(?:sk|grad|gorod)$")      # Pavlovsk, Sovetsk, Zelenograd, Belgorod


def _one_word_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """One-word names read against the persons the text names in full (their first and last
    words, computed once):
    - a one-word 'organisation' that is such a word, followed by a verb people take, is that
      person ("Dmitry Lomsadze … ever since the first grade Dmitry has shown"; "Stadia launches"
      beside a product the model called a person stays);
    - a two-word 'organisation' that is a name word and the surname of a person named in full
      is a person ('Abdulmanap Nurmagomedov' beside 'Khabib Nurmagomedov');
    - a one-word 'organisation' that is the given name of a person named in full twice is that
      person ("You know, Justin, ..." beside Justin Cauley; a model that reads the car "Porsche
      Cayman" as a person reads it once), and so is a party word before such a surname
      ("Republican DeSantis" beside Ron DeSantis);
    - a one-word 'person' spelled like a Russian town ('from Barnaul via Pavlovsk') that is no
      such word is a place."""
    names = _full_name_ends(text, mentions)
    named_twice = Counter(ws[0] for m in mentions if m.label == "PER" and len(ws := text[m.start:m.end].split()) > 1)
    # surnames of persons whose first name the name lists know ('Khabib Nurmagomedov'; not 'MacBook Pro')
    surnames = {ws[-1] for m in mentions if m.label == "PER" and len(ws := text[m.start:m.end].split()) > 1
                and len(ws) <= 3 and is_given_name(ws[0]) and not _POSSESSIVE_IN.search(text, m.start, m.end)}
    for m in mentions:
        word = text[m.start:m.end]
        words = word.split()
        if m.label == "ORG" and word in names and word[1:].islower() and not known_agency(word) \
                and _PERSON_VERB_AFTER.match(text, m.end):
            m.label = "PER"
        elif m.label == "ORG" and len(words) == 2 and words[-1] in surnames and not lookup_place(words[0]) \
                and words[0].lower() not in lx.ORG_HEADS and not is_role_word(words[0]) \
                and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words) and not known_agency(word):
            m.label = "PER"      # 'Abdulmanap Nurmagomedov' beside 'Khabib Nurmagomedov': a relative, no body
        elif m.label == "ORG" and len(words) == 1 and named_twice[word] >= 2 and is_given_name(word) \
                and not lookup_place(word):
            m.label = "PER"
        elif m.label == "ORG" and len(words) == 2 and words[0].lower() in _PARTY_WORDS and words[1] in names:
            m.start, m.label = m.end - len(words[1]), "PER"
        elif m.label == "PER" and _TOWN_ENDING.fullmatch(word) and word not in names:
            m.label = "LOC"
    return mentions


_PARTY_WORDS = {"republican", "democrat", "democratic", "conservative", "tory", "labour", "liberal",
                "socialist", "communist", "independent"}


_POSSESSIVE_IN = re.compile(r"['’]s\b")
_PERSON_VERB_AFTER = re.compile(r"\s+(?:also\s+)?(?:has|had|is|was|said|says|told|added|noted|believes|thinks|wants|"
                                r"explained|recalled|stressed|who|hopes|hoped|fears|feared|expects|expected|insists|"
                                r"insisted|warned|warns|argued|argues|admitted|admits)\b")


_PORTFOLIO_LIST_OF = re.compile(r"\b(?:[Mm]inister|[Ss]ecretary(?: of [Ss]tate)?|[Cc]ommissioner)\s+(?:for|of)\s+(?:the\s+)?"
                                r"(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,4}$")
_PORTFOLIO_OF = re.compile(r"\b(?:[Mm]inister|[Ss]ecretary(?: of [Ss]tate)?|[Cc]ommissioner)\s+(?:for|of)\s+(?:the\s+)?$")
_TITLE_WORD_NEXT = re.compile(r"[ \u00a0]([A-Za-z]+)\b")
def _title_word_next(text: str, pos: int) -> bool:
    nxt = _TITLE_WORD_NEXT.match(text, pos)
    return nxt is not None and is_role_word(nxt.group(1).lower())


_TITLE_THEN_NAME = re.compile(r"[ \u00a0]([a-z]+)[ \u00a0][A-Z][a-z]+[ \u00a0][A-Z]")


def _mostly_lower(text: str, word: str) -> bool:
    """The text writes the word (or its plural: 'Superyacht' beside 'superyachts') in lower case at
    least as often as capitalised inside a sentence ("the Church" three times beside "church"
    twice stays a name)."""
    lower = len(re.findall(r"(?<![\w./@-])" + re.escape(word.lower()) + r"(?:e?s)?(?![\w@-]|\.\w)", text))
    if not lower:
        return False
    inside = len(re.findall(r"(?<=[a-z,;] )" + re.escape(word) + r"(?![\w-])", text))
    return inside <= lower


def _cut_at_dateline(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """A name the model ran across a dateline's end ("ASTANA. KAZINFORM - Kazakh President …") is
    the dateline's own name ("KAZINFORM"); one run from the dateline's city into its agency
    ("ASTANA.KAZINFORM") is the agency, and the city a place when the gazetteer knows it."""
    out = []
    for m in mentions:
        for a, b in spans:
            if a <= m.start < b < m.end:
                m.end = b
            elif m.start < a < m.end <= b:
                city = text[m.start:a].rstrip(" .-–—/")
                if city and lookup_place(city.title()):
                    out.append(Mention(m.start, m.start + len(city), "LOC", "gazetteer"))
                m.start = a
        out.append(m)
    return out


def _dateline_place(text: str, mentions: list[Mention], places: list[tuple[int, int]]) -> list[Mention]:
    """The city a dateline names ("TAYLORVILLE — The following …", "KHAN YOUNIS, GAZA — …") is a
    place, whatever the model made of its capitals."""
    for a, b in places:
        inside = [m for m in mentions if a <= m.start and m.end <= b + 1]
        if any(m.label == "LOC" for m in inside):
            continue
        mentions = [m for m in mentions if m not in inside]
        mentions.append(Mention(a, b, "LOC", "dateline"))
    return sorted(mentions, key=lambda m: m.start)


def _bodies_and_slashes(text: str, mentions: list[Mention]) -> list[Mention]:
    """'EU', 'G7', 'the White House' are organisations, not places; 'Trade /CCPIT/' ends before
    its slash annotation; a country read as a person is a place."""
    for m in mentions:
        if m.label in ("ORG", "LOC"):
            e = trim_slash(text, m.start, m.end)
            if e < m.end:
                m.end = e
        # "(Credit: Clayton Aldern / Grist)", "Hunan province, /Central China/": no name holds a slash at its edge
        while m.end - m.start > 1 and text[m.end - 1] in "/ ":
            m.end -= 1
        while m.end - m.start > 1 and text[m.start] in "/ ":
            m.start += 1
        if m.label == "LOC" and is_body(text[m.start:m.end]):
            m.label = "ORG"
        if m.label != "ORG" and _LEGAL_FORM_EDGE.search(text[m.start:m.end]):
            m.label = "ORG"         # 'the foreign agent RS-Balt JSC', 'PJSC Gazprom': a company by its legal form
        web = web_name(text, m.start, m.end)
        if web is not None:
            m.start, m.end = web    # 'Neva.Today': the whole address-like name is the outlet
            m.label = "ORG"
    named = {w for m in mentions if m.label == "PER" for w in text[m.start:m.end].split()[1:]}
    for m in mentions:
        surface = text[m.start:m.end]
        if m.label == "PER" and " " not in surface and surface not in named and not is_given_name(surface):
            place = lookup_place(surface)
            if place is not None and place.kind == "country":
                m.label = "LOC"   # "China" alone, read as a person; not "Jordan" of "Michael Jordan"
    return mentions


_TITLE_LINK = re.compile(r"\s+(of|for)\s+(?:the\s+)?")


def _titles_are_no_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A capitalised title the model took for a body: "the country's Language Ombudsman",
    "Coordinator for Strategic Communications" are no organisations; "Academic Advisor of Systems
    Medicine Clinic" is the title and, after 'of', the body ("Systems Medicine Clinic"). The head is
    the word before the first 'of'/'for', or the last word; outlets named like a person who
    writes ("The Economist", "Hollywood Reporter") are kept."""
    out = []
    for m in mentions:
        surface = text[m.start:m.end]
        words = surface.split()
        if m.label != "ORG" or len(words) < 2 or words[0] == "The" or surface.lower() in lx.KNOWN_ORGS \
                or known_agency(surface):
            out.append(m)
            continue
        link = _TITLE_LINK.search(surface)
        head = surface[:link.start()].split()[-1] if link else words[-1]
        if head.lower() not in lx.ROLE_HEADS or head.lower() in lx.ORG_HEADS or not head[:1].isupper():
            out.append(m)
            continue
        if link and link.group(1) == "of" and link.end() < len(surface):
            rest = surface[link.end():]
            if rest.split()[-1].lower().strip(".,") in lx.ORG_HEADS:
                m.start += link.end()
                out.append(m)
    return out


def _key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def _norm_org(name: str) -> str:
    n = " ".join(name.split())
    n = re.sub(r"^(?:the|The)\s+", "", n)
    n = _CORP_SUFFIX.sub("", n)
    return n.casefold().replace("’", "'")


_OF_COUNTRY = re.compile(r"^(?P<body>.+?) of (?:the )?(?P<country>[\w .'’-]+)$")


def _country_key(key: str) -> tuple[str, str] | None:
    """(country code, body) for 'russian central bank' and 'central bank of russia' alike."""
    words = key.split()
    if len(words) < 2:
        return None
    m = _OF_COUNTRY.match(key)
    if m:
        country = m.group("country")
        place = lookup_place(country.upper() if len(country) <= 3 else country)
        if place is not None and place.kind == "country":
            return place.code, m.group("body")
    place = country_of_adjective(words[0].capitalize())
    return (place.code, " ".join(words[1:])) if place is not None else None


def _group_orgs(text: str, ments: list[Mention]) -> list[dict]:
    groups: list[dict] = []
    by_key: dict[str, dict] = {}
    for m in sorted(ments, key=lambda m: m.start):
        surface = " ".join(text[m.start:m.end].split())
        if not re.search(r"[A-Za-z]", surface) and not re.search(r"\w", surface):
            continue
        key = _norm_org(surface)
        g = by_key.get(key)
        if g is None and (ck := _country_key(key)) is not None:
            # "Central Bank of Russia" after "Russian Central Bank": one body, its country said two ways
            g = next((cand for cand in groups if any(_country_key(k) == ck for k in cand["keys"])), None)
        if g is None:
            # "Security Council" after "Russian Security Council"
            sw = key.split()
            for cand in groups:
                if len(sw) >= 2 and any(len(sw) < len(cw) and cw[-len(sw):] == sw
                                        for cw in (k.split() for k in cand["keys"])):
                    g = cand
                    break
        if g is None:
            g = {"name": surface, "key": key, "keys": [], "aliases": [], "mentions": []}
            groups.append(g)
        by_key[key] = g
        if key not in g["keys"]:
            g["keys"].append(key)
        g["mentions"].append(m)
        if surface != g["name"] and surface not in g["aliases"]:
            if len(surface) > len(g["name"]) and not surface.isupper() and g["name"] != surface:
                g["aliases"].append(g["name"])
                g["name"] = surface
            else:
                g["aliases"].append(surface)
        acr = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", text[m.end:m.end + 12])
        if acr and acr.group(1) not in g["aliases"]:
            g["aliases"].append(acr.group(1))        # "Name (ACR)": its mentions join below
    # an abbreviation and its body are one, whatever the order ("According to the WHO, …" before
    # "the World Health Organization"; "the World Health Organization (WHO) … the WHO")
    by_name = {g["name"]: g for g in groups}
    for short, full in abbreviation_pairs(text, {n: [(m.start, m.end) for m in g["mentions"]]
                                                 for n, g in by_name.items()}):
        gs, gf = by_name[short], by_name[full]
        if gs not in groups or gf not in groups:
            continue
        groups.remove(gs)
        gf["mentions"] = sorted(gf["mentions"] + gs["mentions"], key=lambda m: m.start)
        gf["aliases"] += [a for a in [gs["name"]] + gs["aliases"] if a not in gf["aliases"]]
    groups.sort(key=lambda g: g["mentions"][0].start)
    for g in groups:
        g["aliases"] = [a for a in g["aliases"] if a != g["name"]]
    return groups


_ADMIN_WORD = re.compile(r" (?:region|oblast|province|krai|territory|district|county|prefecture)$")


def _group_locs(text: str, ments: list[Mention]) -> list[dict]:
    groups: list[dict] = []
    by_key: dict[str, dict] = {}
    for m in sorted(ments, key=lambda m: m.start):
        surface = " ".join(text[m.start:m.end].split())
        base = _ADMIN_WORD.sub("", surface)          # "Inner Mongolia province" is Inner Mongolia
        place = lookup_place(surface) or (lookup_place(base) if base != surface else None)
        key = place.key if place is not None else base.casefold()
        g = by_key.get(key)
        if g is None:
            g = {"name": surface, "aliases": [], "mentions": [], "code": place.code if place else None,
                 "canonical": place.name if place else None}
            if place is not None and place.name != surface:
                g["aliases"].append(place.name)
            by_key[key] = g
            groups.append(g)
        g["mentions"].append(m)
        if base != surface and base == g["name"]:      # "Inner Mongolia province" names it, fuller
            g["aliases"].insert(0, g["name"])
            g["name"] = surface
        if surface != g["name"] and surface not in g["aliases"]:
            g["aliases"].append(surface)
    for g in groups:        # "BEIJING, May 3": a dateline's capitals are not how the place is named
        if g["name"].isupper() and len(g["name"]) > 4:
            better = next((a for a in g["aliases"] if not a.isupper()), None)
            if better is None and (" " in g["name"] or g["mentions"][0].source == "dateline"):
                better = string.capwords(g["name"].lower())     # "KHAN YOUNIS" written nowhere else
                g["aliases"].append(better)
            if better is not None:
                g["aliases"] = [g["name"]] + [a for a in g["aliases"] if a != better]
                g["name"] = better
    return groups
