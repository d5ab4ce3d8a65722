"""Placeholder pipeline: replaced by the extractor (issue 5). Keeps the spine runnable."""
from __future__ import annotations

EXTRACTOR_VERSION = "0.0.0-stub"


def extract_document(doc) -> dict:
    return {"doc_id": doc.doc_id, "published": doc.published, "events": [], "claims": []}


def detect(text: str) -> list[dict]:
    return []
