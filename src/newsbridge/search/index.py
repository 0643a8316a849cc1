"""The derived full-text index (tantivy): rebuildable from the store, never the truth.

Layout on disk::

    PATH/INDEX.json     {"schema": N, "current": "gen-000002"}   (replaced atomically)
    PATH/gen-000002/    the live tantivy index

``rebuild`` writes a new generation beside the live one and swaps the pointer only once the
new generation holds every document it was given, so a failed rebuild leaves the old index
in place and a successful one never loses an article.

Text analysis per language: English and Russian with Snowball stemmers (``форума`` finds
``форум``); every other language lower-cased words; Chinese (and Japanese) one character per
token, all inside tantivy, so indexing runs no Python segmentation (jieba costs ~3 ms per
article, three times the whole ingest budget). A Chinese query is segmented into words with
jieba and each word searched as a phrase of its characters: ``习近平会见`` finds documents with
the words 习近平 and 会见, never the characters scattered. Each language has its own title and
body fields; a query is analysed once per field, so one query string finds Russian, English
and Chinese text alike.
"""
from __future__ import annotations

import ctypes
import functools
import html
import json
import operator
import os
import re
import shutil
import threading
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import tantivy

from ..crossscript import agency_table_digest, english_name, known_agency, source_spellings
from ..model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, Document

SCHEMA_VERSION = 8                 # 4: places filter and count under their English name; 5, 6, 8: agencies too (now the pointer records the agency table's digest); 7: sample
POINTER = "INDEX.json"

LANGS = ("en", "ru", "zh", "xx")          # xx: every other language, words lower-cased
TITLE_BOOST = 2.0                          # a query word in the headline counts twice
DEFAULT_HEAP = 64_000_000                  # writer heap; bounded memory, flushed per commit batch
COMMIT_EVERY = 5_000                       # documents per commit while adding in bulk
# A rebuilt generation is invisible until the swap, so its commits only bound the writer's
# pending work: fewer, larger ones leave 1 segment at 100k articles instead of 6, and facet
# counts cost per segment (0.2 ms each there), so search with facets gets ~30% cheaper.
REBUILD_COMMIT_EVERY = 25_000
SNIPPET_CHARS = 200                        # characters of snippet (half that for Chinese)
SNIPPET_SCAN = 3000                        # look for query words in this head of the body first
SNIPPET_MATCHES = 60                       # enough matched words to pick a good window
FACET_SEGMENT_SIZE = 1_000_000            # values a segment reports to a facet count (all of them, in practice)
# Facet counts over a broad query cost ~0.1 us per match and value (4.6 ms for 33,000 matches at
# 100k articles, 57% of a search request), so beyond EXACT_FACET_MATCHES they are estimated from a
# fixed slice of the matches (the documents whose id hashes into the first k of SAMPLE_BUCKETS),
# sized to about FACET_SAMPLE_DOCS, and marked as estimates; ``exact_facets`` counts them all.
# Search engines draw the same line (Elasticsearch counts hits exactly up to 10,000 by default).
EXACT_FACET_MATCHES = 10_000
FACET_SAMPLE_DOCS = 4_000
SAMPLE_BUCKETS = 64
SAMPLE_SIZES = (1, 2, 4, 8, 16, 32)       # buckets in each nested sample (1/64 ... 1/2 of the documents)
MAX_TOKEN_CHARS = 40                       # longer "words" are noise (URLs, base64) and dropped
MAX_QUERY_CLAUSES = 32                     # user input beyond this is ignored, not an error
FACET_FIELDS = ("language", "source", "person", "org", "place", "event_type")
_FACET_LAYERS = {"person": PERSONS, "org": ORGANIZATIONS, "place": LOCATIONS}

# Chinese function words and punctuation-like tokens that only slow queries down.
_ZH_STOP = ["的", "了", "在", "是", "和", "与", "及", "也", "就", "都", "而", "对", "将", "把", "被",
            "之", "其", "等", "为", "于", "以", "从", "并", "这", "那", "个", "着", "中"]
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK_TOKEN = r"[\p{Han}\p{Hiragana}\p{Katakana}]|[[\p{L}\p{N}]--[\p{Han}\p{Hiragana}\p{Katakana}]]+"
_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WS = re.compile(r"\s+")
_WORD_TAIL = re.compile(r"\w+")


def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):    # not glibc (macOS, musl): nothing to call
        return None


_MALLOC_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Give memory freed by the index writer back to the OS. A commit frees the writer's
    buffer of the segment it wrote, but glibc keeps freed pages in its arenas, so without this
    the resident memory of a long ingest only grows (measured over 100k articles: 133 MB of
    anonymous memory after the last commit without it, 87 MB with it; a few ms per commit)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class IndexError_(RuntimeError):  # noqa: N801 - a domain error, not the builtin
    """The search index cannot be used as it is (E301...)."""


