"""The foundation's promise end to end: files in, ranked multilingual search out."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import SAMPLES
from newsbridge.pipeline import EXTRACT_STAGES
from newsbridge.workspace import Workspace


def test_seed_forum_article_ranks_first_for_media_forum_beijing(tmp_path, seeds_dir):
    with Workspace.open(str(tmp_path / "seeds.db")) as ws:
        report = ws.ingest([seeds_dir], stages=EXTRACT_STAGES)
        assert report.added == 5 and report.ok
        hits = ws.search("media forum Beijing").hits
        assert hits, "no hits"
        assert Path(ws.store.get(hits[0].id).origin).name.startswith("000_")


@pytest.fixture(scope="module")
def samples_ws(tmp_path_factory):
    if not SAMPLES.exists():
        pytest.skip("samples/corpus is missing")
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    ws = Workspace.open(str(db))
    ws.ingest([SAMPLES], stages=EXTRACT_STAGES)
    yield ws
    ws.close()


@pytest.mark.parametrize("query,lang", [("форум", "ru"), ("сотрудничества", "ru"), ("合作", "zh"), ("cooperation", "en")])
def test_words_find_text_in_their_language(samples_ws, query, lang):
    hits = samples_ws.search(query, limit=50).hits
    assert hits, f"{query!r} found nothing"
    langs = {h.language for h in hits}
    assert lang in langs
    assert samples_ws.search(query, lang=lang, limit=50).hits[0].language == lang


def test_russian_inflected_forms_match_each_other(samples_ws):
    a = {h.id for h in samples_ws.search("форум", lang="ru", limit=100).hits}
    b = {h.id for h in samples_ws.search("форума", lang="ru", limit=100).hits}
    assert a and a == b


def test_filters_narrow_results(samples_ws):
    everything = samples_ws.search("cooperation", limit=100).hits
    dated = samples_ws.search("cooperation", since="2025-01-01", limit=100).hits
    assert len(dated) <= len(everything)
    for h in dated:
        assert h.published and h.published[:10] >= "2025-01-01"
