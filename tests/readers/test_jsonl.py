from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from presstrace.readers import iter_documents
from presstrace.readers.jsonl import iter_jsonl


def test_html_and_text_lines() -> None:
    data = (
        b'{"url": "https://a.example/1", "html": "<p>x</p>"}\n'
        b"\n"
        b'{"url": "https://a.example/2", "text": "Body.", "title": "T", "date": "2026-01-01"}\n'
    )
    docs = list(iter_jsonl(data, "f.jsonl"))
    assert [d.kind for d in docs] == ["html", "plain"]
    assert docs[1].title == "T" and docs[1].published == "2026-01-01"
    assert docs[1].source == "f.jsonl#3"


def test_bad_lines_are_error_documents_and_reading_goes_on() -> None:
    data = b'not json\n[1, 2]\n{"url": "x"}\n{"text": "ok"}\n'
    docs = list(iter_jsonl(data, "f.jsonl"))
    assert [d.error.code if d.error else None for d in docs] == [
        "bad_record",
        "bad_record",
        "bad_record",
        None,
    ]


def _line(n: int) -> bytes:
    return json.dumps({"url": f"https://a.example/{n}", "text": f"Body {n}."}).encode() + b"\n"


def test_a_file_is_read_line_by_line_not_whole(tmp_path: Path) -> None:
    # 200 lines of ~55 bytes: far more than 50 times the per-document limit of 100 bytes,
    # which reading the file whole allowed; line by line, each line is within it.
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"".join(_line(n) for n in range(200)))
    docs = list(iter_documents([str(path)], max_bytes=100))
    assert len(docs) == 200 and not any(d.error for d in docs)
    assert docs[-1].source == f"{path}#200" and docs[-1].url == "https://a.example/199"


def test_lines_are_parsed_as_they_are_read() -> None:
    def lines() -> Iterator[bytes]:
        yield _line(1)
        raise AssertionError("read past the first document")

    assert next(iter_jsonl(lines(), "f.jsonl")).url == "https://a.example/1"


def test_an_overlong_line_is_kept_apart_and_the_next_lines_read(tmp_path: Path) -> None:
    long = json.dumps({"url": "https://a.example/long", "text": "word " * 100}).encode()
    path = tmp_path / "f.jsonl.gz"
    path.write_bytes(gzip.compress(_line(1) + long + b"\n" + _line(3)))
    docs = list(iter_documents([str(path)], max_bytes=120))
    assert [(d.source.rsplit("#", 1)[1], d.error.code if d.error else None) for d in docs] == [
        ("1", None),
        ("2", "too_large"),
        ("3", None),
    ]
    assert docs[2].url == "https://a.example/3"


def test_a_cut_off_gzip_keeps_the_lines_before_it(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(_line(n) for n in range(50)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs = list(iter_documents([str(path)]))
    assert docs[-1].error is not None and docs[-1].error.code == "unreadable"
    good = docs[:-1]
    assert good and all(d.error is None for d in good)
    assert [d.url for d in good] == [f"https://a.example/{n}" for n in range(len(good))]


def test_a_jsonl_gz_that_is_not_gzip_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl.gz"
    path.write_bytes(_line(1))
    (doc,) = iter_documents([str(path)])
    assert doc.source == str(path) and doc.error is not None
    assert doc.error.code == "unreadable"
