"""`newsbridge serve --workers N`: N processes on one port, each with its own SO_REUSEPORT socket,
kept-alive connections evened out between them."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from newsbridge.api.server import reuse_port_available

pytestmark = pytest.mark.skipif(not reuse_port_available() or not Path("/proc").is_dir(),
                                reason="SO_REUSEPORT and /proc (Linux) are needed")
SRC = str(Path(__file__).resolve().parents[1] / "src")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _socket_owner(port: int, local_port: int) -> str | None:
    """The pid holding the server side of the connection whose client port is ``local_port``."""
    out = subprocess.run(["ss", "-tnpH", "state", "established", f"( sport = :{port} and dport = :{local_port} )"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "pid=" in line:
            return line.split("pid=")[1].split(",")[0]
    return None


def test_two_workers_share_connections_and_stop_together(tmp_path):
    if subprocess.run(["which", "ss"], capture_output=True).returncode != 0:
        pytest.skip("ss (iproute2) is not installed")
    port = _free_port()
    proc = _start_two_workers(tmp_path, port)
    try:
        def owner(c: httpx.Client) -> str | None:
            conns = c._transport._pool.connections
            if not conns:                       # closed by the server: reconnects on the next request
                return None
            return _socket_owner(port, conns[0]._connection._network_stream.get_extra_info("socket").getsockname()[1])

        clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) for _ in range(40)]
        splits = []
        for _ in range(60):          # kept-alive connections with requests on them, as a load generator
            for c in clients:
                assert c.get("/api/v1/search", params={"q": "forum"}).status_code == 200
            time.sleep(0.05)
            owners = Counter(owner(c) for c in clients)
            splits.append(dict(owners))
            if None not in owners and len(owners) == 2 and max(owners.values()) - min(owners.values()) <= 2:
                break
        for c in clients:
            c.close()
        # the kernel's hash alone leaves a coin-flip split (36/14 with one shared socket); the fuller
        # worker's Connection: close (tested on its own below) evens it out
        assert None not in owners and len(owners) == 2, splits
        assert max(owners.values()) - min(owners.values()) <= 2, splits
    finally:
        left = _stop(proc)
    assert not left, f"processes left running: {left}"


def _start_two_workers(tmp_path: Path, port: int, **env_extra: str) -> subprocess.Popen:
    """`serve --workers 2` on ``port``, once it answers (any status: reads may need a key)."""
    env = {**os.environ, "NEWSBRIDGE_DB": str(tmp_path / "s.db"), "PYTHONPATH": SRC, **env_extra}
    proc = subprocess.Popen([sys.executable, "-m", "newsbridge.api.server", "--port", str(port), "--workers", "2"],
                            env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2)
            return proc
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            _stop(proc)
            raise AssertionError("server did not start")
        time.sleep(0.3)


def _stop(proc: subprocess.Popen) -> str:
    """SIGTERM to the server's process group; what is still running after 15 s ('' when none)."""
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while True:       # the workers finish in-flight requests, then exit
        left = subprocess.run(["pgrep", "-a", "-g", str(proc.pid)], capture_output=True, text=True).stdout.strip()
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.3)


def test_two_workers_give_a_key_its_rate_once(tmp_path):
    """The per-key rate limit holds across the workers: each used to allow the full rate."""
    from newsbridge.api.keys import create_key
    from newsbridge.store import Store
    store = Store(str(tmp_path / "s.db"))
    _, token = create_key(store, "Partner Agency", ("read",))
    store.close()
    port = _free_port()
    proc = _start_two_workers(tmp_path, port, NEWSBRIDGE_READ_KEY_REQUIRED="1", NEWSBRIDGE_RATE_LIMIT_PER_MINUTE="6")
    try:
        # a new connection per request: the kernel's hash spreads 16 of them over both workers
        # (all on one has odds of 2 in 65,536); 6 a minute refill a token only every 10 s
        codes = Counter(httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", headers={"X-API-Key": token},
                                  timeout=30).status_code for _ in range(16))
    finally:
        left = _stop(proc)
    assert codes == {200: 6, 429: 10}, codes
    assert not left, f"processes left running: {left}"


def test_a_worker_over_its_share_closes_one_connection_at_a_time(monkeypatch):
    """ConnectionBalance: Connection: close on a response only while this worker holds more than
    its share of all workers' connections, and at most one every REBALANCE_EVERY_S."""
    from newsbridge.api import server

    now = [100.0]
    monkeypatch.setattr(server.time, "monotonic", lambda: now[0])
    held = [15]
    counts = [0, 5]                          # slot 0: this worker (published on each response)

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})

    balanced = server.ConnectionBalance(app, counts, 0, lambda: held[0])

    def closes() -> bool:
        sent = []

        async def send(message):
            sent.append(message)

        # stepped by hand, not asyncio.run: another test may have left a loop running here,
        # and nothing in this middleware waits on anything
        step = balanced({"type": "http"}, None, send)
        with pytest.raises(StopIteration):
            step.send(None)
        return (b"connection", b"close") in sent[0]["headers"]

    assert closes() and counts[0] == 15      # 15 of 20, share 10: one closed
    assert not closes()                      # the next one within the interval stays open
    now[0] += 1.5 * server.REBALANCE_EVERY_S
    assert closes()
    held[0] = 10                             # 10 of 15, share 8: still over
    now[0] += 1.5 * server.REBALANCE_EVERY_S
    assert closes()
    held[0], counts[1] = 10, 10              # even: nothing closes any more
    for _ in range(3):
        now[0] += 1.5 * server.REBALANCE_EVERY_S
        assert not closes()
    held[0], counts[1] = 11, 10              # 21 over 2 workers: a share is 11
    now[0] += 1.5 * server.REBALANCE_EVERY_S
    assert not closes()
