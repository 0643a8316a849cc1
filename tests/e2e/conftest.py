"""Fixtures for the browser tests: a real uvicorn server on 127.0.0.1 and Debian's Chromium
driven by Playwright (never `playwright install`: the browser comes from
scripts/install-browser.sh)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from e2e.corpus import build_workspace

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium: run scripts/install-browser.sh "
                    "(as root) first")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright Python package (pip install playwright; "
                    "no `playwright install` needed, /usr/bin/chromium is used)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app over the hand-built corpus, served by uvicorn in a thread."""
    import uvicorn

    from newsbridge.api.app import create_app
    ws, ids = build_workspace(tmp_path_factory.mktemp("e2e"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ws.settings, ws), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    server.should_exit = True
    thread.join(timeout=10)
    ws.close()


@pytest.fixture
def page(chromium):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.dialogs = []                                      # every alert/confirm/prompt that fires
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.page_errors = []
    pg.on("pageerror", lambda e: pg.page_errors.append(str(e)))
    yield pg
    context.close()
