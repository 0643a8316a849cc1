"""search(..., facet_fields=...) counts over exactly what facets() counts: AND, OR fallback, browse."""
from __future__ import annotations

import pytest

from newsbridge.search.index import FACET_FIELDS
from test_search_index import index  # noqa: F401 - the same four-document index fixture


@pytest.mark.parametrize("query,filters", [
    ("forum", {}),                               # AND: some documents hold the word
    ("forum nosuchword", {}),                    # no document has both: the OR fallback
    ("", {}),                                    # browse: every document
    ("", {"lang": "en"}),
    ("trade", {"source": "BelTA"}),
    ("форум", {"lang": "ru"}),
    ("nosuchword", {}),                          # nothing at all
])
def test_combined_facets_equal_separate_call(index, query, filters):
    combined = index.search(query, facet_fields=FACET_FIELDS, facet_size=10, **filters)
    separate = index.facets(query, FACET_FIELDS, size=10, **filters)
    assert combined.facets == separate


def test_or_fallback_counts_the_documents_it_returns(index):
    res = index.search("forum nosuchword", facet_fields=("language",))
    assert res.mode == "or"
    assert res.total >= 1
    assert sum(n for _, n in res.facets["language"]) == res.total


def test_no_facets_unless_asked(index):
    assert index.search("forum").facets is None
