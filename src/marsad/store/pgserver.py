"""A throwaway PostgreSQL server from the distribution's binaries, for tests and benchmarks.

``TempServer().start()`` runs ``initdb`` in a temporary folder and ``pg_ctl start`` on a free
port of 127.0.0.1 (trust authentication, no fsync: nothing here is meant to survive), and
``stop()`` removes it. As root it runs the server as the ``postgres`` user (PostgreSQL refuses
to run as root). ``schema_url(url)`` makes an empty schema and returns a URL whose
connections use it, so many tests share one server without seeing each other's tables.

    python -m marsad.store.pgserver start DIR   # prints the URL; `stop DIR` ends it
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from marsad.errors import StoreError

SEARCH_PATH_EXTENSIONS = ("pg_trgm",)


def bin_dir() -> Path | None:
    """The folder of initdb/pg_ctl: $MARSAD_PG_BIN, Debian's /usr/lib/postgresql/N/bin, or PATH."""
    env = os.environ.get("MARSAD_PG_BIN")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).resolve().parent))
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres():
    """preexec_fn and owner for running the server as `postgres` when we are root."""
    if os.geteuid() != 0:
        return None, None
    import pwd

    try:
        pw = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise StoreError("running as root needs a `postgres` user to run the server") from exc

    def demote():
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    return demote, pw


class TempServer:
    def __init__(self, base: str | Path | None = None) -> None:
        self.base = Path(base) if base else Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        self.port = 0
        self.bin = bin_dir()

    @property
    def data(self) -> Path:
        return self.base / "data"

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        demote, _pw = _as_postgres()
        assert self.bin is not None    # start() checked it
        proc = subprocess.run([str(self.bin / args[0]), *args[1:]], preexec_fn=demote, cwd=self.base,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
        if proc.returncode != 0:
            raise StoreError(f"{args[0]} failed: {proc.stdout.strip()[-800:]}")

    def start(self) -> TempServer:
        if self.bin is None:
            raise StoreError("PostgreSQL's initdb/pg_ctl not found (Debian: apt-get install postgresql)")
        self.base.mkdir(parents=True, exist_ok=True)
        _demote, pw = _as_postgres()
        if pw is not None:
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "-N")
        for attempt in range(3):
            self.port = free_port()
            opts = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            try:
                self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.base / "log"), "-w",
                          "-t", "60", "start")
                break
            except StoreError:
                if attempt == 2:
                    raise
                time.sleep(0.5)
        self._prepare()
        (self.base / "url").write_text(self.url + "\n", encoding="utf-8")
        return self

    def _prepare(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            for ext in SEARCH_PATH_EXTENSIONS:
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {ext} SCHEMA public")

    def stop(self) -> None:
        if self.bin is not None and self.data.is_dir():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except (StoreError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.base, ignore_errors=True)


def schema_url(url: str, prefix: str = "t") -> str:
    """Create an empty schema on the server at `url`; a URL whose sessions use it (then public)."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={name},public')}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m marsad.store.pgserver start|stop DIR", file=sys.stderr)
        return 2
    base = Path(argv[1])
    if argv[0] == "start":
        print(TempServer(base).start().url)
        return 0
    server = TempServer(base)
    server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
