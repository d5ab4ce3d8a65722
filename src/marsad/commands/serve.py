"""`marsad serve`: the HTTP API and the map dashboard (marsad.web)."""
from __future__ import annotations

import os
from pathlib import Path

import typer


def serve(
    db: str = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: MARSAD_DB or ./marsad.db)"),
    host: str = typer.Option("127.0.0.1", "--host", help="interface to bind (default: localhost only)"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    token: str = typer.Option(None, "--token", envvar="MARSAD_TOKEN", show_envvar=True,
                              help="enables the write endpoints (POST /api/documents, /api/extract), "
                                   "which then need this token; without it the API is read-only"),
    allow_host: list[str] = typer.Option([], "--allow-host",
                                         help="another Host name the API answers to (repeatable); localhost "
                                              "and the bound interface always are, any other is refused"),
) -> None:
    """Serve the read API (/api/..., schema at /docs) and the dashboard (/) over one database."""
    import uvicorn

    from marsad.web.api import create_app
    from marsad.web.bridge import prepare

    from marsad.store.pg import is_url

    target = str(db or os.environ.get("MARSAD_DB") or "marsad.db")
    path = target if is_url(target) else Path(target)
    if not is_url(target) and not Path(target).is_file():
        typer.echo(f"error: {path}: no such database (run `marsad ingest ... --db {path}` first)", err=True)
        raise typer.Exit(3)
    busy = _address_in_use(host, port)
    if busy:
        typer.echo(f"error: cannot listen on {host}:{port} ({busy}); choose another --port", err=True)
        raise typer.Exit(4)
    preparation = prepare(path)     # migrations now; incidents and search catch-up in the background
    mode = "read-write (token required)" if token else "read-only"
    typer.echo(f"marsad: dashboard at http://{host}:{port}/  API schema at http://{host}:{port}/docs  ({mode})")
    from marsad.web.api import DEFAULT_HOSTS
    hosts = [*DEFAULT_HOSTS, *allow_host] + ([] if host in ("0.0.0.0", "::", "") else [host])
    uvicorn.run(create_app(path, token=token or None, allowed_hosts=hosts,
                                preparation=preparation), host=host, port=port,
                log_level="warning")


def _address_in_use(host: str, port: int) -> str | None:
    """Why the server could not bind host:port, or None when it can (checked before starting)."""
    import socket
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        return str(exc)
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
