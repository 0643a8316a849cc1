"""The Ray engine stores the same documents and facts as the local engine (two workers)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbridge.export.formats import export_row
from newsbridge.link import encoder
from newsbridge.scale.runner import RunError, run_pipeline
from newsbridge.settings import load_settings
from newsbridge.store import Store

ray = pytest.importorskip("ray", reason="the ray engine needs ray[data]")

# Short articles written for this test in the manner of agency news (en, ru, zh), a JSONL file
# with two records and a broken line, a duplicate file, an empty file and an unsupported one.
ARTICLES = {
    "en_forum.txt": "Media forum opens in Beijing\n\nBEIJING, 12 March 2024 (Xinhua) -- Deputy Minister "
                    "Anna Petrova opened the International Media Forum in Beijing on Tuesday, where "
                    "delegates from 40 countries discussed cooperation.\n\n\"Journalists build bridges "
                    "between our peoples,\" Petrova said.\n\nSubscribe to our newsletter\n",
    "en_visit.txt": "Governor visits Minsk\n\nMINSK, 3 January (BelTA) - Governor John Miller arrived in "
                    "Minsk on a two-day visit and met Prime Minister Ivan Sokolov. The sides signed an "
                    "agreement on trade.\n\nShare this article\n",
    "ru_meeting.txt": "Встреча в Москве\n\nМОСКВА, 21 декабря 2022, 09:39 — Министр иностранных дел "
                      "Сергей Орлов встретился с послом Китая Ван Вэем. «Мы договорились о новых шагах», "
                      "— сказал Орлов.\n\nПодписывайтесь на наш канал\n",
    "zh_forum.txt": "媒体论坛在北京开幕\n\n新华社北京2025年12月17日电 第五届国际媒体论坛17日在北京开幕，"
                    "来自40个国家的代表参加。外交部长王伟表示，媒体合作是双边关系的重要组成部分。\n",
}
JSONL = [
    {"url": "https://example.org/a", "title": "Talks on energy held in Astana",
     "text": "Talks on energy held in Astana\n\nASTANA, 5 May 2023 - Minister Olga Belova held talks "
             "with the Chairman of the Board Mark Keller on energy cooperation.", "published": "2023-05-05",
     "source": "Kazinform"},
    {"url": "https://example.org/b", "title": "Video conference on trade",
     "text": "Video conference on trade\n\nMOSCOW, 7 May 2023 - Officials held a video conference on "
             "trade; Deputy Prime Minister Pavel Zhukov took part.", "published": "2023-05-07"},
]


def _corpus(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "copy_of_forum.txt").write_text(ARTICLES["en_forum.txt"], encoding="utf-8")   # same bytes
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    lines = [json.dumps(r, ensure_ascii=False) for r in JSONL]
    (d / "feed.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n", encoding="utf-8")
    return d


def _export(db: str) -> list[dict]:
    with Store(db) as st:
        # origins are listed by the time each was seen (a timestamp): compare them as a set
        rows = [export_row(d, sorted(st.origins(d.id))) for d in st.iter_documents()]
        facts = {"facets": st.facet_counts("person", 50) + st.facet_counts("place", 50),
                 "errors": sorted((e["origin"], e["line"], e["reason"]) for e in st.errors())}
    return rows, facts


def _links(store) -> list[tuple]:
    return sorted((l.a, l.b, l.kind, round(l.score, 6), repr(sorted(l.evidence.items()))) for l in store.links())


@pytest.fixture(scope="module")
def ray_local():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def test_scale_ray_two_workers_match_local(tmp_path, ray_local):
    src = _corpus(tmp_path)
    local_db, ray_db = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    rep_l = run_pipeline([str(src)], load_settings(db=local_db), engine="local")
    rep_r = run_pipeline([str(src)], load_settings(db=ray_db), engine="ray", num_workers=2)
    assert rep_r.engine == "ray" and rep_r.workers == 2
    assert (rep_r.added, rep_r.skipped) == (rep_l.added, rep_l.skipped) == (len(ARTICLES) + 2, 1)
    assert sorted(rep_r.errors) == sorted(rep_l.errors) and len(rep_r.errors) == 3
    assert set(rep_r.stage_seconds) >= {"build", "clean", "metadata", "analyze"}
    rows_l, facts_l = _export(local_db)
    rows_r, facts_r = _export(ray_db)
    assert len(rows_r) == len(ARTICLES) + 2
    assert rows_r == rows_l                       # documents, layers, stages, origins
    assert facts_r == facts_l
    assert any(r["layers"].get("persons") for r in rows_r), "the analyze stage ran"
    with Store(local_db) as a, Store(ray_db) as b:          # links: workers' embeddings, the writer's lookup
        assert _links(b) == _links(a)
    if encoder.enabled():
        assert rep_r.stage_seconds.get("embed", 0) > 0, "workers encode for the linker"
    # the search index was fed the same way
    with __import__("newsbridge.workspace", fromlist=["Workspace"]).Workspace(load_settings(db=ray_db)) as ws:
        assert ws.index.count() == len(ARTICLES) + 2


def test_scale_ray_rerun_adds_nothing(tmp_path, ray_local):
    src = _corpus(tmp_path)
    db = str(tmp_path / "ray.db")
    first = run_pipeline([str(src)], load_settings(db=db), engine="ray", num_workers=2, stages=("clean", "metadata"))
    again = run_pipeline([str(src)], load_settings(db=db), engine="ray", num_workers=2, stages=("clean", "metadata"))
    assert first.added == len(ARTICLES) + 2
    assert again.added == 0 and again.skipped == first.added + first.skipped


def test_scale_unknown_engine_or_stage(tmp_path):
    with pytest.raises(RunError, match="E601"):
        run_pipeline([str(tmp_path)], load_settings(db=str(tmp_path / "x.db")), engine="spark")
    with pytest.raises(KeyError, match="E003"):
        run_pipeline([str(tmp_path)], load_settings(db=str(tmp_path / "x.db")), stages=("no-such-stage",))

