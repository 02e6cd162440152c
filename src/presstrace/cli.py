"""The ``presstrace`` command. Each command parses its options, then calls the library.

Errors are one line on stderr and exit status 1; tracebacks only with ``--debug``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from .errors import ConfigError, PresstraceError

if TYPE_CHECKING:
    from .corpus.jobs import CorpusSummary

app = typer.Typer(
    name="presstrace",
    help="Turn raw news pages into checkable evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


class State:
    debug: bool = bool(os.environ.get("PRESSTRACE_DEBUG"))


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    if debug:
        State.debug = True


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Turn presstrace errors into one red line and exit status 1."""
    try:
        yield
    except PresstraceError as e:
        if State.debug:
            raise
        err.print(f"[red]error:[/red] {e}", markup=True, soft_wrap=True)
        raise typer.Exit(1) from None


class RecordFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DbOption = Annotated[
    str, typer.Option("--db", help="SQLite database file or postgresql://user@host/dbname URL.")
]


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.html .htm .txt, .gz), folders or '-'.")
    ],
    plain: Annotated[
        bool, typer.Option("--plain", help="Input is already the article body.")
    ] = False,
    url: Annotated[str | None, typer.Option("--url", help="URL of the (single) input.")] = None,
    fmt: Annotated[RecordFormat | None, typer.Option("--format", help="json or jsonl.")] = None,
) -> None:
    """Analyse pages and print one Article record per input, in input order."""
    from .api import analyze_paths

    with handled():
        jsonl = fmt == RecordFormat.jsonl or (fmt is None and (len(paths) > 1 or _is_many(paths)))
        failed = False
        out = sys.stdout
        for article in analyze_paths(paths, plain=plain, url=url):
            failed = failed or bool(article.errors)
            out.write(article.to_json(indent=None if jsonl else 2) + "\n")
            out.flush()
        if failed:
            raise typer.Exit(1)


def _is_many(paths: list[str]) -> bool:
    """A folder, WARC or JSON Lines file holds several records: print JSON Lines."""
    from .readers import kind_for_path

    return any(
        p != "-" and (Path(p).is_dir() or kind_for_path(p) in ("warc", "jsonl")) for p in paths
    )


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), .jsonl, .warc(.gz).")
    ],
    db: DbOption,
    plain: Annotated[bool, typer.Option("--plain", help="Inputs are article bodies.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Analysis processes (default: number of cores)."),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local (processes) or ray (Ray Data).")
    ] = Engine.local,
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster to join (default: start one).")
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            "--shards", help="Ray engine: folder for Parquet shards (default DB.shards/)."
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume/--no-resume",
            help="Skip inputs already recorded in the database (unless their file changed).",
        ),
    ] = True,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus/--no-corpus",
            help="Run the corpus jobs (copies, stories) after the analysis; with --no-corpus "
            "run them later with `presstrace corpus`, e.g. once after several ingests.",
        ),
    ] = True,
) -> None:
    """Analyse inputs and store them; re-running on the same inputs changes nothing."""
    from .ingest import ingest_paths
    from .workers import default_workers

    with handled():
        progress = sys.stderr.isatty()
        summary = ingest_paths(
            paths,
            db,
            plain=plain,
            progress=progress,
            workers=workers or default_workers(),
            resume=resume,
            engine=engine.value,
            address=address,
            shard_dir=shards,
            corpus=corpus,
        )
        _print_summary(summary.counts, summary.reasons)
        if summary.corpus is not None and summary.changed:
            _print_corpus(summary.corpus)
        if summary.counts.get("kept_apart"):
            raise typer.Exit(1)


@app.command()
def load(
    parquet_dir: Annotated[
        Path, typer.Argument(metavar="PARQUET_DIR", help="Parquet shards of Article records.")
    ],
    db: DbOption,
) -> None:
    """Store Article records from Parquet (``ingest --engine ray`` shards or an export)."""
    from .shards import load_parquet

    with handled():
        summary = load_parquet(parquet_dir, db)
        _print_summary(summary.counts, summary.reasons)


