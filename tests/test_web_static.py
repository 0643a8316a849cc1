"""Static assets: every vendored file is pinned by hash, and nothing loads from elsewhere."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import newsbridge

WEB = Path(newsbridge.__file__).resolve().parent / "web"
STATIC = WEB / "static"


def _vendored() -> list[tuple[str, str]]:
    rows = []
    for line in (STATIC / "VENDORED.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*([\w.-]+\.js|[\w.-]+\.css)\s*\|.*\|\s*([0-9a-f]{64})\s*\|", line)
        if m:
            rows.append((m.group(1), m.group(2)))
    return rows


def test_web_static_vendored_files_match_their_pinned_hashes():
    rows = _vendored()
    assert rows, "VENDORED.md lists no files"
    for name, sha in rows:
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == sha, name


def test_web_static_every_third_party_file_is_listed():
    ours = {"app.css", "VENDORED.md", "htmx-LICENSE.txt"}
    listed = {name for name, _ in _vendored()}
    assert {p.name for p in STATIC.iterdir()} - ours == listed


def test_web_templates_load_nothing_from_other_hosts():
    for tpl in (WEB / "templates").glob("*.html"):
        text = tpl.read_text(encoding="utf-8")
        for m in re.finditer(r'(?:src|href)="([^"]+)"', text):
            url = m.group(1)
            assert not re.match(r"^(https?:)?//", url), (tpl.name, url)
        assert "|safe" not in text.replace(" ", ""), tpl.name


def test_web_static_served(tmp_path):
    from fastapi.testclient import TestClient
    from newsbridge.api.app import create_app
    from newsbridge.settings import load_settings
    app = create_app(load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "s.db")))
    with TestClient(app) as c:
        r = c.get("/static/htmx-2.0.11.min.js")
        assert r.status_code == 200 and r.content == (STATIC / "htmx-2.0.11.min.js").read_bytes()
        assert c.get("/static/app.css").status_code == 200
