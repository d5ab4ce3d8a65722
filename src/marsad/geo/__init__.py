"""marsad.geo: an offline Arabic gazetteer and geoparser for Syria and Iraq (then TR, LB, JO).

    from marsad.geo import find_places, best_place
    mentions = find_places(sentence, context=whole_report)
    place = best_place(mentions, anchor=trigger_start)
    place.location()   # the spec's location dict
"""
from __future__ import annotations

from .gazetteer import Entry, Gazetteer, load_gazetteer
from .mention import PlaceMention
from .geoparse import best_place, find_places, report_place

__all__ = ["Entry", "Gazetteer", "PlaceMention", "best_place", "find_places", "load_gazetteer", "report_place"]
