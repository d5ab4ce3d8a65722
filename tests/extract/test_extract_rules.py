"""Every event rule of ``rules.json`` runs its own examples, with the rule id as the test id.

An event rule names itself in the ``rules`` list of the event it made: each example gives an event carrying the id
(with the fields of ``expect``); each counter-example gives no event carrying it. A ``block.<reason>`` rule drops a
trigger: each example has a trigger blocked for that reason (marsad.extract.explain), each counter-example none.
The source scan keeps the file complete: every rule id the extractor writes is listed.
"""
from __future__ import annotations

import ast
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

import marsad.extract
from marsad.extract import extract_document
from marsad.extract.explain import blocked_reasons
from marsad.lexicon import load

RULES = json.loads(resources.files("marsad.lexicon").joinpath("data", "rules.json").read_text(encoding="utf-8"))["rules"]
STAGES = ("type", "kind", "merge", "actor", "place", "list", "toll", "date", "aftermath", "protest", "block")
SOURCE = Path(marsad.extract.__file__).parent
RULE_LITERAL = re.compile(r"""["']([a-z]+)\.([a-z_]+)["']""")
NOT_RULES = ("claim", "lex")            # claim rules live in claims.json; lex.<kind> ids come from triggers.json


@lru_cache(maxsize=None)
def _events(text: str, published: str | None) -> tuple:
    doc = SimpleNamespace(doc_id="t", text=text, title=None, url=None, source=None, published=published)
    return tuple(extract_document(doc)["events"])


def _field(event: dict, key: str):
    if key == "location":
        return event["location"]["name_ar"] if event["location"] else None
    return event[key]


def _cases(key: str) -> list:
    return [pytest.param(rule_id, case, id=f"{rule_id}#{n}") for rule_id, rule in RULES.items()
            for n, case in enumerate(rule[key])]


@pytest.mark.parametrize("rule_id,case", _cases("examples"))
def test_rule_example(rule_id, case):
    if RULES[rule_id]["stage"] == "block":
        assert rule_id in {r for _, r in blocked_reasons(case["text"], case["published"])}
        return
    events = _events(case["text"], case["published"])
    mine = [e for e in events if rule_id in e["rules"]]
    assert mine, events
    expect = case.get("expect", {})
    assert any(all(_field(e, k) == v for k, v in expect.items()) for e in mine), (expect, mine)


@pytest.mark.parametrize("rule_id,case", _cases("counter_examples"))
def test_rule_counter_example(rule_id, case):
    if RULES[rule_id]["stage"] == "block":
        assert rule_id not in {r for _, r in blocked_reasons(case["text"], case["published"])}
        return
    events = _events(case["text"], case["published"])
    assert not any(rule_id in e["rules"] for e in events), events


def test_rules_are_documented():
    for rule_id, rule in RULES.items():
        stage, _, name = rule_id.partition(".")
        assert stage == rule["stage"] and stage in STAGES and name, rule_id
        assert rule["reason"].strip() and "\n" not in rule["reason"], rule_id
        assert rule["examples"], rule_id
        for case in rule["examples"] + rule["counter_examples"]:
            assert case["text"].strip() and set(case) <= {"text", "published", "expect"}, rule_id
            assert case["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", case["published"]), rule_id


def test_every_recorded_rule_id_is_listed():
    kinds = set(load("triggers")["kinds"])
    seen = set()
    for rule in RULES.values():
        for case in rule["examples"] + rule["counter_examples"]:
            for e in _events(case["text"], case["published"]):
                assert e["rules"], e
                seen |= set(e["rules"])
    for rule_id in seen:
        stage, _, name = rule_id.partition(".")
        assert rule_id in RULES or (stage == "lex" and name in kinds), rule_id


def _literals() -> set:
    out = set()
    for path in SOURCE.glob("*.py"):
        for stage, name in RULE_LITERAL.findall(path.read_text(encoding="utf-8")):
            if stage not in NOT_RULES and name not in ("json", "py"):
                out.add(f"{stage}.{name}")
    return out


def _block_reasons() -> set:
    """The reasons triggers.blocked() returns (string constants of its return statements)."""
    tree = ast.parse((SOURCE / "triggers.py").read_text(encoding="utf-8"))
    func = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "blocked")
    return {n.value.value for n in ast.walk(func)
            if isinstance(n, ast.Return) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)}


def test_every_rule_id_in_the_source_is_listed():
    literals = _literals()
    assert len(literals) > 30          # the scan finds the extractor's rule ids
    assert literals - set(RULES) == set()
    reasons = _block_reasons()
    assert "negation" in reasons
    assert {f"block.{r}" for r in reasons} - set(RULES) == set()


def test_every_listed_rule_is_in_the_source():
    emitted = _literals() | {f"block.{r}" for r in _block_reasons()}
    assert set(RULES) - emitted == set()


def test_blocked_reasons_names_each_blocked_trigger_in_order():
    text = "لم تسجل أي اشتباكات في بلدة هجين أمس. وحذر مسؤولون من هجوم محتمل على بلدة الشحيل. وانفجرت عبوة ناسفة في بلدة البصيرة."
    assert [r for _, r in blocked_reasons(text, "2024-05-10")] == ["block.negation", "block.hypothetical"]
    assert blocked_reasons("") == [] and blocked_reasons("انفجرت عبوة ناسفة في بلدة البصيرة.", "not a date") == []
