"""drop four indexes that repeat the leading column of a unique constraint

Each of these columns already leads a unique constraint's index, which serves the same look-ups (and the
cascading deletes of the foreign key). A redundant index costs one more B-tree insert per row, at a random
position for `claim_links.claim_a_id`, and that cost grows with the archive:

- claim_links.claim_a_id      (unique claim_a_id, claim_b_id)
- statements.document_id      (unique document_id, char_start, char_end)
- claimant_aliases.claimant_id (unique claimant_id, normalized_alias)
- claimant_roles.claimant_id  (unique claimant_id, title, affiliation)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_claim_links_claim_a_id", "claim_links", "claim_a_id"),
    ("ix_statements_document_id", "statements", "document_id"),
    ("ix_claimant_aliases_claimant_id", "claimant_aliases", "claimant_id"),
    ("ix_claimant_roles_claimant_id", "claimant_roles", "claimant_id"),
)


def upgrade() -> None:
    for name, table, _column in INDEXES:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])
