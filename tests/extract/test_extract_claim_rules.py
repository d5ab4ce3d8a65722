"""Every claim rule of ``claims.json`` (rules) runs its own examples, with the rule id as the test id.

A rule with effect ``record`` names itself in the ``rules`` list of the claim it made: its examples give a claim of
the value carrying the id (and the expected fields); its counter-examples give no claim of the value carrying it.
A rule with effect ``drop`` removes a figure: its examples give no claim of the value (or ``count`` claims, when it
drops a duplicate), its counter-examples do.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from marsad.extract import extract_document
from marsad.lexicon import load

PUBLISHED = "2024-05-10"
RULES = load("claims")["rules"]


def _claims(text: str) -> list[dict]:
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=PUBLISHED)
    return extract_document(doc)["claims"]


def _cases(key: str) -> list:
    return [pytest.param(rule_id, case, id=f"{rule_id}#{n}") for rule_id, rule in RULES.items()
            for n, case in enumerate(rule[key])]


def _of(claims: list[dict], value: int) -> list[dict]:
    return [c for c in claims if c["value_low"] == value]


@pytest.mark.parametrize("rule_id,case", _cases("examples"))
def test_rule_example(rule_id, case):
    found = _of(_claims(case["text"]), case["value"])
    if RULES[rule_id]["effect"] == "drop":
        assert len(found) == case.get("count", 0), found     # count: the copies left (a duplicate dropped)
        return
    mine = [c for c in found if rule_id in c["rules"]]
    assert mine, found
    for key, value in case.get("expect", {}).items():
        assert mine[0][key] == value, key


@pytest.mark.parametrize("rule_id,case", _cases("counter_examples"))
def test_rule_counter_example(rule_id, case):
    found = _of(_claims(case["text"]), case["value"])
    if RULES[rule_id]["effect"] == "drop":
        assert found, case["text"]
    else:
        assert not any(rule_id in c["rules"] for c in found)


def test_rules_are_documented():
    for rule_id, rule in RULES.items():
        assert rule_id.startswith("claim.") and rule["effect"] in ("record", "drop"), rule_id
        assert rule["reason"] and rule["examples"], rule_id


def test_every_recorded_rule_id_is_listed():
    text = ("قال وزير العدل إن السجون تضم 9 آلاف عنصر من داعش منذ 2019. وأضاف أن 700 منهم أجانب. "
            "وبحسب المرصد السوري، قتل أكثر من 300 مدني منذ مطلع العام.")
    for c in _claims(text):
        assert c["rules"] and set(c["rules"]) <= set(RULES), c["rules"]
