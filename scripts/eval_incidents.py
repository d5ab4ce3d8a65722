"""Score the cross-report incident merge: "same incident" pairwise precision and recall.

    .venv/bin/python scripts/eval_incidents.py [CORPUS] [--mode extracted|gold|both] [--show]

CORPUS defaults to ../shared/corpus/dev2 (articles/, gold/, incidents.json). A check set of
real reports without gold events (articles/ and clusters.json: which reports tell one incident)
is scored at the report level instead (``score_doc_clusters``); such sets are kept outside the
repository (their texts are not ours to commit) and the script skips cleanly when absent. Two modes:

- ``extracted``: the real pipeline: ``marsad.ingest`` (language, near-duplicates), the
  extractor (``extract_pending``) and ``update_incidents`` in a temporary database; each gold
  event is then matched to the extracted event of its report that tells it (same type family,
  most shared evidence words), so extraction misses count against recall;
- ``gold``: the gold events themselves are stored and merged, which measures the merge alone.

Every gold event of the corpus is a mention; ``incidents.json`` names which mentions tell one
incident, every other gold event is an incident of its own. A pair of mentions is "same" in
gold when one incident lists both, "same" in the prediction when both are matched to events of
one marsad incident. Precision = true same pairs / predicted same pairs; recall = true same
pairs / gold same pairs. Each missed pair is put down to the first check that keeps its two
events apart (``incidents.why_apart``), or to extraction when a mention has no event. Look-alikes: predicted-same pairs of two different gold incidents
at the same place (the distractors), listed with --show.
"""
from __future__ import annotations

import argparse
import math
import json
import re
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "dev2"
_WORD = re.compile(r"\w+")
EVENT_FIELDS = ("event_id", "doc_id", "event_type", "sub_event_type", "date_start", "date_end", "actor1",
                "actor2", "name_ar", "admin1", "geo_precision", "fatalities", "injured", "arrested", "evidence")


def _load(corpus: Path):
    gold = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        gold[rec["doc_id"]] = rec
    clusters = json.loads((corpus / "incidents.json").read_text(encoding="utf-8"))
    label = {}
    for k, inc in enumerate(clusters):
        for doc, idx in inc["event_index"].items():
            label[(doc, idx)] = f"g{k}"
    mentions = []          # (doc_id, gold index, gold incident label, gold event)
    for doc, rec in gold.items():
        for i, ev in enumerate(rec.get("events") or []):
            mentions.append((doc, i, label.get((doc, i), f"solo:{doc}:{i}"), ev))
    return gold, clusters, mentions


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall(text or ""))


def _family(event_type: str | None) -> str:
    return event_type or ""


def _folded(name: str | None) -> str:
    from marsad.analysis.incidents import fold_name
    return fold_name(name)


def _days_overlap(g: dict, ev: dict, slack: int = 2) -> bool:
    from marsad.analysis.incident_features import iso_day
    gs, ge = iso_day(g.get("date_start")), iso_day(g.get("date_end") or g.get("date_start"))
    es, ee = iso_day(ev.get("date_start")), iso_day(ev.get("date_end") or ev.get("date_start"))
    if None in (gs, ge, es, ee):
        return True
    return gs <= ee + slack and es <= ge + slack


def _match_score(g: dict, ev: dict) -> float:
    """How surely extracted event ``ev`` tells gold event ``g`` of the same report (0 = not)."""
    gw, ew = _words(g.get("evidence")), _words(ev["evidence"])
    overlap = len(gw & ew) / max(1, min(len(gw), len(ew)))
    same_type = _family(g.get("event_type")) == _family(ev["event_type"])
    loc = g.get("location") or {}
    gname, ename = _folded(loc.get("name_ar")), _folded(ev.get("name_ar"))
    same_place = bool(gname) and bool(ename) and (gname == ename or gname in ename or ename in gname)
    tolls = sum(0.4 for f in ("fatalities", "injured") if g.get(f) is not None and g.get(f) == ev.get(f))
    if not same_type and overlap < 0.5 and not same_place:
        return 0.0
    if not _days_overlap(g, ev):
        return 0.0                  # both dated, days apart: another incident the report recalls
    score = overlap + same_type + (g.get("sub_event_type") == ev["sub_event_type"]) * 0.5 \
        + same_place * 0.75 + tolls
    return score if score >= 1.2 else 0.0


