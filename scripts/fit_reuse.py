"""Refit the weights of ``presstrace.corpus.reuse`` on the COUNTER Urdu reuse corpus.

Reads ``counter-urdu/pairs.jsonl`` from the shared eval data (build time only), computes
each pair's reuse signals exactly as the verifier does (``copies.reuse_signals``, source
-> derived), and fits an L2-regularised logistic regression (Newton steps, numpy) of
derived (WD, PD) vs independent (ND) on the pairs with even ids. Prints ROC-AUC on both
halves (the odd half is held out) and the ``WEIGHTS`` / ``BIAS`` to paste into reuse.py.
No text is written anywhere.

    PYTHONPATH=src python scripts/fit_reuse.py [--l2 0.01]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evals.eval_counter import roc_auc  # noqa: E402
from evals.shared import evaldata  # noqa: E402

from presstrace import Resources  # noqa: E402
from presstrace.corpus import reuse  # noqa: E402
from presstrace.corpus.copies import Side, prepare, reuse_signals  # noqa: E402


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method; the bias (column 0) is not penalised."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1])])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=0.01)
    args = ap.parse_args()
    path = evaldata("counter-urdu", "pairs.jsonl")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    res = Resources()
    names = list(reuse.TRANSFORM)
    feats, labels, even = [], [], []
    for r in rows:
        src = prepare(Side(r["source"]["body"], language="ur"), res)
        der = prepare(Side(r["derived"]["body"], language="ur"), res)
        inputs = reuse.model_inputs(reuse_signals(src, der))
        feats.append([inputs[k] for k in names])
        labels.append(r["label"] != "ND")
        even.append(int(r["pair_id"]) % 2 == 0)
    x, y, ev = np.array(feats), np.array(labels, dtype=float), np.array(even)
    w = fit(x[ev], y[ev], args.l2)
    scores = np.hstack([np.ones((len(x), 1)), x]) @ w
    for label, mask in (("even (fit)", ev), ("odd (held out)", ~ev), ("all", ev | ~ev)):
        auc = roc_auc(list(scores[mask]), [bool(v) for v in y[mask]])
        print(f"ROC-AUC {label}: {auc:.4f}")
    print("WEIGHTS =", {k: round(float(v), 2) for k, v in zip(names, w[1:], strict=True)})
    print("BIAS =", round(float(w[0]), 2))


if __name__ == "__main__":
    main()
