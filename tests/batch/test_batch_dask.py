"""Batch extraction on Dask (marsad.batch): partitions, the same extractions as the
single-process path, resumability, retried failures, and loading the output into a store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import batch
from marsad.documents import make_document
from marsad.extract import extract_document
from marsad.store import Store, load_extraction

REPORTS = [
    ("b-arrest", "2025-08-29", "أعلنت قوات سوريا الديمقراطية، يوم الخميس، اعتقال عنصرين من خلية تابعة لتنظيم داعش "
                               "خلال مداهمة في بلدة ذيبان بريف دير الزور الشرقي."),
    ("b-strike", "2025-03-10", "قتل ثلاثة عناصر من داعش بغارة جوية للتحالف الدولي قرب مدينة الرقة يوم الأحد."),
    ("b-ied", "2025-06-02", "انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء القائم غربي الأنبار، ما أدى إلى إصابة جنديين."),
    ("b-claim", "2024-01-15", "قدر تقرير للأمم المتحدة عدد مقاتلي داعش في العراق وسوريا بين 20 و30 ألف مقاتل."),
    ("b-english", "2025-01-01", "The committee met on Tuesday to discuss the budget for next year."),
    ("b-clash", "2025-04-20", "اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحين في ريف درعا الغربي أسفرت عن مقتل خمسة مسلحين."),
]


def write_jsonl(path: Path, bad_line: bool = False) -> Path:
    lines = [json.dumps({"doc_id": d, "published": p, "text": t, "source": "wire"}, ensure_ascii=False)
             for d, p, t in REPORTS]
    if bad_line:
        lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def single_process(doc_id: str) -> dict:
    _, published, text = next(r for r in REPORTS if r[0] == doc_id)
    doc = make_document(text, doc_id=doc_id, published=published, source="wire", meta={"format": "json"})
    doc.lang = "ar"
    return extract_document(doc)


@pytest.fixture(scope="module")
def threads_cluster():
    """An in-process Dask cluster (threads): fast, and monkeypatches reach its tasks."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


def test_partitions_cut_jsonl_by_lines_and_report_bad_inputs(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl")
    parts, errors = batch.partitions([src, tmp_path / "missing.jsonl"], rows=4)
    assert [(p.kind, p.first_line) for p in parts] == [("jsonl", 1), ("jsonl", 5)]
    assert parts[0].end == parts[1].start and parts[1].end == src.stat().st_size
    assert len({p.pid for p in parts}) == 2
    assert [e.reason for e in errors] == ["no such file or directory"]


def test_local_cluster_gives_the_single_process_extractions(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", bad_line=True)
    out = tmp_path / "out"
    report = batch.run_batch([src], out, workers=1, rows=3)
    assert (report.partitions, report.done, report.skipped, report.failed) == (3, 3, 0, [])
    assert [str(e) for e in report.errors] == [f"{src}: line 3: malformed JSON (Expecting property name "
                                               "enclosed in double quotes: line 1 column 2 (char 1))"]
    import pyarrow.parquet as pq
    docs = {r["doc_id"]: r for f in (out / "documents").glob("*.parquet") for r in pq.read_table(f).to_pylist()}
    assert set(docs) == {r[0] for r in REPORTS}
    assert docs["b-english"]["is_arabic"] == 0 and docs["b-english"]["result_json"] is None
    for doc_id, row in docs.items():
        if doc_id != "b-english":
            assert json.loads(row["result_json"]) == single_process(doc_id), doc_id
    events = [r for f in (out / "events").glob("*.parquet") for r in pq.read_table(f).to_pylist()]
    assert report.events == len(events) > 0
    assert {e["event_id"] for e in events if e["doc_id"] == "b-arrest"} == {"b-arrest:1"}


def test_finished_partitions_are_skipped_and_a_removed_one_redone(tmp_path, threads_cluster):
    src = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    first = batch.run_batch([src], out, scheduler=threads_cluster, rows=2)
    assert (first.done, first.skipped) == (3, 0)
    again = batch.run_batch([src], out, scheduler=threads_cluster, rows=2)
    assert (again.done, again.skipped) == (0, 3)
    victim = sorted((out / "done").iterdir())[1]
    victim.unlink()
    third = batch.run_batch([src], out, scheduler=threads_cluster, rows=2)
    assert (third.done, third.skipped) == (1, 2) and victim.is_file()


def test_a_failing_partition_is_retried_then_reported_and_redone_next_run(tmp_path, threads_cluster, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    real_read, calls, failures_left = batch._read, [], [2]

    def flaky(part):
        calls.append(part.first_line)
        if part.first_line == 4 and failures_left[0] > 0:
            failures_left[0] -= 1
            raise OSError("disk hiccup")
        return real_read(part)

    monkeypatch.setattr(batch, "_read", flaky)
    recovered = batch.run_batch([src], out, scheduler=threads_cluster, rows=3, retries=2)
    assert recovered.failed == [] and recovered.done == 2 and calls.count(4) == 3

    out2, failures_left[0] = tmp_path / "out2", 1
    failed = batch.run_batch([src], out2, scheduler=threads_cluster, rows=3, retries=0)
    assert failed.done == 1 and len(failed.failed) == 1 and "disk hiccup" in failed.failed[0].reason
    assert not failed.ok
    fixed = batch.run_batch([src], out2, scheduler=threads_cluster, rows=3, retries=0)
    assert (fixed.done, fixed.skipped, fixed.failed) == (1, 1, [])


def test_parquet_input_by_row_group(tmp_path, threads_cluster):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{"doc_id": d, "published": p, "text": t} for d, p, t in REPORTS])
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=4)
    report = batch.run_batch([tmp_path / "in.parquet"], tmp_path / "out", scheduler=threads_cluster)
    assert (report.partitions, report.documents, report.errors) == (2, len(REPORTS), [])


