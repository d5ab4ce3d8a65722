"""Running the extractor: over stored documents (DB form) or straight over files (no DB).

The extractor (`marsad.extract.extract_document`) is pure, so it runs the same in this
process or in a process pool; only this process writes to the database.

Every document is isolated: an exception, or a run longer than the time limit, becomes one
`doc_id: reason` error and the batch goes on. In this process (one worker, main thread) the
limit is a timer signal; elsewhere (--workers N, the API's threads) documents go to worker
processes (pebble), and a worker that exceeds the limit is killed and replaced. Workers die
with their parent, however it ends.
"""
from __future__ import annotations

import json
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from marsad.documents import Document
from marsad.errors import InputError
from marsad.store.db import Store
from marsad.store.extractions import pending, save_extraction

Progress = Callable[[int, int], None]
Result = tuple[str, "dict | None", "str | None"]
DOC_TIMEOUT = 60.0        # seconds one document may take; then it is stopped and reported
_WINDOW = 4               # documents in flight per worker


@dataclass
class ExtractReport:
    version: str
    extracted: list[str] = field(default_factory=list)
    skipped_non_arabic: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)   # inputs, and documents the extractor failed on
    output: str | None = None
    incidents_resumed: bool = False     # the incident step of an interrupted run was completed

    @property
    def ok(self) -> bool:
        return not self.errors


def current_version() -> str:
    """EXTRACTOR_VERSION, read at call time (so a bumped version is seen)."""
    import marsad.extract
    return marsad.extract.EXTRACTOR_VERSION


def _extract_one(doc: Document) -> Result:
    import marsad.extract
    try:
        return doc.doc_id, marsad.extract.extract_document(doc), None
    except Exception as exc:   # noqa: BLE001 - one document's failure must not end the batch; reported by id
        return doc.doc_id, None, f"extractor failed: {type(exc).__name__}: {_short(exc)}"


