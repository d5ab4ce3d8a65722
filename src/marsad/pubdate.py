"""Publication-date recovery: a report's day of publication from what the page itself says.

A report read without a publication date cannot anchor its relative dates ("أمس", "الخميس"),
so its events fall out of timelines, filters and the incident merge. Many pages print the date
somewhere: in HTML metadata and JSON-LD, in the URL path, or in a dateline in the text. Each
finder returns a `Recovered` (the day, how it was found, the evidence) or None; `complete`
applies the first that answers to a Document that has no date, in order of trust, and says how
in ``meta['published_note']``; a date inferred from the URL or the text (not stated as the page's
publication date) is also flagged in ``meta['published_recovered']``, and the events dated
through it are marked (`mark_events`).

Only days are recovered (a URL's /2017/09/ is a month and gives nothing), never a day after
today, never before 1990.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

from marsad.documents import iso_date

EARLIEST = dt.date(1990, 1, 1)
HEAD_CHARS = 1500        # a dateline is looked for in the report's first characters ...
HEAD_LINES = 15          # ... and lines
TAIL_LINES = 4           # ... and its last lines ("نشر في: ...", "آخر تحديث ...")
DATELINE_WORDS = 9       # a line that is a dateline has at most this many words

# method ids, in order of trust
HTML_META, JSON_LD, TIME_TAG, HTMLDATE, FEED, URL_PATH, LABELLED, TODAY, DATELINE = (
    "html_meta", "json_ld", "time_tag", "htmldate", "feed_entry", "url_path", "labelled", "today", "dateline")

INFERRED = frozenset({URL_PATH, LABELLED, TODAY, DATELINE})


@dataclass(frozen=True)
class Recovered:
    date: str            # "YYYY-MM-DD"
    method: str          # one of the method ids above
    evidence: str        # what it was read from (a meta key, a URL part, the dateline's words)

    @property
    def inferred(self) -> bool:
        """Read from the URL or the text rather than stated as the page's publication date."""
        return self.method in INFERRED

    @property
    def note(self) -> str:
        return f"{'recovered' if self.inferred else 'stated'}: {_DESCRIBE[self.method]} ({self.evidence})"


_DESCRIBE = {
    HTML_META: "HTML metadata", JSON_LD: "JSON-LD datePublished", TIME_TAG: "the page's <time> element",
    HTMLDATE: "the page's metadata (htmldate)", FEED: "the feed entry's date", URL_PATH: "a date in the URL",
    LABELLED: "a publication line in the text", TODAY: "'today' with a full date in the text",
    DATELINE: "a dateline in the text",
}


def plausible(day: str | None, today: dt.date | None = None) -> str | None:
    """The ISO day if it is a real day between 1990 and tomorrow, else None."""
    day = iso_date(day)
    if day is None:
        return None
    d = dt.date.fromisoformat(day)
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    return day if EARLIEST <= d <= latest else None


# -- HTML: meta tags, JSON-LD, <time> ------------------------------------------------
_META_KEYS = (   # in order of preference (lower case)
    "article:published_time", "og:published_time", "datepublished", "article.published",
    "parsely-pub-date", "sailthru.date", "publishdate", "publish-date", "publish_date", "pubdate",
    "publication_date", "dc.date.issued", "dcterms.created", "dc.date", "date", "og:updated_time",
    "article:modified_time", "datemodified",
)


class _DateTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []     # (marked as the publication time, datetime)
        self.ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").lower()
            if key in _META_KEYS and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime"):
            self.times.append(("pubdate" in a or a.get("itemprop", "").lower() == "datepublished", a["datetime"]))
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
            self.ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.ld[-1] += data


def _ld_dates(node, found: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _ld_dates(item, found)
    elif isinstance(node, dict):
        if isinstance(node.get("datePublished"), str):
            found.append(node["datePublished"])
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in node:
                _ld_dates(node[key], found)


def from_html(html: str, today: dt.date | None = None) -> Recovered | None:
    """The page's own publication date: meta tags, then JSON-LD, then a <time> element."""
    tags = _DateTags()
    try:
        tags.feed(html)
        tags.close()
    except Exception:  # noqa: BLE001 — html.parser is lenient; a page it still chokes on simply gives no date
        return None
    for key in _META_KEYS:
        day = plausible(tags.meta.get(key), today)
        if day:
            return Recovered(day, HTML_META, key)
    for block in tags.ld:
        found: list[str] = []
        try:
            _ld_dates(json.loads(block), found)
        except ValueError:
            continue
        for value in found:
            if day := plausible(value, today):
                return Recovered(day, JSON_LD, "datePublished")
    for marked in (True, False):
        for is_pub, value in tags.times:
            if is_pub == marked and (day := plausible(value, today)):
                return Recovered(day, TIME_TAG, value)
    return None


# -- URL ---------------------------------------------------------------------------------
_URL_YMD = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])")
_QUERY_DATE_KEYS = ("cdate", "date", "pubdate", "d")


