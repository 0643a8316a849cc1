"""Stories: the connected groups of linked articles, each with its origin and chain.

The origin is the earliest published article of the group (ties broken by ingest order).
Every other article gets a parent: among the articles it is linked to that came before it,
the closest kin (duplicate > version > reprint > translation > same_story, then score);
an article linked only to later ones hangs from the origin. Each row keeps the evidence:
the link to its parent and the agencies the article credits.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable

from sqlalchemy import delete, or_, select

from ..store import schema as s
from .agencies import agency_key
from .state import LinkState

MAX_STORY = 2000          # a component larger than this is cut (never walk the whole corpus)
KIND_RANK = {"duplicate": 0, "version": 1, "reprint": 2, "translation": 3, "same_story": 4}


def _component(conn, start: str, limit: int = MAX_STORY) -> tuple[set[str], list[Any]]:
    seen, edges = {start}, {}
    queue = deque([start])
    while queue and len(seen) < limit:
        node = queue.popleft()
        q = select(s.links).where(or_(s.links.c.a == node, s.links.c.b == node))
        for e in conn.execute(q):
            edges[(e.a, e.b, e.kind)] = e
            for other in (e.a, e.b):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    return seen, list(edges.values())


def build_story(members: set[str], edges: list[Any], info: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows (story_id, doc_id, role, parent, position, evidence) for one component."""
    def key(d: str):
        r = info.get(d)
        return ((r.published or "9999") if r is not None else "9999", r.seq if r is not None else 1 << 60, d)

    order = sorted(members, key=key)
    origin = order[0]
    story_id = "st-" + origin
    adj: dict[str, list[Any]] = {d: [] for d in members}
    for e in edges:
        if e.a in adj and e.b in adj:
            adj[e.a].append(e)
            adj[e.b].append(e)
    rank = {d: i for i, d in enumerate(order)}
    origin_src = _credits(info.get(origin))
    rows = []
    for pos, d in enumerate(order):
        r = info.get(d)
        credits = sorted(_credits(r))
        ev: dict[str, Any] = {"credits": credits} if credits else {}
        if d == origin:
            rows.append({"story_id": story_id, "doc_id": d, "role": "origin", "parent": None,
                         "position": 0, "evidence": ev})
            continue
        earlier = [e for e in adj[d] if rank[e.a if e.b == d else e.b] < rank[d]]
        if earlier:
            best = min(earlier, key=lambda e: (KIND_RANK.get(e.kind, 9), -e.score))
            parent = best.a if best.b == d else best.b
            role = best.kind
            ev.update({"link": best.kind, "score": best.score})
        else:
            parent, role = origin, "same_story"
            ev["link"] = "component"
        if origin_src and set(credits) & origin_src:
            ev["credits_origin"] = True
        rows.append({"story_id": story_id, "doc_id": d, "role": role, "parent": parent,
                     "position": pos, "evidence": ev})
    return rows


def _credits(r) -> set[str]:
    if r is None:
        return set()
    inf = r.info or {}
    return {agency_key(a) for a in (inf.get("attributions") or []) if agency_key(a)}


def update_stories(store, state: LinkState, doc_ids: Iterable[str]) -> int:
    """Rebuild the stories that contain ``doc_ids`` (only those: cost follows the batch)."""
    todo = set(doc_ids)
    written = 0
    with store.engine.begin() as conn:
        while todo:
            start = todo.pop()
            members, edges = _component(conn, start)
            todo -= members
            old = {r[0] for r in conn.execute(select(s.stories.c.story_id).where(s.stories.c.doc_id.in_(list(members))))}
            if old:
                conn.execute(delete(s.stories).where(s.stories.c.story_id.in_(list(old))))
            conn.execute(delete(s.stories).where(s.stories.c.doc_id.in_(list(members))))
            if len(members) < 2:
                continue
            info = state.rows_by_doc(members, conn)
            rows = build_story(members, edges, info)
            conn.execute(s.stories.insert(), rows)
            written += len(rows)
    return written
