"""English direct speech: quoted text with its speaker.

A quotation (any quote style, several paragraphs, split by "he said") is kept when an
attribution ties it to a person: a speech verb next to it ("…," said X / X said: "…"), a
reporting frame ("Kommersant quoted the words of the Chinese leader", "ERR reported X as
saying"), "according to X" in its sentence, or, for a quote paragraph standing alone, the
speaker of the quote just before it. The speaker may be a name, a pronoun (resolved to the
nearest compatible person) or a title ("the State Counselor" -> the person holding it).
Titles of works, project names and scare quotes are not quotes: a quoted stretch that follows
a naming noun ("the project "…""), reads as a title (Title Case), or has no speech frame in its
sentence is dropped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..common.quotes import merge_continuations, scan_quotes
from . import lexicon as lx
from ..common.given_names import is_given_name
from .ner import Mention
from .people import Person

_VERB = r"(?:" + "|".join(sorted((re.escape(v) for v in lx.SPEECH_VERBS), key=len, reverse=True)) + r")"
_ADV = r"(?:(?:also|then|later|further|again|once\s+again|earlier|previously|repeatedly|firmly|clearly|then)\s+)?"
_PRON = r"(?:he|she|they|He|She|They)"
_TITLE_NP = r"(?:the|The)\s+(?:[\w’'-]+\s+){0,9}?[\w’'-]+"
# after the quote: ', said X' / ', X said' / ', he said' / ', the State Counselor said'
_AFTER_VERB_FIRST = re.compile(r"^[\s,–—-]*" + _ADV + _VERB + r"\b(?:\s+(?:also|then))?\s+(?P<who>.{1,200})", re.S)
_AFTER_SUBJ_FIRST = re.compile(r"^[\s,–—-]*(?P<who>.{1,160}?)\s+" + _ADV + r"(?P<verb>" + _VERB + r")\b", re.S)
_REPORTER = re.compile(r"(?:quoted|quotes|quoting|reported|reports|cited|cites)\s+(?:the\s+words\s+of\s+)?(?P<who>.{1,120}?)(?:\s+as\s+saying|\s*[.,;]|$)")
_BEFORE_COLON = re.compile(r"(?::|,)\s*$")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Ii]n the words of|[Aa]s quoted by)\s+(?P<who>[^,.;]{1,120}?)(?=[,.;]|$)")
_NEW_STATEMENT = re.compile(r"\s+that\b|\s*:\s*[\"“]")     # '… said that …', '… said: "…"': words of their own
_SO_SAID = re.compile(r"^\s*(?:So|Thus|This is what|That is what|This was)\s+(?:said|stated|noted|wrote|stressed)\s+(?:by\s+)?(?P<who>.{1,150})")
_TITLECASE_SMALL = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "with", "at", "by", "from", "as", "is", "&"}


RECENT_SPEAKER_CHARS = 700  # a pronoun within this distance of the last attribution means that speaker


@dataclass
class QuoteHit:
    start: int
    end: int
    person: Person
    speaker_span: tuple[int, int] | None
    attribution_span: tuple[int, int] | None
    how: str
    parts: list[tuple[int, int]]


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_POSSESSOR = re.compile(r"['’]s?\s+[a-z]")
_MODIFIER_USE = re.compile(r"(?:['’]s)?\s+[a-z]")


def _compound_title(gap: list[str]) -> bool:
    """A title of common nouns ending in a title head right before the name ('said municipality
    head Sergey Nikitenko', 'said opposition leader X'): at most three plain words."""
    words = [w.strip(",") for w in gap]
    return 1 < len(words) <= 3 and words[-1].lower() in lx.ROLE_HEADS and all(w.isalpha() for w in words) \
        and not any(w.lower() in ("that", "to", "and", "or", "but", "who", "which") for w in words)


class SpeakerResolver:
    """Maps an attribution phrase to a person: names, pronouns, titles."""

    def __init__(self, text: str, people: list[Person]):
        self.text = text
        self.people = people
        self.by_mention = []
        for p in people:
            for m in p.mentions:
                self.by_mention.append((m.start, m.end, p))
        self.by_mention.sort(key=lambda t: t[0])
        self.starts = [t[0] for t in self.by_mention]
        self.last_speaker: Person | None = None
        self.last_speaker_pos = -1

    def person_in(self, s: int, e: int, first: bool = True) -> tuple[Person, tuple[int, int]] | None:
        k = bisect.bisect_left(self.starts, s)
        hits = []
        while k < len(self.by_mention) and self.by_mention[k][0] < e:
            ms, me, p = self.by_mention[k]
            if me <= e:
                hits.append((p, (ms, me)))
            k += 1
        if not hits:
            return None
        return hits[0] if first else hits[-1]

    def pronoun(self, word: str, pos: int) -> Person | None:
        w = word.lower()
        want = "f" if w in lx.FEMALE_PRONOUNS else "m" if w in lx.MALE_PRONOUNS else None
        if want is None:
            return None
        # the last speaker, when compatible and recent, else the nearest compatible person before
        if self.last_speaker is not None and self.last_speaker.gender in (want, None) \
                and 0 <= pos - self.last_speaker_pos < RECENT_SPEAKER_CHARS:
            return self.last_speaker
        k = bisect.bisect_left(self.starts, pos) - 1
        unsure = None        # a one-word name of no known gender ("Indigenous Peoples"): a last resort
        while k >= 0:
            ms, me, p = self.by_mention[k]
            if pos - me > 3000 or unsure is not None and pos - me > UNSURE_PRONOUN_REACH:
                break
            if _MODIFIER_USE.match(self.text, me) and _THE_BEFORE.search(self.text, max(0, ms - 5), ms):
                k -= 1       # "the Biden administration's …": a name that modifies a noun is not who "he" is
                continue
            if _POSSESSOR.match(self.text, me) and self._compatible_before(k, want, pos):
                k -= 1       # "Simmons teed up McDonald's cameo. '…,' he said": the owner is not the subject
                continue
            if p.gender is None and " " not in p.name and not is_given_name(p.name):
                unsure = unsure or p
                k -= 1
                continue
            if p.gender in (want, None):
                if self.last_speaker is not None and self.last_speaker.gender in (want, None) \
                        and self.last_speaker_pos >= ms and pos - self.last_speaker_pos < 1500:
                    return self.last_speaker
                return p
            k -= 1
        return unsure

    def _compatible_before(self, k: int, want: str, pos: int) -> bool:
        """Another person of the wanted gender named before mention ``k`` in the same sentence."""
        ms, _, p = self.by_mention[k]
        stop = max(self.text.rfind(". ", 0, ms), self.text.rfind("\n", 0, ms))
        return any(stop < s2 < ms and p2 is not p and p2.gender in (want, None) and not _POSSESSOR.match(self.text, e2)
                   for s2, e2, p2 in self.by_mention[max(0, k - 6):k])

    def title(self, phrase: str, pos: int, para_start: int | None = None) -> Person | None:
        """'the State Counselor', 'the head of the Belarusian Union of Journalists', 'the forward'.
        The person just named in the same paragraph wins when nothing contradicts the title
        (no role, or a role with the same head noun); otherwise the best role match."""
        words = [w.lower().strip(",.’'") for w in phrase.split()]
        if words and words[0] in ("the", "a"):
            words = words[1:]
        heads = [w for w in words if w in lx.ROLE_HEADS or w in lx.ROLE_PLURALS]
        if not heads:
            return None
        mods = [w for w in words if w not in heads and w not in ("of", "the", "and", "for")]
        best, best_score = None, 0.0
        for p in self.people:
            before = [m for m in p.mentions if m.start < pos]
            if not before:
                continue
            desc = self._descriptors(p)
            score = 2.0 * any(h in desc for h in heads)
            score += sum(1 for w in mods if w in desc) - sum(1 for w in mods if w not in desc)
            score += 1e-7 * max(m.start for m in before)   # recency breaks ties
            if score >= 1 and score > best_score:
                best, best_score = p, score
        return best

    def _descriptors(self, p: Person) -> set[str]:
        """Words that describe a person: roles, their organisations, and the words just before
        the first mention ("her Norwegian counterpart Jonas Berg")."""
        words = set()
        for r, o in zip(p.roles, p.orgs):
            words |= set(re.findall(r"[\w-]+", (r + " " + (o or "")).lower()))
        m0 = p.mentions[0]
        for w in reversed(re.findall(r"[\w-]+", self.text[max(0, m0.start - 40):m0.start])[-3:]):
            if not (w[:1].isupper() or w.lower() in lx.ROLE_HEADS or w.lower() in lx.ROLE_MODIFIERS):
                break
            words.add(w.lower())
        return words

    para_start: int | None = None   # start of the paragraph being read (set by find_quotes)
    quote_open: int | None = None   # opening mark of the quote being attributed (names inside it are not speakers)

    def resolve(self, phrase_start: int, phrase_end: int, anchored: bool = False
                ) -> tuple[Person, tuple[int, int] | None, str] | None:
        """The person a phrase names; ``anchored``: the name must open the phrase (titles may precede it)."""
        phrase = self.text[phrase_start:phrase_end]
        hit = self.person_in(phrase_start, phrase_end)
        if hit and anchored:
            gap_text = self.text[phrase_start:hit[1][0]]
            gap = gap_text.split()
            if not all(w[:1].isupper() or w.lower().strip(",") in ("of", "the", "and", "for")
                       or w.lower().strip(",") in lx.ROLE_HEADS or w.lower().strip(",") in lx.ROLE_MODIFIERS
                       for w in gap) and not (_TITLE_THEN_COMMA.fullmatch(gap_text)
                                              and any(w.lower().strip(",") in lx.ROLE_HEADS for w in gap)) \
                    and not _compound_title(gap):
                hit = None   # ('said the deputy prime minister and minister of ecology for the region, Dmitry
                #              Kurakin': a long title set off by a comma before the name is his)
        if hit:
            return hit[0], hit[1], "name"
        m = re.match(r"\s*(he|she|He|She)\b", phrase)
        if m:
            p = self.pronoun(m.group(1), phrase_start)
            if p:
                return p, (phrase_start + m.start(1), phrase_start + m.end(1)), "pronoun"
            return None
        m = re.match(r"\s*((?:the|The)\s+[^,.;:\"“”]{1,100})", phrase)
        if m:
            p = self.title(m.group(1), phrase_start, self.para_start)
            if p:
                return p, (phrase_start + m.start(1), phrase_start + m.end(1)), "title"
        return None

    def fallback_title(self, phrase: str, pos: int) -> Person | None:
        """'said the forward' where no person holds that title: the speaker just quoted, who
        then gets the title as a role (news style varies how it names the same speaker)."""
        words = [w.lower().strip(",.") for w in phrase.split()[1:]]
        if not words or not all(w in lx.ROLE_HEADS or w in lx.ROLE_MODIFIERS for w in words) or len(words) > 3:
            return None
        p = self.last_speaker
        if p is None or pos - self.last_speaker_pos > RECENT_SPEAKER_CHARS * 2:
            p = None
        reported = self._reported_speaker(pos)
        if reported is not None and (p is None or reported[1] > self.last_speaker_pos):
            p = reported[0]      # words reported since the last quote: their speaker goes on
        if p is None:
            named = [q for q in self.people if any(m.start < pos for m in q.mentions)]
            if len(named) == 1 and max(m.start for m in named[0].mentions if m.start < pos) > pos - RECENT_SPEAKER_CHARS \
                    and not _introduced_unnamed(self.text, words[-1], max(0, pos - RECENT_SPEAKER_CHARS * 2), pos):
                # '… Ulrich Weigeldt is convinced of this. "…," the expert believes': the one person named so
                # far (the title stays unassigned: a later 'the expert' may be someone named meanwhile)
                return named[0]
            return None
        # "said one legal expert … the expert warned", "A doctor on the scene … the doctor said":
        # the title takes up someone the text introduced without a name, not the last speaker
        if _introduced_unnamed(self.text, words[-1], max(0, pos - RECENT_SPEAKER_CHARS * 2), pos):
            return None
        p.add_role(" ".join(phrase.split()[1:]), None, pos, pos + len(phrase))
        return p

    def _reported_speaker(self, pos: int) -> tuple[Person, int] | None:
        """The person named last before ``pos`` and where, when the text reported their words
        there ("Abutalimov added that ...", "according to Salzberger, ...") and no one else was
        named since: the one 'the expert' then quotes."""
        k = bisect.bisect_left(self.starts, pos) - 1
        if k < 0:
            return None
        ms, me, p = self.by_mention[k]
        if pos - me > RECENT_SPEAKER_CHARS * 2:
            return None
        if _REPORTED_AFTER.match(self.text, me) or _ACCORDING_TO_BEFORE.search(self.text, max(0, ms - 20), ms):
            return p, ms
        return None

    def note_speaker(self, p: Person, pos: int) -> None:
        self.last_speaker, self.last_speaker_pos = p, pos


_REPORTED_AFTER = re.compile(r"(?:['’]s)?,?\s+" + _ADV + _VERB + r"\b")     # 'Abutalimov added that
_ACCORDING_TO_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?:[\w-]+\s+){0,4}$")


