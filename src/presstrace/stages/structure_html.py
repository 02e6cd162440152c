"""Structure from HTML: trafilatura for the body, our own reading for what it misses.

trafilatura (with htmldate) is the base. Around it: the visible headline without the
site-name suffix, bylines as lists of people, the publisher from ``og:site_name``, the
date from the page's metadata first, the standfirst, figure captions with their credits
(kept out of the body), credited sources, and boilerplate paragraphs moved to
``removed``. When trafilatura's precise pass finds little, a recall-oriented second pass
is tried (never more than two runs per page); paragraphs it dropped inside the article
are recovered from resiliparse (``second_opinion``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from ..records import Article, Caption, Removed
from ..resources import Resources
from . import boilerplate as bp
from . import bylines, credits, flags, furniture, page_meta, second_opinion, trafilatura_meta
from .language import detect_language, normalise_code

SHORT_BODY = 400
AUTHOR_ORDER = ("ld", "meta", "citation", "traf", "byline", "label", "by", "link")
META_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "cxenseparse:author",
)
_HOST_FILLERS = {"blog", "the", "www", "home", "news"}
_SEPARATORS = re.compile(r"\s+[|–—·•»:\-]{1,2}\s+|(?<=\w):\s+")
_WORD = re.compile(r"\w+")
_DAY = re.compile(r"\s*\d{4}-\d{2}-\d{2}")


def _norm(s: str | None) -> str:
    return " ".join(_WORD.findall((s or "").lower()))


def _site_keys(site: str | None, url: str | None) -> set[str]:
    keys = {_norm(site)} if site else set()
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
        keys.add(_norm(host))
        keys.add(_norm(host.rsplit(".", 1)[0]))
    return {k for k in keys if k}


_EDGE_SEP = r"\s*[|–—·•»:\-]{1,2}\s+"


def _strip_whole_site(title: str, site: str) -> str:
    """A site name that itself holds a separator ("Sound! Review | SoundReview.com")
    defeats splitting on separators; it is taken off the start or end as a whole."""
    low, name = title.lower(), site.lower().strip()
    if low.startswith(name):
        m = re.match(_EDGE_SEP, title[len(name) :])
        if m and title[len(name) + m.end() :].strip():
            return title[len(name) + m.end() :].strip()
    if low.endswith(name):
        m = re.search(_EDGE_SEP + "$", title[: -len(name)] + " ")
        if m and title[: m.start()].strip():
            return title[: m.start()].strip()
    return title


def strip_site_suffix(title: str, site: str | None, url: str | None) -> str:
    """ "Headline | Site" / "Headline – Site" / "Site: Headline" -> "Headline".

    A bare host name before the headline ("example.com Headline") goes too.
    """
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()
        if "." in host and title.lower().startswith(host + " ") and len(title) > len(host) + 8:
            title = title[len(host) :].strip()
    if site and _SEPARATORS.search(site):
        title = _strip_whole_site(title, site)
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    keys = _site_keys(site, url)
    seps = _SEPARATORS.findall(title)

    def is_site(part: str) -> bool:
        n = _norm(part)
        # "Garnix Blog" on garnix.io: the site's name with a filler word
        bare = " ".join(w for w in n.split() if w not in _HOST_FILLERS)
        return bool(n) and any(
            n == k or n.replace(" ", "") == k.replace(" ", "") or bare == k for k in keys
        )

    while len(parts) > 1 and (
        is_site(parts[-1]) or ("|" in seps[-1] and len(parts[-1].split()) <= 4)
    ):
        parts.pop()
        seps.pop()
    if len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


_H1_SUFFIX_JUNK = re.compile(r"(?:posted|published|updated|by)\b")
_H1_SOURCE_TAIL = re.compile(r"\(\S+\.\w+\)\W*\d*\s*$")


def _framed(h1: str, title: str) -> bool:
    """The headline element wraps a metadata title in page furniture.

    "Blog: Headline", "Dec 18 2025 Headline", "Headline Posted on July 1 by admin",
    "Headline (example.com) 87": a label or date before it, a byline, date or source
    after it. Plain extra words ("The Headline", "Headline: a subtitle") do not count.
    """
    h, t = _norm(h1), _norm(title)
    k = h.find(t)
    if len(t) <= 15 or k < 0 or h == t:
        return False
    before, after = h[:k].split(), h[k + len(t) :].strip()
    if before:
        raw_before = " ".join(h1.split()[: len(before)])
        dated = len(before) >= 2 and any(ch.isdigit() for ch in raw_before)
        if len(before) > 5 or not (raw_before.endswith((":", "|", "-", "–")) or dated):
            return False
    return not after or bool(_H1_SUFFIX_JUNK.match(after) or _H1_SOURCE_TAIL.search(h1))


_MANGLED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def unmangle(text: str) -> str:
    """UTF-8 read as Latin-1 ("Investorâ\x80\x99s" -> "Investor’s"), repaired when it
    round-trips; pages that double-encode their own headline need it."""
    if not _MANGLED.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _names_host(h1: str, url: str | None) -> bool:
    """An ``<h1>`` that spells the site's host ("davidbau.com", "Antoyo's Blog" on
    blog.antoyo.xyz) is the site's logo, not the headline."""
    if not url:
        return False
    host = re.sub(r"^https?://", "", url).split("/")[0]
    words = {w for w in _norm(h1).split() if len(w) > 1}
    return bool(words) and words <= set(_norm(host).split()) | _HOST_FILLERS