# -- results ------------------------------------------------------------------------------------
@dataclass
class Hit:
    id: str
    score: float
    title: str
    snippet: str                              # plain text fragment of the body
    highlights: list[tuple[int, int]]          # character ranges of matched words in `snippet`
    language: str | None = None
    source: str | None = None
    published: str | None = None
    origin: str | None = None
    url: str | None = None

    def marked(self, open_: str = "[", close: str = "]") -> str:
        """The snippet with matched words between markers (for terminals and logs)."""
        return _mark(self.snippet, self.highlights, open_, close, escape=False)

    @property
    def snippet_html(self) -> str:
        """HTML-escaped snippet with matched words in ``<mark>``: safe to put in a page as is."""
        return _mark(self.snippet, self.highlights, "<mark>", "</mark>", escape=True)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 4), "title": self.title,
                "snippet": self.snippet, "snippet_marked": self.marked(),
                "snippet_html": self.snippet_html, "highlights": [list(h) for h in self.highlights],
                "language": self.language, "source": self.source, "published": self.published,
                "origin": self.origin, "url": self.url}


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int | None                # documents matching (None when not counted)
    took_ms: float = 0.0
    mode: str = "and"                # "and", "or" (no document had every word) or "browse"
    offset: int = 0
    limit: int = 20
    terms: list[str] = field(default_factory=list)   # the clauses the query was read as
    facets: dict[str, list[tuple[str, int]]] | None = None   # value counts, when asked for
    facet_sample: float | None = None  # share of the matches the facet counts were estimated from (None: exact)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "took_ms": round(self.took_ms, 3),
                "mode": self.mode, "offset": self.offset, "limit": self.limit, "terms": self.terms,
                "hits": [h.to_dict() for h in self.hits]}


def _mark(text: str, ranges: Sequence[tuple[int, int]], open_: str, close: str, *, escape: bool) -> str:
    esc = html.escape if escape else (lambda s: s)
    out, pos = [], 0
    for a, b in sorted(ranges):
        if a < pos:
            continue
        out += [esc(text[pos:a]), open_, esc(text[a:b]), close]
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


# -- analysis -----------------------------------------------------------------------------------
def _analyzers() -> dict[str, tantivy.TextAnalyzer]:
    def words(*filters):
        b = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        b = b.filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS)).filter(tantivy.Filter.lowercase())
        for f in filters:
            b = b.filter(f)
        return b.build()

    # Chinese (and Japanese kana) one character per token, other words whole: all in Rust, so
    # indexing costs no Python segmentation; a query word becomes a phrase of its characters.
    zh = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(_CJK_TOKEN))
          .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS)).filter(tantivy.Filter.lowercase()).build())
    return {
        "nb_en": words(tantivy.Filter.stopword("english"), tantivy.Filter.stemmer("english")),
        "nb_ru": words(tantivy.Filter.stopword("russian"), tantivy.Filter.stemmer("russian")),
        "nb_zh": zh,
        "nb_xx": words(),
    }


_jieba = None
_jieba_lock = threading.Lock()


def segment_chinese(text: str) -> str:
    """Chinese text as space-separated jieba words (other scripts pass through unchanged)."""
    global _jieba
    if _jieba is None:
        with _jieba_lock:
            if _jieba is None:
                import logging
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    import jieba
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba = jieba
    return " ".join(_jieba.cut(text))


def han_bigrams(text: str) -> str:
    """Overlapping pairs of Chinese characters, space-separated (indexed beside single characters)."""
    return "\n".join([" ".join(map(operator.add, r, r[1:])) for r in _HAN_RUN.findall(text)])


def sample_bucket(doc_id: str) -> int:
    """A document's fixed slice for facet estimates (stable across rebuilds and processes)."""
    return zlib.crc32(doc_id.encode("utf-8")) % SAMPLE_BUCKETS


def sample_terms(bucket: int) -> list[str]:
    """The nested samples a bucket belongs to: "k" holds buckets 0..k-1 for k = 1, 2, 4 ... 32.
    One term query reads a sample (a posting list; a range over buckets would build a bitset)."""
    return [str(k) for k in SAMPLE_SIZES if bucket < k]


def estimate(count: int, share: float, ceiling: int) -> int:
    """A count seen in a sample, scaled up and kept to two significant digits (no false precision)."""
    x = count / share
    if x >= ceiling:          # in every sampled match: the exact total is the best guess
        return ceiling
    if x < 100:
        return max(1, round(x)) if count else 0
    digits = len(str(int(x))) - 2
    return min(ceiling, int(round(x, -digits)))


