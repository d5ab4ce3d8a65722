"""The `marsad` command. Thin: parse options, call the library, render."""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic conflict reports to events and claims, geocoded offline.",
    no_args_is_help=True,
    add_completion=False,
)

COMMAND_MODULES = ("core", "geo", "detect", "analysis", "serve", "watch")

for _name in COMMAND_MODULES:
    importlib.import_module(f"marsad.commands.{_name}").register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
