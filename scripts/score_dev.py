#!/usr/bin/env python3
"""Run the extractor on the shared dev articles, the seeds, eval/own, eval/blind and eval/blind2, and score it with ../shared/eval/score.py.

    .venv/bin/python scripts/score_dev.py [OUT_DIR]

Writes OUT_DIR/dev/<doc_id>.json and OUT_DIR/seeds/<doc_id>.json OUT_DIR/own/, OUT_DIR/blind/ and OUT_DIR/blind2/<doc_id>.json, then prints the scorer's lines.
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
SETS = {"dev": (SHARED / "corpus/dev/articles", SHARED / "corpus/dev/gold"),
        "seeds": (SHARED / "corpus/seeds", SHARED / "corpus/seeds-gold"),
        "own": (REPO / "eval/own/articles", REPO / "eval/own/gold"),
        "blind": (REPO / "eval/blind/articles", REPO / "eval/blind/gold"),
        "blind2": (REPO / "eval/blind2/articles", REPO / "eval/blind2/gold")}


def run(out_dir: Path) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from marsad.extract import extract_document

    for name, (articles, gold) in SETS.items():
        target = out_dir / name
        target.mkdir(parents=True, exist_ok=True)
        for f in sorted(articles.glob("*.json")):
            raw = json.loads(f.read_text(encoding="utf-8"))
            doc = SimpleNamespace(doc_id=raw["doc_id"], text=raw.get("text") or "", title=raw.get("title"),
                                  url=raw.get("url"), source=raw.get("source"), published=raw.get("published"))
            result = extract_document(doc)
            (target / f"{doc.doc_id}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"== {name}")
        subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(target)], check=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="marsad-score-")))
