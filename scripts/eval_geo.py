"""Evaluate marsad.geo on the event locations of the gold annotations.

    .venv/bin/python scripts/eval_geo.py [--shared ../shared] [--set dev|own|all] [-v]

Sets: ``dev`` the shared dev gold and seeds gold (default), ``own`` the blind
hand-written reports in eval/own (gold in eval/own/gold), ``blind`` the blind
evaluation set in eval/blind, ``places`` eval/places (written texts), ``real`` eval/places_real
(real sentences of ../shared/corpus annotated by offsets), ``all`` each in turn.

For every gold event with a located place (lat not null), geoparse its evidence
with the rest of its report as context, take ``best_place`` (falling back to
``report_place`` of the whole report when the evidence names no place), and
measure the distance to the gold point. Prints the share within 25 km and 100 km.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.geo import best_place, find_places, report_place  # noqa: E402
from marsad.geo.resolve import km  # noqa: E402


TOLERANCE_KM = {1: 25, 2: 60, 3: 150}    # as ../shared/eval/score.py


def gold_pairs(shared: Path, which: str) -> list[tuple[Path, Path]]:
    """(gold dir, article dir) of an evaluation set."""
    if which in ("own", "blind"):
        return [(REPO / "eval" / which / "gold", REPO / "eval" / which / "articles")]
    corpus = shared / "corpus"
    if which == "dev2":
        return [(corpus / "dev2" / "gold", corpus / "dev2" / "articles")]
    return [(corpus / "dev" / "gold", corpus / "dev" / "articles"), (corpus / "seeds-gold", corpus / "seeds")]


def cases(shared: Path, which: str = "dev") -> list[tuple[str, dict, str]]:
    """(doc_id, gold event, article text) for every located gold event."""
    pairs = gold_pairs(shared, which)
    out = []
    for gold_dir, art_dir in pairs:
        for g in sorted(gold_dir.glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            art = json.loads((art_dir / g.name).read_text(encoding="utf-8"))
            text = "\n".join(x for x in (art.get("title"), art.get("text")) if x)
            for ev in gold["events"]:
                if ev["location"].get("lat") is not None:
                    out.append((gold["doc_id"], ev, text))
    return out


def predict(evidence: str, report: str):
    place = best_place(find_places(evidence, context=report))
    return place or report_place(report)


def audit(shared: Path, which: str = "dev") -> None:
    files = [f for _, art_dir in gold_pairs(shared, which) for f in sorted(art_dir.glob("*.json"))]
    total = rare = 0
    for f in files:
        art = json.loads(f.read_text(encoding="utf-8"))
        text = art.get("text") or ""
        for m in find_places(text, context=text):
            total += 1
            ctx = text[max(0, m.start - 25):m.end + 15].replace("\n", " ")
            prefix = _attached_prefix(text, m.start)
            if any(c in "كفل" for c in prefix):
                rare += 1
                print(f"{f.stem}\tprefix {prefix}\t{m.surface}\t{m.name_en} ({m.admin1 or m.country})\t...{ctx}...")
            elif m.kind in ("village", "ruin", "neighbourhood", "subdistrict"):
                print(f"{f.stem}\t{m.surface}\t{m.name_en} ({m.admin1})\t...{ctx}...")
    print(f"{total} mentions in {len(files)} articles; {rare} behind a ك/ف/ل prefix")


def _attached_prefix(text: str, start: int) -> str:
    """The letters of the same word before a mention's span (its attached prefix)."""
    k = start
    while k > 0 and "\u0621" <= text[k - 1] <= "\u064a":
        k -= 1
    return text[k:start]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss beyond 25 km")
    ap.add_argument("--audit", action="store_true",
                    help="list every village-level mention and every mention behind a ك/ف/ل prefix found in "
                         "the articles (to count false positives by eye)")
    ap.add_argument("--set", dest="which", choices=("dev", "dev2", "own", "blind", "places", "real", "all"),
                    default="dev",
                    help="dev: shared dev + seeds gold (default); dev2: shared dev2; own: eval/own; blind: eval/blind; "
                         "places: eval/places (recognition P/R and resolution, inside and outside SY/IQ); "
                         "real: eval/places_real (the same on real sentences of ../shared/corpus, by offsets); "
                         "all: each, one after the other")
    args = ap.parse_args()
    for which in (("dev", "dev2", "own", "blind", "places", "real") if args.which == "all" else (args.which,)):
        if args.which == "all":
            print(f"== {which}")
        if which == "places":
            evaluate_places(args.verbose)
        elif which == "real":
            for batch in (1, 2, 3, None):
                evaluate_real(args.shared.resolve(), args.verbose and batch is not None, batch=batch)
        elif args.audit:
            audit(args.shared.resolve(), which)
        else:
            evaluate(args.shared.resolve(), which, args.verbose)


