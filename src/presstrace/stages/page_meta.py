"""What an HTML page says about its article outside the body text.

Read once from the parsed tree before trafilatura sees it: the declared language,
meta tags (Open Graph, article:*), schema.org JSON-LD, the visible headline(s),
standfirst, byline elements and figure captions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "techarticle",
    "scholarlyarticle",
    "webpage",
    "liveblogposting",
    "socialmediaposting",
    "medicalwebpage",
    "howto",
    "recipe",
}
_STANDFIRST = re.compile(
    r"(?:^|[\s_-])(?:standfirst|sub-?title|sub-?head(?:line)?|dek|deck|sapo|entradilla|chapo|"
    r"chapeau|bajada|article-?summary|article__summary|article-?lede|subheadline)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"(?:^|[\s_-])(?:byline|author-?name|author__name|article-?author|author|autor|auteur|"
    r"by-?author|writer|posted-?by)(?:$|[\s_-])",
    re.IGNORECASE,
)
# every word of _STANDFIRST, _BYLINE and _FURNITURE in one lower-case test (a third of
# their cost on pages with thousands of classed elements, most matching none)
_CLASS_WORDS = re.compile(
    "byline|author|autor|auteur|writer|posted|standfirst|sub-?title|sub-?head|dek|deck|sapo|"
    "entradilla|chap|bajada|summary|lede|caption|credit|promo|teaser|related"
)
_CREDIT = re.compile(
    r"(?:^|[\s_-])(?:credit|copyright|photographer|source|author|byline|photo-?credit|"
    r"image-?credit|media-?credit|attribution)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BY_TEXT = (
    "//body//text()[starts-with(normalize-space(.), 'By ') or starts-with(normalize-space(.), "
    "'by ') or starts-with(normalize-space(.), 'Written by ') or starts-with(normalize-space(.), "
    "'Posted by ')][not(ancestor::script or ancestor::style or ancestor::a[not(@rel)])]"
)
# an author page's path in a link's href
_AUTHOR_HREF = re.compile(r"/(?:authors?|writers|journalist|autor|auteur|contributors?)/")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# class words of captions, credits, promos, teasers and related links
_FURNITURE = re.compile("caption|credit|promo|teaser|related")
# elements any of the class rules may want (a cheap first test, in C)
_BODY_CANDIDATES = (
    "//body//*[@class or @rel or @itemprop or @href or @datetime or self::figcaption]"
)
_CHROME = {"nav", "footer", "aside"}
_SKIP_ANCESTORS = "ancestor::nav or ancestor::footer or ancestor::aside or ancestor::header[.//nav]"


@dataclass
class PageMeta:
    lang: str | None = None
    html_title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    h1: list[str] = field(default_factory=list)
    # h2/h3 texts above the first <h1>: where a template prints its headline when the
    # article's own markdown uses <h1> for section heads
    headings_above: list[str] = field(default_factory=list)
    # the first <h1> sits where a template prints an article's headline: inside
    # <article> or <header>, or named as the title by its class, id or itemprop
    h1_placed: bool = True
    ld: dict[str, Any] = field(default_factory=dict)
    ld_authors: list[str] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    by_lines: list[str] = field(default_factory=list)
    author_links: list[str] = field(default_factory=list)
    standfirst: str | None = None
    captions: list[tuple[str, str | None]] = field(default_factory=list)
    # text of elements classed as captions, credits, promos, teasers or related links:
    # only to keep a second extractor's paragraphs out of the body, never shown
    furniture: list[str] = field(default_factory=list)
    time_dates: list[str] = field(default_factory=list)
    # short text lines from the first headline on, then the few above it (nearest
    # first): where a template prints "Published March 4, 2021" or a date under the title
    header_lines: list[str] = field(default_factory=list)
    # how many of header_lines come from the headline on (the rest are above it)
    header_below: int = 0
    # what follows a label that is a whole element ("Written by" | "Jane Roe")
    labelled: list[str] = field(default_factory=list)


def _in_chrome(el: HtmlElement) -> bool:
    """Inside navigation, footer or sidebar: not the article's own byline or standfirst."""
    return any(a.tag in _CHROME for a in el.iterancestors())


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


_BLOCKS = {"br", "div", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "time"}


