"""WARC files and the copy verifier on hostile input: nothing escapes, offsets hold."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presstrace import Resources
from presstrace.corpus.copies import compare
from presstrace.readers.warc import iter_warc
from presstrace.records import Document
from tests.fuzz.conftest import count
from tests.fuzz.strategies import html_text, page_text
from tests.readers.warc_build import page, record

SETTINGS = settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, suffix: str) -> list[Document]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data)
        return list(iter_warc(path, max_bytes=1_000_000))


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from([".warc", ".warc.gz"]))
def test_random_bytes_as_warc(data: bytes, suffix: str) -> None:
    count("warc_bytes")
    for doc in _read(data, suffix):
        assert isinstance(doc, Document)


@SETTINGS
@given(
    st.lists(st.tuples(html_text, st.integers(-40, 40), st.booleans()), min_size=1, max_size=4),
    st.integers(0, 400),
    st.sampled_from([".warc", ".warc.gz"]),
)
def test_mangled_warc_records(records: list[tuple[str, int, bool]], cut: int, suffix: str) -> None:
    """Lying Content-Lengths, hostile bodies and a truncated tail: each record is a
    Document (with an error where it is broken) and reading goes on."""
    count("warc_records")
    raw = [
        record(
            f"https://f.example/{i}",
            body.encode("utf-8", "surrogatepass") if hostile else page(i),
            length_error=err,
            record_id=f"urn:uuid:{i}",
        )
        for i, (body, err, hostile) in enumerate(records)
    ]
    if suffix == ".warc.gz":
        data = b"".join(gzip.compress(r) for r in raw)
    else:
        data = b"".join(raw)
    data = data[: max(0, len(data) - cut)]
    docs = _read(data, suffix)
    assert all(isinstance(d, Document) for d in docs)
    assert all((d.error is None) or d.error.code for d in docs)


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(page_text, page_text)
def test_compare_on_hostile_text(resources: Resources, a: str, b: str) -> None:
    count("compare")
    a = a.encode("utf-8", "replace").decode("utf-8")
    b = (a[: len(a) // 2] + b).encode("utf-8", "replace").decode("utf-8")
    result = compare(a, b, resources=resources)
    assert result.relation in ("syndicated", "rewritten", "translated", "same_story", "unrelated")
    assert 0.0 <= result.score <= 1.0
    for p in result.aligned:
        assert 0 <= p.a_start <= p.a_end <= len(a)
        assert 0 <= p.b_start <= p.b_end <= len(b)
