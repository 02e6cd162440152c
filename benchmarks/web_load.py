"""Load on the web server: N concurrent clients for S seconds on search and article pages.

Starts ``presstrace serve`` on a free loopback port in a subprocess (``--workers`` uvicorn workers),
then N clients request, in turn, ``/api/articles?q=WORD`` and ``/articles/{id}`` with
words and ids drawn from the database. Reports requests, errors, latency percentiles
and the server's CPU time per request
(the machine is shared, so latency under load is noisy; CPU per request is not).

    PYTHONPATH=src python -m benchmarks.web_load --db demo.db [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from presstrace.store import Store

WORDS = ("dam", "mayor", "rescue", "election", "water", "said", "people", "river", "council")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and its live children (uvicorn workers) have used:
    stable even on a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            try:
                total += cpu_seconds(int(child))
            except (FileNotFoundError, ProcessLookupError):
                continue
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def targets(db: Path, rng: random.Random) -> list[str]:
    with Store(db, readonly=True) as store:
        ids = [a["id"] for a in store.recent_articles(limit=200)]
    if not ids:
        raise SystemExit(f"{db} holds no articles")
    urls = []
    for i in range(400):
        if i % 2:
            urls.append(f"/articles/{rng.choice(ids)}")
        else:
            urls.append(f"/api/articles?q={rng.choice(WORDS)}&limit=20")
    return urls


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One keep-alive HTTP/1.1 GET; returns the status. (httpx costs the client more CPU
    than the server spends answering, so a bare client keeps the measurement honest.)"""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")
    )
    await reader.readexactly(length)
    return status


async def client(port: int, urls: list[str], start: int, until: float, out: list[float]) -> int:
    errors, i = 0, start
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            try:
                if await fetch(reader, writer, urls[i % len(urls)]) != 200:
                    errors += 1
            except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
                errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            out.append(time.perf_counter() - t0)
            i += 1
    finally:
        writer.close()
    return errors


async def load(port: int, urls: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    until = time.perf_counter() + seconds
    errors = await asyncio.gather(
        *(client(port, urls, k * 7, until, latencies) for k in range(clients))
    )
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "errors": sum(errors),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=1, help="presstrace serve --workers")
    args = ap.parse_args()
    urls = targets(args.db, random.Random(7))
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, ["src", os.environ.get("PYTHONPATH")])),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "presstrace",
            "serve",
            "--db",
            str(args.db),
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        cpu0 = cpu_seconds(server.pid)
        result = asyncio.run(load(port, urls, args.clients, args.seconds))
        cpu = cpu_seconds(server.pid) - cpu0
        if result["requests"]:
            result["server_cpu_ms_per_request"] = round(1000 * cpu / result["requests"], 2)
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