def route_language(language: str | None, text: str) -> str:
    """Which analysis a document gets: en, ru, zh or xx."""
    lang = (language or "").lower()
    if lang.startswith(("zh", "ja")):
        return "zh"
    if lang in ("en", "ru"):
        return lang
    if not lang and len(_CJK.findall(text[:400])) > 20:
        return "zh"
    return "xx"


def _norm_value(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())[:300]


def _display_value(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).split())[:300]


def _to_datetime(value: Any, *, end: bool = False) -> datetime | None:
    """A date, datetime or ISO string as naive UTC; ``end`` moves a bare date to the next day."""
    if value is None or value == "":
        return None
    bare = False
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt, bare = datetime(value.year, value.month, value.day), True
    else:
        s = str(value).strip()
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
            bare = len(s) <= 10
        except ValueError:
            m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", s)
            if not m:
                return None
            y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            try:
                dt = datetime(y, mo, d)
            except ValueError:
                return None
            bare = True
            if end and not m[2]:
                return datetime(y + 1, 1, 1) if y < 9999 else None
            if end and not m[3]:
                return datetime(y + (mo == 12), mo % 12 + 1, 1)
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    if end and bare:
        dt = dt + timedelta(days=1)
    if not (tantivy.MIN_DATETIME.replace(tzinfo=None) < dt < tantivy.MAX_DATETIME.replace(tzinfo=None)):
        return None
    return dt


# -- query reading ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Clause:
    text: str
    phrase: bool = False
    negate: bool = False


@functools.lru_cache(maxsize=4096)
def parse_query(query: str) -> tuple[Clause, ...]:
    """Words and "quoted phrases"; a leading ``-`` excludes. Never raises on any input.

    Unbalanced quotes are dropped, field syntax (``a:b``), brackets and operators are read as
    plain text, and a run of Chinese characters is segmented into words. Cached: a search reads
    its query twice (to match, then to mark snippets) and jieba is the slow part.
    """
    q = unicodedata.normalize("NFKC", query or "").replace("\x00", " ")
    if q.count('"') % 2:
        i = q.rfind('"')
        q = q[:i] + " " + q[i + 1:]
    clauses: list[Clause] = []
    for m in _QUERY_TOKEN.finditer(q):
        if m.group(3) is not None:
            word, neg = m.group(3), False
            if word.startswith("-") and len(word) > 1:
                word, neg = word[1:], True
            if word in ("AND", "OR", "&&", "||"):
                continue
            if _CJK.search(word):
                for w in segment_chinese(word).split():
                    clauses.append(Clause(w, False, neg))
            else:
                clauses.append(Clause(word, False, neg))
        else:
            text = _WS.sub(" ", m.group(2)).strip()
            if text:
                clauses.append(Clause(text, True, bool(m.group(1))))
    return tuple(clauses[:MAX_QUERY_CLAUSES])


