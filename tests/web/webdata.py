"""Test databases for the web tests: written here, never copied from ../shared/corpus."""
from __future__ import annotations

from pathlib import Path

ARREST = "فككت قوات سوريا الديمقراطية خلية لتنظيم داعش في بلدة ذيبان واعتقلت عنصرين."
STRIKE = "قتل ثلاثة عناصر من داعش بغارة جوية للتحالف الدولي قرب مدينة الرَّقَّة."
STRIKE2 = "أسفرت غارة للتحالف على موقع قرب الرقة عن مقتل أربعة مسلحين."
IED = "انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء القائم."
SCRIPT = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned=2\">"
CLAIM_UN = "قدر تقرير للأمم المتحدة عدد مقاتلي داعش في العراق وسوريا بين 20 و30 ألف مقاتل."
CLAIM_IQ = "قال مسؤول عراقي إن عدد عناصر التنظيم لا يتجاوز ألفي عنصر."

DOCS = [
    ("t-arrest", "ذيبان: اعتقال خلية", "SyriaNews", "https://example.org/a1", "2025-08-29",
     "مقدمة الخبر.\n" + ARREST + " وقالت مصادر محلية إن العملية استمرت ساعات."),
    ("t-strike", "غارة قرب الرقة", "Wire A", "https://example.org/s1", "2025-03-10",
     STRIKE + " وأضاف المصدر أن الغارة استهدفت مخبأ."),
    ("t-strike2", "غارة للتحالف", "Wire B", "https://example.org/s2", "2025-03-11", STRIKE2),
    ("t-ied", "عبوة في القائم " + "<b>bold</b>", "IraqWire", "javascript:alert(1)", "2025-06-02",
     "تقرير: " + SCRIPT + "\n" + IED),
    ("t-claims", "تقديرات لأعداد التنظيم", "Analysis", "https://example.org/c1", "2024-01-15",
     CLAIM_UN + "\n" + CLAIM_IQ),
]
EVENTS = [
    ("t-arrest:1", "t-arrest", "Strategic developments", "Arrests", "2025-08-28", "2025-08-28", "sdf",
     "islamic_state", "ذيبان", "Dhiban", "SY", "Deir ez-Zor", 35.01, 40.51, 1, 0, None, 2, ARREST),
    ("t-strike:1", "t-strike", "Explosions/Remote violence", "Air/drone strike", "2025-03-09", "2025-03-09",
     "international_coalition", "islamic_state", "الرقة", "Raqqa", "SY", "Ar-Raqqa", 35.95, 39.01, 1, 3, None,
     None, STRIKE),
    ("t-strike2:1", "t-strike2", "Explosions/Remote violence", "Air/drone strike", "2025-03-09", "2025-03-10",
     "international_coalition", "islamic_state", "الرقة", "Raqqa", "SY", "Ar-Raqqa", 35.96, 39.02, 2, 4, None,
     None, STRIKE2),
    ("t-ied:1", "t-ied", "Explosions/Remote violence", "Remote explosive/landmine/IED", "2025-06-01",
     "2025-06-01", "islamic_state", "iraqi_security_forces", "القائم", "Al-Qaim", "IQ", "Al-Anbar", 34.37, 41.09,
     1, None, 2, None, IED),
]
CLAIMS = [
    ("t-claims:c1", "t-claims", "ISIS fighters", 20000, 30000, "range", "Iraq and Syria", "2023",
     "تقرير للأمم المتحدة", "UN report", "international_org", CLAIM_UN),
    ("t-claims:c2", "t-claims", "ISIS fighters", 2000, 2000, "at_most", "Iraq", "2023-12",
     "مسؤول عراقي", "Iraqi official", "government", CLAIM_IQ),
]
VERSION = "test-1"


def _event(row: tuple) -> dict:
    (_eid, _doc, etype, sub, d0, d1, a1, a2, name_ar, name_en, country, admin1, lat, lon, prec, fat, inj, arr,
     evidence) = row
    return {"event_type": etype, "sub_event_type": sub, "date_start": d0, "date_end": d1, "actor1": a1,
            "actor2": a2, "location": {"name_ar": name_ar, "name_en": name_en, "country": country,
                                       "admin1": admin1, "lat": lat, "lon": lon, "geo_precision": prec},
            "fatalities": fat, "injured": inj, "arrested": arr, "evidence": evidence}


def _claim(row: tuple) -> dict:
    keys = ("quantity", "value_low", "value_high", "qualifier", "place", "time", "source_ar", "source_en",
            "source_kind", "evidence")
    return dict(zip(keys, row[2:]))


def make_db(path: Path) -> Path:
    """Documents, events and claims through the spine's Store (which applies every migration)."""
    from marsad.documents import make_document
    from marsad.store import Store, save_extraction
    with Store(path) as store:
        with store.transaction():
            for doc_id, title, source, url, published, text in DOCS:
                doc = make_document(text, doc_id=doc_id, title=title, url=url, source=source, published=published)
                doc.lang = "ar"
                store.insert_document(doc, is_arabic=True, path="tests/web")
        for doc_id, *_rest in DOCS:
            result = {"doc_id": doc_id, "events": [_event(e) for e in EVENTS if e[1] == doc_id],
                      "claims": [_claim(c) for c in CLAIMS if c[1] == doc_id]}
            save_extraction(store, doc_id, VERSION, result)
    return path
