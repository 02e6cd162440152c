"""A short plain-text report of what a database holds (``make demo`` prints it).

``python -m presstrace.report --db FILE``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import PresstraceError
from .store import Store, open_store


def summary_rows(store: Store) -> dict[str, list[tuple[str, int | str]]]:
    """Counts a reader wants first, straight from the tables (all parameter-free SQL)."""
    q = store.conn.execute
    return {
        "articles by site": [
            (r[0] or "(no url)", r[1])
            for r in q(
                "SELECT site, count(*) FROM articles GROUP BY site ORDER BY 2 DESC, 1 LIMIT 15"
            )
        ],
        "most quoted speakers": [
            (r[0], r[1])
            for r in q(
                "SELECT speaker_name, count(*) FROM quotes WHERE speaker_name IS NOT NULL "
                "GROUP BY speaker_name ORDER BY 2 DESC, 1 LIMIT 10"
            )
        ],
        "entities": [
            (f"{r[0]} {r[1]}", r[2])
            for r in q(
                "SELECT label, name, count(*) FROM entities "
                "WHERE label IN ('PERSON', 'ORG', 'PLACE') "
                "GROUP BY label, name ORDER BY 3 DESC, 2 LIMIT 12"
            )
        ],
        "claims by subject": [
            (r[0], r[1])
            for r in q(
                "SELECT about, count(*) FROM claims GROUP BY about ORDER BY 2 DESC, 1 LIMIT 10"
            )
        ],
        "flags (articles carrying each, by severity)": [
            (f"{r[0]} [{r[1] or 'info'}]", r[2])
            for r in q(
                "SELECT code, severity, count(DISTINCT article_id) FROM flags "
                "GROUP BY code, severity ORDER BY 3 DESC, 1, 2"
            )
        ],
        "copy links": sorted(
            Counter(c.relation for c in store.copies()).items(), key=lambda kv: (-kv[1], kv[0])
        ),
        "sites that mostly republish others (copies of all articles)": [
            (p.site, p.copied or 0) for p in store.site_profiles() if p.mostly_republishes
        ],
        "largest stories (articles)": [
            (s.title or s.id, len(s.articles)) for s in store.stories(min_size=2)[:10]
        ],
        "sites by share of articles with a warning flag": site_flag_rows(store),
        "kept apart": [
            (r[0] or "?", r[1])
            for r in q("SELECT code, count(*) FROM kept_apart GROUP BY code ORDER BY 2 DESC")
        ],
    }


def site_flag_rows(store: Store, limit: int = 10) -> list[tuple[str, str]]:
    """Sites whose articles most often carry a flag of severity warning or above."""
    rows = []
    for p in store.site_profiles():
        loud = [f for f in p.flags if f.flagged_warning]
        if loud:
            worst = max(loud, key=lambda f: f.share_warning)
            label = f"{p.site} ({p.articles} articles): {worst.code}"
            rows.append((worst.share_warning, label, f"{worst.share_warning:.0%}"))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return [(label, share) for _, label, share in rows[:limit]]


def print_report(store: Store, console: Console) -> None:
    n = store.count("articles")
    console.print(Text(f"{n} articles in {store.path}", style="bold"))
    for title, rows in summary_rows(store).items():
        if not rows:
            continue
        table = Table(title=title, show_header=False, title_justify="left")
        for label, count in rows:
            table.add_row(Text(str(label)), str(count))
        console.print(table)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m presstrace.report")
    ap.add_argument("--db", required=True)
    args = ap.parse_args(argv)
    try:
        with open_store(args.db, readonly=True) as store:
            print_report(store, Console(highlight=False))
    except PresstraceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
