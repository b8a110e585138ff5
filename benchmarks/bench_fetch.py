"""Fetch throughput: 1,000 URLs over 50 loopback hosts that each answer after 200 ms.

    python benchmarks/bench_fetch.py [--urls 1000] [--hosts 50] [--delay 0.2] [--grouped]

The server runs in its own process (asyncio, HTTP/1.1 keep-alive), bound on
127.0.0.1 ... 127.0.0.<hosts> (every loopback address works on Linux), so it
neither shares the GIL with the fetcher nor becomes the bottleneck. It counts
requests in flight per address; the script prints URLs/s with DEFAULT fetch
settings and the highest concurrency any one host saw (must stay <= per_host).
``--grouped`` lists the URLs host by host instead of interleaved, the order a
crawl of site sections produces.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import sys
import threading
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGE = (
    b"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Bericht</title></head>"
    b"<body><article><h1>Bericht</h1><p>ASML levert machines aan Samsung en TSMC, meldt het "
    b"bedrijf uit Veldhoven. De Nederlandse regering overweegt nieuwe exportregels.</p>"
    b"</article></body></html>"
)


def _serve(n_hosts: int, delay: float, conn: Connection) -> None:
    """Server process: one listener per loopback address; answers after ``delay``."""
    in_flight: Counter[str] = Counter()
    peak: Counter[str] = Counter()
    total = {"requests": 0, "now": 0, "peak": 0}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1]
                in_flight[host] += 1
                total["now"] += 1
                total["requests"] += 1
                peak[host] = max(peak[host], in_flight[host])
                total["peak"] = max(total["peak"], total["now"])
                try:
                    await asyncio.sleep(delay)
                finally:
                    in_flight[host] -= 1
                    total["now"] -= 1
                if path == b"/robots.txt":
                    status, body, ctype = b"404 Not Found", b"", b"text/plain"
                else:
                    status, body, ctype = b"200 OK", PAGE, b"text/html; charset=utf-8"
                writer.write(
                    b"HTTP/1.1 "
                    + status
                    + b"\r\nContent-Type: "
                    + ctype
                    + b"\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\nConnection: keep-alive\r\n\r\n"
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = []
        ports = []
        for i in range(1, n_hosts + 1):
            server = await asyncio.start_server(handle, f"127.0.0.{i}", 0, backlog=1024)
            servers.append(server)
            ports.append(server.sockets[0].getsockname()[1])
        conn.send(ports)
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()

        def wait_for_stats() -> None:
            conn.recv()  # the client asks once, at the end
            loop.call_soon_threadsafe(stop.set)

        threading.Thread(target=wait_for_stats, daemon=True).start()
        await stop.wait()
        conn.send(
            {
                "peak_per_host": dict(peak),
                "requests": total["requests"],
                "peak_total": total["peak"],
            }
        )
        for server in servers:
            server.close()

    asyncio.run(main())


def run(
    n_urls: int, n_hosts: int, delay: float, grouped: bool, overrides: dict[str, int]
) -> dict[str, float]:
    from extractor.config import FetchSettings
    from extractor.fetch import fetch_iter

    parent, child = mp.Pipe()
    server = mp.Process(target=_serve, args=(n_hosts, delay, child), daemon=True)
    server.start()
    ports: list[int] = parent.recv()
    per_host_urls = [
        [
            f"http://127.0.0.{h + 1}:{ports[h]}/artikel/{i}"
            for i in range(n_urls)
            if i % n_hosts == h
        ]
        for h in range(n_hosts)
    ]
    if grouped:
        urls = [u for group in per_host_urls for u in group]
    else:
        urls = [
            f"http://127.0.0.{i % n_hosts + 1}:{ports[i % n_hosts]}/artikel/{i}"
            for i in range(n_urls)
        ]
    settings = FetchSettings(**overrides)  # the defaults, unless overridden on the command line
    started = time.perf_counter()
    cpu_started = time.process_time()
    errors: Counter[str] = Counter()
    n = 0
    for doc in fetch_iter(urls, settings):
        n += 1
        if doc.error:
            errors[doc.error] += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    parent.send("stats")
    stats = parent.recv()
    server.join(timeout=5)
    peak_host = max(stats["peak_per_host"].values())
    print(
        f"urls: {n} over {n_hosts} hosts ({'grouped' if grouped else 'interleaved'}), "
        f"server delay {delay * 1000:.0f} ms"
    )
    print(
        f"settings: concurrency={settings.concurrency} per_host={settings.per_host} "
        f"respect_robots={settings.respect_robots}"
    )
    print(
        f"elapsed: {elapsed:.2f} s   throughput: {n / elapsed:.1f} URLs/s   "
        f"fetcher CPU: {cpu:.2f} s ({cpu / max(n, 1) * 1000:.2f} ms per URL)"
    )
    print(
        f"server saw {stats['requests']} requests (robots.txt included), "
        f"peak in flight: {stats['peak_total']} total, {peak_host} on one host "
        f"(limit {settings.per_host})"
    )
    print(f"errors: {dict(errors) or 'none'}")
    ok = peak_host <= settings.per_host and n == n_urls and not errors
    print("per-host limit respected" if ok else "FAILED: limit exceeded or documents missing")
    return {"urls_per_s": n / elapsed, "peak_host": peak_host, "ok": float(ok)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--grouped", action="store_true")
    parser.add_argument("--concurrency", type=int, help="override the default")
    parser.add_argument("--per-host", type=int, help="override the default")
    args = parser.parse_args()
    overrides = {
        k: v for k, v in {"concurrency": args.concurrency, "per_host": args.per_host}.items() if v
    }
    result = run(args.urls, args.hosts, args.delay, args.grouped, overrides)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
