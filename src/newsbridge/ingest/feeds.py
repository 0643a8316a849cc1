"""RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed parsed into plain items.

XML goes through defusedxml: entity declarations (billion laughs, quadratic blow-up) and
external references are refused before anything is expanded, and feeds over
``MAX_FEED_BYTES`` are refused before parsing, so a hostile feed costs milliseconds.
Nothing here does network I/O; ``watch`` fetches and this module reads bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterator
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .files import InputError, RawItem, read_file, record_item

MAX_FEED_BYTES = 10 * 1024 * 1024      # a news feed is rarely over 1 MB; 10 MB leaves room
MAX_ITEMS = 2000                       # items read from one feed document
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class FeedError(ValueError):
    """Bytes that are not a feed we can read safely; ``str()`` says why."""


@dataclass
class FeedItem:
    id: str | None = None
    url: str | None = None
    title: str | None = None
    summary: str | None = None           # HTML or text teaser
    content: str | None = None           # full HTML when the feed carries it
    content_is_html: bool = True
    published: str | None = None         # ISO 8601
    author: str | None = None
    language: str | None = None

    @property
    def body(self) -> str | None:
        return self.content or self.summary

    def to_record(self, source: str | None = None) -> dict[str, Any]:
        """A JSONL-style record (see ingest.files.record_item) for the item."""
        rec: dict[str, Any] = {"url": self.url, "title": self.title, "published": self.published,
                               "author": self.author, "language": self.language, "source": source}
        rec["html" if self.content_is_html else "text"] = self.body or ""
        return {k: v for k, v in rec.items() if v}


@dataclass
class Feed:
    kind: str                             # rss | rdf | atom | jsonfeed
    title: str | None = None
    link: str | None = None
    language: str | None = None
    items: list[FeedItem] = field(default_factory=list)


# -- helpers -----------------------------------------------------------------------------------
def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Element, name: str) -> list[Element]:
    return [c for c in el if _local(c.tag) == name]


def _child(el: Element, *names: str) -> Element | None:
    for name in names:
        for c in el:
            if _local(c.tag) == name:
                return c
    return None


def _text(el: Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def parse_date(value: str | None) -> str | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed) as ISO 8601; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if dt is None:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.isoformat()


# -- XML feeds ---------------------------------------------------------------------------------
def _atom_link(entry: Element) -> str | None:
    links = [l for l in _children(entry, "link") if l.get("href")]
    for link in links:
        if (link.get("rel") or "alternate") == "alternate":
            return link.get("href")
    return links[0].get("href") if links else None


def _without_namespaces(el: Element) -> Element:
    """A copy of ``el`` with plain tag names, so XHTML content serialises as ordinary HTML."""
    out = Element(_local(el.tag) or "span", {_local(k): v for k, v in el.attrib.items() if not k.startswith("{http://www.w3.org/2000/xmlns")})
    out.text, out.tail = el.text, el.tail
    out.extend(_without_namespaces(c) for c in el)
    return out


def _atom_content(el: Element | None) -> tuple[str | None, bool]:
    if el is None:
        return None, True
    kind = (el.get("type") or "text").lower()
    if kind == "xhtml":
        inner = "".join(tostring(_without_namespaces(c), encoding="unicode") for c in el)
        return inner.strip() or None, True
    return _text(el), kind in ("html", "text/html")


def _parse_atom(root: Element) -> Feed:
    feed = Feed("atom", title=_text(_child(root, "title")), link=_atom_link(root), language=root.get(XML_LANG))
    for entry in _children(root, "entry")[:MAX_ITEMS]:
        content, is_html = _atom_content(_child(entry, "content"))
        summary, s_html = _atom_content(_child(entry, "summary"))
        author = _child(entry, "author")
        feed.items.append(FeedItem(
            id=_text(_child(entry, "id")), url=_atom_link(entry), title=_text(_child(entry, "title")),
            summary=summary, content=content, content_is_html=is_html if content else s_html,
            published=parse_date(_text(_child(entry, "published", "updated", "issued", "modified"))),
            author=_text(_child(author, "name")) if author is not None else None,
            language=entry.get(XML_LANG) or feed.language))
    return feed


def _parse_rss(root: Element, kind: str) -> Feed:
    channel = _child(root, "channel")
    if channel is None:
        raise FeedError("RSS document has no <channel>")
    language = _text(_child(channel, "language"))
    feed = Feed(kind, title=_text(_child(channel, "title")), link=_text(_child(channel, "link")), language=language)
    container = channel if kind == "rss" else root        # RSS 1.0 puts items beside the channel
    for item in _children(container, "item")[:MAX_ITEMS]:
        guid = _child(item, "guid")
        url = _text(_child(item, "link"))
        if not url and guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
            url = _text(guid)
        feed.items.append(FeedItem(
            id=_text(guid) or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or url,
            url=url, title=_text(_child(item, "title")), summary=_text(_child(item, "description")),
            content=_text(_child(item, "encoded")),
            published=parse_date(_text(_child(item, "pubDate", "date", "published", "updated"))),
            author=_text(_child(item, "creator", "author")), language=language))
    return feed


def _parse_xml(content: bytes) -> Feed:
    try:
        root = fromstring(content, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedError(f"refused: the feed declares entities or external references ({type(exc).__name__})") from None
    except ParseError as exc:
        raise FeedError(f"not well-formed XML ({exc})") from None
    name = _local(root.tag).lower()
    if name == "feed":
        return _parse_atom(root)
    if name == "rss":
        return _parse_rss(root, "rss")
    if name == "rdf":
        return _parse_rss(root, "rdf")
    raise FeedError(f"not a feed: the root element is <{_local(root.tag)}>")


# -- JSON Feed ---------------------------------------------------------------------------------
def _parse_json(content: bytes) -> Feed:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not JSON ({exc})") from None
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise FeedError("not a JSON Feed (no https://jsonfeed.org version)")
    feed = Feed("jsonfeed", title=_str(data.get("title")), link=_str(data.get("home_page_url")),
                language=_str(data.get("language")))
    items = data.get("items") if isinstance(data.get("items"), list) else []
    for it in items[:MAX_ITEMS]:
        if not isinstance(it, dict):
            continue
        authors = it.get("authors") if isinstance(it.get("authors"), list) else [it.get("author")]
        names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
        html = _str(it.get("content_html"))
        feed.items.append(FeedItem(
            id=_str(it.get("id")), url=_str(it.get("url")) or _str(it.get("external_url")),
            title=_str(it.get("title")), summary=_str(it.get("summary")),
            content=html or _str(it.get("content_text")), content_is_html=bool(html),
            published=parse_date(_str(it.get("date_published")) or _str(it.get("date_modified"))),
            author=", ".join(names) or None, language=_str(it.get("language")) or feed.language))
    return feed


def _str(v: Any) -> str | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = str(v)
    return v.strip() or None if isinstance(v, str) else None


# -- public ------------------------------------------------------------------------------------
def parse_feed(content: bytes, *, max_bytes: int = MAX_FEED_BYTES) -> Feed:
    """Parse RSS/Atom/RDF/JSON Feed bytes; raises FeedError for oversized, hostile or non-feeds."""
    if len(content) > max_bytes:
        raise FeedError(f"feed is {len(content)} bytes, over the {max_bytes} byte limit")
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return _parse_json(content)
    if not head:
        raise FeedError("empty feed")
    return _parse_xml(content)


def looks_like_feed(content: bytes, media_type: str | None = None) -> bool:
    """Cheap sniff: a feed media type, or a document that starts like one."""
    if media_type and any(t in media_type for t in ("rss", "atom", "feed+json", "rdf")):
        return True
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return b"jsonfeed.org" in content[:4096]
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def iter_feed_file_items(path: Path, max_bytes: int) -> Iterator[RawItem | InputError]:
    """Items of a feed file as raw records (items without any text are errors for that item)."""
    try:
        content = read_file(path, min(max_bytes, MAX_FEED_BYTES))
        feed = parse_feed(content)
    except InputError as exc:
        yield exc
        return
    except FeedError as exc:
        yield InputError(str(path), str(exc))
        return
    if not feed.items:
        yield InputError(str(path), "feed has no items")
    for n, item in enumerate(feed.items, 1):
        if not item.body:
            yield InputError(str(path), f"item {item.url or n} has no text (fetch it with `newsbridge watch`)", n)
            continue
        raw_item = record_item(item.to_record(source=feed.title), f"{path}#{n}", n)
        raw_item.meta.setdefault("feed", feed.title or str(path))
        yield raw_item
