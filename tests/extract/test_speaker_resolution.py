"""Who speaks in multi-sentence news copy: names found once, then surnames, pronouns and descriptions."""

from __future__ import annotations

import time

from extractcases import PUB

from claimdb.extract import extract_statements
from claimdb.extract.speakers import ArticleContext


def test_a_long_capitalised_token_is_read_in_linear_time() -> None:
    # each start inside the token used to read to its end and back: 200,000 capitals took minutes
    text = "A" * 200_000 + ". Ann Lee said the plan failed. " + "Ab-" * 60_000 + ". Tom Brandt said it had worked."
    started = time.process_time()
    statements = extract_statements(text, PUB)
    assert time.process_time() - started < 5
    assert [s.speaker.name for s in statements] == ["Ann Lee", "Tom Brandt"]


def test_a_name_run_starts_a_word() -> None:
    text = "The anti-Donald Trump group met O'Brien Smith. ''Hillary Clinton will win,'' he said."
    context = ArticleContext.scan(text)
    assert [p.name for p in context.persons] == ["O'Brien Smith", "Hillary Clinton"]
