"""Counting by incident on the project's examples: copies of the reports add no event."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.ingest import ingest
from marsad.readers import iter_sources, read_source
from marsad.store import Store
from marsad.store.runner import extract_pending
from marsad.store.stats import summary

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _write_copies(path: Path, copies: int) -> int:
    docs = [d for s in iter_sources([EXAMPLES]) for d in read_source(s)]
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for doc in docs:          # an aggregator re-posts the story under its own id
                fh.write(json.dumps({"doc_id": f"{doc.doc_id}~{k}", "url": doc.url, "published": doc.published,
                                     "title": doc.title, "text": doc.text}, ensure_ascii=False) + "\n")
    return len(docs) * copies


def _totals(tmp_path: Path, copies: int) -> tuple:
    src = tmp_path / f"x{copies}.jsonl"
    n = _write_copies(src, copies)
    with Store(tmp_path / f"x{copies}.db") as store:
        ingest([src], store)
        extract_pending(store)
        s = summary(store)
    assert s.documents == n
    return (s.incidents, s.fatalities, s.injured, s.arrested, s.by_type, s.by_admin1, s.by_month), s


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no examples/")
def test_totals_are_the_same_for_the_examples_and_two_copies_of_them(tmp_path):
    once, s1 = _totals(tmp_path, 1)
    thrice, s3 = _totals(tmp_path, 2)
    assert s1.incidents > 5 and s1.fatalities > 0
    assert s3.events == 2 * s1.events and s3.near_duplicates >= s1.documents   # the copies are there ...
    assert thrice == once                                                         # ... and count for nothing
