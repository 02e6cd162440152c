"""Readers and decoding on random bytes and hostile text: nothing escapes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presstrace.encoding import check_bytes, clean_text, decode
from presstrace.readers.jsonl import iter_jsonl
from presstrace.records import Document
from tests.fuzz.conftest import count
from tests.fuzz.strategies import page_text

FAST = settings(max_examples=25000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHARSETS = [None, "utf-8", "latin-1", "utf-16", "shift_jis", "bogus-charset", "", "utf-32"]


@FAST
@given(st.binary(max_size=2000), st.sampled_from(CHARSETS), st.booleans())
def test_decode_never_raises(data: bytes, charset: str | None, html: bool) -> None:
    count("decode")
    text = clean_text(decode(data, charset, html=html))
    text.encode("utf-8")  # always valid UTF-8 afterwards
    check_bytes(data, 1000)


@FAST
@given(page_text, st.sampled_from(CHARSETS))
def test_wrong_declared_charset(text: str, charset: str | None) -> None:
    count("charset")
    data = text.encode("utf-8", "surrogatepass")
    out = clean_text(decode(data, charset))
    assert "\x00" not in out


@settings(max_examples=8000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=80),
            st.dictionaries(
                st.sampled_from(["url", "html", "text", "title", "date"]),
                st.one_of(st.none(), st.integers(), page_text),
                max_size=5,
            ).map(json.dumps),
        ),
        max_size=8,
    )
)
def test_jsonl_reader_yields_a_document_per_line(lines: list[bytes | str]) -> None:
    count("jsonl")
    raw = b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines)
    docs = list(iter_jsonl(raw, "f.jsonl"))
    assert all(isinstance(d, Document) for d in docs)
    assert len(docs) <= len([ln for ln in raw.splitlines() if ln.strip()])
