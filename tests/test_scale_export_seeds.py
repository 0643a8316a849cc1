"""`newsbridge export --format jsonl` after `run --engine local` and `run --engine ray` on the
seeds: identical lines apart from timestamps (origins are listed by the time each was seen)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsbridge.cli import app

pytest.importorskip("ray", reason="the ray engine needs ray[data]")


def _run_and_export(tmp_path, seeds_dir, engine: str) -> list[dict]:
    db = str(tmp_path / f"{engine}.db")
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "run", "--engine", engine, "--workers", "2", "-q", str(seeds_dir)])
    assert res.exit_code == 0, res.output
    out = tmp_path / f"{engine}.jsonl"
    res = runner.invoke(app, ["--db", db, "export", "--format", "jsonl", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        r["origins"] = sorted(r["origins"])
    return rows


@pytest.mark.slow
def test_scale_export_identical_on_seeds(tmp_path, seeds_dir):
    import ray
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        local = _run_and_export(tmp_path, seeds_dir, "local")
        on_ray = _run_and_export(tmp_path, seeds_dir, "ray")
    finally:
        ray.shutdown()
    assert len(local) == len(list(seeds_dir.glob("*.txt"))) > 0
    assert on_ray == local
    assert all(set(r["stages"]) >= {"clean", "metadata", "analyze"} and r["language"] for r in on_ray)
