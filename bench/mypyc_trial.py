#!/usr/bin/env python3
"""The extraction core compiled by mypyc, in a scratch copy of src/, to measure what compiling would gain (issue 11,
session 12). Not part of the install: the project runs as plain Python.

    .venv/bin/python bench/mypyc_trial.py [--dir=/tmp/marsad-mypyc] [--opt=3]    # copy src/, compile (~5 min)
    MARSAD_SRC=/tmp/marsad-mypyc/src .venv/bin/python bench/bench_extract.py --once   # the compiled tree's speed
    .venv/bin/python bench/bench_extract_ir.py --src=/tmp/marsad-mypyc/src              # its instructions

Needs a C compiler and Python's headers, and mypy (the `test` extra), whose mypyc compiles the modules below with the
types they are annotated with: a value that does not match its annotation raises TypeError at run time (where plain
Python ignores annotations), so compare the compiled tree's outputs with the plain tree's before trusting a figure.
Session 12 (mypy 2.4.1): outputs identical on 1,207 reports; -37% instructions, 1.2-1.35x CPU time (bench_extract.md).
Left out: geo/mention.py and extract/unresolved.py (UnresolvedPlace subclasses PlaceMention with lat/lon None where
PlaceMention says float, and a plain class cannot subclass a compiled one).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXCLUDED = {"marsad/geo/mention.py", "marsad/extract/unresolved.py"}


def modules(src: Path) -> list[str]:
    """The hot layers: extract/, geo's recognizer and resolver, text/, the lexicon matcher (packages' __init__ stay
    plain Python)."""
    found = [*src.glob("marsad/extract/*.py"), *src.glob("marsad/text/*.py"), src / "marsad/lexicon/loader.py",
             *(src / "marsad/geo" / f"{m}.py" for m in ("fold", "gazetteer", "geoparse", "recognize", "resolve"))]
    rel = sorted(str(p.relative_to(src)) for p in found)
    return [m for m in rel if not m.endswith("__init__.py") and m not in EXCLUDED]


SETUP = """import sys
from setuptools import setup
from mypyc.build import mypycify
sys.argv = [sys.argv[0], "build_ext", "--inplace", "-j2"]
setup(name="marsad-mypyc-trial", ext_modules=mypycify(["--config-file", "../mypy.toml"] + {mods!r},
      opt_level={opt!r}, separate=True))
"""


def main(argv: list[str]) -> None:
    out = Path(next((a.split("=", 1)[1] for a in argv if a.startswith("--dir=")), "/tmp/marsad-mypyc"))
    opt = next((a.split("=", 1)[1] for a in argv if a.startswith("--opt=")), "3")
    if out.exists():
        shutil.rmtree(out)
    src = out / "src"
    shutil.copytree(REPO / "src" / "marsad", src / "marsad",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.egg-info"))
    # the project's mypy settings, without the warning about sections for modules not compiled here
    cfg = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    (out / "mypy.toml").write_text(re.sub(r"(?m)^warn_unused_configs = true$", "warn_unused_configs = false", cfg),
                                   encoding="utf-8")
    mods = modules(src)
    (src / "setup_mypyc.py").write_text(SETUP.format(mods=mods, opt=opt), encoding="utf-8")
    log = out / "build.log"
    with log.open("w") as f:
        done = subprocess.run([sys.executable, "setup_mypyc.py"], cwd=src, stdout=f, stderr=subprocess.STDOUT,
                              env=dict(os.environ, PYTHONHASHSEED="0"))
    if done.returncode:
        sys.exit(f"mypyc failed (see {log}):\n" + "".join(log.read_text().splitlines(True)[-15:]))
    built = sorted(src.glob("marsad/**/*.so"))
    print(f"compiled {len(mods)} modules into {len(built)} extensions under {src} (opt {opt}); now\n"
          f"  MARSAD_SRC={src} {sys.executable} {REPO / 'bench/bench_extract.py'} --once")


if __name__ == "__main__":
    main(sys.argv[1:])