OVERLAP = 0.25


def _headline_like(h: str) -> bool:
    """Not a section label: three words or more, not all capitals, not a lead-in ("A
    message from our founder:")."""
    return 3 <= len(h.split()) <= 40 and not h.isupper() and not h.rstrip().endswith(":")


def _overlap(a: str, b: str) -> float:
    x, y = set(_norm(a).split()), set(_norm(b).split())
    return len(x & y) / len(x | y) if x | y else 0.0


_CUT = re.compile(r"(?:\.\.\.|…)\s*$")


def _cut_short(title: str) -> bool:
    """A title truncated by the template: an open bracket never closed, or an ellipsis."""
    return (
        title.count("(") > title.count(")")
        or title.count("[") > title.count("]")
        or bool(_CUT.search(title))
    )


def _completed(titles: list[str]) -> list[str]:
    """Each cut-short title replaced by a longer one among ``titles`` that it begins."""
    out = []
    for t in titles:
        key = _norm(_CUT.sub("", t))
        longer = [u for u in titles if len(u) > len(t) and _norm(u).startswith(key)]
        out.append(max(longer, key=len) if _cut_short(t) and key and longer else t)
    return out


def _repaired(h1: str, titles: list[str]) -> str:
    """An ``<h1>`` whose page lost characters to "?" or U+FFFD ("Beginner? Guide") gives
    way to the metadata title it spells around the damage ("Beginner's Guide")."""
    if "?" not in h1 and "\ufffd" not in h1:
        return h1
    parts = re.split(r"[?\ufffd]", h1)
    damaged = re.compile(".{1,3}".join(re.escape(p) for p in parts) + "$")
    for t in titles:
        if t != h1 and damaged.match(t):
            return t
    return h1


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _variant(h1: str, title: str) -> bool:
    """The ``<h1>`` is the declared title with words added or dropped at an end ("The
    Best ...", "... from KBIS 2025"), or names a later year than it: a headline revised
    after the metadata was written (or a shortened SEO title), not a different one."""
    h, t = f" {_norm(h1)} ", f" {_norm(title)} "
    later = max(map(int, _YEAR.findall(h1)), default=0) > max(
        map(int, _YEAR.findall(title)), default=0
    )
    return h in t or t in h or later