def _print_corpus(c: CorpusSummary) -> None:
    links = ", ".join(f"{n} {r}" for r, n in sorted(c.relations.items()))
    err.print(f"corpus: {c.candidates} candidate pairs ({links}); {c.stories} stories")


def _print_summary(counts: Counter[str], reasons: Counter[str]) -> None:
    parts = [
        f"{counts.get(k, 0)} {k.replace('_', ' ')}"
        for k in ("ingested", "updated", "unchanged", "kept_apart")
    ]
    if counts.get("skipped"):
        parts.append(f"{counts['skipped']} skipped (already recorded)")
    err.print(", ".join(parts))
    for code, n in reasons.most_common():
        err.print(f"  kept apart: {n} × {code}")


@app.command()
def export(
    db: DbOption,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet.")],
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default stdout).")] = None,
) -> None:
    """Export every stored Article record."""
    from .export import export_store
    from .store import open_store

    with handled():
        if fmt == ExportFormat.parquet and out is None:
            raise ConfigError("--format parquet needs --out FILE")
        with open_store(db, readonly=True) as store:
            n = export_store(store, fmt.value, out)
        if out is not None:
            err.print(f"wrote {n} articles to {out}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and text.")],
    db: DbOption,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
    fmt: Annotated[RecordFormat | None, typer.Option("--format")] = None,
) -> None:
    """Full-text search, best matches first, with snippets."""
    from rich.table import Table
    from rich.text import Text

    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        hits = store.search(query, limit=limit)
        if fmt is not None:
            for h in hits:
                print(
                    json.dumps(
                        {
                            "id": h.id,
                            "title": h.title,
                            "url": h.url,
                            "snippet": h.snippet,
                            "rank": h.rank,
                        },
                        ensure_ascii=False,
                    )
                )
            return
        if not hits:
            err.print("no matches")
            return
        table = Table("id", "title", "snippet", show_lines=True)
        for h in hits:
            table.add_row(h.id[:10], Text(h.title or ""), _snippet_text(h.snippet))
        Console(highlight=False).print(table)


def _snippet_text(snippet: str) -> Any:
    from rich.text import Text

    text = Text()
    for i, part in enumerate(snippet.replace("]", "[").split("[")):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a prefix).")],
    db: DbOption,
) -> None:
    """A readable view of one stored article in the terminal."""
    from .store import open_store
    from .view import render_article

    with handled(), open_store(db, readonly=True) as store:
        ids = store.find_ids(article_id)
        if not ids:
            raise ConfigError(f"no article with id {article_id!r}")
        if len(ids) > 1 and article_id not in ids:
            raise ConfigError(f"id {article_id!r} is ambiguous: {', '.join(ids)}")
        target = article_id if article_id in ids else ids[0]
        article = store.get(target)
        assert article is not None
        render_article(article, Console(highlight=False))


def _print_rows(rows: list[dict[str, Any]], fmt: RecordFormat | None, columns: list[str]) -> None:
    """JSON Lines with ``--format``, else a terminal table of ``columns``."""
    from rich.table import Table
    from rich.text import Text

    if fmt is not None:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        err.print("nothing found")
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    Console(highlight=False).print(table)


def _range(low: float | None, high: float | None, qualifier: str | None) -> str:
    def num(v: float) -> str:
        return f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"

    if low is None:
        return ""
    if high is None:
        return f"{qualifier or '>='} {num(low)}"
    return num(low) if low == high else f"{num(low)}–{num(high)}"


@app.command()
def people(
    db: DbOption,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 50,
    fmt: Annotated[RecordFormat | None, typer.Option("--format")] = None,
) -> None:
    """People in the corpus: the roles articles give them and how often they are quoted."""
    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        rows = store.people(limit=limit)
        roles = store.roles_by_person([r["name"] for r in rows])
        for r in rows:
            r["roles"] = roles.get(r["name"], [])
            if fmt is None:
                r["roles"] = "; ".join(f"{x['role']} ({x['articles']})" for x in r["roles"])
        _print_rows(rows, fmt, ["name", "roles", "articles", "mentions", "quotes"])


