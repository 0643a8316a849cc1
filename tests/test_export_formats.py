"""Exports from the CLI: every article, with metadata and layers, in each format."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from support import SAMPLES

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    if not SAMPLES.exists():
        pytest.skip("samples/corpus is missing")
    db = tmp_path_factory.mktemp("export") / "x.db"
    files = sorted(str(p) for p in SAMPLES.glob("en0[1-5]*.txt"))
    cli(db, "ingest", "-q", "--no-link", *files)
    return db, len(files)


def cli(db, *args) -> str:
    env = dict(os.environ, NEWSBRIDGE_DB=str(db))
    proc = subprocess.run([sys.executable, "-m", "newsbridge.cli", *args], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_export_jsonl_has_every_article_with_layers(store):
    db, n = store
    rows = [json.loads(l) for l in cli(db, "export", "--format", "jsonl").splitlines()]
    assert len(rows) == n
    for r in rows:
        assert r["text"] and r["body"] and r["origins"] and r["language"] == "en"
        assert "boilerplate" in r["layers"] or "paragraphs" in r["layers"]
        assert r["stages"].get("analyze")
    assert any(r["layers"].get("persons") for r in rows)


def test_export_csv_and_parquet_match_jsonl(store, tmp_path):
    db, n = store
    rows = list(csv.DictReader(io.StringIO(cli(db, "export", "--format", "csv"))))
    assert len(rows) == n and all(json.loads(r["layers"]) for r in rows)
    out = tmp_path / "x.parquet"
    cli(db, "export", "--format", "parquet", "--out", str(out))
    import pyarrow.parquet as pq
    table = pq.read_table(out)
    assert table.num_rows == n
    assert sorted(table.column("id").to_pylist()) == sorted(r["id"] for r in rows)


def test_export_graphml_is_the_cooperation_network(store, tmp_path):
    db, _ = store
    out = tmp_path / "net.graphml"
    cli(db, "export", "--format", "graphml", "--out", str(out))
    root = ET.parse(out).getroot()
    nodes = root.findall(f".//{GRAPHML}node")
    edges = root.findall(f".//{GRAPHML}edge")
    assert nodes and edges
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
