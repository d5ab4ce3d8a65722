"""Vocabulary as data: actors, event triggers, cues, count words, claim sources.

Every entry is passed through the same normalizer as the text (``marsad.text.fold``)
when loaded, through one cached loader. Nothing is read at import time.
"""
from __future__ import annotations

from marsad.lexicon.loader import Phrase, PhraseMatcher, fold_entry, folded_words, load, matcher

__all__ = ["Phrase", "PhraseMatcher", "fold_entry", "folded_words", "load", "matcher"]
