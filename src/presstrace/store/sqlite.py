"""SQLite backend: one file, WAL journal, FTS5 full-text index kept by triggers."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .backend import Backend
from .rows import fts_query

# Numbered migrations: (number, SQL). Applied in number order, each once; a number is
# never reused or edited after it lands: add a new one instead.
MIGRATIONS: list[tuple[int, str]] = [
    # 1: articles and everything found in them
    (
        1,
        """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        input TEXT,
        url TEXT,
        site TEXT,
        title TEXT,
        subtitle TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        publisher TEXT,
        published TEXT,
        crawled TEXT,
        language TEXT,
        text TEXT NOT NULL,
        credited_source TEXT,
        record TEXT NOT NULL,
        record_hash TEXT NOT NULL,
        stages TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_site ON articles(site);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE captions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, text TEXT NOT NULL, credit TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE removed (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, label TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
        stage TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, kind TEXT NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue TEXT,
        speaker_start INTEGER, speaker_end INTEGER, speaker TEXT,
        speaker_name TEXT, stage TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, source_name TEXT, about TEXT NOT NULL,
        value_low REAL, value_high REAL, qualifier TEXT, unit TEXT, stage TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX claims_about ON claims(about);
    CREATE TABLE conflicts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, about TEXT NOT NULL, claims TEXT NOT NULL, sources TEXT NOT NULL,
        stage TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE flags (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, code TEXT NOT NULL, start INTEGER, "end" INTEGER,
        evidence TEXT NOT NULL, severity TEXT, stage TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX flags_code ON flags(code);
    CREATE TABLE article_errors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE inputs (
        source TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('stored', 'kept_apart')),
        article_id TEXT,
        code TEXT,
        message TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE VIEW kept_apart AS
        SELECT source, code, message, updated_at FROM inputs WHERE status = 'kept_apart';
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    ),
    # 2: copy detection and stories (corpus jobs)
    (
        2,
        """
    CREATE TABLE fingerprints (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        minhash BLOB NOT NULL,
        anchors TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        made_by TEXT
    );
    CREATE TABLE copies (
        a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        relation TEXT NOT NULL,
        score REAL NOT NULL,
        original TEXT,
        aligned TEXT NOT NULL DEFAULT '[]',
        made_by TEXT,
        PRIMARY KEY (a, b)
    );
    CREATE INDEX copies_b ON copies(b);
    CREATE INDEX copies_relation ON copies(relation);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first TEXT,
        last TEXT,
        outlets TEXT NOT NULL DEFAULT '[]',
        size INTEGER NOT NULL,
        made_by TEXT
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    CREATE TABLE corpus_runs (
        job TEXT PRIMARY KEY,
        ran_at TEXT NOT NULL
    );
    CREATE VIEW site_copying AS
        SELECT ar.site AS site,
               count(*) AS articles,
               sum(EXISTS (
                   SELECT 1 FROM copies c JOIN articles o ON o.id = c.original
                   WHERE c.relation IN ('syndicated', 'rewritten', 'translated')
                     AND (c.a = ar.id OR c.b = ar.id) AND c.original != ar.id
                     AND coalesce(o.site, '') != ar.site
               )) AS copied
        FROM articles ar WHERE ar.site IS NOT NULL GROUP BY ar.site;
    """,
    ),
    # 3: per-site profiles (flags.v1): share of articles with each flag, bylines seen
    (
        3,
        """
    CREATE VIEW site_articles AS
        SELECT site, count(*) AS articles FROM articles WHERE site IS NOT NULL GROUP BY site;
    CREATE VIEW site_flags AS
        SELECT a.site AS site, f.code AS code,
               count(DISTINCT f.article_id) AS flagged,
               count(DISTINCT CASE WHEN f.severity IN ('warning', 'strong')
                                   THEN f.article_id END) AS flagged_warning,
               t.articles AS articles
        FROM flags f
        JOIN articles a ON a.id = f.article_id
        JOIN site_articles t ON t.site = a.site
        GROUP BY a.site, f.code;
    CREATE VIEW site_bylines AS
        SELECT a.site AS site, j.value AS byline, count(*) AS articles
        FROM articles a, json_each(a.authors) AS j
        WHERE a.site IS NOT NULL
        GROUP BY a.site, j.value;
    """,
    ),
]


class SqliteBackend(Backend):
    name = "sqlite"
    error = sqlite3.Error
    migrations = MIGRATIONS
    begin_sql = "BEGIN IMMEDIATE"
    in_values = "SELECT value FROM json_each(?)"
    in_int_values = "SELECT value FROM json_each(?)"

    def connect(self, target: str, readonly: bool) -> sqlite3.Connection:
        try:
            if readonly:
                if target != ":memory:" and not Path(target).exists():
                    raise StoreError(f"no database at {target}")
                uri = f"file:{Path(target).resolve()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            else:
                conn = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly and target != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {target}: {e}") from e
        return conn

    def in_transaction(self, conn: Any) -> bool:
        return bool(conn.in_transaction)

    def run_script(self, conn: Any, sql: str) -> None:
        for statement in _split_sql(sql):
            conn.execute(statement)

    def has_table(self, conn: Any, name: str) -> bool:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def columns(self, conn: Any, table: str) -> set[str]:
        rows = conn.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
        return {r["name"] for r in rows}

    def json_items(self, column: str, alias: str) -> str:
        return f"json_each({column}) AS {alias}"

    def search_ranked(
        self, conn: Any, query: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        match = fts_query(query)
        if not match:
            return []
        rows = conn.execute(
            "SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return [(int(r["rowid"]), float(r["rank"])) for r in rows]

    def snippets(
        self, conn: Any, query: str, rowids: Sequence[int], marks: tuple[str, str], words: int
    ) -> dict[int, str]:
        match = fts_query(query)
        if not match or not rowids:
            return {}
        rows = conn.execute(
            "SELECT rowid, snippet(articles_fts, 1, ?, ?, ' … ', ?) AS snip FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (marks[0], marks[1], words, match, json.dumps(list(rowids))),
        ).fetchall()
        return {int(r["rowid"]): r["snip"] for r in rows}

    def story_key(self, story_id: str) -> Any:
        # Story ids may be integers or text: bind digits as an integer so both match.
        if story_id.isascii() and story_id.isdigit() and len(story_id) < 19:
            return int(story_id)
        return story_id


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN...END)."""
    statements: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
