"""`marsad batch` (extraction on Dask, Parquet out) and `marsad load` (that output into a store).
Thin: options -> marsad.batch -> a table."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from marsad.commands.core import _fail, _progress, _report_errors, _table


def batch_cmd(
    inputs: list[str] = typer.Argument(..., help="JSONL/Parquet files (or report files, folders)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the Parquet output (resumable)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="Local worker processes (without --scheduler)."),
    rows: int = typer.Option(1000, "--rows", min=1, help="Reports per partition (one task each)."),
) -> None:
    """Extract reports on a Dask cluster (a local one unless --scheduler): one Parquet file per
    partition under OUTPUT; partitions finished by an earlier run are skipped."""
    from marsad.batch import run_batch
    from marsad.errors import MarsadError

    try:
        with _progress("batch") as progress:
            report = run_batch(inputs, output, scheduler=scheduler, workers=workers, rows=rows, progress=progress)
    except MarsadError as exc:
        _fail(exc)
    _report_errors(report.errors + report.failed)
    _table(f"batch → {report.output}", ("", "value"), [
        ("extractor version", report.version), ("partitions", report.partitions),
        ("  done now", report.done), ("  done before (skipped)", report.skipped),
        ("  failed (re-run to retry)", len(report.failed)), ("documents", report.documents),
        ("events", report.events), ("unreadable inputs or documents", len(report.errors))])
    raise typer.Exit(0 if report.ok else 1)


def load_cmd(
    output: Path = typer.Argument(..., help="A `marsad batch` output folder."),
    db: Optional[str] = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $MARSAD_DB)."),
) -> None:
    """Load a batch output into the database (documents, extractions, events, claims), then
    update incidents. Safe to re-run."""
    from marsad.batch import load_output
    from marsad.errors import MarsadError
    from marsad.store import Store

    try:
        with Store(db) as store, _progress("load") as progress:
            report = load_output(store, output, progress=progress)
    except MarsadError as exc:
        _fail(exc)
    _table(f"load ← {output}", ("", "count"), [
        ("partitions", report.partitions), ("documents", report.documents), ("extracted", report.extracted),
        ("events", report.events), ("claims", report.claims),
        ("incidents", (report.incidents or {}).get("incidents_total", "-"))])


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
    app.command("load")(load_cmd)