def _match_events(mentions, predicted: dict[str, list[dict]]) -> dict[tuple[str, int], str]:
    """Gold mention -> event_id of the extracted event that tells it.

    Per report, the one-to-one assignment with the highest total score (reports have a handful
    of events: every assignment is tried), so one event is not taken by a mention it fits
    slightly better while the mention it alone fits goes unmatched.
    """
    from itertools import permutations
    by_doc: dict[str, list] = {}
    for doc, i, _lab, g in mentions:
        by_doc.setdefault(doc, []).append((i, g))
    out = {}
    for doc, golds in by_doc.items():
        evs = predicted.get(doc, [])
        if not evs:
            continue
        table = [[_match_score(g, ev) for ev in evs] for _i, g in golds]
        slots = list(range(len(evs))) + [None] * len(golds)
        best, best_pick = -1.0, ()
        if math.perm(len(evs) + len(golds), len(golds)) <= 20_000:
            for pick in set(permutations(slots, len(golds))):
                total = sum(table[k][j] for k, j in enumerate(pick) if j is not None and table[k][j] > 0)
                if total > best:
                    best, best_pick = total, pick
        else:                               # a long report: greedy, best first
            taken: set[int] = set()
            pick = [None] * len(golds)
            for _s, k, j in sorted(((table[k][j], k, j) for k in range(len(golds)) for j in range(len(evs))),
                                   reverse=True):
                if table[k][j] > 0 and pick[k] is None and j not in taken:
                    pick[k] = j
                    taken.add(j)
            best_pick = tuple(pick)
        for k, j in enumerate(best_pick):
            if j is not None and table[k][j] > 0:
                out[(doc, golds[k][0])] = evs[j]["event_id"]
    return out


