"""The `marsad` command. Thin: parse options, call the library, render.

Exit status (README): 0 everything read; 1 an input or document failed; 2 wrong options;
3 the database is missing or cannot be opened; 4 the server cannot start (address in use)."""
from __future__ import annotations

import importlib
import sys
from typing import Optional

import typer

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic conflict reports to events and claims, geocoded offline.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMAND_MODULES = ("core", "geo", "detect", "analysis", "serve", "watch", "batch")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version
        try:
            number = version("marsad")
        except PackageNotFoundError:
            number = "unknown"
        typer.echo(f"marsad {number}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Optional[bool] = typer.Option(None, "--version", "-V", callback=_version, is_eager=True,
                                                 help="Print marsad's version and exit.")) -> None:
    """marsad (مرصد): Arabic conflict reports to events and claims, geocoded offline."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"marsad.commands.{_name}").register(app)


def main() -> None:
    """Run the command; a marsad error that escaped a command becomes `error: ...` and its exit
    code (never a traceback)."""
    from marsad.errors import MarsadError
    try:
        app()
    except MarsadError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(getattr(exc, "exit_code", 1))


if __name__ == "__main__":
    main()
