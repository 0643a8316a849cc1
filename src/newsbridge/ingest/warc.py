"""WARC (and ARC) files: the HTML pages among their response records.

Only ``response`` records with a 2xx HTTP status and an HTML media type become items; the
payload is kept as the original bytes (charset from the HTTP header travels in ``meta``).
Records over the byte limit, truncated records and broken archives become errors naming
the record, never a crash of the whole file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .fetch import _content_type
from .files import InputError, RawItem

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc_items(path: Path, max_bytes: int) -> Iterator[RawItem | InputError]:
    """HTML response records of a WARC/ARC file (gzip or plain) as raw HTML items."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield InputError(str(path), "warcio is not installed")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    found, broken = 0, False
    with fh:
        records = ArchiveIterator(fh, arc2warc=True)
        n = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
                yield InputError(str(path), f"unreadable archive after record {n}: {exc}")
                broken = True
                break
            n += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type") or ""
            media_type, charset = _content_type(ctype)
            if not (status or "").startswith("2") or media_type not in HTML_TYPES:
                continue
            origin = f"{path}#{n}"
            try:
                raw = record.content_stream().read(max_bytes + 1)
            except Exception as exc:  # a truncated or corrupt payload is this record's error
                yield InputError(str(path), f"record {n} ({url}): payload unreadable: {exc}", n)
                continue
            if len(raw) > max_bytes:
                yield InputError(str(path), f"record {n} ({url}): over the {max_bytes} byte limit", n)
                continue
            if not raw.strip():
                continue
            found += 1
            meta = {"warc_date": record.rec_headers.get_header("WARC-Date"), "content_type": ctype}
            if charset:
                meta["charset"] = charset
            yield RawItem(origin=origin, raw=raw, kind="html", url=url,
                          meta={k: v for k, v in meta.items() if v})
    if found == 0 and not broken:
        yield InputError(str(path), "no HTML response records in the archive")
