"""The Ray reader's plan: bounded contiguous read tasks that together read exactly what ingest reads."""
from __future__ import annotations

import json

import pytest

from newsbridge.ingest.files import InputError, iter_items
from newsbridge.scale.runner import _read_blocks, plan_reads

pytest.importorskip("pyarrow", reason="the ray engine's reader builds Arrow blocks")
MAX = 10_000_000


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"a{i}.txt").write_text(f"Article {i}\n\nBody of article {i}.", encoding="utf-8")
    lines = [json.dumps({"title": f"T{i}", "text": f"Text {i}"}) for i in range(23)]
    lines[5] = "{broken"
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.pdf").write_bytes(b"%PDF")
    return [str(d), str(tmp_path / "missing.txt")]


def _read(plan):
    rows = []
    for task in plan:
        for table in _read_blocks(task, MAX, block=4):
            rows += table.to_pylist()
    return rows


@pytest.mark.parametrize("tasks,max_per_task", [(1, 1000), (2, 1000), (8, 1000), (1, 5), (3, 7), (100, 1)])
def test_plan_reads_everything_once_in_order(inputs, tasks, max_per_task):
    expected = list(iter_items(inputs, MAX))
    plan = plan_reads(inputs, MAX, tasks, max_per_task)
    sizes = [sum(stop - first for _, first, stop, _ in t) for t in plan]
    assert sum(sizes) == len(expected) == 29       # 3 texts, 23 lines (one broken), 3 bad files
    assert max(sizes) <= max_per_task
    assert len(plan) >= min(tasks, len(expected))
    rows = _read(plan)
    assert [r["seq"] for r in rows] == list(range(len(expected)))
    for r, item in zip(rows, expected):
        assert r["origin"] == item.origin
        if isinstance(item, InputError):
            assert r["status"] == "error" and r["reason"] == item.reason and r["line"] == item.line
        else:
            assert r["status"] == "item" and r["raw"] == item.raw


def test_plan_of_nothing_is_one_empty_task(tmp_path):
    (tmp_path / "empty").mkdir()
    assert plan_reads([str(tmp_path / "empty")], MAX, 4) == [[]]
