"""Write endpoints, mounted only when the server has a token: ingest one report, re-extract.

Both go through the spine's library: a posted report is ingested exactly like a `.json` file
(language check, near-duplicate link, idempotent by doc_id) and extracted with the current
extractor; the after_extract hook (incidents, ledger) runs as after `marsad extract`.
"""

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel, Field, field_validator

from marsad.documents import MAX_DOC_ID, doc_id_problem
from marsad.web.api import check_token

LOCK_WAIT = 30     # seconds a posted report waits for an ingest already running on the database


class ReportIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    doc_id: str | None = Field(default=None, max_length=MAX_DOC_ID, description="the rule of marsad.documents: "
                               "letters, digits, '_ . : - ~ + @ = ,', not starting with '.'")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None


    @field_validator("doc_id")
    @classmethod
    def _doc_id_rule(cls, value: str | None) -> str | None:
        problem = None if value is None else doc_id_problem(value)
        if problem:
            raise ValueError(problem)
        return value


class ExtractIn(BaseModel):
    doc_ids: list[str] | None = Field(default=None, description="force these; omit to extract every pending document")


def ingest_report(db_path: str | Path, report: ReportIn) -> dict:
    from marsad.errors import StoreError
    from marsad.ingest import ingest
    from marsad.store import Store
    data = report.model_dump(mode="json", exclude_none=True)
    with tempfile.TemporaryDirectory() as tmp, Store(db_path) as store:
        path = Path(tmp) / "report.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        try:
            rep = ingest([path], store, lock_timeout=LOCK_WAIT)
        except StoreError as exc:
            raise HTTPException(503, str(exc), headers={"Retry-After": "10"}) from exc
        if rep.errors:
            raise HTTPException(422, "; ".join(str(e) for e in rep.errors))
        added = rep.added[0] if rep.added else None
        extracted = extract_ids(store, [added]) if added and added not in rep.non_arabic else []
    return {"added": added, "already": rep.already, "near_duplicate_of": rep.near_duplicates.get(added) if added else None,
            "non_arabic": bool(rep.non_arabic), "extracted": extracted}


def extract_ids(store, doc_ids: list[str]) -> list[dict]:
    """Extract these documents with the current extractor (even if already done), then run the hook."""
    from marsad.store import hooks, runner, save_extraction
    from marsad.store.runner import current_version, extract_isolated
    version, out, docs = current_version(), list[dict](), []
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        docs.append(doc)
    for doc_id, result, error in extract_isolated(docs, timeout=runner.DOC_TIMEOUT):   # a worker, stopped at the limit
        if error:
            out.append({"doc_id": doc_id, "error": error})
            continue
        assert result is not None     # a document without an error has its result
        save_extraction(store, doc_id, version, result)
        out.append({"doc_id": doc_id, "events": len(result.get("events") or []),
                    "claims": len(result.get("claims") or [])})
    if any("error" not in r for r in out):
        hooks.after_extract(store, [r["doc_id"] for r in out if "error" not in r])
    return out


def reextract(db_path: str | Path, body: ExtractIn | None) -> dict:
    from marsad.store import Store, runner
    with Store(db_path) as store:
        if body and body.doc_ids is not None:
            return {"extracted": extract_ids(store, body.doc_ids)}
        report = runner.extract_pending(store, timeout=runner.DOC_TIMEOUT)
        return {"extracted": [{"doc_id": d} for d in report.extracted],
                "errors": [str(e) for e in report.errors]}


def write_router(db_path: str | Path, token: str) -> APIRouter:
    def require_token(authorization: Annotated[str | None, Header()] = None,
                      x_marsad_token: Annotated[str | None, Header()] = None) -> None:
        check_token(token, authorization, x_marsad_token)

    router = APIRouter(prefix="/api", tags=["write (token)"], dependencies=[Depends(require_token)])

    @router.post("/documents", status_code=201, summary="Ingest one report (as a .json input) and extract it")
    def post_document(report: ReportIn) -> dict:
        return ingest_report(db_path, report)

    @router.post("/extract", summary="Re-extract documents with the current extractor")
    def post_extract(body: ExtractIn | None = None) -> dict:
        return reextract(db_path, body)

    return router
