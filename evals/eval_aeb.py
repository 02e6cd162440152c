"""Article-body extraction on the AEB pages (Zyte benchmark half): shingle P/R/F1."""

from __future__ import annotations

import gzip
import json

from evals.shared import evaldata
from evals.textmetrics import f1_of_averages, precision_recall

NAME = "aeb_body"


def run() -> dict[str, float]:
    from presstrace import Pipeline
    from presstrace.records import Document

    base = evaldata("aeb")
    truth = json.loads((base / "ground-truth.json").read_text())
    pipe = Pipeline(stages=[])
    pairs = []
    for key, gt in sorted(truth.items()):
        data = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        article = pipe.extract(Document(source=key, data=data, kind="html"))
        pairs.append(precision_recall(article.text, gt.get("articleBody") or ""))
    p, r, f = f1_of_averages(pairs)
    return {"precision": p, "recall": r, "f1": f}
