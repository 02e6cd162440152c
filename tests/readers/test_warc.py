from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from presstrace.readers import iter_documents, kind_for_path
from presstrace.readers.warc import gzip_members

from .warc_build import page, record, uid, write_warc


def _three(tmp_path: Path, name: str) -> Path:
    return write_warc(
        tmp_path / name,
        [
            record(
                "https://news.example/a",
                "<html><body><p>Café</p></body></html>".encode("latin-1"),
                content_type="text/html; charset=iso-8859-1",
                record_id=uid(1),
                date="2024-05-02T08:30:00Z",
            ),
            record(
                "https://news.example/pdf",
                b"%PDF-1.4 ...",
                content_type="application/pdf",
                record_id=uid(2),
            ),
            record("https://news.example/b", page(2), record_id=uid(3)),
        ],
    )


def test_warc_suffixes_are_known() -> None:
    assert kind_for_path("crawl.warc") == "warc"
    assert kind_for_path("CC-NEWS-1.warc.gz") == "warc"


@pytest.mark.parametrize("name", ["c.warc", "c.warc.gz"])
def test_response_records_become_documents(tmp_path: Path, name: str) -> None:
    path = _three(tmp_path, name)
    docs = list(iter_documents([str(path)]))
    assert [d.source for d in docs] == [f"{path}#{uid(n)}" for n in (1, 2, 3)]
    first, pdf, third = docs
    assert first.url == "https://news.example/a"
    assert first.crawled == "2024-05-02T08:30:00Z"
    assert first.charset == "iso-8859-1"
    assert first.kind == "html" and first.error is None
    assert first.data.endswith(b"</html>")
    assert pdf.error is not None and pdf.error.code == "unsupported_format"
    assert third.error is None and b"Council vote number 2" in third.data


def test_other_record_types_are_skipped(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "r.warc.gz",
        [
            record(
                "https://x.example/", b"GET / HTTP/1.1", record_type="request", record_id=uid(1)
            ),
            record("https://x.example/", page(1), record_id=uid(2)),
        ],
    )
    assert [d.source for d in iter_documents([str(path)])] == [f"{path}#{uid(2)}"]


def test_redirects_are_kept_apart(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "r.warc", [record("https://x.example/", b"<html></html>", status="301 Moved")]
    )
    (doc,) = iter_documents([str(path)])
    assert doc.error is not None and doc.error.code == "http_status"


@pytest.mark.parametrize("name", ["t.warc", "t.warc.gz"])
def test_truncated_last_record_is_kept_apart_rest_read(tmp_path: Path, name: str) -> None:
    good = [record(f"https://x.example/{n}", page(n), record_id=uid(n)) for n in (1, 2)]
    last = record("https://x.example/3", page(3), record_id=uid(3))
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(r) for r in good) + gzip.compress(last)[:80])
    else:
        path.write_bytes(b"".join(good) + last[:330])
    docs = list(iter_documents([str(path)]))
    assert [d.error is None for d in docs] == [True, True, False]
    assert docs[2].error is not None and docs[2].error.code == "truncated_record"


def test_member_that_is_not_gzip_is_skipped(tmp_path: Path) -> None:
    recs = [record(f"https://x.example/{n}", page(n), record_id=uid(n)) for n in (1, 2)]
    path = tmp_path / "c.warc.gz"
    path.write_bytes(
        gzip.compress(recs[0]) + b"\x1f\x8b\x08junk junk junk" + gzip.compress(recs[1])
    )
    docs = list(iter_documents([str(path)]))
    assert [d.error.code if d.error else "ok" for d in docs] == ["ok", "corrupt_record", "ok"]
    assert docs[1].source.endswith("#offset=" + str(len(gzip.compress(recs[0]))))
    assert docs[2].source.endswith(uid(2))


@pytest.mark.parametrize("error", [-10, 40])
def test_lying_content_length_keeps_the_record_apart(tmp_path: Path, error: int) -> None:
    path = write_warc(
        tmp_path / "l.warc.gz",
        [
            record("https://x.example/1", page(1), record_id=uid(1), length_error=error),
            record("https://x.example/2", page(2), record_id=uid(2)),
        ],
    )
    docs = list(iter_documents([str(path)]))
    assert [d.error.code if d.error else "ok" for d in docs][1] == "ok"
    assert docs[0].error is not None
    assert docs[0].error.code in ("corrupt_record", "truncated_record")


def test_too_long_content_length_in_plain_warc(tmp_path: Path) -> None:
    path = write_warc(
        tmp_path / "l.warc",
        [
            record("https://x.example/1", page(1), record_id=uid(1), length_error=40),
            record("https://x.example/2", page(2), record_id=uid(2)),
            record("https://x.example/3", page(3), record_id=uid(3)),
        ],
    )
    docs = {d.source.rpartition("#")[2]: d for d in iter_documents([str(path)])}
    assert docs[uid(1)].error is not None and docs[uid(1)].error.code == "corrupt_record"
    assert docs[uid(3)].error is None


def test_oversized_payload_is_too_large(tmp_path: Path) -> None:
    big = b"<html><body>" + b"x" * 5000 + b"</body></html>"
    path = write_warc(tmp_path / "b.warc.gz", [record("https://x.example/", big)])
    (doc,) = iter_documents([str(path)], max_bytes=1000)
    assert doc.error is not None and doc.error.code == "too_large"


def test_gzip_members_bounded_and_offsets(tmp_path: Path) -> None:
    a, b = gzip.compress(b"first"), gzip.compress(b"second" * 100)
    path = tmp_path / "m.gz"
    path.write_bytes(a + b)
    with open(path, "rb") as fh:
        got = list(gzip_members(fh, 10_000_000))
    assert [(o, d) for o, d, _ in got] == [(0, b"first"), (len(a), b"second" * 100)]


def test_record_cut_inside_its_http_head_is_kept_apart(tmp_path: Path) -> None:
    """Regression (found by tests/fuzz): a plain .warc cut inside the HTTP head of its only
    record left fastwarc without http_headers, and the reader raised AttributeError."""
    raw = record("https://f.example/0", b"", record_id="urn:uuid:0")
    path = tmp_path / "cut.warc"
    path.write_bytes(raw[: len(raw) - 125])
    docs = list(iter_documents([str(path)]))
    assert docs and all(d.error is not None for d in docs)
