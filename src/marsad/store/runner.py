"""Running the extractor: over stored documents (DB form) or straight over files (no DB).

The extractor (`marsad.extract.extract_document`) is pure, so it runs the same in this
process or in a process pool; only this process writes to the database.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from marsad.documents import Document
from marsad.errors import InputError
from marsad.store.db import Store
from marsad.store.extractions import pending, save_extraction

Progress = Callable[[int, int], None]
_CHUNK = 8


@dataclass
class ExtractReport:
    version: str
    extracted: list[str] = field(default_factory=list)
    skipped_non_arabic: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)   # inputs, and documents the extractor failed on
    output: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def current_version() -> str:
    """EXTRACTOR_VERSION, read at call time (so a bumped version is seen)."""
    import marsad.extract
    return marsad.extract.EXTRACTOR_VERSION


def _extract_one(doc: Document) -> tuple[str, dict | None, str | None]:
    import marsad.extract
    try:
        return doc.doc_id, marsad.extract.extract_document(doc), None
    except Exception as exc:   # one document's failure must not end the batch; reported by id
        return doc.doc_id, None, f"extractor failed: {type(exc).__name__}: {exc}"


def _results(docs: Iterable[Document], workers: int) -> Iterator[tuple[str, dict | None, str | None]]:
    if workers <= 1:
        yield from map(_extract_one, docs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, docs, chunksize=_CHUNK)


def _collect(report: ExtractReport, results, total: int, keep: Callable[[str, dict], None],
             progress: Progress | None) -> None:
    for done, (doc_id, result, error) in enumerate(results, 1):
        if error:
            report.errors.append(InputError(doc_id, error))
        else:
            keep(doc_id, result)
            report.extracted.append(doc_id)
        if progress:
            progress(done, total)


def extract_pending(store: Store, *, workers: int = 1, progress: Progress | None = None) -> ExtractReport:
    """Extract every Arabic document whose stored extraction is missing or from another version,
    replacing each one's results in its own transaction, then call the after_extract hook."""
    from marsad.store import hooks

    version = current_version()
    report = ExtractReport(version)
    doc_ids = pending(store, version)
    results = _results(store.documents(doc_ids), workers)
    _collect(report, results, len(doc_ids),
             lambda doc_id, result: save_extraction(store, doc_id, version, result), progress)
    if report.extracted:
        hooks.after_extract(store, list(report.extracted))
    return report


def output_name(doc_id: str) -> str:
    return doc_id.replace("/", "_").replace("\\", "_") + ".json"


def empty_result(doc: Document) -> dict:
    return {"doc_id": doc.doc_id, "published": doc.published, "events": [], "claims": []}


def extract_to_dir(paths: Iterable[str | Path], output: str | Path, *, workers: int = 1,
                   max_bytes: int | None = None, progress: Progress | None = None) -> ExtractReport:
    """Read inputs (no DB) and write OUTPUT/<doc_id>.json in the spec's format for each document.
    Non-Arabic documents get an empty record (nothing is extracted from them)."""
    from marsad.ingest import is_arabic, read_documents
    from marsad.readers import DEFAULT_MAX_BYTES

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = ExtractReport(current_version(), output=str(out))
    docs, report.errors = read_documents(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    arabic = [d for d in docs if is_arabic(d.lang)]
    for doc in docs:
        if not is_arabic(doc.lang):
            report.skipped_non_arabic.append(doc.doc_id)
            _write(out, doc.doc_id, empty_result(doc))
    _collect(report, _results(arabic, workers), len(arabic),
             lambda doc_id, result: _write(out, doc_id, result), progress)
    return report


def _write(out: Path, doc_id: str, result: dict) -> None:
    path = out / output_name(doc_id)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
