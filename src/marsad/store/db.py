"""The store: SQLite (one file, WAL) or PostgreSQL (a `postgresql://` URL), one connection,
explicit transactions, migrated on open. Both answer through `store.conn` with sqlite3's
interface (see marsad.store.pg for how PostgreSQL does)."""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from marsad.documents import Document, content_hash
from marsad.errors import StoreError
from marsad.store import pg
from marsad.store.migrate import MIGRATIONS_DIR, migrate, schema_version
from marsad.store.pg import is_url

DEFAULT_DB = "marsad.db"
DOC_COLUMNS = ("doc_id", "url", "source", "published", "title", "text", "lang", "is_arabic",
               "content_hash", "near_dup_of", "path", "ingested_at", "meta")


def default_db_path() -> str:
    """`MARSAD_DB` if set, else ./marsad.db."""
    return os.environ.get("MARSAD_DB") or DEFAULT_DB


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """marsad's database. Opening it applies any pending migration (an older file is upgraded)."""

    def __init__(self, path: str | Path | None = None, *, migrations_dir: Path = MIGRATIONS_DIR) -> None:
        self.path = str(path or default_db_path())
        if is_url(self.path):
            self._open_pg(migrations_dir)
            return
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrated = migrate(self.conn, migrations_dir)
        except (sqlite3.Error, StoreError) as exc:
            self.conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc

    def _open_pg(self, migrations_dir: Path) -> None:
        self.conn = pg.connect(self.path)  # type: ignore[assignment]  # duck-types sqlite3.Connection
        try:
            self.migrated = migrate(self.conn, migrations_dir)
        except (sqlite3.Error, StoreError) as exc:
            self.conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{pg.redact(self.path)}: cannot open the database ({exc})") from exc

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return getattr(self.conn, "dialect", "sqlite")

    # -- lifecycle ---------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def exclusive(self, name: str, timeout: float | None = None) -> Iterator[None]:
        """Hold the database's lock called ``name`` ("ingest", "extract") for a whole run, so two
        runs of one kind on one database go one after the other and give the sequential result.

        An advisory lock on a file beside the database (released by the kernel however the holder
        ends, `kill -9` included); the database file itself is never opened twice, since closing a
        second descriptor would drop SQLite's own locks. ``timeout`` (seconds) raises StoreError
        when another run holds the lock that long; None waits as long as it takes.
        """
        if self.path == ":memory:" or self.path.startswith("file:"):
            yield
            return
        if self.dialect == "postgresql":
            yield from self._pg_exclusive(name, timeout)
            return
        import fcntl
        import time

        lock_path = f"{self.path}-{name}.lock"
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"{lock_path}: cannot create the {name} lock ({exc.strerror or exc})") from exc
        try:
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | (fcntl.LOCK_NB if deadline is not None else 0))
                    break
                except BlockingIOError:
                    if deadline is None or time.monotonic() >= deadline:   # (only LOCK_NB raises)
                        raise StoreError(f"{self.path}: another {name} is running on this database") from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)      # releases the lock

    def _pg_exclusive(self, name: str, timeout: float | None) -> Iterator[None]:
        """PostgreSQL: a session advisory lock named after the schema and ``name`` (released by the
        server however the holder ends)."""
        import time

        key = "hashtext(current_schema() || ':' || ?)"
        if timeout is None:
            self.conn.execute(f"SELECT pg_advisory_lock({key})", (name,))
        else:
            deadline = time.monotonic() + timeout
            while not self.conn.execute(f"SELECT pg_try_advisory_lock({key})", (name,)).fetchone()[0]:
                if time.monotonic() >= deadline:
                    raise StoreError(f"{pg.redact(self.path)}: another {name} is running on this database")
                time.sleep(0.05)
        try:
            yield
        finally:
            self.conn.execute(f"SELECT pg_advisory_unlock({key})", (name,))

    # -- documents ---------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone() is not None

    def insert_document(self, doc: Document, *, is_arabic: bool, path: str | None,
                        near_dup_of: str | None = None, signature: bytes | None = None) -> None:
        """Insert one document (inside the caller's transaction)."""
        row = (doc.doc_id, doc.url, doc.source, doc.published, doc.title, doc.text, doc.lang,
               int(is_arabic), content_hash(doc.text), near_dup_of, path, now_utc(),
               json.dumps(doc.meta, ensure_ascii=False))
        self.conn.execute(f"INSERT INTO documents({','.join(DOC_COLUMNS)}) "
                          f"VALUES ({','.join('?' * len(DOC_COLUMNS))})", row)
        if signature is not None:
            self.conn.execute("INSERT INTO document_minhash(doc_id, signature) VALUES (?, ?)",
                              (doc.doc_id, signature))

    def signatures(self) -> Iterator[tuple[str, str | None, bytes]]:
        """(doc_id, near_dup_of, signature) of every stored document, oldest first."""
        yield from self.conn.execute(
            "SELECT d.doc_id, d.near_dup_of, m.signature FROM documents d "
            "JOIN document_minhash m USING(doc_id) ORDER BY d.rowid")

    def get_document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return row_to_document(row) if row else None

    def documents(self, doc_ids: Iterable[str]) -> Iterator[Document]:
        for doc_id in doc_ids:
            doc = self.get_document(doc_id)
            if doc is not None:
                yield doc


def row_to_document(row: sqlite3.Row) -> Document:
    meta = json.loads(row["meta"]) if row["meta"] else {}
    return Document(doc_id=row["doc_id"], text=row["text"], title=row["title"], url=row["url"],
                    source=row["source"], published=row["published"], lang=row["lang"], meta=meta)
