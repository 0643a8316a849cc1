"""The SSRF guard and the fetcher, against a local server on 127.0.0.1 (allowed in these tests)."""
from __future__ import annotations

import time

import pytest

from e2e.recorded_server import GOLDEN, RecordedServer
from newsbridge.ingest import fetch as fetch_mod
from newsbridge.ingest.fetch import BlockedAddress, FetchError, Fetcher, Guard, TooLarge, decode, detect_charset

ALLOW = ("127.0.0.1",)


@pytest.fixture
def server():
    with RecordedServer() as srv:
        srv.file("/page.html", "page_en.html", "text/html; charset=utf-8")
        srv.file("/cp1251.html", "page_cp1251.html", "text/html; charset=windows-1251")
        yield srv


@pytest.fixture
def fetcher():
    with Fetcher(ALLOW, max_bytes=200_000, total_timeout=5) as f:
        yield f


# -- the guard alone -----------------------------------------------------------------------------
@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                                     "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1",
                                     "224.0.0.1"])
def test_fetch_guard_refuses_non_public_addresses(address):
    assert Guard().address_refused(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_fetch_guard_accepts_public_addresses(address):
    assert Guard().address_refused(address) is None


def test_fetch_guard_refuses_when_any_dns_answer_is_private(monkeypatch):
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", lambda host, port: ["93.184.216.34", "10.0.0.1"])
    with pytest.raises(BlockedAddress, match="10.0.0.1"):
        Guard().resolve("mixed.example.test", 80)


def test_fetch_guard_allow_hosts_by_name_and_network(monkeypatch):
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", lambda host, port: ["10.1.2.3"])
    assert Guard(("intranet.test",)).resolve("intranet.test", 80) == ["10.1.2.3"]
    assert Guard(("10.0.0.0/8",)).resolve("other.test", 80) == ["10.1.2.3"]
    with pytest.raises(BlockedAddress):
        Guard(("intranet.test",)).resolve("other.test", 80)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/",
                                 "http://user:pw@example.org/", "http:///nohost"])
def test_fetch_guard_refuses_odd_urls(url):
    with pytest.raises(FetchError):
        Guard().check_url(url)


@pytest.mark.parametrize("url", ["http://localhost/", "http://metadata.google.internal/computeMetadata/v1/",
                                 "http://foo.localhost/"])
def test_fetch_guard_refuses_local_names_before_resolving(url, monkeypatch):
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", lambda host, port: pytest.fail("resolved a refused name"))
    with pytest.raises(BlockedAddress):
        Guard().check_url(url)


# -- fetching through the guard ------------------------------------------------------------------
def test_fetch_page_from_allowed_local_server(server, fetcher):
    res = fetcher.fetch(server.base + "/page.html")
    assert res.status == 200 and res.media_type == "text/html"
    assert "Harbor city hosts regional trade talks" in res.text
    assert res.charset == "utf-8"


def test_fetch_local_server_refused_without_allow_hosts(server):
    with Fetcher(()) as f, pytest.raises(BlockedAddress, match="loopback"):
        f.fetch(server.base + "/page.html")
    assert server.hits.get("/page.html") is None


def test_fetch_charset_from_http_header(server, fetcher):
    res = fetcher.fetch(server.base + "/cp1251.html")
    assert res.charset == "cp1251"
    assert "Городской совет утвердил бюджет" in res.text


def test_fetch_redirect_to_private_address_refused(server, fetcher):
    server.redirect("/go", "http://10.0.0.5/internal")
    t0 = time.monotonic()
    with pytest.raises(BlockedAddress, match="10.0.0.5"):
        fetcher.fetch(server.base + "/go")
    assert time.monotonic() - t0 < 2          # refused before any connection attempt
    assert server.hits["/go"] == 1


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://[::1]:{port}/page.html",
                                    "http://localhost:{port}/page.html", "http://0.0.0.0:{port}/page.html"])
