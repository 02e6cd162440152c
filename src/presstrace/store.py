"""The SQLite store: the only module that speaks SQL.

One row per article, quote, entity mention, claim and flag, in plain tables a person
can read with ``sqlite3`` or Datasette. The schema evolves by numbered migrations
recorded in ``schema_migrations``. Writes are idempotent upserts keyed by the stable
article id; the full JSON record is kept beside the rows so an export reproduces the
record exactly. Every statement is parameterised.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .errors import StoreError
from .records import Article

UpsertResult = Literal["ingested", "updated", "unchanged", "kept_apart"]

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
]

CHILD_TABLES = (
    "captions",
    "removed",
    "entities",
    "quotes",
    "claims",
    "conflicts",
    "flags",
    "article_errors",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def site_of(url: str | None) -> str | None:
    """The site (host without ``www.``) an article URL belongs to."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    url: str | None
    snippet: str
    rank: float


class Store:
    """A presstrace database. ``Store(":memory:")`` for tests."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no database at {self.path}")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(
                    uri, uri=True, check_same_thread=False, isolation_level=None
                )
            else:
                self.conn = sqlite3.connect(
                    self.path, check_same_thread=False, isolation_level=None
                )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                if self.path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                    self.conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from e

    # -- schema ----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        try:
            row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0] or 0)

    def migrate(self) -> None:
        """Apply every numbered migration not yet recorded, each in its own transaction."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        applied = {int(r[0]) for r in self.conn.execute("SELECT version FROM schema_migrations")}
        for number, sql in sorted(MIGRATIONS):
            if number in applied:
                continue
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (number, _now()),
                )
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {number} failed: {e}") from e

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def upsert(self, article: Article, provenance: Mapping[str, str] | None = None) -> UpsertResult:
        """Store one article (or keep its input apart, when it has errors and no text)."""
        with self.transaction():
            return self._upsert(article, provenance or {})

    def upsert_many(
        self, articles: Iterable[Article], provenance: Mapping[str, str] | None = None
    ) -> list[UpsertResult]:
        """Store a batch in one transaction: all of it lands, or none of it."""
        with self.transaction():
            return [self._upsert(a, provenance or {}) for a in articles]

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def _upsert(self, article: Article, provenance: Mapping[str, str]) -> UpsertResult:
        now = _now()
        source = article.input or article.url or article.id
        if not article.text:
            err = article.errors[0] if article.errors else None
            self.conn.execute(
                "INSERT INTO inputs (source, status, article_id, code, message, updated_at) "
                "VALUES (?, 'kept_apart', NULL, ?, ?, ?) "
                "ON CONFLICT(source) DO UPDATE SET status='kept_apart', article_id=NULL, "
                "code=excluded.code, message=excluded.message, updated_at=excluded.updated_at",
                (source, err.code if err else "no_body", err.message if err else "", now),
            )
            return "kept_apart"
        record = article.to_dict()
        record_json = json.dumps(record, ensure_ascii=False, sort_keys=True)
        record_hash = hashlib.sha256(record_json.encode("utf-8")).hexdigest()
        aid = article.id
        existing = self.conn.execute(
            "SELECT record_hash FROM articles WHERE id = ?", (aid,)
        ).fetchone()
        self.conn.execute(
            "INSERT INTO inputs (source, status, article_id, code, message, updated_at) "
            "VALUES (?, 'stored', ?, NULL, NULL, ?) "
            "ON CONFLICT(source) DO UPDATE SET status='stored', article_id=excluded.article_id, "
            "code=NULL, message=NULL, updated_at=excluded.updated_at",
            (source, aid, now),
        )
        if existing is not None and existing["record_hash"] == record_hash:
            return "unchanged"
        values = (
            article.input,
            article.url,
            site_of(article.url),
            article.title,
            article.subtitle,
            json.dumps(list(article.authors), ensure_ascii=False),
            article.publisher,
            article.published,
            article.crawled,
            article.language,
            article.text,
            article.credited_source,
            record_json,
            record_hash,
            json.dumps(dict(provenance), sort_keys=True),
        )
        if existing is None:
            self.conn.execute(
                "INSERT INTO articles (input, url, site, title, subtitle, authors, publisher, "
                "published, crawled, language, text, credited_source, record, record_hash, "
                "stages, ingested_at, updated_at, id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, now, now, aid),
            )
        else:
            self.conn.execute(
                "UPDATE articles SET input=?, url=?, site=?, title=?, subtitle=?, authors=?, "
                "publisher=?, published=?, crawled=?, language=?, text=?, credited_source=?, "
                "record=?, record_hash=?, stages=?, updated_at=? WHERE id=?",
                (*values, now, aid),
            )
            for table in CHILD_TABLES:
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        self._insert_children(aid, article, provenance)
        return "ingested" if existing is None else "updated"

    def _insert_children(self, aid: str, a: Article, provenance: Mapping[str, str]) -> None:
        ex = self.conn.executemany
        ex(
            "INSERT INTO captions VALUES (?, ?, ?, ?)",
            [(aid, i, c.text, c.credit) for i, c in enumerate(a.captions)],
        )
        ex(
            "INSERT INTO removed VALUES (?, ?, ?, ?)",
            [(aid, i, r.text, r.reason) for i, r in enumerate(a.removed)],
        )
        st = provenance.get("entities")
        ex(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, i, e.start, e.end, e.text, e.label, e.name, e.role, st)
                for i, e in enumerate(a.entities)
            ],
        )
        st = provenance.get("quotes")
        ex(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    i,
                    q.kind,
                    q.content.start,
                    q.content.end,
                    q.content.text,
                    q.cue.start if q.cue else None,
                    q.cue.end if q.cue else None,
                    q.cue.text if q.cue else None,
                    q.speaker.start if q.speaker else None,
                    q.speaker.end if q.speaker else None,
                    q.speaker.text if q.speaker else None,
                    q.speaker_name,
                    st,
                )
                for i, q in enumerate(a.quotes)
            ],
        )
        st = provenance.get("claims")
        ex(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    i,
                    c.start,
                    c.end,
                    c.text,
                    c.source_name,
                    c.about,
                    c.value_low,
                    c.value_high,
                    c.qualifier,
                    c.unit,
                    st,
                )
                for i, c in enumerate(a.claims)
            ],
        )
        st = provenance.get("conflicts")
        ex(
            "INSERT INTO conflicts VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    i,
                    c.about,
                    json.dumps(list(c.claims)),
                    json.dumps(list(c.sources), ensure_ascii=False),
                    st,
                )
                for i, c in enumerate(a.conflicts)
            ],
        )
        st = provenance.get("flags")
        ex(
            "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, i, f.code, f.start, f.end, f.evidence, f.severity, st)
                for i, f in enumerate(a.flags)
            ],
        )
        ex(
            "INSERT INTO article_errors VALUES (?, ?, ?, ?)",
            [(aid, i, e.code, e.message) for i, e in enumerate(a.errors)],
        )

    # -- reading ---------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        row = self.conn.execute(
            "SELECT record FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article.from_dict(json.loads(row["record"])) if row else None

    def find_ids(self, prefix: str) -> list[str]:
        """Article ids starting with ``prefix`` (so users can type a short id)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 10",
            (escaped + "%",),
        ).fetchall()
        return [r["id"] for r in rows]

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every stored Article record, in ingestion order."""
        for row in self.conn.execute("SELECT record FROM articles ORDER BY rowid"):
            yield json.loads(row["record"])

    def count(self, table: str = "articles") -> int:
        if table not in (*CHILD_TABLES, "articles", "inputs", "kept_apart"):
            raise StoreError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def kept_apart(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT source, code, message, updated_at FROM kept_apart ORDER BY source"
        ).fetchall()
        return [dict(r) for r in rows]

    def stored_sources(self, sources: Sequence[str]) -> set[str]:
        """Which of ``sources`` are already recorded (stored or kept apart): for resuming."""
        out: set[str] = set()
        for i in range(0, len(sources), 500):
            chunk = list(sources[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT source FROM inputs WHERE source IN ({marks})", chunk
            ).fetchall()
            out.update(r["source"] for r in rows)
        return out

    def recorded_sources(self, sources: Sequence[str]) -> dict[str, str]:
        """``{source: updated_at}`` for those of ``sources`` already recorded: for resuming."""
        out: dict[str, str] = {}
        for i in range(0, len(sources), 500):
            chunk = list(sources[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT source, updated_at FROM inputs WHERE source IN ({marks})", chunk
            ).fetchall()
            out.update((r["source"], r["updated_at"]) for r in rows)
        return out

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and text, best first, with highlighted snippets.

        The user's words are quoted as FTS5 phrases, so punctuation and FTS operators in
        the query are searched for, never interpreted.
        """
        match = fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.url, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip, "
            "bm25(articles_fts, 5.0, 1.0) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return [SearchHit(r["id"], r["title"], r["url"], r["snip"], r["rank"]) for r in rows]


def fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: every word a quoted phrase, ANDed."""
    words = [w for w in query.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"cannot start a transaction: {e}") from e

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"cannot commit: {e}") from e
        else:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"database write failed: {exc}") from exc


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