@app.command()
def claims(
    db: DbOption,
    about: Annotated[
        str | None, typer.Option("--about", help="Only claims about this (killed, injured...).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1_000_000)] = 1000,
    fmt: Annotated[RecordFormat | None, typer.Option("--format")] = None,
) -> None:
    """Numeric claims with who makes them, newest articles first."""
    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        rows = store.claims(about=about, limit=limit)
        if fmt is None:
            for r in rows:
                r["value"] = _range(r["value_low"], r["value_high"], r["qualifier"])
                r["in"] = _article_label(r["article"])
        _print_rows(rows, fmt, ["about", "value", "unit", "source_name", "text", "in"])


@app.command()
def conflicts(
    db: DbOption,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1_000_000)] = 1000,
    fmt: Annotated[RecordFormat | None, typer.Option("--format")] = None,
) -> None:
    """Claims about the same count from different sources that cannot all be true."""
    from .records import Claim
    from .stages.conflicts import summarize
    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        rows = store.conflicts(limit=limit)
        for r in rows:
            est = summarize(
                [
                    Claim(
                        c["start"],
                        c["end"],
                        c["text"],
                        c["source_name"],
                        c["about"],
                        c["value_low"],
                        c["value_high"],
                        c["qualifier"],
                        c["unit"],
                    )
                    for c in r["claims"]
                ]
            )
            r["estimate"] = {
                "low": est.low,
                "best": est.best,
                "high": est.high,
                "conservative": est.conservative,
            }
        if fmt is None:
            for r in rows:
                r["sources"] = " vs ".join(r["sources"])
                r["figures"] = "; ".join(
                    f"{_range(c['value_low'], c['value_high'], c['qualifier'])} "
                    f"({c['source_name']})"
                    for c in r["claims"]
                )
                r["in"] = _article_label(r["article"])
                e = r["estimate"]
                r["low / best / high"] = (
                    f"{e['low']:g} / {e['best']:g} / "
                    f"{'open' if e['high'] is None else format(e['high'], 'g')}"
                )
        _print_rows(rows, fmt, ["about", "sources", "figures", "low / best / high", "in"])


def _article_label(ref: dict[str, Any]) -> str:
    return str(ref.get("title") or ref.get("url") or ref["id"][:10])


@app.command()
def compare(
    a: Annotated[str | None, typer.Argument(help="First page (file or '-').")] = None,
    b: Annotated[str | None, typer.Argument(help="Second page (file).")] = None,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="JSON Lines of {id, a, b} texts.")
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Inputs are already article bodies.")
    ] = False,
    fmt: Annotated[RecordFormat | None, typer.Option("--format", help="json or jsonl.")] = None,
) -> None:
    """Is one text a copy of the other (syndicated, rewritten, translated), the same story,
    or unrelated; the likely original and the aligned passages."""
    from .api import compare_pairs, compare_paths

    with handled():
        if pairs is not None:
            if a is not None or b is not None:
                raise ConfigError("give either two files or --pairs FILE, not both")
            with _open_lines(pairs) as lines:
                for row in compare_pairs(lines):
                    print(json.dumps(row, ensure_ascii=False), flush=True)
            return
        if a is None or b is None:
            raise ConfigError("compare needs two files A B, or --pairs FILE.jsonl")
        result = compare_paths(a, b, plain=plain).to_dict()
        indent = None if fmt == RecordFormat.jsonl else 2
        print(json.dumps(result, ensure_ascii=False, indent=indent))


@contextlib.contextmanager
def _open_lines(path: Path) -> Iterator[Any]:
    from .errors import InputError

    if str(path) == "-":
        yield sys.stdin
        return
    try:
        with path.open(encoding="utf-8") as f:
            yield f
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from e