def _spaced_text(el: HtmlElement) -> str:
    """Text with a space wherever a line break or block child separates two runs.

    ``text_content`` glues "Jane Roe<div>Senior Reporter</div>" into "Jane RoeSenior
    Reporter"; headlines with a ``<br>`` suffer the same.
    """
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        gap = " " if node.tag in _BLOCKS else ""
        parts.append(gap + (node.text or "") if isinstance(node.tag, str) else "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(gap)

    walk(el)
    return " ".join("".join(parts).split())


_TITLE_NAME = re.compile("title|headline|heading", re.IGNORECASE)


def _placed(h1: HtmlElement) -> bool:
    """Where news templates print the headline; an unnamed ``<h1>`` in layout ``<div>``s
    is as often a page builder's banner ("Marketing made to meet your goals")."""
    named = f"{h1.get('class', '')} {h1.get('id', '')} {h1.get('itemprop', '')}"
    return bool(
        _TITLE_NAME.search(named)
        or h1.get("itemprop")
        or any(a.tag in ("article", "header") for a in h1.iterancestors())
    )


def _ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, dict):
            it = it.get("name")
        if isinstance(it, str) and it.strip() and not it.startswith("http"):
            out.append(" ".join(it.split()))
    return out


def _article_ld(objs: list[dict[str, Any]]) -> dict[str, Any]:
    ranked = sorted(
        (o for o in objs if _types(o) & _ARTICLE_TYPES),
        key=lambda o: ("webpage" in _types(o), "headline" not in o),
    )
    return ranked[0] if ranked else {}


_TEXT_NODES = (
    "//body//text()[normalize-space()][not(ancestor::script or ancestor::style "
    "or ancestor::noscript)]"
)


def _labelled(tree: HtmlElement, labels: frozenset[str]) -> list[str]:
    """The text after a byline label that stands alone in its element.

    Templates put "Written by", "Author" or a lone "By" in one element and the name in
    the next ("<p>Written by</p><p>Jane Roe</p>"); the name is the next text on the page.
    """
    out: list[str] = []
    texts = tree.xpath(_TEXT_NODES)
    longest = max(len(label.split()) for label in labels)
    for i, node in enumerate(texts):
        # a label opens its element; "... libraries by <a>Jane</a>" is running text
        if node.is_tail:
            continue
        words = str(node).split()
        if len(words) > longest + 1:  # "Author :"
            continue
        label = " ".join(words).lower().rstrip(" :")
        if len(label) > 24 or label not in labels:
            continue
        holder = node.getparent()
        if holder is None or _in_chrome(holder) or i + 1 == len(texts):
            continue
        t = " ".join(str(texts[i + 1]).split()).strip(" :")
        if t.lower() not in labels and len(t) <= 80:
            out.append(t)
        if len(out) >= 5:
            break
    return out


_HEADER_BEFORE = 6
_HEADER_AFTER = 30
_HEADER_LINE_MAX = 70
_HEADER_TEXT = (
    "//body//text()[normalize-space()][not(ancestor::script or ancestor::style "
    "or ancestor::noscript or ancestor::nav or ancestor::footer or ancestor::aside)]"
)


def _header_lines(tree: HtmlElement, h1: HtmlElement | None) -> tuple[list[str], int]:
    """Short visible text runs from a little before the first headline to shortly after.

    Dates printed in the page sit there ("Updated: 04.03.2021" above the title, a date
    line under it, "Jane Roe | Mar 4, 2021" in the byline); further down they date
    whatever the text is about.
    """
    if h1 is None:
        return [], 0
    runs = tree.xpath(_HEADER_TEXT)
    start = None
    for i, node in enumerate(runs):
        holder = node.getparent()
        if holder is not None and not node.is_tail:
            if holder is h1 or any(a is h1 for a in holder.iterancestors()):
                start = i
                break
    if start is None:
        return [], 0
    # the headline and what follows it first, then the lines above it, nearest first
    below = [t for t in map(_machine_date, runs[start : start + _HEADER_AFTER])]
    above = [t for t in map(_machine_date, runs[max(0, start - _HEADER_BEFORE) : start][::-1])]
    below = [t for t in below if len(t) <= _HEADER_LINE_MAX]
    return below + [t for t in above if len(t) <= _HEADER_LINE_MAX], len(below)


def _machine_date(node: Any) -> str:
    """A run's text, or the ISO day of the ``<time datetime>`` that prints it: "03/01/2017"
    alone does not say which of its numbers is the month."""
    holder = node.getparent()
    if holder is not None and not node.is_tail and holder.tag == "time":
        value = str(holder.get("datetime", "")).strip()
        if _ISO_DAY.match(value):
            return value[:10]
    return " ".join(str(node).split())


