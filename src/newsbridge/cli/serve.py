"""Service commands: serve (web UI + API), keys (outlet API keys), watch (feeds), fetch (URLs)."""
from __future__ import annotations

import json
import signal
import sys
from typing import List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from .app import app, console, err_console, settings

keys_app = typer.Typer(no_args_is_help=True, help="Outlet API keys for the push API (stored hashed).")
app.add_typer(keys_app, name="keys")


def _workspace():
    from ..workspace import Workspace
    return Workspace(settings())


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    get: Optional[str] = typer.Option(None, "--get", help="Run one GET request in-process, print the body and exit "
                                                          "(e.g. --get '/search.json?q=forum')."),
    workers: int = typer.Option(1, "--workers", help="Server processes, each with its own SO_REUSEPORT socket so "
                                                   "connections spread evenly (rate limits are per process)."),
) -> None:
    """Serve the web UI and the REST API (OpenAPI at /openapi.json)."""
    from ..api.app import create_app
    if get is not None:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        with TestClient(create_app(settings())) as client:
            resp = client.get(get)
        sys.stdout.write(resp.text if resp.text.endswith("\n") else resp.text + "\n")
        raise typer.Exit(0 if resp.status_code < 400 else 1)
    console.print(f"newsbridge web UI: http://{host}:{port}  (API /api/v1, OpenAPI /openapi.json; Ctrl-C to stop)",
                  highlight=False)
    if workers > 1:
        import os
        os.environ["NEWSBRIDGE_DB"] = settings().db
        if settings().index_path:
            os.environ["NEWSBRIDGE_INDEX_PATH"] = settings().index_path
        from ..api.server import serve as serve_workers
        serve_workers(host, port, workers)
    else:
        import uvicorn
        uvicorn.run(create_app(settings()), host=host, port=port, log_level="warning")


@keys_app.command("create")
def keys_create(outlet: str = typer.Argument(..., help="The outlet (source name) this key publishes as."),
                read_only: bool = typer.Option(False, "--read-only", help="A key for reads only (no push).")) -> None:
    """Create a key; the token is printed once and cannot be shown again."""
    from ..api.keys import KeyError_, create_key
    with _workspace() as ws:
        try:
            key, token = create_key(ws.store, outlet, ("read",) if read_only else ("push", "read"))
        except KeyError_ as exc:
            err_console.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
            raise typer.Exit(2)
    console.print(f"key {key.id} for outlet {escape(key.outlet)!r} ({', '.join(key.scopes)})", highlight=False)
    console.print("token (shown once; send it in the X-API-Key header):", highlight=False)
    print(token)


@keys_app.command("list")
def keys_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """List keys (ids, outlets, created, revoked); tokens are never stored."""
    from ..api.keys import list_keys
    with _workspace() as ws:
        keys = list_keys(ws.store)
    if as_json:
        print(json.dumps([k.to_dict() for k in keys], ensure_ascii=False, indent=1))
        return
    t = Table(show_header=True, header_style="bold")
    for c in ("id", "outlet", "scopes", "created", "revoked"):
        t.add_column(c)
    for k in keys:
        t.add_row(k.id, escape(k.outlet), ",".join(k.scopes), k.created_at, k.revoked_at or "")
    console.print(t)


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="The key id (see `newsbridge keys list`).")) -> None:
    """Revoke a key: requests with it get 401 from now on."""
    from ..api.keys import KeyError_, revoke_key
    with _workspace() as ws:
        try:
            key = revoke_key(ws.store, key_id)
        except KeyError_ as exc:
            err_console.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
            raise typer.Exit(2)
    console.print(f"key {key.id} ({escape(key.outlet)}) revoked at {key.revoked_at}", highlight=False)


@app.command()
def watch(
    feeds_file: str = typer.Argument(..., metavar="FEEDS.toml", help="Feeds to poll (see newsbridge.ingest.watch)."),
    once: bool = typer.Option(False, "--once", help="Poll the feeds that are due once, then exit."),
) -> None:
    """Poll RSS/Atom/JSON feeds with conditional GET and back-off; restart-safe (state in the store)."""
    from ..ingest.watch import ConfigError, Watcher, load_feeds
    try:
        feeds = load_feeds(feeds_file)
    except ConfigError as exc:
        err_console.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(2)
    with _workspace() as ws:
        w = Watcher(ws, feeds, log=lambda m: err_console.print(escape(m), highlight=False))
        signal.signal(signal.SIGINT, w.stop)
        signal.signal(signal.SIGTERM, w.stop)
        try:
            if once:
                reports = w.run_once()
                failed = sum(r.status == "error" for r in reports)
                console.print(f"polled {len(reports)} feed(s): added {sum(r.added for r in reports)}, "
                              f"known {sum(r.skipped for r in reports)}, failed {failed}", highlight=False)
                if failed:
                    raise typer.Exit(1)
            else:
                console.print(f"watching {len(feeds)} feed(s); Ctrl-C to stop", highlight=False)
                w.run()
        finally:
            w.fetcher.close()


@app.command()
def fetch(urls: List[str] = typer.Argument(..., help="Pages (or feeds) to fetch and ingest."),
          no_analyze: bool = typer.Option(False, "--no-analyze", help="Only clean and metadata.")) -> None:
    """Fetch pages by URL behind the SSRF guard and ingest them (a feed URL ingests its items)."""
    from ..ingest.feeds import FeedError, looks_like_feed
    from ..ingest.fetch import FetchError, Fetcher
    from ..ingest.watch import FeedConfig, Watcher
    from ..pipeline import DEFAULT_STAGES, EXTRACT_STAGES
    stages = EXTRACT_STAGES if no_analyze else DEFAULT_STAGES
    failed = 0
    with _workspace() as ws, Fetcher.from_settings(ws.settings) as fetcher:
        for url in urls:
            try:
                res = fetcher.fetch(url)
                if looks_like_feed(res.content, res.media_type):
                    cfg = FeedConfig(url)
                    rep = Watcher(ws, [cfg], fetcher, stages=stages).ingest_feed(cfg, res.content)
                    console.print(f"{escape(url)}: feed, added {rep.added}, known {rep.skipped}, "
                                  f"errors {len(rep.errors)}", highlight=False)
                    failed += bool(rep.errors)
                    continue
                meta = {"charset": res.charset} if res.charset else {}
                rep = ws.ingest_bytes(res.content, url, kind="html", url=res.final_url, meta=meta, stages=stages)
            except (FetchError, FeedError) as exc:
                err_console.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
                ws.store.record_error(url, str(exc))
                failed += 1
                continue
            for e in rep.errors:
                err_console.print(f"[red]error[/red]: {escape(e)}", highlight=False)
            failed += bool(rep.errors)
            state = "added" if rep.added else ("already stored" if rep.skipped else "failed")
            console.print(f"{escape(url)}: {state} {' '.join(rep.ids)}", highlight=False)
    if failed:
        raise typer.Exit(1)
