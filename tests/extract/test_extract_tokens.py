"""A sentence's tokens (context._tokens, one split) are the \\w runs of its folded text, as finditer gives them."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from marsad.extract.context import _tokens

PIECES = ["قصف", "و", "ال", " ", "  ", "\n", "،", ".", "«", "»", "-", "3", "x", "_", "١٢", "ـ", "é", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_tokens_are_the_word_runs(pieces):
    text = "".join(pieces)
    assert _tokens(text) == [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", text)]
