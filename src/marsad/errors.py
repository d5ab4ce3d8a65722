"""marsad's errors, in one place. The CLI maps them to messages and exit codes,
the HTTP API to statuses; the library only raises them."""
from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    exit_code = 1


class InputError(MarsadError):
    """One input (file, JSONL line, feed entry, URL) that could not be read.

    Ingest reports these as ``path: reason`` and goes on with the rest.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""

    exit_code = 3


class UsageError(MarsadError):
    """Options that do not fit together (the CLI exits with status 2)."""

    exit_code = 2


class ServeError(MarsadError):
    """The server cannot start, e.g. its address is in use (the CLI exits with status 4)."""

    exit_code = 4
