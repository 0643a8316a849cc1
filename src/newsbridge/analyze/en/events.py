"""English events: meetings, forums, visits, agreements, video conferences and launches.

Each trigger ("6th Russia-China Media Forum", "met with", "visit to Beijing", "signed a
contract", "video conference", "was launched") becomes an event mention with a name built from
its modifiers and complement, a date from its sentence (resolved against the publication date
or the article's own dates), a place, and counts. Mentions of one real-world event are merged:
a bare "the forum" / "the event" / "that meeting" joins the event under discussion, a named
mention joins the event with a similar name or the same date, a meeting joins another meeting
between the same people. Future events ("will hold", "is scheduled") are marked planned.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..common.counts import extract_counts
from ..common.dates import deadline_spans, find_dates, resolve
from ..common.quotes import quoted_name_near
from .ner import Mention, lookup_place

_TRIGGERS = [
    ("video_conference", re.compile(r"\b(?:video[- ]?conferenc(?:e|es|ing)|videoconferenc(?:e|es|ing)|video link|video call|teleconference|conference calls?|online meeting)\b", re.I)),
    ("forum", re.compile(r"\b(?:forum|conference|summit|congress|symposium)s?\b", re.I)),
    ("meeting", re.compile(r"\b(?:meeting|meetings|audience|talks|negotiations|met|meet|meets)\b", re.I)),
    ("visit", re.compile(r"\b(?:visit|visits|visited|visiting|arrived|arrives|trip|tour)\b", re.I)),
    ("agreement", re.compile(r"\b(?:agreement|agreements|contract|contracts|memorandum|memoranda|treaty|deal|accord|pact|documents|"
                             r"program|programme|roadmap|road map|declaration|protocol)\b", re.I)),
    ("launch", re.compile(r"\b(?:launch|launched|launches|launching|unveiled|unveils|inaugurated|kicked off|"
                          r"opened|opens|commissioned|(?:began|begins|started|starts|commenced)\s+(?:\w+\s+)?(?:operating|operations?|service)|"
                          r"(?:went|goes|entered|enters|put)\s+into\s+(?:\w+\s+)?(?:operation|service))\b", re.I)),
    ("generic", re.compile(r"\b(?:event|gathering|ceremony)\b", re.I)),
]
_DET_ANAPHOR = re.compile(r"(?:\b(?:the|this|that|these|those|said)\s+)$", re.I)
_STOP_PREMOD = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                "at", "in", "of", "on", "during", "after", "before", "with", "and", "was", "is", "were",
                "be", "been", "following", "to", "for", "by", "from", "as", "which", "who", "while",
                "held", "hold", "holds", "attended", "addressing", "speaking", "since", "within", "into",
                "about", "via", "per", "are", "has", "have", "had", "will", "would", "also", "it", "they",
                "he", "she", "we", "i", "you", "there", "where", "when", "then", "said", "noted", "both",
                "all", "at", "an", "s", "’s", "'s", "such", "one"}
# (a past tense right after a plural noun is the sentence's verb: 'Negotiations between the London side
# and Mourinho's representatives | intensified')
_COMPLEMENT_STOP = re.compile(r"[,;:!?()\"“”«»]|(?<=[a-z]{3}s)(?<!\bthis)\s(?=[a-z]{3,}ed\b)|(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bU\.S)(?<!\b[A-Z])\.|"
                              r"\s(?:they|he|she|we|it|said|says|did|does|told|agreed|decided|announced|noted|stressed|added)\b|"
                              r"\s(?:on|at|during|where|which|that|who|took|was|were|is|are|held|following|"
                              r"to\s+(?=[a-z])|amid|amidst|despite|organi[sz]ed|co-organi[sz]ed|hosted|sponsored|chaired|"
                              r"attended|has|have|had|will|would|and\s+(?:the\s+)?(?:went|asked|signed|said|discussed)|"
                              r"since|after|before|because|when|as|until)\b|"
                              r"(?<=[a-z])\s(?:The|A|An|In|On|At|He|She|It|They|This|These)\s+(?=[a-z])|"   # a run-in sentence
                              r"\s(?:in)\s+(?=(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|the\s+(?:past|last|next))")
_PLANNED = re.compile(r"\b(?:will|shall|is to|are to|plans? to|planned|planning|scheduled|to be held|upcoming|"
                      r"is expected to|are expected to|intends? to|going to|hopes? to|hoped to|expressed hopes to|"
                      r"would like to|wants? to|wanted to|counting on|seeks? to|seeking to|aims? to|ready to|willing to|"
                      r"next (?:week|month|year)|later this|possible|potential|proposed|"
                      r"announced\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w’'-]*\s+){0,3}(?:visit|trip|meeting|talks|summit))\b", re.I)
_COMPLETE_AGREEMENT = re.compile(r"\b(?:signed|signing|sign|reached|concluded|adopted|adoption|struck|inked|entered into|"
                                 r"agreed on|clinched)\b", re.I)
_LAUNCHABLE = re.compile(r"\b(?:project|program|programme|platform|initiative|service|satellite|rocket|campaign|product|"
                         r"app|channel|website|portal|system|version|mission|station|line|route|plant|factory|fund|"
                         r"series|edition|network|show|center|centre|spacecraft|vehicle|model|brand|exchange|index|"
                         r"scheme|pilot|operation|railway|railroad|bridge|airport|terminal|pipeline|site|mine|"
                         r"hospital|school|museum|road|highway|metro|subway|train|tunnel|store|shop|office|branch|"
                         r"facility|facilities|complex|park|port)\b", re.I)
# verbs of opening/starting operation: they need what was opened right after them (or before, for
# 'X began operating'), never 'opened fire', 'opened the meeting'
_SCORE = re.compile(r"\b(?:(?:with|by)\s+(?:a|the)\s+score\s+of|final\s+score|scoreline)\b", re.I)
_COUNTED_PLACES = re.compile(r"\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a number of)\s+"
                             r"(?:[a-z-]+\s+){0,2}(?:farms|schools|hospitals|plants|factories|enterprises|villages|towns|"
                             r"districts|sites|companies|facilities|centres|centers|regions|countries|cities)\b")
_MATCH_CONTEXT = re.compile(r"\b(?:scored|goalkeeper|striker|goalless|tournament|play-?offs?|championship|"
                            r"semi-?finals?|quarter-?finals?|head-to-head)\b", re.I)
_LAUNCH_COMPOUND = re.compile(r"\s+(?:vehicle|vehicles|pad|pads|site|date|window|complex|tower|facility|"
                              r"escape|abort|control)\b", re.I)
_OPENING = re.compile(r"^(?:opened|opens|commissioned)$", re.I)
_NOT_FORUM = re.compile(r"\b(?:press|news)[- ]$|\b(?:Western|Eastern)\s+$", re.I)   # a league's half
_SUBJECT_LAUNCH = re.compile(r"^(?:began|begins|started|starts|commenced|went|goes|entered|enters)\b", re.I)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


@dataclass
class EventMention:
    type: str
    start: int            # trigger span
    end: int
    sent: tuple[int, int]
    name: str
    named: bool           # has its own name (capitalised or quoted) or a complement
    anaphor: bool
    date: str | None = None
    place: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    participants: list[str] = field(default_factory=list)
    persons: set[int] = field(default_factory=set)
    planned: bool = False


@dataclass
class Event:
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    name: str = ""
    date: str | None = None
    place: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    participants: list[str] = field(default_factory=list)
    persons: set[int] = field(default_factory=set)
    planned: bool = False

    def absorb(self, m: EventMention) -> None:
        self.mentions.append(m)
        if self.planned and not m.planned and m.type not in ("counts", "generic"):
            self.planned = False    # "Putin meets Wang Yi" (a headline's present) … "Putin met Wang Yi": it happened
        if m.named and (not self.name or (len(self.mentions) > 1 and not any(x.named for x in self.mentions[:-1]))):
            self.name = m.name
        if not self.name:
            self.name = m.name
        if self.date is None and m.date:
            self.date = m.date
        if m.place and (self.place is None or _is_country(self.place) and not _is_country(m.place)):
            self.place = m.place    # the city told later beats a country ("Russia, China sign …" … "in Moscow")
        for k, v in m.counts.items():
            self.counts.setdefault(k, v)
        for p in m.participants:
            if p not in self.participants:
                self.participants.append(p)
        self.persons |= m.persons


_NEGATED_BEFORE = re.compile(r"(?i)\b(?:didn['’]t|did\s+not|never|won['’]t|will\s+not|wouldn['’]t|hasn['’]t|"
                             r"haven['’]t|has\s+not|have\s+not|cannot|can['’]t)\s+(?:\w+\s+)?$")
_MET_WITH_REACTION = re.compile(r"(?i)\s+with\s+(?:\w+\s+){0,3}(?:laughter|hoots|applause|criticism|protests?|"
                                r"skepticism|scepticism|derision|outrage|silence|resistance|opposition|approval|"
                                r"cheers|boos|anger|dismay|surprise|suspicion|disbelief|response|reaction|reception|"
                                r"acclaim|praise|backlash|fury|enthusiasm|indifference)\b")
_IMPERATIVE_OBJECT = re.compile(r"\s+(?:the|our|us|your|their|a|an|[A-Z][\w'’]*)\b")


def _is_country(name: str) -> bool:
    p = lookup_place(name)
    return p is not None and p.kind == "country"


def _word_f1(a: str, b: str) -> float:
    ta, tb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for w in ta:
        if w in pool:
            pool.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def find_events(text: str, sentences: list[tuple[int, int]], mentions: list[Mention], person_of_mention: dict,
                quotes: list[tuple[int, int]], ref: str | None, years: list[int],
                titles: list[tuple[int, int]] = ()) -> list[Event]:
    """``titles``: spans of persons' titles; talks a title names ('special representative for
    Armenian-Turkish negotiations') are the holder's brief, no meeting that took place."""
    ments = sorted(mentions, key=lambda m: m.start)
    mstarts = [m.start for m in ments]
    qspans = sorted(quotes)
    qstarts = [q[0] for q in qspans]

    def in_quote(pos: int) -> bool:
        k = bisect.bisect_right(qstarts, pos) - 1
        return k >= 0 and qspans[k][0] <= pos < qspans[k][1]

    def mention_at(s: int, e: int) -> Mention | None:
        k = bisect.bisect_right(mstarts, s) - 1
        while k >= 0 and k < len(ments):
            m = ments[k]
            if m.start <= s and e <= m.end:
                return m
            if m.end < s:
                break
            k -= 1
        return None

    ems: list[EventMention] = []
    for ss, se in sentences:
        sent = text[ss:se]
        taken: list[tuple[int, int]] = []
        for etype, rx in _TRIGGERS:
            for m in rx.finditer(text, ss, se):
                s, e = m.start(), m.end()
                if any(a < e and s < b for a, b in taken) or in_quote(s) \
                        or etype == "meeting" and any(a <= s and e <= b for a, b in titles):
                    continue
                inside = mention_at(s, e)
                if inside is not None and inside.label in ("ORG", "PER"):
                    # "National People's Congress": an organisation, not a congress; but a named
                    # forum tagged ORG by the model is still a forum
                    if not (etype in ("forum",) and text[s:e][0].isupper() and inside.end == e):
                        continue
                em = _make_mention(text, etype, s, e, (ss, se), ments, person_of_mention, ref, years)
                if em is not None:
                    taken.append((s, e))
                    ems.append(em)
        # counts of the sentence go to the first event mention in it, or stand alone
        cnts = extract_counts(text, ss, se)
        if cnts:
            here = [x for x in ems if ss <= x.start < se]
            target = here[0] if here else None
            counts = {}
            for c in cnts:
                counts.setdefault(c.kind, c.value)
            if target is not None:
                for k, v in counts.items():
                    target.counts.setdefault(k, v)
            else:
                ems.append(EventMention("counts", ss, ss, (ss, se), "", False, True, counts=counts))
    return _merge(ems)


_VISIT_SITE = re.compile(r"\s+(?:us\s+(?:at|on)\s+|our\s+|the\s+)?(?:website|web\s*site|site|page|homepage|"
                         r"www\.|https?://|[\w-]+\.(?:com|org|net|gov|ru|cn)\b)", re.I)
_SIGNED_ONLY = {"program", "programme", "roadmap", "road map", "declaration", "protocol"}
_SIGNED_BEFORE = re.compile(r"\bsign(?:ed|s|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}$", re.I)


# a link or call by video is an event when the sentence tells one held, attended or spoken at
_HELD_BY_VIDEO = re.compile(r"(?i)\b(?:meeting|talks|conference|summit|forum|session|briefing|ceremony|negotiations|held|hold|"
                            r"holds|took\s+part|take\s+part|participat\w*|attend\w*|addressed|spoke|speaking|congratulated|"
                            r"discussed|talked|chaired|opened|joined)\b")
_CALL_BETWEEN = re.compile(r"(?i)\b(?:in|during|at)\s+(?:a|an|the|their|his|her)\s+video\s+(?:call|link)|video\s+(?:call|link)\s+with\b")
_ADVICE_BEFORE = re.compile(r"\b(?:you|one|everyone|everybody|anyone)\s+(?:really\s+|simply\s+|definitely\s+)?"
                            r"(?:must|should|have\s+to|need\s+to|ought\s+to|can|could|might)\s+(?:\w+\s+)?$|"
                            r"\bmust-$", re.I)


def _make_mention(text, etype, s, e, sent, ments, person_of_mention, ref, years) -> EventMention | None:
    ss, se = sent
    word = text[s:e].lower()
    left = text[ss:s]
    right = text[e:se]
    planned = bool(_PLANNED.search(text[max(ss, s - 60):min(se, e + 40)]))
    if _ADVICE_BEFORE.search(text, max(ss, s - 40), s):
        return None       # "If you are in Russia, you must visit Kamchatka": advice, nothing that happened
    if etype == "video_conference" and word in ("video link", "video call") and not _HELD_BY_VIDEO.search(text, ss, se) \
            and not _CALL_BETWEEN.search(text, max(ss, s - 20), min(se, e + 6)):
        return None       # "could call the victim's acquaintances via video link": a way of calling, no conference held
    if _NEGATED_BEFORE.search(text, max(ss, s - 14), s):
        return None       # "a loft, which he didn't visit much": nothing that happened
    if etype == "meeting" and word == "met" and _MET_WITH_REACTION.match(text, e):
        return None       # "was met with hoots of laughter": a reaction, no meeting
    if etype == "meeting" and text[s:e] == "Met" and re.match(r" [A-Z]", text[e:e + 2]):
        return None       # "the Met Gala", "the Met Museum": the museum, no meeting
    if etype == "visit" and re.search(r"(?i)\byour\s+(?:\w+\s+)?$", left):
        return None       # "Enjoy your visit": a site's greeting, no event
    if etype == "meeting":
        if word in ("met", "meet", "meets"):
            if not re.match(r"\s+(?:with\s+)?(?:(?:the|his|her|their|its|a|an)\s+)?(?:[\w-]+\s+){0,2}?[A-Z]|\s+with\b", right):
                return None
            if word != "met":
                planned = True
        if word == "talks" and not re.search(r"\b(?:held|hold|holds|holding|the|bilateral|of|during|after|in|for)\s+$", left, re.I):
            return None
        if word == "meetings":
            return None
        if _SCORE.search(text, ss, se) or word == "meeting" and _MATCH_CONTEXT.search(text, ss, se):
            return None  # 'the meeting in Cherepovets concluded with a score of 4:3', 'the only goal in
            #              the last meeting was scored': a match
        if word == "audience" and not (re.match(r"\s+with\b", right) or
                                       re.search(r"\b(?:an|private|papal|general|royal)\s+$", left, re.I)):
            return None  # 'the Dreamforce audience': listeners; 'an audience with the Pope': a meeting
    if etype == "visit":
        if word == "visit" and (re.search(r"\bplease\s+$", left, re.I) or _VISIT_SITE.match(right)):
            return None  # 'please visit our website': an invitation to a page, not a trip
        if word == "visit" and text[s].isupper() and (not left.strip() or left.rstrip().endswith(":")) \
                and _IMPERATIVE_OBJECT.match(right):
            return None  # 'VISIT the Horse Show, Oct. 11–21', 'Visit Business Insider's homepage': an invitation
        if word in ("arrived", "arrives") and not re.match(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]", right):
            if not re.search(r"\bvisit\b", right):
                return None
        if word in ("arrived", "arrives") and re.search(r"\bvisit\b", right):
            return None  # 'arrived … on a visit to X': the visit trigger follows
        if word in ("trip", "tour") and not re.match(r"\s+(?:to|of)\s+(?:the\s+)?[A-Z]", right):
            return None
        if word in ("visited", "visiting") and not re.match(r"\s+(?:the\s+)?[A-Z]", right) \
                and not (word == "visited" and _COUNTED_PLACES.match(right)):
            return None   # ('visited three peasant farms' is a visit)
        if word == "visits" and not re.match(r"\s+(?:the\s+)?[A-Z]|\s+to\s+(?:the\s+)?[A-Z]", right):
            return None  # 'official visits' in general, 'not the time for visits'
        if word == "visit" and text[e:e + 1] == "-":
            return None  # a visit-centre is a building
    if etype == "agreement":
        if word == "documents":
            return None  # only as a count ("Eleven documents were signed")
        if word in _SIGNED_ONLY and not _SIGNED_BEFORE.search(left) and not re.match(r"\s+(?:was|were)\s+signed\b", right):
            return None  # a program or a declaration is an agreement only when signed
        if word.endswith("s") or word == "memoranda":
            if not re.search(r"\bsigned\b", text[ss:se]):
                return None
            if re.search(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a number of)\s+(?:\w+\s+)?$", left, re.I):
                pass
            else:
                return None
        premod = re.search(r"([A-Za-z0-9’'-]+)\s+$", left)
        dated = re.search(_MONTHS + r"\s+\d{1,2}\s+$", left)
        complete = _COMPLETE_AGREEMENT.search(text[ss:se])
        if not (complete or dated):
            return None
    if etype == "forum" and word.startswith("conference") and _NOT_FORUM.search(left[-10:]):
        return None  # a press conference, the Western Conference of a league: no gathering
    if etype == "forum" and text[s:e] == "Forum" and re.search(r"\bThe\s+$", left) and re.match(r"\s*[,(]", right):
        return None  # 'The Forum, Los Angeles': an arena
    subject_np = None
    if etype == "launch" and _LAUNCH_COMPOUND.match(right):
        return None       # 'the launch vehicle', 'the launch date was moved': a thing, not a launch
    if etype == "launch":
        quoted = quoted_name_near(text, ss, se, s, e)
        obj = right[:80]
        if _OPENING.match(word):
            # 'opened a second plant', 'opened its new office': the opened thing follows
            head = re.match(r"\s+((?:[\w’'-]+[ \t]+){0,4}[\w’'-]+)", right)
            if not head or not _LAUNCHABLE.search(head.group(1)) or re.match(r"\s+fire\b", right, re.I):
                return None
        elif _SUBJECT_LAUNCH.match(word):
            subject_np = _launch_subject(text, ss, s)
            if subject_np is None:
                return None
        elif not quoted and not _LAUNCHABLE.search(obj) and not _LAUNCHABLE.search(left[-60:]):
            return None
        elif re.search(r"\b(?:was|were|been|being|is|are)\s+$", left) and not quoted:
            subject_np = _launch_subject(text, ss, s)
    if etype == "forum" and word in ("congress",) and text[s].isupper():
        return None
    name, named, anaphor = _event_name(text, etype, s, e, ss, se, ments)
    if etype == "launch":
        quoted = quoted_name_near(text, ss, se, s, e)
        if quoted:
            name, named, anaphor = quoted.group(1), True, False
        elif subject_np:
            # 'the X project, which was launched' / 'the X railway began operating'
            name, named, anaphor = f"{subject_np} {' '.join(text[s:e].split())}", True, False
    if etype == "generic":
        anaphor = True
    # date, place, persons, participants
    date = None
    targets = deadline_spans(text, ss, se)
    for dm in sorted(find_dates(text, ss, se), key=lambda d: abs(d.start - e)):
        if any(a <= dm.start and dm.end <= b for a, b in targets):
            continue    # "by 2029", "rising to 40% in 2040": when something is due, not when this happened
        date = resolve(dm, ref, years, future=planned)
        if date:
            break
    place = _place(text, s, e, ss, se, ments, name)
    persons = {person_of_mention[(m.start, m.end)] for m in ments
               if ss <= m.start < se and m.label == "PER" and (m.start, m.end) in person_of_mention}
    participants = []
    for m in ments:
        if ss <= m.start < se and m.label in ("ORG", "LOC"):
            if m.label == "ORG" and (_REPORTED_BY_BEFORE.search(text, max(ss, m.start - 30), m.start)
                                     or _REPORTS_AFTER.match(text, m.end)):
                continue     # '…, the NGS reports', 'according to TASS': the outlet reports it, takes no part
            nm = " ".join(text[m.start:m.end].split())
            p = lookup_place(nm) if m.label == "LOC" else None
            if m.label == "LOC" and (p is None or p.kind != "country"):
                continue
            nm = p.name if p is not None else nm
            if nm not in participants:
                participants.append(nm)
    return EventMention(etype, s, e, sent, name, named, anaphor, date, place, {}, participants, persons, planned)


_REPORTED_BY_BEFORE = re.compile(r"\b(?:according to|citing|reported by|reports|quoted by)\s+(?:the\s+)?$", re.I)
_REPORTS_AFTER = re.compile(r"\s+(?:reports|reported|writes|wrote|informs)\s*[.,;]")


def _launch_subject(text: str, ss: int, s: int) -> str | None:
    """The launched thing named before a passive or intransitive trigger: its head noun (the
    last launchable noun in the clause) with the words that modify it ('Bashkir Longevity tourism
    project', 'China-Laos Railway', 'subway train')."""
    left = text[ss:s]
    heads = list(_LAUNCHABLE.finditer(left))
    if not heads:
        return None
    h = heads[-1]
    if len(left) - h.end() > 90:
        return None
    words = list(re.finditer(r"[\w’'-]+", left[:h.start()]))
    pre: list[str] = []
    nxt = h.start()
    for m in reversed(words):
        w = m.group()
        if w.lower() in _STOP_PREMOD or left[m.end():nxt].strip() or len(pre) >= 4:
            break
        pre.insert(0, w)
        nxt = m.start()
    return " ".join(pre + [h.group()])


_TIME_OF_DAY = {"a.m.", "p.m.", "a.m", "p.m", "am", "pm"}
_SPAN_OF_TIME = re.compile(r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|the next)\s+"
                           r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b|(?:Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
                           r"October|November|December)\b(?!\s+\d{1,2}\s+(?:[A-Z]|summit|forum|meeting))")


def _event_name(text, etype, s, e, ss, se, ments):
    # premodifiers: words before the trigger that are not determiners/prepositions/verbs
    left_words = list(re.finditer(r"[\w’'.-]+", text[ss:s]))
    pre = []
    for m in reversed(left_words):
        w = m.group()
        if w.lower() in _TIME_OF_DAY or w.isdigit() and text[ss + m.start() - 1:ss + m.start()] == ":":
            break      # "a 6:15 a.m. conference call": the time of day is no part of the name
        if w.lower() in _STOP_PREMOD or text[ss + m.end():s if not pre else pre[0][0]].strip(" ") not in ("",) \
                or not any(ch.isalnum() for ch in w):
            break      # (a dateline's dash is no word of the name)
        if len(pre) >= 5:
            break
        pre.insert(0, (ss + m.start(), ss + m.end()))
    # an ORG/LOC name inside the premodifiers stays whole
    name_s = pre[0][0] if pre else s
    trig = text[s:e]
    verbal = trig.lower() in ("met", "meet", "meets", "visited", "visiting", "visits", "arrived", "arrives",
                              "launched", "launches", "launching", "unveiled", "unveils", "inaugurated",
                              "opened", "opens", "commissioned")
    if verbal:
        name_s = s
    # complement: 'with X', 'of X', 'to X', 'by X', 'between X'
    comp_e = e
    cm = re.match(r"\s+(?:with|of|to|by|between|in|at|on)\s+", text[e:se]) if not verbal else re.match(r"\s+(?:with\s+|in\s+|at\s+|to\s+)?", text[e:se])
    if not verbal and trig[:1].isupper() and text[ss:s].strip():
        # (a sentence's first word is capitalised anyway: 'Negotiations between … intensified')
        # a capitalised title goes on with its own words: 'Summit for Democracy', 'Forum on Security'
        cm = re.match(r"\s+(?:with|of|to|by|between|in|at|on|for)\s+(?=[A-Z])", text[e:se]) or cm
    if cm and cm.group().strip() in ("in", "on") and _SPAN_OF_TIME.match(text, e + cm.end()):
        cm = None      # "the next meeting in four weeks", "a call on Friday": when, not where or what
    if cm and cm.group().strip() == "to" and re.match(r"(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|"
                                                      r"all|each|every|some|one|two|three)\b)[a-z]", text[e + cm.end():se]):
        cm = None      # "a meeting to say …": an infinitive of purpose, no complement
    if cm:
        rest_s = e + cm.end()
        stop = _COMPLEMENT_STOP.search(text, rest_s, se)
        rest_e = stop.start() if stop else se
        words = text[rest_s:rest_e].split()
        if words and words[0].lower() in ("the", "a") and len(words) == 1:
            words = []
        if words and not (cm.group().strip() == "on" and not words[0][0].isupper()):
            comp_e = rest_s + len(" ".join(words[:14])) if len(words) <= 14 else rest_s + len(" ".join(words[:14]))
            # keep the exact characters
            comp_e = min(rest_e, comp_e)
            comp_e = _word_boundary(text, rest_s, rest_e, 14)
            comp_e = _phrase_end(text, rest_s, rest_e, comp_e)
    name = " ".join(text[name_s:comp_e].split()).strip(" ,")
    premods = text[name_s:s].strip()
    has_cap = any(w[:1].isupper() or w[:1].isdigit() for w in premods.split())
    named = bool(premods) or comp_e > e or verbal
    det = _DET_ANAPHOR.search(text[max(ss, name_s - 12):name_s])
    if det and not premods and trig[:1].islower() and cm and cm.group().strip() in ("on", "in", "at", "during"):
        # 'the summit on YouTube', 'the meeting in Minsk': a place or medium, the event is known
        return name, False, True
    anaphor = (not premods and comp_e == e and not verbal) or (bool(det) and not has_cap and comp_e == e
                                                                and premods.lower() in ("", "event"))
    if det and premods.lower() in ("same", "said", "above", "aforementioned"):
        anaphor = True
    return name, named or has_cap, anaphor


_FUNCTION_WORDS = {"of", "and", "or", "the", "a", "an", "for", "in", "on", "at", "to", "with", "by", "from", "between",
                   "its", "their", "his", "her"}
PHRASE_OVERRUN = 3      # words a complement may run past the word limit to reach its noun


def _phrase_end(text: str, s: int, e: int, cut: int) -> int:
    """A complement the word limit cut inside a phrase runs on to that phrase's end within a few
    words: past a function word ('… representatives of | Chinese regions') or inside a name
    ('… of China’s National | People’s Congress'); where it cannot, it ends before the function
    word."""
    words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    k = next((i for i, (a, b) in enumerate(words) if b == cut), None)
    if k is None or k + 1 >= len(words):
        return cut
    word = lambda i: text[words[i][0]:words[i][1]]
    low = lambda i: word(i).lower().strip(",;:")
    in_name = word(k)[:1].isupper() and word(k)[-1:].isalnum() and word(k + 1)[:1].isupper()
    if low(k) not in _FUNCTION_WORDS and not in_name:
        return cut
    for i in range(k + 1, min(len(words), k + 1 + PHRASE_OVERRUN)):
        ends = not word(i)[-1:].isalnum() or i + 1 >= len(words) or low(i + 1) in _FUNCTION_WORDS \
            or in_name and not word(i + 1)[:1].isupper()
        if ends and low(i) not in _FUNCTION_WORDS:
            return words[i][1]
    while k > 0 and low(k) in _FUNCTION_WORDS:
        k -= 1
    return words[k][1]


def _word_boundary(text, s, e, max_words):
    n = 0
    pos = s
    for m in re.finditer(r"\S+", text[s:e]):
        n += 1
        pos = s + m.end()
        if n >= max_words:
            break
    return pos


def _place(text, s, e, ss, se, ments, name):
    best = None
    for m in ments:
        if m.label != "LOC" or not (ss <= m.start < se):
            continue
        left = text[max(ss, m.start - 12):m.start].lower()
        # a place naming the event stands before its word ('the Liverpool summit') or is its
        # object ('visited Kamchatka'); further on it qualifies someone else ('a meeting with
        # the U.S. Secretary of State', 'an agreement between the Vatican and Germany')
        in_name = name and text[m.start:m.end] in name and (m.end <= s or not text[e:m.start].strip())
        if re.search(r"\b(?:in|at|to|into|near|of|from)\s+(?:the\s+)?$", left) or in_name:
            p = lookup_place(text[m.start:m.end])
            kind_pen = 0 if (p is None or p.kind != "country") else 500
            d = abs(m.start - e) + kind_pen
            if best is None or d < best[0]:
                best = (d, " ".join(text[m.start:m.end].split()))
    return best[1] if best else None


_COMPAT = {"meeting": {"meeting", "forum", "video_conference"}, "forum": {"forum"}, "visit": {"visit"},
           "agreement": {"agreement"}, "video_conference": {"video_conference"}, "launch": {"launch"},
           "generic": {"forum", "meeting", "video_conference", "launch", "visit", "agreement"},
           "counts": {"forum", "meeting", "video_conference", "agreement", "visit"}}


def _merge(ems: list[EventMention]) -> list[Event]:
    events: list[Event] = []
    current: Event | None = None
    waiting: list[EventMention] = []  # 'The meeting's participants …' before the event is named
    for m in sorted(ems, key=lambda x: x.start):
        target = None
        if m.type == "visit" and not m.persons and not m.planned:
            # 'The guests visited the apiary': a further stop of the visit already told, not a new one
            target = next((ev for ev in reversed(events) if ev.type == "visit" and not ev.planned), None)
        if target is None and (m.type in ("generic", "counts") or m.anaphor):
            for ev in reversed(events):
                if ev.type in _COMPAT[m.type] and not ev.planned:
                    target = ev
                    break
            if target is None and m.anaphor and m.type not in ("generic", "counts") and not m.planned:
                waiting.append(m)
                continue
            if target is None and m.type == "counts":
                if "documents_signed" in m.counts:
                    ev = Event("agreement", name="documents signed")
                    ev.absorb(m)
                    events.append(ev)
                continue
            if target is None and m.type == "generic":
                continue
        if target is None:
            for ev in events:
                if ev.type != m.type:
                    continue
                if m.date and ev.date and m.date == ev.date and ev.type != "meeting":
                    target = ev
                    break
                if m.named and _word_f1(ev.name, m.name) >= 0.6:
                    target = ev
                    break
                if m.type == "meeting" and len(ev.persons & m.persons) >= 2:
                    target = ev
                    break
                if m.type == "launch" and not ev.planned and not m.planned and not ev.date and not m.date \
                        and {w.lower() for w in _LAUNCHABLE.findall(ev.name)} & {w.lower() for w in _LAUNCHABLE.findall(m.name)}:
                    target = ev  # 'opens new plant' (headline) … 'opened a second plant'
                    break
                if m.type == "visit" and ev.persons & m.persons and not ev.planned and not m.planned:
                    target = ev  # the same person's visit told again ('arrived in Warsaw … the visit')
                    break
        if target is None:
            ev = Event(m.type if m.type != "generic" else "meeting", planned=m.planned)
            ev.absorb(m)
            events.append(ev)
            current = ev
        else:
            target.absorb(m)
            current = target
        if waiting and not current.planned:
            for w in [w for w in waiting if current.type in _COMPAT[w.type]]:
                current.absorb(w)
                waiting.remove(w)
    late: list[Event] = []
    for w in waiting:  # never named later: the first such mention is the event, the rest join it
        ev = next((x for x in reversed(late) if x.type in _COMPAT[w.type]), None)
        if ev is None:
            ev = Event(w.type, planned=w.planned)
            late.append(ev)
        ev.absorb(w)
    return events + late
