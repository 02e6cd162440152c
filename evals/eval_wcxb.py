"""Article pages of the WCXB dev set: body, title, author, date and snippet checks.

All pages are scored (about a minute);
``python -m evals.eval_wcxb --baseline`` scores plain trafilatura on the same pages.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.shared import evaldata
from evals.textmetrics import f1_of_averages, precision_recall

NAME = "wcxb"
STEP = 1

_WORD = re.compile(r"\w+")


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("’", "'").replace("‘", "'")
    s = s.replace("“", '"').replace("”", '"')
    return " ".join(s.split()).strip().lower()


def _author_names(s: str | None) -> list[str]:
    parts = re.split(r";|,| and | & ", s or "")
    names = (" ".join(_WORD.findall(_norm(p))) for p in parts)
    return [n for n in names if n]


def word_f1(pred: str, truth: str) -> float:
    p, t = Counter(_WORD.findall(pred.lower())), Counter(_WORD.findall(truth.lower()))
    if not p and not t:
        return 1.0
    overlap = sum((p & t).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(t.values())
    return 2 * prec * rec / (prec + rec)


def pages() -> list[tuple[str, dict[str, Any], bytes]]:
    base = evaldata("wcxb-dev-articles")
    out = []
    for i, gt_path in enumerate(sorted((base / "ground-truth").glob("*.json"))):
        if i % STEP:
            continue
        record = json.loads(gt_path.read_text())
        html_path = base / "html" / f"{gt_path.stem}.html.gz"
        if html_path.exists():
            out.append((record.get("url") or "", record["ground_truth"], html_path.read_bytes()))
    return out


def score(results: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float]:
    """``results``: (ground truth, {text, title, authors, published}) per page."""
    pairs, words = [], []
    title_n = title_ok = author_n = author_ok = date_n = date_ok = 0
    snip_n = snip_ok = 0
    for gt, got in results:
        text = got["text"] or ""
        truth = gt.get("main_content") or ""
        pairs.append(precision_recall(text, truth))
        words.append(word_f1(text, truth))
        if gt.get("title"):
            title_n += 1
            title_ok += _norm(gt["title"]) == _norm(got["title"])
        if gt.get("author"):
            author_n += 1
            want = set(_author_names(gt["author"]))
            have = {n for a in got["authors"] for n in _author_names(a)}
            author_ok += bool(want & have)
        if gt.get("publish_date"):
            date_n += 1
            date_ok += (got["published"] or "")[:10] == str(gt["publish_date"])[:10]
        body = _norm(text)
        for snippet in gt.get("with") or ():
            snip_n += 1
            snip_ok += _norm(snippet) in body
        for snippet in gt.get("without") or ():
            snip_n += 1
            snip_ok += _norm(snippet) not in body
    p, r, f = f1_of_averages(pairs)
    return {
        "body_precision": p,
        "body_recall": r,
        "body_f1": f,
        "body_word_f1": sum(words) / len(words) if words else 0.0,
        "title_exact": title_ok / title_n if title_n else 0.0,
        "author": author_ok / author_n if author_n else 0.0,
        "date": date_ok / date_n if date_n else 0.0,
        "snippets": snip_ok / snip_n if snip_n else 0.0,
    }


def _ours() -> Callable[[str, bytes], dict[str, Any]]:
    from presstrace import Pipeline
    from presstrace.records import Document

    pipe = Pipeline(stages=[])

    def one(url: str, data: bytes) -> dict[str, Any]:
        a = pipe.extract(Document(source=url, url=url or None, data=data, kind="html"))
        return {"text": a.text, "title": a.title, "authors": a.authors, "published": a.published}

    return one


def _trafilatura() -> Callable[[str, bytes], dict[str, Any]]:
    import trafilatura

    def one(url: str, data: bytes) -> dict[str, Any]:
        doc = trafilatura.bare_extraction(
            data.decode("utf-8", "replace"), url=url or None, with_metadata=True
        )
        if doc is None:
            return {"text": "", "title": None, "authors": (), "published": None}
        return {
            "text": doc.text or "",
            "title": doc.title,
            "authors": tuple((doc.author or "").split(";")),
            "published": doc.date,
        }

    return one


def run(extractor: Callable[[str, bytes], dict[str, Any]] | None = None) -> dict[str, float]:
    one = extractor or _ours()
    results = [(gt, one(url, gzip.decompress(data))) for url, gt, data in pages()]
    return score(results)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    scores = run(_trafilatura() if "--baseline" in sys.argv else None)
    for k, v in sorted(scores.items()):
        print(f"{k:20s} {v:.4f}")
