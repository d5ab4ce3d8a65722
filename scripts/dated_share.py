"""The share of extracted events that have a date, on the shared real reports, without and with
publication-date recovery (marsad.pubdate), through `marsad ingest` + `marsad extract` (the DB path).

    python scripts/dated_share.py [SETS...]      # default: ../shared/corpus/dev ../shared/corpus/dev2

Also checks recovery against the reports that do carry a publication date: each one's date is
recovered as if it had none and compared. Skips cleanly where ../shared is absent."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _events(paths: list[Path], recover: bool) -> tuple[int, int, int, int]:
    """(events, dated events, events marked as dated through a recovered date, documents dated)."""
    from marsad.ingest import ingest
    from marsad.store import Store
    from marsad.store.runner import extract_pending

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "m.db") as store:
        if recover:
            ingest(paths, store)
        else:
            with mock.patch("marsad.ingest.complete_date", lambda doc: doc):
                ingest(paths, store)
        extract_pending(store)
        c = store.conn
        n = c.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        dated = c.execute("SELECT COUNT(*) FROM events WHERE date_start IS NOT NULL").fetchone()[0]
        marked = c.execute("SELECT COUNT(*) FROM events WHERE date_note IS NOT NULL").fetchone()[0]
        docs = c.execute("SELECT COUNT(*) FROM documents WHERE published IS NOT NULL").fetchone()[0]
        return n, dated, marked, docs


def _agreement(paths: list[Path]) -> tuple[int, int, int, list[str]]:
    from marsad.documents import Document
    from marsad.pubdate import recover

    known = agree = 0
    wrong = []
    for folder in paths:
        for f in sorted(folder.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            if not d.get("published"):
                continue
            known += 1
            found = recover(Document(doc_id=d["doc_id"], text=d["text"], url=d.get("url")))
            if found is None:
                continue
            if found.date == d["published"]:
                agree += 1
            else:
                wrong.append(f"{d['doc_id']}: {found.date} != {d['published']} ({found.method})")
    return known, agree + len(wrong), agree, wrong


def main(argv: list[str]) -> int:
    sets = [Path(a) for a in argv] or [SHARED / "dev", SHARED / "dev2"]
    paths = [s / "articles" for s in sets if (s / "articles").is_dir()]
    if not paths:
        print("no shared corpus here; nothing to measure")
        return 0
    docs = sum(1 for p in paths for _ in p.glob("*.json"))
    for label, recover in (("without recovery", False), ("with recovery", True)):
        n, dated, marked, with_date = _events(paths, recover)
        print(f"{label:17}: {with_date}/{docs} reports dated; events with a date {dated}/{n} = {dated / n:.1%}"
              f" ({marked} through a recovered date)")
    known, found, agree, wrong = _agreement(paths)
    print(f"reports that carry a date: {known}; recovered as if undated: {found}, the same day: {agree}")
    for line in wrong:
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
