"""PRIVATE stand-in for marsad.geo.find_places, used only while marsad.geo is absent.

Reads the shared gazetteer files (../shared/data/gazetteer) once, indexes Arabic names
by their folded form and finds them in a text (longest first). Deliberately small.
"""
from __future__ import annotations

import csv
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.text import normalize

_GAZ = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "gazetteer"
_TOKEN = re.compile(r"\w+")
_CUES = {"في", "بلده", "قريه", "مدينه", "منطقه", "حي", "ناحيه", "قضاء", "ريف", "قرب", "بمحيط", "محيط", "مخيم",
         "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "بين", "من", "الي", "مناطق", "قري", "وبلدات", "بلدات"}
_REGION_CUES = {"ريف", "بريف", "وريف", "اطراف", "ارياف", "بادية", "باديه", "صحراء", "محيط", "بمحيط", "قرب", "بالقرب"}
_STOP = {"الدوله", "الجيش", "الحشد", "السلام", "النصر", "العراق", "التحالف", "الامن", "الشام", "اليوم", "الخميس",
         "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "حزيران", "تموز", "ايار", "اذار", "شباط",
         "المنطقه", "الحدود", "القوات", "الشرق", "الغرب", "المدينه", "البلده", "العاصمه", "المنطقة", "الحرس", "الشعب"}


@dataclass
class FallbackPlace:
    start: int
    end: int
    surface: str
    name_ar: str
    name_en: str
    country: str
    admin1: str
    lat: float
    lon: float
    geo_precision: int
    kind: str
    why: str = "fallback"
    score: float = 1.0

    def location(self) -> dict:
        return {"name_ar": self.name_ar, "name_en": self.name_en, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision}


def _key(s: str) -> str:
    return " ".join(normalize(s).folded.split())


def _rows():
    with gzip.open(_GAZ / "ocha_syr_communities.tsv.gz", "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            yield r["name_ar"], r["name_en"], "SY", r["adm1_en"], r["latitude"], r["longitude"], "locality", 1000
    with gzip.open(_GAZ / "wof_places_sy_iq_lb_jo_trborder.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f.read().splitlines()[1:]:
            c = line.split("\t")
            if len(c) < 16 or not c[7] or c[2] not in ("locality", "region", "county", "neighbourhood", "localadmin"):
                continue
            pop = int(c[12] or 0) + (10**5 if c[2] == "region" else 0)
            for name in c[7].split("|"):
                yield name, c[5] or c[3], c[1], c[14] or c[5], c[8], c[9], c[2], pop


@lru_cache(maxsize=1)
def _index() -> dict[str, dict]:
    idx: dict[str, dict] = {}
    for name_ar, name_en, cc, admin1, lat, lon, kind, pop in _rows():
        key = _key(name_ar)
        for pre in ("بلده ", "قريه ", "مدينه ", "محافظه ", "ناحيه ", "قضاء "):
            key = key[len(pre):] if key.startswith(pre) else key
        if len(key) < 3 or key in _STOP:
            continue
        pop += 500 if cc in ("SY", "IQ") else 0
        old = idx.get(key)
        if old is None or pop > old["pop"]:
            idx[key] = {"name_ar": name_ar, "name_en": name_en, "country": cc, "admin1": admin1,
                        "lat": float(lat), "lon": float(lon), "kind": kind, "pop": pop}
    return idx


def find_places(text: str, context: str | None = None) -> list[FallbackPlace]:
    norm = normalize(text)
    folded, idx = norm.folded, _index()
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
    out, i = [], 0
    while i < len(toks):
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            s, e = toks[i][0], toks[i + n - 1][1]
            phrase = " ".join(t[2] for t in toks[i:i + n])
            for cut in ("", "و", "ب", "وب", "ل", "وال"):
                if not phrase.startswith(cut):
                    continue
                cand = phrase[len(cut):]
                entry = idx.get(cand) or (idx.get("ال" + cand[1:]) if cut.endswith("ل") else None)
                if entry and _plausible(entry, n, toks, i, cut):
                    hit = (s + len(cut), e, entry, n)
                    break
            if hit:
                break
        if hit:
            out.append(_make(norm, text, toks, i, hit))
            i += hit[3]
        else:
            i += 1
    return out


def _plausible(entry: dict, n: int, toks, i: int, cut: str) -> bool:
    if entry["kind"] == "region" or entry["pop"] >= 20000 or n > 1:
        return True
    prev = toks[i - 1][2] if i else ""
    return bool(cut) or prev in _CUES or prev.lstrip("وبل") in _CUES or prev[1:] in _CUES


def _make(norm, text, toks, i, hit) -> FallbackPlace:
    s, e, entry, _ = hit
    prev = toks[i - 1][2] if i else ""
    os_, oe = norm.to_original(s, e)
    precision = 3 if entry["kind"] == "region" else 1
    if prev in _REGION_CUES or prev.lstrip("و") in _REGION_CUES:
        precision = 2 if entry["kind"] != "region" else 3
    if prev in ("محافظه", "بمحافظه", "لمحافظه", "ومحافظه"):
        precision = 3
    return FallbackPlace(os_, oe, text[os_:oe], text[os_:oe], entry["name_en"], entry["country"], entry["admin1"],
                         entry["lat"], entry["lon"], precision, entry["kind"])
