"""Ingest: bad inputs get one clear line each, the batch goes on, the store stays whole."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsbridge.pipeline import EXTRACT_STAGES
from newsbridge.workspace import Workspace

ARTICLE_EN = ("Officials meet in Kazan\n\nKAZAN, 4 March (TestWire) - Delegations from two regions met on "
              "Tuesday to discuss cooperation in media and education, the organisers said.\n")
ARTICLE_RU = ("Делегации встретились в Казани\n\nКАЗАНЬ, 4 марта. Представители двух регионов обсудили "
              "сотрудничество в области образования и средств массовой информации.\n")


def ws_at(tmp_path: Path) -> Workspace:
    return Workspace.open(str(tmp_path / "nb.db"))


def make_bad_inputs(root: Path) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "good": root / "good.txt",
        "empty": root / "empty.txt",
        "binary": root / "image.txt",
        "undecodable": root / "broken.txt",
        "jsonl": root / "feed.jsonl",
    }
    files["good"].write_text(ARTICLE_EN, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    files["undecodable"].write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + b"\x00\xff\xfe" * 30)
    good_record = {"url": "https://example.org/a", "title": "Record", "text": ARTICLE_RU, "source": "TestWire",
                   "published": "2024-03-04"}
    files["jsonl"].write_text(json.dumps(good_record, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    return files


def test_ingest_bad_inputs_each_reported_batch_goes_on(tmp_path):
    files = make_bad_inputs(tmp_path / "in")
    with ws_at(tmp_path) as ws:
        report = ws.ingest([tmp_path / "in", tmp_path / "missing.txt"], stages=EXTRACT_STAGES)
        assert report.added == 2  # good.txt and the good JSONL record
        joined = "\n".join(report.errors)
        assert len(report.errors) == 5, joined
        assert f"{files['empty']}: empty file" in joined
        assert str(files["binary"]) in joined and str(files["undecodable"]) in joined
        assert f"{files['jsonl']}:2: line is not JSON" in joined
        assert f"{tmp_path / 'missing.txt'}: no such file or folder" in joined
        for line in report.errors:
            assert "\n" not in line
        assert ws.store.count() == 2
        assert len(ws.store.errors()) == 5


def test_ingest_is_idempotent_and_remembers_every_origin(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE_EN, encoding="utf-8")
    copy = tmp_path / "copy" / "b.txt"
    copy.parent.mkdir()
    copy.write_bytes(src.read_bytes())
    with ws_at(tmp_path) as ws:
        first = ws.ingest([src], stages=EXTRACT_STAGES)
        again = ws.ingest([src, copy], stages=EXTRACT_STAGES)
        assert (first.added, again.added, again.skipped) == (1, 0, 2)
        assert ws.store.count() == 1
        doc_id = first.ids[0]
        assert set(ws.store.origins(doc_id)) == {str(src), str(copy)}
        assert ws.store.get_blob(ws.store.get(doc_id).raw_sha256) == src.read_bytes()


def test_ingest_refuses_oversized_file_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    with ws_at(tmp_path) as ws:
        report = ws.ingest([big], stages=EXTRACT_STAGES)
    assert report.added == 0
    assert report.errors == [f"{big}: file is 200 MB, over the 50 MB limit (setting max_input_bytes)"]


class _Interrupt(BaseException):
    pass


def test_crash_mid_batch_leaves_store_whole_and_rerun_finishes(tmp_path, monkeypatch):
    import newsbridge.workspace as wsmod

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:03d}.txt").write_text(f"Story number {i}\n\n" + ARTICLE_EN.replace("two", str(i + 2)),
                                              encoding="utf-8")
    monkeypatch.setattr(wsmod, "BATCH", 10)
    real = wsmod.Workspace._after_save
    calls = {"n": 0}

    def crash_on_second(self, docs, link=True):
        calls["n"] += 1
        real(self, docs, link)
        if calls["n"] == 2:
            raise _Interrupt()  # like Ctrl-C right after a batch committed

    monkeypatch.setattr(wsmod.Workspace, "_after_save", crash_on_second)
    with ws_at(tmp_path) as ws:
        with pytest.raises(_Interrupt):
            ws.ingest([folder], stages=EXTRACT_STAGES)
        assert ws.store.count() == 20  # two whole batches, nothing half-written
    monkeypatch.setattr(wsmod.Workspace, "_after_save", real)
    with ws_at(tmp_path) as ws:
        report = ws.ingest([folder], stages=EXTRACT_STAGES)
        assert (report.added, report.skipped) == (10, 20)
        assert ws.store.count() == 30
        for doc in ws.store.iter_documents():
            assert doc.text and doc.stages.get("clean")
    with ws_at(tmp_path) as ws:  # the index catches up with what the crash left uncommitted
        assert ws.index.count() == 30
        assert len(ws.search("delegations", limit=100).hits) == 30


@pytest.mark.slow
def test_folder_of_ten_thousand_files_streams(tmp_path):
    folder = tmp_path / "tenk"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"Headline {i}\n\nBody of article {i} about regional media "
                                              f"cooperation and exchange number {i}.\n", encoding="utf-8")
    env = dict(os.environ, NEWSBRIDGE_DB=str(tmp_path / "tenk.db"))
    proc = subprocess.run([sys.executable, "-m", "newsbridge.cli", "ingest", "--no-analyze", "--no-link", "-q", str(folder)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "added 10000" in proc.stdout


def test_cli_exit_status_nonzero_when_an_input_failed(tmp_path):
    files = make_bad_inputs(tmp_path / "in")
    env = dict(os.environ, NEWSBRIDGE_DB=str(tmp_path / "cli.db"))
    proc = subprocess.run([sys.executable, "-m", "newsbridge.cli", "ingest", "--no-analyze", "-q", str(tmp_path / "in")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    assert "added 2" in proc.stdout
    err_lines = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert len(err_lines) == 4 and any(f"{files['jsonl']}:2:" in l for l in err_lines)


def test_html_charset_declared_only_in_http_header_is_used(tmp_path):
    page = ("<html><head><title>Форум региональных СМИ</title></head><body><article><h1>Форум региональных СМИ</h1>"
            "<p>В Казани открылся форум региональных средств массовой информации России и Китая. "
            "Участники обсудили совместные проекты и обмен новостями между редакциями.</p></article></body></html>")
    with ws_at(tmp_path) as ws:
        report = ws.ingest_bytes(page.encode("koi8_r"), "http://example.org/a", kind="html",
                                 meta={"charset": "koi8-r"}, stages=EXTRACT_STAGES)
        assert report.ok and report.added == 1
        assert "форум региональных средств" in ws.store.get(report.ids[0]).text


def test_ingest_records_reports_bad_records_and_keeps_good_ones(tmp_path):
    good = {"url": "https://example.org/r1", "title": "Record", "text": ARTICLE_EN, "source": "TestWire"}
    with ws_at(tmp_path) as ws:
        report = ws.ingest_records([good, ["not", "an", "object"], {"url": "https://example.org/r3"}],
                                   origin="push", stages=EXTRACT_STAGES)
        assert report.added == 1
        assert report.errors == ["push#2: record is not a JSON object",
                                 "https://example.org/r3: record has no 'text' or 'html'"]
        assert ws.store.origins(report.ids[0]) == ["https://example.org/r1"]
