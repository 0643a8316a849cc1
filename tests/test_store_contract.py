"""The store contract, run against SQLite and PostgreSQL (and PostgreSQL's COPY loader).

PostgreSQL cases create their own database and drop it; they skip when 127.0.0.1:5432 is
unreachable, and fail instead when NEWSBRIDGE_REQUIRE_POSTGRES=1 (see conftest.py).
"""
from __future__ import annotations

import itertools
import uuid

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsbridge.model import EVENTS, PERSONS, QUOTES, Document, Link
from newsbridge.store import Store

_counter = itertools.count()

# JSON-safe attribute values (what layers carry): no NaN, no surrogates, no NUL (PostgreSQL
# text and json refuse U+0000, so the model never produces it).
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(-2**31, 2**31), _text)
_attr = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text("abcdefgh", min_size=1, max_size=6), inner, max_size=3)),
                     max_leaves=6)


@st.composite
def documents(draw) -> Document:
    text = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                        min_size=1, max_size=300))
    doc = Document(id=f"d{next(_counter)}-{uuid.uuid4().hex[:8]}", text=text,
                   origin=draw(st.one_of(st.none(), _text.filter(bool))),
                   url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1"))),
                   title=draw(st.one_of(st.none(), _text)), language=draw(st.sampled_from([None, "en", "ru", "zh"])),
                   published=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
                   source=draw(st.one_of(st.none(), _text)),
                   meta=draw(st.dictionaries(st.text("xyz", min_size=1, max_size=4), _scalar, max_size=3)),
                   stages=draw(st.dictionaries(st.sampled_from(["clean", "metadata", "analyze"]), st.just("1"))))
    if draw(st.booleans()):           # paragraphs as the clean stage writes them (stored packed)
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=8, unique=True)))
        for a, b in zip(cuts, cuts[1:]):
            doc.add("paragraphs", a, b, "p")
    for layer in draw(st.lists(st.sampled_from([PERSONS, QUOTES, "boilerplate", "sentences", "paragraphs"]),
                               max_size=3, unique=True)):
        for _ in range(draw(st.integers(1, 3))):
            a = draw(st.integers(0, len(text)))
            b = draw(st.integers(a, len(text)))
            doc.add(layer, a, b, draw(st.text("ABCxyz", max_size=5)),
                    **draw(st.dictionaries(st.text("name", min_size=1, max_size=4), _attr, max_size=3)))
    return doc


def _doc(i: int, name: str = "Anna Petrova", text: str | None = None) -> Document:
    text = text or f"Article {i}. Minister {name} met delegates in Beijing."
    d = Document(id=f"doc{i:03d}", text=text, origin=f"in/{i}.txt", title=f"Article {i}", language="en",
                 published=f"2024-01-{i % 28 + 1:02d}", source="Xinhua", stages={"clean": "1"})
    s = text.index(name)
    d.add(PERSONS, s, s + len(name), "PER", name=name, aliases=[name.split()[-1]], roles=["Minister"])
    d.add(EVENTS, 0, len(text), "meeting", place="Beijing", participants=[name])
    return d


@pytest.fixture
def store(store_url):
    s = Store(store_url)
    yield s
    s.close()


# -- round trip --------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_store_contract_round_trip(store, doc):
    store.save(doc, doc.text.encode("utf-8"))
    back = store.get(doc.id)
    assert back is not None
    expected = doc.to_dict()
    assert back.to_dict() == expected


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=4))
def test_store_contract_bulk_copy_round_trip(store, docs):
    """PostgreSQL's COPY loader stores exactly what save_many stores."""
    if not store.is_postgres:
        pytest.skip("COPY loading is PostgreSQL's")
    from newsbridge.store.pgbulk import BulkLoader
    with BulkLoader(store) as bl:
        bl.load_batch([(d, d.text.encode()) for d in docs])
    assert [d.to_dict() for d in store.get_many([d.id for d in docs])] == [d.to_dict() for d in docs]