_TITLE_THEN_COMMA = re.compile(r"\s*(?:the|a|an)\s+[^.;:!?\"“”()]{1,160},\s*")


def _is_titleish(s: str) -> bool:
    words = [w for w in re.findall(r"[\w’'-]+", s)]
    if not words or len(words) > 14:
        return False
    content = [w for w in words if w.lower() not in _TITLECASE_SMALL]
    if not content:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= 0.75 and not re.search(r"[.!?]\s*$", s.strip())


def _sentence_like(s: str) -> bool:
    words = s.split()
    return len(words) >= 5 or bool(re.search(r"[.!?…]\s*$", s.strip()))


def _naming_noun_before(text: str, pos: int, lo: int) -> bool:
    left = text[max(lo, pos - 40):pos]
    m = re.search(r"([\w-]+)\s*[,:]?\s*$", left)
    return bool(m and m.group(1).lower() in lx.NAMING_NOUNS)


def find_quotes(text: str, paras: list[tuple[int, int]], sentences: list[tuple[int, int]],
                people: list[Person], mentions: list[Mention]) -> list[QuoteHit]:
    res = SpeakerResolver(text, people)
    sent_starts = [s for s, _ in sentences]
    out: list[QuoteHit] = []
    prev_hit_para: int | None = None

    def sentence_of(pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(sent_starts, pos) - 1
        return sentences[k] if k >= 0 else (pos, pos)

    for pi, (ps, pe) in enumerate(paras):
        groups = merge_continuations(scan_quotes(text, ps, pe))
        res.para_start = ps
        blanked = _blank_quotes(text, groups, ps, pe)
        para_hits: list[QuoteHit] = []
        for gi, g in enumerate(groups):
            qs, qe = g.start, g.end
            inner = text[qs:qe]
            if qe <= qs or not inner.strip():
                continue
            if gi == 0 and out and prev_hit_para == pi - 1 and text[ps:g.open_at].strip() == "" \
                    and _runs_to_para_end(text, out[-1], paras[pi - 1]):
                # a quotation over several paragraphs: the previous paragraph's quote was left open
                # (its closing mark never came) and this paragraph opens the mark again
                out[-1].parts.append((qs, qe))
                para_hits.append(out.pop())
                continue
            ss, _ = sentence_of(g.open_at)
            _, se = sentence_of(max(g.after - 1, g.open_at))
            ss, se = max(ss, ps), min(max(se, g.after), pe)
            nxt = groups[gi + 1].open_at if gi + 1 < len(groups) else pe
            # a quote that closes its sentence may be attributed by the next one ('…" Zhukov writes.')
            p2 = g.after
            while p2 < pe and text[p2].isspace():
                p2 += 1
            if p2 < pe and p2 >= se:
                se = min(sentence_of(p2)[1], pe) if sentence_of(p2)[0] >= p2 - 1 else se
            before_s = ss
            if para_hits and para_hits[-1].end >= ss:
                before_s = max(before_s, para_hits[-1].end + 1)
            res.quote_open = g.open_at
            inside = _attribution_inside(text, res, qs, qe)
            if inside is not None:
                person, sp_span, (a, b) = inside
                res.note_speaker(person, a)
                para_hits.append(QuoteHit(qs, qe, person, sp_span, (a, b), "inside", [(qs, a), (b, qe)]))
                continue
            found = _attribute(text, blanked, res, before_s, g.open_at, g.after, min(nxt, se), se, inner)
            if found is not None:
                person, sp_span, attr_span, how = found
                if _not_speech(text, g, inner, how, ps):
                    continue
                res.note_speaker(person, attr_span[0] if attr_span else qs)
                para_hits.append(QuoteHit(qs, qe, person, sp_span, attr_span, how, [(qs, qe)]))
                continue
            if _not_speech(text, g, inner, "none", ps):
                continue
            # split quote: '"…," he said. "…"' -> one quote
            if para_hits and _only_attribution_between(text, para_hits[-1], g.open_at):
                para_hits[-1].parts.append((qs, qe))
                continue
            # another fragment of the same sentence as an attributed one: same speaker
            if para_hits and para_hits[-1].end >= ss and not _sentence_like(inner):
                last = para_hits[-1]
                para_hits.append(QuoteHit(qs, qe, last.person, None, last.attribution_span, "same-sentence", [(qs, qe)]))
                continue
            # a quote paragraph on its own, after a paragraph whose quote had a speaker
            if not para_hits and prev_hit_para == pi - 1 and out and _sentence_like(inner) \
                    and text[ps:g.open_at].strip() == "" and res.person_in(ps, pe) is None:
                last = out[-1]
                para_hits.append(QuoteHit(qs, qe, last.person, None, None, "previous", [(qs, qe)]))
        if para_hits:
            prev_hit_para = pi
        out.extend(para_hits)
    return out


# '"… financial capacity, explained the general director of NAPI Tatyana Arabadzhi. — Chinese brands …"':
# the Russian habit, kept in translation, of setting the attribution inside the marks between dashes
_INSIDE_VERB_FIRST = re.compile(r",\s+" + _ADV + _VERB + r"\s+(?P<who>[^\"“”«»—–]{2,200}?)[.,]?\s+[—–]\s+(?=\S)")
_INSIDE_SUBJ_FIRST = re.compile(r",\s+(?P<who>[^\"“”«»—–,]{2,120}?)\s+" + _ADV + _VERB + r"[.,]?\s+[—–]\s+(?=\S)")


def _attribution_inside(text: str, res: SpeakerResolver, qs: int, qe: int):
    """(person, speaker span, attribution span) for a quote whose marks hold its attribution."""
    for rx in (_INSIDE_VERB_FIRST, _INSIDE_SUBJ_FIRST):
        m = rx.search(text, qs, qe)
        if m is None:
            continue
        r = res.resolve(m.start("who"), m.end("who"), anchored=True)
        if r is not None and r[1] is not None and r[2] in ("name", "pronoun", "title"):
            return r[0], r[1], (m.start(), m.end())
    return None


def _runs_to_para_end(text: str, hit: QuoteHit, para: tuple[int, int]) -> bool:
    """The hit's last part ends its paragraph with no closing quotation mark."""
    end = hit.parts[-1][1]
    ps, pe = para
    if not (ps <= end <= pe) or text[end:pe].strip():
        return False
    return not (end < len(text) and text[end] in "”»\"’")


def _blank_quotes(text: str, groups, ps: int, pe: int) -> str:
    """The paragraph with quoted text replaced by spaces (same offsets, relative to 0 of text)."""
    chars = list(text[ps:pe])
    for g in groups:
        for q in g.pieces:
            for i in range(q.start, q.end):
                if ps <= i < pe:
                    chars[i - ps] = " "
    return " " * ps + "".join(chars)


def _not_speech(text: str, g, inner: str, how: str, ps: int) -> bool:
    """Titles, names of projects and scare quotes."""
    if _naming_noun_before(text, g.open_at, ps) and how != "after":
        return True
    if _is_titleish(inner) and how != "after":
        return True
    return False


def _only_attribution_between(text: str, prev: QuoteHit, open_at: int) -> bool:
    if prev.attribution_span is None or prev.how not in ("after", "pronoun", "title"):
        return False
    gap = text[prev.end:open_at]
    return len(gap) < 300 and prev.attribution_span[0] >= prev.end


def _attribute(text, blanked, res: SpeakerResolver, before_s, open_at, after_s, after_e, sent_e, inner):
    """(person, speaker_span, attribution_span, how) for a quote, or None.
    ``after_e``: end of the attribution zone after the quote (next quote or sentence end);
    ``sent_e``: the sentence end (fragments look that far)."""
    sentence_like = _sentence_like(inner)
    clause = text[after_s:after_e]
    # 1. reporting frame: '", RIA-Novosti quotes him as saying', '," Kommersant quoted the words of X'
    m = _REPORTER.search(clause)
    if m and m.start() < 60:
        ws, we = after_s + m.start("who"), after_s + m.end("who")
        r = res.resolve(ws, we, anchored=True) or _pronoun_obj(text, res, ws, we)
        if r:
            return r[0], r[1], (after_s + m.start(), after_s + m.end()), "after"
    # 2. '…," said X' / '…," she noted' / '…" Zhukov writes' / '…," the State Counselor said'
    m = _AFTER_VERB_FIRST.match(clause)
    if m:
        ws = after_s + m.start("who")
        we = after_s + min(m.end("who"), m.start("who") + 170)   # a long title set off before the name
        r = res.resolve(ws, we, anchored=True)
        if r:
            return r[0], r[1], (after_s, we), _how("after", r[2])
        tm = re.match(r"\s*((?:the|The)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2})\s*[.,]", text[ws:we + 2])
        if tm:
            p = res.fallback_title(tm.group(1), ws)
            if p:
                return p, (ws + tm.start(1), ws + tm.end(1)), (after_s, ws + tm.end(1)), "title"
    m = _AFTER_SUBJ_FIRST.match(clause)
    if m and re.search(r"[.!?]\s*$", inner) and _NEW_STATEMENT.match(text, after_s + m.end("verb")):
        m = None   # '… out of their pockets." In October, Antonio Guterres stated that …': a statement of its own
    # (an initial's period is no sentence end: '…," E. Nabiullina said')
    if m and len(m.group("who").split()) <= 10 and not re.search(r"[\"“”«».!?]", _INITIAL.sub("", m.group("who"))):
        ws, we = after_s + m.start("who"), after_s + m.end("who")
        r = res.resolve(ws, we, anchored=True)
        if r:
            return r[0], r[1], (ws, after_s + m.end("verb")), _how("after", r[2])
        if re.match(r"\s*(?:the|The)\s", m.group("who")):
            p = res.fallback_title(m.group("who"), ws)
            if p:
                return p, (ws, we), (ws, after_s + m.end("verb")), "title"
    # 3. before, in the same sentence: 'X said: "…"', 'X noted that "…"', 'According to X, … "…"'
    before = blanked[before_s:open_at]
    if before.strip():
        verb = None
        for vm in re.finditer(r"\b" + _VERB + r"\b", before):
            verb = vm
        colon = re.search(r":\s*$", before)
        hit = res.person_in(before_s, open_at)
        if verb:
            subject = res.person_in(before_s, before_s + verb.start(), first=False)
            if subject and subject != hit and _SUBJECT_GAP.fullmatch(text, subject[1][1], before_s + verb.start()):
                hit = subject    # '… the Reckoning Crew, Scott told co-host Gayle King, "…"': who tells
        if hit and _ADDRESSEE_BEFORE.search(text, max(before_s, hit[1][0] - 40), hit[1][0]):
            hit = None      # 'The congratulatory message sent to Ebrahim Raisi says: "…"': who is written to
        if hit and text[hit[1][0]:hit[1][1]] and blanked[hit[1][0]] != " ":
            if colon or (verb and before_s + verb.start() > hit[1][0]):
                return hit[0], hit[1], (before_s, open_at), "before"
        if colon or verb:
            m = re.search(r"\b(he|she|He|She)\b\s+(?:\w+\s+){0,3}?(?:" + _VERB + r")\b", before)
            if m:
                p = res.pronoun(m.group(1), before_s + m.start(1))
                if p:
                    return p, (before_s + m.start(1), before_s + m.end(1)), (before_s, open_at), "pronoun"
            for vm in re.finditer(r"\b" + _VERB + r"\b", before):
                head = re.sub(r"(?:\s+(?:also|then|further|again|later|has|had|have|once))*\s*$", "", before[:vm.start()])
                tm = re.search(r"(?:^|[\s,])((?:the|The)\s+[\w’'-]+(?:\s+[\w’'-]+){0,7})$", head)
                if tm:
                    p = res.title(tm.group(1), before_s + tm.start(1), res.para_start)
                    if p:
                        return p, (before_s + tm.start(1), before_s + tm.end(1)), (before_s, open_at), "title"
        m = _ACCORDING.search(before)
        if m:
            r = res.resolve(before_s + m.start("who"), before_s + m.end("who"), anchored=True)
            if r:
                return r[0], r[1], (before_s + m.start(), before_s + m.end()), "according"
    # 4. fragments: the speech frame later in the sentence (', he told CNBC')
    if not sentence_like:
        rest = blanked[after_s:sent_e]
        m = re.search(r"(?:^|,\s*)(he|she)\s+(?:also\s+)?" + _VERB + r"\b", rest)
        if m:
            p = res.pronoun(m.group(1), after_s + m.start(1))
            if p:
                return p, (after_s + m.start(1), after_s + m.end(1)), (after_s + m.start(1), after_s + m.end()), "pronoun"
    # 5. the next sentence: '… "primitive and ineffective". So said Daniel Russell'
    tail = text[after_s:min(len(text), after_s + 200)]
    lead = len(tail) - len(tail.lstrip(" .”\""))
    m = _SO_SAID.match(tail[lead:])
    if m:
        ws, we = after_s + lead + m.start("who"), after_s + lead + m.end("who")
        r = res.resolve(ws, we, anchored=True)
        if r:
            return r[0], r[1], (after_s + lead, we), "after"
    return None


_INITIAL = re.compile(r"\b[A-Z]\.")
# 'a message sent to Ebrahim Raisi says: "…"', 'the letter addressed to President X reads': the addressee
_ADDRESSEE_BEFORE = re.compile(r"\b(?:sent|addressed|written|delivered|handed)\s+to\s+(?:[A-Z][\w-]*\s+){0,3}$")
UNSURE_PRONOUN_REACH = 1500   # how far before a one-word name of no known gender "he" may look for a surer one
# between a speech verb and the name right before it (its subject): nothing, or adverbs
_SUBJECT_GAP = re.compile(r"\s*(?:(?:also|then|later|again|further|once|has|had|have|\w+ly)\s+)*")


def _how(position: str, kind: str) -> str:
    """'after'/'before' for a named speaker; 'pronoun' or 'title' when resolved that way."""
    return kind if kind in ("pronoun", "title") else position


def _pronoun_obj(text, res: SpeakerResolver, ws, we):
    m = re.match(r"\s*(him|her)\b", text[ws:we])
    if m:
        p = res.pronoun("he" if m.group(1) == "him" else "she", ws)
        if p:
            return p, (ws + m.start(1), ws + m.end(1)), "pronoun"
    return None


def _introduced_unnamed(text: str, title: str, lo: int, hi: int) -> bool:
    """Someone the text brings in by that title without a name ("one legal expert") in [lo, hi)."""
    return re.compile(r"(?i)\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}" + re.escape(title) + r"\b").search(
        text, lo, hi) is not None


_TITLE_SAID = re.compile(r"\b[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*)\s+(?:also\s+|further\s+|then\s+|later\s+)?"
                         r"(?:said|says|added|noted|stressed|told)\b"
                         r"|\b(?:said|says|added|noted|stressed)\s+the\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)(?=\s*[,.;]|\s+(?:on|in|at|during|after|before|while)\b)")


def speech_titles(text: str, paras: list[tuple[int, int]], people: list[Person], quoted: list[tuple[int, int]]) -> None:
    """Reported speech without quotation marks that names its speaker by a title ("…, the
    pontiff said during a sermon"): the one person named just before holds that title. Only
    when the reference is plain: a single person named in the window, none introduced unnamed
    ("a doctor … the doctor said"), the title all role words ending in a title head."""
    starts = sorted((m.start, p) for p in people for m in p.mentions)
    for a, b in paras:
        for m in _TITLE_SAID.finditer(text, a, b):
            phrase = m.group(1) or m.group(2)
            words = phrase.split()
            if words[-1] not in lx.ROLE_HEADS or not all(w in lx.ROLE_HEADS or w in lx.ROLE_MODIFIERS for w in words):
                continue
            if any(s - 6 <= m.end() and m.start() <= e + 6 for s, e in quoted):
                continue                      # in or next to a quote: the quote resolver's job
            lo = max(a, m.start() - RECENT_SPEAKER_CHARS)
            near = {id(p): p for s, p in starts if lo <= s < m.start()}
            if len(near) != 1:
                continue
            if _introduced_unnamed(text, words[-1], lo, m.start()):
                continue
            p = next(iter(near.values()))
            if any(r.lower().split()[-1:] == [words[-1]] for r in p.roles):
                continue                      # already holds that title
            s = m.start(1) if m.group(1) else m.start(2)
            p.add_role(phrase, None, s, s + len(phrase))
