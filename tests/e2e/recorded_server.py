"""A local HTTP server on 127.0.0.1 serving recorded pages and feeds (tests/golden/serve/),
plus routes that misbehave on purpose: redirects to private addresses, oversized bodies,
conditional GET, errors. Routes are plain functions of the request, set per test."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "serve"

Reply = tuple[int, dict[str, str], bytes]


class RecordedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], Reply]] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                outer.hits[path] = outer.hits.get(path, 0) + 1
                outer.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                route = outer.routes.get(path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    status, headers, body = route(self)
                if status == -1:       # a route that streamed its own answer
                    return
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "RecordedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- route helpers ------------------------------------------------------------------------
    def file(self, path: str, name: str, content_type: str, **headers: str) -> None:
        body = (GOLDEN / name).read_bytes()
        self.routes[path] = lambda h: (200, {"Content-Type": content_type, **headers}, body)

    def bytes(self, path: str, body: bytes, content_type: str = "text/html", status: int = 200, **headers: str) -> None:
        self.routes[path] = lambda h: (status, {"Content-Type": content_type, **headers}, body)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = lambda h: (status, {"Location": location}, b"")

    def conditional(self, path: str, body: bytes, content_type: str, etag: str) -> None:
        """Answers 304 when the client sends the current ETag back."""
        def route(h):
            if h.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": content_type, "ETag": etag,
                         "Last-Modified": "Mon, 03 Jun 2024 10:00:00 GMT"}, body
        self.routes[path] = route

    def endless(self, path: str, chunk: bytes = b"x" * 65536, seconds: float = 5.0) -> None:
        """Chunked body that never ends by itself (until ``seconds``): only a cap stops it."""
        def route(h):
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            end = time.monotonic() + seconds
            try:
                while time.monotonic() < end:
                    h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                pass
            return -1, {}, b""
        self.routes[path] = route
