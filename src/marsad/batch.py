"""Batch extraction on Dask: partitions of reports in, Parquet out; and loading that output.

``run_batch(inputs, output)`` cuts the inputs into partitions (JSONL files by byte ranges of
``rows`` lines, Parquet files by row group, other report files in groups of ``rows`` files),
sends one task per partition to a Dask cluster (a ``LocalCluster`` of ``workers`` processes,
or the scheduler at ``scheduler``), and each task runs the pure per-document
``marsad.extract.extract_document`` on its reports and writes three Parquet files:

    OUTPUT/documents/<pid>.parquet   the report's fields, lang, version, result_json, error
    OUTPUT/events/<pid>.parquet      the events table's rows (marsad.store.extractions)
    OUTPUT/claims/<pid>.parquet      the claims table's rows
    OUTPUT/done/<pid>                written last: the partition is complete

Resumable: a partition whose ``done`` marker exists is skipped (same inputs, same partition
id), a failed task is retried by Dask (``retries``) and, if it still fails, reported and left
for the next run. Workers write OUTPUT themselves, so with a remote scheduler OUTPUT must be
a folder every worker sees.

``load_output(store, output)`` bulk-loads finished partitions into a store (SQLite or
PostgreSQL) in one transaction per partition, replacing each document's extraction like
``marsad extract`` does, then runs the after_extract hook (incidents). An output of at least
BULK_EVENTS events goes through marsad.store.bulk (on PostgreSQL: events and claims by COPY, the
derived tables' row triggers off; the summary and the ledger rebuilt once by the hook at the end
instead of a queue of every week and claim).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.documents import Document
from marsad.errors import InputError, UsageError

DEFAULT_ROWS = 1000
BULK_EVENTS = 50_000      # an output with this many events or more is loaded through marsad.store.bulk
DOC_FIELDS = ("doc_id", "url", "source", "published", "title", "text", "lang", "is_arabic", "meta",
              "version", "result_json", "error")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: kind 'jsonl' (bytes start..end), 'parquet' (row group
    `start`), or 'files' (a list of report files)."""

    kind: str
    path: str
    start: int = 0
    end: int = 0
    files: tuple[str, ...] = ()
    first_line: int = 1          # jsonl: the line number at `start` (for messages only)

    @property
    def pid(self) -> str:
        stat = [(f, os.path.getsize(f), int(os.path.getmtime(f))) for f in (self.files or (self.path,))]
        key = json.dumps([self.kind, self.start, self.end, stat])
        stem = Path(self.path).stem[:40].replace(" ", "_") or "part"
        return f"{stem}-{self.start:012d}-{hashlib.blake2b(key.encode(), digest_size=6).hexdigest()}"


@dataclass
class BatchReport:
    output: str
    version: str = ""
    partitions: int = 0
    skipped: int = 0             # finished in an earlier run
    done: int = 0
    documents: int = 0
    events: int = 0
    failed: list[InputError] = field(default_factory=list)     # partitions that failed after retries
    errors: list[InputError] = field(default_factory=list)     # unreadable inputs / documents

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors


# -- partitions ------------------------------------------------------------------------------
def _jsonl_ranges(path: Path, rows: int) -> Iterator[tuple[int, int, int]]:
    """(start byte, end byte, first line number) of runs of `rows` lines."""
    start, count, pos, line = 0, 0, 0, 1
    with path.open("rb") as fh:
        for raw in fh:
            pos += len(raw)
            count += 1
            if count == rows:
                yield start, pos, line
                start, line, count = pos, line + count, 0
    if pos > start:
        yield start, pos, line


def partitions(inputs: Iterable[str | Path], rows: int = DEFAULT_ROWS) -> tuple[list[Partition], list[InputError]]:
    from marsad.readers import iter_sources

    parts, errors, loose = [], [], []
    for source in iter_sources(inputs):
        if isinstance(source, InputError):
            errors.append(source)
            continue
        path = Path(source) if not isinstance(source, str) or not source.startswith("http") else None
        if path is None:
            errors.append(InputError(str(source), "batch reads files, not URLs (ingest feeds instead)"))
        elif path.suffix.lower() == ".jsonl":
            parts += [Partition("jsonl", str(path), a, b, first_line=n) for a, b, n in _jsonl_ranges(path, rows)]
        elif path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            try:
                groups = pq.ParquetFile(path).num_row_groups
            except Exception as exc:   # noqa: BLE001 - any unreadable file is one input error
                errors.append(InputError(str(path), f"unreadable Parquet ({exc})"))
                continue
            parts += [Partition("parquet", str(path), g, g + 1) for g in range(groups)]
        else:
            loose.append(str(path))
    for i in range(0, len(loose), rows):
        group = tuple(loose[i:i + rows])
        parts.append(Partition("files", group[0], i, i + len(group), group))
    return parts, errors


