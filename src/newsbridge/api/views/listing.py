"""Plain listings for the REST API: entities, quotes, links, stories."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ...model import QUOTES
from ...store import schema as s
from .common import Filters, NotFound, actor_href, article_href, layer_rows, norm, scope_doc_ids

MAX_LIMIT = 500


def entities_view(store, *, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Linked entities (or, on an unlinked store, the most frequent facet names)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    e, em = s.entities, s.entity_mentions
    with store.engine.connect() as c:
        linked = c.execute(select(func.count()).select_from(e)).scalar_one()
        if linked:
            n_docs = func.count(func.distinct(em.c.doc_id)).label("articles")
            query = (select(e.c.key, e.c.name, e.c.kind, e.c.aliases, n_docs)
                     .select_from(e.outerjoin(em, em.c.entity_key == e.c.key)).group_by(e.c.key, e.c.name, e.c.kind, e.c.aliases))
            if kind:
                query = query.where(e.c.kind == kind.upper())
            if q:
                query = query.where(func.lower(e.c.name).contains(q.lower()))
            query = query.order_by(n_docs.desc(), e.c.key).limit(limit).offset(offset)
            rows = [{"key": r.key, "name": r.name, "kind": r.kind, "aliases": list(r.aliases or []),
                     "articles": r.articles, "href": actor_href(r.key)} for r in c.execute(query)]
            return {"page": "entities", "linked": True, "entities": rows, "limit": limit, "offset": offset}
    facet_kinds = {"PER": "person", "ORG": "org", "LOC": "place"}
    kinds = [facet_kinds[kind.upper()]] if kind and kind.upper() in facet_kinds else list(facet_kinds.values())
    f = s.facets
    n_docs = func.count(func.distinct(f.c.doc_id)).label("articles")
    query = select(f.c.kind, f.c.display, n_docs).where(f.c.kind.in_(kinds)).group_by(f.c.kind, f.c.display)
    if q:
        query = query.where(f.c.value.contains(norm(q)))
    query = query.order_by(n_docs.desc(), f.c.display).limit(limit).offset(offset)
    back = {v: k for k, v in facet_kinds.items()}
    with store.engine.connect() as c:
        rows = [{"key": r.display, "name": r.display, "kind": back[r.kind], "aliases": [], "articles": r.articles,
                 "href": actor_href(r.display)} for r in c.execute(query)]
    return {"page": "entities", "linked": False, "entities": rows, "limit": limit, "offset": offset}


def quotes_view(ws, flt: Filters, *, speaker: str | None = None, limit: int = 100) -> dict[str, Any]:
    limit = max(1, min(int(limit), MAX_LIMIT))
    ids = scope_doc_ids(ws, flt)
    if speaker:
        spoke = ws.store.docs_with_facet("speaker", speaker)
        ids = sorted(spoke if ids is None else spoke & set(ids))
    rows = layer_rows(ws.store, QUOTES, ids, limit=limit * 5 if speaker else limit)
    out = []
    for r in rows:
        who = r["attrs"].get("speaker")
        if speaker and (not who or norm(who) != norm(speaker)):
            continue
        out.append({"text": r["evidence"], "speaker": who, "speaker_href": actor_href(who) if who else None,
                    "doc_id": r["doc_id"], "doc_title": r["title"], "href": article_href(r["doc_id"]),
                    "published": r["published"], "source": r["source"], "language": r["language"]})
    return {"page": "quotes", "filters": {**flt.active(), **({"speaker": speaker} if speaker else {})},
            "quotes": out[:limit]}


def links_view(store, doc_id: str | None = None, kind: str | None = None, limit: int = 100) -> dict[str, Any]:
    limit = max(1, min(int(limit), MAX_LIMIT))
    q = select(s.links)
    if doc_id:
        q = q.where((s.links.c.a == doc_id) | (s.links.c.b == doc_id))
    if kind:
        q = q.where(s.links.c.kind == kind)
    with store.engine.connect() as c:
        rows = c.execute(q.order_by(s.links.c.score.desc(), s.links.c.a, s.links.c.b).limit(limit)).all()
    return {"page": "links", "links": [{"a": r.a, "b": r.b, "kind": r.kind, "score": round(r.score, 4),
                                         "evidence": r.evidence or {}, "a_href": article_href(r.a),
                                         "b_href": article_href(r.b)} for r in rows]}


def story_view(store, story_id: str) -> dict[str, Any]:
    rows = store.stories(story_id=story_id)
    if not rows:
        raise NotFound(f"no story {story_id!r}")
    docs = {d.id: d for d in store.get_many([r["doc_id"] for r in rows])}
    members = []
    for r in rows:
        d = docs.get(r["doc_id"])
        members.append({"doc_id": r["doc_id"], "href": article_href(r["doc_id"]), "role": r["role"],
                        "parent": r["parent"], "position": r["position"], "evidence": r["evidence"] or {},
                        "title": d.title if d else None, "source": d.source if d else None,
                        "published": d.published if d else None, "language": d.language if d else None})
    return {"page": "story", "story_id": story_id, "members": members}
