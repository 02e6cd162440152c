from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from presstrace.cli import app

runner = CliRunner()

PAGE = """<html lang="en"><head><title>Dam breaks in Valdora | Test Times</title>
<meta property="og:site_name" content="Test Times"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Dam breaks in Valdora</h1>
<p>The dam above Valdora gave way on Tuesday night, sending water through the lower town
and forcing hundreds of residents to leave their homes, officials said.</p>
<p>“We are doing everything we can,” said Mayor Lucia Ferro, who visited the shelters.</p>
<p>Rescue teams worked through the night along the river banks near the old bridge.</p>
</article></body></html>"""


def write_corpus(tmp: Path) -> Path:
    d = tmp / "corpus"
    d.mkdir()
    (d / "a.html").write_text(PAGE)
    (d / "b.txt").write_text("A headline\n\nFirst paragraph of the body.\n\nSecond one here.")
    return d


def test_analyze_good_and_bad_inputs(tmp_path: Path) -> None:
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = runner.invoke(app, ["analyze", str(junk), str(empty), str(page)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0]["errors"] and lines[1]["errors"] and not lines[2]["errors"]
    assert "Valdora" in lines[2]["text"]
    assert "Traceback" not in result.output


def test_analyze_plain_keeps_text_exactly(tmp_path: Path) -> None:
    p = tmp_path / "body.txt"
    p.write_text("Mayor Lucia Ferro said the town would rebuild.\n\nShe thanked volunteers.")
    result = runner.invoke(app, ["analyze", "--plain", str(p)])
    assert result.exit_code == 0
    rec = json.loads(result.stdout)
    assert rec["text"] == p.read_text()


def test_missing_path_is_a_record_not_a_traceback() -> None:
    result = runner.invoke(app, ["analyze", "/no/such/page.html"])
    assert result.exit_code == 1
    rec = json.loads(result.stdout)
    assert rec["errors"][0]["code"] == "not_found"


def test_ingest_export_search_show(tmp_path: Path, db_target: str) -> None:
    corpus = write_corpus(tmp_path)
    db = db_target
    r1 = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert r1.exit_code == 0, r1.output
    assert "2 ingested" in r1.output
    r2 = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "0 ingested, 0 updated, 0 unchanged, 0 kept apart, 2 skipped" in r2.output
    r3 = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--no-resume"])
    assert "0 ingested, 0 updated, 2 unchanged" in r3.output
    exp = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    records = [json.loads(x) for x in exp.stdout.splitlines()]
    assert len(records) == 2
    csv_out = tmp_path / "x.csv"
    assert (
        runner.invoke(
            app, ["export", "--db", str(db), "--format", "csv", "--out", str(csv_out)]
        ).exit_code
        == 0
    )
    assert csv_out.read_text().startswith("id,url")
    pq = tmp_path / "x.parquet"
    assert (
        runner.invoke(
            app, ["export", "--db", str(db), "--format", "parquet", "--out", str(pq)]
        ).exit_code
        == 0
    )
    import pyarrow.parquet as papq

    assert papq.read_table(pq).num_rows == 2
    s = runner.invoke(app, ["search", "Valdora", "--db", str(db), "--format", "jsonl"])
    hits = [json.loads(x) for x in s.stdout.splitlines()]
    assert hits and hits[0]["title"].startswith("Dam breaks")
    show = runner.invoke(app, ["show", hits[0]["id"][:8], "--db", str(db)])
    assert show.exit_code == 0 and "Dam breaks in Valdora" in show.stdout


def test_ingest_keeps_bad_inputs_apart(tmp_path: Path) -> None:
    d = tmp_path / "c"
    d.mkdir()
    (d / "empty.html").write_text("")
    (d / "ok.txt").write_text("Title\n\nA body paragraph that is long enough to count.")
    db = tmp_path / "x.db"
    r = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert r.exit_code == 1
    assert "1 ingested" in r.output and "empty_input" in r.output


def test_store_errors_are_one_line(tmp_path: Path) -> None:
    r = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "error:" in r.output and "Traceback" not in r.output


def test_compare_two_plain_files(tmp_path: Path) -> None:
    from tests.corpus import texts

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(texts.ORIGINAL)
    b.write_text(texts.SPUN)
    result = runner.invoke(app, ["compare", str(a), str(b), "--plain"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert got["relation"] == "rewritten"
    span = got["aligned"][0]["a"]
    assert texts.ORIGINAL[span["start"] : span["end"]].startswith("A fire destroyed")


def test_compare_pairs_jsonl(tmp_path: Path) -> None:
    from tests.corpus import texts

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "p1", "a": texts.ORIGINAL, "b": texts.SYNDICATED},
        {"id": "p2", "a": texts.ORIGINAL, "b": texts.UNRELATED},
    ]
    pairs.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = runner.invoke(app, ["compare", "--pairs", str(pairs), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(o["id"], o["relation"]) for o in out] == [("p1", "syndicated"), ("p2", "unrelated")]
    assert set(out[0]) == {"id", "relation", "score", "original", "aligned"}


def test_compare_bad_pairs_line_is_one_error(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": 1, "a": "x"}\n')
    result = runner.invoke(app, ["compare", "--pairs", str(pairs)])
    assert result.exit_code == 1
    assert "line 1" in result.output


def test_stories_from_jsonl(tmp_path: Path) -> None:
    from tests.corpus import texts

    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": texts.ORIGINAL, "date": "2026-05-03"},
        {"id": "b", "text": texts.UNRELATED, "title": "Chess"},
        {"id": "c", "text": texts.SPUN, "date": "2026-05-04", "lang": "en"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows))
    result = runner.invoke(app, ["stories", "--input", str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    story = {o["id"]: o["story"] for o in out}
    assert story["a"] == story["c"] != story["b"]


def test_ingest_runs_corpus_jobs_then_copies_and_stories_read_them(
    tmp_path: Path, db_target: str
) -> None:
    from tests.corpus import texts

    d = tmp_path / "pages"
    d.mkdir()
    (d / "wire.txt").write_text("Footbridge burns\n\n" + texts.ORIGINAL)
    (d / "farm.txt").write_text("Bridge blaze\n\n" + texts.SYNDICATED)
    db = db_target
    result = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert result.exit_code == 0, result.output
    copies = runner.invoke(app, ["copies", "--db", str(db)])
    assert copies.exit_code == 0, copies.output
    links = [json.loads(x) for x in copies.stdout.splitlines() if x.startswith("{")]
    assert [x["relation"] for x in links] == ["syndicated"]
    stories = runner.invoke(app, ["stories", "--db", str(db)])
    rows = [json.loads(x) for x in stories.stdout.splitlines()]
    assert len(rows) == 1 and len(rows[0]["articles"]) == 2
    assert rows[0]["copies"][0]["relation"] == "syndicated"


def test_ingest_no_corpus_then_the_corpus_command(tmp_path: Path) -> None:
    from tests.corpus import texts

    d = tmp_path / "pages"
    d.mkdir()
    (d / "wire.txt").write_text("Footbridge burns\n\n" + texts.ORIGINAL)
    (d / "farm.txt").write_text("Bridge blaze\n\n" + texts.SYNDICATED)
    db = str(tmp_path / "later.db")
    ingest = ["ingest", str(d), "--db", db, "--workers", "1", "--no-corpus"]
    result = runner.invoke(app, ingest)
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["copies", "--db", db]).stdout == ""
    result = runner.invoke(app, ["corpus", "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 syndicated" in result.output and "1 stories" in result.output
    copies = runner.invoke(app, ["copies", "--db", db])
    assert [json.loads(x)["relation"] for x in copies.stdout.splitlines()] == ["syndicated"]
    missing = runner.invoke(app, ["corpus", "--db", str(tmp_path / "no" / "such.db")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_quotes_grouped_by_speaker(tmp_path: Path, db_target: str) -> None:
    corpus = write_corpus(tmp_path)
    db = db_target
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    out = runner.invoke(app, ["quotes", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    ferro = [r for r in rows if r["speaker_name"] == "Lucia Ferro"]
    assert ferro and ferro[0]["content"].startswith("We are doing everything we can")
    text = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "ferro"])
    assert text.exit_code == 0 and "Lucia Ferro" in text.stdout and "Dam breaks" in text.stdout
    none = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "100%_nobody"])
    assert none.exit_code == 0 and "no quotes" in none.output


def test_serve_refuses_a_public_host_without_allow_remote(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "--allow-remote" in result.stderr


def test_serve_a_missing_database_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "no database" in result.stderr


def test_serve_runs_uvicorn_on_loopback(tmp_path: Path, monkeypatch: Any) -> None:
    import uvicorn

    from presstrace.store import Store

    db = tmp_path / "x.db"
    Store(db).close()
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.stderr
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123


def test_analyze_a_warc_prints_json_lines(tmp_path: Path) -> None:
    from .readers.warc_build import page, record, uid, write_warc

    warc = write_warc(
        tmp_path / "c.warc.gz",
        [record(f"https://news.example/{i}", page(i), record_id=uid(i)) for i in range(2)],
    )
    result = runner.invoke(app, ["analyze", str(warc)])
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["url"] for r in lines] == ["https://news.example/0", "https://news.example/1"]
    assert lines[0]["crawled"] == "2024-03-01T12:00:00Z"
