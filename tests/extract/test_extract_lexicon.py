"""Every lexicon entry is already normalized, unique in its list, and of the right shape."""
from __future__ import annotations

import pytest

from marsad.lexicon import fold_entry, load
from marsad.lexicon.loader import NAMES
from marsad.text import normalize

ACTOR_IDS = {"islamic_state", "al_qaeda", "hts", "sdf", "asayish", "ypg", "international_coalition", "syrian_regime_forces",
             "syrian_government_forces", "syrian_state", "iraqi_security_forces", "pmf", "peshmerga", "sna", "turkish_forces",
             "russian_forces", "iran_backed_militias", "tribal_forces", "lebanese_forces", "jordanian_forces", "civilians",
             "unidentified_armed_group",
             "unlisted_force"}   # internal: a force the spec does not list, written as null (with syrian_state, resolved by date)
SUB_TYPES = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
             "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
             "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Arrests", "Disrupted weapons use",
             "Other", "Agreement", "Change to group/activity", "Looting/property destruction",
             "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
             "Violent demonstration", "Mob violence", "Headquarters or base established",
             "Non-violent transfer of territory"}


def _clean(s: str) -> bool:
    s = s.rstrip("*")
    return normalize(s).text == s


@pytest.mark.parametrize("name", NAMES)
def test_file_loads(name):
    assert isinstance(load(name), dict)


def test_actor_entries():
    seen = {}
    for actor in load("actors")["actors"]:
        assert actor["id"] in ACTOR_IDS
        assert actor["side"] in ("armed", "state", "civilian")
        for alias in actor["aliases"]:
            assert _clean(alias), alias
            key = fold_entry(alias)
            assert seen.setdefault(key, actor["id"]) == actor["id"], alias


def test_trigger_entries():
    data = load("triggers")
    for kind in data["kinds"].values():
        assert kind["sub_event_type"] in SUB_TYPES
    keys = set()
    for t in data["triggers"]:
        assert t["kind"] in data["kinds"] and isinstance(t["stem"], bool)
        assert _clean(t["text"]), t["text"]
        key = fold_entry(t["text"])
        assert key not in keys, t["text"]
        keys.add(key)


@pytest.mark.parametrize("section", ["negation", "hypothetical", "summary", "report_verbs", "not_places"])
def test_cue_lists_unique_and_clean(section):
    words = load("cues")[section]
    assert all(_clean(w) for w in words)
    folded = [fold_entry(w.rstrip("*")) for w in words]
    assert len(folded) == len(set(folded)), section


def test_claim_vocabulary():
    data = load("claims")
    classes = data["classes"]
    for word, cls in data["nouns"].items():
        assert _clean(word), word
        assert cls in classes, word
    for info in classes.values():
        assert isinstance(info["en"], str) and info["en"].isascii()
    frames = data["frame_labels"]
    for section in ("frames_before", "frames_after"):
        for word, frame in data[section].items():
            assert _clean(word), word
            assert frame in frames, word
    for section, value in data.items():
        if isinstance(value, list):
            folded = [fold_entry(w.rstrip("*")) for w in value]
            assert all(_clean(w) for w in value), section
            assert len(folded) == len(set(folded)), section
