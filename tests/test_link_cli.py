"""CLI: links --json objects, story chain, entity across scripts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

GOLDEN = Path(__file__).parent / "golden" / "link"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    import os
    from newsbridge.pipeline import DEFAULT_STAGES
    from newsbridge.workspace import Workspace
    os.environ["NEWSBRIDGE_LINK_EMBED"] = "0"
    try:
        path = tmp_path_factory.mktemp("cli") / "cli.db"
        with Workspace.open(str(path)) as ws:
            report = ws.ingest([str(GOLDEN)], stages=DEFAULT_STAGES)
            assert not report.errors
        yield str(path)
    finally:
        os.environ.pop("NEWSBRIDGE_LINK_EMBED", None)


def _run(db: str, *args: str):
    from newsbridge.cli import app
    res = CliRunner().invoke(app, ["--db", db, *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_link_cli_links_json(db):
    recs = json.loads(_run(db, "links", "--json"))
    assert recs, "golden files must link"
    for r in recs:
        assert set(r) == {"a", "b", "kind", "score", "evidence", "a_origin", "b_origin"}
        assert r["kind"] in {"duplicate", "reprint", "translation", "same_story", "version"}
        assert r["a_origin"] and r["b_origin"]
    pairs = {frozenset((Path(r["a_origin"]).name, Path(r["b_origin"]).name)): r["kind"] for r in recs}
    assert pairs[frozenset(("original_en.txt", "reprint_en.txt"))] == "reprint"
    assert pairs[frozenset(("original_en.txt", "translation_ru.txt"))] == "translation"
    assert not any("negative_en.txt" in p for p in pairs)


def test_link_cli_story_shows_origin_and_chain(db):
    recs = json.loads(_run(db, "links", "--json"))
    some = recs[0]["a"]
    out = _run(db, "story", some)
    assert "[origin]" in out and ("[reprint]" in out or "[translation]" in out)


def test_link_cli_entity_across_scripts(db):
    out = _run(db, "entity", "Надежда Короткова")
    assert "Korotkova" in out or "Короткова" in out
