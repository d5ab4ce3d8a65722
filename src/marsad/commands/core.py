"""Core commands: ingest, extract, export, stats. Thin: parse options, call the library, render.
Heavy imports (readers, datasketch, the extractor) happen inside the command functions."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

DB_HELP = "SQLite database (default: $MARSAD_DB, else ./marsad.db)."
MAX_BYTES_DEFAULT = 10 * 1024 * 1024


def _console(stderr: bool = False):
    from rich.console import Console
    return Console(stderr=stderr, highlight=False)


@contextmanager
def _progress(label: str):
    """A progress callback (done, total) drawn as a rich bar on stderr."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _fail(exc) -> None:
    """Print a marsad error and exit with its code."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(getattr(exc, "exit_code", 1))


def _open_store(db: Optional[str]):
    from marsad.store import Store
    return Store(db)


def _report_errors(errors) -> None:
    """One plain `path: reason` line per failure on stderr (never wrapped, easy to grep)."""
    for error in errors:
        typer.echo(str(error), err=True)


def _table(title: str, headers: tuple[str, ...], rows) -> None:
    from rich.table import Table
    console = _console()
    console.print(title, markup=False)            # a title above the table, never squeezed to its width
    table = Table()
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i == len(headers) - 1 else "left")
    for row in rows:
        table.add_row(*(str(v) for v in row))
    console.print(table)


def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or http(s) feed URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    max_bytes: int = typer.Option(MAX_BYTES_DEFAULT, "--max-bytes", help="Largest file (or JSONL line) read."),
    workers: int = typer.Option(1, "--workers", "-w", min=1,
                                help="Processes identifying languages and computing near-duplicate signatures."),
) -> None:
    """Read reports (.txt .html .json .jsonl, RSS/Atom) into the database."""
    from marsad.errors import MarsadError
    from marsad.ingest import ingest

    try:
        with _open_store(db) as store, _progress("ingest") as progress:
            report = ingest(paths, store, max_bytes=max_bytes, progress=progress, workers=workers)
    except MarsadError as exc:
        _fail(exc)
    _report_errors(report.errors)
    _table("ingest", ("", "count"), [
        ("inputs read", report.sources), ("documents added", len(report.added)),
        ("already stored", report.already), ("near-duplicates linked", len(report.near_duplicates)),
        ("non-Arabic (kept, not extracted)", len(report.non_arabic)), ("failed inputs", len(report.errors))])
    raise typer.Exit(0 if report.ok else 1)


def extract_cmd(
    paths: Optional[list[str]] = typer.Argument(None, help="Files/folders to extract straight (needs --output)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write DIR/<doc_id>.json; no database."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to extract with."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.0,
                                  help="Seconds one document may take; then it is stopped and reported (0: no limit)."),
) -> None:
    """Extract events and claims: stored documents lacking the current extractor version's
    result, or (PATH... --output DIR) files straight to JSON."""
    from marsad.errors import MarsadError, UsageError

    try:
        if paths and output is None:
            raise UsageError("extracting files needs --output DIR (or ingest them first)")
        report = _run_extract(paths, output, db, workers, timeout or None)
    except MarsadError as exc:
        _fail(exc)
    _report_errors(report.errors)
    rows = [("extractor version", report.version), ("documents extracted", len(report.extracted))]
    if report.skipped_non_arabic:
        rows.append(("non-Arabic (empty record)", len(report.skipped_non_arabic)))
    if report.incidents_resumed:
        rows.append(("incident step of an interrupted run", "completed"))
    rows.append(("failed", len(report.errors)))
    _table(f"extract → {report.output}" if report.output else "extract", ("", "value"), rows)
    raise typer.Exit(0 if report.ok else 1)


def _run_extract(paths, output, db, workers, timeout):
    from marsad.store.runner import extract_pending, extract_to_dir

    with _progress("extract") as progress:
        if output is not None:
            return extract_to_dir(paths or [], output, workers=workers, progress=progress, timeout=timeout)
        with _open_store(db) as store:
            return extract_pending(store, workers=workers, progress=progress, timeout=timeout)


def _open_existing(db: Optional[str]):
    """The database of a read command: refuse a missing file (StoreError, exit 3) instead of
    creating an empty one."""
    from marsad.errors import StoreError
    from marsad.store import Store, default_db_path
    from marsad.store.pg import is_url
    if is_url(db or default_db_path()):
        return Store(db or default_db_path())
    path = Path(db or default_db_path())
    if not path.is_file():
        raise StoreError(f"{path}: no such database (create it with `marsad ingest REPORTS --db {path}`)")
    return Store(path)


def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | acled (CSV, ACLED's 31 columns first) | "
                            "csv (same as acled) | geojson | xlsx"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    date_from: Optional[str] = typer.Option(None, "--date-from", help="Events ending on or after this day (YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--date-to", help="Events starting on or before this day (YYYY-MM-DD)."),
    event_type: Optional[str] = typer.Option(None, "--event-type", help="ACLED event or sub-event type, e.g. Battles."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="Governorate, e.g. 'Deir ez-Zor', 'Deir-ez-Zor' or 'دير الزور'."),
    bom: bool = typer.Option(False, "--bom", help="Start the CSV with a UTF-8 byte-order mark (for Excel)."),
    by_incident: bool = typer.Option(False, "--by-incident", help="One row per incident (each real-world event "
                                     "once, with its best estimate), not one per report."),
) -> None:
    """Export events: JSONL (spec format), ACLED CSV, GeoJSON or XLSX, optionally filtered."""
    import sys

    from marsad.errors import MarsadError, UsageError
    from marsad.exports import BINARY_FORMATS, EventFilter, check_format, export

    try:
        fmt = check_format(fmt)
        flt = EventFilter(date_from, date_to, event_type, admin1).validated()
        if fmt in BINARY_FORMATS and output is None and sys.stdout.isatty():
            raise UsageError(f"{fmt} is a binary format: give --output FILE (or redirect standard output)")
        with _open_existing(db) as store:
            if by_incident:
                from marsad.analysis.export import export_by_incident
                data = export_by_incident(store, fmt, flt, bom=bom)
            else:
                data = export(store, fmt, flt, bom=bom)
    except MarsadError as exc:
        _fail(exc)
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            typer.echo(data, nl=False)
    else:
        if isinstance(data, bytes):
            output.write_bytes(data)
        else:
            output.write_text(data, encoding="utf-8")
        _console(stderr=True).print(f"wrote {output}", markup=False)


def stats_cmd(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Summary: documents, events by type, governorate and month, claims."""
    from marsad.errors import MarsadError
    from marsad.store.stats import summary

    try:
        with _open_existing(db) as store:
            s = summary(store)
    except MarsadError as exc:
        _fail(exc)
    _table(f"marsad: {db or os.environ.get('MARSAD_DB') or 'marsad.db'} (schema {s.schema_version})", ("", "count"), [
        ("documents", s.documents), ("  Arabic", s.arabic), ("  non-Arabic", s.non_arabic),
        ("  near-duplicates", s.near_duplicates), ("extracted", s.extracted),
        ("events (one per report)", s.events), ("incidents (each event once)", s.incidents),
        ("  killed (best estimate)", s.fatalities), ("  injured (best estimate)", s.injured),
        ("  arrested (best estimate)", s.arrested), ("claims", s.claims)])
    _table("incidents by type", ("event type", "sub-event type", "incidents"), s.by_type)
    _table("incidents by governorate", ("governorate", "incidents"), s.by_admin1)
    _table("incidents by month", ("month", "incidents"), s.by_month)
    _table("claims by quantity", ("quantity", "claims"), s.claims_by_quantity)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("extract")(extract_cmd)
    app.command("export")(export_cmd)
    app.command("stats")(stats_cmd)