def _read(part: Partition) -> Iterator[Document | InputError]:
    from marsad.readers import read_source
    from marsad.readers.jsonfmt import from_record

    if part.kind == "jsonl":
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
        for i, raw in enumerate(data.splitlines()):
            if not raw.strip():
                continue
            where = f"{part.path}: line {part.first_line + i}"
            try:
                yield from_record(where, json.loads(raw.decode("utf-8")))
            except InputError as exc:
                yield exc
            except (ValueError, UnicodeDecodeError) as exc:
                yield InputError(where, f"malformed JSON ({exc})")
    elif part.kind == "parquet":
        import pyarrow.parquet as pq

        table = pq.ParquetFile(part.path).read_row_group(part.start)
        for i, record in enumerate(table.to_pylist()):
            try:
                yield from_record(f"{part.path}: row group {part.start} row {i}", record)
            except InputError as exc:
                yield exc
    else:
        for f in part.files:
            yield from read_source(f)


# -- the task --------------------------------------------------------------------------------
def _schema(kind: str):
    import pyarrow as pa

    from marsad.store.extractions import CLAIM_COLUMNS, EVENT_COLUMNS

    floats = {"lat", "lon", "value_low", "value_high"}
    ints = {"geo_precision", "fatalities", "injured", "arrested", "is_arabic"}
    cols = {"documents": DOC_FIELDS, "events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS}[kind]
    return pa.schema([(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string())
                      for c in cols])


def _num(value, kind):
    if value is None or isinstance(value, bool):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        return None


def _table(kind: str, rows: list[tuple]):
    import pyarrow as pa

    schema = _schema(kind)
    fixed = []
    for row in rows:
        out = []
        for f, v in zip(schema, row):
            if pa.types.is_floating(f.type):
                v = _num(v, float)
            elif pa.types.is_integer(f.type):
                v = _num(v, int)
            elif v is not None and not isinstance(v, str):
                v = str(v)
            out.append(v)
        fixed.append(out)
    return pa.Table.from_pylist([dict(zip(schema.names, r)) for r in fixed], schema=schema)


def extract_partition(part: Partition, output: str) -> dict:
    """Extract one partition and write its Parquet files (atomically), then its done marker."""
    import pyarrow.parquet as pq

    from marsad.extract import EXTRACTOR_VERSION, extract_document
    from marsad.ingest import detect_language, is_arabic
    from marsad.store.extractions import claim_row, event_row

    out, pid = Path(output), part.pid
    docs, events, claims, errors = [], [], [], []
    for item in _read(part):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        item.lang = detect_language(item.text)
        arabic, result, error = is_arabic(item.lang), None, None
        if arabic:
            try:
                result = extract_document(item)
            except Exception as exc:   # noqa: BLE001 - one document never ends the batch
                error = f"extractor failed: {type(exc).__name__}: {exc}"
        if result is not None:
            events += [event_row(item.doc_id, EXTRACTOR_VERSION, n, e)
                       for n, e in enumerate(result.get("events") or [], 1)]
            claims += [claim_row(item.doc_id, EXTRACTOR_VERSION, n, c)
                       for n, c in enumerate(result.get("claims") or [], 1)]
        docs.append((item.doc_id, item.url, item.source, item.published, item.title, item.text, item.lang,
                     int(arabic), json.dumps(item.meta, ensure_ascii=False), EXTRACTOR_VERSION,
                     json.dumps(result, ensure_ascii=False) if result is not None else None, error))
    for kind, rows in (("documents", docs), ("events", events), ("claims", claims)):
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{pid}.parquet.tmp"
        pq.write_table(_table(kind, rows), tmp)
        os.replace(tmp, folder / f"{pid}.parquet")
    (out / "done").mkdir(parents=True, exist_ok=True)
    marker = {"pid": pid, "documents": len(docs), "events": len(events), "claims": len(claims),
              "errors": errors, "version": EXTRACTOR_VERSION}
    (out / "done" / pid).write_text(json.dumps(marker, ensure_ascii=False), encoding="utf-8")
    return marker


# -- running on a cluster --------------------------------------------------------------------
def _client(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def run_batch(inputs: Iterable[str | Path], output: str | Path, *, scheduler: str | None = None,
              workers: int = 1, rows: int = DEFAULT_ROWS, retries: int = 2,
              progress: Progress | None = None) -> BatchReport:
    """Extract every unfinished partition of `inputs` on Dask; see the module's docstring."""
    from distributed import as_completed

    from marsad.store.runner import current_version

    if workers < 1:
        raise UsageError("--workers must be at least 1")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport(str(out), current_version())
    parts, report.errors = partitions(inputs, rows)
    report.partitions = len(parts)
    todo = [p for p in parts if not (out / "done" / p.pid).is_file()]
    report.skipped = len(parts) - len(todo)
    if todo:
        client, cluster = _client(scheduler, workers)
        try:
            futures = {client.submit(extract_partition, p, str(out.resolve()), retries=retries, pure=False,
                                     key=f"marsad-{p.pid}"): p for p in todo}
            for n, fut in enumerate(as_completed(futures), 1):
                part = futures[fut]
                try:
                    marker = fut.result()
                except Exception as exc:   # noqa: BLE001 - reported, retried on the next run
                    report.failed.append(InputError(part.path, f"partition {part.pid} failed: {exc}"))
                else:
                    report.done += 1
                    report.documents += marker["documents"]
                    report.events += marker["events"]
                    report.errors += [InputError(*e.split(": ", 1)) if ": " in e else InputError(part.path, e)
                                      for e in marker["errors"]]
                if progress:
                    progress(n, len(todo))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return report


# -- loading ---------------------------------------------------------------------------------
@dataclass
class LoadReport:
    partitions: int = 0
    documents: int = 0
    extracted: int = 0
    events: int = 0
    claims: int = 0
    incidents: dict | None = None


def finished(output: str | Path) -> list[str]:
    done = Path(output) / "done"
    if not done.is_dir():
        raise UsageError(f"{output}: not a batch output folder (no done/ inside)")
    return sorted(p.name for p in done.iterdir() if not p.name.startswith("."))


def _rows(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist() if path.is_file() else []


def load_partition(store, output: Path, pid: str, bulk: bool = False) -> tuple[int, list[str], int, int]:
    """One partition into the store, in one transaction; returns (documents, extracted ids, events, claims).
    `bulk`: through marsad.store.bulk (see load_output)."""
    from contextlib import nullcontext

    from marsad.store import bulk as bulk_load
    from marsad.documents import content_hash
    from marsad.store.db import DOC_COLUMNS, now_utc
    from marsad.store.extractions import CLAIM_COLUMNS, EVENT_COLUMNS

    docs = _rows(output / "documents" / f"{pid}.parquet")
    events = _rows(output / "events" / f"{pid}.parquet")
    claims = _rows(output / "claims" / f"{pid}.parquet")
    stamp = now_utc()
    doc_rows = [(d["doc_id"], d["url"], d["source"], d["published"], d["title"], d["text"], d["lang"],
                 d["is_arabic"], content_hash(d["text"]), None, f"batch:{pid}", stamp, d["meta"]) for d in docs]
    done = [d for d in docs if d["result_json"] is not None]
    ids = [d["doc_id"] for d in done]
    with (bulk_load.loading(store) if bulk else nullcontext()) as loader, \
            (nullcontext(store.conn) if bulk else store.transaction()) as conn:
        conn.executemany(f"INSERT OR IGNORE INTO documents({','.join(DOC_COLUMNS)}) "
                         f"VALUES ({','.join('?' * len(DOC_COLUMNS))})", doc_rows)
        conn.executemany("DELETE FROM events WHERE doc_id = ?", [(i,) for i in ids])
        conn.executemany("DELETE FROM claims WHERE doc_id = ?", [(i,) for i in ids])
        conn.executemany("INSERT OR REPLACE INTO extractions(doc_id, version, extracted_at, result_json) "
                         "VALUES (?, ?, ?, ?)", [(d["doc_id"], d["version"], stamp, d["result_json"]) for d in done])
        for table, cols, rows in (("events", EVENT_COLUMNS, events), ("claims", CLAIM_COLUMNS, claims)):
            if loader is not None:
                loader.rows(table, cols, (tuple(r[c] for c in cols) for r in rows))
            else:
                conn.executemany(f"INSERT INTO {table}({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                                 [tuple(r[c] for c in cols) for r in rows])
    return len(docs), ids, len(events), len(claims)


def _events_in(output: Path, pids: list[str]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f).metadata.num_rows for pid in pids
               if (f := output / "events" / f"{pid}.parquet").is_file())


def load_output(store, output: str | Path, *, progress: Progress | None = None,
                update_incidents: bool = True) -> LoadReport:
    """Load every finished partition of a batch output into `store` (safe to re-run)."""
    from marsad.store import hooks

    out = Path(output)
    pids = finished(out)
    report = LoadReport(partitions=len(pids))
    extracted: list[str] = []
    bulk = _events_in(out, pids) >= BULK_EVENTS
    for n, pid in enumerate(pids, 1):
        docs, ids, events, claims = load_partition(store, out, pid, bulk=bulk)
        report.documents += docs
        report.events += events
        report.claims += claims
        extracted += ids
        if progress:
            progress(n, len(pids))
    report.extracted = len(extracted)
    if report.documents:
        hooks.after_ingest(store)           # the search index, now rather than at `serve` start
    if update_incidents and extracted:
        report.incidents = hooks.after_extract(store, extracted)
    return report
