"""A local HTTP server on 127.0.0.1 with the samples and one endpoint per fault.

``FaultServer()`` binds port 0 and serves from a daemon thread (one thread per
connection). Endpoints that keep state (500-then-200, 503-then-200) count per
path, so every test uses its own path (``/flaky/<anything>``) and stays
independent of the order tests run in. ``robots.txt`` disallows ``/private/``.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n"

DUTCH_PARAGRAPHS = [
    "De Nederlandse chipmachinefabrikant ASML heeft in het afgelopen kwartaal meer "
    "machines naar Zuid-Korea en Taiwan geleverd dan ooit tevoren, meldt het bedrijf "
    "uit Veldhoven woensdag in zijn kwartaalcijfers.",
    "Volgens topman Christophe Fouquet blijft de vraag naar de nieuwste EUV-machines "
    "groot, ondanks de exportbeperkingen die de Nederlandse regering vorig jaar heeft "
    "ingesteld voor leveringen aan China.",
    "Samsung en TSMC behoren tot de grootste klanten van het bedrijf. Beide "
    "chipfabrikanten bouwen nieuwe fabrieken in de Verenigde Staten en Japan, waar "
    "overheden miljarden euro's aan subsidie voor beschikbaar stellen.",
    "Het ministerie van Economische Zaken laat weten dat het de regels opnieuw tegen "
    "het licht houdt. Een woordvoerder zegt dat een besluit na de zomer wordt verwacht, "
    "nadat overleg met de Europese Commissie en de Amerikaanse regering is afgerond.",
    "Analisten van ING en ABN Amro verwachten dat de omzet van ASML dit jaar verder "
    "stijgt. De aandelenkoers van het bedrijf steeg na de bekendmaking met ruim drie "
    "procent op de beurs van Amsterdam.",
]

LATIN1_PARAGRAPHS = [
    "Het café aan de Oudegracht in Utrecht is na een grondige renovatie weer geopend. "
    "De eigenaar zegt dat het ontwerp geïnspireerd is op de jaren twintig.",
    "Volgens de gemeente Utrecht trekt het café jaarlijks duizenden bezoekers. Ook de "
    "reünie van oud-studenten van de Universiteit Utrecht vond er vorige week plaats.",
    "De brouwerij uit Tilburg die het bier levert, ziet de vraag uit België en Duitsland "
    "eveneens toenemen. Het bedrijf wil volgend jaar een tweede brouwerij openen.",
]

ENGLISH_PARAGRAPHS = [
    "The Dutch chip equipment maker ASML said on Wednesday that it shipped more machines "
    "to South Korea and Taiwan than ever before in the last quarter.",
    "Chief executive Christophe Fouquet said demand for its newest EUV machines remains "
    "strong, despite export restrictions the Dutch government introduced last year.",
    "Samsung and TSMC are among the company's largest customers. Both chipmakers are "
    "building new plants in the United States and Japan, helped by billions in subsidies.",
    "Analysts expect revenue to grow further this year, and the share price rose more than "
    "three percent in Amsterdam after the announcement.",
]

CONSENT_WALL = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Cookie-instellingen</title></head>
<body><div class="consent-wall" id="cookiewall">
<h1>Wij vragen uw toestemming</h1>
<p>Wij en onze partners gebruiken cookies en vergelijkbare technieken om uw gegevens te
verwerken, om onze website te verbeteren en om advertenties te tonen die aansluiten bij
uw interesses. Klik op 'Akkoord' om cookies te accepteren en door te gaan naar de website,
of kies 'Instellingen' om uw voorkeuren aan te passen.</p>
<p>U kunt uw toestemming op elk moment intrekken via de cookie-instellingen onderaan de
pagina. Lees meer in ons privacybeleid en cookiebeleid.</p>
<button>Akkoord</button> <button>Instellingen</button>
</div></body></html>
"""


