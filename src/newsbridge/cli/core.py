"""Core commands: ingest, search, show, export, extract, reindex, stats."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..pipeline import DEFAULT_STAGES, EXTRACT_STAGES
from .app import app, console, err_console, settings


def _workspace():
    from ..workspace import Workspace
    return Workspace(settings())


def _count_inputs(paths: list[str]) -> int | None:
    from ..ingest.files import walk
    n = 0
    for entry in walk(paths):
        n += 1
        if n > 1_000_000:
            return None
    return n


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files and folders: .txt, .html, .jsonl, feeds, WARC."),
    no_analyze: bool = typer.Option(False, "--no-analyze", help="Only clean and metadata (fast); no entities, quotes, events."),
    no_link: bool = typer.Option(False, "--no-link", help="Do not link as articles arrive (bulk loads; run `newsbridge link` after)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest files and folders into the store (idempotent: the same bytes are stored once)."""
    stages = EXTRACT_STAGES if no_analyze else DEFAULT_STAGES
    total = _count_inputs(paths)

    def on_error(msg: str) -> None:
        err_console.print(f"[red]error[/red]: {escape(msg)}", highlight=False, soft_wrap=True)

    with _workspace() as ws:
        if quiet or not sys.stderr.isatty():
            report = ws.ingest(paths, stages=stages, link=not no_link, on_error=on_error)
        else:
            with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          TextColumn("{task.description}"), console=err_console, transient=True) as bar:
                task = bar.add_task("", total=total)
                report = ws.ingest(paths, stages=stages, link=not no_link, on_error=on_error,
                                   on_progress=lambda o: bar.update(task, advance=1, description=Path(o).name[:40]))
        console.print(f"added {report.added}, already stored {report.skipped}, failed {len(report.errors)} "
                      f"(store: {ws.store.count()} articles)", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words or \"a phrase\"."),
    lang: Optional[str] = typer.Option(None, "--lang"),
    source: Optional[str] = typer.Option(None, "--source"),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
    person: Optional[str] = typer.Option(None, "--person"),
    org: Optional[str] = typer.Option(None, "--org"),
    place: Optional[str] = typer.Option(None, "--place"),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="meeting|forum|visit|agreement|video_conference|launch"),
    limit: int = typer.Option(10, "--limit"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Ranked search with highlighted snippets."""
    with _workspace() as ws:
        res = ws.search(query, lang=lang, source=source, since=since, until=until, person=person,
                        org=org, place=place, event_type=event_type, limit=limit)
        hits = list(res.hits)
        origins = {h.id: ws.store.origins(h.id) for h in hits}
    if as_json:
        out = res.to_dict()
        for h in out["hits"]:
            h["origins"] = origins[h["id"]]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not hits:
        console.print("no matches")
        return
    console.print(f"{res.total if res.total is not None else len(hits)} matches", highlight=False)
    for rank, h in enumerate(hits, 1):
        console.print(f"[bold]{rank}. {escape(h.title or '(no title)')}[/bold]  [dim]{h.id} · {h.language or '?'} · "
                      f"{h.published or 'undated'} · {escape(h.source or 'no source')}[/dim]", highlight=False)
        console.print(Text("   ").append_text(_rich_snippet(h)))
        console.print(f"   [dim]{escape(', '.join(origins[h.id]))}[/dim]", highlight=False)


def _rich_snippet(hit) -> Text:
    """The snippet with matched words in bold (the index gives their character ranges)."""
    t = Text(hit.snippet.replace("\n", " "))
    for a, b in hit.highlights:
        t.stylize("bold yellow", a, b)
    return t


@app.command()
def show(doc_id: str = typer.Argument(..., help="Article id (or a unique prefix of at least 6 characters)."),
         as_json: bool = typer.Option(False, "--json")) -> None:
    """An article with its metadata and annotation layers (evidence spans)."""
    with _workspace() as ws:
        doc = ws.show(doc_id)
        if doc is None:
            err_console.print(f"error: no article {doc_id!r}")
            raise typer.Exit(1)
        origins = ws.store.origins(doc.id)
        links = ws.store.links(doc.id)
    if as_json:
        d = doc.to_dict()
        d["body"] = doc.body
        d["origins"] = origins
        d["links"] = [{"a": l.a, "b": l.b, "kind": l.kind, "score": l.score} for l in links]
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    from .render import print_document
    print_document(console, doc, origins, links)


@app.command()
def export(fmt: str = typer.Option("jsonl", "--format", help="jsonl | csv | parquet | graphml (the cooperation network)"),
           out: Optional[Path] = typer.Option(None, "--out", help="File to write (default: standard output; required for parquet).")) -> None:
    """Every article with its metadata and layers, one line each."""
    from ..export.formats import FORMATS, export_row, write_csv, write_jsonl, write_parquet
    if fmt == "graphml":
        from ..api.views.common import Filters
        from ..api.views.network import build_graph
        from ..export.network import write_graphml
        with _workspace() as ws:
            nodes, edges, _ = build_graph(ws, Filters(), max_nodes=100_000)
        fh = out.open("w", encoding="utf-8") if out else sys.stdout
        try:
            write_graphml(nodes, edges, fh)
        finally:
            if out:
                fh.close()
        return
    if fmt not in FORMATS:
        err_console.print(f"error: unknown format {fmt!r} (choose {', '.join(FORMATS)})")
        raise typer.Exit(2)
    with _workspace() as ws:
        rows = (export_row(d, ws.store.origins(d.id)) for d in ws.store.iter_documents())
        if fmt == "parquet":
            if out is None:
                err_console.print("error: --out FILE is required for parquet")
                raise typer.Exit(2)
            n = write_parquet(rows, out)
        else:
            fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
            try:
                n = write_jsonl(rows, fh) if fmt == "jsonl" else write_csv(rows, fh)
            finally:
                if out:
                    fh.close()
    if out:
        err_console.print(f"wrote {n} articles to {out}")


@app.command()
def extract(files: List[Path] = typer.Argument(..., help="Input files (.txt, .html, .jsonl)."),
            out: Path = typer.Option(..., "--out", help="Folder for one JSON per input (gold schema)."),
            no_analyze: bool = typer.Option(False, "--no-analyze")) -> None:
    """Write DIR/<input stem>.json per input in the extraction schema, without touching the store."""
    from ..export.gold import to_gold
    from ..ingest.files import InputError
    from ..workspace import extract_file
    out.mkdir(parents=True, exist_ok=True)
    stages = EXTRACT_STAGES if no_analyze else DEFAULT_STAGES
    failed = 0
    for path in files:
        docs = []
        for result in extract_file(path, stages, settings().max_input_bytes):
            if isinstance(result, InputError):
                err_console.print(f"error: {escape(result.message)}", highlight=False, soft_wrap=True)
                failed += 1
            else:
                docs.append(result)
        if len(docs) == 1:
            (out / f"{path.stem}.json").write_text(json.dumps(to_gold(docs[0], path.stem), ensure_ascii=False, indent=2),
                                                   encoding="utf-8")
        else:  # a JSONL file holds several articles: one JSON per record
            for i, doc in enumerate(docs, 1):
                (out / f"{path.stem}.{i}.json").write_text(
                    json.dumps(to_gold(doc, f"{path.stem}.{i}"), ensure_ascii=False, indent=2), encoding="utf-8")
    if failed:
        raise typer.Exit(1)


@app.command()
def reindex() -> None:
    """Rebuild the search index from the store."""
    with _workspace() as ws:
        n = ws.reindex()
    console.print(f"indexed {n} articles")


@app.command()
def reanalyze() -> None:
    """Run the understanding stages again over every stored article (after an upgrade)."""
    with _workspace() as ws:
        n = ws.reanalyze()
    console.print(f"re-analysed {n} articles")


@app.command()
def stats(as_json: bool = typer.Option(False, "--json")) -> None:
    """A summary of the store: articles per language and source, top actors and events."""
    with _workspace() as ws:
        st = ws.store
        data = {
            "articles": st.count(),
            "languages": st.facet_counts_column("language"),
            "sources": st.facet_counts_column("source", limit=10),
            "persons": st.facet_counts("person", 10),
            "organizations": st.facet_counts("org", 10),
            "places": st.facet_counts("place", 10),
            "event_types": st.facet_counts("event_type", 10),
            "links": st.link_counts(),
        }
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{data['articles']} articles[/bold]")
    for key, label in (("languages", "language"), ("sources", "source"), ("persons", "person"),
                       ("organizations", "organization"), ("places", "place"), ("event_types", "event type"),
                       ("links", "link kind")):
        rows = data[key]
        if not rows:
            continue
        t = Table(title=None, show_header=True, header_style="bold")
        t.add_column(label)
        t.add_column("articles", justify="right")
        for name, n in rows:
            t.add_row(escape(str(name)), str(n))
        console.print(t)
