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
    env = {**os.environ, "NEWSBRIDGE_DB": str(tmp_path / "s.db"), "PYTHONPATH": SRC}
    proc = subprocess.Popen([sys.executable, "-m", "newsbridge.api.server", "--port", str(port), "--workers", "2"],
                            env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)
        def owner(c: httpx.Client) -> str | None:
            conns = c._transport._pool.connections
            if not conns:                       # closed by the server: reconnects on the next request
                return None
            return _socket_owner(port, conns[0]._connection._network_stream.get_extra_info("socket").getsockname()[1])

        # 20 kept-alive connections, all on one worker (those the kernel gave the other are dropped)
        clients, first, tries = [], None, 0
        while len(clients) < 20 and tries < 400:
            tries += 1
            c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
            assert c.get("/api/v1/search", params={"q": "forum"}).status_code == 200
            first = first or owner(c)
            if first is not None and owner(c) == first:
                clients.append(c)
            else:
                c.close()
        assert len(clients) == 20
        splits = []
        for _ in range(15):                      # requests on them, as a load generator sends
            for c in clients:
                assert c.get("/api/v1/search", params={"q": "forum"}).status_code == 200
            time.sleep(0.05)
            owners = Counter(owner(c) for c in clients)
            splits.append(dict(owners))
            if None not in owners and len(owners) == 2 and max(owners.values()) - min(owners.values()) <= 2:
                break
        for c in clients:
            c.close()
        # kept-alive connections never move by themselves: the fuller worker's Connection: close
        # sends some back through the kernel's hash, until the two hold about as many
        assert None not in owners and len(owners) == 2, splits
        assert max(owners.values()) - min(owners.values()) <= 2, splits
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while True:       # the workers finish in-flight requests, then exit
        left = subprocess.run(["pgrep", "-a", "-g", str(proc.pid)], capture_output=True, text=True).stdout.strip()
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert not left, f"processes left running: {left}"
