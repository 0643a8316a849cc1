"""Linking: duplicates, reprints, versions, translations and stories with their provenance,
and one person across spellings and scripts.

    from newsbridge.link import on_ingest, relink
    on_ingest(store, docs)   # after each saved batch: links the new documents (incremental)
    relink(store)            # forget and rebuild every link, story and entity

Cost is linear in the corpus: candidates come from an inverted index of sampled shingles
and anchors with a document-frequency cap (never all pairs). State lives in the store
(tables ``link_docs``, ``link_keys``, ``link_key_df``; migration 0002), so linking resumes
after a restart.
"""
from __future__ import annotations

from .linker import on_ingest, relink

__all__ = ["on_ingest", "relink"]
