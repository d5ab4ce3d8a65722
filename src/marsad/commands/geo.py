"""`marsad geocode "نص"`: the places found in a text, with the entry chosen and why.
`marsad geocode -` (or FILE with --batch): one text per line (or JSONL with a "text" field) in, one JSON line out."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("geocode")(geocode)


def geocode(
    text: str = typer.Argument(..., help="Arabic text to geoparse; - reads one text per line from standard input"),
    context: str = typer.Option(None, "--context", help="the rest of the report (disambiguation only)"),
    as_json: bool = typer.Option(False, "--json", help="print the mentions as JSON"),
    batch: bool = typer.Option(False, "--batch", help="TEXT is a file of one text (or JSON object with 'text') per line"),
) -> None:
    """Find and resolve the places named in TEXT (- or --batch FILE: one JSON line per input line)."""
    import json
    from dataclasses import asdict

    if text == "-" or batch:
        _batch(text)
        return

    from rich.console import Console

    from marsad.geo import find_places

    mentions = find_places(text, context=context)
    if as_json:
        typer.echo(json.dumps([asdict(m) | {"location": m.location()} for m in mentions], ensure_ascii=False, indent=1))
        return
    from marsad.commands.render import print_rows
    rows = [(f"{m.start}-{m.end}", m.surface, f"{m.name_en} ({m.kind}{'' if m.role == 'place' else ', ' + m.role})",
             _point(m.location()), m.admin1 or m.country, str(m.geo_precision), m.why) for m in mentions]
    print_rows(Console(), f"{len(mentions)} place(s)",
               ("span", "surface", "place chosen", "coordinates", "admin1", "precision", "why"), rows, wide=140)


def _point(loc: dict) -> str:
    return "-" if loc["lat"] is None else f"{loc['lat']:.4f}, {loc['lon']:.4f}"   # a continent has no point


def _batch(path: str) -> None:
    """One JSON line per input line; unreadable lines give an "error" record, the exit status is then 1."""
    import json
    import sys

    from marsad.geo import geocode_lines

    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        typer.echo(f"error: {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    failed = False
    try:
        for record in geocode_lines(stream):
            if "error" in record:
                failed = True
                typer.echo(f"error: {record['error']}", err=True)
            print(json.dumps(record, ensure_ascii=False), flush=False)
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        raise typer.Exit(1)
