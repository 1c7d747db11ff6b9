"""SQLite blocking stems words through a per-process cache; it must give exactly what the FTS5 index stores."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from claimdb.db import claim_index

ENGINE = create_engine("sqlite://")

# Letters, digits, marks, punctuation, symbols and emoji from several scripts, including characters newer than
# the tokenizer's Unicode tables.
ALPHABET = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lo", "Mn", "Mc", "Nd", "No", "Po", "Pd", "Pi", "Pf", "Sm", "Sc", "So", "Zs", "Cf"),
)


def _index_stems(connection: Connection, text: str) -> list[str]:
    """Stems of `text` read back from a real FTS5 table with the index's tokenizer, in order."""
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.whole USING fts5(body, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.whole_vocab USING fts5vocab(temp, whole, 'instance')"
    )
    connection.exec_driver_sql("DELETE FROM temp.whole")
    connection.exec_driver_sql("INSERT INTO temp.whole(rowid, body) VALUES (1, ?)", (text,))
    return [row[0] for row in connection.exec_driver_sql('SELECT term FROM temp.whole_vocab ORDER BY "offset"')]


def test_cached_stems_equal_the_index_on_news_text() -> None:
    texts = [
        "The ministers’ “talks” were cancelled — again… for €3.5bn!",
        "Café naïve o\u0301le résumé, Ελληνικά, русский, 中文 and עברית",
        "Agencies denied it 🥶🏼 #NoWar @ministry_of_defence",
    ]
    with ENGINE.connect() as connection:
        for text in texts:
            assert claim_index._sqlite_stems(connection, [text])[0] == _index_stems(connection, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=40), min_size=1, max_size=4))
def test_cached_stems_equal_the_index_on_any_text(texts: list[str]) -> None:
    with ENGINE.connect() as connection:
        stems = claim_index._sqlite_stems(connection, texts)
        assert stems == [_index_stems(connection, text) for text in texts]