def evaluate(shared: Path, which: str, verbose: bool) -> None:
    rows = cases(shared, which)
    within25 = within100 = within_tol = 0
    for doc_id, ev, text in rows:
        gl = ev["location"]
        p = predict(ev["evidence"], text)
        d = km(gl["lat"], gl["lon"], p.lat, p.lon) if p else float("inf")
        within25 += d <= 25
        within100 += d <= 100
        within_tol += d <= TOLERANCE_KM.get(gl.get("geo_precision") or 1, 25)
        if verbose and d > 25:
            got = f"{p.surface} -> {p.name_en} ({p.admin1}) p{p.geo_precision} [{p.why}]" if p else "nothing"
            print(f"{doc_id}: gold {gl['name_ar']} ({gl['name_en']}), got {got}, {d:.0f} km")
    n = len(rows)
    print(f"gold event locations: {n}")
    print(f"within tolerance (25/60/150 km by gold precision): {within_tol}/{n} = {within_tol / n:.1%}")
    print(f"within 25 km:  {within25}/{n} = {within25 / n:.1%}")
    print(f"within 100 km: {within100}/{n} = {within100 / n:.1%}")


def evaluate_places(verbose: bool) -> None:
    """eval/places: every gold place is a span (its surface's first occurrence); a found place (role
    place or container) is right when it overlaps a gold span, and resolved right when within the
    tolerance of the gold precision."""
    from collections import Counter

    c: Counter = Counter()
    for line in (REPO / "eval" / "places" / "places.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        found = [m for m in find_places(text, context=text) if m.role in ("place", "container")]
        golds = [(text.index(g["surface"]), text.index(g["surface"]) + len(g["surface"]), g) for g in rec["places"]]
        for m in found:
            hit = any(m.start < e and s < m.end for s, e, _ in golds)
            c["found"] += 1
            c["found_ok"] += hit
            if verbose and not hit:
                print(f"{rec['id']}: not a gold place: {m.surface} -> {m.name_en} ({m.country}) [{m.why}]")
        for s0, e0, g in golds:
            zone = "in" if g["country"] in ("SY", "IQ") else "out"
            over = [m for m in found if m.start < e0 and s0 < m.end]
            c[f"gold_{zone}"] += 1
            if not over:
                if verbose:
                    print(f"{rec['id']}: missed {g['surface']} ({g['country']})")
                continue
            c[f"rec_{zone}"] += 1
            m = max(over, key=lambda m: min(m.end, e0) - max(m.start, s0))
            loc = m.location()
            d = km(g["lat"], g["lon"], loc["lat"], loc["lon"]) if loc["lat"] is not None else float("inf")
            ok = d <= TOLERANCE_KM.get(g["precision"], 25)
            c[f"res_{zone}"] += ok
            if verbose and not ok:
                print(f"{rec['id']}: {g['surface']} ({g['country']}) resolved to {m.name_en} ({m.country}), {d:.0f} km")
    gold = c["gold_in"] + c["gold_out"]
    rec_all = c["rec_in"] + c["rec_out"]
    print(f"places: {gold} gold ({c['gold_in']} in SY/IQ, {c['gold_out']} outside), {c['found']} found")
    print(f"recognition precision {c['found_ok'] / max(1, c['found']):.3f}, recall {rec_all / max(1, gold):.3f} "
          f"(in SY/IQ {c['rec_in'] / max(1, c['gold_in']):.3f}, outside {c['rec_out'] / max(1, c['gold_out']):.3f})")
    print(f"resolution within tolerance, of recognised: {(c['res_in'] + c['res_out']) / max(1, rec_all):.3f} "
          f"(in SY/IQ {c['res_in'] / max(1, c['rec_in']):.3f}, outside {c['res_out'] / max(1, c['rec_out']):.3f}); "
          f"end to end {(c['res_in'] + c['res_out']) / max(1, gold):.3f}")


def evaluate_real(shared: Path, verbose: bool, path: Path | None = None, batch: int | None = None) -> dict | None:
    """eval/places_real: real sentences of ../shared/corpus (dev, dev2, seeds) with every place annotated by
    offsets (the text stays in ../shared). Recognition: a found place (any role but "org") is right when it
    overlaps a gold place. Resolution: a recognised gold place with a point is right within the scorer's
    tolerance for its precision. Inside (SY/IQ) and outside. ``batch``: 1 (annotated while the geoparser was
    changed against it) or 2 (annotated after its last change: held out); None: both. None when ../shared is
    absent."""
    from collections import Counter

    path = path or REPO / "eval" / "places_real" / "places.jsonl"
    if not (shared / "corpus").is_dir():
        print(f"no corpus under {shared}: eval/places_real skipped")
        return None
    c: Counter = Counter()
    texts: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if batch is not None and rec["batch"] != batch:
            continue
        key = (rec["set"], rec["doc"])
        if key not in texts:
            f = shared / "corpus" / "seeds" / f"{rec['doc']}.json" if rec["set"] == "seeds" else \
                shared / "corpus" / rec["set"] / "articles" / f"{rec['doc']}.json"
            texts[key] = json.loads(f.read_text(encoding="utf-8"))["text"] or ""
        report = texts[key]
        text = report[rec["start"]:rec["end"]]
        golds = rec["places"]
        for g in golds:
            if text[g["start"]:g["end"]] != g["surface"]:
                raise ValueError(f"{rec['id']}: {g['surface']} is not at {g['start']}:{g['end']} (corpus changed?)")
        found = [m for m in find_places(text, context=report) if m.role != "org"]
        for m in found:
            hit = any(m.start < g["end"] and g["start"] < m.end for g in golds)
            c["found"] += 1
            c["found_ok"] += hit
            if verbose and not hit:
                print(f"{rec['id']} {rec['doc']}: not a place: {m.surface} -> {m.name_en} ({m.country}) [{m.why}]")
        for g in golds:
            zone = "in" if g["country"] in ("SY", "IQ") else "out"
            over = [m for m in found if m.start < g["end"] and g["start"] < m.end]
            c[f"gold_{zone}"] += 1
            if not over:
                if verbose:
                    print(f"{rec['id']} {rec['doc']}: missed {g['surface']} ({g['country']})")
                continue
            c[f"rec_{zone}"] += 1
            if g["lat"] is None:
                continue
            c[f"pt_{zone}"] += 1
            m = max(over, key=lambda m: (min(m.end, g["end"]) - max(m.start, g["start"]), -m.geo_precision))
            loc = m.location()
            d = km(g["lat"], g["lon"], loc["lat"], loc["lon"]) if loc["lat"] is not None else float("inf")
            ok = d <= TOLERANCE_KM.get(g["precision"], 25)
            c[f"res_{zone}"] += ok
            if verbose and not ok:
                print(f"{rec['id']} {rec['doc']}: {g['surface']} ({g['country']} p{g['precision']}) resolved to "
                      f"{m.name_en} ({m.country}, p{m.geo_precision}), {d:.0f} km")
    return _report_real(c, batch)


def _report_real(c, batch: int | None = None) -> dict:
    def r(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    gold, rec = c["gold_in"] + c["gold_out"], c["rec_in"] + c["rec_out"]
    pts, res = c["pt_in"] + c["pt_out"], c["res_in"] + c["res_out"]
    out = {"gold": gold, "gold_in": c["gold_in"], "gold_out": c["gold_out"], "found": c["found"],
           "precision": r(c["found_ok"], c["found"]), "recall": r(rec, gold),
           "recall_in": r(c["rec_in"], c["gold_in"]), "recall_out": r(c["rec_out"], c["gold_out"]),
           "resolution": r(res, pts), "resolution_in": r(c["res_in"], c["pt_in"]),
           "resolution_out": r(c["res_out"], c["pt_out"]), "points": pts}
    print(f"places_real{'' if batch is None else f' batch {batch}'}: {gold} gold places ({c['gold_in']} in SY/IQ, {c['gold_out']} outside), {c['found']} found")
    print(f"recognition precision {out['precision']:.3f}, recall {out['recall']:.3f} "
          f"(in SY/IQ {out['recall_in']:.3f}, outside {out['recall_out']:.3f})")
    print(f"resolution within tolerance, of {pts} recognised places with a gold point: {out['resolution']:.3f} "
          f"(in SY/IQ {out['resolution_in']:.3f} of {c['pt_in']}, outside {out['resolution_out']:.3f} of {c['pt_out']})")
    return out

if __name__ == "__main__":
    main()
