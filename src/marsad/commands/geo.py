"""`marsad geocode "نص"`: the places found in a text, with the entry chosen and why."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("geocode")(geocode)


def geocode(
    text: str = typer.Argument(..., help="Arabic text to geoparse"),
    context: str = typer.Option(None, "--context", help="the rest of the report (disambiguation only)"),
    as_json: bool = typer.Option(False, "--json", help="print the mentions as JSON"),
) -> None:
    """Find and resolve the places named in TEXT."""
    import json
    from dataclasses import asdict

    from rich.console import Console

    from marsad.geo import find_places

    mentions = find_places(text, context=context)
    if as_json:
        typer.echo(json.dumps([asdict(m) | {"location": m.location()} for m in mentions], ensure_ascii=False, indent=1))
        return
    from marsad.commands.render import print_rows
    rows = [(f"{m.start}-{m.end}", m.surface, f"{m.name_en} ({m.kind}{'' if m.role == 'place' else ', ' + m.role})",
             f"{m.lat:.4f}, {m.lon:.4f}", m.admin1 or m.country, str(m.geo_precision), m.why) for m in mentions]
    print_rows(Console(), f"{len(mentions)} place(s)",
               ("span", "surface", "place chosen", "coordinates", "admin1", "precision", "why"), rows, wide=140)
