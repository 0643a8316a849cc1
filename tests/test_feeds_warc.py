"""WARC input: HTML response records become articles; everything else is skipped."""
from __future__ import annotations

from io import BytesIO

import pytest

from e2e.recorded_server import GOLDEN
from newsbridge.ingest.files import InputError, RawItem
from newsbridge.ingest.warc import iter_warc_items
from newsbridge.pipeline import EXTRACT_STAGES
from newsbridge.settings import load_settings
from newsbridge.workspace import Workspace

warcio = pytest.importorskip("warcio")


def _write_warc(path, gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)

        def response(url, status, ctype, body):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))

        w.write_record(w.create_warcinfo_record("test.warc", {"software": "newsbridge tests"}))
        req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "herald.example.org")], is_http_request=True)
        w.write_record(w.create_warc_record("https://herald.example.org/a", "request", http_headers=req))
        response("https://herald.example.org/a", "200 OK", "text/html; charset=utf-8", (GOLDEN / "page_en.html").read_bytes())
        response("https://herald.example.org/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://herald.example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>")
        response("https://zarechye.example.ru/b", "200 OK", "text/html; charset=windows-1251",
                 (GOLDEN / "page_cp1251.html").read_bytes())


@pytest.mark.parametrize("gz", [True, False])
def test_feeds_warc_html_response_records_only(tmp_path, gz):
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _write_warc(p, gz)
    items = list(iter_warc_items(p, 10_000_000))
    assert all(isinstance(i, RawItem) for i in items)
    assert [i.url for i in items] == ["https://herald.example.org/a", "https://zarechye.example.ru/b"]
    assert items[0].kind == "html" and b"Harbor city" in items[0].raw
    assert items[1].meta["charset"] == "windows-1251"


def test_feeds_warc_oversized_record_and_broken_archive(tmp_path):
    p = tmp_path / "a.warc.gz"
    _write_warc(p)
    items = list(iter_warc_items(p, 1000))
    assert isinstance(items[0], InputError) and "over the 1000 byte limit" in items[0].reason
    assert all(len(i.raw) <= 1000 for i in items if isinstance(i, RawItem))
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file at all\r\n\r\n")
    errs = list(iter_warc_items(bad, 10_000_000))
    assert len(errs) == 1 and isinstance(errs[0], InputError)


def test_feeds_warc_ingest_through_workspace_is_idempotent(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p)
    with Workspace(load_settings(config_file=tmp_path / "none.toml", db=str(tmp_path / "w.db"))) as ws:
        rep = ws.ingest([p], stages=EXTRACT_STAGES)
        assert rep.added == 2 and not rep.errors, rep.errors
        again = ws.ingest([p], stages=EXTRACT_STAGES)
        assert again.added == 0 and again.skipped == 2 and ws.store.count() == 2
        doc = ws.store.find_by_url("https://herald.example.org/a")[0]
        assert "Portvale" in doc.text
