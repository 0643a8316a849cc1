"""Run the app in several processes that share the load evenly.

uvicorn's own ``--workers`` shares one listening socket: whichever process wakes first accepts,
so kept-alive connections pile up on one worker (50 clients split 36/14 here) and that worker
saturates its core while the other idles. Here every process opens its own socket on the same
port with SO_REUSEPORT, and the kernel spreads new connections across them by their address
hash. Where SO_REUSEPORT is missing, uvicorn's workers are used.

The hash spreads connections only as evenly as coin flips (50 clients split 31/19 here), and a
kept-alive connection stays where it landed, so the fuller worker's clients wait longer. Each
worker publishes how many connections it holds; one holding more than its share answers the
next request with ``Connection: close`` (at most one every ``REBALANCE_EVERY_S``), and the
client's reconnection lands by the hash again, until the counts are even.

The workers share the push API's per-key rate buckets (shared memory), so a key gets its rate
once, not once per worker.

    python -m newsbridge.api.server --host 127.0.0.1 --port 8000 --workers 2
"""
from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket
import time

from .ratelimit import SharedBuckets

APP = "newsbridge.api.app:create_app"      # a factory: each process reads its settings (NEWSBRIDGE_*)
REBALANCE_EVERY_S = 0.02                   # a worker over its share closes at most one connection this often


def reuse_port_available() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


class ConnectionBalance:
    """Pure ASGI middleware: ``Connection: close`` on a response of a worker holding more than its
    share of the connections that all workers hold (``counts``: one shared slot per worker)."""

    def __init__(self, app, counts, index: int, connections) -> None:
        self.app, self.counts, self.index = app, counts, index
        self.connections = connections          # () -> this worker's open connections
        self.last_close = 0.0

    def over_share(self) -> bool:
        mine = self.connections()
        self.counts[self.index] = mine
        share = -(-sum(self.counts) // len(self.counts))       # ceil: 51 over 2 workers is 26
        now = time.monotonic()
        if mine > share and now - self.last_close >= REBALANCE_EVERY_S:
            self.last_close = now
            return True
        return False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_maybe_closing(message):
            if message["type"] == "http.response.start" and self.over_share():
                message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        return await self.app(scope, receive, send_maybe_closing)


def _worker(sock: socket.socket, log_level: str, counts, index: int, buckets=None) -> None:
    import uvicorn

    from .app import create_app
    from .ratelimit import RateLimiter
    app = create_app()
    if buckets is not None:            # one rate per key across the workers, not one per worker
        app.state.nb.limiter = RateLimiter(app.state.nb.settings.rate_limit_per_minute, buckets=buckets)
    # the count is read per response, once `server` below exists (nothing is served before run)
    balanced = ConnectionBalance(app, counts, index, lambda: len(server.server_state.connections))
    server = uvicorn.Server(uvicorn.Config(balanced, log_level=log_level, access_log=False))
    server.run(sockets=[sock])


def _prepare_workspace() -> None:
    """Create and migrate the store and its index once, before the workers open them together
    (two processes migrating a new SQLite store at once can fail)."""
    from ..settings import load_settings
    from ..workspace import Workspace
    with Workspace(load_settings()) as ws:
        _ = ws.index


def serve(host: str, port: int, workers: int, log_level: str = "warning") -> None:
    """Serve with ``workers`` processes; returns when they have all stopped (Ctrl-C or SIGTERM)."""
    import uvicorn
    if workers > 1:
        _prepare_workspace()
    if workers <= 1 or not reuse_port_available():
        uvicorn.run(APP, factory=True, host=host, port=port, workers=max(1, workers), log_level=log_level,
                    access_log=False)
        return
    # Every socket is bound before any worker starts: a connection that arrives while a worker
    # is still loading waits in its socket's backlog instead of going to the first one ready.
    socks = [_listen(host, port) for _ in range(workers)]
    ctx = multiprocessing.get_context("spawn")
    counts = ctx.Array("i", workers, lock=False)      # connections per worker (a stale read only delays a close)
    buckets = SharedBuckets(ctx)
    procs = [ctx.Process(target=_worker, args=(sock, log_level, counts, i, buckets), daemon=False)
             for i, sock in enumerate(socks)]
    for p in procs:
        p.start()
    for sock in socks:
        sock.close()                     # the workers hold their own copies

    def stop(*_):
        for p in procs:
            if p.is_alive():
                p.terminate()               # uvicorn finishes in-flight requests on SIGTERM
    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for p in procs:
            p.join()
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Serve newsbridge's web UI and API with several processes.")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--log-level", default="warning")
    a = ap.parse_args(argv)
    serve(a.host, a.port, a.workers, a.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