def test_load_into_the_store_then_reload_changes_nothing(tmp_path, threads_cluster, db_target):
    src = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    batch.run_batch([src], out, scheduler=threads_cluster, rows=4)
    with Store(db_target) as store:
        first = batch.load_output(store, out)
        counts = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "extractions", "events", "claims", "incidents")]
        again = batch.load_output(store, out)
        assert counts == [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                          for t in ("documents", "extractions", "events", "claims", "incidents")]
        assert (first.documents, first.extracted) == (len(REPORTS), len(REPORTS) - 1) == (again.documents,
                                                                                          again.extracted)
        assert counts[2] == first.events > 0 and counts[3] == first.claims > 0 and counts[4] > 0
        assert load_extraction(store, "b-strike") == single_process("b-strike")
        assert store.get_document("b-english").text == REPORTS[4][2]


def test_load_refuses_a_folder_that_is_not_batch_output(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "not a batch output folder" in result.output


def _derived(store) -> dict:
    tables = {"events": "event_id", "claims": "claim_id", "incidents": "incident_id", "event_summary": "1, 2, 3, 4, 5",
              "doc_facets": "facet, doc_id", "ledger_claims": "claim_id", "ledger_groups": "gkey"}
    drop = {"updated_at", "extracted_at"}
    out = {}
    for table, order in tables.items():
        cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        out[table] = [tuple(v for n, v in zip(names, r) if n not in drop) for r in cur]
    return out


def test_a_large_output_loads_in_bulk_to_the_same_database(tmp_path, threads_cluster, db_target, monkeypatch):
    from marsad.store import bulk, summary

    src = write_jsonl(tmp_path / "in.jsonl")
    out = tmp_path / "out"
    batch.run_batch([src], out, scheduler=threads_cluster, rows=4)
    with Store(tmp_path / "rows.db") as rows_store:
        batch.load_output(rows_store, out)
        want = _derived(rows_store)
    loads = []
    monkeypatch.setattr(batch, "BULK_EVENTS", 1)          # this small output counts as large
    monkeypatch.setattr(bulk, "mark_rebuild", lambda conn, _f=bulk.mark_rebuild: (loads.append(1), _f(conn)))
    with Store(db_target) as store:
        report = batch.load_output(store, out)
        assert loads and report.events > 0
        assert summary.built(store.conn) and summary.pending(store.conn) == 0     # rebuilt by the hook
        assert _derived(store) == want
        batch.load_output(store, out)                       # and again: nothing changes
        assert _derived(store) == want