def choose_title(
    pm: page_meta.PageMeta, traf_title: str | None, site: str | None, url: str | None
) -> str | None:
    """The visible headline when the metadata agrees with it, else the metadata title.

    A lone ``<h1>`` is trusted on its own unless it reads like a section label (fewer
    than three words, or all capitals); an ``<h1>`` that wraps the metadata title in a
    label, date or byline gives way to that title. An ``<h1>`` that disagrees with the
    declared title and sits where no template prints a headline (outside ``<article>``
    and ``<header>``, not named a title by class, id or itemprop: a page builder's
    banner) gives way to the declared title too, unless it is that title with words
    added or dropped at an end, or names a later year (WCXB dev: 15 fixed, 5 broken).
    """
    candidates = [
        unmangle(html.unescape(t))
        for t in (
            pm.ld.get("headline") if isinstance(pm.ld.get("headline"), str) else None,
            pm.meta.get("og:title"),
            pm.meta.get("twitter:title"),
            pm.html_title,
            traf_title,
        )
        if t
    ]
    stripped = _completed([strip_site_suffix(c, site, url) for c in candidates])
    keys = {_norm(c) for c in candidates} | {_norm(s) for s in stripped}
    # what the site appends to its titles is its name; an <h1> saying just that is a logo
    site_names = _site_keys(site, url) | {
        _norm(c[len(s) :]) for c, s in zip(candidates, stripped, strict=True) if c != s
    }
    h1s = [
        _repaired(strip_site_suffix(unmangle(html.unescape(h)), site, url), stripped)
        for h in pm.h1
        if _norm(h) not in site_names and not _names_host(h, url)
    ]
    for h in h1s:
        n = _norm(h)
        if n and (n in keys or any(k.startswith(n) and len(n) > 20 for k in keys)):
            return h
    for h in h1s:
        inside = [s for s in stripped if _framed(h, s)]
        if inside:
            return max(inside, key=len)
    above = {_norm(h) for h in pm.headings_above}
    for s in stripped:
        if len(_norm(s).split()) >= 3 and _norm(s) in above:
            return s
    h1s = list(dict.fromkeys(h1s))
    if stripped and h1s and not pm.h1_placed and not _variant(h1s[0], stripped[0]):
        return stripped[0]
    if len(h1s) == 1 and _headline_like(h1s[0]):
        return h1s[0]
    if (
        len(h1s) > 1
        and stripped
        and _headline_like(h1s[0])
        and _overlap(h1s[0], stripped[0]) >= OVERLAP
    ):
        return h1s[0]
    if stripped:
        return stripped[0]
    return h1s[0] if h1s else None


def choose_authors(
    pm: page_meta.PageMeta,
    traf_author: str | Callable[[], str | None] | None,
    publisher: str | None,
    resources: Resources,
) -> tuple[str, ...]:
    """People from the first source that names any, in ``AUTHOR_ORDER``.

    What the page declares (JSON-LD, author meta tags, citation tags) comes before
    trafilatura's guess, then byline elements, "By ..." text and links to author pages.
    A source that names only the publisher (a site credited as author) is used only when
    no other source names anyone; a declared handle or team name is the last resort.
    """
    lex = bylines.lexicon(resources)
    org = _norm(publisher)
    cited = pm.meta.get("citation_author", "")
    if cited.count(",") == 1:
        cited = " ".join(reversed([p.strip() for p in cited.split(",")]))
    written_by = next(
        (
            pm.meta.get(f"twitter:data{n}", "")
            for n in (1, 2)
            # "Written by", "Interview by", "Posted by"
            if pm.meta.get(f"twitter:label{n}", "").lower().strip(" :").endswith(" by")
        ),
        "",
    )
    sources = {
        "traf": [],  # asked for only when the declared sources before it name nobody
        "ld": pm.ld_authors,
        "byline": pm.byline_texts[:3],
        "meta": [pm.meta.get(k, "") for k in META_AUTHOR_KEYS] + [written_by],
        "by": [b for b in pm.by_lines if bylines.strip_lead(b, lex) is not None][:2],
        # the first label that names someone; later ones often sit on teasers
        "label": next(([t] for t in pm.labelled if bylines.people(t, lex)), []),
        "link": pm.author_links[:2],
        "citation": [cited],
    }
    # trafilatura re-spells a declared login or template variable as a name ("Page Head")
    leftovers = {
        w
        for key in ("ld", "meta")
        for raw in sources[key]
        if _PLACEHOLDER.match(raw.strip())
        for w in _norm(raw).split()
    }
    fallback: tuple[str, ...] = ()
    for key in AUTHOR_ORDER:
        names: list[str] = []
        if key == "traf":
            found = traf_author() if callable(traf_author) else traf_author
            sources[key] = (found or "").split(";")
        for raw in sources[key]:
            words = set(_norm(raw).split())
            if _PLACEHOLDER.match(raw.strip()) or (key == "traf" and words and words <= leftovers):
                continue
            for n in bylines.people(raw, lex):
                if n not in names:
                    names.append(n)
        if names and any(_norm(n) != org for n in names):
            return tuple(names)
        fallback = fallback or tuple(names)
    return fallback or raw_author(pm)


