"""The extractor on hostile text (issue 15, findings 3, 7 and 9): no number length crashes it, its
work grows linearly with adversarial inputs, mutated reports never make it raise, `extract --output`
never loses a document to a name clash, and a claim's source keeps a private person's role, not
their name."""
from __future__ import annotations

import cProfile
import json
import pstats

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from marsad.cli import app
from marsad.documents import Document
from marsad.extract import extract_document
from marsad.lexicon.loader import PhraseMatcher
from marsad.text import find_numbers

REPORT = ("قال المرصد السوري لحقوق الإنسان إن نحو 3 آلاف عنصر من داعش ما زالوا ينشطون في البادية. "
          "وأعلنت قوات سوريا الديمقراطية يوم الخميس اعتقال عنصرين من خلية تابعة للتنظيم في بلدة ذيبان "
          "بريف دير الزور الشرقي، فيما قتل 3 مدنيين وأصيب 5 آخرون بانفجار عبوة ناسفة في الشحيل.")


def _doc(text: str, doc_id: str = "x") -> Document:
    return Document(doc_id, text, published="2025-03-06")


# -- number length (finding 3) -----------------------------------------------------------------
@pytest.mark.parametrize("text,values", [
    ("قتل " + "1" * 5000 + " شخصا", []),                       # used to raise: over 4,300 digits
    ("قتل " + "9" * 16 + " شخصا", []),                         # longer than any count: not a quantity
    ("بين " + "1" * 400 + ".5 و20 مقاتلا", [20]),
    ("قتل 1,500,000 شخص", [1500000]),
    ("نحو " + "9" * 15 + " مقاتل", [999999999999999]),
])
def test_number_length_is_bounded(text, values):
    assert [q.value_low for q in find_numbers(text)] == values


def test_a_huge_figure_reaches_the_database(tmp_path):
    """A figure of 10^24 (15 digits and مليار) is a claim value a SQLite INTEGER cannot bind."""
    from marsad.store import Store, save_extraction
    text = "وقال المرصد إن " + "9" * 15 + " مليار مقاتل من داعش ما زالوا في البادية السورية."
    result = extract_document(_doc(text, "big"))
    assert result["claims"] and result["claims"][0]["value_low"] > 2**63
    with Store(tmp_path / "b.db") as s:
        s.conn.execute("INSERT INTO documents(doc_id, text, content_hash, ingested_at) VALUES ('big', 't', 'h', 'n')")
        save_extraction(s, "big", "v", result)
        assert s.conn.execute("SELECT value_low FROM claims").fetchone()[0] > 2**63


# -- linear work on adversarial inputs (finding 3) ------------------------------------------------
UNITS = ["قتل من 20 إلى 30 ألف مقاتل و", "20، 30، 40، ", "بين 18 و35 عنصرا بينهم 4 قادة و",
         "مقتل 3 وإصابة 5 في ذيبان و", "قال مسؤول إن 5 و", "في ذيبان والشحيل والبصيرة و", "ISIS 2019 داعش 3 km ",
         "ثلاثة آلاف وخمسمئة و", "x" * 60 + " ", "الناشط الإعلامي أحمد إن 300 عائلة و"]


def _work(text: str) -> int:
    """Deterministic work of one extraction: Python calls plus characters the lexicon regexes scan."""
    scanned = [0]
    real = PhraseMatcher.find

    def counting(self, folded, start=0, end=None):
        scanned[0] += (len(folded) if end is None else end) - start
        return real(self, folded, start, end)

    PhraseMatcher.find = counting
    try:
        prof = cProfile.Profile()
        prof.enable()
        extract_document(_doc("قال المرصد إن " + text + "."))
        prof.disable()
    finally:
        PhraseMatcher.find = real
    return pstats.Stats(prof).total_calls + scanned[0] // 20


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3))
def test_work_grows_linearly_on_adversarial_sentences(units):
    unit = "".join(units)
    small, large = _work(unit * 15), _work(unit * 60)
    assert large <= 6 * small, (unit, small, large)          # quadratic work would be ~16x


# -- mutated reports never raise (the fuzz script does 20,000: bench/fuzz_extract.py) --------------
ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ًٌٍَُِّْـ0123456789٠١٢٣٤٥٦٧٨٩،؛؟.:-–/()«»\"'\n\u200f\u200c%xAZ"


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_mutated_reports_never_raise(data):
    text = REPORT
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["insert", "delete", "repeat", "digits"]))
        if op == "insert":
            text = text[:i] + data.draw(st.text(ALPHABET, min_size=1, max_size=12)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + data.draw(st.integers(1, 30)):]
        elif op == "repeat":
            text = text[:i] + text[i:i + 40] * data.draw(st.integers(2, 30)) + text[i:]
        else:
            text = text[:i] + " " + "9" * data.draw(st.integers(1, 6000)) + " " + text[i:]
    result = extract_document(_doc(text))
    assert set(result) == {"doc_id", "published", "events", "claims"}
    json.dumps(result, ensure_ascii=False).encode("utf-8")


# -- extract --output: one file per document (finding 7) --------------------------------------------
def test_output_names_never_clash(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    records = [{"doc_id": "a_b", "text": REPORT}, {"doc_id": "a/b", "text": REPORT + " وأضاف."},
               {"doc_id": "a_b", "text": REPORT + " وتابع."}, {"doc_id": "c" * 300, "text": REPORT},
               {"doc_id": "ok", "text": REPORT + " وختم."}]
    (inputs / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(inputs), "--output", str(out)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a_b.json", "ok.json"]
    assert json.loads((out / "a_b.json").read_text(encoding="utf-8"))["doc_id"] == "a_b"
    assert "line 2: doc_id 'a/b' has a character not allowed" in result.stderr          # refused, as the API does
    assert "a_b: duplicate doc_id in this run" in result.stderr                          # not silently overwritten
    assert "line 4: doc_id too long (300 characters" in result.stderr


# -- source_ar names no private person (finding 9) -------------------------------------------------
@pytest.mark.parametrize("sentence,source", [
    ("وقال الناشط الإعلامي أحمد الخلف إن أكثر من 3 آلاف مقاتل من داعش ما زالوا في البادية السورية.",
     "الناشط الإعلامي"),
    ("وقال الناشط الحقوقي سامر العلي لموقعنا إن نحو 500 عائلة نزحت من المخيمات خلال الشهر الماضي.", "الناشط الحقوقي"),
    ("وذكر مراسلنا محمد حسن أن نحو 4 آلاف مقاتل من داعش ما زالوا في البادية.", "مراسلنا"),
    ("وقال شاهد عيان يدعى خالد إن نحو 300 عائلة نزحت من المخيمات خلال الشهر الماضي.", "شاهد عيان"),
    ("وقال مراسل وكالة رويترز إن نحو 4 آلاف مقاتل من داعش ما زالوا في البادية.", "مراسل وكالة رويترز"),
    ("وأكد وزير الداخلية العراقي عبد الأمير الشمري أن 5000 عنصر من داعش ما زالوا في سوريا.",
     "وزير الداخلية العراقي عبد الأمير الشمري"),                                     # a public official: kept
    ("وقال المرصد السوري لحقوق الإنسان إن نحو 2000 عنصر من داعش ما زالوا ينشطون في البادية.",
     "المرصد السوري لحقوق الإنسان"),
])
def test_claim_source_keeps_the_role_not_the_name(sentence, source):
    [claim] = extract_document(_doc(sentence))["claims"]
    assert claim["source_ar"] == source
