"""An unreachable, read-only, locked, full or bogus database gives one clear `Error:` line, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import assert_no_traceback, run_claimdb, write_corpus
from dbcheck import counts, problems
from typer.testing import CliRunner

from claimdb.cli import app


def _assert_clear_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert_no_traceback(result)
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors, result.stderr[-2000:]
    assert any(all(word in line.lower() for word in words) for line in errors), errors


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", [["stats"], ["search", "annexed"], ["ingest", "seeds"]])
def test_unreachable_postgresql(command: list[str]) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_free_port()}/claimdb"
    _assert_clear_error(run_claimdb([*command, "--db", url], timeout=60), "connect")


@pytest.mark.parametrize(
    "url",
    [
        "mysql://user@localhost/db",
        "postgresql+psycopg://postgres@no-such-host.invalid:5432/x",
        "sqlite:////proc/definitely/not/here.db",
        "nosuchdriver+foo://x",
    ],
)
def test_bogus_database_urls(url: str) -> None:
    result = run_claimdb(["stats", "--db", url], timeout=60)
    _assert_clear_error(result)


def test_database_path_that_is_a_directory_or_not_a_database(tmp_path: Path) -> None:
    _assert_clear_error(run_claimdb(["stats", "--db", str(tmp_path)]))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just text " * 200)
    _assert_clear_error(run_claimdb(["stats", "--db", str(junk)]))
    _assert_clear_error(run_claimdb(["ingest", "seeds", "--db", str(junk)]))
    assert junk.read_bytes().startswith(b"this is not a database")


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=False).returncode == 0
    )


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB filesystem (tmpfs; needs root), unmounted afterwards."""
    mount = tmp_path / "small"
    if not _mount_tmpfs(mount, "1m"):
        pytest.skip("needs root to mount a tiny tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_full_disk_is_a_clear_error_and_keeps_what_was_stored(small_disk: Path, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "big.jsonl", 400, seed=31)
    db = small_disk / "full.db"
    result = run_claimdb(["ingest", str(corpus), "--db", str(db), "-q"], timeout=600)
    _assert_clear_error(result, "full")
    url = f"sqlite:///{db}"
    assert problems(url) == []
    stored = counts(url)["documents"]
    assert 0 < stored < 400
    # Room again: the same command finishes the job.
    subprocess.run(["mount", "-o", "remount,size=200m", str(small_disk)], check=True)
    again = run_claimdb(["ingest", str(corpus), "--db", str(db), "-q"], timeout=900)
    assert again.returncode == 0, again.stderr[-2000:]
    assert counts(url)["documents"] == 400


def test_read_only_database(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    db = folder / "claimdb.db"
    mounted = _mount_tmpfs(folder, "20m")
    try:
        first = run_claimdb(["ingest", "seeds", "--db", str(db), "-q"])
        assert first.returncode == 0, first.stderr
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            db.chmod(0o444)
            folder.chmod(0o555)
        corpus = write_corpus(tmp_path / "more.jsonl", 3, seed=2)
        # SQLite says "unable to open" when WAL side files cannot be created; any clear line naming the file will do.
        refused = run_claimdb(["ingest", str(corpus), "--db", str(db)])
        _assert_clear_error(refused, "claimdb.db")
        # Reading a read-only archive either works or says why; it never crashes.
        search = run_claimdb(["search", "annexed", "--db", str(db)])
        assert_no_traceback(search)
        assert search.returncode in (0, 1)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_locked_database_waits_then_says_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real busy timeout is a minute; shorten it for this in-process run.
    import claimdb.db.engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    db = tmp_path / "locked.db"
    assert run_claimdb(["ingest", "seeds", "--db", str(db), "-q"]).returncode == 0
    corpus = write_corpus(tmp_path / "more.jsonl", 3, seed=2)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO sources(name) VALUES ('lock holder')")
        result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "locked" in result.stderr.lower()
    assert problems(f"sqlite:///{db}") == []
