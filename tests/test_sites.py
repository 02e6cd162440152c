"""Per-site profiles from the store (migration 3), the ``sites``/``flags`` commands and the
report's flags section, on hand-built Articles."""

from __future__ import annotations

import io
import json

from rich.console import Console
from typer.testing import CliRunner

from presstrace import Store
from presstrace.cli import app
from presstrace.records import Article, Flag
from presstrace.report import print_report
from presstrace.sites import REUSED_BYLINE, SiteProfile

runner = CliRunner()
PERSONA = Flag("persona_bio", None, None, "removed author_bio: I am Nora Quill, a …", "warning")
WIRE = Flag("republished_content", None, None, "credited source: Radio Meridian", "info")


def farm(i: int, **kw: object) -> Article:
    return Article(
        url=f"https://farm.example/post-{i}",
        title=f"Post {i}",
        text=f"Body of post {i}.",
        authors=("Nora Quill",),
        flags=(PERSONA,) if i % 2 == 0 else (),
        **kw,  # type: ignore[arg-type]
    )


def fill(store: Store) -> None:
    store.upsert_many([farm(i) for i in range(REUSED_BYLINE + 1)])
    store.upsert_many(
        [
            Article(
                url="https://www.paper.example/a",
                title="A",
                text="Council story.",
                authors=("Ruth Calloway", "Nora Quill"),
                flags=(WIRE,),
            ),
            Article(url="https://paper.example/b", title="B", text="Weather story."),
        ]
    )


def profiles_by_site(store: Store) -> dict[str, SiteProfile]:
    return {p.site: p for p in store.site_profiles()}


def test_flag_shares_per_site(empty_db: str) -> None:
    with Store(empty_db) as store:
        fill(store)
        got = profiles_by_site(store)
    assert list(got) == ["farm.example", "paper.example"]
    farm_flags = {f.code: f for f in got["farm.example"].flags}
    persona = farm_flags["persona_bio"]
    assert (persona.flagged, persona.flagged_warning) == (3, 3)
    assert persona.share == 3 / 6
    paper = {f.code: f for f in got["paper.example"].flags}
    assert paper["republished_content"].share == 0.5
    assert paper["republished_content"].share_warning == 0.0


def test_bylines_seen_and_reused(empty_db: str) -> None:
    with Store(empty_db) as store:
        fill(store)
        got = profiles_by_site(store)
    quill = got["farm.example"].bylines[0]
    assert (quill.name, quill.articles, quill.sites) == ("Nora Quill", 6, 2)
    assert [b.name for b in got["farm.example"].reused_bylines] == ["Nora Quill"]
    paper = got["paper.example"]
    assert {b.name for b in paper.bylines} == {"Ruth Calloway", "Nora Quill"}
    assert [b.name for b in paper.reused_bylines] == ["Nora Quill"]


def test_copied_share_unknown_without_copy_detection(empty_db: str) -> None:
    with Store(empty_db) as store:
        fill(store)
        profile = store.site_profiles("paper.example")[0]
    assert profile.copied is None and profile.to_dict()["copied_share"] is None


def test_copied_share_from_a_site_copying_view(empty_db: str) -> None:
    with Store(empty_db) as store:
        fill(store)
        store.replace_copies([], "copies.v1")  # the copy job has run (and found nothing)
        store.conn.execute("DROP VIEW site_copying")  # stand-in counts for the real view
        store.conn.execute(
            "CREATE VIEW site_copying AS SELECT site, articles, "
            "CASE WHEN site = 'farm.example' THEN 3 ELSE 0 END AS copied FROM site_articles"
        )
        got = profiles_by_site(store)
    assert got["farm.example"].copied_share == 0.5
    assert got["paper.example"].copied_share == 0.0


def test_sites_and_flags_commands(db_target: str) -> None:
    db = db_target
    with Store(db) as store:
        fill(store)
    result = runner.invoke(app, ["sites", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["site"] for d in data] == ["farm.example", "paper.example"]
    assert data[0]["flags"][0] == {
        "code": "persona_bio",
        "articles": 3,
        "articles_warning": 3,
        "share": 0.5,
        "share_warning": 0.5,
    }
    table = runner.invoke(app, ["sites", "--db", str(db), "--site", "paper.example"])
    assert table.exit_code == 0 and "paper.example" in table.stdout
    assert "farm.example" not in table.stdout
    rows = runner.invoke(
        app, ["flags", "--db", str(db), "--min-severity", "warning", "--format", "jsonl"]
    )
    assert rows.exit_code == 0
    codes = {json.loads(line)["code"] for line in rows.stdout.splitlines()}
    assert codes == {"persona_bio"}
    bad = runner.invoke(app, ["flags", "--db", str(db), "--min-severity", "loud"])
    assert bad.exit_code == 1


def test_report_has_a_flags_section(empty_db: str) -> None:
    with Store(empty_db) as store:
        fill(store)
        out = io.StringIO()
        print_report(store, Console(file=out, width=120, highlight=False))
    text = out.getvalue()
    assert "persona_bio [warning]" in text
    assert "farm.example (6 articles): persona_bio" in text and "50%" in text
