"""marsad.geo: an offline Arabic gazetteer and geoparser: Syria and Iraq to the village, TR/LB/JO
borderlands, and a world layer (countries, first-level divisions, towns with Arabic names).

    from marsad.geo import find_places, best_place
    mentions = find_places(sentence, context=whole_report)
    place = best_place(mentions, anchor=trigger_start)
    place.location()   # the spec's location dict
"""
from __future__ import annotations

from .gazetteer import Entry, Gazetteer, load_gazetteer
from .mention import PlaceMention
from .geoparse import best_place, find_places, report_place
from .batch import geocode_line, geocode_lines

__all__ = ["Entry", "Gazetteer", "PlaceMention", "best_place", "find_places", "geocode_line", "geocode_lines",
           "load_gazetteer", "report_place"]
