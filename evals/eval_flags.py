"""Flags: quiet on ordinary pages, loud on the seed page and on synthetic farm pages.

- ``quiet``: 1 − share of ordinary pages (a deterministic sample of the WCXB dev articles
  plus every AEB page, news and blog pages from working newsrooms) carrying any flag of
  severity ``warning`` or above; ``quiet_<code>`` the same per code, for the codes the issue
  holds to ≤ 2 %.
- ``seed_must`` / ``seed_should``: share of the seed page's expected flag codes found.
- ``examples_recall``: share of the flags ``examples/README.md`` describes on the farm-like
  example pages that are found; ``examples_quiet``: share of the other example pages with no
  flag of severity ``warning`` or above.
- ``farm_<code>``: recall of signals inserted into Wikinews articles by
  ``evals/farmpages.py`` (each inserted signal must be flagged, at any severity ≥ the
  one the code is meant to carry there).

``python -m evals flags``; ``python -m evals.eval_flags --hits`` prints every ordinary-page
flag of severity ≥ warning (look at them by hand before moving a threshold); add ``--all``
for the info-level ones too.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from evals.shared import ROOT, evaldata

NAME = "flags"
WCXB_SAMPLE = 400
QUIET_CODES = (
    "placeholder_text",
    "chatbot_leftover",
    "machine_translation_artifacts",
    "spun_text",
    "persona_bio",
)


def ordinary_pages() -> Iterator[tuple[str, bytes]]:
    """(name, html) for a fixed sample of WCXB dev pages and all AEB pages."""
    wcxb = sorted((evaldata("wcxb-dev-articles") / "html").glob("*.html.gz"))
    step = max(1, len(wcxb) // WCXB_SAMPLE)
    for path in wcxb[::step][:WCXB_SAMPLE]:
        yield f"wcxb/{path.name}", gzip.decompress(path.read_bytes())
    for path in sorted((evaldata("aeb") / "html").glob("*.html.gz")):
        yield f"aeb/{path.name}", gzip.decompress(path.read_bytes())


def ordinary_hits(floor: str = "warning") -> tuple[int, list[tuple[str, dict[str, object]]]]:
    """Number of pages, and every (page, flag) of severity ≥ ``floor`` on them."""
    from presstrace import Pipeline
    from presstrace.records import Document
    from presstrace.stages.flags import at_least

    pipe = Pipeline(stages=["flags.v1"])
    pages = 0
    hits: list[tuple[str, dict[str, object]]] = []
    for name, html in ordinary_pages():
        article = pipe.run_batch([Document(source=name, data=html, kind="html")])[0]
        pages += 1
        hits += [(name, f.to_dict()) for f in article.flags if at_least(f.severity, floor)]
    return pages, hits


def seed_scores() -> dict[str, float]:
    from presstrace import analyze_paths

    base = evaldata("seed")
    expected = json.loads((base / "belgorod-page.expected.json").read_text())
    article = next(iter(analyze_paths([str(base / "belgorod-page.txt")])))
    codes = {f.code for f in article.flags}
    out = {}
    for part in ("must", "should"):
        wanted = expected[part]["flags"]
        out[f"seed_{part}"] = sum(c in codes for c in wanted) / len(wanted)
    return out


# What examples/README.md says each farm-like example page shows.
EXAMPLE_FLAGS = {
    "trendpulse24_spun-copy.html": {"spun_text"},
    "worldnewsdigest_mt-translation.html": {"machine_translation_artifacts", "republished_content"},
    "dailytrendwire_farm-copy.txt": {
        "duplicated_title",
        "placeholder_text",
        "template_leftover",
        "persona_bio",
        "republished_content",
    },
    "global-briefing_cpa-wire.html": {"republished_content"},
    "iberia-daily-post_cpa-wire.html": {"republished_content"},
}


def example_scores() -> dict[str, float]:
    """Recall of the documented flags on the example corpus, and quiet on its other pages."""
    from presstrace import Pipeline, analyze_paths
    from presstrace.stages.flags import at_least

    pages = sorted((ROOT / "examples" / "pages").iterdir())
    pipe = Pipeline(stages=["flags.v1"])
    found = wanted = loud = ordinary = 0
    articles = analyze_paths([str(p) for p in pages], pipeline=pipe)
    for path, article in zip(pages, articles, strict=True):
        codes = {f.code for f in article.flags}
        expected = EXAMPLE_FLAGS.get(path.name)
        if expected:
            wanted += len(expected)
            found += len(expected & codes)
        else:
            ordinary += 1
            loud += any(at_least(f.severity, "warning") for f in article.flags)
    return {"examples_recall": found / wanted, "examples_quiet": 1 - loud / ordinary}


def run() -> dict[str, float]:
    from evals.farmpages import farm_recall

    pages, hits = ordinary_hits()
    flagged = {name for name, _ in hits}
    out = {"quiet": 1 - len(flagged) / pages}
    for code in QUIET_CODES:
        with_code = {name for name, f in hits if f["code"] == code}
        out[f"quiet_{code}"] = 1 - len(with_code) / pages
    out.update(seed_scores())
    out.update(example_scores())
    out.update({f"farm_{code}": r for code, r in farm_recall().items()})
    return out


def _print_hits(floor: str) -> None:
    pages, hits = ordinary_hits(floor)
    print(f"{pages} ordinary pages; {len({n for n, _ in hits})} with a flag ≥ {floor}")
    for (code, severity), n in Counter((f["code"], f["severity"]) for _, f in hits).most_common():
        pages_with = len(
            {name for name, f in hits if (f["code"], f["severity"]) == (code, severity)}
        )
        print(f"  {code} {severity}: {n} flags on {pages_with} pages")
    for name, f in hits:
        print(f"{Path(name)}\t{f['code']}\t{f['severity']}\t{f['evidence']}")


if __name__ == "__main__":
    if "--hits" in sys.argv[1:]:
        _print_hits("info" if "--all" in sys.argv[1:] else "warning")
