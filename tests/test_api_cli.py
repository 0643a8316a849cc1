"""The service commands: keys create/list/revoke, serve --get, fetch and watch --once."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from e2e.recorded_server import GOLDEN, RecordedServer
from newsbridge.cli import app

runner = CliRunner()


@pytest.fixture
def cfg(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIDGE_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.delenv("NEWSBRIDGE_DB", raising=False)
    return ["--db", str(tmp_path / "cli.db"), "--config", str(tmp_path / "none.toml")]


def test_api_cli_keys_lifecycle(cfg):
    r = runner.invoke(app, cfg + ["keys", "create", "Valley Post"])
    assert r.exit_code == 0, r.output
    token = r.output.strip().splitlines()[-1]
    assert token.startswith("nbk_")
    listed = json.loads(runner.invoke(app, cfg + ["keys", "list", "--json"]).output)
    assert [(k["outlet"], k["active"]) for k in listed] == [("Valley Post", True)]
    assert token not in json.dumps(listed)
    r = runner.invoke(app, cfg + ["keys", "revoke", listed[0]["id"]])
    assert r.exit_code == 0 and "revoked" in r.output
    assert json.loads(runner.invoke(app, cfg + ["keys", "list", "--json"]).output)[0]["active"] is False
    assert runner.invoke(app, cfg + ["keys", "revoke", "nope"]).exit_code == 2
    assert runner.invoke(app, cfg + ["keys", "create", "  "]).exit_code == 2


def test_api_cli_fetch_watch_and_serve_get(cfg, tmp_path):
    with RecordedServer() as srv:
        srv.file("/page.html", "page_en.html", "text/html; charset=utf-8")
        srv.redirect("/evil", "http://169.254.169.254/latest/meta-data/")
        rss = (GOLDEN / "rss.xml").read_bytes().replace(b"{BASE}", srv.base.encode())
        srv.conditional("/rss.xml", rss, "application/rss+xml", '"e1"')
        srv.file("/articles/observatory.html", "teaser_page.html", "text/html")
        r = runner.invoke(app, cfg + ["fetch", "--no-analyze", srv.base + "/page.html"])
        assert r.exit_code == 0 and "added" in r.output, r.output
        r = runner.invoke(app, cfg + ["fetch", "--no-analyze", srv.base + "/evil"])
        assert r.exit_code == 1 and "169.254.169.254" in r.output
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feed]]\nurl = "{srv.base}/rss.xml"\nsource = "Valley Post"\n', encoding="utf-8")
        r = runner.invoke(app, cfg + ["watch", "--once", str(feeds)])
        assert r.exit_code == 0 and "added 3" in r.output, r.output
        r = runner.invoke(app, cfg + ["watch", "--once", str(feeds)])
        assert "polled 0 feed(s)" in r.output                   # not due again: state is in the store
    r = runner.invoke(app, cfg + ["serve", "--get", "/api/v1/search?q=observatory"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)["hits"]
    assert hits and hits[0]["title"] == "Observatory opens to visitors"
    r = runner.invoke(app, cfg + ["serve", "--get", "/search.json?q=Portvale"])
    assert json.loads(r.output)["total"] == 1
    assert runner.invoke(app, cfg + ["serve", "--get", "/article/nope.json"]).exit_code == 1
