"""The schema diagram in docs/schema.md is generated from the models and must not drift from them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_schema_diagram_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "schema_diagram.py"), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_diagram_has_every_table_and_foreign_key() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from schema_diagram import mermaid_diagram
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from claimdb.db.models import Base

    diagram = mermaid_diagram()
    for table in Base.metadata.tables.values():
        assert f"    {table.name} {{" in diagram
        for column in table.columns:
            for foreign_key in column.foreign_keys:
                assert f"{foreign_key.column.table.name} " in diagram
                assert f'o{{ {table.name} : "{column.name}"' in diagram
    assert 'claims ||--o{ statements : "claim_id"' in diagram
    assert 'claimants |o--o{ claims : "claimant_id"' in diagram  # nullable: a claim may have no claimant
