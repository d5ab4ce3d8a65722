"""Evaluate marsad.geo on the event locations of the gold annotations.

    .venv/bin/python scripts/eval_geo.py [--shared ../shared] [--set dev|own|all] [-v]

Sets: ``dev`` the shared dev gold and seeds gold (default), ``own`` the blind
hand-written reports in eval/own (gold in eval/own/gold), ``blind`` the blind
evaluation set in eval/blind, ``all`` each in turn.

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
    ap.add_argument("--set", dest="which", choices=("dev", "dev2", "own", "blind", "all"), default="dev",
                    help="dev: shared dev + seeds gold (default); dev2: shared dev2; own: eval/own; blind: eval/blind; "
                         "all: each, one after the other")
    args = ap.parse_args()
    for which in (("dev", "dev2", "own", "blind") if args.which == "all" else (args.which,)):
        if args.which == "all":
            print(f"== {which}")
        if args.audit:
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


if __name__ == "__main__":
    main()