def page(title: str, paragraphs: list[str], *, lang: str = "nl", meta: str = "") -> str:
    """A news-like HTML page (navigation, article, footer)."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{meta}<title>{title}</title></head>
<body><nav><a href="/">Home</a> <a href="/economie">Economie</a></nav>
<article><h1>{title}</h1>
<p class="byline">Door Redactie Economie, 12 maart 2025</p>
{body}
</article>
<footer>Alle rechten voorbehouden.</footer></body></html>
"""


DUTCH_PAGE = page("ASML levert recordaantal machines aan Azië", DUTCH_PARAGRAPHS)
ENGLISH_PAGE = page("ASML ships a record number of machines", ENGLISH_PARAGRAPHS, lang="en")
LATIN1_PAGE = page("Café in Utrecht heropend", LATIN1_PARAGRAPHS)
DUTCH_TEXT = "ASML levert recordaantal machines aan Azië\n\n" + "\n\n".join(DUTCH_PARAGRAPHS)
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

#: Decompressed size of the gzip bomb; its compressed size is about 1/1000 of it.
BOMB_SIZE = 64 * 1024 * 1024


@cache
def gzip_bomb() -> bytes:
    """A few tens of KB of gzip that inflate to BOMB_SIZE bytes of HTML-ish filler."""
    return gzip.compress(b"<html><body>" + b" " * (BOMB_SIZE - 12), compresslevel=9)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep quiet
        pass

    # -- helpers ---------------------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _count(self) -> int:
        with self.server.lock:
            n = self.server.hits.get(self.path, 0) + 1
            self.server.hits[self.path] = n
        return n

    # -- routes ----------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        with self.server.lock:
            self.server.requests.append(self.path)
        path = self.path.split("?", 1)[0]
        try:
            self._route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _route(self, path: str) -> None:
        parts = path.strip("/").split("/")
        head = parts[0]
        if path == "/robots.txt":
            if self.server.robots is None:
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, self.server.robots.encode(), "text/plain")
        elif head == "samples" and len(parts) >= 2:
            file = (SAMPLES / "/".join(parts[1:])).resolve()
            if not file.is_relative_to(SAMPLES) or not file.is_file():
                self._send(404, b"not found", "text/plain")
            else:
                ctype = "text/plain; charset=utf-8" if file.suffix == ".txt" else "text/html"
                self._send(200, file.read_bytes(), ctype)
        elif head in ("nl", "private"):
            self._send(200, DUTCH_PAGE.encode("utf-8"))
        elif head == "en":
            self._send(200, ENGLISH_PAGE.encode("utf-8"))
        elif head == "text":
            self._send(200, DUTCH_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif head == "xhtml":
            self._send(200, DUTCH_PAGE.encode("utf-8"), "application/xhtml+xml")
        elif head == "no-type":
            self._send(200, DUTCH_PAGE.encode("utf-8"), None)
        elif head == "gzip":
            body = gzip.compress(DUTCH_PAGE.encode("utf-8"))
            self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        elif head == "latin1":
            self._send(200, LATIN1_PAGE.encode("latin-1"), "text/html")
        elif head == "status" and len(parts) == 2 and parts[1].isdigit():
            self._send(int(parts[1]), b"<html><body>error</body></html>")
        elif head == "flaky":  # 500 once, then the page
            if self._count() == 1:
                self._send(500, b"<html><body>server error</body></html>")
            else:
                self._send(200, DUTCH_PAGE.encode("utf-8"))
        elif head == "busy":  # 503 with Retry-After: 1 once, then the page
            if self._count() == 1:
                self._send(503, b"busy", "text/plain", {"Retry-After": "1"})
            else:
                self._send(200, DUTCH_PAGE.encode("utf-8"))
        elif head == "always-500":
            self._count()
            self._send(500, b"<html><body>server error</body></html>")
        elif head == "hang":  # never answers
            self.server.stopping.wait(60)
        elif head == "slow":  # the page after /slow/<seconds>
            self.server.stopping.wait(float(parts[1]) if len(parts) > 1 else 1.0)
            self._send(200, DUTCH_PAGE.encode("utf-8"))
        elif head == "gate":  # trickles the page until the test calls open_gate()
            # A byte every 0.5 s keeps the client's read timeout from firing, so the
            # request lasts as long as the test wants (at most a minute).
            body = DUTCH_PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            sent = 0
            while sent < min(120, len(body)) and not self.server.gate.wait(0.5):
                self.wfile.write(body[sent : sent + 1])
                self.wfile.flush()
                sent += 1
            self.wfile.write(body[sent:])
        elif head == "drip":  # headers at once, then one byte every 0.2 s
            body = DUTCH_PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                if self.server.stopping.wait(0.2):
                    return
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
        elif head == "reset":  # RST instead of an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif head == "hangup":  # reads the request, closes without a word
            self.close_connection = True
        elif head == "garbage":  # not HTTP at all
            self.wfile.write(b"GARBAGE\r\n\r\n")
            self.close_connection = True
        elif head == "truncated":  # promises 1000 bytes, sends a few, hangs up
            self.wfile.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>"
            )
            self.close_connection = True
        elif head == "loop":  # /loop/a -> /loop/b -> /loop/a ...
            target = "/loop/b" if parts[-1] == "a" else "/loop/a"
            self._send(302, b"", None, {"Location": target})
        elif head == "cookie-dance":  # sets a cookie and redirects to itself once
            if "seen=1" in (self.headers.get("Cookie") or ""):
                self._send(200, DUTCH_PAGE.encode("utf-8"))
            else:
                self._send(302, b"", None, {"Location": path, "Set-Cookie": "seen=1; Path=/"})
        elif head == "redirect-ftp":
            self._send(302, b"", None, {"Location": "ftp://127.0.0.1/file.html"})
        elif head == "gzip-unlabelled":  # gzip bytes without Content-Encoding
            self._send(200, gzip.compress(DUTCH_PAGE.encode("utf-8")), "text/html")
        elif head == "redirect":  # one hop to the Dutch page
            self._send(301, b"", None, {"Location": "/nl/redirected"})
        elif head == "huge":  # 5 MB, no Content-Length: only the streaming cap can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            for _ in range(80):
                self.wfile.write(chunk)
        elif head == "huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self.close_connection = True
        elif head == "gzip-bomb":
            self._send(200, gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})
        elif head == "pdf":
            self._send(200, PDF_BYTES, "application/pdf")
        elif head == "pdf-untyped":
            self._send(200, PDF_BYTES, None)
        elif head == "image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif head == "empty":
            self._send(200, b"", "text/html; charset=utf-8")
        elif head == "consent":
            self._send(200, CONSENT_WALL.encode("utf-8"))
        else:
            self._send(404, b"not found", "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, robots: str | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.robots = robots
        self.lock = threading.Lock()
        self.hits: dict[str, int] = {}
        self.requests: list[str] = []
        self.stopping = threading.Event()
        self.gate = threading.Event()


class FaultServer:
    """Start with ``FaultServer()``; ``url("/nl/x")`` builds URLs; ``close()`` stops it."""

    def __init__(self, robots: str | None = ROBOTS_TXT) -> None:
        gzip_bomb()  # built once, up front: building it on request would look like a hang
        self._server = _Server(robots)
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def requests(self) -> list[str]:
        """Paths requested so far, in order."""
        with self._server.lock:
            return list(self._server.requests)

    def hits(self, path: str) -> int:
        with self._server.lock:
            return self._server.hits.get(path, 0)

    def open_gate(self) -> None:
        """Let every request to ``/gate/...`` (waiting or future) through."""
        self._server.gate.set()

    def close(self) -> None:
        self._server.stopping.set()
        self._server.gate.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":  # manual poking: python tests/fault_server.py
    with FaultServer() as srv:
        print("serving on", srv.base)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
