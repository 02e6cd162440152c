from __future__ import annotations

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
