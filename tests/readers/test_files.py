from __future__ import annotations

import gzip
from pathlib import Path

from presstrace.readers import iter_documents, kind_for_path


def test_kinds_by_suffix() -> None:
    assert kind_for_path("a.html") == "html"
    assert kind_for_path("a.HTM.gz") == "html"
    assert kind_for_path("a.txt") == "text"
    assert kind_for_path("a.jsonl") == "jsonl"
    assert kind_for_path("a.md") is None


def test_folders_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "a.txt").write_text("Title\n\nBody")
    (tmp_path / "notes.md").write_text("ignored")
    docs = list(iter_documents([str(tmp_path)]))
    assert [Path(d.source).name for d in docs] == ["a.txt", "z.html"]
    assert [d.kind for d in docs] == ["text", "html"]


def test_missing_path_is_an_error_document() -> None:
    (doc,) = iter_documents(["/no/such/file.html"])
    assert doc.error is not None and doc.error.code == "not_found"


def test_gzip_is_decompressed(tmp_path: Path) -> None:
    p = tmp_path / "p.html.gz"
    p.write_bytes(gzip.compress(b"<html><body>hi</body></html>"))
    (doc,) = iter_documents([str(p)])
    assert doc.data.startswith(b"<html>")


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.html.gz"
    p.write_bytes(gzip.compress(b"a" * 5_000_000))
    (doc,) = iter_documents([str(p)], max_bytes=1_000_000)
    assert doc.error is not None and doc.error.code == "too_large"


def test_corrupt_gzip_is_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "bad.html.gz"
    p.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (doc,) = iter_documents([str(p)])
    assert doc.error is not None and doc.error.code == "unreadable"


def test_plain_flag_marks_bodies(tmp_path: Path) -> None:
    p = tmp_path / "body.txt"
    p.write_text("Just a body.")
    (doc,) = iter_documents([str(p)], plain=True)
    assert doc.kind == "plain"
