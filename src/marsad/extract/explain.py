"""Why a report's triggers were left out: the blocking rule (``block.<reason>``, lexicon/data/rules.json) of each.

The extractor drops a trigger that does not report an event that happened (``triggers.blocked``); this names the
rule for each one, prepared exactly as the pipeline prepares the report.
"""
from __future__ import annotations

from marsad.extract.context import parse_published, prepare
from marsad.extract.triggers import blocked, find_triggers


def blocked_reasons(text: str, published=None) -> list[tuple[str, str]]:
    """(trigger key, "block.<reason>") for every trigger of the text's sentences that a blocking rule drops,
    in the order of the text. `published`: the report's publication date (ISO string or date) or None."""
    out = []
    for sent in prepare(text or "", parse_published(published)):
        for t in find_triggers(sent, keep_blocked=True):
            reason = blocked(sent, t)
            if reason is not None:
                out.append((t.key, f"block.{reason}"))
    return out
