"""The text path on whole-page dumps: each AEB page's ``<body>`` rendered to text.

A dump keeps navigation, footer and all, one line per block, as a scraper or a
browser's "save as text" leaves it; the ``.txt`` structure recovery must find the
article in it. Scored with the AEB shingle metric against the same ground truth.
"""

from __future__ import annotations

import gzip
import json

from evals.shared import evaldata
from evals.textmetrics import f1_of_averages, precision_recall

NAME = "aeb_textdump"

_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "pre",
    "form",
    "main",
    "hr",
    "td",
    "th",
    "address",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select"}


def render_body(html: bytes) -> str:
    """The visible text of ``<body>``, one line per block element."""
    from lxml import etree
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return ""
    body = tree.find(".//body")
    root = body if body is not None else tree
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def run() -> dict[str, float]:
    from presstrace import Pipeline
    from presstrace.records import Document

    base = evaldata("aeb")
    truth = json.loads((base / "ground-truth.json").read_text())
    pipe = Pipeline(stages=[])
    pairs = []
    for key, gt in sorted(truth.items()):
        data = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        dump = render_body(data).encode("utf-8")
        article = pipe.extract(Document(source=key, data=dump, kind="text"))
        pairs.append(precision_recall(article.text, gt.get("articleBody") or ""))
    p, r, f = f1_of_averages(pairs)
    return {"precision": p, "recall": r, "f1": f}