@app.command()
def stories(
    input_: Annotated[
        Path | None,
        typer.Option("--input", help="JSON Lines of {id, text, title?, date?, lang?}."),
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="SQLite database file or postgresql:// URL.")
    ] = None,
    fmt: Annotated[RecordFormat | None, typer.Option("--format", help="jsonl.")] = None,
) -> None:
    """Group articles into stories: from --input (prints {id, story} per line, in input
    order) or the stories stored in --db (title, time span, outlets, articles, copy links)."""
    from .api import cluster_story_lines
    from .store import open_store

    with handled():
        if (input_ is None) == (db is None):
            raise ConfigError("give one of --input FILE.jsonl or --db FILE")
        if input_ is not None:
            with _open_lines(input_) as lines:
                for row in cluster_story_lines(lines):
                    print(json.dumps(row, ensure_ascii=False))
            return
        assert db is not None
        with open_store(db, readonly=True) as store:
            for st in store.stories():
                members = set(st.articles)
                links = [
                    {"a": c.a, "b": c.b, "relation": c.relation, "original": c.original}
                    for aid in st.articles
                    for c in store.copies(aid)
                    if c.a == aid and c.b in members
                ]
                row = {
                    "story": st.id,
                    "title": st.title,
                    "first": st.first,
                    "last": st.last,
                    "outlets": list(st.outlets),
                    "articles": list(st.articles),
                    "copies": links,
                }
                print(json.dumps(row, ensure_ascii=False))


@app.command()
def copies(
    db: DbOption,
    all_relations: Annotated[
        bool, typer.Option("--all", help="Include same-story links, not only copies.")
    ] = False,
) -> None:
    """Stored copy links (JSON Lines), strongest first, and sites that mostly republish."""
    from .corpus.copies import COPY_RELATIONS
    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        for c in store.copies():
            if all_relations or c.relation in COPY_RELATIONS:
                row = {
                    "a": c.a,
                    "b": c.b,
                    "relation": c.relation,
                    "score": round(c.score, 4),
                    "original": c.original,
                    "aligned": c.aligned,
                }
                print(json.dumps(row, ensure_ascii=False))
        for p in store.site_profiles():
            if p.mostly_republishes:
                err.print(f"{p.site}: {p.copied} of {p.articles} articles copy other sites")


@app.command()
def quotes(
    db: DbOption,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only speakers whose name contains this.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100000)] = 1000,
    fmt: Annotated[RecordFormat | None, typer.Option("--format")] = None,
) -> None:
    """Quotes across the corpus, grouped by canonical speaker, with article and snippet."""
    from rich.text import Text

    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        hits = store.quotes_by_speaker(speaker, limit=limit)
        if fmt is not None:
            for h in hits:
                print(
                    json.dumps(
                        {
                            "speaker_name": h.speaker_name,
                            "speaker": h.speaker,
                            "kind": h.kind,
                            "cue": h.cue,
                            "content": h.content,
                            "article": h.article_id,
                            "title": h.title,
                            "url": h.url,
                        },
                        ensure_ascii=False,
                    )
                )
            return
        if not hits:
            err.print("no quotes")
            return
        console = Console(highlight=False)
        current: object = object()
        for h in hits:
            if h.speaker_name != current:
                current = h.speaker_name
                console.print(Text(h.speaker_name or "(no speaker)", style="bold"))
            snippet = h.content if len(h.content) <= 160 else h.content[:157] + "…"
            line = Text(f"  {h.kind:8s} ")
            line.append(f"“{snippet}”")
            line.append(f"  {h.title or h.url or ''} [{h.article_id[:10]}]", style="dim")
            console.print(line)


