#!/usr/bin/env python3
"""Score the extractor on real reports: ../shared/corpus/check (never tuned on), dev, dev2 and the seeds (tuned on),
then the project's own invented sets (regression tests, not quality figures).

    .venv/bin/python scripts/score_dev.py [OUT_DIR] [--sets=check,dev,dev2,...] [--extra=NAME=DIR,...]

--extra adds sets gathered outside the repository (DIR/articles and DIR/gold, the layout of ../shared/corpus/dev):
real reports annotated to the spec, scored like the shared ones (their texts never enter the repository).

Writes OUT_DIR/<set>/<doc_id>.json and prints one line per set from ../shared/eval/score.py. Only the aggregate
figures of `check` are printed: its documents and its per-document errors are not to be read.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SETS = {"check": (CORPUS / "check/articles", CORPUS / "check/gold", "real, never tuned on"),
        "dev": (CORPUS / "dev/articles", CORPUS / "dev/gold", "real, tuned on"),
        "dev2": (CORPUS / "dev2/articles", CORPUS / "dev2/gold", "real, tuned on"),
        "seeds": (CORPUS / "seeds", CORPUS / "seeds-gold", "real, tuned on"),
        "own": (REPO / "eval/own/articles", REPO / "eval/own/gold", "invented, regression"),
        "blind": (REPO / "eval/blind/articles", REPO / "eval/blind/gold", "invented, regression"),
        "blind2": (REPO / "eval/blind2/articles", REPO / "eval/blind2/gold", "invented, regression"),
        "blind3": (REPO / "eval/blind3/articles", REPO / "eval/blind3/gold", "invented, regression")}


def run(out_dir: Path, names: list[str]) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from marsad.extract import extract_document

    for name in names:
        articles, gold, status = SETS[name]
        if not articles.is_dir():
            print(f"{name:7} skipped: {articles} is absent")
            continue
        target = out_dir / name
        target.mkdir(parents=True, exist_ok=True)
        for f in sorted(articles.glob("*.json")):
            raw = json.loads(f.read_text(encoding="utf-8"))
            doc = SimpleNamespace(doc_id=raw["doc_id"], text=raw.get("text") or "", title=raw.get("title"),
                                  url=raw.get("url"), source=raw.get("source"), published=raw.get("published"))
            result = extract_document(doc)
            (target / f"{doc.doc_id}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(target), "--json"],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out)
        ev, st, cl = r["events"], r["events_strict"], r["claims"]
        print(f"{name:7} events F1 {ev['f1']:.3f} (P {ev['precision']:.3f} R {ev['recall']:.3f})  strict {st['f1']:.3f}  "
              f"claims F1 {cl['f1']:.3f}  [{r['documents']} reports; {status}]")


def _extra(specs: list[str]) -> list[str]:
    """Register each NAME=DIR of --extra as a set; returns the names."""
    names = []
    for spec in specs:
        name, _, folder = spec.partition("=")
        if not name or not folder:
            sys.exit(f"--extra wants NAME=DIR, got {spec!r}")
        SETS[name] = (Path(folder) / "articles", Path(folder) / "gold", "real, gathered outside the repository")
        names.append(name)
    return names


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    extra = _extra([s for a in sys.argv[1:] if a.startswith("--extra=") for s in a.split("=", 1)[1].split(",") if s])
    sets = next((a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--sets=")), list(SETS))
    run(Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="marsad-score-")), sets)
