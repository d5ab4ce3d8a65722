"""HTML pages: main text and metadata (title, date, site, URL) through trafilatura."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.documents import Document, make_document
from marsad.errors import InputError
from marsad.readers.base import DEFAULT_MAX_BYTES, read_text, with_title

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(where: str, html: str, url: str | None = None) -> Document:
    import trafilatura   # heavy: only when an HTML page is read

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        include_tables=False, date_extraction_params=_DATE_PARAMS)
    # trafilatura 2 returns a Document, 1.x (which pyproject allows) a dict
    meta = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    body = (meta.get("text") or "").strip()
    if not body:
        raise InputError(where, "no main text found in the HTML")
    title = meta.get("title")
    doc = make_document(
        with_title(title, body), title=title, url=meta.get("url") or url,
        source=meta.get("sitename") or meta.get("hostname"), published=meta.get("date"),
        meta={"format": "html"})
    return _page_date(doc, html)


def _page_date(doc: Document, html: str) -> Document:
    """The date the page's own metadata states (meta tags, JSON-LD, <time>), else htmldate's, with a note."""
    from marsad.pubdate import HTMLDATE, Recovered, from_html, from_url, set_recovered

    found = from_html(html)
    if found is None and doc.published:    # htmldate's date; one read from the URL is said so
        in_url = from_url(doc.url)
        found = in_url if in_url and in_url.date == doc.published else Recovered(doc.published, HTMLDATE, "trafilatura")
    if found is not None:
        set_recovered(doc, found)
    return doc


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    yield parse_html(str(path), read_text(path, max_bytes))