def _short(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "…"


class _Overtime(BaseException):
    """Raised by the timer inside a document's extraction (a BaseException: no handler swallows it)."""


def _timed_out(timeout: float) -> str:
    return f"extraction stopped: it took over {timeout:g} s (the per-document limit)"


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(_signum, _frame):
        raise _Overtime()

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _in_process_ok() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


def _timed(docs: Iterable[Document], timeout: float | None) -> Iterator[Result]:
    if timeout:
        _warm_up()
    for doc in docs:
        if not timeout:
            yield _extract_one(doc)
            continue
        try:
            with _alarm(timeout):
                result = _extract_one(doc)
        except _Overtime:
            result = (doc.doc_id, None, _timed_out(timeout))
        yield result


def _worker_init(parent: int) -> None:
    """In each worker: die with the parent (Linux PDEATHSIG, and a watchdog thread elsewhere)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)    # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="marsad-parent-watch").start()
    _warm_up()     # before the worker takes a task: the time limit counts from the task's start


_WARM_UP = "قتل شخص وأصيب اثنان في قصف على بلدة ذيبان بريف دير الزور أمس."
_warmed = False


def _warm_up() -> None:
    """Load the lexicons and the gazetteer once, outside any document's time limit: a cold process
    (`serve`'s workers, a replacement for a worker that was stopped, the first document of a run)
    would otherwise spend its first document's time on loading, and a load cut short by the limit
    leaves nothing loaded, so every later document would be cut short too."""
    global _warmed
    if not _warmed:
        _extract_one(Document("warm-up", _WARM_UP))
        _warmed = True


def _watch_parent(parent: int) -> None:
    import time
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _pooled(docs: Iterable[Document], workers: int, timeout: float | None) -> Iterator[Result]:
    """Results in input order from a pool of worker processes, a few documents in flight per worker."""
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired, ProcessPool

    pool = ProcessPool(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))
    window: deque = deque()
    source = iter(docs)

    def submit() -> None:
        doc = next(source, None)
        if doc is not None:
            window.append((doc.doc_id, pool.schedule(_extract_one, args=(doc,), timeout=timeout or None)))

    try:
        for _ in range(workers * _WINDOW):
            submit()
        while window:
            doc_id, future = window.popleft()
            try:
                yield future.result()
            except FutureTimeout:
                yield doc_id, None, _timed_out(timeout or 0)
            except ProcessExpired as exc:
                yield doc_id, None, f"extractor process died (exit code {exc.exitcode})"
            except Exception as exc:   # noqa: BLE001 - e.g. a result that cannot be sent back
                yield doc_id, None, f"extractor failed: {type(exc).__name__}: {_short(exc)}"
            submit()
    finally:
        pool.stop()
        pool.join()


def _results(docs: Iterable[Document], workers: int, timeout: float | None = DOC_TIMEOUT) -> Iterator[Result]:
    if workers <= 1 and (not timeout or _in_process_ok()):
        return _timed(docs, timeout)
    return _pooled(docs, max(1, workers), timeout)


def extract_isolated(docs: Iterable[Document], *, workers: int = 1,
                     timeout: float | None = DOC_TIMEOUT) -> Iterator[Result]:
    """(doc_id, result or None, error or None) per document, in order, each within the time limit."""
    return _results(docs, workers, timeout)


def _collect(report: ExtractReport, results, total: int, keep: Callable[[str, dict], None],
             progress: Progress | None) -> None:
    for done, (doc_id, result, error) in enumerate(results, 1):
        if not error:
            try:
                keep(doc_id, result)
            except Exception as exc:   # noqa: BLE001 - e.g. a value the database cannot hold; this document only
                error = f"result not saved: {type(exc).__name__}: {_short(exc)}"
        if error:
            report.errors.append(InputError(doc_id, error))
        else:
            report.extracted.append(doc_id)
        if progress:
            progress(done, total)


def extract_pending(store: Store, *, workers: int = 1, progress: Progress | None = None,
                    timeout: float | None = DOC_TIMEOUT) -> ExtractReport:
    """Extract every Arabic document whose stored extraction is missing or from another version,
    replacing each one's results in its own transaction, then call the after_extract hook: also
    when nothing was new but an earlier run stopped before its incident step committed."""
    from marsad.store import hooks

    version = current_version()
    report = ExtractReport(version)
    with store.exclusive("extract"):
        doc_ids = pending(store, version)
        results = _results(store.documents(doc_ids), workers, timeout)
        _collect(report, results, len(doc_ids),
                 lambda doc_id, result: save_extraction(store, doc_id, version, result), progress)
        if report.extracted:
            hooks.after_extract(store, list(report.extracted))
        else:
            report.incidents_resumed = hooks.resume_derived(store) is not None
    return report


def output_name(doc_id: str) -> str:
    """The file name of a document's output. Distinct doc_ids give distinct names: the doc_id rule
    (marsad.documents) admits no path separator, and anything else is escaped."""
    safe = doc_id.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C")
    return safe + ".json"


def empty_result(doc: Document) -> dict:
    return {"doc_id": doc.doc_id, "published": doc.published, "events": [], "claims": []}


def extract_to_dir(paths: Iterable[str | Path], output: str | Path, *, workers: int = 1,
                   max_bytes: int | None = None, progress: Progress | None = None,
                   timeout: float | None = DOC_TIMEOUT) -> ExtractReport:
    """Read inputs (no DB) and write OUTPUT/<doc_id>.json in the spec's format for each document.
    Non-Arabic documents get an empty record (nothing is extracted from them). A doc_id seen
    twice in one run is an error for the second document (the first one's output is kept)."""
    from marsad.ingest import is_arabic, read_documents
    from marsad.readers import DEFAULT_MAX_BYTES

    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = ExtractReport(current_version(), output=str(out))
    docs, report.errors = read_documents(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    seen: set[str] = set()
    unique = []
    for doc in docs:
        if doc.doc_id in seen:
            report.errors.append(InputError(doc.doc_id, "duplicate doc_id in this run (the first one's output is kept)"))
            continue
        seen.add(doc.doc_id)
        unique.append(doc)
    arabic = [d for d in unique if is_arabic(d.lang)]
    for doc in unique:
        if not is_arabic(doc.lang):
            report.skipped_non_arabic.append(doc.doc_id)
            _write(out, doc.doc_id, empty_result(doc))
    _collect(report, _results(arabic, workers, timeout), len(arabic),
             lambda doc_id, result: _write(out, doc_id, result), progress)
    return report


def _write(out: Path, doc_id: str, result: dict) -> None:
    """Write through a temporary file and rename: a killed run never leaves half a JSON file."""
    path = out / output_name(doc_id)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
