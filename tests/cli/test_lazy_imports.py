"""Commands that never extract do not pay for compiling the extraction rules at start-up."""

from __future__ import annotations

import subprocess
import sys


def test_loading_the_cli_leaves_the_extraction_rules_unloaded() -> None:
    code = (
        "import sys, claimdb.cli, claimdb.extract; "
        "print(sorted(m for m in ('claimdb.extract.statements', 'claimdb.extract.figures') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_rules_load_on_first_extraction() -> None:
    code = (
        "import sys; from claimdb.extract import extract_statements; "
        "s = extract_statements('Ada Roy said the pier would reopen.'); "
        "print(len(s), 'claimdb.extract.statements' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1", "True"]
