"""Each reader: .txt, .html, .json, .jsonl, RSS/Atom from a file and from a local HTTP server."""
from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest

from marsad.documents import Document, hash_id, iso_date
from marsad.errors import InputError
from marsad.readers import iter_sources, read_source

TITLE = "قسد تعتقل عنصرين من داعش في ذيبان"
BODY = "أعلنت قوات سوريا الديمقراطية اعتقال عنصرين من خلية لتنظيم داعش في بلدة ذيبان بريف دير الزور."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة الاختبار</title><link>https://t.example/</link>
<item><title>{TITLE}</title><link>https://t.example/a</link>
<pubDate>Sun, 02 Mar 2025 09:00:00 +0300</pubDate><description><![CDATA[<p>{BODY}</p>]]></description></item>
<item><title>غارة جوية على وادي حوران</title><link>https://t.example/b</link>
<pubDate>Tue, 03 Jun 2025 10:00:00 +0300</pubDate><description>نفذت القوة الجوية العراقية غارة على مضافة لداعش في وادي حوران.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أطلس الاختبار</title><id>urn:t</id><updated>2025-03-02T09:00:00Z</updated>
<entry><title>{TITLE}</title><id>urn:t:1</id><link href="https://t.example/atom1"/>
<updated>2025-03-02T09:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""

HTML = f"""<html lang="ar"><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="og:site_name" content="موقع الاختبار">
<meta property="article:published_time" content="2025-03-02T08:00:00+03:00">
<link rel="canonical" href="https://t.example/html1"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>{TITLE}</h1><p>{BODY}</p>
<p>وقال بيان للقوات إن العملية جرت بمشاركة التحالف الدولي من دون إصابات في صفوف المدنيين.</p></article>
<footer>حقوق النشر محفوظة</footer></body></html>"""


def read_all(path) -> list:
    return list(read_source(path))


def test_txt_first_line_is_title(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"\n{TITLE}\n{BODY}\n", encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.title == TITLE and BODY in doc.text
    assert doc.doc_id == hash_id(doc.text)   # no given id: content hash


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [doc] = read_all(path)
    assert doc.title == TITLE
    assert doc.url == "https://t.example/html1"
    assert doc.source == "موقع الاختبار"
    assert doc.published == "2025-03-02"
    assert BODY in doc.text and "الرئيسية" not in doc.text and "حقوق النشر" not in doc.text
    assert doc.text.startswith(TITLE)


def test_html_reads_trafilatura_1_dict(tmp_path, monkeypatch):
    """trafilatura 1.x (pyproject allows >=1.12) returns a dict from bare_extraction, 2.x a Document
    with .as_dict(): both read the same page the same way."""
    import trafilatura

    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: real(*a, **k).as_dict())
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [doc] = read_all(path)
    assert (doc.title, doc.url, doc.source, doc.published) == (
        TITLE, "https://t.example/html1", "موقع الاختبار", "2025-03-02")
    assert BODY in doc.text


def test_json_corpus_fields(write_json):
    record = {"doc_id": "x1", "url": "https://t.example/x1", "source": "وكالة", "published": "2025-08-29",
              "published_note": "approximate", "title": TITLE, "text": BODY}
    [doc] = read_all(write_json("x1.json", record))
    assert (doc.doc_id, doc.url, doc.source, doc.published, doc.title, doc.text) == (
        "x1", "https://t.example/x1", "وكالة", "2025-08-29", TITLE, BODY)
    assert doc.meta["published_note"] == "approximate"


def test_jsonl_one_document_per_line(tmp_path):
    lines = [json.dumps({"doc_id": f"l{i}", "text": f"{BODY} {i}", "published": None}, ensure_ascii=False)
             for i in range(3)]
    path = tmp_path / "b.jsonl"
    path.write_text("\n".join(lines[:2]) + "\n\n" + lines[2] + "\n", encoding="utf-8")
    docs = read_all(path)
    assert [d.doc_id for d in docs] == ["l0", "l1", "l2"]
    assert all(d.published is None for d in docs)


@pytest.mark.parametrize("name,feed,site", [("rss", RSS, "نشرة الاختبار"), ("atom", ATOM, "أطلس الاختبار")],
                         ids=["rss", "atom"])
def test_feed_file(tmp_path, name, feed, site):
    path = tmp_path / f"f.{name}"
    path.write_text(feed, encoding="utf-8")
    docs = read_all(path)
    first = docs[0]
    assert first.title == TITLE and first.source == site and first.published == "2025-03-02"
    assert first.text == f"{TITLE}\n{BODY}"
    assert first.url.startswith("https://t.example/")


@pytest.fixture()
def http_dir(tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_from_local_http_server(http_dir):
    root, base = http_dir
    (root / "feed.xml").write_text(RSS, encoding="utf-8")
    docs = read_all(f"{base}/feed.xml")
    assert [d.title for d in docs] == [TITLE, "غارة جوية على وادي حوران"]
    assert docs[1].published == "2025-06-03"


def test_feed_url_not_found_is_an_input_error(http_dir):
    _root, base = http_dir
    [error] = read_all(f"{base}/missing.xml")
    assert isinstance(error, InputError) and "unreadable" in error.reason


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "1.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_sources([tmp_path])]
    assert found == ["1.json", "b/2.txt"]


@pytest.mark.parametrize("raw,expected", [
    ("2025-08-29", "2025-08-29"), ("2025-08-29T10:00:00Z", "2025-08-29"), ("2025-02-30", None),
    ("29/08/2025", None), (None, None)], ids=["day", "datetime", "impossible", "other-format", "none"])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected
