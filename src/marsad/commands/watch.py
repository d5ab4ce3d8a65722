"""`marsad watch FEEDS`: poll news feeds, fetch new articles, ingest and extract them."""
from __future__ import annotations

import logging
import sys
from typing import Optional

import typer

DB_HELP = "SQLite database (default: $MARSAD_DB, else ./marsad.db)."


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
    logger = logging.getLogger("marsad.watch")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False


def watch_cmd(
    feeds: str = typer.Argument(..., help="File of feed URLs (one a line, 'URL [INTERVAL]') or a .toml config."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    once: bool = typer.Option(False, "--once", help="Poll the due feeds once and exit (for cron and tests)."),
    every: bool = typer.Option(False, "--all", help="Poll every feed now, ignoring intervals and backoff."),
    interval: str = typer.Option("15m", "--interval", help="Default interval between polls of a feed (90s, 10m, 2h)."),
    delay: Optional[float] = typer.Option(None, "--delay", min=0, help="Seconds between two requests to one host "
                                          "(default: the config's, else 2)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds before a request times out."),
    retries: int = typer.Option(2, "--retries", min=0, help="Retries of a request after a timeout or a 5xx."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Ingest only; extract later with `marsad extract`."),
) -> None:
    """Follow news feeds: poll each on its interval (conditional requests, backoff on errors, a
    politeness delay per host), fetch each new item's article page, ingest and extract what is
    new, update incidents. State lives in the database: a restart re-fetches nothing.
    Stops cleanly on SIGINT/SIGTERM. Exit status with --once: 1 when a feed or item failed."""
    from marsad.errors import MarsadError
    from marsad.store import Store
    from marsad.watch import Fetcher, Watcher, load_feeds, parse_duration

    _logging()
    failed = False
    try:
        config = load_feeds(feeds, parse_duration(interval, "--interval"))
        pause = delay if delay is not None else (config.delay if config.delay is not None else 2.0)
        with Store(db) as store, Fetcher(timeout=timeout, retries=retries, delay=pause) as fetcher:
            watcher = Watcher(store, config, fetcher, extract=not no_extract)

            def on_round(report) -> None:
                nonlocal failed
                failed = failed or not report.ok
                for error in report.errors:
                    typer.echo(error, err=True)
                logging.getLogger("marsad.watch").info(
                    "round: %d feeds polled, %d documents added (%d non-Arabic), %d extracted",
                    len(report.feeds), len(report.added), len(report.non_arabic), len(report.extracted))

            watcher.run(once=once, every=every, on_round=on_round)
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(getattr(exc, "exit_code", 1)) from None
    raise typer.Exit(1 if (once and failed) else 0)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)
