"""Shared fixtures: paths to ../shared, temporary stores, a PostgreSQL database per test."""
from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "corpus"
PG_ADMIN = os.environ.get("NEWSBRIDGE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent (a user's fresh clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: evaluation data lives beside the repository, not in it")
    return p


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("data", "seeds")


def _pg_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def require_postgres() -> None:
    if _pg_reachable():
        return
    if os.environ.get("NEWSBRIDGE_REQUIRE_POSTGRES") == "1":
        pytest.fail("PostgreSQL is required here (NEWSBRIDGE_REQUIRE_POSTGRES=1) but 127.0.0.1:5432 is unreachable")
    pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432: service-backed test skipped")


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
