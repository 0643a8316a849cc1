"""One person across documents, spellings and scripts.

Each person of a document's ``persons`` layer (its fullest name and aliases) is matched
against the entities that share its blocking key (surname skeleton or pinyin, see
:func:`newsbridge.link.names.name_key`) with :func:`match_names`; the best match at or above
the threshold takes the mention (its spelling becomes an alias), otherwise a new entity is
created. Each mention row keeps the decision's score.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from sqlalchemy import select

from ..model import PERSONS, Document
from ..store import schema as s
from .names import display_latin, match_names, name_key, parse_name, romanize

MAX_ALIASES = 40


def _block(conn, key: str) -> list[dict[str, Any]]:
    hi = key + "\uffff"
    q = select(s.entities).where(s.entities.c.key >= key, s.entities.c.key < hi, s.entities.c.kind == "PER")
    return [dict(r._mapping) for r in conn.execute(q)]


def _best(name: str, candidates: list[dict[str, Any]]):
    best, best_score = None, 0.0
    for ent in candidates:
        forms = [ent["name"], *(ent.get("aliases") or [])]
        score = 0.0
        conflict = False
        for form in forms:
            m = match_names(name, form)
            if m.reason in ("given names conflict", "initials conflict", "surname gender differs", "pinyin differs"):
                conflict = True
                break
            if m.same:
                score = max(score, m.score)
        if not conflict and score > best_score:
            best, best_score = ent, score
    return best, best_score


def _new_key(base: str, name: str, taken: set[str]) -> str:
    p = parse_name(name)
    given = (p.given[0].lstrip("~")[:3] if p.given else "") or "x"
    key = f"{base}|{given}"
    n = 2
    while key in taken:
        key = f"{base}|{given}{n}"
        n += 1
    return key


def update_entities(store, docs: Iterable[Document]) -> int:
    """Attach the persons of ``docs`` to entities (creating them as needed)."""
    mentions: list[dict[str, Any]] = []
    changed: dict[str, dict[str, Any]] = {}
    with store.engine.begin() as conn:
        for doc in docs:
            for span in doc.layer(PERSONS):
                name = (span.attrs.get("name") or doc.span_text(span)).strip()
                if not name or not re.search(r"\w", name):
                    continue
                base = name_key(name)
                if not base:
                    continue
                cands = {e["key"]: e for e in _block(conn, base)}
                cands.update({k: v for k, v in changed.items() if k.startswith(base)})
                ent, score = _best(name, list(cands.values()))
                if ent is None:
                    key = _new_key(base, name, set(cands))
                    ent = {"key": key, "name": name, "kind": "PER", "aliases": [], "attrs": {"latin": display_latin(name)}}
                    score = 1.0
                ent = changed.setdefault(ent["key"], ent)
                forms = [name, *(span.attrs.get("aliases") or [])]
                aliases = list(ent.get("aliases") or [])
                for form in forms:
                    if form and form != ent["name"] and form not in aliases and len(aliases) < MAX_ALIASES:
                        aliases.append(form)
                ent["aliases"] = aliases
                # prefer a full Latin-script name as the display name
                if parse_name(name).script == "latin" and parse_name(ent["name"]).script != "latin" \
                        and len(name.split()) >= 2:
                    ent["aliases"] = [ent["name"], *[a for a in aliases if a != name]]
                    ent["name"] = name
                attrs = dict(ent.get("attrs") or {})
                roles = set(attrs.get("roles") or []) | set(span.attrs.get("roles") or [])
                attrs["roles"] = sorted(roles)[:20]
                if span.attrs.get("org"):
                    attrs["orgs"] = sorted(set(attrs.get("orgs") or []) | {span.attrs["org"]})[:20]
                ent["attrs"] = attrs
                mentions.append({"entity_key": ent["key"], "doc_id": doc.id, "name": name[:300],
                                 "language": doc.language, "score": round(float(score), 3)})
    if changed or mentions:
        store.save_entities(list(changed.values()), _dedupe(mentions))
    return len(mentions)


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in rows:
        k = (r["entity_key"], r["doc_id"], r["name"])
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def find_entities(store, name: str) -> list[tuple[dict[str, Any], float]]:
    """Entities whose name or alias matches ``name`` (any script), best first."""
    base = name_key(name)
    out = []
    with store.engine.connect() as conn:
        cands = _block(conn, base) if base else []
        if not cands:
            folded = romanize(name)
            cands = [dict(r._mapping) for r in conn.execute(select(s.entities))
                     if folded in romanize(r.name) or any(folded in romanize(a) for a in (r.aliases or []))][:20]
    for ent in cands:
        forms = [ent["name"], *(ent.get("aliases") or [])]
        score = max((match_names(name, f).score for f in forms if match_names(name, f).same), default=0.0)
        if score or romanize(name) in {romanize(f) for f in forms}:
            out.append((ent, score or 1.0))
    return sorted(out, key=lambda x: -x[1])
