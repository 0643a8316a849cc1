"""PostgreSQL's ranked search table and facet summary answer as the default store does."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsbridge.model import EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS
from newsbridge.search.index import SearchIndex
from newsbridge.store import Store
from newsbridge.store.pgbulk import BulkLoader, PgSearch, facet_cooccurring, facet_top, refresh_facet_totals

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

QUERIES = ["forum", "cooperation forum", '"media forum"', "форум", "сотрудничество форум", "合作", "论坛 合作",
           "Beijing -memorandum", "memorandum", "agreement signed", "the", "zzzunknownword", "delegation visit",
           "Moscow Minsk", "энергетика"]


def _docs(n: int):
    from synth import generate, to_document
    for rec in generate(n, seed=11, reprint_rate=0.1):
        d = to_document(rec)
        for key, layer in (("persons", PERSONS), ("orgs", ORGANIZATIONS), ("places", LOCATIONS)):
            for name in rec["labels"][key]:
                d.add(layer, 0, 0, "", name=name)
        d.add(EVENTS, 0, 0, rec["labels"]["event_type"])
        yield d


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from support import require_postgres
    require_postgres()
    import uuid

    import psycopg
    name = f"nb_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    docs = list(_docs(400))
    tmp = tmp_path_factory.mktemp("pgsearch")
    lite = Store(str(tmp / "lite.db"))
    lite.save_many((d, None) for d in docs)
    idx = SearchIndex(tmp / "index")
    idx.add(docs)
    idx.commit()
    pg = Store(url)
    with BulkLoader(pg, fresh=True, search=True) as bl:
        bl.load((d, None) for d in docs)
        bl.search.create_index(bl.conn)
    refresh_facet_totals(pg)
    yield lite, idx, pg, docs
    pg.close()
    lite.close()
    idx.close()
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _all_ids(idx: SearchIndex, q: str, **f) -> tuple[set[str], str]:
    res = idx.search(q, limit=10_000, snippets=False, **f)
    return {h.id for h in res.hits}, res.mode


@pytest.mark.parametrize("query", QUERIES)
def test_scale_pg_search_matches_the_default_index(loaded, query):
    lite, idx, pg, docs = loaded
    ps = PgSearch(pg)
    want, mode = _all_ids(idx, query)
    got = ps.search(query, limit=10_000, count=True)
    assert {h.id for h in got.hits} == want
    assert got.total == len(want)
    if want:
        assert got.mode == mode
    top = ps.search(query, limit=20)
    assert len(top.hits) == min(20, len(want))
    assert {h.id for h in top.hits} <= want
    # ranked: the top 20 are the 20 best of all matches (equal scores may come in any order).
    # RUM orders phrase queries only approximately inside the index (a Chinese word is a
    # phrase of its characters), so exact order is checked for queries without phrases.
    and_q, _ = ps.tsquery(query)
    if and_q and "<" not in and_q:
        best = sorted((round(h.score, 9) for h in got.hits), reverse=True)[:len(top.hits)]
        assert sorted((round(h.score, 9) for h in top.hits), reverse=True) == best


def test_scale_pg_search_filters(loaded):
    lite, idx, pg, docs = loaded
    ps = PgSearch(pg)
    person = docs[0].layer(PERSONS)[0].attrs["name"]
    for f in ({"lang": "ru"}, {"lang": "zh"}, {"since": "2020-01-01", "until": "2022-12-31"},
              {"person": person}, {"event_type": "meeting", "lang": "en"}, {"source": docs[3].source}):
        for q in ("cooperation", "合作", "сотрудничество"):
            want, _ = _all_ids(idx, q, **f)
            got = ps.search(q, limit=10_000, **f)
            assert {h.id for h in got.hits} == want, (q, f)


def test_scale_pg_facets_match_the_default_store(loaded):
    lite, idx, pg, docs = loaded
    for kind in ("person", "org", "place", "event_type"):
        assert dict(facet_top(pg, kind, 10_000)) == dict(lite.facet_counts(kind, 10_000))
        assert dict(pg.facet_counts(kind, 10_000)) == dict(lite.facet_counts(kind, 10_000))
    person = docs[0].layer(PERSONS)[0].attrs["name"]
    ids = lite.docs_with_facet("person", person)
    assert pg.docs_with_facet("person", person) == ids
    assert dict(facet_cooccurring(pg, "person", person, "org", 1000)) == dict(lite.facet_counts("org", 1000, doc_ids=ids))