def test_fetch_redirect_to_local_targets_refused(server, fetcher, target):
    server.redirect("/go", target.format(port=server.port))
    with pytest.raises(BlockedAddress):
        fetcher.fetch(server.base + "/go")
    assert server.hits.get("/page.html") is None


def test_fetch_host_resolving_to_private_address_refused(server, fetcher, monkeypatch):
    calls = []

    def fake(host, port):
        calls.append(host)
        return ["10.0.0.1"]
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", fake)
    with pytest.raises(BlockedAddress, match="10.0.0.1"):
        fetcher.fetch("http://news.example.test/article")
    assert calls == ["news.example.test"]


def test_fetch_redirect_to_name_resolving_private_refused(server, fetcher, monkeypatch):
    monkeypatch.setattr(fetch_mod, "_getaddrinfo", lambda host, port: ["10.0.0.1"])
    server.redirect("/go", "http://rebind.example.test/")
    with pytest.raises(BlockedAddress, match="rebind.example.test resolves to 10.0.0.1"):
        fetcher.fetch(server.base + "/go")


def test_fetch_follows_allowed_redirects_and_limits_them(server, fetcher):
    server.redirect("/old", "/page.html", 301)
    res = fetcher.fetch(server.base + "/old")
    assert res.final_url.endswith("/page.html") and res.redirects == [server.base + "/old"]
    server.redirect("/loop", "/loop")
    with pytest.raises(FetchError, match="redirects"):
        fetcher.fetch(server.base + "/loop")
    assert server.hits["/loop"] == fetcher.max_redirects + 1


def test_fetch_size_cap_declared_and_streamed(server, fetcher):
    server.bytes("/big", b"x" * 300_000)
    with pytest.raises(TooLarge, match="declared"):
        fetcher.fetch(server.base + "/big")
    server.endless("/endless", seconds=5)
    t0 = time.monotonic()
    with pytest.raises(TooLarge):
        fetcher.fetch(server.base + "/endless")
    assert time.monotonic() - t0 < 3


def test_fetch_gzip_bomb_stopped_by_cap(server, fetcher):
    import gzip
    bomb = gzip.compress(b"\0" * 20_000_000)
    server.bytes("/gz", bomb, "text/html", **{"Content-Encoding": "gzip"})
    with pytest.raises(TooLarge):
        fetcher.fetch(server.base + "/gz")


def test_fetch_http_errors_and_timeouts(server):
    server.bytes("/boom", b"oops", status=500)
    with Fetcher(ALLOW, read_timeout=0.5) as f:
        with pytest.raises(FetchError, match="HTTP 500"):
            f.fetch(server.base + "/boom")

        def slow(h):
            time.sleep(1.5)
            return 200, {"Content-Type": "text/html"}, b"late"
        server.routes["/slow"] = slow
        with pytest.raises(FetchError, match="timed out"):
            f.fetch(server.base + "/slow")


def test_fetch_conditional_get_returns_not_modified(server, fetcher):
    server.conditional("/feed", b"<rss/>", "application/rss+xml", '"v1"')
    first = fetcher.fetch(server.base + "/feed")
    assert first.etag == '"v1"' and first.last_modified
    again = fetcher.fetch(server.base + "/feed", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    assert server.requests[-1][1]["if-none-match"] == '"v1"'


def test_fetch_no_proxy_from_environment(server, fetcher, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    monkeypatch.setenv("http_proxy", "http://10.9.9.9:3128")
    with Fetcher(ALLOW) as f:
        assert f.fetch(server.base + "/page.html").status == 200


def test_fetch_decode_precedence():
    html = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'.encode("cp1251")
    assert detect_charset(html, "text/html") == "cp1251"
    assert decode(html, "text/html") .count("Привет") == 1
    assert detect_charset(b"\xef\xbb\xbfhi", "text/html; charset=latin-1") == "utf-8"   # BOM wins
    assert detect_charset("плоский текст".encode("utf-8"), "") == "utf-8"
    assert decode((GOLDEN / "page_cp1251.html").read_bytes(), "text/html; charset=bogus-charset").count("Заречья") == 1
