"""What the linker keeps of a document: sampled shingle hashes, anchors, lead, attributions.

- Shingles: word 5-grams (casefolded, NFKC); Chinese text has no spaces, so each Han
  character is a token and shingles are 7 characters long. Each shingle is hashed to 64
  bits; a hash is *sampled* when ``h % FP_RATE == 0``. Sampling by value (not position) is
  consistent across documents, so the samples of two texts overlap exactly where the texts
  do: containment and Jaccard estimated on samples are unbiased, and a lead cut from an
  article keeps the samples of the article's opening (MOSS-style fingerprints).
- Anchors: language-neutral facts that survive translation: numbers, month-day dates,
  places (gazetteer, by canonical English name), and names (consonant skeletons of
  capitalized words through transliteration; pinyin for Chinese names in the persons
  layer).
- Attributions: agencies the text credits ("Source: Xinhua", "/Xinhua/", "(BelTA)",
  "according to TASS", "сообщает ТАСС", "据新华社") and Document.source.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from ..model import PERSONS, TITLE, Document
from .names import _RU_CASE_END, name_key, romanize, skeleton

FP_RATE = 4          # keep shingle hashes with h % FP_RATE == 0 (containment estimate)
INDEX_RATE = 8       # index shingle hashes with h % INDEX_RATE == 0 (candidate lookup)
WORD_K = 5           # shingle length in words (space-separated scripts)
HAN_K = 7            # shingle length in characters (Chinese; ~3-4 words, as specific as 5 words)
LEAD_CHARS = 600     # title + lead embedded for cross-language comparison
MAX_ANCHORS = 60     # anchors kept per kind
PLACE_CHARS = 800    # places are looked up in the opening of the body (the gazetteer scan is slow)
PLACE_CHARS_ZH = 300  # the same for Chinese, whose characters are denser
MAX_INDEX_ANCHORS = 40  # anchors indexed per document (names first, then numbers, places)
MAX_SENTENCES = 14   # sentences embedded for translation verification

_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*|\n+")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|(?<![\w.])\d+(?:[.,]\d+)?(?!\d)")
_CAPWORD = re.compile(r"\b[A-ZА-ЯЁІЇЄҚҒҮҰӨҺ][a-zа-яёіїєқғүұөһ'’-]{3,}")
_MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "ru": ["январ", "феврал", "март", "апрел", "ма[яй]", "июн", "июл", "август", "сентябр", "октябр",
           "ноябр", "декабр"],
}
_DATE_EN = re.compile(r"\b(?:(\d{1,2})\s+(%s)|(%s)\s+(\d{1,2}))\b" % ("|".join(_MONTHS["en"]), "|".join(_MONTHS["en"])), re.I)
_DATE_RU = re.compile(r"\b(\d{1,2})\s+(%s)[а-я]*" % "|".join(_MONTHS["ru"]), re.I)
_DATE_ZH = re.compile(r"(\d{1,2})月(\d{1,2})日")
# Agency credits: "Source: X", "/X/", "(X)" right after a dateline, "according to X", Russian and Chinese forms.
_ATTRIBUTION = [
    re.compile(r"(?im)^\s*(?:source|источник|来源)\s*[:：]\s*([^\n]{2,60})$"),
    re.compile(r"/\s*([A-ZА-Я][\w\-. ]{1,25}?)\s*/"),
    re.compile(r"\b[A-ZА-Я][A-ZА-Я\-]+,?\s+[^()\n]{0,40}?\(([A-ZА-Я][\w\-]{1,20})\)\s*[-–—]"),
    re.compile(r"\b(?:according to|reported by|told)\s+((?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"),
    re.compile(r"(?:сообщает|сообщил[аи]?|передает|по данным|по информации|пишет)\s+([А-Я«][\w«»\-]*(?:\s+[А-Я«][\w«»\-]*){0,2})"),
    re.compile(r"据\s*([\u4e00-\u9fff]{2,6}?)(?:社|报道|消息)"),
]


def stable_hash(s: str) -> int:
    """Signed 64-bit hash, stable across processes (SQLite INTEGER / PostgreSQL BIGINT)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def guess_language(text: str) -> str:
    han = len(_HAN.findall(text[:2000]))
    cyr = len(_CYR.findall(text[:2000]))
    if han > 20 and han > cyr:
        return "zh"
    if cyr > 40:
        return "ru"
    return "en"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


_MASK = (1 << 64) - 1
_MULT = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=500_000)
def _token_hash(tok: str) -> int:
    return int.from_bytes(hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little")


def shingle_hashes(text: str) -> np.ndarray:
    """Unique 64-bit hashes of the text's shingles (int64 array), by a polynomial rolling
    hash over stable token hashes (the same text gives the same hashes in every process)."""
    toks = tokens(text)
    han = sum(1 for t in toks if len(t) == 1 and _HAN.match(t))
    k = HAN_K if han > len(toks) / 3 else WORD_K
    if not toks:
        return np.zeros(0, dtype=np.int64)
    th = np.fromiter((_token_hash(t) for t in toks), dtype=np.uint64, count=len(toks))
    if len(th) < k:
        k = len(th)
    h = np.zeros(len(th) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            h = h * _MULT + th[i:len(th) - k + 1 + i]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h.view(np.int64))


def _num_key(raw: str) -> str | None:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ,]\d{3})+", s):
        s = re.sub(r"[ ,]", "", s)
    s = s.replace(",", ".")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    s = s.lstrip("0") or "0"
    if len(s.replace(".", "")) < 2:
        return None
    return s


