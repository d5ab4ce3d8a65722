"""A news site on the loopback interface (started by the `site` fixture): feeds and article pages with
ETag/Last-Modified (304), errors (500), redirects, slow answers and malformed XML.
All texts here were written for these tests."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None       # for 301/302
    fail_first: int = 0               # answer 500 to the first N requests


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: str | bytes = b"", **kw) -> Route:
        route = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)
        self.routes[path] = route
        return route


def handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):     # quiet
            pass

        def do_GET(self):
            path = self.path
            site.hits[path] += 1
            site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(path)
            try:
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if route.fail_first and site.hits[path] <= route.fail_first:
                    return self._send(500, b"server error", "text/plain")
                if route.location:
                    self.send_response(route.status)
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", None)
                if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    return self._send(304, b"", None)
                extra = {}
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                return self._send(route.status, route.body, route.content_type, extra)
            except (BrokenPipeError, ConnectionResetError):   # the client gave up (timeout test)
                return None

        def _send(self, status, body, content_type, extra=None):
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return Handler


# -- texts written for these tests ----------------------------------------------------------
ARREST = ("أعلنت قوات سوريا الديمقراطية، أمس الخميس، القبض على ثلاثة عناصر من خلية تابعة لتنظيم داعش "
          "خلال عملية مداهمة في بلدة ذيبان بريف دير الزور الشرقي.",
          "وقال المركز الإعلامي للقوات في بيان إن العملية جرت بمساندة من التحالف الدولي، وإن الموقوفين "
          "متهمون بتنفيذ هجمات على نقاط عسكرية في المنطقة خلال الأشهر الماضية.",
          "وتشهد أرياف دير الزور منذ مطلع العام حملات أمنية متكررة تستهدف خلايا التنظيم التي تنشط "
          "في القرى الواقعة على الضفة الشرقية لنهر الفرات.")
BOMB = ("قتل جنديان وأصيب ثلاثة آخرون، اليوم الأحد، بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي "
        "قرب قضاء الطارمية شمال العاصمة بغداد.",
        "وذكر مصدر أمني أن العبوة زرعت على جانب طريق زراعي تسلكه الدوريات بشكل يومي، وأن قوة من "
        "الجيش طوقت المكان وباشرت عمليات تفتيش في البساتين القريبة.",
        "ولم تعلن أي جهة مسؤوليتها عن التفجير حتى الآن، فيما تتهم السلطات بقايا تنظيم داعش بتنفيذ "
        "هجمات مماثلة في المنطقة.")
SHELLING = ("قصفت القوات التركية بالمدفعية الثقيلة، مساء السبت، قرى في ريف عين العرب شرقي حلب، ما أدى "
            "إلى أضرار مادية في منازل المدنيين.",
            "وقال مراسل محلي إن القصف استمر قرابة ساعة واستهدف محيط قرية زور مغار الواقعة على ضفة نهر الفرات، "
            "دون أن ترد أنباء عن إصابات بين السكان.",
            "ويأتي القصف بعد أيام من تصعيد متبادل على خطوط التماس بين الفصائل المدعومة من أنقرة "
            "والقوات المحلية في المنطقة.")
ENGLISH = ("The city council met on Tuesday to discuss the new budget for public parks and libraries.",
           "Officials said the plan would add three new reading rooms and extend opening hours on weekends.",
           "A final vote is expected next month after a period of public consultation with residents.")


def article(title: str, paragraphs, *, meta: str = "", lang: str = "ar") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>{meta}"
            f"</head><body><header><nav><a href=\"/\">الرئيسية</a></nav></header>"
            f"<article><h1>{title}</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>")


def rss(site: Site, items, title: str = "موقع أخبار تجريبي") -> str:
    """items: (guid, path or absolute link, title, summary, pubDate or None)."""
    parts = []
    for guid, link, item_title, summary, pub in items:
        href = link if link.startswith("http") else site.url(link)
        date = f"<pubDate>{pub}</pubDate>" if pub else ""
        parts.append(f"<item><title>{item_title}</title><link>{href}</link><guid>{guid}</guid>"
                     f"<description>{summary}</description>{date}</item>")
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{title}</title>"
            f"<link>{site.url('/')}</link><description>أخبار</description>{''.join(parts)}</channel></rss>")


def http_date(ts: float = 1767225600.0) -> str:
    return formatdate(ts, usegmt=True)
