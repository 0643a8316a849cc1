"""Facet counts over broad queries: exact up to a limit, estimated from a fixed sample beyond it."""
from __future__ import annotations

from collections import Counter

import pytest

from newsbridge.model import Document
from newsbridge.search.index import SAMPLE_BUCKETS, SAMPLE_SIZES, SearchIndex, estimate, sample_bucket, sample_terms

N = 900


@pytest.fixture(scope="module")
def broad(tmp_path_factory):
    """900 articles that all hold "forum": 2/3 English from TASS, 1/3 Russian from BelTA."""
    ix = SearchIndex(tmp_path_factory.mktemp("ix") / "ix")
    docs = []
    for i in range(N):
        en = i % 3 != 2
        text = f"Forum number {i} opened.\n\nThe forum gathered editors." if en else \
               f"Forum {i}: форум открылся.\n\nФорум собрал редакторов."
        docs.append(Document(id=f"doc-{i:05d}", text=text, title=text.split("\n")[0],
                             language="en" if en else "ru", source="TASS" if en else "BelTA"))
    ix.add(docs)
    ix.commit()
    ix.exact_facet_matches, ix.facet_sample_docs = 300, 240
    yield ix
    ix.close()


def test_broad_query_facets_are_estimated_from_a_sample(broad):
    res = broad.search("forum", facet_fields=("language", "source"))
    assert res.total == N
    assert res.facet_sample == 32 / SAMPLE_BUCKETS        # the smallest nested sample with ~240 of 900 matches
    langs = dict(res.facets["language"])
    assert set(langs) == {"en", "ru"}
    assert langs["en"] == pytest.approx(600, rel=0.25) and langs["ru"] == pytest.approx(300, rel=0.3)
    assert langs["en"] > langs["ru"]
    assert all(n <= N for vals in res.facets.values() for _, n in vals)


def test_exact_facets_count_every_match(broad):
    res = broad.search("forum", facet_fields=("language", "source"), exact_facets=True)
    assert res.facet_sample is None
    assert dict(res.facets["language"]) == {"en": 600, "ru": 300}
    assert res.facets == broad.facets("forum", ("language", "source"))


def test_narrow_query_is_counted_exactly(broad):
    res = broad.search("форум", facet_fields=("language",))      # 300 matches: at the limit, not over
    assert res.total == 300
    assert res.facet_sample is None
    assert res.facets["language"] == [("ru", 300)]


def test_same_query_same_estimate(broad):
    a = broad.search("forum", facet_fields=("language",))
    b = broad.search("forum", facet_fields=("language",))
    assert a.facets == b.facets


def test_estimates_keep_two_significant_digits():
    assert estimate(0, 0.1, 1000) == 0
    assert estimate(3, 0.5, 1000) == 6
    assert estimate(1, 0.01, 1000) == 100
    assert estimate(213, 0.1, 100_000) == 2100
    assert estimate(218, 0.1, 100_000) == 2200
    assert estimate(500, 0.1, 4321) == 4321               # never more than the matches
    assert estimate(12_345, 0.5, 10**6) == 25_000


def test_sample_buckets_are_stable_and_even():
    assert sample_bucket("doc-00001") == sample_bucket("doc-00001")
    counts = Counter(sample_bucket(f"{i:064x}") for i in range(SAMPLE_BUCKETS * 200))
    assert set(counts) == set(range(SAMPLE_BUCKETS))
    assert min(counts.values()) > 140 and max(counts.values()) < 260


def test_samples_are_nested():
    members = {k: {b for b in range(SAMPLE_BUCKETS) if str(k) in sample_terms(b)} for k in SAMPLE_SIZES}
    assert all(members[k] == set(range(k)) for k in SAMPLE_SIZES)
