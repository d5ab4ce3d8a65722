"""Arabic text primitives: normalization, sentences, numbers, dates.

Every finder returns values with character spans in the ORIGINAL text.
"""
from __future__ import annotations

from .normalize import Normalized, fold, normalize
from .sentences import Sentence, split_sentences

__all__ = ["Normalized", "Sentence", "fold", "normalize", "split_sentences"]
