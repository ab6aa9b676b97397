"""A real HTTP server on 127.0.0.1 for stream tests and the latency benchmark: scripted feeds and article pages.

Each path has a script: a function of the request number (1, 2, ...) returning (status, body, delay in seconds)
and optionally extra headers (a redirect's Location).
Paths that change between polls, fail, hang, truncate or serve an entity bomb are all just scripts.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
import time
from collections.abc import Callable
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = tuple  # (status, body, delay in seconds) or (status, body, delay, extra headers)
Script = Callable[[int], Reply]

_EN_SENTENCES = (
    "The harbour authority said the work on the {w} pier would finish before the summer season.",
    "Residents of the {w} district met on Tuesday evening to discuss the plans with the council.",
    "Officials expect the new {w} service to carry several thousand passengers every week.",
    "A spokesperson for the regional government declined to comment on the {w} budget.",
    "Local businesses welcomed the decision, saying the {w} project had been delayed for years.",
)
_DE_SENTENCES = (
    "Die Stadtverwaltung teilte mit, dass die Arbeiten am {w} Ufer vor dem Sommer abgeschlossen werden.",
    "Am Dienstagabend trafen sich die Anwohner des Viertels {w}, um die Pläne mit dem Rat zu besprechen.",
    "Nach Angaben der Behörden soll die neue Verbindung {w} jede Woche mehrere tausend Fahrgäste befördern.",
    "Ein Sprecher der Landesregierung in Stuttgart wollte sich zu den Kosten für {w} nicht äußern.",
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://x/</link></item></channel></rss>
"""


def article_text(name: str, language: str = "en") -> list[str]:
    """Paragraphs unique to `name` (so no two test articles are content duplicates)."""
    sentences = _DE_SENTENCES if language == "de" else _EN_SENTENCES
    word = name.replace("/", " ").replace("-", " ").strip().title()
    return [s.format(w=f"{word} {i}") for i, s in enumerate(sentences)]


def article_page(name: str, published: dt.datetime, language: str = "en", site: str = "Test Courier") -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in article_text(name, language))
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(name)} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        f"</head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{html.escape(name)}</h1>\n{paragraphs}</article>"
        f"<footer>Copyright {site}</footer></body></html>"
    ).encode()


def rss(title: str, items: list[dict]) -> bytes:
    """RSS 2.0; an item with `content` carries the article in content:encoded."""
    parts = []
    for item in items:
        content = f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>" if item.get("content") else ""
        published = f"<pubDate>{format_datetime(item['published'])}</pubDate>" if item.get("published") else ""
        parts.append(
            f"<item><title>{html.escape(item['title'])}</title><link>{html.escape(item['link'])}</link>"
            f"{published}{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{html.escape(title)}</title><link>http://example.invalid/</link>{''.join(parts)}"
        "</channel></rss>"
    ).encode()


def content_html(name: str, language: str = "en") -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in article_text(name, language))


class FeedServer:
    """Serves scripts on 127.0.0.1:<free port>; counts requests per path and remembers when each was made."""

    def __init__(self) -> None:
        self.scripts: dict[str, Script] = {}
        self.requests: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server._lock:
                    seen = server.requests.setdefault(self.path, [])
                    seen.append(time.time())
                    number = len(seen)
                script = server.scripts.get(self.path)
                reply = script(number) if script else (404, b"not found", 0.0)
                status, body, delay = reply[:3]
                headers = reply[3] if len(reply) > 3 else {}
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test): nothing to answer

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False  # hanging handlers (timeout scripts) must not block shutdown
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self._lock:
            return len(self.requests.get(path, []))

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def ok(body: bytes) -> Script:
    return lambda n: (200, body, 0.0)


def first_fails(failure: Reply, then: bytes) -> Script:
    """The first request gets `failure`, every later one the good body: a flapping server that recovers."""
    return lambda n: failure if n == 1 else (200, then, 0.0)


def by_request(bodies: list[bytes]) -> Script:
    """Request n gets bodies[n-1]; after the list ends, its last body: a feed that changes between polls."""
    return lambda n: (200, bodies[min(n, len(bodies)) - 1], 0.0)