def from_url(url: str | None, today: dt.date | None = None) -> Recovered | None:
    """A full date in the URL's path (/2020/8/13/, /2022-07-20-slug) or a date query (cdate=21012026)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    path = unquote(parts.path) if "%" in parts.path and _YEARISH.search(parts.path) else parts.path
    for m in _URL_YMD.finditer(path):
        day = plausible(f"{m.group(1)}-{int(m.group(3)):02d}-{int(m.group(4)):02d}", today)
        if day:
            return Recovered(day, URL_PATH, m.group(0))
    query = parse_qs(parts.query)
    for key in _QUERY_DATE_KEYS:
        for value in query.get(key, []):
            if re.fullmatch(r"\d{8}", value):
                for iso in (f"{value[4:]}-{value[2:4]}-{value[:2]}", f"{value[:4]}-{value[4:6]}-{value[6:]}"):
                    if day := plausible(iso, today):
                        return Recovered(day, URL_PATH, f"{key}={value}")
    return None


# -- text ----------------------------------------------------------------------------------
_LABEL = re.compile(
    r"(?:تاريخ[ \t]+(?:ال)?نشر|نشر[ \t]+(?:بتاريخ|في|يوم)|نُشر[ \t]+(?:بتاريخ|في|يوم)|تم[ \t]+النشر|"
    r"آخر[ \t]+تحديث|اخر[ \t]+تحديث|تاريخ[ \t]+(?:ال)?إضافة|published(?:[ \t]+on)?|posted(?:[ \t]+on)?|"
    r"last[ \t]+updated)[ \t]*[:：]?", re.IGNORECASE)
_TODAY = re.compile(r"(?<![^\s(«\"“،,])اليوم(?=[\s،,(])")
_SEPARATORS = re.compile(r"[ \t]*[|•·–—][ \t]*|[ \t]+-[ \t]+")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b(?:[ \t]*(?:AM|PM|ص|م)\b)?")
_LETTERS = re.compile(r"[^\W\d_]+")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")     # a full date needs its year: cheap pre-filter


def _full_dates(text: str):
    """Day-precise, year-bearing, absolute date mentions of a string (marsad.text.find_dates)."""
    from marsad.text import find_dates

    for m in find_dates(text):
        if m.precision == "day" and not m.relative and m.date_start and m.date_start == m.date_end \
                and _YEARISH.search(m.text):
            yield m


def _ends(text: str) -> str:
    """The report's head and tail, where publication lines and datelines sit."""
    if len(text) <= HEAD_CHARS * 3:
        return text
    return text[:HEAD_CHARS * 2] + "\n" + text[-HEAD_CHARS // 2:]


_LABEL_HINTS = ("نشر", "تحديث", "إضافة", "اضافة", "ublished", "osted", "pdated", "UBLISHED", "OSTED", "PDATED")


def _labelled(text: str, today) -> Recovered | None:
    ends = _ends(text)
    if not any(h in ends for h in _LABEL_HINTS):
        return None
    for label in _LABEL.finditer(ends):
        window = label.string[label.end():label.end() + 60]
        for m in _full_dates(window):
            if window[:m.start].strip(" \t:：-–") == "" or m.start <= 15:
                if day := plausible(m.date_start.isoformat(), today):
                    return Recovered(day, LABELLED, _snippet(label.group(0) + " " + m.text))
    return None


def _today(text: str, today) -> Recovered | None:
    """'اليوم الجمعة 6 شباط 2026', 'اليوم الإثنين (4 نيسان 2022)': the report's own day."""
    head = text[:HEAD_CHARS * 2]
    if "اليوم" not in head:
        return None
    for cue in _TODAY.finditer(head):
        window = head[cue.end():cue.end() + 45]
        if not _YEARISH.search(window):
            continue
        for m in _full_dates(window):
            before = window[:m.start]
            if len(before.split()) <= 2 and "\n" not in before and not m.warning:
                if day := plausible(m.date_start.isoformat(), today):
                    return Recovered(day, TODAY, _snippet(head[cue.start():cue.end()] + window[:m.end]))
            break
    return None


def _yearless_today(text: str, url: str | None, today) -> Recovered | None:
    """'اليوم، السبت 16 من تشرين الثاني' in a report that writes a year (or whose URL does): the one
    year among them in which that day is that weekday. A mention without a weekday gives nothing. The years are
    read only when the head has "اليوم" (most reports without a publication date have none: no scan of the text)."""
    from marsad.text import find_dates

    head = text[:HEAD_CHARS * 2]
    if "اليوم" not in head:
        return None
    years = _years(text, url)
    if not years:
        return None
    for cue in _TODAY.finditer(head):
        window = head[cue.end():cue.end() + 45]
        if _YEARISH.search(window) or not re.search(r"\d", window):
            continue
        fits, warned = set(), False
        for year in sorted(years | {y + k for y in list(years)[:1] for k in range(1, 7)}):
            found = [m for m in find_dates(window, published=dt.date(year, 12, 31)) if m.precision == "day" and m.date_start]
            if not found or len(window[:found[0].start].split()) > 2 or "\n" in window[:found[0].start]:
                break
            m = found[0]
            warned = warned or bool(m.warning)
            if not m.warning and m.date_start and m.date_start.year == year and year in years:
                fits.add(m.date_start)
        if warned and len(fits) == 1 and (day := plausible(fits.pop().isoformat(), today)):
            return Recovered(day, TODAY, _snippet(head[cue.start():cue.end()] + window[:m.end]) + f"; year {day[:4]}")
        return None
    return None


def _years(text: str, url: str | None) -> set[int]:
    years = {int(y) for y in _YEARISH.findall(text)}
    if url:
        years |= {int(y) for y in re.findall(r"/((?:19|20)\d\d)/", urlsplit(url).path)}
    return years


def _dateline_candidates(text: str) -> list[str]:
    lines = [ln.strip() for ln in _ends(text).splitlines() if ln.strip()]
    head, used = [], 0
    for line in lines[:HEAD_LINES]:
        if used > HEAD_CHARS:
            break
        head.append(line)
        used += len(line)
    return head + lines[max(len(head), len(lines) - TAIL_LINES):]


def _dateline(text: str, today) -> Recovered | None:
    """A short line that is (nearly) only a date: '06-01-2024', '2023.09.02 | 20:16 دمشق',
    '• الاثنين, 20 مايو - 2024', 'الخميس، 12 فبراير 2026'. Of several, the earliest: a page header
    that prints the day it was viewed, or an 'updated' line, is later than the publication."""
    found = []
    for line in _dateline_candidates(text):
        if len(line.split()) > DATELINE_WORDS or not _YEARISH.search(line):
            continue
        clean = _CLOCK.sub(" ", _SEPARATORS.sub(" ", line))
        clean = re.sub(r"(?<=\d)\.(?=\d)", "/", clean)        # 2023.09.02 -> 2023/09/02
        dates = list(_full_dates(clean))
        if len(dates) != 1 or dates[0].warning:
            continue
        m = dates[0]
        rest = clean[:m.start] + clean[m.end:]
        if len(_LETTERS.findall(rest)) <= 2 and (day := plausible(m.date_start.isoformat(), today)):
            found.append(Recovered(day, DATELINE, _snippet(line)))
    return min(found, key=lambda r: r.date) if found else None


def from_text(text: str | None, today: dt.date | None = None, url: str | None = None) -> Recovered | None:
    """A publication line ('نشر بتاريخ 2025-08-29'), 'today' with a full date, a dateline line, or
    'today' with a weekday and a day whose year the text (or the URL) pins down."""
    if not text:
        return None
    return (_labelled(text, today) or _today(text, today) or _dateline(text, today)
            or _yearless_today(text, url, today))


def _snippet(s: str, width: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 1] + "…"


# -- applying it ------------------------------------------------------------------------------
def recover(doc, *, html: str | None = None, today: dt.date | None = None) -> Recovered | None:
    """The most trusted date the document's page, URL or text gives (ignores doc.published)."""
    return ((html and from_html(html, today)) or from_url(doc.url, today)
            or from_text(doc.text, today, doc.url) or None)


def complete(doc, *, html: str | None = None, today: dt.date | None = None):
    """Give a document without a publication date the one its page, URL or text states, and say
    how in meta['published_note'] / meta['published_recovered']. A dated document is left as is."""
    if doc.published:
        return doc
    found = recover(doc, html=html, today=today)
    if found is not None:
        set_recovered(doc, found)
    return doc


def set_recovered(doc, found: Recovered) -> None:
    """Date the document; a date inferred from the URL or text is flagged in meta['published_recovered']."""
    doc.published = found.date
    doc.meta["published_note"] = found.note
    if found.inferred:
        doc.meta["published_recovered"] = found.method


def is_recovered(meta: dict | None) -> bool:
    return bool((meta or {}).get("published_recovered"))


# -- events dated through a recovered date ------------------------------------------------------
def mark_events(store, doc_ids) -> int:
    """Mark (events.date_note) the stored events of documents with a recovered publication date
    whose date depends on it: extracted again without the date, they come out undated or
    dated otherwise. Returns the number of events marked."""
    from dataclasses import replace

    from marsad.extract import extract_document
    from marsad.store.extractions import load_extraction

    marked = 0
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        result = load_extraction(store, doc_id) if doc is not None and is_recovered(doc.meta) else None
        events = (result or {}).get("events") or []
        if not any(e.get("date_start") for e in events):
            continue
        undated = extract_document(replace(doc, published=None, meta=dict(doc.meta)))
        base = {(e["event_type"], e.get("evidence")): e.get("date_start") for e in undated["events"]}
        note = f"dated through a recovered publication date ({doc.meta.get('published_note', '')})"
        with store.transaction() as conn:
            for n, event in enumerate(events, 1):
                own = event.get("date_start")
                if own and base.get((event["event_type"], event.get("evidence")), "?") != own:
                    conn.execute("UPDATE events SET date_note=? WHERE event_id=?", (note, f"{doc_id}:{n}"))
                    marked += 1
    return marked
