"""Persons as entities: mentions grouped by name, roles and their organisations from titles and
appositions, gender for pronoun resolution."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.given_names import given_name_gender
from ..common.names import HONORIFICS, PEERAGE, group_names, name_tokens
from . import lexicon as lx
from .ner import Mention, tokens

_SPACE_ONLY = re.compile(r"^[ \u00a0]*$")
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:an|ian|ese|ish|ic|i|ch)|U\.?S\.?|US|UK|EU|UN)$")


@dataclass
class Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    orgs: list[str | None] = field(default_factory=list)
    role_spans: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    gender: str | None = None   # "m" | "f" | None

    @property
    def org(self) -> str | None:
        return next((o for o in self.orgs if o), None)

    def add_role(self, role: str, org: str | None, s: int, e: int) -> None:
        role = " ".join(role.split()).strip(" ,")
        if not role:
            return
        self.role_spans.append((s, e, role, org))
        if role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)
            self.orgs.append(org)
        elif org:
            i = [r.lower() for r in self.roles].index(role.lower())
            if not self.orgs[i]:
                self.orgs[i] = org


def _surface(text: str, m: Mention) -> str:
    return " ".join(text[m.start:m.end].split())


def build_persons(text: str, mentions: list[Mention]) -> list[Person]:
    pers = [m for m in mentions if m.label == "PER"]
    names = [_surface(text, m) for m in pers]
    people = []
    for group in group_names(names):
        full = names[group[0]]
        p = Person(" ".join(name_tokens(full)) or full)
        seen = {p.name.casefold()}
        for i in sorted(group, key=lambda k: pers[k].start):
            p.mentions.append(pers[i])
            if names[i].casefold() not in seen:
                seen.add(names[i].casefold())
                p.aliases.append(names[i])
        people.append(p)
    for p in people:
        p.gender = guess_gender(p.name)
    people.sort(key=lambda p: p.mentions[0].start)
    return people


def guess_gender(name: str) -> str | None:
    toks = name_tokens(name)
    if len(toks) < 2:
        return None
    first = toks[0].lower().strip(".")
    if len(first) <= 2:
        return None
    if first in lx.FEMALE_NAMES:
        return "f"
    if first not in lx.NON_FEMALE_A_NAMES:
        known = given_name_gender(toks[0].strip("."))     # 'Roisin', 'Ingrid', 'Karine': the name lists agree
        if known is not None:
            return known
    if first.endswith("a") and first not in lx.NON_FEMALE_A_NAMES:
        return "f"
    # Slavic female surnames: -ova, -eva, -ina, -aya, -skaya
    if re.search(r"(?:ova|eva|yova|ina|aya|skaya)$", toks[-1].lower()):
        return "f"
    return "m"


# -- roles -----------------------------------------------------------------------------------------

def _mention_at(ments: list[Mention], s: int, e: int) -> Mention | None:
    for m in ments:
        if m.start <= s and e <= m.end:
            return m
    return None


_EX_PREFIX = re.compile(r"^(?:ex|former)-(?=\w)")


def _role_token(w: str) -> str:
    lw = _EX_PREFIX.sub("", w.lower().strip(".,"))      # "ex-governor" is a governor's title
    if lw in _RANKS_ONLY_CAPITALISED and not w[:1].isupper():
        return ""      # "a major Mark Rothko retrospective": an adjective, not the rank
    if lw in lx.ROLE_HEADS or lw in lx.ROLE_PLURALS:
        return "head"
    if lw in lx.ROLE_MODIFIERS:
        return "mod"
    if "-" in lw and lw.split("-", 1)[0] in ("vice", "deputy", "rear", "co") and lw.split("-", 1)[1] in lx.ROLE_HEADS:
        return "head"      # "Vice-Admiral", "co-founder"
    return ""


_HONORIFIC = r"(?:" + "|".join(sorted(w.capitalize() for w in HONORIFICS - PEERAGE)) + r")\.?\s+"
_BEFORE_NEXT_NAME = re.compile(r"\s*(?:" + _HONORIFIC + ")?")
_HONORIFIC_END = re.compile(r"(?<=\s)" + _HONORIFIC + "$")
_RANKS_ONLY_CAPITALISED = {"major", "general", "private", "marshal"}
_AND_TITLE = re.compile(r"\s+and\s+([A-Za-z][\w\- ]{1,60}?)\s*")


def parse_left_role(text: str, sent_start: int, name_start: int, ments: list[Mention]):
    """Title immediately before a name: [(role, org, span_start, span_end, plural)], left to right."""
    results = []
    end = name_start
    honorific = _HONORIFIC_END.search(text, sent_start, name_start)
    if honorific:
        end = honorific.start()     # "Chief Education Officer Dr Ramona Archer-Bradshaw"
    for _ in range(3):  # "the head of CMG (CMG), Deputy Director of ... Shen Haixiong"
        r = _parse_one_left(text, sent_start, end, ments)
        if r is None:
            break
        # "businessman and actor Sergei Zhukov": the title after "and" is a role of its own
        tail = _AND_TITLE.fullmatch(text, r[3], end)
        if tail and not r[4]:
            words = tokens(text, tail.start(1), tail.end(1))
            kinds = [_role_token(text[a:b]) for a, b in words]
            if all(kinds) and "head" in kinds:
                results.insert(0, (tail.group(1), None, tail.start(1), tail.end(1), False))
        results.insert(0, r)
        s = r[2]
        k = s - 1
        while k > sent_start and text[k] in " \u00a0":
            k -= 1
        if k > sent_start and text[k] == ",":
            end = k
            continue
        now = _NOW_BEFORE.search(text, sent_start, s)     # "former singer of X, now solo performer"
        if now:
            end = now.start()
            continue
        break
    return results


_OUTER_TITLE = re.compile(r"\b([A-Za-z-]+)\s+(?:for|of|to)\s+(?:the\s+)?$")
_NOW_BEFORE = re.compile(r",\s*(?:and\s+)?(?:now|currently)\s+$")


def _parse_one_left(text: str, sent_start: int, end: int, ments: list[Mention]):
    toks = tokens(text, sent_start, end)
    # walk left over title material
    items = []  # (s, e, kind, word)
    k = len(toks) - 1
    pos = end
    while k >= 0:
        s, e = toks[k]
        gap = text[e:pos]
        if not _SPACE_ONLY.match(gap):
            break
        w = text[s:e]
        m = _mention_at(ments, s, e)
        if m is not None and m.label == "PER":
            break
        if m is not None and m.label in ("ORG", "LOC"):
            items.insert(0, (m.start, m.end, m.label, text[m.start:m.end]))
            while k >= 0 and toks[k][0] >= m.start:
                k -= 1
            pos = m.start
            continue
        if w == ")":
            # skip a parenthesised acronym: "China Media Group (CMG)"
            op = text.rfind("(", sent_start, s)
            if op >= 0 and s - op <= 12:
                items.insert(0, (op, e, "paren", text[op:e]))
                while k >= 0 and toks[k][0] >= op:
                    k -= 1
                pos = op
                continue
            break
        rt = _role_token(w)
        lw = w.lower()
        if rt != "head" and lw in lx.ORG_KIND_NOUNS and w[:1].islower() and items and items[0][2] in ("ORG", "cap"):
            items.insert(0, (s, e, "kind", w))      # "of the group Ruki Vverkh": the name is the org
            pos = s
            k -= 1
            continue
        if rt or lw in ("of", "the", "for", "and") or (lw == "to" and items and items[0][2] in ("LOC", "ORG", "cap")) \
                or (w[:1].isupper() and w[0].isalpha()) or lw.endswith(("'s", "’s")) \
                or lw in lx.ROLE_OF_GENERIC:
            if w[:1].isupper() and lw.rstrip(".") in lx.STOP_CAPS and lw not in ("state",) and not rt:
                break
            kind = rt or ("cap" if w[:1].isupper() else "gen" if lw in lx.ROLE_OF_GENERIC else lw)
            items.insert(0, (s, e, kind, w))
            pos = s
            k -= 1
            continue
        break
    # must end (right before the name) with a role head or a capitalised org/place + head
    if items and items[-1][2] in ("of", "for"):
        return None    # "a White House press secretary for Bill Clinton": whom the title serves
    while items and items[0][2] in ("of", "for", "and", "the", "paren"):
        items.pop(0)
    if not items:
        return None
    heads = [i for i, it in enumerate(items) if it[2] == "head"]
    if not heads and items[-1][2] == "mod" and items[-1][3].lower() in _MODIFIERS_ENDING_A_TITLE and len(items) > 1 \
            and items[-2][2] in ("mod", "cap", "ORG"):
        items[-1] = items[-1][:2] + ("head", items[-1][3])      # "Sociology Institute research associate X"
        heads = [len(items) - 1]
    if not heads:
        return None
    # the role: from the first mod/head before the first head, through the last head of that run
    h = heads[0]
    r0 = h
    while r0 > 0 and items[r0 - 1][2] in ("mod", "head", "cap") and not (items[r0 - 1][2] == "cap" and not
                                                                          _NATIONALITY.match(items[r0 - 1][3]) and r0 - 1 > 0 and items[r0 - 2][2] in ("ORG", "LOC", "cap")):
        if items[r0 - 1][2] == "cap" and not _NATIONALITY.match(items[r0 - 1][3]) and items[r0 - 1][3].lower() not in ("former",):
            break
        r0 -= 1
    # nationality adjectives lead the role only after "former"/"ex" ("Former Russian President")
    while r0 < h and items[r0][2] == "cap" and not any(it[2] == "mod" for it in items[:r0]):
        r0 += 1
    r1 = h
    while r1 + 1 < len(items) and items[r1 + 1][2] in ("head", "mod") :
        r1 += 1
    # "of the Board", "of State", "of Culture and Information": title material, not an org
    org = None
    j = r1 + 1
    while j < len(items) and items[j][2] in ("of", "for"):
        j2 = j + 1
        if j2 < len(items) and items[j2][2] == "the":
            j2 += 1
        if j2 >= len(items):
            break
        nxt = items[j2]
        if nxt[2] == "ORG":
            org = nxt[3]
            break
        if nxt[2] == "kind":          # "of the band Zvery", "of the company Northern Stream"
            named = items[j2 + 1] if j2 + 1 < len(items) else None
            if named is not None and named[2] == "ORG":
                org = named[3]
            elif named is not None and named[2] == "cap":
                q = j2 + 1
                while q + 1 < len(items) and items[q + 1][2] == "cap":
                    q += 1
                org = text[named[0]:items[q][1]]
            break
        if nxt[2] == "LOC":
            break
        phrase = []
        q = j2
        while q < len(items) and items[q][2] in ("cap", "and", "head", "mod", "gen"):
            phrase.append(items[q][3])
            q += 1
        if not phrase:
            break
        if q >= len(items) and items[-1][2] == "head" and all(it[2] in ("cap", "mod", "head") for it in items[j2:]):
            # "the spokesman for President Vladimir Putin": the name holds the title next to it; the
            # one before "for"/"of" is someone else's ("nominee for governor Jim Hood", in lower
            # case, is what he runs for: the whole title stays his)
            if items[-1][3][:1].isupper():
                return text[items[j2][0]:items[-1][1]], None, items[j2][0], items[-1][1], False
        if q < len(items) and items[q][2] == "ORG" and len(phrase) <= 2:
            # "of the Standing Committee of ..." spelled out as an organisation later in the run
            pass
        joined = " ".join(phrase).lower()
        if joined in lx.ROLE_OF_GENERIC or joined in ("culture", "state") or q >= len(items) or items[q][2] in ("of", "for"):
            if q < len(items) and items[q][2] in ("of", "for") and joined not in lx.ROLE_OF_GENERIC:
                # "Standing Committee of China's ..." : a capitalised organisation name the model missed
                org = " ".join(it[3] for it in items[j2:])
                break
            if q >= len(items) and joined not in lx.ROLE_OF_GENERIC and any(w[:1].isupper() for w in phrase) \
                    and phrase[-1].lower() in lx.ORG_HEADS:
                org = " ".join(phrase)
                break
            r1 = q - 1
            j = q
            continue
        break
    if org is None:
        before = [it for it in items[:r0] if it[2] == "ORG"]
        if before:
            org = before[-1][3]
        elif r0 > 0 and items[r0 - 1][2] == "LOC" and items[h][3].lower() in lx.PLAYER_POSITIONS:
            org = items[r0 - 1][3]      # "Washington forward Alexander Ovechkin": the town names the club
    role = text[items[r0][0]:items[r1][1]]
    plural = items[h][3].lower() in lx.ROLE_PLURALS
    if plural and r0 == r1:
        role = lx.ROLE_PLURALS[items[h][3].lower()]
    elif plural:
        role = text[items[r0][0]:items[h][0]] + lx.ROLE_PLURALS[items[h][3].lower()]
    return role, org, items[r0][0], items[r1][1], plural


_APPOS_STOP = re.compile(r"[,.;:()\"“”«»]|\b(?:from|who|which|that|said|says|told|and|in|on|at|since|when|with)\b")


_MODIFIERS_ENDING_A_TITLE = {"associate", "assistant"}
_AGE = re.compile(r"\d+-year-old")
_PLAIN_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_NOT_IN_A_TITLE = {"who", "which", "that", "and", "or", "but", "said", "says", "told", "is", "was", "has", "had",
                   "from", "in", "on", "at", "of", "for", "with", "to", "by", "the", "a", "an", "his", "her", "their"}


def _plain_words_before_head(text: str, toks) -> int:
    """How many plain lower-case words (at most two, modifiers aside) open an apposition before its
    title head: 'car industry analyst', 'leading system engineer', '21-year-old poet'; 0 when none."""
    plain = 0
    for k, (a, b) in enumerate(toks[:4]):
        w = text[a:b]
        kind = _role_token(w)
        if kind == "head":
            return k if plain and w.lower() not in lx.ROLE_PLURALS else 0
        if kind == "mod":
            continue
        if not _PLAIN_WORD.fullmatch(w) or w in _NOT_IN_A_TITLE or plain == 2 or w.endswith("ing") \
                or w in ("why", "how", "what", "when", "where", "whom", "whose", "if", "as", "not"):
            return 0
        plain += 1
    return 0


_AT_BODY_REST = re.compile(r"\s*(?:(?:at|of|in|for)\s+(?:the\s+)?([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,5}))?\s*")


def parse_right_role(text: str, name_end: int, sent_end: int, ments: list[Mention]):
    """Apposition after a name: 'Irina Flyur, Deputy Chairperson of the Mir TV ...' -> (role, org, s, e)."""
    m = re.compile(r"\s*,\s+(?:the\s+|a\s+|an\s+)?").match(text, name_end, sent_end)
    if not m:
        return None
    return role_phrase_at(text, m.end(), sent_end, ments)


_THE_WORD = re.compile(r"\b(?:the|The)\s+")


def _title_set_off_before(text: str, ss: int, comma: int, ments: list[Mention]):
    """(role, org, start, end) of the title a name is set off against by commas, read from its nearest
    'the' whose title phrase runs to the comma ('… to the supreme leader of the Islamic revolution,
    Sayyid Ali Khamenei,', 'The executive director … at Roscosmos, Sergey Krikalev,'); None when none."""
    for the in reversed(list(_THE_WORD.finditer(text, max(ss, comma - 160), comma))):
        r = role_phrase_at(text, the.end(), comma, ments)
        if r is None:
            continue
        rest = _AT_BODY_REST.fullmatch(text, r[3], comma)
        if rest is None:
            if r[1] and text[max(ss, comma - len(r[1]) - 3):comma].rstrip().endswith(r[1]):
                return r                       # '… at Roscosmos,': the body the phrase found ends it
            continue
        org = r[1]
        if org is None and rest.group(1):
            body = next((x for x in ments if x.label == "ORG" and rest.start(1) <= x.start < comma), None)
            org = text[body.start:body.end] if body else None
        return r[0], org, r[2], r[3]
    return None


def role_phrase_at(text: str, s: int, sent_end: int, ments: list[Mention]):
    """A title starting at ``s`` with what it is of: 'Deputy Chairperson of the Mir TV' -> (role, org, s, e);
    a nationality may open it ('Russian entrepreneur and founder of …': the role is what follows it)."""
    nat = re.match(r"([A-Z][a-z]+)\s+", text[s:min(sent_end, s + 40)])
    if nat and _NATIONALITY.match(nat.group(1)) and _role_token(text[s + nat.end():].split(" ", 1)[0]):
        s += nat.end()
    owner = None
    pm = _POSSESSOR.match(text, s, sent_end)
    if pm:      # "the company's chief executive", "Gazprom's spokesman": the title follows the owner
        owner = next((mm for mm in ments if mm.label == "ORG" and mm.start == pm.start(1) and mm.end == pm.end(1)), None)
        s = pm.end()
        if text.startswith("new ", s):
            s += 4      # "Hong Kong's new police commissioner": new to the post, not part of it
    toks = tokens(text, s, min(sent_end, s + 200))
    words = []
    k = 0
    lead = _plain_words_before_head(text, toks)
    if lead:        # "car industry analyst at VTB Capital", "a 21-year-old poet", "leading system engineer"
        words = toks[:lead]
        k = lead
        while words and _AGE.fullmatch(text, words[0][0], words[0][1]):
            s = words.pop(0)[1] + 1       # an age is no part of the title
    while k < len(toks) and _role_token(text[toks[k][0]:toks[k][1]]):
        words.append(toks[k])
        k += 1
    if not words or not any(_role_token(text[a:b]) == "head" for a, b in words):
        return None
    r_end = words[-1][1]
    org = None
    # "of the ORG", "at ORG", "for East Asia and Pacific Affairs"
    while k < len(toks):
        w = text[toks[k][0]:toks[k][1]].lower()
        if w not in ("of", "at", "for", "in"):
            break
        k += 1
        # the object: up to a stop word or punctuation
        obj_s = toks[k][0] if k < len(toks) else sent_end
        stop = _APPOS_STOP.search(text, obj_s, sent_end)
        obj_e = stop.start() if stop else sent_end
        # quoted org names ("the online publication "Om1.ru"") sit inside quotes
        inner = [mm for mm in ments if obj_s <= mm.start and mm.end <= obj_e + 40 and mm.label in ("ORG", "LOC")]
        orgs = [mm for mm in inner if mm.label == "ORG" and mm.start < obj_e + 2 + 30]
        if orgs:
            org = text[orgs[0].start:orgs[0].end]
            break
        locs = [mm for mm in inner if mm.label == "LOC" and mm.start < obj_e]
        if locs or w == "in":
            break
        obj = text[obj_s:obj_e].strip()
        if not obj or len(obj.split()) > 8:
            break
        r_end = obj_e
        while r_end > obj_s and text[r_end - 1].isspace():
            r_end -= 1
        while k < len(toks) and toks[k][1] <= obj_e:
            k += 1
        break
    role = text[s:r_end].strip()
    if role.endswith(".") and len(role.rsplit(None, 1)[-1]) > 4:
        role = role[:-1]           # the sentence's stop, not an abbreviation's ("chief executive.")
        r_end -= 1
    if org is None and owner is not None:
        org = text[owner.start:owner.end]
    return role, org, s, r_end


_POSSESSOR = re.compile(r"([A-Za-z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s+")
_COMMA_BEFORE = re.compile(r",[ \u00a0]*$")
_AFTER_APPOSED = re.compile(r"[ \u00a0]*(?:[,(.;!?]|$)")     # the name closes the apposition


_LAST_WORD = re.compile(r"([A-Za-z-]+)\s+$")


def _titled_name(text: str, role_start: int, name_start: int) -> bool:
    """A person named inside a title span after a title word, not after 'of'/'for'/'at' (where
    a mis-tagged body stands: "spokesperson for [Inherent Resolve]")."""
    w = _LAST_WORD.search(text, role_start, name_start)
    return w is not None and w.group(1).lower() not in ("of", "for", "at", "to", "in", "the", "on", "with", "from")


def assign_roles(text: str, people: list[Person], mentions: list[Mention],
                 sentences: list[tuple[int, int]]) -> None:
    import bisect
    starts = [s for s, _ in sentences]
    person_of = {}
    for p in people:
        for m in p.mentions:
            person_of[(m.start, m.end)] = p
    pers = sorted((m for m in mentions if m.label == "PER"), key=lambda m: m.start)
    last_plural: tuple[Mention, str, str | None] | None = None
    for m in pers:
        p = person_of.get((m.start, m.end))
        if p is None:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        ss, se = sentences[k] if k >= 0 else (0, len(text))
        got = False
        for role, org, rs, re_, plural in parse_left_role(text, ss, m.start, mentions):
            p.add_role(role, org, rs, re_)
            got = True
            if plural:
                last_plural = (m, role, org)
        if not got:
            # "The Moscow Health Department's head consulting specialist for adult primary medical care
            # Andrei Tyazhelnikov": a body's title whose 'for …' the walk to the left cannot cross
            owner = None
            for owner in _POSSESSOR.finditer(text, max(ss, m.start - 160), m.start):
                pass
            if owner is not None:
                r = role_phrase_at(text, owner.end(), m.start, mentions)
                if r and not text[r[3]:m.start].strip() and r[3] > r[2]:
                    body = next((x for x in mentions if x.label == "ORG" and owner.start(1) <= x.start
                                 and x.end == owner.end(1)), None)
                    p.add_role(r[0], r[1] or (text[body.start:body.end] if body else None), r[2], r[3])
                    got = True
        # a title set off by commas before the name: "the region's governor, Mikhail Degtyarev, said"
        if not got:
            comma = _COMMA_BEFORE.search(text, ss, m.start)
            if comma and _AFTER_APPOSED.match(text, m.end, se + 1):
                for role, org, rs, re_, plural in parse_left_role(text, ss, comma.start(), mentions):
                    if not plural:
                        p.add_role(role, org, rs, re_)
                        got = True
                set_off = None if got else _title_set_off_before(text, ss, comma.start(), mentions)
                if set_off is not None:
                    p.add_role(*set_off)
                    got = True
                other = next((x for x in pers if x.end == comma.start()), None)
                if not got and other is not None:
                    # "The spokesman for President Vladimir Putin, Dmitry Peskov, said": the title
                    # before "for"/"of" and the person it serves is the one set off by commas
                    for role, org, rs, re_, plural in parse_left_role(text, ss, other.start, mentions)[-1:]:
                        outer = _OUTER_TITLE.search(text, ss, rs)
                        if outer and _role_token(outer.group(1)) == "head":
                            p.add_role(text[outer.start(1):other.end], None, outer.start(1), other.end)
                            got = True
        # list after a plural title: "senators A, B and C"
        if not got and last_plural is not None:
            between = text[last_plural[0].end:m.start]
            prev = [x for x in pers if last_plural[0].start <= x.start < m.start]
            if re.fullmatch(r"\s*(?:,\s*|,?\s+and\s+)", text[prev[-1].end:m.start]) and len(between) < 120:
                p.add_role(last_plural[1], last_plural[2], m.start, m.end)
                last_plural = (m, last_plural[1], last_plural[2])
                got = True
        if not got:
            last_plural = None if last_plural and m.start - last_plural[0].end > 120 else last_plural
        r = parse_right_role(text, m.end, se, mentions)
        if r and any(x.start >= r[3] and _BEFORE_NEXT_NAME.fullmatch(text, r[3], x.start) for x in pers):
            r = None   # "Minister Kay McConney, Chief Education Officer Dr Ramona Archer-Bradshaw": the next one's
        if r and not any(x is not m and r[2] <= x.start < r[3] and _titled_name(text, r[2], x.start) for x in pers):
            # (", Commander-in-Chief of the Navy Admiral Nikolai Yevmenov": the next person's title)
            p.add_role(r[0], r[1], r[2], r[3])
