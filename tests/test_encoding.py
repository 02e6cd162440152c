from __future__ import annotations

from presstrace.encoding import check_bytes, clean_text, decode, looks_binary


def test_declared_and_meta_charsets() -> None:
    assert decode("café".encode("latin-1"), "iso-8859-1") == "café"
    html = b'<meta charset="windows-1252"><p>\x93hi\x94</p>'
    assert "“hi”" in decode(html, html=True)


def test_bom_wins() -> None:
    assert decode("hé".encode("utf-16")) == "hé"


def test_wrong_declared_charset_falls_back() -> None:
    assert decode("naïve".encode(), "no-such-charset") == "naïve"


def test_binary_and_empty() -> None:
    assert looks_binary(b"\x00\x01\x02PNG" * 100)
    assert not looks_binary(b"plain text")
    assert check_bytes(b"  \n", 100) is not None
    assert check_bytes(b"x" * 200, 100).code == "too_large"  # type: ignore[union-attr]


def test_clean_text_removes_nul_and_surrogates() -> None:
    assert clean_text("a\x00b\ud800c") == "ab?c"