def read(tree: HtmlElement, labels: frozenset[str] = frozenset()) -> PageMeta:
    """``labels``: lower-cased byline labels ("written by", "author") whose next text is a name."""
    pm = PageMeta()
    langs = tree.xpath("/html/@lang | //html/@lang")
    pm.lang = str(langs[0]) if langs else None
    titles = tree.xpath("//head/title")
    pm.html_title = _text(titles[0]) if titles else None
    for m in tree.xpath("//meta[@content]"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and key not in pm.meta and m.get("content", "").strip():
            pm.meta[key] = " ".join(m.get("content").split())
    heads = tree.xpath(f"//h1[not({_SKIP_ANCESTORS})]")
    pm.h1 = [t for t in (_spaced_text(h) for h in heads) if t][:6]
    if heads:
        pm.h1_placed = _placed(heads[0])
        above = heads[0].xpath(f"preceding::*[self::h2 or self::h3][not({_SKIP_ANCESTORS})]")
        pm.headings_above = [t for t in (_spaced_text(h) for h in above[-10:]) if t]
    objs = _ld_objects(tree)
    pm.ld = _article_ld(objs)
    pm.ld_authors = _names(pm.ld.get("author"))
    for node in tree.xpath(_BY_TEXT)[:20]:
        t = " ".join(str(node).split())
        if len(t) <= 4:
            # "By <a href=...>Jane Roe</a>": the name sits in the next element
            holder = node.getparent()
            if holder is not None and node.is_tail:
                holder = holder.getparent()
            t = _spaced_text(holder) if holder is not None else ""
        if 4 < len(t) <= 80:
            pm.by_lines.append(t)
    _read_body_elements(tree, pm)
    pm.header_lines, pm.header_below = _header_lines(tree, heads[0] if heads else None)
    if labels:
        pm.labelled = _labelled(tree, labels)
    return pm


def _read_body_elements(tree: HtmlElement, pm: PageMeta) -> None:
    """Bylines and standfirsts by class, author links, figure captions, ``<time>`` days and
    furniture, in one walk over the body's elements (one XPath per kind cost more than
    trafilatura's own extraction on long pages)."""
    links = times = furniture = 0
    for el in tree.xpath(_BODY_CANDIDATES):
        attrib = el.attrib
        tag = el.tag
        cls = attrib.get("class") or ""
        if tag == "a" and links < 10 and _AUTHOR_HREF.search(attrib.get("href") or ""):
            links += 1
            t = _spaced_text(el)
            # an author box may sit in an <aside>; navigation and footers are out
            if (
                t
                and len(t) <= 60
                and not any(a.tag in ("nav", "footer") for a in el.iterancestors())
            ):
                pm.author_links.append(t)
        if tag == "time" and times < 20 and "datetime" in attrib:
            times += 1
            value = (attrib.get("datetime") or "").strip()
            if _ISO_DAY.match(value) and not _in_chrome(el):
                pm.time_dates.append(value[:10])
        if tag == "figcaption" or "wp-caption-text" in cls:
            _caption(el, pm)
        low = cls.lower()
        if _CLASS_WORDS.search(low) or "rel" in attrib or "itemprop" in attrib:
            if (
                attrib.get("rel") == "author"
                or attrib.get("itemprop") == "author"
                or (cls and _BYLINE.search(cls))
            ) and len(pm.byline_texts) < 10:
                if not _in_chrome(el) and (t := _spaced_text(el)) and len(t) <= 200:
                    pm.byline_texts.append(t)
            else:
                _standfirst(el, cls, pm)
            if furniture < 50 and _FURNITURE.search(low):
                furniture += 1
                if t := _text(el):
                    pm.furniture.append(t)


def _standfirst(el: HtmlElement, cls: str, pm: PageMeta) -> None:
    if (
        pm.standfirst is None
        and cls
        and el.tag in ("p", "div", "h2", "span")
        and _STANDFIRST.search(cls)
        and not _in_chrome(el)
    ):
        t = _text(el)
        if 30 <= len(t) <= 400:
            pm.standfirst = t


def _caption(fig: HtmlElement, pm: PageMeta) -> None:
    credit = None
    for sub in fig.xpath(".//*[@class]"):
        if _CREDIT.search(sub.get("class", "")):
            credit = _text(sub) or None
            break
    text = _text(fig)
    if credit and text.endswith(credit):
        text = text[: -len(credit)].strip()
    if text or credit:
        pm.captions.append((text, credit))
