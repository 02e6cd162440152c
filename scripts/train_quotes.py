"""Rebuild ``src/presstrace/data/quote_model.json.gz`` from PolNeAR's train split.

Reads ``polnear/gold_train.jsonl`` from the shared eval data (build time only; never the
dev split), parses it with the pipeline's spaCy model, and fits the two models of
``presstrace.stages.quote_model``: a logistic cue model and a conditional-logit content
ranker (each cue's candidate spans compete), both L2-regularised, L-BFGS from scipy. Only feature
names and weights are written: no article text.

    PYTHONPATH=src python scripts/train_quotes.py [--cache /tmp/train.spacy] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.eval_polnear import _pieces_trimmed, _trimmed, load  # noqa: E402

from presstrace import Resources  # noqa: E402
from presstrace.stages.quote_marks import find_quoted, top_level  # noqa: E402
from presstrace.stages.quote_model import (  # noqa: E402
    MODEL_FILE,
    content_candidates,
    content_features,
    cue_candidate,
    cue_features,
    quoted_mask,
    quoted_tokens,
)
from presstrace.stages.speakers import cue_tables  # noqa: E402

OUT = ROOT / "src" / "presstrace" / "data" / MODEL_FILE
MIN_COUNT = 2  # a feature seen once carries no weight


def parse(rows: list[dict[str, Any]], res: Resources, cache: Path | None) -> list[Any]:
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(res.nlp.vocab))
        if len(docs) >= len(rows):
            return docs[: len(rows)]
    docs = list(res.nlp.pipe([r["text"] for r in rows], batch_size=16))
    if cache is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def cue_head(doc: Any, a: int, b: int) -> int | None:
    """The token heading a gold cue span: the one whose head lies outside the span."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root.i


def examples(rows: list[dict[str, Any]], docs: list[Any], tables: Any) -> tuple[list, list]:
    cue_x: list[tuple[list[str], int, int]] = []  # (features, label, article)
    span_x: list[tuple[list[str], int, int]] = []  # (features, label, cue group)
    group = 0
    for n, (row, doc) in enumerate(zip(rows, docs, strict=True)):
        text = row["text"]
        spans = [(q.start, q.end) for q in top_level(find_quoted(text)[0])]
        quoted = quoted_tokens(doc, spans)
        mask = quoted_mask(doc, quoted)
        gold: dict[int, dict[str, Any]] = {}
        for att in row["attributions"]:
            if not att["content"] or not att["cue"]:
                continue
            head = cue_head(doc, att["cue"][0]["start"], att["cue"][-1]["end"])
            if head is not None:
                gold.setdefault(head, att)
        for tok in doc:
            if not cue_candidate(tok):
                continue
            cue_x.append((cue_features(tok, tables, mask[tok.i]), int(tok.i in gold), n))
            att = gold.get(tok.i)
            if att is None:
                continue
            pieces = [(c["start"], c["end"]) for c in att["content"]]
            glen = sum(b - a for a, b in pieces)
            gtext = _pieces_trimmed(text, pieces)
            cands = content_candidates(tok, quoted)
            labels = []
            for c in cands:
                a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
                ov = sum(max(0, min(b, y) - max(a, x)) for x, y in pieces)
                exact = _trimmed(text[a:b]) == gtext
                labels.append((exact, ov / max(b - a, glen) if ov else 0.0))
            best = max(range(len(cands)), key=lambda k: labels[k], default=None)
            group += 1
            for k, c in enumerate(cands):
                ok = labels[k][0] or (k == best and labels[k][1] >= 0.5)
                span_x.append((content_features(tok, c, mask[tok.i]), int(ok), group))
    return cue_x, span_x


def matrix(data: list, vocab: dict[str, int]) -> tuple[sparse.csr_matrix, np.ndarray]:
    rows, cols = [], []
    for r, (feats, _label, _n) in enumerate(data):
        for f in set(feats):
            j = vocab.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    x = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocab)), dtype=np.float64
    )
    return x, np.array([label for _f, label, _n in data], dtype=np.float64)


def fit(data: list, l2: float) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = {}
    for feats, _label, _n in data:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    x, y = matrix(data, vocab)
    sign = 2 * y - 1

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        m = sign * z
        value = np.logaddexp(0, -m).sum() + 0.5 * l2 * (w[:-1] @ w[:-1])
        g = -sign * (1 / (1 + np.exp(m)))
        grad = np.append(x.T @ g + l2 * w[:-1], g.sum())
        return float(value), grad

    res = optimize.minimize(
        loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 300}
    )
    w = res.x
    weights = {f: round(float(w[i]), 3) for f, i in vocab.items() if abs(w[i]) >= 0.005}
    return weights, round(float(w[-1]), 3)


def fit_ranker(data: list, l2: float) -> dict[str, float]:
    """Conditional logit over each cue's candidates: the right span should outscore the
    other spans of the same cue (cues with no right candidate teach nothing here)."""
    good = {g for _f, label, g in data if label}
    data = [e for e in data if e[2] in good]
    counts: dict[str, int] = {}
    for feats, _label, _g in data:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    x, y = matrix(data, vocab)
    gid = np.array([g for _f, _l, g in data])
    starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])
    index = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(gid)]))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        m = np.maximum.reduceat(z, starts)
        e = np.exp(z - m[index])
        total = np.add.reduceat(e, starts)
        pos = np.add.reduceat(e * y, starts)
        value = float(np.sum(np.log(total) - np.log(pos))) + 0.5 * l2 * float(w @ w)
        gz = e / total[index] - e * y / pos[index]
        return value, x.T @ gz + l2 * w

    res = optimize.minimize(
        loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 300}
    )
    return {f: round(float(res.x[i]), 3) for f, i in vocab.items() if abs(res.x[i]) >= 0.005}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed train split")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=OUT)
    # Thresholds were tuned on PolNeAR dev (python -m evals polnear); train fits the weights.
    ap.add_argument("--cue-threshold", type=float, default=0.55)
    ap.add_argument("--content-threshold", type=float, default=0.0)
    args = ap.parse_args()
    t0 = time.time()
    rows = load("train", args.limit)
    res = Resources()
    docs = parse(rows, res, args.cache)
    tables = cue_tables(res)
    cue_x, span_x = examples(rows, docs, tables)
    print(f"{len(rows)} articles, {len(cue_x)} cue / {len(span_x)} content examples", flush=True)
    t1 = time.time()
    cue_w, cue_b = fit(cue_x, args.l2)
    span_w = fit_ranker(span_x, args.l2)
    print(f"features {t1 - t0:.0f}s, fit {time.time() - t1:.0f}s", flush=True)
    cue_t, span_t = args.cue_threshold, args.content_threshold
    model = {
        "about": "Weights for presstrace.stages.quote_model (logistic cue model, content "
        "ranker), trained on PolNeAR train by scripts/train_quotes.py. Features only, no text.",
        "cue": {"bias": cue_b, "threshold": cue_t, "weights": dict(sorted(cue_w.items()))},
        "content": {"bias": 0.0, "threshold": span_t, "weights": dict(sorted(span_w.items()))},
    }
    raw = (json.dumps(model, ensure_ascii=False, indent=0) + "\n").encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    size = args.out.stat().st_size
    print(
        f"cue threshold {cue_t}; {len(cue_w)} cue + {len(span_w)} content weights; "
        f"{size / 1e6:.2f} MB; {time.time() - t0:.0f}s"
    )


if __name__ == "__main__":
    main()
