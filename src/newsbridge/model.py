"""The one data model: a document, its text, and character-offset span layers.

Every stage reads a ``Document`` and adds spans to named layers. A span always points at
characters of ``Document.text`` (the whole extracted text, boilerplate included), so evidence
can be shown exactly where it stands; the ``boilerplate`` layer marks what is not body.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator


class SpanError(ValueError):
    """A span that does not fit its document's text."""


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` with a label and free attributes (JSON-serialisable)."""

    start: int
    end: int
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "attrs": self.attrs}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d.get("label") or "", dict(d.get("attrs") or {}))


# Layers written by the standard stages (a stage may add others; these names are the contract).
BOILERPLATE = "boilerplate"   # label: kind of boilerplate line (subscribe, photo_credit, ...)
TITLE = "title"               # the headline as it stands in the text
DATELINE = "dateline"         # label: "date", "source" or "place"; attrs: value, how (not for a place)
PARAGRAPHS = "paragraphs"     # body paragraphs (non-boilerplate), in order
SENTENCES = "sentences"
MENTIONS = "mentions"         # label PER/ORG/LOC; attrs: normal (nominative/canonical), key
PERSONS = "persons"           # one span per person entity (first mention); attrs: name, aliases, roles, org
ORGANIZATIONS = "organizations"
LOCATIONS = "locations"
ROLES = "roles"               # label: role title; attrs: person, org
QUOTES = "quotes"             # quote text span; attrs: speaker, speaker_span, attribution_span
EVENTS = "events"             # label: event type; attrs: name, date, place, participants, counts, planned


# Characters that NFKC leaves as they are whatever stands around them: unchanged alone, not
# combining, never the second half of a composition (tests/test_model_nfkc.py checks this over all
# of Unicode). Text splits before each of them into pieces that normalise independently.
NFKC_INERT = "\t\n\r -~\u00ab\u00bb\u0401\u0410-\u044f\u0451\u2013\u2014\u2018\u2019\u201c-\u201e\u4e00-\u9fff"
# Fullwidth punctuation (in nearly every Chinese text) maps to one ASCII mark that composes with
# nothing on either side, so plain replacement gives what NFKC gives (also checked in the tests).
NFKC_PUNCTUATION = tuple((chr(c), chr(c - 0xFEE0)) for c in map(ord, "，：；！？（）％"))
_NFKC_PIECE = re.compile(f"(?s).?[^{NFKC_INERT}]+")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, normalising only the pieces that can change
    (Chinese text, whose fullwidth punctuation fails the quick check, went through whole: the
    body hash cost 0.043 ms an article on average, now 0.004)."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in NFKC_PUNCTUATION:
        if wide in text:
            text = text.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _NFKC_PIECE.sub(_nfkc_piece, text)


def _nfkc_piece(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


def normalize_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the form exact-duplicate detection compares."""
    return " ".join(nfkc(text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass
class Document:
    """A news article: identity, provenance, metadata and annotation layers over ``text``."""

    id: str
    text: str
    origin: str | None = None          # file path or URL it came from
    url: str | None = None             # canonical URL when known
    raw_sha256: str | None = None      # content address of the original bytes
    media_type: str = "text/plain"
    title: str | None = None
    language: str | None = None        # ISO 639-1
    published: str | None = None       # ISO date (YYYY-MM-DD) or datetime
    source: str | None = None          # originating outlet/agency named in the text
    meta: dict[str, Any] = field(default_factory=dict)    # given metadata (JSONL fields, HTML meta)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> version that ran

    # -- spans -----------------------------------------------------------------------------
    def add(self, layer: str, start: int, end: int, label: str = "", **attrs: Any) -> Span:
        """Add a span, refusing offsets that do not fit the text (E001)."""
        if not (0 <= start <= end <= len(self.text)):
            raise SpanError(f"E001: span {start}:{end} does not fit document {self.id} "
                            f"of {len(self.text)} characters (layer {layer!r})")
        span = Span(start, end, label, attrs)
        self.layers.setdefault(layer, []).append(span)
        return span

    def layer(self, name: str) -> list[Span]:
        return self.layers.get(name, [])

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def clear(self, layer: str) -> None:
        self.layers.pop(layer, None)

    # -- body: the text minus boilerplate -----------------------------------------------------
    def body_segments(self) -> Iterator[tuple[int, int]]:
        """(start, end) of the text that is not boilerplate, in order (the headline stays: the
        analyzers read it as the article's first sentence)."""
        pos = 0
        for span in sorted(self.layer(BOILERPLATE), key=lambda s: s.start):
            if span.start > pos:
                yield pos, span.start
            pos = max(pos, span.end)
        if pos < len(self.text):
            yield pos, len(self.text)

    @property
    def body(self) -> str:
        """The article body: text with boilerplate lines taken out (they stay in their layer)."""
        return "".join(self.text[a:b] for a, b in self.body_segments()).strip()

    def is_boilerplate(self, start: int, end: int) -> bool:
        return any(s.start <= start and end <= s.end for s in self.layer(BOILERPLATE))

    @property
    def body_hash(self) -> str:
        return content_hash(self.body)

    # -- serialisation --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "origin": self.origin, "url": self.url,
            "raw_sha256": self.raw_sha256, "media_type": self.media_type, "title": self.title,
            "language": self.language, "published": self.published, "source": self.source,
            "meta": self.meta, "stages": self.stages,
            "layers": {k: [s.to_dict() for s in v] for k, v in self.layers.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        doc = cls(
            id=d["id"], text=d["text"], origin=d.get("origin"), url=d.get("url"),
            raw_sha256=d.get("raw_sha256"), media_type=d.get("media_type") or "text/plain",
            title=d.get("title"), language=d.get("language"), published=d.get("published"),
            source=d.get("source"), meta=dict(d.get("meta") or {}), stages=dict(d.get("stages") or {}),
        )
        doc.layers = {k: [Span.from_dict(s) for s in v] for k, v in (d.get("layers") or {}).items()}
        return doc


def document_id(raw: bytes) -> str:
    """Documents are addressed by their original bytes: the same bytes are the same document."""
    return hashlib.sha256(raw).hexdigest()[:20]


@dataclass(frozen=True)
class Link:
    """A relation between two documents found by linking."""

    a: str
    b: str
    kind: str           # duplicate | reprint | translation | same_story | version
    score: float
    evidence: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass
class Entity:
    """One actor across documents, spellings and scripts."""

    key: str                      # script-neutral key (transliteration / pinyin)
    name: str                     # canonical display name
    kind: str = "PER"             # PER | ORG | LOC
    aliases: list[str] = field(default_factory=list)
