"""Benchmark inputs built from the shared AEB pages (never copied into the repo).

``aeb_warc`` writes the 91 AEB pages as one ``.warc.gz`` with one gzip member per record,
the way Common Crawl's news crawl ships them, with the ground truth's URLs.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """``$PRESSTRACE_SHARED``, else ``../shared`` beside the repo, else ``/work/shared``."""
    candidates = [os.environ.get("PRESSTRACE_SHARED"), ROOT.parent / "shared", "/work/shared"]
    for c in candidates:
        if c and (Path(c) / "evaldata" / "aeb" / "html").is_dir():
            return Path(c)
    return None


def aeb_dir() -> Path | None:
    base = shared_dir()
    return base / "evaldata" / "aeb" if base else None


def aeb_pages() -> list[tuple[str, str | None, bytes]]:
    """``(key, url, html bytes)`` for every AEB page, sorted by key."""
    base = aeb_dir()
    if base is None:
        return []
    truth = json.loads((base / "ground-truth.json").read_text())
    out = []
    for page in sorted((base / "html").glob("*.html.gz")):
        key = page.name.removesuffix(".html.gz")
        url = (truth.get(key) or {}).get("url")
        out.append((key, url, gzip.decompress(page.read_bytes())))
    return out


def warc_record(url: str, body: bytes, n: int) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def aeb_warc(path: Path, copies: int = 1) -> int:
    """Write the AEB pages (``copies`` times, each copy under its own URLs); returns records."""
    n = 0
    with open(path, "wb") as fh:
        for copy in range(copies):
            for key, url, html in aeb_pages():
                page_url = url or f"https://aeb.example/{key}"
                if copy:
                    page_url += f"?copy={copy}"
                fh.write(gzip.compress(warc_record(page_url, html, n), compresslevel=6))
                n += 1
    return n


# Short synthetic news pages for the memory run: our own words, recombined at random so
# that no two pages share their text (the structure is what a wire story looks like:
# headline, dateline, quotes with speakers, numbers with units).
_FIRST = "Ana Ben Carla Dmitri Elena Farid Grace Hugo Ines Jonas Keiko Lars Maya Nils Olga".split()
_LAST = "Alvarez Brandt Costa Duval Eriksen Fischer Gomez Haas Ivanova Jensen Kowalski".split()
_PLACES = "Lisbon Ghent Tartu Porto Utrecht Graz Aarhus Brno Split Malmo Turku Bergen".split()
_ORGS = [
    "the city council",
    "the port authority",
    "the national rail operator",
    "the regional hospital",
    "the farmers' union",
    "the water board",
    "the teachers' association",
    "the energy regulator",
]
_TOPICS = [
    "a new tram line",
    "the flood barrier",
    "night bus services",
    "school meals",
    "the harbour bridge",
    "rent controls",
    "a solar farm",
    "the ferry timetable",
    "waste collection",
    "the airport expansion",
    "river cleaning",
    "cycle lanes",
]
_ROLES = ["spokeswoman", "director", "mayor", "chief engineer", "union leader", "minister"]
_VERBS = ["said", "told reporters", "said in a statement", "told a press conference"]
_QUOTES = [
    "We will not wait another year for {topic}",
    "The figures speak for themselves",
    "Nobody asked the people who live here",
    "This is the best offer we have seen",
    "The budget for {topic} was never enough",
    "We expect the work to finish on time",
]


def synthetic_page(rng: random.Random, n: int) -> tuple[str, bytes]:
    """One ~150-word news page (``(url, html)``), different for every ``n``."""
    place, org, topic = rng.choice(_PLACES), rng.choice(_ORGS), rng.choice(_TOPICS)
    people = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(2)]
    money, share, year = rng.randint(2, 900), rng.randint(3, 97), rng.randint(2019, 2025)
    title = f"{place} plans to spend {money} million euros on {topic}"
    paras = [
        f"{place.upper()} — {org.capitalize()} on Tuesday approved {money} million euros "
        f"for {topic}, report number {n}, after {share} percent of residents backed the plan "
        f"in a vote held in {year}.",
        f'"{rng.choice(_QUOTES).format(topic=topic)}," {people[0]}, the '
        f"{rng.choice(_ROLES)} of {org}, {rng.choice(_VERBS)}.",
        f"Critics say the cost has risen by {rng.randint(5, 60)} percent since {year - 1} and "
        f"that {rng.randint(100, 9000)} households were not consulted before the decision.",
        f"{people[1]}, a {rng.choice(_ROLES)} in {rng.choice(_PLACES)}, said: "
        f'"{rng.choice(_QUOTES).format(topic=topic)}. We have asked for the full accounts."',
        f"Work on {topic} is due to start in {rng.choice(['March', 'June', 'October'])} and "
        f"to last {rng.randint(6, 40)} months, according to {org}. A final vote on the "
        f"second phase, worth another {rng.randint(1, 90)} million euros, is expected later "
        "this year.",
    ]
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    page = (
        f"<!doctype html><html><head><title>{html.escape(title)}</title>"
        f'<meta property="article:published_time" content="{year}-0{rng.randint(1, 9)}-1'
        f'{rng.randint(0, 9)}"></head><body><article><h1>{html.escape(title)}</h1>'
        f"{body}</article></body></html>"
    )
    return f"https://news.example/{place.lower()}/{n}", page.encode()


def synthetic_warc(path: Path, count: int, seed: int = 9) -> int:
    """Write ``count`` synthetic pages as a CC-NEWS-style ``.warc.gz``; returns ``count``."""
    rng = random.Random(seed)
    with open(path, "wb") as fh:
        for n in range(count):
            url, page = synthetic_page(rng, n)
            fh.write(gzip.compress(warc_record(url, page, n), compresslevel=6))
    return count
