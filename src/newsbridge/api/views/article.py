"""The article page: body with evidence, people, quotes, events, its story and every copy."""
from __future__ import annotations

from typing import Any

from ...model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, QUOTES, ROLES
from .common import ActorResolver, NotFound, actor_href, article_href, safe_url
from .highlight import article_blocks

SHOWN_META = ("author", "description", "sitename", "feed", "warc_date", "hostname", "categories", "tags")


def _doc_summary(d) -> dict[str, Any]:
    return {"id": d.id, "title": d.title or "(untitled)", "href": article_href(d.id), "source": d.source,
            "published": d.published, "language": d.language}


def article_view(ws, doc_id: str) -> dict[str, Any]:
    doc = ws.show(doc_id)
    if doc is None:
        raise NotFound(f"no article {doc_id!r}")
    store = ws.store
    resolver = ActorResolver(store, [doc.id])

    def key(name: str, place: bool = True) -> str:
        return resolver.key(doc.id, name, place=place)

    def entity(sp, kind):
        name = sp.attrs.get("name") or doc.span_text(sp)
        k = key(name, place=kind != "person")
        return {"name": name, "kind": kind, "key": k, "href": actor_href(k),
                "aliases": [a for a in (sp.attrs.get("aliases") or []) if a and a != name],
                "roles": list(sp.attrs.get("roles") or []), "org": sp.attrs.get("org"),
                "code": sp.attrs.get("code"), "mentions": len(sp.attrs.get("mentions") or [1])}

    quotes = []
    for sp in sorted(doc.layer(QUOTES), key=lambda x: x.start):
        speaker = sp.attrs.get("speaker")
        quotes.append({"text": doc.span_text(sp), "start": sp.start, "end": sp.end, "speaker": speaker,
                       "speaker_href": actor_href(key(speaker, place=False)) if speaker else None, "how": sp.attrs.get("how")})
    events = []
    for sp in sorted(doc.layer(EVENTS), key=lambda x: x.start):
        a = sp.attrs
        events.append({"type": sp.label, "name": a.get("name"), "date": a.get("date"), "place": a.get("place"),
                       "planned": bool(a.get("planned")), "counts": a.get("counts") or {},
                       "participants": [{"name": p, "href": actor_href(key(p))} for p in (a.get("participants") or []) if p],
                       "evidence": doc.span_text(sp), "start": sp.start, "end": sp.end})
    roles = [{"title": sp.label, "person": sp.attrs.get("person"), "org": sp.attrs.get("org"),
              "evidence": doc.span_text(sp)} for sp in doc.layer(ROLES)]

    # its story (origin, reprints, translations) and direct links
    story_rows = store.stories(doc_id=doc.id)
    links = store.links(doc.id)
    related_ids = {r["doc_id"] for r in story_rows} | {l.a for l in links} | {l.b for l in links}
    related = {d.id: d for d in store.get_many(sorted(related_ids - {doc.id}))}
    related[doc.id] = doc
    story = None
    if story_rows:
        members = []
        for r in story_rows:
            d = related.get(r["doc_id"])
            members.append({**(_doc_summary(d) if d else {"id": r["doc_id"], "title": "(missing)",
                                                           "href": article_href(r["doc_id"])}),
                            "role": r["role"], "parent": r["parent"], "position": r["position"],
                            "is_self": r["doc_id"] == doc.id})
        origin = next((m for m in members if m["role"] == "origin"), members[0])
        story = {"id": story_rows[0]["story_id"], "origin": origin, "members": members,
                 "role_here": next((m["role"] for m in members if m["is_self"]), None)}
    link_out = []
    for l in links:
        other = l.b if l.a == doc.id else l.a
        d = related.get(other)
        link_out.append({"kind": l.kind, "score": round(l.score, 3), "direction": "to" if l.a == doc.id else "from",
                         "other": _doc_summary(d) if d else {"id": other, "title": "(missing)", "href": article_href(other)}})
    link_out.sort(key=lambda x: (x["kind"], -x["score"]))

    meta = {k: doc.meta[k] for k in SHOWN_META if doc.meta.get(k) and isinstance(doc.meta[k], (str, int, float, list))}
    return {
        "page": "article",
        "article": {"id": doc.id, "title": doc.title or "(untitled)", "source": doc.source,
                    "published": doc.published, "language": doc.language, "url": safe_url(doc.url),
                    "url_text": doc.url, "origin": doc.origin, "origins": store.origins(doc.id),
                    "media_type": doc.media_type, "raw_sha256": doc.raw_sha256, "stages": doc.stages,
                    "meta": meta, "body_chars": len(doc.body)},
        "blocks": article_blocks(doc, key, actor_href),
        "people": [entity(sp, "person") for sp in doc.layer(PERSONS)],
        "organizations": [entity(sp, "org") for sp in doc.layer(ORGANIZATIONS)],
        "places": [entity(sp, "place") for sp in doc.layer(LOCATIONS)],
        "roles": roles,
        "quotes": quotes,
        "events": events,
        "story": story,
        "links": link_out,
    }
