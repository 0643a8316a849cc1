"""One settings object: packaged defaults, then a user file, then environment, then CLI flags."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_DB = "newsbridge.db"


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB                  # SQLite path or postgresql:// URL
    index_path: str | None = None         # search index folder; default: beside the store
    max_input_bytes: int = 50 * 1024 * 1024   # larger inputs are refused with a clear error
    allow_hosts: tuple[str, ...] = ()     # hosts the SSRF guard lets through (tests, intranets)
    read_key_required: bool = False       # whether API reads need a key
    rate_limit_per_minute: int = 120      # push API, per key
    extra: dict = field(default_factory=dict)

    @property
    def is_postgres(self) -> bool:
        return self.db.startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))

    @property
    def search_index_path(self) -> Path:
        if self.index_path:
            return Path(self.index_path)
        if self.is_postgres:
            return Path("newsbridge-index")
        return Path(self.db + ".index")


def load_settings(config_file: str | Path | None = None, **overrides) -> Settings:
    """Defaults < config file (TOML, [newsbridge] table or top level) < NEWSBRIDGE_* env < overrides."""
    values: dict = {}
    path = Path(config_file) if config_file else Path(os.environ.get("NEWSBRIDGE_CONFIG", "newsbridge.toml"))
    if path.is_file():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        values.update(data.get("newsbridge", data))
    known = {f.name: f for f in fields(Settings)}
    for name in known:
        env = os.environ.get(f"NEWSBRIDGE_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    clean = {}
    for k, v in values.items():
        if k not in known:
            continue
        default = getattr(Settings(), k)
        if isinstance(default, bool) and isinstance(v, str):
            v = v.lower() in ("1", "true", "yes", "on")
        elif isinstance(default, int) and not isinstance(default, bool) and isinstance(v, str):
            v = int(v)
        elif isinstance(default, tuple) and isinstance(v, str):
            v = tuple(h.strip() for h in v.split(",") if h.strip())
        elif isinstance(default, tuple):
            v = tuple(v)
        clean[k] = v
    return replace(Settings(), **clean)