# -- behaviour -----------------------------------------------------------------------------------
def test_store_contract_idempotent_save(store):
    d = _doc(1)
    store.save(d, b"raw one")
    store.save(d, b"raw one")
    assert store.count() == 1
    back = store.get(d.id)
    assert len(back.layer(PERSONS)) == 1 and len(back.layer(EVENTS)) == 1
    d.clear(EVENTS)                          # a re-analysis replaces the layers, never adds
    store.save(d)
    assert store.get(d.id).layer(EVENTS) == []
    assert store.get_blob(back.raw_sha256) == b"raw one"


def test_store_contract_origins(store):
    d = _doc(2)
    store.save(d, b"x")
    store.add_origin(d.id, "https://example.org/copy")
    store.add_origin(d.id, "https://example.org/copy")
    assert sorted(store.origins(d.id)) == sorted(["in/2.txt", "https://example.org/copy"])


def test_store_contract_links_and_stories(store):
    for i in (1, 2, 3):
        store.save(_doc(i))
    store.save_links([Link("doc001", "doc002", "reprint", 0.93, {"jaccard": 0.9}),
                      Link("doc001", "doc003", "translation", 0.7)])
    store.save_links([Link("doc001", "doc002", "reprint", 0.95, {"jaccard": 0.91})])   # upsert
    links = store.links("doc001")
    assert [(l.b, l.kind, l.score) for l in links] == [("doc002", "reprint", 0.95), ("doc003", "translation", 0.7)]
    assert store.links(kind="translation")[0].b == "doc003"
    rows = [{"story_id": "s1", "doc_id": "doc001", "role": "origin", "parent": None, "position": 0, "evidence": {}},
            {"story_id": "s1", "doc_id": "doc002", "role": "reprint", "parent": "doc001", "position": 1,
             "evidence": {"score": 0.95}}]
    store.replace_stories(rows)
    assert [r["doc_id"] for r in store.stories(doc_id="doc002")] == ["doc001", "doc002"]
    store.replace_stories(rows[:1])
    assert len(store.stories()) == 1


def test_store_contract_entities(store):
    store.save(_doc(1))
    store.save_entities([{"key": "anna petrova", "name": "Anna Petrova", "kind": "PER",
                          "aliases": ["Анна Петрова", "Petrova"], "attrs": {}}],
                        [{"entity_key": "anna petrova", "doc_id": "doc001", "name": "Anna Petrova",
                          "language": "en", "score": 1.0}])
    assert store.entities(name="анна петрова")[0]["key"] == "anna petrova"
    assert store.entity_mentions("anna petrova")[0]["doc_id"] == "doc001"


def test_store_contract_facets(store):
    for i in range(6):
        store.save(_doc(i, "Anna Petrova" if i % 3 else "Wang Wei"))
    assert store.docs_with_facet("person", "ANNA  petrova") == {f"doc{i:03d}" for i in (1, 2, 4, 5)}
    assert store.facet_counts("person") == [("Anna Petrova", 4), ("Wang Wei", 2)]
    assert store.facet_counts("event_type") == [("meeting", 6)]
    assert store.facet_counts_column("language") == [("en", 6)]


def test_store_contract_errors(store):
    store.record_error("in/bad.jsonl", "line is not JSON", 7)
    store.record_error("in/empty.txt", "empty file")
    errs = store.errors()
    assert [(e["origin"], e["line"], e["reason"]) for e in errs] == [
        ("in/bad.jsonl", 7, "line is not JSON"), ("in/empty.txt", None, "empty file")]


def test_store_contract_checksum(store, tmp_path):
    other = Store(str(tmp_path / "other.db"))
    for i in (3, 1, 2):                    # order of saving does not matter
        store.save(_doc(i))
    for i in (1, 2, 3):
        other.save(_doc(i))
    assert store.checksum() == other.checksum()
    changed = _doc(2)
    changed.layers[PERSONS][0] = type(changed.layers[PERSONS][0])(0, 7, "PER", {})
    other.save(changed)
    assert store.checksum() != other.checksum()
    other.close()


