"""The one schema both backends share (SQLAlchemy Core)."""
from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Column, Float, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text)

metadata = MetaData()

# Original bytes, content-addressed (zlib-compressed): nothing ingested is ever lost.
blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", String(32), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(40), primary_key=True),
    Column("raw_sha256", String(64), index=True),
    Column("origin", Text),
    Column("url", Text),
    Column("media_type", String(64)),
    Column("title", Text),
    Column("language", String(8)),
    Column("published", String(32)),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("body_hash", String(64)),
    Column("meta", JSON),
    Column("stages", JSON),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_documents_language", "language"),
    Index("ix_documents_source", "source"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_url", "url"),
    Index("ix_documents_body_hash", "body_hash"),
)

# Every place a document was seen (the same bytes from two paths are one document, two origins).
origins = Table(
    "origins", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("origin", Text, primary_key=True),
    Column("seen_at", String(32), nullable=False),
)

annotations = Table(
    "annotations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(40), nullable=False),
    Column("layer", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label", Text),
    Column("attrs", JSON),
    Index("ix_annotations_doc", "doc_id", "layer"),
    Index("ix_annotations_layer_label", "layer", "label"),
)

# Queryable facts per document: kind person|org|place|event_type|speaker, value normalised.
facets = Table(
    "facets", metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("value", String(300), primary_key=True),
    Column("display", Text),
    Index("ix_facets_kind_value", "kind", "value"),
)

links = Table(
    "links", metadata,
    Column("a", String(40), primary_key=True),
    Column("b", String(40), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("score", Float, nullable=False),
    Column("evidence", JSON),
    Column("created_at", String(32), nullable=False),
    Index("ix_links_b", "b"),
)

stories = Table(
    "stories", metadata,
    Column("story_id", String(40), primary_key=True),
    Column("doc_id", String(40), primary_key=True),
    Column("role", String(16), nullable=False),      # origin | reprint | translation | same_story | duplicate
    Column("parent", String(40)),                   # the article it derives from, when known
    Column("position", Integer, nullable=False),
    Column("evidence", JSON),
    Index("ix_stories_doc", "doc_id"),
)

entities = Table(
    "entities", metadata,
    Column("key", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("aliases", JSON),
    Column("attrs", JSON),
)

entity_mentions = Table(
    "entity_mentions", metadata,
    Column("entity_key", String(200), primary_key=True),
    Column("doc_id", String(40), primary_key=True),
    Column("name", String(300), primary_key=True),
    Column("language", String(8)),
    Column("score", Float),
    Index("ix_entity_mentions_doc", "doc_id"),
)

ingest_errors = Table(
    "ingest_errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", String(32), primary_key=True),
    Column("outlet", Text, nullable=False),
    Column("key_hash", String(128), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
    Column("scopes", JSON),
)

feed_state = Table(
    "feed_state", metadata,
    Column("feed_url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(32)),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_poll_at", String(32)),
)
