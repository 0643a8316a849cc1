"""An index written by another schema version is rebuilt once from the store, not twice."""
from __future__ import annotations

import json
from pathlib import Path

from e2e.corpus import build_workspace
from newsbridge.search.index import POINTER, SearchIndex
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace


def test_reindex_of_a_stale_index_rebuilds_it_once(tmp_path, monkeypatch):
    ws, ids = build_workspace(tmp_path)
    path = ws.settings.search_index_path
    stored = ws.store.count()
    ws.close()

    pointer = Path(path) / POINTER
    data = json.loads(pointer.read_text())
    pointer.write_text(json.dumps({**data, "schema": data["schema"] - 1}))   # as an older version left it

    rebuilds = []
    real = SearchIndex.rebuild
    monkeypatch.setattr(SearchIndex, "rebuild", lambda self, docs, **kw: rebuilds.append(1) or real(self, docs, **kw))
    ws = Workspace(load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "serve.db")))
    try:
        assert ws.reindex() == stored
        assert len(rebuilds) == 1
        assert ws.reindex() == stored            # asked again: rebuilt again
        assert len(rebuilds) == 2
        assert ids["forum"] in ws.index
    finally:
        ws.close()


def test_an_index_built_with_another_agency_table_is_stale(tmp_path):
    """Facets and filters name agencies as the table does; a table that grew renames some."""
    from newsbridge.crossscript import agency_table_digest
    ix = SearchIndex(tmp_path / "ix")
    ix.close()
    pointer = tmp_path / "ix" / POINTER
    data = json.loads(pointer.read_text())
    assert data["agencies"] == agency_table_digest() and not SearchIndex(tmp_path / "ix").stale
    pointer.write_text(json.dumps({**data, "agencies": "000000000000"}))
    assert SearchIndex(tmp_path / "ix").stale
