"""Property-based tests: readers never raise and never lose a line; the full ingest path keeps the database whole."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from dbcheck import counts, problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdb.db.engine import Database, open_database
from claimdb.errors import InputError
from claimdb.ingest import ingest
from claimdb.readers import read_inputs
from claimdb.readers.jsonl import parse_record, read_jsonl
from claimdb.readers.types import Document

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
field_values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40), json_values)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": field_values,
        "title": field_values,
        "url": field_values,
        "source": field_values,
        "published_at": st.one_of(field_values, st.dates().map(date.isoformat)),
        "text": st.one_of(field_values, st.text(min_size=1, max_size=300)),
    },
)


@settings(max_examples=300, deadline=None)
@given(records)
def test_any_json_object_becomes_a_document_or_one_error(record: dict) -> None:
    result = parse_record(json.dumps(record), "feed.jsonl:1")
    assert isinstance(result, Document | InputError)
    if isinstance(result, Document):
        assert result.text == record["text"]  # kept exactly: offsets index it
    else:
        assert result.location == "feed.jsonl:1"
        assert "\n" not in str(result)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200) | records.map(lambda r: json.dumps(r).encode()), max_size=12))
def test_jsonl_stream_of_anything_never_raises_and_accounts_for_every_line(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    items = list(read_jsonl(io.BytesIO(data), "feed.jsonl"))
    assert all(isinstance(item, Document | InputError) for item in items)
    assert items, "even an empty file gets one error"
    numbered = [item.location.rsplit(":", 1)[1] for item in items if item.location != "feed.jsonl"]
    assert len(numbered) == len(set(numbered)), "a line was reported twice"
    assert len(items) <= max(1, len(lines))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=600), extension=st.sampled_from([".txt", ".jsonl", ".md", ""]))
def test_any_file_yields_items_and_never_raises(tmp_path: Path, content: bytes, extension: str) -> None:
    path = tmp_path / f"input{extension}"
    path.write_bytes(content)
    items = list(read_inputs([str(path)]))
    assert items
    assert all(isinstance(item, Document | InputError) for item in items)


# ---- the full path: read -> extract -> store -> match --------------------------------------------------------

_names = st.sampled_from(["Oleksiy Reznikov", "Volodymyr Zelensky", "the Kremlin", "Natalia Gumeniuk", "Anna Berg"])
_titles = st.sampled_from(["Defence Minister", "President", "spokeswoman", ""])
_claims = st.sampled_from(
    [
        "we have annexed around 20% of Ukraine",
        "we have not annexed any part of Ukraine",
        "more than 500 square kilometres have been liberated",
        "600 square kilometres have been liberated",
        "Ukrainian soldiers do not need Russian lands",
        "the tribunal will judge those who gave criminal orders",
    ]
)
_noise = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"), max_size=60
)


@st.composite
def articles(draw: st.DrawFn) -> Document:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        form = draw(st.integers(0, 3))
        speaker = (draw(_titles) + " " + draw(_names)).strip()
        claim = draw(_claims)
        if form == 0:
            paragraphs.append(f"\u201c{claim[:1].upper() + claim[1:]},\u201d {speaker} said.")
        elif form == 1:
            paragraphs.append(f"{speaker} told reporters on Friday that {claim}.")
        elif form == 2:
            paragraphs.append(f'{speaker} said that "{claim}," and {draw(_noise)}')
        else:
            paragraphs.append(draw(_noise) + " " + claim)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        text = "Nothing was said."
    return Document(
        text=text,
        location="generated",
        title=draw(st.none() | _noise),
        published_on=draw(st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
        source=draw(st.none() | st.sampled_from(["Reuters", "AP"])),
    )


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('props')}/props.db")
    yield database
    database.dispose()


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(articles(), min_size=1, max_size=4))
def test_ingest_of_any_articles_keeps_the_database_whole(shared_database: Database, batch: list[Document]) -> None:
    url = shared_database.url
    before = counts(url)
    summary = ingest(shared_database, batch)
    assert summary.errors == []
    distinct = len({document.content_sha256 for document in batch})
    assert summary.documents_new + summary.documents_unchanged == len(batch)
    after = counts(url)
    assert after["documents"] - before["documents"] == summary.documents_new <= distinct
    assert after["statements"] - before["statements"] == summary.statements
    assert problems(url) == []
    # Ingesting the same batch again is a no-op.
    again = ingest(shared_database, batch)
    assert again.documents_new == 0 and again.documents_unchanged == len(batch)
    assert counts(url) == after
