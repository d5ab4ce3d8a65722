"""The Document every stage passes around, and the helpers that make one."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"\s+")

# One rule for a doc_id, wherever it comes from (a file, a JSONL line, the API): letters (any
# script), digits and "_ . : - ~ + @ = ,", not starting with "."; so a doc_id is also a safe,
# distinct file name (`extract --output` writes DIR/<doc_id>.json) and one URL path segment
# (no "/", "\\", space, control character or anything a URL would have to escape).
MAX_DOC_ID = 200
DOC_ID_PATTERN = r"^(?!\.)[\w.:~+@=,-]+$"
_DOC_ID = re.compile(DOC_ID_PATTERN)


@dataclass
class Document:
    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None     # ISO date "YYYY-MM-DD" or None
    lang: str | None = None
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def doc_id_problem(doc_id: str) -> str | None:
    """Why ``doc_id`` is not acceptable, or None when it is (see DOC_ID_PATTERN)."""
    if len(doc_id) > MAX_DOC_ID:
        return f"doc_id too long ({len(doc_id)} characters; the limit is {MAX_DOC_ID})"
    if not _DOC_ID.fullmatch(doc_id):
        bad = next((c for c in doc_id if not _DOC_ID.fullmatch("a" + c)), doc_id[:1])
        return (f"doc_id {doc_id[:40]!a} has a character not allowed ({bad!a}); use letters, digits, "
                "'_ . : - ~ + @ = ,', not starting with '.'")
    return None


def document_problem(doc: Document) -> str | None:
    """Why a Document cannot be stored or extracted (bad doc_id, text that is not valid Unicode),
    or None."""
    problem = doc_id_problem(doc.doc_id)
    if problem:
        return problem
    for name in ("text", "title", "url", "source"):
        value = getattr(doc, name)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{name} is not valid Unicode ({exc.reason} at character {exc.start})"
    try:
        json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError) as exc:
        return f"extra fields cannot be stored ({type(exc).__name__})"
    return None


def content_hash(text: str) -> str:
    """A stable hash of the text, insensitive to surrounding and repeated whitespace."""
    canonical = _SPACES.sub(" ", text).strip()
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()   # bad text is refused later, by document_problem


def hash_id(text: str) -> str:
    """The doc_id of a document that came without one."""
    return "h" + content_hash(text)[:16]


def iso_date(value) -> str | None:
    """'2025-08-29', '2025-08-29T10:00:00Z', a date or a datetime -> 'YYYY-MM-DD'; else None."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    match = _DATE_PREFIX.match(str(value).strip())
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _clean(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def make_document(text: str, *, doc_id=None, title=None, url=None, source=None,
                  published=None, meta: dict | None = None) -> Document:
    """A Document with a stable id (the given one, else a content hash) and a normalised date.

    A publication date that cannot be read as a day is kept in ``meta['published_raw']``.
    """
    meta = dict(meta or {})
    day = iso_date(published)
    if published is not None and day is None:
        meta["published_raw"] = str(published)
    return Document(
        doc_id=_clean(doc_id) or hash_id(text),
        text=text,
        title=_clean(title),
        url=_clean(url),
        source=_clean(source),
        published=day,
        meta=meta,
    )
