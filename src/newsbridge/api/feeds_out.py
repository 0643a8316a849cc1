"""Atom 1.0 and JSON Feed 1.1 for any search (same filters as /api/v1/search)."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

ATOM_NS = "http://www.w3.org/2005/Atom"
# characters XML 1.0 cannot carry, even escaped
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: Any) -> str:
    return _XML_BAD.sub("", str(text or ""))


def _rfc3339(value: str | None, fallback: str) -> str:
    if not value:
        return fallback
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return fallback
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def feed_title(view: dict[str, Any]) -> str:
    bits = [view["query"]] if view.get("query") else []
    bits += [f"{k}={v}" for k, v in view.get("filters", {}).items() if k != "q"]
    return "newsbridge: " + (", ".join(bits) if bits else "latest articles")


def atom_feed(view: dict[str, Any], base_url: str, self_url: str) -> bytes:
    """The search view as an Atom document (ElementTree escapes every text and attribute)."""
    base = base_url.rstrip("/")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    feed = Element("feed", xmlns=ATOM_NS)
    SubElement(feed, "title").text = _x(feed_title(view))
    SubElement(feed, "id").text = _x(self_url)
    SubElement(feed, "link", rel="self", href=_x(self_url))
    SubElement(feed, "link", rel="alternate", type="text/html", href=_x(base + "/search" + self_url.partition("?")[1] + self_url.partition("?")[2]))
    SubElement(feed, "generator").text = "newsbridge"
    dates = [_rfc3339(h.get("published"), now) for h in view["hits"]]
    SubElement(feed, "updated").text = max(dates) if dates else now
    for hit, updated in zip(view["hits"], dates):
        entry = SubElement(feed, "entry")
        SubElement(entry, "id").text = f"urn:newsbridge:{_x(hit['id'])}"
        SubElement(entry, "title").text = _x(hit["title"])
        SubElement(entry, "link", rel="alternate", type="text/html", href=_x(base + hit["href"]))
        if hit.get("url"):
            SubElement(entry, "link", rel="via", href=_x(hit["url"]))
        SubElement(entry, "updated").text = updated
        if hit.get("published"):
            SubElement(entry, "published").text = updated
        if hit.get("source"):
            author = SubElement(entry, "author")
            SubElement(author, "name").text = _x(hit["source"])
        summary = SubElement(entry, "summary", type="text")
        summary.text = _x(hit.get("snippet"))
        if hit.get("language"):
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", _x(hit["language"]))
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="utf-8", xml_declaration=False)


def json_feed(view: dict[str, Any], base_url: str, self_url: str) -> bytes:
    base = base_url.rstrip("/")
    items = []
    for hit in view["hits"]:
        item: dict[str, Any] = {"id": hit["id"], "url": base + hit["href"], "title": hit["title"],
                                "content_text": hit.get("snippet") or "", "summary": hit.get("snippet") or ""}
        if hit.get("url"):
            item["external_url"] = hit["url"]
        if hit.get("published"):
            item["date_published"] = _rfc3339(hit["published"], hit["published"])
        if hit.get("source"):
            item["authors"] = [{"name": hit["source"]}]
        if hit.get("language"):
            item["language"] = hit["language"]
        items.append(item)
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": feed_title(view), "feed_url": self_url,
           "home_page_url": base + "/search" + ("?" + self_url.partition("?")[2] if "?" in self_url else ""),
           "items": items}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
