"""PlaceMention: one place found in a text, with its span and the entry chosen."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PlaceMention:
    start: int                 # span in the text passed to find_places (half-open)
    end: int
    surface: str               # text[start:end]
    name_ar: str               # as written, without بلدة/قرية/مدينة/حي and without attached prefixes
    name_en: str
    country: str
    admin1: str
    lat: float
    lon: float
    geo_precision: int         # 1 named place, 2 part of a region, 3 governorate or country
    kind: str                  # gov, city, town, village, district, region, field, camp, ...
    why: str                   # the rule and evidence that chose this entry
    score: float
    entry_id: str = ""
    role: str = "place"        # "place", or "org"/"person" when the name sits in an organisation or person name
    alternatives: list[str] = field(default_factory=list)
    place_precision: int = 0   # for a region phrase: the precision of the place it is built on
    head: str = ""             # for a region phrase: countryside | desert | near | dir
    gov_city: bool = False     # a governorate's capital named bare ("في حلب"): the city (precision 1), ranked
                               # by best_place like its governorate (after a village or a region phrase)
    city_named: bool = False   # (gov_city) the report writes the name as a city elsewhere ("مدينة حلب", "وسط
                               # حلب"): location() gives precision 1, the city's (the extractor still ranks it at 3)
    admin2: str = ""           # district (SY/IQ: OCHA adm2 by point-in-polygon at build time), "" where unknown
    admin3: str = ""           # sub-district (SY/IQ: OCHA adm3), "" where unknown
    frame: str = ""            # "road" (inside "طريق X – Y") or "reference" ("على بعد 10 كم من X"): context,
                               # not the event's place unless nothing else is named (see best_place)
    bearing: int | None = None  # for a region phrase with a direction ("غرب نهر الفرات"): its bearing in degrees

    @property
    def specificity(self) -> float:
        """Ordering for best_place: 1 a named place, 1.5 a phrase around a village
        ("قرب بلدة X", "شمالي قرية X"), 2 a part of a region, 2.5 a part of a governorate
        ("ريف حمص", "شرقي حمص"), 3 a governorate or country."""
        if self.gov_city:
            return 2.8
        if self.kind == "region" and self.place_precision == 1:
            return 1.5
        if self.kind == "region" and self.place_precision == 3 and self.geo_precision == 2:
            return 2.5     # "بادية حمص", "شرقي حمص": a part of a governorate, broader than "بادية السخنة"
        return float(self.geo_precision)

    def location(self) -> dict:
        """The location object of ../shared/spec/EXTRACTION.md."""
        return {
            "name_ar": self.name_ar,
            "name_en": self.name_en,
            "country": self.country,
            "admin1": self.admin1 or None,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "geo_precision": 1 if self.gov_city and self.city_named else self.geo_precision,
        }


@dataclass
class WideRegion(PlaceMention):
    """A continent or a region across countries ("أوروبا", "شبه الجزيرة العربية"): recognised, at country
    precision, without a point (role "wide": no event's place; lat/lon are not used)."""

    def location(self) -> dict:
        return {"name_ar": self.name_ar, "name_en": self.name_en, "country": None, "admin1": None,
                "lat": None, "lon": None, "geo_precision": 3}