# a template variable or a login where a name belongs ("page.head.author", "jane.roe",
# "{{ author }}"); a brand spelled as a domain ("AcmeBooks.com") keeps its capitals
_PLACEHOLDER = re.compile(r"^(?:[a-z0-9_-]+\.)+[a-z0-9_-]+$|.*[{}]")
_HANDLE = re.compile(r"^[\w][\w .'’&-]{1,60}$")


def raw_author(pm: page_meta.PageMeta) -> tuple[str, ...]:
    """The page's declared author as written, when it names no person we recognise.

    Blogs credit a handle ("jdoe_writes") or a team ("Acme Editorial Team"); declared in
    the metadata, that is still who the page says wrote it.
    """
    for value in (pm.meta.get("author"), *(pm.ld_authors[:1])):
        if value and _HANDLE.match(value.strip()) and "." not in value:
            return (value.strip(),)
    return ()


PUBLISHED_META_KEYS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "article:published",
    "published_time",
    "cxenseparse:publishtime",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "publish-date",
    "publishdate",
    "pubdate",
)


def declared_dates(pm: page_meta.PageMeta) -> list[str]:
    """Publication days the page declares in JSON-LD and meta tags (ISO form only)."""
    return _iso_days(pm, "datePublished", PUBLISHED_META_KEYS)


def _iso_days(pm: page_meta.PageMeta, ld_key: str, meta_keys: tuple[str, ...]) -> list[str]:
    values = [pm.ld.get(ld_key), *(pm.meta.get(k) for k in meta_keys)]
    return [v.strip()[:10] for v in values if isinstance(v, str) and _DAY.match(v)]


# header lines (from the headline on) whose printed date beats a <time> found elsewhere
_HEADLINE_NEAR = 8


def written_date(text: str) -> str | None:
    """The day a short line states ("Published March 4, 2021", "04.03.2021", "4 mars
    2021"), read by htmldate's own expression parser; None for lines with no full date."""
    from datetime import datetime

    from htmldate.extractors import try_date_expr

    return try_date_expr(text, "%Y-%m-%d", True, datetime(1995, 1, 1), datetime.now())


_DATELINE_WORDS = 8


def _dateline(line: str) -> bool:
    """A line that can be a date line ("Updated Dec 18, 2025 · 12 min read"), not a
    sentence that mentions a date ("The offer is valid until December 3, 2025.")."""
    return len(line.split()) <= _DATELINE_WORDS and not line.rstrip().endswith(".")


def visible_date(
    pm: page_meta.PageMeta,
    within: int | None = None,
    updates: bool = True,
    days: dict[int, str | None] | None = None,
) -> str | None:
    """The first full date printed around the headline, in its first ``within`` lines;
    with ``updates`` false, not one labelled as an update ("Last updated:" on its line
    or alone on the line before). ``days`` keeps each line's reading across calls (the
    date rules ask several questions of the same lines; reading one is the cost)."""
    lines = pm.header_lines[:within]
    read = {} if days is None else days
    for i, line in enumerate(lines):
        if i not in read:
            read[i] = written_date(line) if _dateline(line) else None
        if day := read[i]:
            label = f"{lines[i - 1] if i else ''} {line}".lower()
            if updates or not _UPDATE_LABEL.search(label):
                return day
    return None


