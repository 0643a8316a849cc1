"""The Typer application and its global options (shared by every command module)."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from ..settings import Settings, load_settings

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="newsbridge: multilingual news into an evidence-linked, searchable record.")
console = Console()
err_console = Console(stderr=True)


class _State:
    settings: Settings | None = None


state = _State()


@app.callback()
def _global(
    db: Optional[str] = typer.Option(None, "--db", envvar="NEWSBRIDGE_DB",
                                     help="Store: a SQLite path (default ./newsbridge.db) or a postgresql:// URL."),
    index: Optional[str] = typer.Option(None, "--index", envvar="NEWSBRIDGE_INDEX_PATH",
                                        help="Search index folder (default: beside the SQLite file)."),
    config: Optional[str] = typer.Option(None, "--config", help="Settings file (TOML)."),
) -> None:
    state.settings = load_settings(config, db=db, index_path=index)


def settings() -> Settings:
    return state.settings or load_settings()
