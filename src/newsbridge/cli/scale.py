"""Scale commands: `run` (the pipeline on the local or the Ray engine) and `migrate` (store to store)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..pipeline import DEFAULT_STAGES, EXTRACT_STAGES
from .app import app, console, err_console, settings


@app.command()
def run(
    paths: List[str] = typer.Argument(..., help="Files and folders: .txt, .html, .jsonl, feeds, WARC."),
    engine: str = typer.Option("local", "--engine", help="local (one process) or ray (Ray Data actor pool)."),
    workers: int = typer.Option(2, "--workers", "-w", help="Ray actors (one model copy each)."),
    no_analyze: bool = typer.Option(False, "--no-analyze", help="Only clean and metadata; no entities, quotes, events."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Run the pipeline over inputs into the store, on this machine or on Ray (same results)."""
    from ..scale.runner import RunError, run_pipeline

    stages = EXTRACT_STAGES if no_analyze else DEFAULT_STAGES

    def on_error(msg: str) -> None:
        err_console.print(f"[red]error[/red]: {escape(msg)}", highlight=False)

    try:
        if quiet or not sys.stderr.isatty():
            rep = run_pipeline(paths, settings(), engine, workers, stages, on_error=on_error)
        else:
            with Progress(TextColumn(f"run ({engine})"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          TextColumn("{task.description}"), console=err_console, transient=True) as bar:
                task = bar.add_task("", total=None)
                rep = run_pipeline(paths, settings(), engine, workers, stages, on_error=on_error,
                                   on_progress=lambda o: bar.update(task, advance=1, description=Path(o).name[:40]))
    except RunError as exc:
        err_console.print(f"error: {exc}")
        raise typer.Exit(2)
    per_stage = ", ".join(f"{k} {v:.1f}s" for k, v in rep.stage_seconds.items())
    console.print(f"added {rep.added}, already stored {rep.skipped}, failed {len(rep.errors)} "
                  f"in {rep.seconds:.1f}s on {rep.engine}"
                  + (f" ({rep.workers} workers; worker time: {per_stage})" if rep.engine == "ray" else ""),
                  highlight=False)
    if rep.errors:
        raise typer.Exit(1)


@app.command()
def migrate(
    to: str = typer.Option(..., "--to", help="Target store: a postgresql:// URL (or a SQLite path)."),
    batch: int = typer.Option(1000, "--batch", help="Documents per COPY batch."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Copy the current store (--db) into another, checked by counts and checksums."""
    from ..store.pgbulk import MigrationError, migrate_store

    src = settings().db
    try:
        if quiet or not sys.stderr.isatty():
            res = migrate_store(src, to, batch=batch)
        else:
            with Progress(TextColumn("migrate"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err_console, transient=True) as bar:
                task = bar.add_task("", total=None)
                res = migrate_store(src, to, batch=batch,
                                    on_progress=lambda n, total: bar.update(task, completed=n, total=total))
    except MigrationError as exc:
        err_console.print(f"error: {exc}")
        raise typer.Exit(1)
    console.print(f"migrated {res.documents} articles, {res.blobs} originals, {res.links} links, "
                  f"{res.entities} entities in {res.seconds:.1f}s; checksum {res.checksum[:16]} matches",
                  highlight=False)