@app.command()
def sites(
    db: DbOption,
    site: Annotated[str | None, typer.Option("--site", help="Only this domain.")] = None,
    fmt: Annotated[RecordFormat | None, typer.Option("--format", help="json or jsonl.")] = None,
) -> None:
    """Per-site profiles: share of articles with each flag, copied share, bylines."""
    from .sites import render_profiles
    from .store import open_store

    with handled(), open_store(db, readonly=True) as store:
        profiles = store.site_profiles(site)
        if fmt == RecordFormat.json:
            print(json.dumps([p.to_dict() for p in profiles], ensure_ascii=False, indent=2))
        elif fmt == RecordFormat.jsonl:
            for p in profiles:
                print(json.dumps(p.to_dict(), ensure_ascii=False))
        elif not profiles:
            err.print("no sites")
        else:
            render_profiles(profiles, Console(highlight=False))


@app.command()
def flags(
    db: DbOption,
    site: Annotated[str | None, typer.Option("--site", help="Only this domain.")] = None,
    min_severity: Annotated[
        str, typer.Option("--min-severity", help="info, warning or strong.")
    ] = "info",
    limit: Annotated[int, typer.Option("--limit", min=1, max=100000)] = 1000,
    fmt: Annotated[RecordFormat | None, typer.Option("--format", help="json or jsonl.")] = None,
) -> None:
    """Stored flags with their evidence, per article."""
    from rich.table import Table
    from rich.text import Text

    from .stages.flags import SEVERITIES
    from .store import open_store

    with handled():
        if min_severity not in SEVERITIES:
            raise ConfigError(f"--min-severity must be one of {', '.join(SEVERITIES)}")
        wanted = SEVERITIES[SEVERITIES.index(min_severity) :]
        with open_store(db, readonly=True) as store:
            rows = store.flag_rows(site, wanted, limit)
        if fmt is not None:
            for r in rows:
                print(json.dumps(r, ensure_ascii=False))
            return
        if not rows:
            err.print("no flags")
            return
        table = Table("site", "id", "code", "severity", "evidence")
        for r in rows:
            table.add_row(
                Text(r["site"] or ""),
                r["article_id"][:10],
                r["code"],
                r["severity"] or "",
                Text(r["evidence"]),
            )
        Console(highlight=False).print(table)


@app.command()
def serve(
    db: DbOption,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow a non-loopback --host.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Server processes (default 1).")
    ] = 1,
    access_log: Annotated[
        bool, typer.Option("--access-log", help="Log every request to stderr.")
    ] = False,
) -> None:
    """Browse the database in a web browser (read-only), with a JSON API under /api/."""
    from .store import display_name
    from .web import check_host
    from .web import serve as serve_web

    with handled():
        check_host(host, allow_remote)
        err.print(
            f"presstrace: serving {display_name(db)} read-only at http://{_url_host(host)}:{port}/"
        )
        serve_web(
            str(db),
            host=host,
            port=port,
            allow_remote=allow_remote,
            workers=workers,
            access_log=access_log,
        )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@app.command()
def corpus(
    db: DbOption,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, help="Processes for the copy verifier (default: number of cores)."
        ),
    ] = None,
) -> None:
    """Run the corpus jobs (copy links, then stories) over everything in the database,
    replacing what they stored before: after `ingest --no-corpus`, `load`, or a change."""
    from .corpus import run_corpus_jobs
    from .resources import Resources
    from .store import open_store
    from .workers import default_workers

    with handled(), open_store(db) as store:
        summary = run_corpus_jobs(store, Resources(), workers=workers or default_workers())
        err.print(f"{summary.articles} articles")
        _print_corpus(summary)


def main() -> None:
    """Console-script entry point: no traceback reaches the user without ``--debug``."""
    if "--debug" in sys.argv[1:]:
        State.debug = True
    try:
        app()
    except PresstraceError as e:  # raised outside a command body (e.g. while importing)
        if State.debug:
            raise
        err.print(f"[red]error:[/red] {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as e:
        if State.debug:
            raise
        err.print(f"[red]internal error:[/red] {type(e).__name__}: {e} (run with --debug)")
        sys.exit(2)
