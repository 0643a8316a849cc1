"""Link each new document to what is already stored: duplicates, reprints, versions,
translations and same-story reports, without ever comparing all pairs.

For one document the linker
1. looks up exact duplicates (same normalized body hash) and versions (same URL, new text);
2. looks its sampled shingle hashes, anchors and embedding bands up in the key index (keys
   held by more than ``state.DF_CAP`` documents are ignored) and keeps the best-hit
   candidates (at most ``TEXT_CANDIDATES`` + ``ANCHOR_CANDIDATES``);
3. verifies each candidate: shingle containment for reprints, embedding + anchor score
   for translations (kept only when the pair is the best match both ways, per language),
   shared event or strong anchor overlap for same-story reports;
4. stores the links, then rebuilds the stories of the documents it touched.

Documents are processed one after another in ingest order, each seeing exactly the
documents before it, so linking batch by batch and a full ``relink`` give the same links.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from typing import Any, Iterable, Mapping

import numpy as np
from sqlalchemy import and_, delete, or_, select

from ..model import EVENTS, Document, Link
from ..store import schema as s
from . import encoder
from .agencies import agency_key
from .features import Features, extract_features, stable_hash
from .state import DF_CAP, LinkState

log = logging.getLogger(__name__)

# -- calibrated constants (bench/reprints.py, bench/translations.py) --------------------------
TEXT_CANDIDATES = 20            # best shingle-hit candidates verified per document
ANCHOR_CANDIDATES = 15          # best anchor/embedding-hit candidates verified per document
REPRINT_CONTAINMENT = 0.5       # share of the shorter text's samples found in the longer one
REPRINT_MIN_COMMON = 3          # at least this many shared samples (~12 shared shingles)
TRANSLATION_MIN = 0.47          # cosine(lead embeddings) + ANCHOR_WEIGHT * anchor similarity ...
ALIGN_MIN = 0.52                # ... and ordered sentence alignment (encoder.alignment) at least this
ANCHOR_WEIGHT = 0.3
TRANSLATION_MIN_ANCHORS_ONLY = 0.35   # anchor similarity needed when no encoder is installed
SAME_STORY_ANCHORS = 0.45       # anchor similarity for two separately written reports ...
SAME_STORY_MIN_SHARED = 4       # ... sharing at least this many anchors, one of them a name
SAME_STORY_DAYS = 3             # ... published at most this many days apart (when both dated)
KIND_WEIGHT = {"num": 1.0, "name": 1.0, "place": 0.4, "date": 0.7, "event": 2.0}


def _order_key(published: str | None, seq: int) -> tuple[str, int]:
    return (published or "9999", seq)


def _event_anchors(doc: Document) -> list[str]:
    out = set()
    for sp in doc.layer(EVENTS):
        if sp.attrs.get("planned"):
            continue
        date, place = sp.attrs.get("date"), sp.attrs.get("place")
        if sp.label and date and place:
            out.add(f"{sp.label}|{date}|{str(place).casefold()}")
    return sorted(out)


def _anchor_sets(anchors: dict[str, list[str]]) -> set[str]:
    return {f"{k}:{v}" for k, vs in (anchors or {}).items() for v in vs}


def _anchor_weight(x: str) -> float:
    return KIND_WEIGHT.get(x.split(":", 1)[0], 0.5)


def _norm(anchors: set[str]) -> float:
    return math.sqrt(sum(_anchor_weight(x) ** 2 for x in anchors))


def anchor_similarity(a: set[str], b: set[str], df: dict[int, int] | None = None,
                      norms: tuple[float, float] | None = None) -> tuple[float, list[str]]:
    """Weighted set cosine of two anchor sets; shared anchors are discounted by how many
    documents hold them (stop anchors, at the DF cap, weigh nothing)."""
    shared = a & b
    if not shared:
        return 0.0, []
    na, nb = norms if norms else (_norm(a), _norm(b))
    if not na or not nb:
        return 0.0, []
    num = 0.0
    for x in shared:
        w = _anchor_weight(x)
        if df is not None and not x.startswith("date:"):
            n = df.get(stable_hash(x), 1)
            if n >= DF_CAP:
                continue
            w *= min(1.0, math.log(1 + DF_CAP / n) / _LOG_CAP)
        num += w * _anchor_weight(x)
    return num / (na * nb), sorted(shared)


_LOG_CAP = math.log(1 + DF_CAP / 2)     # an anchor shared by two documents weighs fully


def containment(fa: np.ndarray, fb: np.ndarray) -> tuple[float, float, int]:
    """(containment of the smaller in the larger, Jaccard, shared samples)."""
    if len(fa) == 0 or len(fb) == 0:
        return 0.0, 0.0, 0
    common = len(np.intersect1d(fa, fb, assume_unique=True))
    small = min(len(fa), len(fb))
    return common / small, common / (len(fa) + len(fb) - common), common


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    from datetime import date
    try:
        da, db = date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
    except ValueError:
        return None
    return abs((da - db).days)


class Linker:
    def __init__(self, store, embed: bool | None = None) -> None:
        self.store = store
        self.state = LinkState(store)
        self.embed = encoder.enabled() if embed is None else (embed and encoder.enabled())

    # -- public -----------------------------------------------------------------------------
    def link(self, docs: Iterable[Document], embeddings: Mapping[str, np.ndarray] | None = None) -> list[Link]:
        """Link ``docs`` to the corpus. ``embeddings`` (doc id -> matrix from ``embed_documents``)
        may come from elsewhere (Ray workers encode in parallel); missing ones are computed here."""
        docs = [d for d in docs if d is not None]
        known = self.state.known(d.id for d in docs)
        fresh, seen = [], set()
        for d in docs:
            if d.id not in known and d.id not in seen:
                fresh.append(d)
                seen.add(d.id)
        if not fresh:
            return []
        feats = [extract_features(d) for d in fresh]
        for f, d in zip(feats, fresh):
            ev = _event_anchors(d)
            if ev:
                f.anchors["event"] = ev
        embs: list = [None] * len(feats)
        if self.embed:
            given = embeddings or {}
            todo = [i for i, f in enumerate(feats) if f.language in encoder.LANGUAGES]
            for i in todo:
                embs[i] = given.get(feats[i].doc_id)
            todo = [i for i in todo if embs[i] is None]
            for i, m in zip(todo, _encode_features([feats[i] for i in todo])):
                embs[i] = m
        all_links: list[Link] = []
        touched: set[str] = set()
        self._displaced: set[str] = set()
        with self.state.engine.begin() as conn:
            for f, emb in zip(feats, embs):
                links = self._link_one(conn, f, emb)
                all_links += links
                touched.add(f.doc_id)
                for l in links:
                    touched.update((l.a, l.b))
        from .stories import update_stories
        update_stories(self.store, self.state, touched | self._displaced)
        from .entities import update_entities
        update_entities(self.store, fresh)
        return all_links

    # -- one document -----------------------------------------------------------------------
    def _link_one(self, conn, f: Features, emb: np.ndarray | None) -> list[Link]:
        st = self.state
        new: list[Link] = []
        linked: set[str] = set()
        for r in st.same_body(conn, f.body_hash):
            new.append(Link(r.doc_id, f.doc_id, "duplicate", 1.0, {"body_hash": f.body_hash[:16]}))
            linked.add(r.doc_id)
        if f.url:
            for r in st.same_url(conn, f.url):
                if r.doc_id not in linked and r.body_hash != f.body_hash:
                    new.append(Link(r.doc_id, f.doc_id, "version", 1.0, {"url": f.url}))
                    linked.add(r.doc_id)
        keys = f.index_keys()
        if emb is not None:
            keys += [(stable_hash("emb:" + k), 2) for k in encoder.band_keys(emb[0])]
        text_hits, anchor_hits, df = st.lookup(conn, keys)
        cand_text = [seq for seq, _ in text_hits.most_common(TEXT_CANDIDATES)]
        cand_anchor = [seq for seq, _ in anchor_hits.most_common(ANCHOR_CANDIDATES)]
        anchor_set = set(cand_anchor)
        rows = st.rows(set(cand_text) | anchor_set, conn)
        my_anchors = _anchor_sets(f.anchors)
        my_norm = _norm(my_anchors)
        my_fp = f.fp
        best_tr: dict[str, tuple[float, Any, dict]] = {}
        for seq in dict.fromkeys(cand_text + cand_anchor):
            r = rows.get(seq)
            if r is None or r.doc_id in linked or r.doc_id == f.doc_id:
                continue
            if r.language == f.language:
                fp = np.frombuffer(r.fp or b"", dtype=np.int64)
                c, j, common = containment(my_fp, fp)
                if common >= REPRINT_MIN_COMMON and c >= REPRINT_CONTAINMENT:
                    ev = {"containment": round(c, 3), "jaccard": round(j, 3), "shared_samples": common,
                          "contained": "a_in_b" if len(fp) <= len(my_fp) else "b_in_a"}
                    ev.update(_credit_evidence(r.info or {}, f))
                    new.append(Link(r.doc_id, f.doc_id, "reprint", round(c, 4), ev))
                    linked.add(r.doc_id)
                    continue
            if seq not in anchor_set:
                continue          # text overlap too small for a reprint, and no anchors shared
            theirs = _anchor_sets(r.anchors)
            sim, shared = anchor_similarity(my_anchors, theirs, df, (my_norm, _norm(theirs)))
            if r.language != f.language:
                score, ev = self._translation_score(f, emb, r, sim, shared)
                if score is not None:
                    ev = {**ev, **_credit_evidence(r.info or {}, f)}    # TASS = ТАСС: one key
                    cur = best_tr.get(r.language)
                    if cur is None or score > cur[0]:
                        best_tr[r.language] = (score, r, ev)
                    continue
            same = self._same_story(f, r, sim, shared)
            if same is not None:
                new.append(Link(r.doc_id, f.doc_id, "same_story", same[0], same[1]))
                linked.add(r.doc_id)
        row = {"doc_id": f.doc_id, "language": f.language, "published": f.published, "url": f.url,
               "body_hash": f.body_hash, "n_shingles": f.n_shingles, "fp": f.fp.astype(np.int64).tobytes(),
               "anchors": f.anchors, "info": f.info(),
               "emb": np.asarray(emb, dtype=np.float16).tobytes() if emb is not None else None}
        seq = st.add_doc(conn, row)
        st.index(conn, seq, keys, df)
        for lang, (score, r, ev) in best_tr.items():
            if r.doc_id in linked:
                continue
            if self._claim_translation(conn, r, f, score):
                new.append(Link(r.doc_id, f.doc_id, "translation", round(score, 4), ev))
                linked.add(r.doc_id)
        # order each pair: a = the earlier article (published, then ingest order)
        out = self._orient(conn, new, f, seq)
        if out:
            _save_links(conn, self.store, out)
        return out

    def _orient(self, conn, links: list[Link], f: Features, seq: int) -> list[Link]:
        if not links:
            return []
        others = self.state.rows_by_doc([l.a for l in links], conn)
        mine = _order_key(f.published, seq)
        out = []
        for l in links:
            r = others.get(l.a)
            if r is not None and _order_key(r.published, r.seq) > mine:
                ev = dict(l.evidence)
                if ev.get("contained") == "a_in_b":
                    ev["contained"] = "b_in_a"
                elif ev.get("contained") == "b_in_a":
                    ev["contained"] = "a_in_b"
                out.append(Link(f.doc_id, l.a, l.kind, l.score, ev))
            else:
                out.append(l)
        return out

    def _translation_score(self, f: Features, emb, r, sim: float, shared: list[str]):
        ev: dict[str, Any] = {"anchors": round(sim, 3), "shared_anchors": shared[:12]}
        if emb is not None and r.emb:
            other = np.frombuffer(r.emb, dtype=np.float16).astype(np.float32).reshape(-1, emb.shape[1])
            cos = float(np.dot(emb[0], other[0]))
            if cos + ANCHOR_WEIGHT * sim < TRANSLATION_MIN:
                return None, ev
            align = encoder.alignment(emb[1:], other[1:]) if len(emb) > 1 and len(other) > 1 else cos
            ev.update({"embedding": round(cos, 3), "alignment": round(align, 3)})
            if align < ALIGN_MIN:
                return None, ev
            return align + ANCHOR_WEIGHT * sim, ev
        if sim >= TRANSLATION_MIN_ANCHORS_ONLY and len(shared) >= 3:
            return sim, ev
        return None, ev

    def _claim_translation(self, conn, r, f: Features, score: float) -> bool:
        """Keep one translation per language pair and document: the best match both ways."""
        q = select(s.links).where(s.links.c.kind == "translation",
                                  or_(s.links.c.a == r.doc_id, s.links.c.b == r.doc_id))
        existing = list(conn.execute(q))
        rivals = []
        if existing:
            partners = self.state.rows_by_doc([e.b if e.a == r.doc_id else e.a for e in existing], conn)
            for e in existing:
                p = partners.get(e.b if e.a == r.doc_id else e.a)
                if p is not None and p.language == f.language:
                    if e.score >= score:
                        return False
                    rivals.append(e)
        for e in rivals:
            conn.execute(delete(s.links).where(and_(s.links.c.a == e.a, s.links.c.b == e.b,
                                                    s.links.c.kind == "translation")))
            self._displaced.update((e.a, e.b))      # their stories change too
        return True

    def _same_story(self, f: Features, r, sim: float, shared: list[str]):
        events = [x for x in shared if x.startswith("event:")]
        days = _days_apart(f.published, r.published)
        if events:
            return 0.9, {"shared_events": events, "anchors": round(sim, 3)}
        if days is not None and days > SAME_STORY_DAYS:
            return None
        names = [x for x in shared if x.startswith("name:")]
        facts = [x for x in shared if x.startswith(("num:", "date:"))]
        if sim >= SAME_STORY_ANCHORS and len(shared) >= SAME_STORY_MIN_SHARED and names and facts:
            return round(min(0.89, sim), 3), {"anchors": round(sim, 3), "shared_anchors": shared[:12]}
        return None


def _credit_evidence(info: dict[str, Any], f: Features) -> dict[str, Any]:
    """Does the later text credit the earlier one's source (or vice versa)?"""
    mine = {agency_key(a) for a in f.attributions if agency_key(a)}
    theirs = {agency_key(a) for a in (info.get("attributions") or []) if agency_key(a)}
    both = sorted(mine & theirs)
    return {"credits": both} if both else {}