# -- the index ---------------------------------------------------------------------------------
def _build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
    for lang in LANGS:
        sb.add_text_field(f"title_{lang}", tokenizer_name=f"nb_{lang}")
        sb.add_text_field(f"body_{lang}", stored=True, tokenizer_name=f"nb_{lang}")
    sb.add_text_field("title_zh2", tokenizer_name="whitespace")     # Chinese character pairs
    sb.add_text_field("body_zh2", tokenizer_name="whitespace")
    sb.add_text_field("language", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("analysis", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("source", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("source_key", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("source_f", fast=True, tokenizer_name="raw", index_option="basic")   # facet: TASS for ТАСС
    sb.add_date_field("published", stored=True, indexed=True, fast=True)
    sb.add_text_field("published_text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("origin", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("url", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("sample", tokenizer_name="raw", index_option="basic")   # nested samples: facet estimates
    for name in ("person", "org", "place", "event_type"):
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic")          # filters: all forms
        sb.add_text_field(f"{name}_f", fast=True, tokenizer_name="raw", index_option="basic")  # facets
    return sb.build()


_FACET_FIELD = {"language": "language", "source": "source_f", "person": "person_f", "org": "org_f",
                "place": "place_f", "event_type": "event_type_f"}


class SearchIndex:
    """A tantivy index of documents' titles and bodies, with filters and facets.

    Reads may come from many threads; writes (add/delete/commit/rebuild) from one.
    """

    exact_facet_matches = EXACT_FACET_MATCHES
    facet_sample_docs = FACET_SAMPLE_DOCS

    def __init__(self, path: str | Path, *, heap_size: int = DEFAULT_HEAP, threads: int = 1,
                 commit_every: int = COMMIT_EVERY) -> None:
        self.path = Path(path)
        self.heap_size = heap_size
        self.threads = threads
        self.commit_every = commit_every
        self.schema = _build_schema()
        self._analyzers = _analyzers()
        self._writer: tantivy.IndexWriter | None = None
        self._pending = 0
        self._lock = threading.RLock()
        self.path.mkdir(parents=True, exist_ok=True)
        self._generation = self._read_pointer()
        if self._generation is None:
            self._generation = self._new_generation_name()
            self._open_index(self.path / self._generation)
            self._write_pointer(self._generation)
        else:
            self._open_index(self.path / self._generation)

    # -- opening -----------------------------------------------------------------------------
    def _read_pointer(self) -> str | None:
        p = self.path / POINTER
        if not p.is_file():
            return None
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise IndexError_(f"E301: search index pointer {p} is unreadable ({e}); "
                              "run `newsbridge reindex` to rebuild it from the store") from e
        if data.get("schema") != SCHEMA_VERSION or data.get("agencies") != agency_table_digest():
            self.stale = True       # another schema, or agencies named otherwise than the table now does
        gen = data.get("current")
        if not gen or not (self.path / gen).is_dir():
            return None
        return gen

    stale = False   # True when the index on disk was built by another schema version: rebuild it

    def _write_pointer(self, gen: str) -> None:
        tmp = self.path / (POINTER + ".tmp")
        tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "agencies": agency_table_digest(), "current": gen}),
                       encoding="utf-8")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.path / POINTER)

    def _new_generation_name(self) -> str:
        gens = [int(p.name[4:]) for p in self.path.glob("gen-*") if p.name[4:].isdigit()]
        return f"gen-{max(gens, default=0) + 1:06d}"

    def _make_index(self, where: Path) -> tantivy.Index:
        where.mkdir(parents=True, exist_ok=True)
        try:
            index = tantivy.Index(self.schema, path=str(where), reuse=True)
        except ValueError as e:      # an index of an older schema
            raise IndexError_(f"E302: search index at {where} has another schema ({e}); "
                              "run `newsbridge reindex`") from e
        for name, analyzer in self._analyzers.items():
            index.register_tokenizer(name, analyzer)
        return index

    def _open_index(self, where: Path) -> None:
        self.index = self._make_index(where)
        self.index.reload()

    # -- writing ------------------------------------------------------------------------------
    def _get_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self.index.writer(self.heap_size, self.threads)
        return self._writer

    def to_tantivy(self, doc: Document) -> tantivy.Document:
        """The index entry for a document: body without boilerplate, title, facts from layers."""
        body = doc.body
        title = doc.title or ""
        lang = route_language(doc.language, body)
        t = tantivy.Document()
        t.add_text("id", doc.id)
        t.add_text("title", title)
        t.add_text("analysis", lang)
        for k in sample_terms(sample_bucket(doc.id)):
            t.add_text("sample", k)
        t.add_text(f"title_{lang}", title)
        t.add_text(f"body_{lang}", body)
        if lang == "zh":
            t.add_text("title_zh2", han_bigrams(title))
            t.add_text("body_zh2", han_bigrams(body))
        if doc.language:
            t.add_text("language", doc.language)
        if doc.source:
            t.add_text("source", doc.source)
            t.add_text("source_key", _norm_value(doc.source))
            t.add_text("source_f", _display_value(known_agency(doc.source) or doc.source))
        if doc.published:
            t.add_text("published_text", doc.published)
            dt = _to_datetime(doc.published)
            if dt is not None:
                t.add_date("published", dt)
        if doc.origin:
            t.add_text("origin", doc.origin)
        if doc.url:
            t.add_text("url", doc.url)
        layers = doc.layers
        for name, layer in _FACET_LAYERS.items():
            spans = layers.get(layer)
            if not spans:
                continue
            forms, shown = set(), set()
            for s in spans:
                n = s.attrs.get("name") or doc.text[s.start:s.end]
                if not n:
                    continue
                # a place or an agency counts under its English name in every script (Китай,
                # 中国: China; Синьхуа, 新华社: Xinhua), and is found by it
                english = english_name(name, n, s.attrs)
                shown.add(_display_value(english or n))
                if english:
                    forms.add(_norm_value(english))
                forms.add(_norm_value(n))
                for a in s.attrs.get("aliases") or ():
                    if a and isinstance(a, str):
                        forms.add(_norm_value(a))
            for v in forms:
                t.add_text(name, v)
            for v in shown:
                t.add_text(f"{name}_f", v)
        events = layers.get(EVENTS)
        if events:
            for label in {s.label for s in events if s.label}:
                t.add_text("event_type", _norm_value(label))
                t.add_text("event_type_f", label)
        return t

    def add(self, docs: Iterable[Document], *, replace: bool = True) -> int:
        """Index documents; with ``replace`` an id already indexed is replaced, not doubled.

        Commits every ``commit_every`` documents; call ``commit()`` after the last batch.
        """
        n = 0
        with self._lock:
            w = self._get_writer()
            for doc in docs:
                if replace:
                    w.delete_documents_by_term("id", doc.id)
                w.add_document(self.to_tantivy(doc))
                n += 1
                self._pending += 1
                if self._pending >= self.commit_every:
                    self.commit()
        return n

    def delete(self, ids: Iterable[str]) -> int:
        n = 0
        with self._lock:
            w = self._get_writer()
            for i in ids:
                w.delete_documents_by_term("id", i)
                n += 1
                self._pending += 1
        return n

    def commit(self) -> None:
        """Make every added and deleted document durable and visible to searches."""
        with self._lock:
            if self._writer is not None:
                self._writer.commit()
                self._pending = 0
                release_free_memory()
            self.index.reload()

    def close(self) -> None:
        """Commit, let background merges finish, release the writer lock."""
        with self._lock:
            if self._writer is not None:
                self._writer.commit()
                self._writer.wait_merging_threads()
                self._writer = None
                self._pending = 0
            self.index.reload()

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def clear(self) -> None:
        with self._lock:
            self._get_writer().delete_all_documents()
            self.commit()

    def rebuild(self, docs: Iterable[Document], *, progress=None) -> int:
        """Index ``docs`` from scratch into a new generation, then swap it in atomically.

        The live index keeps answering until the swap; if anything fails, or the new
        generation holds fewer documents than were given, the old one stays live.
        Returns the number of documents in the new index.
        """
        with self._lock:
            if self._writer is not None:
                self._writer.commit()
                self._writer.wait_merging_threads()
                self._writer = None
            old_index = self.index
            gen = self._new_generation_name()
            where = self.path / gen
            ids: set[str] = set()
            w = None
            try:
                self.index = self._make_index(where)
                w = self._writer = self.index.writer(self.heap_size, self.threads)
                batch, commit_every = 0, max(self.commit_every, REBUILD_COMMIT_EVERY)
                for doc in docs:
                    if doc.id in ids:       # the same id twice: keep the last, as add() does
                        w.delete_documents_by_term("id", doc.id)
                    w.add_document(self.to_tantivy(doc))
                    ids.add(doc.id)
                    batch += 1
                    if batch >= commit_every:
                        w.commit()
                        release_free_memory()
                        batch = 0
                    if progress is not None:
                        progress(1)
                w.commit()
                w.wait_merging_threads()
                self._writer = None
                self.index.reload()
                got = self.index.searcher().num_docs
                if got != len(ids):
                    raise IndexError_(f"E304: rebuilt index holds {got} documents, "
                                      f"{len(ids)} were given; the old index stays live")
            except BaseException:
                self._writer = w = None
                self.index = old_index
                shutil.rmtree(where, ignore_errors=True)
                raise
            self._write_pointer(gen)
            self._generation = gen
            self.stale = False
            self._pending = 0
            del old_index, w
            for p in self.path.glob("gen-*"):       # the old one and leftovers of failed rebuilds
                if p.name != gen:
                    shutil.rmtree(p, ignore_errors=True)
            return got

    # -- reading ------------------------------------------------------------------------------
    def count(self) -> int:
        return self.index.searcher().num_docs

    def __len__(self) -> int:
        return self.count()

    def __contains__(self, doc_id: str) -> bool:
        q = tantivy.Query.term_query(self.schema, "id", doc_id)
        return self.index.searcher().search(q, 1, count=True).count > 0

    def ids(self) -> Iterator[str]:
        """Every indexed id (for consistency checks against the store)."""
        searcher = self.index.searcher()
        n = searcher.num_docs
        if not n:
            return
        res = searcher.search(tantivy.Query.all_query(), n, count=False)
        for _score, addr in res.hits:
            yield searcher.doc(addr).get_first("id")

    def _fields(self, lang: str | None) -> list[str]:
        if lang:
            route = route_language(lang, "")
            return [f"body_{route}", f"title_{route}"]
        return [f"{k}_{x}" for x in LANGS for k in ("body", "title")]

    def _clause_query(self, clause: Clause, fields: list[str]) -> tuple[tantivy.Query | None, bool]:
        """The query for one clause over fields; second item: True when it is a stop word."""
        subs, stopped = [], False
        for f in fields:
            lang = f.rsplit("_", 1)[1]
            if lang == "zh":
                han = clause.text.replace(" ", "")
                if len(han) >= 2 and _HAN_ONLY.fullmatch(han):
                    # a Chinese word: its character pairs on the bigram field (short posting
                    # lists), one term for a two-character word, a phrase of pairs for longer
                    pairs = [han[i:i + 2] for i in range(len(han) - 1)]
                    f2 = f + "2"
                    q = (tantivy.Query.term_query(self.schema, f2, pairs[0]) if len(pairs) == 1 else
                         tantivy.Query.phrase_query(self.schema, f2, pairs))
                    if f.startswith("title_"):
                        q = tantivy.Query.boost_query(q, TITLE_BOOST)
                    subs.append(q)
                    continue
            toks = self._analyzers[f"nb_{lang}"].pre_tokenize(clause.text).tokens
            if not toks:
                if lang in ("en", "ru") and self._analyzers["nb_xx"].analyze(clause.text):
                    stopped = True
                continue
            if lang == "zh" and clause.text in _ZH_STOP:
                stopped = True
            if len(toks) == 1:
                q = tantivy.Query.term_query(self.schema, f, toks[0].text)
            else:       # positions keep the gaps stop words left: "opened in Beijing"
                first = toks[0].position
                q = tantivy.Query.phrase_query(self.schema, f, [(t.position - first, t.text) for t in toks])
            if f.startswith("title_"):
                q = tantivy.Query.boost_query(q, TITLE_BOOST)
            subs.append(q)
        if not subs:
            return None, stopped
        if len(subs) == 1:
            return subs[0], stopped
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in subs]), stopped

    def _filters(self, *, lang=None, source=None, since=None, until=None, person=None, org=None,
                 place=None, event_type=None) -> list[tantivy.Query]:
        s = self.schema
        out: list[tantivy.Query] = []

        def any_of(fieldname: str, values, norm) -> None:
            vals = [values] if isinstance(values, str) else list(values)
            vals = [norm(v) for v in vals if v]
            if not vals:
                return
            if len(vals) == 1:
                out.append(tantivy.Query.term_query(s, fieldname, vals[0]))
            else:
                out.append(tantivy.Query.term_set_query(s, fieldname, vals))

        if lang:
            any_of("language", lang, lambda v: str(v).strip().lower())
        if source:           # an agency in any script: TASS finds ТАСС and 塔斯社
            any_of("source_key", source_spellings(source), _norm_value)
        for name, value in (("person", person), ("org", org), ("place", place), ("event_type", event_type)):
            if value:
                any_of(name, value, _norm_value)
        lo, hi = _to_datetime(since), _to_datetime(until, end=True)
        if since and lo is None or until and hi is None:
            out.append(tantivy.Query.empty_query())       # an unreadable date matches nothing
        elif lo or hi:
            out.append(tantivy.Query.range_query(s, "published", tantivy.FieldType.Date, lo, hi,
                                                 include_lower=True, include_upper=hi is None))
        return [tantivy.Query.const_score_query(q, 0.0) for q in out]

    def _query(self, query: str, lang, filters) -> tuple[tantivy.Query, tantivy.Query | None, list[str]]:
        """(AND query, OR fallback or None, clause texts)."""
        fields = self._fields(lang if isinstance(lang, str) else None)
        must, should_neg, terms, stops, stop_terms = [], [], [], [], []
        for c in parse_query(query):
            q, stopped = self._clause_query(c, fields)
            if q is None:
                continue
            if c.negate:
                should_neg.append(q)
            elif stopped:
                stops.append(q)
                stop_terms.append(c.text)
            else:
                must.append(q)
                terms.append(f'"{c.text}"' if c.phrase else c.text)
        if not must and stops:           # a query of stop words only: take them as they are
            must, stops, terms = stops, [], stop_terms
        neg = [(tantivy.Occur.MustNot, q) for q in should_neg]
        flt = [(tantivy.Occur.Must, q) for q in filters]
        if not must:
            base = [(tantivy.Occur.Must, tantivy.Query.all_query())]
            return tantivy.Query.boolean_query(base + flt + neg), None, terms
        extra = [(tantivy.Occur.Should, q) for q in stops]
        and_q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in must] + flt + neg + extra)
        or_q = None
        if len(must) > 1:
            any_word = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in must])
            or_q = tantivy.Query.boolean_query([(tantivy.Occur.Must, any_word)] + flt + neg)
        return and_q, or_q, terms

    def search(self, query: str, *, lang=None, source=None, since=None, until=None, person=None,
               org=None, place=None, event_type=None, limit: int = 20, offset: int = 0,
               count: bool = True, snippets: bool = True, facet_fields: Sequence[str] = (),
               facet_size: int = 20, exact_facets: bool = False) -> SearchResult:
        """Ranked hits (BM25) for words and "phrases"; every word must match when some
        document has them all, otherwise any word may. An empty query lists the filtered
        documents newest first. ``count=False`` skips the exact total (faster on common words).
        ``facet_fields`` adds value counts over the same matches (one query parse, one searcher):
        exact up to ``exact_facet_matches`` matches, estimated from a sample beyond (see
        ``SearchResult.facet_sample``) unless ``exact_facets``.
        """
        t0 = time.perf_counter()
        limit = max(0, min(int(limit), 10_000))
        offset = max(0, int(offset))
        filters = self._filters(lang=lang, source=source, since=since, until=until, person=person,
                                org=org, place=place, event_type=event_type)
        and_q, or_q, terms = self._query(query, lang, filters)
        searcher = self.index.searcher()
        mode = "and" if terms else "browse"
        if terms:
            res = searcher.search(and_q, limit, count=count, offset=offset)
            if or_q is not None and not res.hits and (res.count == 0 if count else offset == 0):
                res, mode = searcher.search(or_q, limit, count=count, offset=offset), "or"
        else:
            res = searcher.search(and_q, limit, count=count, offset=offset,
                                  order_by_field="published", order=tantivy.Order.Desc)
        hits = self._hits(searcher, res.hits, snippets, query, scored=mode != "browse")
        total = res.count if count else None
        facets = share = None
        if facet_fields:       # counted over what the hits were drawn from (AND, or its OR fallback)
            q = or_q if mode == "or" else and_q
            if not exact_facets and total is not None and total > self.exact_facet_matches:
                need = -(-SAMPLE_BUCKETS * self.facet_sample_docs // total)
                k = next((k for k in SAMPLE_SIZES if k >= need), None)
                if k is not None:
                    share = k / SAMPLE_BUCKETS
                    in_sample = tantivy.Query.term_query(self.schema, "sample", str(k))
                    q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q), (tantivy.Occur.Must, in_sample)])
            facets = self._aggregate(searcher, q, facet_fields, facet_size)
            if share is not None:
                facets = {f: [(v, estimate(n, share, total)) for v, n in vals] for f, vals in facets.items()}
        return SearchResult(query=query, hits=hits, total=total, mode=mode, offset=offset,
                            limit=limit, terms=terms, took_ms=(time.perf_counter() - t0) * 1000,
                            facets=facets, facet_sample=share)

    def _hits(self, searcher, raw_hits, snippets: bool, user_query: str,
              scored: bool = True) -> list[Hit]:
        matchers: dict[str, _Matcher] = {}
        clauses = [c for c in parse_query(user_query) if not c.negate] if snippets else []
        out = []
        for score, addr in raw_hits:
            d = searcher.doc(addr)
            analysis = d.get_first("analysis") or "xx"
            body = d.get_first(f"body_{analysis}") or ""
            title = d.get_first("title") or ""
            if title and body.startswith(title):       # the hit shows its title: the snippet is the text after it
                body = body[len(title):].lstrip()
            size = SNIPPET_CHARS // 2 if analysis == "zh" else SNIPPET_CHARS
            if clauses:
                m = matchers.get(analysis)
                if m is None:
                    m = matchers[analysis] = _Matcher(clauses, analysis, self._analyzers[f"nb_{analysis}"])
                snippet, marks = _window(body, m.find(body), size)
            else:
                snippet, marks = _window(body, [], size)
            out.append(Hit(id=d.get_first("id"), score=float(score) if scored else 0.0,
                           title=title, snippet=snippet, highlights=marks,
                           language=d.get_first("language"), source=d.get_first("source"),
                           published=d.get_first("published_text"), origin=d.get_first("origin"),
                           url=d.get_first("url")))
        return out

    def facets(self, query: str = "", fields: Sequence[str] = FACET_FIELDS, *, size: int = 20,
               **filters) -> dict[str, list[tuple[str, int]]]:
        """Counts per value of each facet field over the documents the query and filters match
        (always exact: every match is counted)."""
        flt = self._filters(**filters)
        and_q, or_q, terms = self._query(query, filters.get("lang"), flt)
        searcher = self.index.searcher()
        q = and_q
        if or_q is not None and searcher.search(and_q, 1, count=False).hits == []:
            q = or_q
        return self._aggregate(searcher, q, fields, size)

    @staticmethod
    def _aggregate(searcher, q, fields: Sequence[str], size: int) -> dict[str, list[tuple[str, int]]]:
        aggs = {}
        # One segment has nothing to merge: tantivy's default segment_size is exact there, and cheaper.
        exact = {"segment_size": FACET_SEGMENT_SIZE} if searcher.num_segments > 1 else {}
        for f in fields:
            if f not in _FACET_FIELD:
                raise ValueError(f"E305: unknown facet {f!r}; choose from {', '.join(FACET_FIELDS)}")
            # segment_size: tantivy keeps only each segment's top ~1.5 x size + 10 values and
            # merges those, which undercounts a value that leads overall but not in some segment
            # (48 of 150 searches had a wrong facet count at 100k articles). Every value of every
            # segment: exact, for ~9% more aggregation time.
            aggs[f] = {"terms": {"field": _FACET_FIELD[f], "size": int(size), **exact}}
        if not aggs:
            return {}
        res = searcher.aggregate(q, aggs)
        return {f: [(b["key"], int(b["doc_count"])) for b in res.get(f, {}).get("buckets", [])]
                for f in fields}


