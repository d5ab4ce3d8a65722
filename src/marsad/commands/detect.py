"""`marsad detect FILE|-`: one text per line in, one JSON line out with the event types its triggers find."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("detect")
    def detect_cmd(path: str = typer.Argument(..., help="a text file with one text per line, or - for standard input")) -> None:
        """Event types and sub-types the triggers find in each line (no place or time needed)."""
        import json
        import sys

        from marsad.extract import detect

        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            typer.echo(f"error: {path}: {exc.strerror or exc}", err=True)
            raise typer.Exit(1) from None
        try:
            for n, line in enumerate(stream, 1):
                text = line.rstrip("\n")
                found = detect(text)
                types = sorted({(d["event_type"], d["sub_event_type"]) for d in found})
                print(json.dumps({"line": n, "text": text, "events": found,
                                  "types": [{"event_type": t, "sub_event_type": s} for t, s in types]},
                                 ensure_ascii=False))
        finally:
            if stream is not sys.stdin:
                stream.close()
