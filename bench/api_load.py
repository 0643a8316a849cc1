"""API load benchmark: concurrent clients against /api/v1/search on a synthetic store.

Full run (the issue's target: 50 clients for 60 s on 100,000 articles, p95 <= 100 ms):

    .venv/bin/python bench/api_load.py --n 100000 --clients 50 --duration 60 --out bench/out/api-load

Small run (a shared machine):

    .venv/bin/python bench/api_load.py --n 2000 --clients 10 --duration 10 --out /tmp/nb-api-load

Steps: (1) unless OUT/store.db already holds N articles, the synthetic corpus
(bench/synth.py, deterministic by seed) is stored and indexed directly (no analysis stages:
this measures serving, not ingest), with the generator's persons, organisations, places and
event type as layers, so the person/org/place/event facets count real values; with
``--reindex`` the index is then rebuilt from the store as ``newsbridge reindex`` does (one
large segment instead of the several that adding in batches leaves; facet counts cost per
segment); (2) ``uvicorn newsbridge.api.app:create_app`` starts in
its own process(es) (``--workers``); (3) C asyncio clients, each with its own connection,
send requests back to back for D seconds: 1-3 words drawn from the corpus's vocabulary, a
language filter on one request in four, top 20 with facets and snippets (the search page's
JSON; facet counts estimated from a sample when a query matches over 10,000 articles, as
the API does by default: the share of such answers is reported) — ``--exact-facets`` counts
every match, ``--no-facets`` measures ranked hits alone. Any non-200 answer or transport error
counts as an error; a response with ``Connection: close`` (a worker evening out its share of
the connections) makes the client reconnect, inside the next request's time. Prints
requests/s and p50/p95/p99 and writes OUT/api-load[-no-facets|-exact-facets][-reindexed].json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

_WORD = re.compile(r"[^\W\d_]{3,}")
_CJK = re.compile(r"[\u3400-\u9fff]")
BATCH = 1000


def words_of(text: str) -> list[str]:
    """Query words as people type them: Latin/Cyrillic words, Chinese words (jieba) of 2-4 characters."""
    from newsbridge.search.index import segment_chinese
    out = []
    for w in _WORD.findall(text):
        if _CJK.search(w):
            out += [z for z in segment_chinese(w).split() if 2 <= len(z) <= 4]
        else:
            out.append(w.lower())
    return out


def build_store(out: Path, n: int, seed: int, reindex: bool = False) -> tuple[Path, list[str], int]:
    """OUT/store.db with N synthetic articles and its index, rebuilt by ``newsbridge reindex``'s
    path when ``reindex`` (one large segment); returns (db, vocabulary, index segments)."""
    from bench.synth import generate, jsonl_line, to_document
    from newsbridge.settings import load_settings
    from newsbridge.workspace import Workspace

    db = out / "store.db"
    vocab: Counter = Counter()
    settings = load_settings(config_file=out / "none.toml", db=str(db))
    with Workspace(settings) as ws:
        have = ws.store.count()
        ws.index                  # open (and catch up) the index before the first batch is stored
        if have == n:
            print(f"store: reusing {db} ({n} articles)", file=sys.stderr)
            for rec in generate(min(n, 3000), seed=seed):
                vocab.update(words_of(rec["title"] + " " + rec["text"]))
            return db, [w for w, _ in vocab.most_common(3000)], _segments(ws, reindex)
        if have:
            raise SystemExit(f"{db} holds {have} articles, not {n}: remove {out} or choose another --out")
        t0 = time.perf_counter()
        batch = []
        for i, rec in enumerate(generate(n, seed=seed), 1):
            if i <= 3000:
                vocab.update(words_of(rec["title"] + " " + rec["text"]))
            batch.append((to_document(rec, facts=True), jsonl_line(rec).encode("utf-8")))
            if len(batch) >= BATCH:
                ws.store.save_many(batch)
                ws.index.add(d for d, _ in batch)
                batch = []
                if i % 10_000 == 0:
                    print(f"store: {i}/{n} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        if batch:
            ws.store.save_many(batch)
            ws.index.add(d for d, _ in batch)
        ws.index.commit()
        print(f"store: {n} articles stored and indexed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return db, [w for w, _ in vocab.most_common(3000)], _segments(ws, reindex)


def _segments(ws, reindex: bool) -> int:
    """The index's segment count, after a rebuild from the store when asked (and not done yet)."""
    if reindex and ws.index.index.searcher().num_segments > 1:
        t0 = time.perf_counter()
        ws.reindex()
        print(f"index rebuilt from the store in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return ws.index.index.searcher().num_segments


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "NEWSBRIDGE_DB": str(db), "PYTHONPATH": str(ROOT / "src")}
    env.pop("NEWSBRIDGE_INDEX_PATH", None)
    # newsbridge's launcher (as `newsbridge serve --workers N`): one SO_REUSEPORT socket per process
    cmd = [sys.executable, "-m", "newsbridge.api.server", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    import httpx
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start within 120 s")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


async def _request(reader, writer, path: str) -> tuple[int, bytes, bool]:
    """One GET on a kept-alive HTTP/1.1 connection; (status, body, whether the server closes it)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode("ascii"))
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(b":") for ln in lines[1:] if ln)}
    if b"content-length" not in headers:
        raise ConnectionError("response without Content-Length")
    body = await reader.readexactly(int(headers[b"content-length"]))
    return status, body, headers.get(b"connection", b"").lower() == b"close"


async def _client(port: int, vocab: list[str], deadline: float, rng: random.Random, facets: str,
                  latencies: list[float], errors: Counter, reconnects: list[int], estimated: list[int]) -> None:
    # A bare asyncio keep-alive client: the load generator shares the 2 cores with the server,
    # so it must cost little (httpx spent ~1 ms of CPU per request, as much as a search).
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    closed = False
    try:
        while time.perf_counter() < deadline:
            params = {"q": " ".join(rng.choice(vocab) for _ in range(rng.choice((1, 1, 2, 3)))), "limit": 20}
            if rng.random() < 0.25:
                params["lang"] = rng.choice(("en", "ru", "zh"))
            if facets == "off":
                params["facets"] = "false"
            elif facets == "exact":
                params["exact_facets"] = "true"
            path = "/api/v1/search?" + urlencode(params)
            t0 = time.perf_counter()
            try:
                if closed:        # the server said Connection: close: reconnecting is part of this request
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    reconnects[0] += 1
                status, body, closed = await _request(reader, writer, path)
                if status != 200:
                    errors[f"HTTP {status}"] += 1
                    continue
                # a JSON answer (orjson: the load generator shares the cores)
                if orjson.loads(body).get("facet_sample") is not None:
                    estimated[0] += 1
            except (OSError, asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
                errors[type(exc).__name__] += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                closed = False
                continue
            latencies.append((time.perf_counter() - t0) * 1000)
    finally:
        writer.close()


def group_cpu_seconds(pgid: int) -> float:
    """CPU seconds (user + system) of every live process in a process group (the server's workers)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


async def load(port: int, vocab: list[str], clients: int, duration: float, seed: int, facets: str,
               server_pgid: int | None = None) -> dict:
    latencies: list[float] = []
    errors: Counter = Counter()
    # warm-up: every worker opens its index and reader once
    await asyncio.gather(*(_client(port, vocab, time.perf_counter() + 2, random.Random(seed + 1000 + i), facets, [],
                                   Counter(), [0], [0]) for i in range(min(clients, 8))))
    reconnects, estimated = [0], [0]
    server_cpu0 = group_cpu_seconds(server_pgid) if server_pgid and Path("/proc").is_dir() else None
    client_cpu0 = time.process_time()
    t0 = time.perf_counter()
    deadline = t0 + duration
    await asyncio.gather(*(_client(port, vocab, deadline, random.Random(seed + i), facets, latencies, errors,
                                   reconnects, estimated) for i in range(clients)))
    elapsed = time.perf_counter() - t0
    n = max(1, len(latencies) + sum(errors.values()))
    cpu = {"client_cpu_ms_per_request": round((time.process_time() - client_cpu0) * 1000 / n, 2)}
    if server_cpu0 is not None:
        cpu["server_cpu_ms_per_request"] = round((group_cpu_seconds(server_pgid) - server_cpu0) * 1000 / n, 2)
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    return {"requests": len(latencies), "errors": sum(errors.values()), "error_kinds": dict(errors),
            "reconnects": reconnects[0],
            "facets_estimated_share": round(estimated[0] / max(1, len(latencies)), 3),
            "seconds": round(elapsed, 1), "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(max(latencies), 1) if latencies else None, **cpu,
            "load_average_after": round(os.getloadavg()[0], 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles in the store")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    ap.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)), help="uvicorn processes")
    ap.add_argument("--no-facets", action="store_true", help="ranked hits only (facets=false)")
    ap.add_argument("--exact-facets", action="store_true",
                    help="every match counted (exact_facets=true), not estimated beyond 10,000 matches")
    ap.add_argument("--reindex", action="store_true",
                    help="serve the index as `newsbridge reindex` leaves it (rebuilt from the store: one segment "
                         "at 100k) instead of as adding in batches left it (several segments)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="bench/out/api-load")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db, vocab, segments = build_store(out, args.n, args.seed, args.reindex)
    port = free_port()
    proc = start_server(db, port, args.workers)
    try:
        facets = "off" if args.no_facets else "exact" if args.exact_facets else "estimated"
        res = asyncio.run(load(port, vocab, args.clients, args.duration, args.seed, facets, server_pgid=proc.pid))
    finally:
        stop_server(proc)
    res = {"articles": args.n, "clients": args.clients, "workers": args.workers, "facets": facets,
           "index_segments": segments, "cpus": os.cpu_count(), **res, "target_p95_ms": 100,
           "meets_target": res["p95_ms"] <= 100 and res["errors"] == 0}
    name = "api-load" + {"off": "-no-facets", "exact": "-exact-facets"}.get(facets, "") + ("-reindexed" if args.reindex else "")
    (out / f"{name}.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(f"{res['articles']} articles ({segments} index segments), {res['clients']} clients, "
          f"{res['workers']} workers, facets {res['facets']} (estimated in {res['facets_estimated_share']:.0%} of answers): "
          f"{res['requests']} requests in {res['seconds']} s = {res['rps']} req/s; "
          f"p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, p99 {res['p99_ms']} ms; errors {res['errors']}, "
          f"reconnects asked by the server {res['reconnects']}; "
          f"CPU per request: server {res.get('server_cpu_ms_per_request')} ms, load generator "
          f"{res['client_cpu_ms_per_request']} ms; load average after {res['load_average_after']}")
    return 0 if res["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