_UPDATE_LABEL = re.compile(r"\b(?:updated|modified|revised|reviewed)\b")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d\d?|[a-z]{3})/(\d\d?)/", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def url_date(url: str | None) -> str | None:
    """The day a news URL files its article under ("/2025/12/18/", "/2025/dec/05/")."""
    m = _URL_DAY.search(url or "")
    if not m:
        return None
    year, month, day = m.groups()
    if not month.isdigit():
        if month.lower() not in _MONTHS:
            return None
        month = str(_MONTHS.index(month.lower()) + 1)
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


MODIFIED_META_KEYS = (
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "article:modified",
    "dc.date.modified",
    "dcterms.modified",
)


def modified_dates(pm: page_meta.PageMeta) -> list[str]:
    """Days the page declares it was last changed (ISO form only)."""
    return _iso_days(pm, "dateModified", MODIFIED_META_KEYS)


def _swapped(a: str, b: str) -> bool:
    """Two ISO days that are one another with day and month exchanged."""
    return a != b and a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]


def _unlike(day: str, others: list[str]) -> bool:
    """``day`` is more than a day from each of ``others`` (a day either way is the same
    instant seen from another time zone) and is none of them read the other way round."""
    from datetime import date

    try:
        d = date.fromisoformat(day)
        return all(
            abs((d - date.fromisoformat(o)).days) > 1 and not _swapped(day, o) for o in others
        )
    except ValueError:
        return False


OPEN_GRAPH_PUBLISHED = ("article:published_time", "og:published_time")


def _reads_modified(day: str, declared: list[str], modified: list[str]) -> bool:
    """htmldate's ``day`` is a declared modification day that is not the declared
    publication day (it prefers the newer of the two)."""
    return day in modified and day not in declared and _unlike(day, declared[:1])


def choose_date(
    pm: page_meta.PageMeta, traf_date: str | None, url: str | None = None
) -> str | None:
    """htmldate's choice (metadata first, via trafilatura), else JSON-LD, else meta tags.

    The day in a news URL ("/2025/12/18/") settles it when the page states that day or
    one next to it: the CMS files the article under it and never moves it, and it is the
    local day a UTC timestamp may miss (WCXB dev: the gold follows it on all 32 pages
    that have one); a URL day nothing on the page agrees with is not trusted.

    A date printed under the headline that is none of the declared days (more than a
    day from each, not labelled as an update) is the article's own: the declared one is
    then an import or re-post date (WCXB dev: 4 fixed, none broken).

    A later day printed under the headline, "Updated" or not, is the article's date on a
    page that declares its publication day only to search engines (JSON-LD, plain meta
    tags) and not to Open Graph (``article:published_time``): SEO plugins keep the first
    draft's datePublished while the byline date is the one the site maintains; a page
    that publishes ``article:published_time`` keeps that day (WCXB dev: 9 fixed, 2
    broken; preferring every printed "Updated" day was 16 fixed, 19 broken).
    htmldate prefers a declared modification day to the declared publication day; that
    day is not taken unless the page prints it (WCXB dev: 3 fixed, none broken); nor is
    a day it found elsewhere that is none of the declared ones, when the page prints its
    declared publication day (1 fixed, none broken).

    A page that declares no publication date but marks one up in a ``<time datetime>``
    outside navigation and sidebars gets that date: htmldate's guess from the rest of
    the page is wrong more often (WCXB dev: 6 of 8 such pages right against 2). A full
    date printed right under the headline comes first, one printed further down (or
    just above the headline) after the ``<time>`` (WCXB dev: 17 pages fixed, 1 broken).
    htmldate's day read with day and month swapped ("09.10.2024") gives way to the
    declared ISO day it mirrors.
    """
    declared = declared_dates(pm)
    days: dict[int, str | None] = {}
    printed = visible_date(pm, min(_HEADLINE_NEAR, pm.header_below), updates=False, days=days)
    anywhere = visible_date(pm, days=days)
    # not htmldate's day: it may have read it off the URL itself
    evidence = [*declared, *pm.time_dates[:1], *(d for d in (anywhere,) if d)]
    filed = url_date(url)
    if filed and evidence and not _unlike(filed, evidence):
        return filed
    modified = modified_dates(pm)
    if printed and declared and _unlike(printed, declared + modified + pm.time_dates):
        return printed
    # the first day printed under the headline, "Updated" or not
    revised = visible_date(pm, min(_HEADLINE_NEAR, pm.header_below), days=days)
    if declared and not any(pm.meta.get(k) for k in OPEN_GRAPH_PUBLISHED):
        if revised and revised > declared[0] and _unlike(revised, declared[:1]):
            return revised
    if traf_date and declared and _swapped(traf_date[:10], declared[0]):
        return declared[0]
    seen = {anywhere, revised, *pm.time_dates[:1]}
    if traf_date and declared and traf_date[:10] not in seen:
        if _reads_modified(traf_date[:10], declared, modified):
            return declared[0]
        # a day htmldate found that the page neither declares nor prints, while it
        # prints the declared one
        if declared[0] in seen and _unlike(traf_date[:10], declared + modified):
            return declared[0]
    if not declared:
        for shown in (visible_date(pm, _HEADLINE_NEAR, days=days), *pm.time_dates[:1], anywhere):
            if shown:
                return shown
    for value in (traf_date, *declared):
        if isinstance(value, str) and _DAY.match(value.strip()):
            return value.strip()[:10]
    return None