# -- snippets ----------------------------------------------------------------------------------
class _Matcher:
    """Finds the query's words in a stored body without analysing the whole text.

    Stemmed languages: ``str.find`` locates words that start like a query stem, and only those
    few candidate words go through the field's analyzer to confirm the stem (``форумы`` →
    ``форум``). Chinese: the query's words (jieba-segmented) are found as substrings.
    """

    def __init__(self, clauses: list[Clause], analysis: str, analyzer: tantivy.TextAnalyzer) -> None:
        self.analyzer = analyzer
        self.cache: dict[str, str | None] = {}
        self.terms: set[str] = set()
        needles: set[str] = set()
        self.exact = analysis == "zh"
        for c in clauses:
            if self.exact:
                if _CJK.search(c.text):
                    words = [c.text.replace(" ", "")] if c.phrase else segment_chinese(c.text).split()
                else:
                    words = analyzer.analyze(c.text)
                needles.update(w.lower() for w in words if w.strip())
            else:
                for t in analyzer.analyze(c.text):
                    self.terms.add(t)
                    needles.add(t[: max(3, len(t) - 1)] if len(t) > 3 else t)
        self.needles = sorted(needles, key=len, reverse=True)

    def find(self, text: str, limit: int = SNIPPET_MATCHES) -> list[tuple[int, int, str]]:
        """(start, end, term) of query words in ``text``; the head first, the rest if needed."""
        if not self.needles:
            return []
        head = text[:SNIPPET_SCAN].lower()       # lower-cased as far as it is scanned
        if len(head) != min(len(text), SNIPPET_SCAN):   # a rare letter whose lower case is longer: no offsets
            return []
        out = self._find(head, 0, len(head), limit)
        if len(out) < 2 and len(text) > SNIPPET_SCAN:
            low = text.lower()
            if len(low) == len(text):
                out = sorted(set(out + self._find(low, SNIPPET_SCAN - 100, len(low), limit)))
        return out

    def _find(self, low: str, a: int, b: int, limit: int) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        # One word: the window opens at its first occurrence, so nothing past the window's reach
        # is needed. Several: each has a share of the limit, so a frequent one cannot crowd out
        # the others (the window wants the most distinct words).
        single = len(self.needles) == 1
        share = limit if single else max(8, limit // len(self.needles))
        for needle in self.needles:
            found, stop = 0, b
            i = low.find(needle, a, b)
            while i >= 0 and found < share and len(out) < limit:
                if i not in taken:
                    if self.exact:
                        out.append((i, i + len(needle), needle))
                        taken.update(range(i, i + len(needle)))
                        found += 1
                    elif i == 0 or not low[i - 1].isalnum():
                        m = _WORD_TAIL.match(low, i + len(needle))
                        end = m.end() if m else i + len(needle)
                        word = low[i:end]
                        key = self.cache.get(word, "")
                        if key == "":
                            toks = self.analyzer.analyze(word)
                            key = self.cache[word] = toks[0] if toks and toks[0] in self.terms else None
                        if key is not None:
                            out.append((i, end, key))
                            taken.add(i)
                            found += 1
                    if single and found == 1:
                        stop = min(b, i + 2 * SNIPPET_CHARS)
                i = low.find(needle, i + 1, stop)
        out.sort()
        return out


def _window(text: str, matches: list[tuple[int, int, str]], size: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """The stretch of ``text`` (about ``size`` characters) with the most distinct query words."""
    if not matches:
        return _cut(text, size), []
    best, best_i, j = -1, 0, 0
    counts: dict[str, int] = {}
    for i, (a, _, key) in enumerate(matches):       # sliding window over the sorted matches
        while j < len(matches) and matches[j][1] <= a + size:
            counts[matches[j][2]] = counts.get(matches[j][2], 0) + 1
            j += 1
        if len(counts) > best:
            best, best_i = len(counts), i
        if j > i:
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
        else:
            j = i + 1
    first = matches[best_i][0]
    lead = max(0, first - size // 5)
    brk = max(text.rfind(". ", lead, first), text.rfind("\n", lead, first), text.rfind("。", lead, first))
    if brk >= 0:
        start = brk + 1
    elif lead == 0:
        start = 0
    else:                        # from the first word boundary after the lead-in
        sp = text.find(" ", lead, first)
        start = sp + 1 if sp >= 0 else lead
    end = min(len(text), start + size)
    if end < len(text):
        sp = text.rfind(" ", start + size // 2, end)
        if sp > 0 and not _CJK.search(text[end - 1:end]):
            end = sp
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    frag = text[start:end].replace("\n", " ")
    marks: list[tuple[int, int]] = []
    for a, b, _ in matches:
        if a >= start and b <= end and (not marks or a >= marks[-1][1] + start):
            marks.append((a - start, b - start))
    return frag, marks


def _cut(text: str, n: int) -> str:
    text = _WS.sub(" ", text[: n * 2]).strip()
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n]
