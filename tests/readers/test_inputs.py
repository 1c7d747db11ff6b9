"""Paths, directories and stdin: order, dispatch by extension, missing and unreadable inputs, never raising."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdb.errors import InputError
from claimdb.readers import Document, count_inputs, read_inputs


def locations(items: list[Document | InputError]) -> list[str]:
    return [item.location for item in items]


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text(" date 2022-01-01\nA\n\nBody a.\n")
    (root / "b" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "Body c1."}) + "\n" + json.dumps({"id": "c2", "text": "Body c2."}) + "\n"
    )
    (root / "b" / "d.notes").write_text("Body d.")
    (root / ".hidden.txt").write_text("never read")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("never read")
    (root / "claims.json").write_text("{}")


def test_directory_is_walked_sorted_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    assert locations(items) == [
        f"{tmp_path}/a.txt",
        f"{tmp_path}/b/c.jsonl:1",
        f"{tmp_path}/b/c.jsonl:2",
        f"{tmp_path}/b/d.notes",
        f"{tmp_path}/claims.json",
    ]
    assert [type(item) for item in items] == [Document] * 4 + [InputError]
    assert count_inputs([str(tmp_path)]) == 4


def test_paths_keep_the_order_given_and_missing_paths_are_errors(tmp_path: Path) -> None:
    make_tree(tmp_path)
    missing = tmp_path / "nope.txt"
    items = list(read_inputs([str(tmp_path / "b" / "d.notes"), str(missing), str(tmp_path / "a.txt")]))
    assert locations(items) == [f"{tmp_path}/b/d.notes", str(missing), f"{tmp_path}/a.txt"]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.problem == "no such file or directory"
    assert count_inputs([str(missing), "-"]) == 2


def test_symlink_loop_and_broken_link_are_errors_not_hangs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "article.txt").write_text("Body.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "sub" / "self", tmp_path / "sub" / "self")
    os.symlink(tmp_path / "gone", tmp_path / "sub" / "zbroken")
    items = list(read_inputs([str(tmp_path)]))
    by_location = {item.location: item for item in items}
    assert isinstance(by_location[f"{tmp_path}/sub/article.txt"], Document)
    assert "loop" in by_location[f"{tmp_path}/sub/loop"].problem  # type: ignore[union-attr]
    assert "loop" in by_location[f"{tmp_path}/sub/self"].problem  # type: ignore[union-attr]
    assert by_location[f"{tmp_path}/sub/zbroken"].problem == "broken symbolic link"  # type: ignore[union-attr]
    assert len(items) == 4


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Body.")
    path.chmod(0)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert error.problem == "permission denied"


def test_stdin_text_article() -> None:
    stdin = io.StringIO(" date 2022-10-07\u00a0\nTitle\n\nBody from a pipe.\n")
    [document] = list(read_inputs(["-"], stdin=stdin))
    assert document == Document(
        text="Body from a pipe.\n", location="<stdin>", title="Title", published_on=date(2022, 10, 7)
    )


def test_stdin_jsonl_is_sniffed_from_the_first_brace() -> None:
    lines = ["", json.dumps({"id": "s1", "text": "One."}), "not json", json.dumps({"id": "s2", "text": "Two."})]
    items = list(read_inputs(["-"], stdin=io.StringIO("\n".join(lines))))
    assert locations(items) == ["<stdin>:2", "<stdin>:3", "<stdin>:4"]
    assert isinstance(items[1], InputError)


def test_stdin_bytes_through_buffer() -> None:
    raw = io.BytesIO(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": "Caf\u00e9."}).encode() + b"\n")
    stdin = io.TextIOWrapper(raw, encoding="utf-8")
    [document] = list(read_inputs(["-"], stdin=stdin))
    assert isinstance(document, Document)
    assert document.text == "Caf\u00e9."


def test_empty_stdin() -> None:
    [error] = list(read_inputs(["-"], stdin=io.StringIO("")))
    assert isinstance(error, InputError)
    assert error.location == "<stdin>"


EXTENSIONS = [".txt", ".jsonl", ".ndjson", ".md", "", ".html", ".json", ".TXT"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000), extension=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_never_raise(tmp_path: Path, content: bytes, extension: str) -> None:
    path = tmp_path / f"input{extension}"
    path.write_bytes(content)
    items = list(read_inputs([str(path)]))
    assert items
    for item in items:
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert item.location.startswith(str(path))
            assert "please report" not in item.problem  # a reader bug, caught by the last-resort handler
        else:
            assert item.text.strip()
            assert "\x00" not in item.text
            item.text.encode("utf-8")  # storable: no lone surrogates
            assert item.content_sha256


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=60),
            st.dictionaries(
                st.sampled_from(["id", "title", "url", "source", "published_at", "text", "x"]),
                st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30)),
            ).map(json.dumps),
        ),
        max_size=8,
    )
)
def test_arbitrary_jsonl_on_stdin_never_raises(lines: list[str]) -> None:
    text = "{}\n" + "\n".join(lines)
    items = list(read_inputs(["-"], stdin=io.StringIO(text)))
    assert items
    for item in items:
        assert isinstance(item, Document | InputError)
        assert item.location.startswith("<stdin>")
        if isinstance(item, InputError):
            assert "please report" not in item.problem


@pytest.mark.slow
def test_very_deep_directories_do_not_exhaust_recursion(tmp_path: Path) -> None:
    depth = 1100  # deeper than Python's default recursion limit
    chain = [tmp_path / "deep"]
    for _ in range(depth):
        chain.append(chain[-1] / "d")
    for directory in chain:  # os.makedirs and shutil.rmtree recurse, so build and remove by hand
        directory.mkdir()
    article = chain[-1] / "article.txt"
    article.write_text("Body.")
    try:
        [document] = list(read_inputs([str(tmp_path)]))
        assert isinstance(document, Document)
        assert document.location == str(article)
    finally:
        article.unlink()
        for directory in reversed(chain):
            directory.rmdir()
