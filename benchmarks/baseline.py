"""The speed baseline: plain ``trafilatura.extract`` + spaCy ``nlp.pipe``, nothing else.

Run as ``python -m benchmarks.baseline PAGE.html.gz ...`` in its own process, so its time
includes interpreter start and model load, like ``presstrace analyze``'s does.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path


def main(paths: list[str]) -> int:
    import spacy
    import trafilatura

    from presstrace.resources import Settings

    nlp = spacy.load(Settings().model)
    texts = []
    for p in paths:
        data = Path(p).read_bytes()
        html = gzip.decompress(data) if p.endswith(".gz") else data
        texts.append(trafilatura.extract(html.decode("utf-8", "replace")) or "")
    n = sum(1 for _ in nlp.pipe(texts, batch_size=16))
    print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
