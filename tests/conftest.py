"""Shared fixtures: temporary stores and a PostgreSQL database per test."""
from __future__ import annotations

import uuid

import pytest

from support import PG_ADMIN, SAMPLES, SHARED, require_postgres, shared_path  # noqa: F401


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("data", "seeds")


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    require_postgres()
    import psycopg

    name = f"nb_test_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "store.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Both backends: the same contract runs against each."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield request.getfixturevalue("postgres_url")