def choose_publisher(pm: page_meta.PageMeta, traf_site: str | None) -> str | None:
    pub = pm.ld.get("publisher")
    pub_name = pub.get("name") if isinstance(pub, dict) else None
    for value in (pm.meta.get("og:site_name"), pub_name, traf_site):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _run_trafilatura(tree: Any, url: str | None, recall: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,  # our trafilatura_meta reads the fields we use
        include_comments=False,
        include_tables=True,
        favor_recall=recall,
    )


def clean_body(
    lines: list[str],
    title: str | None,
    pm: page_meta.PageMeta,
    captions: list[Caption],
    resources: Resources,
    boxes: tuple[furniture.Container, ...] = (),
) -> tuple[list[str], list[Removed], list[str], str | None]:
    """Body paragraphs, what was removed, byline names and a credited source.

    ``boxes`` are the page's named furniture containers (``furniture.containers``)."""
    lex, clex, blex = bp.lexicon(resources), credits.lexicon(resources), bylines.lexicon(resources)
    title_key = _norm(title)
    caption_keys = {_norm(c.text) for c in captions} | {
        _norm(f"{c.text} {c.credit}") for c in captions if c.credit
    }
    caption_keys.discard("")
    body: list[str] = []
    removed: list[Removed] = []
    names: list[str] = []
    source: str | None = None
    in_list = False
    last = len(lines) - 1
    for i, line in enumerate(lines):
        key = _norm(line)
        if not body and key and key == title_key:
            removed.append(Removed(line, bp.TITLE))
            continue
        if key in caption_keys:
            removed.append(Removed(line, bp.CAPTION))
            continue
        reason = bp.classify(line, lex)
        if reason is not None:
            removed.append(Removed(line, reason))
            in_list = reason == bp.TEMPLATE
            continue
        boxed = furniture.reason_for(line, boxes)
        if boxed is not None:
            removed.append(Removed(line, boxed))
            continue
        if in_list and bp.is_link_line(line):
            removed.append(Removed(line, bp.TEMPLATE))
            continue
        in_list = False
        if not body and (found := bylines.byline_line(line, blex)):
            names.extend(found)
            removed.append(Removed(line, bp.BYLINE))
            continue
        if (i <= 2 or i >= last - 2) and (
            bp.is_disclosure(line, lex) or bp.is_disclaimer(line, lex)
        ):
            removed.append(Removed(line, bp.NOTICE))
            continue
        edge = i <= 1 or i >= last - 2
        credit = credits.credit_line(line, clex) if edge else None
        if credit is not None:
            source = source or credit
            removed.append(Removed(line, bp.CREDIT))
            continue
        if i >= last - 3 and bylines.author_bio(line, blex, first_person_only=True):
            removed.append(Removed(line, bp.AUTHOR_BIO))
            continue
        body.append(line)
    copies = bp.repeated_runs(body)
    removed.extend(Removed(line, bp.REPEATED) for i, line in enumerate(body) if i in copies)
    body = [line for i, line in enumerate(body) if i not in copies]
    return body, removed, names, source


