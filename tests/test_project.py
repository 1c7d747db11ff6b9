"""Promises the README makes about the project itself."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    test_command = next(command for command in commands if "pytest" in command)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f'TEST_COMMAND="{test_command}"' in ci


def test_sample_article_is_in_seeds() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert seeds and seeds[0].read_text(encoding="utf-8").startswith(" date 2022-10-07")
