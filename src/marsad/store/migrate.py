"""Numbered SQL migrations (migrations/NNNN_name.sql), applied in order, each in its own
transaction, and recorded in `schema_migrations`. `PRAGMA user_version` mirrors the
highest applied number, so any SQLite tool can read the schema version."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from marsad.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([A-Za-z0-9_\-]+)\.sql$")

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations in a folder, by number; two files with one number is an error."""
    found: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version:04d}: {found[version].path.name}, {path.name}")
        found[version] = Migration(version, match.group(2), path)
    return [found[v] for v in sorted(found)]


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(_BOOKKEEPING)
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    sql = migration.path.read_text(encoding="utf-8")
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    record = ("INSERT INTO schema_migrations(version, name, applied_at) VALUES "
              f"({migration.version}, '{migration.name}', '{stamp}');")
    try:
        conn.executescript(f"BEGIN;\n{sql}\n;\n{record}\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"migration {migration.path.name} failed: {exc}") from exc


def migrate(conn: sqlite3.Connection, directory: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply every migration not yet recorded; returns the numbers applied now."""
    done = applied_versions(conn)
    applied = []
    for migration in discover(directory):
        if migration.version not in done:
            _apply(conn, migration)
            applied.append(migration.version)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0
