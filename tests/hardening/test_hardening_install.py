"""A fresh install reads every format (issue 15, finding 1).

Each reader runs in a new interpreter that may import only what a fresh install of the declared
dependencies is sure to bring: the distributions named in pyproject.toml and, recursively, what
they require, extras not followed (a resolver need not honour an extra's spelling, and lxml no
longer ships lxml.html.clean, which the HTML path needs). A module of any other distribution
fails to import there, as it would on a fresh machine."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TITLE = "قسد تعتقل عنصرين من داعش في ذيبان"
BODY = "أعلنت قوات سوريا الديمقراطية اعتقال عنصرين من خلية لتنظيم داعش في بلدة ذيبان بريف دير الزور الشرقي."
SAMPLES = {
    "r.txt": f"{TITLE}\n{BODY}\n",
    "r.json": json.dumps({"doc_id": "j1", "title": TITLE, "text": BODY}, ensure_ascii=False),
    "r.jsonl": json.dumps({"doc_id": "l1", "text": BODY}, ensure_ascii=False) + "\n",
    "r.html": (f'<html lang="ar"><head><meta charset="utf-8"><title>{TITLE}</title></head><body><nav>الرئيسية</nav>'
               f"<article><h1>{TITLE}</h1><p>{BODY}</p><p>{BODY}</p></article><footer>حقوق</footer></body></html>"),
    "r.xml": (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة</title>'
              f"<item><title>{TITLE}</title><description>{BODY}</description></item></channel></rss>"),
    "r.atom": (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس</title>'
               f'<id>urn:t</id><updated>2025-03-02T09:00:00Z</updated><entry><title>{TITLE}</title><id>urn:t:1</id>'
               f'<updated>2025-03-02T09:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content>'
               "</entry></feed>"),
}

CHILD = textwrap.dedent("""
    import importlib.abc, importlib.metadata as md, json, re, sys

    declared = json.loads(sys.argv[1])
    def norm(name): return re.sub(r"[-_.]+", "-", name).lower()
    allowed, todo = {"marsad"}, [norm(d) for d in declared]
    while todo:                                  # requirements, recursively; extras not followed
        name = todo.pop()
        if name in allowed:
            continue
        allowed.add(name)
        try:
            reqs = md.requires(name) or []
        except md.PackageNotFoundError:
            continue
        for req in reqs:
            if "extra ==" in req or "extra==" in req:
                continue
            if ";" in req and "python_version" in req and "< \\"3" in req:
                continue
            todo.append(norm(re.match(r"[A-Za-z0-9_.-]+", req).group()))
    owners = md.packages_distributions()

    class Fresh(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            dists = {norm(d) for d in owners.get(fullname.split(".")[0], [])}
            if dists and not dists & allowed:
                raise ModuleNotFoundError(f"{fullname} (from {sorted(dists)}) is not installed by a fresh install")
            if fullname == "lxml.html.clean" and "lxml-html-clean" not in allowed:
                raise ModuleNotFoundError("lxml.html.clean: lxml no longer ships it (lxml_html_clean does)")
            return None
    sys.meta_path.insert(0, Fresh())

    from marsad.documents import Document
    from marsad.readers import read_source
    out = {}
    for path in sys.argv[2:]:
        out[path] = [type(i).__name__ if isinstance(i, Document) else str(i) for i in read_source(path)]
    print(json.dumps(out))
""")


def _declared() -> list[str]:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [__import__("re").match(r"[A-Za-z0-9_.-]+", d).group() for d in deps]


@pytest.fixture(scope="module")
def fresh_read(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fresh")
    paths = []
    for name, text in SAMPLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(_declared()), *paths],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return {Path(k).name: v for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_reader_works_on_a_fresh_install(fresh_read, name):
    assert fresh_read[name] == ["Document"], fresh_read[name]
