"""Coverage-guided fuzzing of ``analyze`` with atheris (``make fuzz``; not run in CI).

Each input is split into a kind byte and the page bytes; the invariants are those of
``tests/fuzz/invariants.py``. A crash found here becomes a regression test in
``tests/fuzz/test_regressions.py`` (the input saved as a literal).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from presstrace import Pipeline, Resources, Settings
    from presstrace.records import Document

sys.path.insert(0, ".")
from tests.fuzz.invariants import check_article  # noqa: E402

KINDS = ("html", "text", "plain")
PIPE = Pipeline(stages=[], resources=Resources(Settings(doc_timeout=10)))


def one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % 3]
    (article,) = PIPE.run_batch([Document(source="fuzz", data=data[1:], kind=kind)])
    check_article(article)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
