"""Initial schema: documents, blobs, layers, facets, links, stories, entities, keys, feeds.

Revision ID: 0001
"""
from alembic import op

from newsbridge.store.schema import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The first revision is the schema module itself; later revisions use op.* changes.
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
