"""Storage: one schema, SQLite by default, PostgreSQL for scale."""
from .store import Store, engine_url

__all__ = ["Store", "engine_url"]
