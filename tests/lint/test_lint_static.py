"""Static checks over the code: ruff's lint rules and mypy, both as configured in pyproject.toml.

`make test` installs both (the `test` extra); a venv made before they were added skips these tests
and says to run `make install`."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _check(tool: str, *args: str) -> None:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed in this venv: run `make install`")
    proc = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, f"{tool} {' '.join(args)}:\n{proc.stdout}{proc.stderr}"


def test_ruff_finds_nothing():
    """Unused imports and variables, undefined names, bare and broad excepts, bugbear's traps."""
    _check("ruff", "check", "--quiet", ".")


def test_mypy_finds_nothing():
    """src/marsad type-checks (the files and per-module settings are in pyproject.toml)."""
    _check("mypy")
