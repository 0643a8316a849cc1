"""The bundled sample corpus: its manifest's relations are found, hard negatives stay apart."""
from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest

from newsbridge.link import encoder
from newsbridge.link.names import latin_to_pinyin, match_names

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "samples" / "MANIFEST.json"
pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="samples/ not present")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _manifest():
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def _comparable(name: str, entity_names: list[str]) -> bool:
    """Chinese-script transcriptions of non-Chinese names (奥尔加·韦列坚尼科娃) are out of scope."""
    if not _HAN.search(name):
        return True
    latin = [n for n in entity_names if not _HAN.search(n) and re.search(r"[A-Za-z]", n)]
    return bool(latin) and all(latin_to_pinyin(n) for n in latin)


def test_link_samples_entity_names_match_across_scripts():
    entities = _manifest()["entities"]
    misses = []
    for key, ent in entities.items():
        names = [n for n in ent["names"] if _comparable(n, ent["names"])]
        for a, b in combinations(names, 2):
            if not match_names(a, b).same:
                misses.append((key, a, b, match_names(a, b)))
    assert not misses, misses


def test_link_samples_different_people_stay_apart():
    entities = _manifest()["entities"]
    full = [(k, n) for k, e in entities.items() for n in e["names"] if len(n.split()) >= 2 or _HAN.search(n)]
    merged = [(a, b) for (ka, a), (kb, b) in combinations(full, 2) if ka != kb and match_names(a, b).same]
    assert not merged, merged


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    from newsbridge.cli.link import link_records
    from newsbridge.pipeline import EXTRACT_STAGES
    from newsbridge.workspace import Workspace
    db = tmp_path_factory.mktemp("samples") / "s.db"
    with Workspace.open(str(db)) as ws:
        report = ws.ingest([str(ROOT / "samples" / "corpus")], stages=EXTRACT_STAGES)
        assert not report.errors
        recs = link_records(ws.store)
    return {frozenset((_key(r["a_origin"]), _key(r["b_origin"]))): r["kind"] for r in recs}


def _key(origin: str | None) -> str:
    o = (origin or "").replace("\\", "/")
    i = o.find("corpus/")
    return o[i:] if i >= 0 else o


def _relations(kind: str):
    for a in _manifest()["articles"]:
        for t in a["relations"].get(kind, []):
            yield a, t


def test_link_samples_reprints_versions_translations_found(linked):
    missing = []
    for kind, want in (("reprint_of", {"reprint", "duplicate"}), ("version_of", {"version"}),
                       ("translation_of", {"translation"})):
        for a, t in _relations(kind):
            if kind == "translation_of" and not encoder.enabled() and "zh" in (a["language"],):
                continue          # zh<->en needs the sentence encoder
            got = linked.get(frozenset((a["id"], t)))
            if got not in want:
                missing.append((kind, a["id"], t, got))
    assert not missing, missing


def test_link_samples_hard_negatives_not_linked(linked):
    wrong = [(a["id"], t, linked[frozenset((a["id"], t))]) for a, t in _relations("hard_negative_of")
             if frozenset((a["id"], t)) in linked]
    assert not wrong, wrong


def test_link_samples_same_event_reports_are_not_copies(linked):
    wrong = [(a["id"], t, linked[frozenset((a["id"], t))]) for a, t in _relations("same_event_as")
             if linked.get(frozenset((a["id"], t)), "same_story") != "same_story"]
    assert not wrong, wrong