def number_anchors(text: str) -> list[str]:
    return sorted({k for k in (_num_key(m.group()) for m in _NUMBER.finditer(text)) if k})[:MAX_ANCHORS]


def date_anchors(text: str) -> list[str]:
    out: set[str] = set()
    for m in _DATE_EN.finditer(text):
        day = m.group(1) or m.group(4)
        month = (m.group(2) or m.group(3)).lower()
        out.add(f"{_MONTHS['en'].index(month) + 1:02d}-{int(day):02d}")
    for m in _DATE_RU.finditer(text):
        month = m.group(2).lower()
        idx = next(i for i, p in enumerate(_MONTHS["ru"]) if re.fullmatch(p, month))
        out.add(f"{idx + 1:02d}-{int(m.group(1)):02d}")
    for m in _DATE_ZH.finditer(text):
        if 1 <= int(m.group(1)) <= 12:
            out.add(f"{int(m.group(1)):02d}-{int(m.group(2)):02d}")
    return sorted(k for k in out if "-00" not in k)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str | None:
    """Skeleton key of a capitalized word in any script (Дегтяревым, Degtyarev -> same)."""
    rom = romanize(word).replace("'", "").replace("-", "")
    if _CYR.search(word):
        rom = _RU_CASE_END.sub("", rom)
    sk = skeleton(rom)
    return sk if len(sk) >= 3 else None


def name_anchors(doc: Document, text: str) -> list[str]:
    out: set[str] = set()
    for span in doc.layer(PERSONS):
        name = span.attrs.get("name") or doc.span_text(span)
        k = name_key(name)
        if k.startswith("zh:"):
            out.add(k)
    for m in _CAPWORD.finditer(text):
        k = word_key(m.group())
        if k:
            out.add(k)
    return sorted(out)[:MAX_ANCHORS * 2]


def place_anchors(text: str, lang: str) -> list[str]:
    try:
        from ..analyze.gazetteer import find_places
    except ImportError:  # pragma: no cover - gazetteer not installed
        return []
    try:
        return sorted({m.place.name.casefold() for m in find_places(text, lang if lang in ("en", "ru", "zh") else "en")})
    except Exception:  # a gazetteer problem must not stop linking
        return []


def attributions(doc: Document, text: str) -> list[str]:
    found: list[str] = []
    if doc.source:
        found.append(doc.source.strip())
    head = text[:1500] + "\n" + text[-600:]
    for pat in _ATTRIBUTION:
        for m in pat.finditer(head):
            val = m.group(1).strip(" .,:;«»\"'")
            if 2 <= len(val) <= 60 and val not in found:
                found.append(val)
    return found[:8]


@dataclass
class Features:
    doc_id: str
    language: str
    published: str | None
    url: str | None
    body_hash: str
    title: str | None
    n_shingles: int
    fp: np.ndarray                         # sampled shingle hashes (sorted int64)
    anchors: dict[str, list[str]]          # kind -> values
    lead: str
    sentences: list[str] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    source: str | None = None
    origin: str | None = None

    def index_keys(self) -> list[tuple[int, int]]:
        """(hash, kind): kind 0 = shingle sample, 1 = anchor."""
        keys = [(int(h), 0) for h in self.fp[self.fp % INDEX_RATE == 0]]
        budget = MAX_INDEX_ANCHORS
        for kind in ("event", "name", "num", "place"):     # dates alone say little: scoring only
            values = self.anchors.get(kind) or []
            if kind == "num":     # long numbers are rarer than years and small counts
                values = sorted(values, key=lambda v: -len(v))
            for v in values[:budget]:
                keys.append((stable_hash(f"{kind}:{v}"), 1))
            budget -= min(budget, len(values))
        return keys

    def info(self) -> dict[str, Any]:
        return {"title": self.title, "attributions": self.attributions, "source": self.source,
                "lead": self.lead, "origin": self.origin}


def extract_features(doc: Document) -> Features:
    body = doc.body or doc.text
    lang = (doc.language or guess_language(body)).split("-")[0].lower()
    sh = shingle_hashes(body)
    fp = np.sort(sh[sh % FP_RATE == 0])
    title = doc.title
    if not title:
        spans = doc.layer(TITLE)
        title = doc.span_text(spans[0]) if spans else None
    lead_body = body
    if title and lead_body.lstrip().startswith(title.strip()):
        lead_body = lead_body.lstrip()[len(title.strip()):]
    lead = ((title + ". ") if title else "") + " ".join(lead_body.split())[:LEAD_CHARS]
    anchors = {
        "num": number_anchors(body),
        "name": name_anchors(doc, body),
        "place": place_anchors(body[:PLACE_CHARS_ZH if lang == "zh" else PLACE_CHARS], lang),
        "date": date_anchors(body[:3000]),
    }
    sents = [x.strip()[:400] for x in _SENTENCE.split(lead_body) if x and len(x.strip()) >= 15]
    return Features(doc.id, lang, (doc.published or None), doc.url, doc.body_hash, title, int(len(sh)),
                    fp, anchors, lead[:LEAD_CHARS + 200], sents[:MAX_SENTENCES], attributions(doc, doc.text),
                    doc.source, doc.origin)
