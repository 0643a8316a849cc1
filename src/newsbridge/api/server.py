"""Run the app in several processes that share the load evenly.

uvicorn's own ``--workers`` shares one listening socket: whichever process wakes first accepts,
so kept-alive connections pile up on one worker (50 clients split 36/14 here) and that worker
saturates its core while the other idles. Here every process opens its own socket on the same
port with SO_REUSEPORT, and the kernel spreads new connections across them by their address
hash. Where SO_REUSEPORT is missing, uvicorn's workers are used.

    python -m newsbridge.api.server --host 127.0.0.1 --port 8000 --workers 2
"""
from __future__ import annotations

import argparse
import multiprocessing
import signal
import socket

APP = "newsbridge.api.app:create_app"      # a factory: each process reads its settings (NEWSBRIDGE_*)


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


def _worker(sock: socket.socket, log_level: str) -> None:
    import uvicorn
    config = uvicorn.Config(APP, factory=True, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


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
    procs = [ctx.Process(target=_worker, args=(sock, log_level), daemon=False) for sock in socks]
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
