"""The actor page: one person (or organization, place) across articles and scripts.

With linking results the actor is an entity (``entities`` + ``entity_mentions``): every name
it was written under, in every script. Without them, the actor is a name found in the
documents' facets, and its other forms come from the aliases the analyzers recorded.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import select

from ...crossscript import english_name
from ...model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, QUOTES, ROLES
from ...store import schema as s
from .common import ActorResolver, NotFound, actor_href, article_href, norm
from .events import merge_reports

MAX_ACTOR_DOCS = 300          # newest articles an actor page reads
MAX_LIST = 100                # quotes / events / roles shown
_LAYER_OF_KIND = {"PER": PERSONS, "ORG": ORGANIZATIONS, "LOC": LOCATIONS}
_FACET_OF_KIND = {"PER": "person", "ORG": "org", "LOC": "place"}
_SCRIPTS = (("Cyrillic", re.compile(r"[\u0400-\u04ff]")), ("Han", re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")),
            ("Arabic", re.compile(r"[\u0600-\u06ff]")), ("Latin", re.compile(r"[A-Za-z\u00c0-\u024f]")))


def script_of(name: str) -> str:
    for label, rx in _SCRIPTS:
        if rx.search(name):
            return label
    return "Other"


def _find_entity(store, key: str) -> dict[str, Any] | None:
    e, em = s.entities, s.entity_mentions
    with store.engine.connect() as c:
        row = c.execute(select(e).where(e.c.key == key)).first()
        if row is None:
            k = c.execute(select(em.c.entity_key).where(em.c.name == key).limit(1)).scalar()
            k = k or c.execute(select(e.c.key).where(e.c.name == key).limit(1)).scalar()
            row = c.execute(select(e).where(e.c.key == k)).first() if k else None
        if row is None:
            return None
        ent = dict(row._mapping)
        mentions = [dict(r._mapping) for r in c.execute(select(em).where(em.c.entity_key == ent["key"]))]
    return {"key": ent["key"], "name": ent["name"], "kind": ent["kind"] or "PER",
            "aliases": list(ent["aliases"] or []), "mentions": mentions}


def _find_by_facet(store, name: str) -> dict[str, Any] | None:
    f = s.facets
    with store.engine.connect() as c:
        rows = c.execute(select(f.c.doc_id, f.c.kind, f.c.display).where(
            f.c.value == norm(name), f.c.kind.in_(("person", "org", "place"))).limit(MAX_ACTOR_DOCS * 3)).all()
    if not rows:
        return None
    kind = Counter(r.kind for r in rows).most_common(1)[0][0]
    kind = {"person": "PER", "org": "ORG", "place": "LOC"}[kind]
    display = Counter(r.display for r in rows).most_common(1)[0][0]
    return {"key": name, "name": display, "kind": kind, "aliases": [],
            # which form each article writes is read from its spans (the facet's display may be
            # a place's or an agency's English name)
            "mentions": [{"doc_id": r.doc_id, "name": None, "language": None} for r in rows]}


def _newest(store, doc_ids: list[str], limit: int) -> list[str]:
    d = s.documents
    out = []
    with store.engine.connect() as c:
        for i in range(0, len(doc_ids), 500):
            out += c.execute(select(d.c.id, d.c.published).where(d.c.id.in_(doc_ids[i:i + 500]))).all()
    out.sort(key=lambda r: (r.published or "", r.id), reverse=True)
    return [r.id for r in out[:limit]]


def actor_view(ws, key: str) -> dict[str, Any]:
    store = ws.store
    entity = _find_entity(store, key)
    actor = entity or _find_by_facet(store, key)
    if actor is None:
        raise NotFound(f"no actor {key!r}")
    doc_ids = _newest(store, list(dict.fromkeys(m["doc_id"] for m in actor["mentions"])), MAX_ACTOR_DOCS)
    docs = store.get_many(doc_ids)
    layer = _LAYER_OF_KIND.get(actor["kind"], PERSONS)

    names: dict[str, dict[str, Any]] = {}          # normalised -> {name, script, languages, count}

    def add_name(name: str, language: str | None) -> None:
        if not name:
            return
        entry = names.setdefault(norm(name), {"name": name, "script": script_of(name), "languages": set(), "articles": 0})
        entry["articles"] += 1
        if language:
            entry["languages"].add(language)

    for form in [actor["name"], *actor["aliases"]]:
        names.setdefault(norm(form), {"name": form, "script": script_of(form), "languages": set(), "articles": 0})
    for m in actor["mentions"]:
        add_name(m["name"], m.get("language"))
    known = set(names)

    # grow the name set with the forms this actor's spans are written in (an alias such as "Xi"
    # counts in the articles that write it), recognising the spans by any form, the English
    # name of a place or agency included
    counted = {(m["doc_id"], norm(m["name"])) for m in actor["mentions"] if m.get("name")}
    for doc in docs:
        for sp in doc.layer(layer):
            name = sp.attrs.get("name") or doc.span_text(sp)
            written = {f for f in (name, *(sp.attrs.get("aliases") or [])) if f}
            english = {f for f in (english_name(_FACET_OF_KIND.get(actor["kind"], "person"), name, sp.attrs),) if f}
            if known & {norm(f) for f in written | english}:
                for f in written:
                    if (doc.id, norm(f)) not in counted:
                        counted.add((doc.id, norm(f)))
                        add_name(f, doc.language)
    known = set(names)

    def is_me(name: str | None) -> bool:
        return bool(name) and norm(name) in known

    resolver = ActorResolver(store, [d.id for d in docs])
    roles: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    met_events: dict[str, set] = defaultdict(set)     # the same event in reprints counts once
    met_names: dict[str, str] = {}
    named_with: Counter = Counter()                    # other people in the same articles
    for doc in docs:
        seen_here: set[str] = set()
        for sp in doc.layer(PERSONS):
            other = sp.attrs.get("name") or doc.span_text(sp)
            if other and not is_me(other):
                k = resolver.key(doc.id, other, place=False)
                if k != actor["key"] and k not in seen_here:
                    seen_here.add(k)
                    named_with[k] += 1
                    met_names.setdefault(k, resolver.display(k, other))
        ref = {"doc_id": doc.id, "doc_title": doc.title or "(untitled)", "href": article_href(doc.id),
               "published": doc.published, "source": doc.source, "language": doc.language}
        for sp in doc.layer(layer):
            if is_me(sp.attrs.get("name") or doc.span_text(sp)):
                for r in sp.attrs.get("roles") or []:
                    roles.append({"role": r, "org": sp.attrs.get("org"), "date": doc.published, **ref})
        for sp in doc.layer(ROLES):
            if is_me(sp.attrs.get("person")):
                roles.append({"role": sp.label, "org": sp.attrs.get("org"), "date": doc.published, **ref})
        for sp in doc.layer(QUOTES):
            if is_me(sp.attrs.get("speaker")):
                quotes.append({"text": doc.span_text(sp), "date": doc.published, **ref})
        for sp in doc.layer(EVENTS):
            parts = [p for p in (sp.attrs.get("participants") or []) if p]
            if not any(is_me(p) for p in parts) and not (actor["kind"] == "LOC" and is_me(sp.attrs.get("place"))):
                continue
            others = []
            for p in parts:
                if is_me(p):
                    continue
                k = resolver.key(doc.id, p)
                if k == actor["key"]:
                    continue
                met_events[k].add((sp.label, str(sp.attrs.get("date") or doc.published or "")[:10]))
                met_names.setdefault(k, resolver.display(k, p))
                others.append({"name": p, "href": actor_href(k)})
            events.append({"type": sp.label, "name": sp.attrs.get("name"), "date": sp.attrs.get("date") or doc.published,
                           "place": sp.attrs.get("place"), "participants": others, "evidence": doc.span_text(sp), **ref})

    # roles over time: one row per role title, first and last seen
    role_span: dict[str, dict[str, Any]] = {}
    for r in roles:
        cur = role_span.setdefault(norm(r["role"]), {"role": r["role"], "org": r["org"], "first": r["date"],
                                                     "last": r["date"], "articles": 0, "first_href": r["href"]})
        cur["articles"] += 1
        cur["org"] = cur["org"] or r["org"]
        if r["date"] and (not cur["first"] or r["date"] < cur["first"]):
            cur["first"], cur["first_href"] = r["date"], r["href"]
        if r["date"] and (not cur["last"] or r["date"] > cur["last"]):
            cur["last"] = r["date"]
    quotes.sort(key=lambda q: q["date"] or "", reverse=True)
    events.sort(key=lambda e: e["date"] or "", reverse=True)
    # one row per event, with every article reporting it (this actor takes part in each)
    events = merge_reports(events, lambda e: frozenset(p["href"] for p in e["participants"]))
    name_rows = sorted(({**v, "languages": sorted(v["languages"])} for v in names.values()),
                       key=lambda v: (v["script"], -v["articles"], v["name"]))
    return {
        "page": "actor",
        "actor": {"key": actor["key"], "name": actor["name"], "kind": actor["kind"], "href": actor_href(actor["key"]),
                  "facet": _FACET_OF_KIND.get(actor["kind"], "person"), "articles": len(doc_ids),
                  "linked": entity is not None},
        "names": name_rows,
        "scripts": sorted({n["script"] for n in name_rows}),
        "roles": sorted(role_span.values(), key=lambda r: (r["first"] or "", r["role"]))[:MAX_LIST],
        "quotes": quotes[:MAX_LIST],
        "events": events[:MAX_LIST],
        "met": [{"key": k, "name": met_names[k], "href": actor_href(k), "events": n}
                for k, n in sorted(((k, len(v)) for k, v in met_events.items()), key=lambda x: (-x[1], x[0]))[:20]],
        "named_with": [{"key": k, "name": met_names[k], "href": actor_href(k), "articles": n}
                       for k, n in sorted(named_with.items(), key=lambda x: (-x[1], x[0]))[:20]],
        "articles": [{"id": d.id, "title": d.title or "(untitled)", "href": article_href(d.id), "published": d.published,
                      "source": d.source, "language": d.language} for d in docs[:50]],
    }
