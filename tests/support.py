"""Paths and service checks shared by the tests (import from here, not from conftest)."""
from __future__ import annotations

import os
import socket
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


def analyzed_doc(text: str, lang: str):
    """The document after clean, metadata and analyze on ``text``."""
    from newsbridge.model import Document
    from newsbridge.pipeline import apply
    return apply(Document(id="t", text=text, language=lang), ["clean", "metadata", "analyze"])


def analyzed(text: str, lang: str, layer: str) -> dict[str, dict]:
    """The spans of ``layer`` after clean, metadata and analyze on ``text``: name -> attributes."""
    return {s.attrs["name"]: s.attrs for s in analyzed_doc(text, lang).layer(layer)}


def quote_texts(text: str, lang: str) -> list[str]:
    """The quoted words the analyzers find in ``text``, in order."""
    doc = analyzed_doc(text, lang)
    return [doc.span_text(q) for q in doc.layer("quotes")]
