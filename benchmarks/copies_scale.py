"""Scale of the copy job: time per article as the corpus grows (should stay about flat).

``python -m benchmarks.copies_scale [N ...]`` (default 1000 10000). Each size runs in its
own process (so peak memory is its own) on a synthetic corpus made by perturbing Wikinews
texts: every article is a base text with a third of its words replaced and its names and
numbers renumbered, so articles are distinct; one in ten is then republished (verbatim
with a new footer, or with words swapped) as a copy. Reports articles per second for
fingerprinting, candidate generation plus verification, the ratio of time per article
against the smallest size, and peak memory. Times are CPU seconds of the process, so
other work on a shared machine does not distort the ratio.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

SIZES = (1000, 10000)


def _base_texts() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from evals.shared import evaldata

    path = evaldata("wikinews", "articles.jsonl")
    return [json.loads(x)["text"] for x in path.read_text().splitlines() if x.strip()]


def synthetic_corpus(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    bases = _base_texts()
    vocab = sorted({w for t in bases[:50] for w in t.split() if w.isalpha() and w.islower()})
    out: list[str] = []
    for i in range(n):
        if i >= 10 and rnd.random() < 0.1:
            src = out[rnd.randrange(len(out))]
            if rnd.random() < 0.5:
                out.append(src + "\n\nThis story first appeared on another site.")
            else:
                words = src.split(" ")
                out.append(" ".join(rnd.choice(vocab) if rnd.random() < 0.2 else w for w in words))
            continue
        words = rnd.choice(bases)[:3000].split(" ")
        made = []
        for w in words:
            if w[:1].isdigit():
                made.append(str(rnd.randrange(10, 99999)))
            elif w[:1].isupper():
                made.append(w[:1] + "".join(rnd.choice("aeioulnrst") for _ in range(5)))
            elif rnd.random() < 0.33:
                made.append(rnd.choice(vocab))
            else:
                made.append(w)
        out.append(" ".join(made))
    return out


def measure(n: int) -> dict[str, float]:
    from presstrace import Resources
    from presstrace.corpus import copies
    from presstrace.corpus.candidates import candidate_pairs
    from presstrace.stages.fingerprint import fingerprint_of

    texts = synthetic_corpus(n)
    res = Resources()
    t0 = time.process_time()
    items = [(str(i), fingerprint_of(t, "en", res)) for i, t in enumerate(texts)]
    t1 = time.process_time()
    pairs = candidate_pairs(items)
    prepared: dict[str, copies.Prepared] = {}
    found = 0
    for c in pairs:
        for key in (c.a, c.b):
            if key not in prepared:
                prepared[key] = copies.prepare(copies.Side(texts[int(key)], "en"), res)
        found += copies.compare(prepared[c.a], prepared[c.b], resources=res).is_copy
    t2 = time.process_time()
    return {
        "articles": n,
        "candidates": len(pairs),
        "copies_found": found,
        "fingerprint_per_s": n / (t1 - t0),
        "link_per_s": n / (t2 - t1),
        "ms_per_article": 1000 * (t2 - t0) / n,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--one":
        print(json.dumps(measure(int(argv[1]))))
        return 0
    sizes = [int(a) for a in argv] or list(SIZES)
    results = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.copies_scale", "--one", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(proc.stdout))
    base = results[0]["ms_per_article"]
    for r in results:
        r["time_per_article_vs_smallest"] = r["ms_per_article"] / base
        print(json.dumps({k: round(v, 3) for k, v in r.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