def _save_links(conn, store, links: list[Link]) -> None:
    from ..store.store import now
    rows = [{"a": l.a, "b": l.b, "kind": l.kind, "score": float(l.score), "evidence": l.evidence or {},
             "created_at": now()} for l in links]
    ins = store._insert(s.links)
    conn.execute(ins.on_conflict_do_update(index_elements=["a", "b", "kind"],
                                           set_={"score": ins.excluded.score, "evidence": ins.excluded.evidence}), rows)


def _encode_features(feats: list[Features]) -> list[np.ndarray | None]:
    return encoder.encode_docs([f.lead for f in feats], [f.sentences for f in feats]) if feats else []


def embed_documents(docs: Iterable[Document]) -> dict[str, np.ndarray]:
    """The sentence-encoder matrices the linker would compute for ``docs`` (doc id -> matrix),
    so that a worker can encode in parallel and the single writer only looks them up.
    Empty when the encoder is off or missing."""
    if not encoder.enabled():
        return {}
    feats = [f for f in (extract_features(d) for d in docs if d is not None) if f.language in encoder.LANGUAGES]
    return {f.doc_id: m for f, m in zip(feats, _encode_features(feats)) if m is not None}


def on_ingest(store, docs: Iterable[Document], embed: bool | None = None,
              embeddings: Mapping[str, np.ndarray] | None = None) -> list[Link]:
    """Link newly saved documents to the corpus (called by the workspace after each batch)."""
    return Linker(store, embed=embed).link(docs, embeddings)


def relink(store, embed: bool | None = None, batch: int = 200) -> int:
    """Forget all links, stories and entities and link the whole corpus again, in ingest order."""
    st = LinkState(store)
    order = [doc_id for _, doc_id in st.seqs_in_order()]
    seen = set(order)
    with store.engine.connect() as c:
        rest = [r[0] for r in c.execute(select(s.documents.c.id).order_by(s.documents.c.created_at, s.documents.c.id))]
    order += [i for i in rest if i not in seen]
    existing = set(rest)
    order = [i for i in order if i in existing]
    st.clear()
    linker = Linker(store, embed=embed)
    n = 0
    for i in range(0, len(order), batch):
        docs = store.get_many(order[i:i + batch])
        n += len(linker.link(docs))
    return n