def _store_docs(store, corpus: Path, mode: str) -> None:
    from marsad.ingest import ingest
    if mode == "extracted":
        from marsad.analysis import update_incidents
        from marsad.store.runner import extract_pending
        ingest([corpus / "articles"], store)
        extract_pending(store)          # runs the after-extract hook too
        update_incidents(store.conn)
        return
    from marsad.analysis import update_incidents
    from marsad.store.extractions import save_extraction
    ingest([corpus / "articles"], store)
    for path in sorted((corpus / "gold").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        save_extraction(store, rec["doc_id"], "gold", {"events": rec.get("events") or [], "claims": []})
    update_incidents(store.conn)


def _predicted(store) -> tuple[dict[str, list[dict]], dict[str, str]]:
    conn = store.conn
    events: dict[str, list[dict]] = {}
    cur = conn.execute(f"SELECT {', '.join(EVENT_FIELDS)} FROM events ORDER BY event_id")
    for row in cur:
        rec = dict(zip(EVENT_FIELDS, row))
        events.setdefault(rec["doc_id"], []).append(rec)
    incident_of = dict(conn.execute("SELECT event_id, incident_id FROM incident_events"))
    return events, incident_of


def _merge_views(store) -> dict:
    """event_id -> the ``Ev`` the merge compares (the event row with its report's fields)."""
    from marsad.analysis.incident_store import _COLS, _DOC_JOIN, _doc_cols, _event_n, _rows
    from marsad.analysis.incidents import Merger
    merger = Merger()
    out = {}
    for row in _rows(store.conn.execute(f"SELECT {_COLS}{_doc_cols(store.conn)} FROM events e{_DOC_JOIN}")):
        row["_n"] = _event_n(row["event_id"])
        out[row["event_id"]] = merger.ev(row)
    return out, merger.rules


def _brief(ev: dict) -> str:
    loc = ev.get("location") or {}
    name = ev.get("name_ar", loc.get("name_ar"))
    admin1 = ev.get("admin1", loc.get("admin1"))
    prec = ev.get("geo_precision", loc.get("geo_precision"))
    return (f"{ev.get('sub_event_type')} | {ev.get('date_start')}..{ev.get('date_end')} | {name} ({admin1}, p{prec})"
            f" | {ev.get('actor1')} / {ev.get('actor2')} | killed {ev.get('fatalities')} injured {ev.get('injured')}")


def _diagnose(clusters, gold, predicted, matched, incident_of) -> list[dict]:
    """Per gold incident told by two or more reports: each report's gold event, the extracted
    event matched to it (or none: an extraction miss) and the marsad incident it is in."""
    out = []
    for inc in clusters:
        if len(inc["event_index"]) < 2:
            continue
        rows = []
        for doc, idx in inc["event_index"].items():
            eid = matched.get((doc, idx))
            ev = next((e for e in predicted.get(doc, []) if e["event_id"] == eid), None)
            rows.append({"mention": f"{doc}#{idx}", "gold": _brief(gold[doc]["events"][idx]),
                         "extracted": _brief(ev) if ev else None, "event_id": eid,
                         "incident": incident_of.get(eid) if eid else None})
        out.append({"incident": inc["incident"], "reports": rows})
    return out


def score(corpus: Path, mode: str, show: bool = False, diagnose: bool = False) -> dict:
    from marsad.store import Store
    gold, clusters, mentions = _load(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        _store_docs(store, corpus, mode)
        predicted, incident_of = _predicted(store)
        views, rules = _merge_views(store)
        store.close()
    if mode == "gold":
        matched = {(doc, i): f"{doc}:{i + 1}" for doc, i, _l, _g in mentions}
    else:
        matched = _match_events(mentions, predicted)
    place = {(d, i): (g.get("location") or {}).get("name_ar") for d, i, _l, g in mentions}
    from marsad.analysis.incidents import why_apart
    tp = fp = fn = reachable = 0
    false_merges, missed = [], []
    blocked: dict[str, int] = {}
    for (d1, i1, l1, _g1), (d2, i2, l2, _g2) in combinations(mentions, 2):
        e1, e2 = matched.get((d1, i1)), matched.get((d2, i2))
        pred = e1 is not None and e2 is not None and incident_of.get(e1) is not None \
            and incident_of.get(e1) == incident_of.get(e2)
        same = l1 == l2
        reachable += same and e1 is not None and e2 is not None
        if pred and same:
            tp += 1
        elif pred:
            fp += 1
            false_merges.append((f"{d1}#{i1}", f"{d2}#{i2}", place[(d1, i1)], place[(d2, i2)]))
        elif same:
            fn += 1
            why = "no event (extraction)" if e1 is None or e2 is None else \
                (why_apart(rules, views[e1], views[e2]) or "incident context / ambiguity")
            blocked[why] = blocked.get(why, 0) + 1
            missed.append((f"{d1}#{i1}", f"{d2}#{i2}", why))
    lookalike = [fm for fm in false_merges if fm[2] and fm[2] == fm[3]]
    result = {"mode": mode, "mentions": len(mentions), "matched": sum(1 for m in mentions if (m[0], m[1]) in matched),
              "gold_pairs": tp + fn, "predicted_pairs": tp + fp, "true_pairs": tp,
              "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
              "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
              "lookalike_pairs_merged": len(lookalike)}
    if mode == "extracted":
        # the recall the merge could reach given the events that exist: a gold pair whose two
        # mentions both have an extracted event; the rest is lost to extraction
        gold_pairs = tp + fn
        result["reachable_pairs"] = reachable
        result["recall_of_reachable"] = round(tp / reachable, 3) if reachable else 1.0
        result["lost_to_extraction"] = round(1 - reachable / gold_pairs, 3) if gold_pairs else 0.0
    result["missed_pairs_by_first_check"] = dict(sorted(blocked.items(), key=lambda kv: -kv[1]))
    if diagnose:
        result["clusters"] = _diagnose(clusters, gold, predicted, matched, incident_of)
    if show:
        result["false_merges"] = false_merges
        result["missed"] = missed
    return result


def score_doc_clusters(corpus: Path, show: bool = False) -> dict:
    """A check set without gold events: ``articles/`` and ``clusters.json`` (``[{"incident": ...,
    "docs": [doc_id, ...]}]``, every report in one cluster; a cluster of one is a look-alike or
    an incident told once). Reports are run through the real pipeline (ingest, extraction,
    merge). Each report is represented by its lead event (the first it tells: the other events
    of a report are often earlier incidents it recalls); two reports are "same" in the prediction
    when their lead events are in one marsad incident; pairs are scored against the clusters."""
    from marsad.store import Store
    clusters = json.loads((corpus / "clusters.json").read_text(encoding="utf-8"))
    label = {doc: k for k, c in enumerate(clusters) for doc in c["docs"]}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        _store_docs(store, corpus, "extracted")
        predicted, incident_of = _predicted(store)
        views, rules = _merge_views(store)
        store.close()
    from marsad.analysis.incidents import why_apart
    # a report's lead event: its lowest event number (ids are "<doc_id>:<n>")
    leads = {doc: min(evs, key=lambda e: int(e["event_id"].rpartition(":")[2]))["event_id"]
             for doc, evs in predicted.items() if evs}
    incidents_of_doc = {doc: {incident_of.get(eid)} - {None} for doc, eid in leads.items()}
    tp = fp = fn = 0
    false_merges, missed = [], []
    for d1, d2 in combinations(sorted(label), 2):
        pred = bool(incidents_of_doc.get(d1, set()) & incidents_of_doc.get(d2, set()))
        same = label[d1] == label[d2]
        tp += pred and same
        if pred and not same:
            fp += 1
            false_merges.append((d1, d2))
        elif same and not pred:
            fn += 1
            missed.append((d1, d2, "no event (extraction)" if not incidents_of_doc.get(d1)
                           or not incidents_of_doc.get(d2)
                           else why_apart(rules, views[leads[d1]], views[leads[d2]]) or "apart (incident context)"))
    result = {"mode": "doc-clusters", "reports": len(label), "reports_with_events": sum(
                  1 for d in label if incidents_of_doc.get(d)),
              "gold_pairs": tp + fn, "predicted_pairs": tp + fp, "true_pairs": tp,
              "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
              "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
              "lookalike_pairs_merged": len(false_merges)}
    if show:
        result["false_merges"] = false_merges
        result["missed"] = missed
    return result


def _copies_jsonl(examples: Path, copies: int, out: Path) -> int:
    """Every example report ``copies`` times, each copy under its own doc_id (as aggregators
    re-post a story); returns how many documents were written."""
    from marsad.readers import iter_sources, read_source
    docs = []
    for source in iter_sources([examples]):
        try:
            docs.extend(read_source(source))
        except Exception:  # noqa: BLE001 — a reader's error is the ingest test's business, not this one's
            continue
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for doc in docs:
                rec = {"doc_id": f"{doc.doc_id}~{k}", "url": doc.url, "source": doc.source,
                       "published": doc.published, "title": doc.title, "text": doc.text}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def totals_with_copies(examples: Path, copies: int) -> dict:
    """The `stats` totals of the examples ingested once, and of ``copies`` copies of them."""
    from marsad.ingest import ingest
    from marsad.store import Store
    from marsad.store.runner import extract_pending
    from marsad.store.stats import summary
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, n in (("once", 1), (f"x{copies}", copies)):
            path = Path(tmp) / f"{label}.jsonl"
            docs = _copies_jsonl(examples, n, path)
            store = Store(Path(tmp) / f"{label}.db")
            ingest([path], store)
            extract_pending(store)
            s = summary(store)
            out[label] = {"documents": docs, "near_duplicates": s.near_duplicates, "event_rows": s.events,
                          "incidents": s.incidents, "killed": s.fatalities, "injured": s.injured,
                          "arrested": s.arrested, "by_type": s.by_type}
            store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--mode", choices=("extracted", "gold", "both"), default="both")
    ap.add_argument("--show", action="store_true", help="list the false merges and missed pairs")
    ap.add_argument("--diagnose", action="store_true",
                    help="per multi-report incident: each report's gold event, its extracted event, its incident")
    ap.add_argument("--copies", type=int, default=0,
                    help="instead: stats totals of examples/ once and N times copied (counting by incident)")
    args = ap.parse_args(argv)
    if args.copies:
        res = totals_with_copies(ROOT / "examples", args.copies)
        print(json.dumps(res, ensure_ascii=False, indent=1))
        same = {k: v for k, v in res["once"].items() if k not in ("documents", "near_duplicates", "event_rows")}
        other = {k: v for k, v in res[f"x{args.copies}"].items() if k in same}
        print("totals equal:", same == other)
        return 0 if same == other else 1
    if (args.corpus / "clusters.json").exists() and not (args.corpus / "incidents.json").exists():
        print(json.dumps(score_doc_clusters(args.corpus, args.show), ensure_ascii=False,
                         indent=None if not args.show else 1))
        return 0
    if not (args.corpus / "incidents.json").exists():
        print(f"skip: no {args.corpus / 'incidents.json'}", file=sys.stderr)
        return 0
    for mode in (("extracted", "gold") if args.mode == "both" else (args.mode,)):
        res = score(args.corpus, mode, args.show, args.diagnose)
        print(json.dumps(res, ensure_ascii=False, indent=None if not (args.show or args.diagnose) else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