@settings(max_examples=15, deadline=None)
@given(docs=st.lists(documents(), min_size=1, max_size=4))
def test_store_sqlite_fast_writes_match_sqlalchemy_writes(tmp_path_factory, docs):
    """SQLite's executemany path stores byte for byte what the SQLAlchemy statements store."""
    import sqlite3
    where = tmp_path_factory.mktemp("fast")
    fast, generic = Store(str(where / "fast.db")), Store(str(where / "generic.db"))
    generic._insert_rows_sqlite = generic._insert_rows_generic
    for st_ in (fast, generic):
        st_.save_many([(d, d.text.encode("utf-8")) for d in docs])
        st_.save_many([(docs[0], None)])                 # a replace: layers rewritten, blob kept
        st_.close()

    def dump(path):
        con = sqlite3.connect(path)
        out = {}
        for table in ("blobs", "documents", "annotations", "facets", "origins"):
            cols = [r[1] for r in con.execute(f"pragma table_info({table})")
                    if r[1] not in ("created_at", "updated_at", "seen_at")]
            quoted = [f'"{c}"' for c in cols]
            out[table] = sorted(con.execute(f"select {', '.join(quoted)}, "
                                            f"{', '.join(f'typeof({c})' for c in quoted)} from {table}"),
                                key=repr)
            assert not out[table] or out[table][0][0] != cols[0]       # values, not column names
        con.close()
        return out

    assert dump(where / "fast.db") == dump(where / "generic.db")


def test_store_facets_take_only_text_attributes(store):
    """Layers written by other tools may hold any JSON; facets index only the text among it."""
    d = _doc(7)
    d.add(PERSONS, 0, 7, "PER", name=["not", "a", "name"], aliases=[True, "Art", ["x"]])
    d.add(QUOTES, 0, 7, "", speaker={"name": "x"})
    store.save(d)
    from newsbridge.store.store import document_facets
    facets = document_facets(d)
    assert ("person", "article", "Article") in facets            # the span's text stands in for a non-text name
    assert ("person", "art", "Article") in facets                # the text alias kept, True and ["x"] left out
    assert not any(k == "speaker" for k, _, _ in facets)
    assert store.get(d.id) is not None


def test_store_packs_plain_paragraphs_into_one_row(store):
    """Paragraph spans are read back only with their document: one row holds them all; spans
    with attributes or mixed labels stay one row each; rows written one per span still load."""
    from sqlalchemy import func, select

    from newsbridge.store import schema as sch
    text = "One.\n\nTwo two.\n\nThree three three."
    plain = Document(id="packed-1", text=text)
    for a, b in ((0, 4), (6, 14), (16, len(text))):
        plain.add("paragraphs", a, b, "p")
    mixed = Document(id="packed-2", text=text)
    mixed.add("paragraphs", 0, 4, "p")
    mixed.add("paragraphs", 6, 14, "p", lead=True)
    store.save_many([(plain, None), (mixed, None)])
    with store.engine.connect() as c:
        rows = dict(c.execute(select(sch.annotations.c.doc_id, func.count()).where(sch.annotations.c.layer == "paragraphs")
                              .group_by(sch.annotations.c.doc_id)).all())
        assert rows == {"packed-1": 1, "packed-2": 2}
    assert store.get("packed-1").to_dict() == plain.to_dict()
    assert store.get("packed-2").to_dict() == mixed.to_dict()
    with store.engine.begin() as c:        # as an earlier version wrote them
        c.execute(sch.annotations.delete().where(sch.annotations.c.doc_id == "packed-1"))
        c.execute(sch.annotations.insert(), [{"doc_id": "packed-1", "layer": "paragraphs", "start": a, "end": b,
                                               "label": "p", "attrs": None} for a, b in ((0, 4), (6, 14), (16, len(text)))])
    assert store.get("packed-1").to_dict() == plain.to_dict()
