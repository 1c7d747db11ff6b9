"""A throw-away PostgreSQL server for the test suite: initdb + pg_ctl in a temporary directory.

When the tests run as root (CI containers, this sandbox) the server runs as the `postgres` user, because
PostgreSQL refuses to run as root. It listens on 127.0.0.1 on a free port and on a private socket directory,
trusts every local connection, and runs with fsync off: the data is disposable.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

SERVER_USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL binaries (or the user to run them as) are not on this machine."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: PATH first, then `pg_config --bindir`, then Debian's layout."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    candidates: list[str] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(result.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    raise PostgresUnavailable("initdb/pg_ctl not found on PATH, via pg_config, or in /usr/lib/postgresql/*/bin")


def _version_key(path: str) -> int:
    version = Path(path).parent.name
    return int(version) if version.isdigit() else 0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One running server. Use `start()` then `stop()` (stop is safe to call twice)."""

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.as_other_user = os.geteuid() == 0
        if self.as_other_user:
            try:
                self._user = pwd.getpwnam(SERVER_USER)
            except KeyError:
                raise PostgresUnavailable(f"running as root but there is no {SERVER_USER!r} user") from None
        self.base = Path(tempfile.mkdtemp(prefix="claimdb-pg-"))
        self.data_dir = self.base / "data"
        self.socket_dir = self.base / "socket"
        self.log_file = self.base / "server.log"
        self.port = 0
        self.running = False

    @property
    def admin_url(self) -> str:
        """SQLAlchemy URL of the maintenance database, as the superuser."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        """SQLAlchemy URL of another database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    @property
    def conninfo(self) -> str:
        """libpq connection string of the maintenance database (for psycopg directly)."""
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def start(self, attempts: int = 3) -> PostgresServer:
        """initdb and start the server; retries with another port if the chosen one was taken meanwhile."""
        self.socket_dir.mkdir()
        if self.as_other_user:
            os.chown(self.base, self._user.pw_uid, self._user.pw_gid)
            os.chown(self.socket_dir, self._user.pw_uid, self._user.pw_gid)
        self._run(
            "initdb",
            "-D", str(self.data_dir),
            "-U", "postgres",
            "-A", "trust",
            "-E", "UTF8",
            "--lc-collate=C",  # deterministic, fast ordering
            f"--lc-ctype={_utf8_ctype()}",  # lower() and pg_trgm must understand non-ASCII letters
            "--no-sync",
        )  # fmt: skip
        for attempt in range(attempts):
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200 -c shared_buffers=64MB"
            )
            result = self._run(
                "pg_ctl", "start", "-D", str(self.data_dir), "-w", "-t", "30",
                "-l", str(self.log_file), "-o", options,
                check=False,
            )  # fmt: skip
            if result.returncode == 0:
                self.running = True
                return self
            if attempt == attempts - 1:
                raise RuntimeError(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n{self.log_tail()}")
        return self

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its directory."""
        try:
            if self.running:
                self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30", check=False)
                self.running = False
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        """The end of the server log, for failure messages."""
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command: Sequence[str] = [str(self.bindir / program), *args]
        if self.as_other_user:
            command = _as_user(SERVER_USER, command)
        # cwd: the server user may not be allowed into the directory the tests were started from.
        result = subprocess.run(command, cwd=self.base, capture_output=True, text=True, check=False, env=_server_env())
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
        return result


def _as_user(user: str, command: Sequence[str]) -> list[str]:
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", user, "--", *command]
    quoted = " ".join(_shell_quote(part) for part in command)
    return ["su", user, "-s", "/bin/sh", "-c", quoted]


def _shell_quote(part: str) -> str:
    return "'" + part.replace("'", "'\"'\"'") + "'"


def _utf8_ctype() -> str:
    """C.UTF-8 where the C library has it (glibc >= 2.35 always does), else C."""
    if shutil.which("locale") is None:
        return "C.UTF-8"
    result = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    names = {name.lower().replace("-", "") for name in result.stdout.split()}
    return "C.UTF-8" if "c.utf8" in names else "C"


def _server_env() -> dict[str, str]:
    # Drop the caller's PG* settings and locale so initdb and pg_ctl behave the same everywhere.
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PG", "LC_", "LANG"))}
    env["LANG"] = "C"
    return env


def wait_until_accepting(conninfo: str, timeout: float = 10.0) -> None:
    """Block until the server accepts a connection (pg_ctl -w already waits; this guards slow machines)."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(conninfo, connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
