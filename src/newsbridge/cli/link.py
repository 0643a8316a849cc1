"""Linking commands: links, story, entity, relink."""
from __future__ import annotations

import json
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from .app import app, console, settings


def _workspace():
    from ..workspace import Workspace
    return Workspace(settings())


def _origins(store, ids: set[str]) -> dict[str, dict[str, Any]]:
    from sqlalchemy import select

    from ..store import schema as s
    out: dict[str, dict[str, Any]] = {}
    ids_l = list(ids)
    with store.engine.connect() as c:
        for i in range(0, len(ids_l), 500):
            q = select(s.documents.c.id, s.documents.c.origin, s.documents.c.url, s.documents.c.title,
                       s.documents.c.language, s.documents.c.published, s.documents.c.source) \
                .where(s.documents.c.id.in_(ids_l[i:i + 500]))
            for r in c.execute(q):
                out[r.id] = dict(r._mapping)
    return out


def link_records(store) -> list[dict[str, Any]]:
    """Every link as {a, b, kind, score, evidence, a_origin, b_origin} (the data behind ``links``)."""
    links = store.links()
    info = _origins(store, {l.a for l in links} | {l.b for l in links})

    def origin(i: str) -> str | None:
        r = info.get(i) or {}
        return r.get("origin") or r.get("url")
    return [{"a": l.a, "b": l.b, "kind": l.kind, "score": round(l.score, 4), "evidence": l.evidence,
             "a_origin": origin(l.a), "b_origin": origin(l.b)} for l in links]


@app.command()
def links(
    as_json: bool = typer.Option(False, "--json", help="One JSON array of link objects."),
    kind: str = typer.Option(None, "--kind", help="Only this kind: duplicate, reprint, version, translation, same_story."),
) -> None:
    """List the links between articles (duplicates, reprints, versions, translations, same story)."""
    with _workspace() as ws:
        recs = link_records(ws.store)
    if kind:
        recs = [r for r in recs if r["kind"] == kind]
    if as_json:
        print(json.dumps(recs, ensure_ascii=False, indent=1))
        return
    if not recs:
        console.print("no links")
        return
    t = Table("kind", "score", "a", "b", "evidence")
    for r in recs:
        ev = ", ".join(f"{k}={v}" for k, v in r["evidence"].items() if k not in ("shared_anchors",))
        t.add_row(r["kind"], f"{r['score']:.2f}", escape(r["a_origin"] or r["a"]), escape(r["b_origin"] or r["b"]),
                  escape(ev[:80]))
    console.print(t)


@app.command()
def story(doc_id: str = typer.Argument(..., help="A story id (st-...) or the id of any article in it.")) -> None:
    """Show a story: its origin (earliest article) and how each later article derives from it."""
    with _workspace() as ws:
        rows = ws.store.stories(story_id=doc_id) or ws.store.stories(doc_id=doc_id)
        if not rows:
            console.print(f"no story with {escape(doc_id)} (an article linked to nothing is a story of one)")
            raise typer.Exit(1)
        info = _origins(ws.store, {r["doc_id"] for r in rows})
    console.print(f"story {rows[0]['story_id']}: {len(rows)} articles", highlight=False)
    children: dict[str | None, list[dict]] = {}
    for r in rows:
        children.setdefault(r["parent"], []).append(r)

    def show(r: dict, depth: int) -> None:
        d = info.get(r["doc_id"], {})
        ev = r.get("evidence") or {}
        extra = []
        if ev.get("score") is not None:
            extra.append(f"score {ev['score']:.2f}")
        if ev.get("credits"):
            extra.append("credits " + "/".join(ev["credits"]))
        line = (f"{'  ' * depth}{'└ ' if depth else ''}[{r['role']}] {d.get('published') or '?'} "
                f"{d.get('language') or '?'} {d.get('title') or ''} — {d.get('origin') or d.get('url') or r['doc_id']}"
                f"{' (' + ', '.join(extra) + ')' if extra else ''}")
        console.print(escape(line), highlight=False)
        for c in sorted(children.get(r["doc_id"], []), key=lambda x: x["position"]):
            if c["doc_id"] != r["doc_id"]:
                show(c, depth + 1)

    for root in children.get(None, []):
        show(root, 0)


@app.command()
def entity(name: str = typer.Argument(..., help="A person's name in any script (Xi Jinping, Си Цзиньпин, 习近平).")) -> None:
    """Show one person across languages: names in every script, roles, quotes and events."""
    from ..link.entities import find_entities
    from ..link.names import match_names
    from ..model import EVENTS, PERSONS, QUOTES
    with _workspace() as ws:
        found = find_entities(ws.store, name)
        if not found:
            console.print(f"no person matching {escape(name)}")
            raise typer.Exit(1)
        ent, score = found[0]
        mentions = ws.store.entity_mentions(ent["key"])
        docs = ws.store.get_many(sorted({m["doc_id"] for m in mentions}))
    forms = [ent["name"], *(ent.get("aliases") or [])]
    console.print(f"{escape(ent['name'])}  (key {ent['key']}, match {score:.2f})", highlight=False)
    by_lang: dict[str, set[str]] = {}
    for m in mentions:
        by_lang.setdefault(m.get("language") or "?", set()).add(m["name"])
    for lang, names in sorted(by_lang.items()):
        console.print(f"  names [{lang}]: " + escape("; ".join(sorted(names))), highlight=False)
    attrs = ent.get("attrs") or {}
    if attrs.get("latin"):
        console.print(f"  latin: {escape(attrs['latin'])}", highlight=False)
    roles = set(attrs.get("roles") or [])
    quotes, events = [], []
    for d in docs:
        for sp in d.layer(PERSONS):
            if any(match_names(sp.attrs.get("name") or "", f).same for f in forms[:5]):
                roles.update(sp.attrs.get("roles") or [])
        for sp in d.layer(QUOTES):
            spk = sp.attrs.get("speaker")
            if spk and any(match_names(spk, f).same for f in forms[:5]):
                quotes.append((d, d.span_text(sp)))
        for sp in d.layer(EVENTS):
            sent = d.span_text(sp)
            if any(f.split()[-1] in sent for f in forms if f.split()):
                events.append((d, sp))
    if roles:
        console.print("  roles: " + escape("; ".join(sorted(roles))), highlight=False)
    console.print(f"  articles: {len(docs)}", highlight=False)
    for d, q in quotes[:10]:
        console.print(f"  quote [{d.language}] “{escape(q[:160])}” — {escape(d.origin or d.id)}", highlight=False)
    for d, sp in events[:10]:
        a = sp.attrs
        console.print(f"  event [{d.language}] {sp.label} {a.get('date') or ''} {escape(str(a.get('place') or ''))}: "
                      f"{escape(a.get('name') or '')} — {escape(d.origin or d.id)}", highlight=False)


@app.command()
def relink() -> None:
    """Forget every link, story and entity and link the whole store again (ingest order)."""
    from ..link import relink as _relink
    with _workspace() as ws:
        n = _relink(ws.store)
    console.print(f"{n} links")