def from_html(raw: str, base: Article, resources: Resources) -> Article:
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        return base
    pm = page_meta.read(tree, bylines.lexicon(resources).labels)
    headings = second_opinion.marked_up_lines(tree)
    doc = _run_trafilatura(tree, base.url, recall=False)
    text = (doc.text or "") if doc is not None else ""
    if len(text) < SHORT_BODY:
        second = _run_trafilatura(tree, base.url, recall=True)
        if second is not None and len(second.text or "") > max(2 * len(text), SHORT_BODY // 2):
            doc, text = second, second.text or ""
    tm = trafilatura_meta.read(tree, base.url)
    traf: dict[str, Any] = {
        "title": tm.title,
        "author": tm.author,
        "date": tm.date,
        "sitename": tm.sitename,
        "language": getattr(doc, "language", None),
        "url": tm.url,
    }
    publisher = choose_publisher(pm, traf["sitename"])
    url = base.url or traf["url"]
    title = choose_title(pm, traf["title"], publisher, url)
    clex = credits.lexicon(resources)
    captions = [
        Caption(*credits.split_photo_credit(t, clex)) if c is None else Caption(t, c)
        for t, c in pm.captions
    ]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    blex = bylines.lexicon(resources)
    known = [f"{c.text} {c.credit or ''}" for c in captions] + pm.furniture
    known += [
        pm.standfirst or "",
        pm.meta.get("description", ""),
        pm.meta.get("og:description", ""),
    ]
    known_grams = second_opinion.trigram_set(" ".join(known))

    def not_body(line: str) -> bool:
        """Captions, standfirsts, credited photos, bylines and author boxes ("I'm Jane, a
        content writer at ...") the second extractor keeps."""
        grams = second_opinion.trigram_set(line)
        return (
            len(grams & known_grams) >= len(grams) / 2
            or credits.split_photo_credit(line, clex)[1] is not None
            or bylines.byline_line(line, blex) is not None
            or bylines.author_bio(line, blex, first_person_only=True) is not None
            or flags.persona_severity(line, resources) is not None
        )

    lines = second_opinion.merge(
        lines, second_opinion.resiliparse_text(raw), not_body, headings.get
    )
    boxes = furniture.containers(tree, sum(len(ln.split()) for ln in lines), resources)
    body, removed, names, source = clean_body(lines, title, pm, captions, resources, boxes)
    authors = choose_authors(
        pm, lambda: tm.author or trafilatura_meta.scanned_author(tree), publisher, resources
    ) or tuple(names)
    subtitle = pm.standfirst
    if subtitle and body and _norm(body[0]) == _norm(subtitle):
        removed.append(Removed(body.pop(0), bp.SUBTITLE))
    if body and source is None:
        source = credits.dateline_source(body[0], clex) or credits.trailing_source(body[-1], clex)
    out = "\n\n".join(body)
    language = normalise_code(pm.lang) or normalise_code(traf["language"]) or detect_language(out)
    return base.evolve(
        url=url,
        title=title,
        subtitle=subtitle,
        authors=authors,
        publisher=publisher,
        published=choose_date(pm, traf["date"], url),
        language=language,
        text=out,
        credited_source=source,
        captions=tuple(c for c in captions if c.text),
        removed=tuple(removed),
    )
