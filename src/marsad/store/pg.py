"""PostgreSQL behind the store's interface: a connection that speaks like sqlite3's.

Every module of marsad talks to the database through ``conn.execute(sql, params)`` with
SQLite's dialect (``?`` marks, ``INSERT OR IGNORE``, ``IS NOT`` between columns, ``COLLATE
NOCASE``). :class:`PgConnection` wraps a psycopg 3 connection and rewrites those few forms
into PostgreSQL's, so the analysis, the API and the exports run unchanged on either store.
Rows answer by position and by name (like ``sqlite3.Row``); errors are raised as the
``sqlite3`` exception classes the callers already catch (the psycopg error is chained).

The connection is in autocommit mode; ``BEGIN``/``COMMIT``/``ROLLBACK`` statements and
:meth:`commit`/:meth:`rollback` behave like sqlite3's with ``isolation_level=None``.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from marsad.errors import StoreError

URL_PREFIXES = ("postgresql://", "postgres://")

# Primary keys of the tables written with INSERT OR REPLACE (the upsert needs the conflict target).
PRIMARY_KEYS = {
    "documents": "doc_id", "document_minhash": "doc_id", "extractions": "doc_id", "events": "event_id",
    "claims": "claim_id", "incidents": "incident_id", "incident_events": "event_id",
    "incident_dirty": "event_id", "schema_migrations": "version",
}


def is_url(target) -> bool:
    """True for a PostgreSQL connection URL (``postgresql://...``)."""
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


def is_postgres(conn) -> bool:
    return isinstance(conn, PgConnection)


# -- SQL: SQLite's dialect -> PostgreSQL's ------------------------------------------------
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|\?|%|[^'\"?%-]+|-")
_OR_VERB = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?", re.I | re.S)
_IS_NOT = re.compile(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.I)
_NOCASE = re.compile(r"([\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.I)
_BEGIN = re.compile(r"^\s*BEGIN\s+(IMMEDIATE|DEFERRED|EXCLUSIVE)\b", re.I)
_TABLE_INFO = re.compile(r"^\s*PRAGMA\s+table_info\s*\(\s*['\"]?(\w+)['\"]?\s*\)\s*;?\s*$", re.I)
_DROP_TRIGGER = re.compile(r"^\s*DROP\s+TRIGGER\s+(IF\s+EXISTS\s+)?(\w+)\s*;?\s*$", re.I)


def _marks(sql: str) -> str:
    """``?`` -> ``%s`` and ``%`` -> ``%%`` outside string literals and comments."""
    out = []
    for tok in _TOKENS.findall(sql):
        if tok == "?":
            out.append("%s")
        elif tok == "%":
            out.append("%%")
        else:
            out.append(tok)
    return "".join(out)


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """One statement in SQLite's dialect, as PostgreSQL reads it."""
    sql = _BEGIN.sub("BEGIN", sql)
    sql = _NOCASE.sub(r"lower(\1) = lower(?)", sql)
    sql = _IS_NOT.sub("IS DISTINCT FROM ", sql)
    match = _OR_VERB.match(sql)
    if match:
        verb, table, cols = match.group(1).upper(), match.group(2), match.group(4)
        sql = f"INSERT INTO {table}{match.group(3) or ''} " + sql[match.end():].lstrip()
        sql = sql.rstrip().rstrip(";")
        key = PRIMARY_KEYS.get(table.lower())
        if verb == "IGNORE" or not cols or not key:
            sql += " ON CONFLICT DO NOTHING"
        else:
            names = [c.strip() for c in cols.split(",")]
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in names if c != key)
            sql += f" ON CONFLICT ({key}) DO UPDATE SET {sets}" if sets else " ON CONFLICT DO NOTHING"
    return _marks(sql)


def split_script(script: str) -> list[str]:
    """Statements of a SQL script; ``$$``-quoted bodies (functions) stay whole."""
    out, buf, i, n = [], [], 0, len(script)
    while i < n:
        if script.startswith("$$", i):
            j = script.find("$$", i + 2)
            j = n if j < 0 else j + 2
            buf.append(script[i:j])
            i = j
        elif script[i] == "'":
            j = i + 1
            while j < n and not (script[j] == "'" and not script.startswith("''", j)):
                j += 2 if script.startswith("''", j) else 1
            buf.append(script[i:j + 1])
            i = j + 1
        elif script.startswith("--", i):
            j = script.find("\n", i)
            i = n if j < 0 else j
        elif script[i] == ";":
            out.append("".join(buf))
            buf, i = [], i + 1
        else:
            buf.append(script[i])
            i += 1
    out.append("".join(buf))
    return [s.strip() for s in out if s.strip()]


# -- rows and cursors ----------------------------------------------------------------------
class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row."""

    _names: tuple[str, ...] = ()
    _index: dict[str, int]

    def __new__(cls, values: Sequence, names: tuple[str, ...], index: dict[str, int]):
        row = super().__new__(cls, values)
        row._names, row._index = names, index
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor):
    desc = cursor.description
    if desc is None:
        return lambda values: values
    names = tuple(d.name for d in desc)
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)
    return lambda values: Row(values, names, index)


class Cursor:
    """The part of sqlite3.Cursor marsad uses."""

    def __init__(self, cursor=None) -> None:
        self._cur = cursor

    @property
    def description(self):
        if self._cur is None or self._cur.description is None:
            return None
        return [(d.name, None, None, None, None, None, None) for d in self._cur.description]

    @property
    def rowcount(self) -> int:
        return -1 if self._cur is None else self._cur.rowcount

    def fetchone(self):
        if self._cur is None or self._cur.description is None:
            return None
        return self._cur.fetchone()

    def fetchall(self) -> list:
        if self._cur is None or self._cur.description is None:
            return []
        return self._cur.fetchall()

    def fetchmany(self, size: int = 1000) -> list:
        if self._cur is None or self._cur.description is None:
            return []
        return self._cur.fetchmany(size)

    def __iter__(self) -> Iterator:
        return iter(self.fetchall())

    def close(self) -> None:
        if self._cur is not None:
            self._cur.close()


def _as_sqlite_error(exc: Exception) -> sqlite3.Error:
    import psycopg

    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(str(exc))
    if isinstance(exc, (psycopg.OperationalError, psycopg.errors.UndefinedTable,
                        psycopg.errors.UndefinedColumn, psycopg.errors.UndefinedFunction)):
        return sqlite3.OperationalError(str(exc))
    if isinstance(exc, psycopg.ProgrammingError):
        return sqlite3.OperationalError(str(exc))
    return sqlite3.DatabaseError(str(exc))


class PgConnection:
    """A psycopg connection with sqlite3.Connection's methods (autocommit, explicit BEGIN)."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL ({exc})") from exc
        # no JIT compilation: the API's statements run in milliseconds to a second, and compiling
        # one (when the planner's estimate of its rows is high) cost ~0.5 s of a 1.9 s query at 1M events
        self._conn.execute("SET jit = off")
        self.row_factory = None          # accepted and ignored: rows are always Row

    # sqlite3.Connection's interface -----------------------------------------------------
    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._conn.pgconn.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence | None = None) -> Cursor:
        import psycopg

        if sql.lstrip().upper().startswith("PRAGMA"):
            info = _TABLE_INFO.match(sql)
            if not info:
                return Cursor()     # SQLite's settings have no meaning here
            sql, params = ("SELECT ordinal_position - 1 AS cid, column_name AS name, upper(data_type) AS type, "
                           "(is_nullable = 'NO')::int AS notnull, column_default AS dflt_value, 0 AS pk "
                           "FROM information_schema.columns WHERE table_schema = current_schema() "
                           "AND table_name = ? ORDER BY ordinal_position", (info.group(1),))
        drop = _DROP_TRIGGER.match(sql)
        if drop:   # PostgreSQL names the trigger's table
            row = self._conn.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                     "WHERE t.tgname = %s AND pg_table_is_visible(c.oid)", (drop.group(2),)).fetchone()
            if row is None and drop.group(1):
                return Cursor()
            sql = f"DROP TRIGGER {drop.group(1) or ''}{drop.group(2)} ON {row[0] if row else 'events'}"
        cur = self._conn.cursor()
        try:
            cur.execute(translate(sql), tuple(params) if params else None, prepare=False)
        except psycopg.Error as exc:
            self._recover()
            raise _as_sqlite_error(exc) from exc
        return Cursor(cur)

    def executemany(self, sql: str, seq: Iterable[Sequence]) -> Cursor:
        import psycopg

        rows = [tuple(r) for r in seq]
        cur = self._conn.cursor()
        if rows:
            try:
                cur.executemany(translate(sql), rows)
            except psycopg.Error as exc:
                self._recover()
                raise _as_sqlite_error(exc) from exc
        return Cursor(cur)

    def executescript(self, script: str) -> Cursor:
        for statement in split_script(script):
            self.execute(statement)
        return Cursor()

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
        """Bulk insert with COPY (the fast path for loading batch output)."""
        n = 0
        with self._conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        return n

    def commit(self) -> None:
        if self.in_transaction:
            self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._conn.execute("ROLLBACK")

    def create_function(self, *_args, **_kwargs) -> None:
        """Python functions cannot run inside PostgreSQL: the migrations define them in SQL."""

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PgConnection:
        if not self.in_transaction:
            self._conn.execute("BEGIN")
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def _recover(self) -> None:
        """After an error outside an explicit transaction nothing is left open; inside one,
        PostgreSQL refuses every further statement, so the caller's rollback is needed."""


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


class Pool:
    """Connections to one database kept open for the next request. The API opened a connection
    per request, i.e. a new server process each time (5-10 ms idle, far more when the cores are
    busy: /api/health took ~50 ms at a million events for a one-row query). A connection comes back
    clean: a transaction a request left open is rolled back; a broken one is dropped; at most
    `size` are kept idle (the others are closed)."""

    def __init__(self, url: str, size: int = 8) -> None:
        import threading

        self.url, self.size = url, size
        self._idle: list[PgConnection] = []
        self._lock = threading.Lock()

    def get(self) -> PgConnection:
        while True:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                return PgConnection(self.url)
            if not (conn._conn.closed or conn._conn.broken):
                return conn

    def put(self, conn: PgConnection) -> None:
        try:
            if conn._conn.closed or conn._conn.broken:
                return
            conn.rollback()
        except Exception:       # noqa: BLE001 -- unusable: not kept
            conn.close()
            return
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def connect(url: str) -> PgConnection:
    return PgConnection(url)
