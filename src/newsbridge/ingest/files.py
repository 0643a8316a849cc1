"""Reading inputs from disk: files and folders become (origin, raw bytes, kind) items.

Nothing here decodes or analyses; it only finds inputs, enforces size limits and streams
JSONL line by line, so memory stays bounded whatever the batch.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
MAX_JSONL_LINE = 20 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be ingested; ``str()`` is the one-line reason."""

    def __init__(self, origin: str, reason: str, line: int | None = None) -> None:
        self.origin, self.reason, self.line = origin, reason, line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.reason}"


@dataclass
class RawItem:
    """One article's original bytes and what we know of it before extraction."""

    origin: str
    raw: bytes
    kind: str                      # text | html | record
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def kind_of(path: Path) -> str | None:
    suf = suffix_of(path)
    if suf in TEXT_SUFFIXES:
        return "text"
    if suf in HTML_SUFFIXES:
        return "html"
    if suf in JSONL_SUFFIXES:
        return "jsonl"
    if suf in FEED_SUFFIXES:
        return "feed"
    if suf in WARC_SUFFIXES:
        return "warc"
    return None


def walk(paths: list[str | Path]) -> Iterator[Path | InputError]:
    """Files under the given paths (folders recursively, sorted, hidden entries skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name != "MANIFEST.json" and not name.endswith(".md"):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        else:
            yield InputError(str(path), "not a regular file")


def read_file(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > max_bytes:
        raise InputError(str(path), f"file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB "
                                    "limit (setting max_input_bytes)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def record_item(obj: Any, origin: str, line: int | None = None) -> RawItem:
    """A JSONL-style record {url, title, text|html, published, source} as a raw item."""
    if not isinstance(obj, dict):
        raise InputError(origin, "record is not a JSON object", line)
    body = obj.get("text") if obj.get("text") else obj.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(origin, "record has no 'text' or 'html'", line)
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
    meta = {k: obj[k] for k in ("title", "published", "source", "language", "author") if obj.get(k)}
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return RawItem(origin=origin, raw=raw, kind="record", url=url, meta=meta)


def iter_jsonl(path: Path) -> Iterator[RawItem | InputError]:
    """Records of a JSONL file, streamed; a bad line is an error for that line only."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        empty = True
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            empty = False
            origin = f"{path}#{lineno}"
            if len(line) > MAX_JSONL_LINE:
                yield InputError(str(path), f"line is over {MAX_JSONL_LINE // 2**20} MB", lineno)
                continue
            try:
                obj = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield InputError(str(path), "line is not UTF-8", lineno)
                continue
            except json.JSONDecodeError as exc:
                yield InputError(str(path), f"line is not JSON ({exc.msg})", lineno)
                continue
            try:
                yield record_item(obj, origin, lineno)
            except InputError as exc:
                yield InputError(str(path), exc.reason, lineno)
        if empty:
            yield InputError(str(path), "empty file")


def iter_items(paths: list[str | Path], max_bytes: int) -> Iterator[RawItem | InputError]:
    """Every raw item under ``paths``, or an error naming the file (and line) and the reason."""
    for entry in walk(paths):
        yield from entry_items(entry, max_bytes)


def entry_items(entry: Path | InputError, max_bytes: int) -> Iterator[RawItem | InputError]:
    """The items of one entry of ``walk``: a file's records, or the error itself."""
    if isinstance(entry, InputError):
        yield entry
        return
    kind = kind_of(entry)
    if kind == "jsonl":
        yield from iter_jsonl(entry)
    elif kind in ("text", "html"):
        try:
            yield RawItem(origin=str(entry), raw=read_file(entry, max_bytes), kind=kind)
        except InputError as exc:
            yield exc
    elif kind in ("feed", "warc"):
        yield from _delegate(entry, kind, max_bytes)
    else:
        yield InputError(str(entry), f"unsupported file type {entry.suffix or '(no suffix)'!r} "
                                     "(expected .txt, .html, .jsonl, feeds or WARC)")


def entry_item_count(entry: Path | InputError, max_bytes: int) -> int:
    """How many items ``entry_items`` yields, without reading a single-item file."""
    if isinstance(entry, InputError) or kind_of(entry) in ("text", "html", None):
        return 1
    return sum(1 for _ in entry_items(entry, max_bytes))


def _delegate(path: Path, kind: str, max_bytes: int) -> Iterator[RawItem | InputError]:
    """Feeds and WARC files are read by their own modules (ingest.feeds, ingest.warc)."""
    try:
        if kind == "warc":
            from .warc import iter_warc_items as reader
        else:
            from .feeds import iter_feed_file_items as reader
    except ImportError:
        yield InputError(str(path), f"{kind} input is not available in this installation")
        return
    yield from reader(path, max_bytes)
