"""``presstrace people / claims / conflicts`` over a store built from the fictional examples."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from presstrace.cli import app

runner = CliRunner()
PAGES = Path(__file__).resolve().parents[1] / "examples" / "pages"


def _db(tmp_path: Path) -> Path:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    for name in ("atlantic-courier_ngo-toll-20.html", "northern-ledger_valdora-dam-day1.html"):
        (corpus / name).write_bytes((PAGES / name).read_bytes())
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_people_claims_conflicts(tmp_path: Path) -> None:
    db = _db(tmp_path)
    out = runner.invoke(app, ["people", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    people = {p["name"]: p for p in map(json.loads, out.stdout.splitlines())}
    quiroga = people["Marta Quiroga"]
    assert quiroga["articles"] == 2
    assert any("director" in r["role"] for r in quiroga["roles"])

    out = runner.invoke(app, ["claims", "--db", str(db), "--about", "killed", "--format", "jsonl"])
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows and {r["about"] for r in rows} == {"killed"}
    assert any(r["value_low"] == 20 and r["source_name"] == "Socorro Norte" for r in rows)

    out = runner.invoke(app, ["conflicts", "--db", str(db), "--format", "jsonl"])
    conflicts = [json.loads(x) for x in out.stdout.splitlines()]
    assert conflicts and "Socorro Norte" in conflicts[0]["sources"]
    assert len(conflicts[0]["claims"]) >= 2
    estimate = conflicts[0]["estimate"]
    assert estimate["low"] == 12 and estimate["high"] is None
    assert estimate["conservative"] == 12

    table = runner.invoke(app, ["conflicts", "--db", str(db)])
    assert table.exit_code == 0 and "Socorro Norte" in table.stdout


def test_missing_db_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["people", "--db", str(tmp_path / "none" / "x.db")])
    assert result.exit_code == 1
