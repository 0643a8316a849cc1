"""Linking state: per-document fingerprints and anchors, and the key index that finds candidates.

Revision ID: 0002
Revises: 0001

The linker (newsbridge.link) keeps what it needs to link a new article without re-reading
the corpus: a row per linked document (sampled shingle hashes, anchors, optional embedding)
and an inverted index from key hashes (sampled shingles, anchors) to documents, with a
document-frequency table so that keys shared by too many documents stop being indexed.
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_docs",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(40), nullable=False, unique=True),
        sa.Column("language", sa.String(8)),
        sa.Column("published", sa.String(32)),
        sa.Column("url", sa.Text),
        sa.Column("body_hash", sa.String(64)),
        sa.Column("n_shingles", sa.Integer, nullable=False),
        sa.Column("fp", sa.LargeBinary),
        sa.Column("anchors", sa.JSON),
        sa.Column("emb", sa.LargeBinary),
        sa.Column("info", sa.JSON),
    )
    op.create_index("ix_link_docs_body_hash", "link_docs", ["body_hash"])
    op.create_index("ix_link_docs_url", "link_docs", ["url"])
    op.create_table(
        "link_keys",
        sa.Column("h", sa.BigInteger, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
    )
    op.create_index("ix_link_keys_h", "link_keys", ["h"])
    op.create_index("ix_link_keys_seq", "link_keys", ["seq"])
    op.create_table(
        "link_key_df",
        sa.Column("h", sa.BigInteger, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_key_df")
    op.drop_table("link_keys")
    op.drop_table("link_docs")
