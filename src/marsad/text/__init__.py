"""Arabic text primitives: normalization, sentences, numbers, dates.

Every finder returns values with character spans in the ORIGINAL text.
"""
from __future__ import annotations

from .dates import DateMention, find_dates
from .normalize import Normalized, fold, fold_chars, normalize
from .numbers import Quantity, find_numbers
from .sentences import Sentence, split_sentences

__all__ = [
    "DateMention", "Normalized", "Quantity", "Sentence",
    "find_dates", "find_numbers", "fold", "fold_chars", "normalize", "split_sentences",
]
