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
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .errors import StoreError
from .records import Article, Fingerprint
from .sites import SiteProfile

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

# Relations in the ``copies`` table that mean one text was made from another (``same_story``
# and ``unrelated`` are verdicts on candidate pairs, not copies).
COPY_RELATIONS = frozenset({"syndicated", "rewritten", "translated"})

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


CORPUS_TABLES = ("fingerprints", "copies", "stories", "story_articles", "corpus_runs")


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


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored quote with its article, for listings by speaker."""

    article_id: str
    title: str | None
    url: str | None
    kind: str
    content: str
    cue: str | None
    speaker: str | None
    speaker_name: str | None


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
                _rollback_quietly(self.conn)
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
            self._put_fingerprint(aid, article, provenance)
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
        self._put_fingerprint(aid, article, provenance)
        return "ingested" if existing is None else "updated"

    def _put_fingerprint(self, aid: str, a: Article, provenance: Mapping[str, str]) -> None:
        fp = a.fingerprint
        if fp is None:
            return
        self.conn.execute(
            "INSERT INTO fingerprints (article_id, minhash, anchors, language, made_by) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "minhash=excluded.minhash, anchors=excluded.anchors, language=excluded.language, "
            "made_by=excluded.made_by",
            (
                aid,
                array("Q", fp.minhash).tobytes(),
                json.dumps(list(fp.anchors), ensure_ascii=False),
                fp.language,
                provenance.get("fingerprint"),
            ),
        )

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
        known = (*CHILD_TABLES, *CORPUS_TABLES, "articles", "inputs", "kept_apart")
        if table not in known:
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

    def roles_by_person(self, names: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """For each person, the roles articles give them, most widely given first, with the
        number of articles giving each."""
        out: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
        for i in range(0, len(names), 500):
            chunk = list(names[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT name, role, count(DISTINCT article_id) AS n FROM entities "
                f"WHERE label = 'PERSON' AND role IS NOT NULL AND name IN ({marks}) "
                "GROUP BY name, role ORDER BY n DESC, role",
                chunk,
            ):
                out[r["name"]].append({"role": r["role"], "articles": r["n"]})
        return out

    def site_profiles(self, site: str | None = None) -> list[SiteProfile]:
        """Per site: articles, share with each flag, share copied from elsewhere, bylines.

        The copied share comes from the ``site_copying`` view (migration 2) once the copy
        job has run; until then it is None ("not measured"), never 0.
        """
        where, params = ("WHERE site = ?", (site,)) if site else ("", ())
        sites = self.conn.execute(
            f"SELECT site, articles FROM site_articles {where} ORDER BY articles DESC, site",
            params,
        ).fetchall()
        flags: dict[str, dict[str, tuple[int, int]]] = {}
        for r in self.conn.execute(
            f"SELECT site, code, flagged, flagged_warning FROM site_flags {where}", params
        ):
            flags.setdefault(r["site"], {})[r["code"]] = (r["flagged"], r["flagged_warning"])
        bylines: dict[str, list[tuple[str, int]]] = {}
        for r in self.conn.execute(
            f"SELECT site, byline, articles FROM site_bylines {where} "
            "ORDER BY articles DESC, byline",
            params,
        ):
            bylines.setdefault(r["site"], []).append((r["byline"], r["articles"]))
        byline_sites = {
            r["byline"]: r["n"]
            for r in self.conn.execute(
                "SELECT byline, count(DISTINCT site) AS n FROM site_bylines GROUP BY byline"
            )
        }
        copied: dict[str, int] | None = None
        if self.has_table("site_copying") and self.corpus_ran("copies"):
            copied = {
                r["site"]: int(r["copied"] or 0)
                for r in self.conn.execute(f"SELECT site, copied FROM site_copying {where}", params)
            }
        return [
            SiteProfile.build(
                r["site"],
                r["articles"],
                flags.get(r["site"], {}),
                None if copied is None else copied.get(r["site"], 0),
                bylines.get(r["site"], []),
                byline_sites,
            )
            for r in sites
        ]

    def flag_rows(
        self, site: str | None = None, severities: Sequence[str] = (), limit: int = 1000
    ) -> list[dict[str, Any]]:
        """Stored flags with their article's site, id and title, most severe codes first."""
        clauses, params = [], []
        if site:
            clauses.append("a.site = ?")
            params.append(site)
        if severities:
            clauses.append(f"f.severity IN ({','.join('?' * len(severities))})")
            params.extend(severities)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(
            "SELECT a.site, a.id AS article_id, a.title, f.code, f.severity, f.start, "
            f'f."end", f.evidence FROM flags f JOIN articles a ON a.id = f.article_id {where} '
            "ORDER BY a.site, a.rowid, f.idx LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [dict(r) for r in rows]

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

    # -- corpus jobs: fingerprints, copy links, stories --------------------------

    def iter_corpus(self) -> Iterator[CorpusRow]:
        """Every stored article with its fingerprint (None where none was made)."""
        rows = self.conn.execute(
            "SELECT a.id, a.text, a.title, a.published, a.site, a.publisher, a.language, "
            "a.credited_source, f.minhash, f.anchors, f.language AS fp_language "
            "FROM articles a LEFT JOIN fingerprints f ON f.article_id = a.id ORDER BY a.rowid"
        )
        for r in rows:
            fp = None
            if r["minhash"] is not None:
                hashes = array("Q")
                hashes.frombytes(r["minhash"])
                fp = Fingerprint(tuple(hashes), tuple(json.loads(r["anchors"])), r["fp_language"])
            yield CorpusRow(
                r["id"],
                r["text"],
                r["title"],
                r["published"],
                r["site"],
                r["publisher"],
                r["language"],
                r["credited_source"],
                fp,
            )

    def replace_copies(
        self, links: Iterable[CopyLink], made_by: str, touching: Collection[str] | None = None
    ) -> int:
        """Replace the copy links the job ``made_by`` stored before with ``links``: all of
        them, or (``touching``) only those with one end among these article ids."""
        rows = [
            (
                link.a,
                link.b,
                link.relation,
                link.score,
                link.original,
                json.dumps(link.aligned),
                made_by,
            )
            for link in links
        ]
        with self.transaction():
            if touching is None:
                self.conn.execute("DELETE FROM copies WHERE made_by = ?", (made_by,))
            else:
                ids = json.dumps(sorted(touching))
                self.conn.execute(
                    "DELETE FROM copies WHERE made_by = ? AND "
                    "(a IN (SELECT value FROM json_each(?)) "
                    "OR b IN (SELECT value FROM json_each(?)))",
                    (made_by, ids, ids),
                )
            self._record_run(made_by)
            self.conn.executemany(
                "INSERT INTO copies (a, b, relation, score, original, aligned, made_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(a, b) DO UPDATE SET "
                "relation=excluded.relation, score=excluded.score, original=excluded.original, "
                "aligned=excluded.aligned, made_by=excluded.made_by",
                rows,
            )
        return len(rows)

    def _record_run(self, job: str) -> None:
        self.conn.execute(
            "INSERT INTO corpus_runs (job, ran_at) VALUES (?, ?) "
            "ON CONFLICT(job) DO UPDATE SET ran_at = excluded.ran_at",
            (job, _now()),
        )

    def corpus_ran(self, prefix: str) -> bool:
        """Whether a corpus job whose name starts with ``prefix`` ("copies") has run."""
        if not self.has_corpus_tables:
            return False
        row = self.conn.execute(
            "SELECT 1 FROM corpus_runs WHERE job LIKE ? LIMIT 1", (prefix + "%",)
        ).fetchone()
        return row is not None

    @property
    def has_corpus_tables(self) -> bool:
        """False for a database written before migration 2 and opened read-only."""
        try:
            row = self.conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (2,)
            ).fetchone()
        except sqlite3.OperationalError:
            return False
        return row is not None

    def copies(self, article_id: str | None = None) -> list[CopyLink]:
        """Copy links (all, or those touching one article), strongest first."""
        if not self.has_corpus_tables:
            return []
        if article_id is None:
            cur = self.conn.execute("SELECT * FROM copies ORDER BY score DESC, a, b")
        else:
            cur = self.conn.execute(
                "SELECT * FROM copies WHERE a = ? OR b = ? ORDER BY score DESC, a, b",
                (article_id, article_id),
            )
        return [
            CopyLink(
                r["a"],
                r["b"],
                r["relation"],
                float(r["score"]),
                r["original"],
                json.loads(r["aligned"]),
            )
            for r in cur
        ]

    def replace_stories(self, stories: Iterable[StoryRow], made_by: str) -> int:
        """Replace all stored stories with ``stories`` (the clustering is global)."""
        n = 0
        with self.transaction():
            self._record_run(made_by)
            self.conn.execute("DELETE FROM story_articles")
            self.conn.execute("DELETE FROM stories")
            for st in stories:
                n += 1
                self.conn.execute(
                    "INSERT INTO stories (id, title, first, last, outlets, size, made_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        st.id,
                        st.title,
                        st.first,
                        st.last,
                        json.dumps(list(st.outlets), ensure_ascii=False),
                        len(st.articles),
                        made_by,
                    ),
                )
                self.conn.executemany(
                    "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
                    [(st.id, aid, i) for i, aid in enumerate(st.articles)],
                )
        return n

    def stories(self, min_size: int = 1) -> list[StoryRow]:
        """Stored stories, largest first, each with its articles in time order."""
        if not self.has_corpus_tables:
            return []
        members: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT story_id, article_id FROM story_articles ORDER BY story_id, position"
        ):
            members.setdefault(r["story_id"], []).append(r["article_id"])
        rows = self.conn.execute(
            "SELECT * FROM stories WHERE size >= ? ORDER BY size DESC, first, id", (min_size,)
        )
        return [
            StoryRow(
                r["id"],
                r["title"],
                r["first"],
                r["last"],
                tuple(json.loads(r["outlets"])),
                tuple(members.get(r["id"], ())),
            )
            for r in rows
        ]

    def quotes_by_speaker(self, speaker: str | None = None, limit: int = 1000) -> list[QuoteHit]:
        """Quotes across the corpus, grouped by canonical speaker (most quoted first,
        unattributed last); ``speaker`` keeps names containing it (case-insensitive)."""
        pattern = None
        if speaker:
            escaped = speaker.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
        rows = self.conn.execute(
            "SELECT q.article_id, a.title, a.url, q.kind, q.content, q.cue, q.speaker, "
            "q.speaker_name FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN (SELECT speaker_name AS name, count(*) AS n FROM quotes "
            "GROUP BY speaker_name) c ON c.name = q.speaker_name "
            "WHERE ? IS NULL OR lower(q.speaker_name) LIKE ? ESCAPE '\\' "
            "ORDER BY q.speaker_name IS NULL, c.n DESC, q.speaker_name, a.rowid, q.idx "
            "LIMIT ?",
            (pattern, pattern, limit),
        ).fetchall()
        return [
            QuoteHit(
                r["article_id"],
                r["title"],
                r["url"],
                r["kind"],
                r["content"],
                r["cue"],
                r["speaker"],
                r["speaker_name"],
            )
            for r in rows
        ]

    # -- browsing: read-only views for the web UI and JSON API -------------------
    # Each returns plain JSON-ready dicts. Tables made by later migrations (stories,
    # story_articles, copies) may be missing: then the views are empty, not errors.

    def has_table(self, name: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def _columns(self, table: str) -> set[str]:
        rows = self.conn.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
        return {r["name"] for r in rows}

    def _has_stories(self) -> bool:
        return self.has_table("stories") and {"story_id", "article_id"} <= self._columns(
            "story_articles"
        )

    def _has_copies(self) -> bool:
        return {"a", "b", "relation", "score", "original"} <= self._columns("copies")

    def recent_articles(
        self, limit: int = 50, offset: int = 0, site: str | None = None
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first, undated ones last (optionally of one site)."""
        where, params = _where(("a.site = ?", site))
        # Pick the page first, then count quotes/claims/flags for those rows only.
        rows = self.conn.execute(
            "WITH page AS (SELECT a.rowid AS rid, a.published AS p FROM articles a" + where + " "
            "ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?) "
            + _SUMMARY_COLUMNS
            + " FROM page JOIN articles a ON a.rowid = page.rid "
            "ORDER BY page.p DESC, page.rid DESC",
            (*params, limit, offset),
        ).fetchall()
        return [_summary(r) for r in rows]

    def search_articles(
        self, query: str, limit: int = 20, offset: int = 0, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text hits as article summaries with a ``snippet`` (matches between marks)."""
        match = fts_query(query)
        if not match:
            return []
        # Rank first, then make snippets for the page only: snippet() in the ranking
        # query would run for every match, not just the rows shown.
        ranked = self.conn.execute(
            "SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        if not ranked:
            return []
        rows = self.conn.execute(
            _SUMMARY_COLUMNS + ", a.rowid AS rid, "
            "snippet(articles_fts, 1, ?, ?, ' … ', 16) AS snip "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))",
            (marks[0], marks[1], match, json.dumps([r["rowid"] for r in ranked])),
        ).fetchall()
        by_rowid = {r["rid"]: r for r in rows}
        return [
            {
                **_summary(by_rowid[h["rowid"]]),
                "snippet": by_rowid[h["rowid"]]["snip"],
                "rank": h["rank"],
            }
            for h in ranked
            if h["rowid"] in by_rowid
        ]

    def article_summaries(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Summaries of the given articles, oldest first, undated last (a timeline)."""
        out: list[dict[str, Any]] = []
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(_SUMMARY + f"WHERE a.id IN ({marks})", chunk).fetchall()
            out.extend(_summary(r) for r in rows)
        out.sort(key=lambda s: (s["published"] is None, s["published"] or "", s["id"]))
        return out

    def quotes(
        self,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
        article_ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes with their article, newest first; by one speaker or among some articles."""
        where, params = _where(("q.speaker_name = ?", speaker), ("q.article_id", article_ids))
        rows = self.conn.execute(
            "SELECT q.*, a.title, a.url, a.site, a.published FROM quotes q "
            "JOIN articles a ON a.id = q.article_id" + where + " "
            "ORDER BY a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_quote(r) for r in rows]

    def claims(
        self,
        about: str | None = None,
        limit: int = 50,
        offset: int = 0,
        article_ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Claims with their article, newest first; about one quantity or among some articles."""
        where, params = _where(("c.about = ?", about), ("c.article_id", article_ids))
        rows = self.conn.execute(
            "SELECT c.*, a.title, a.url, a.site, a.published FROM claims c "
            "JOIN articles a ON a.id = c.article_id" + where + " "
            "ORDER BY a.published DESC, c.article_id, c.idx LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_claim(r) for r in rows]

    def conflicts(
        self, limit: int = 50, offset: int = 0, article_ids: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Conflicts between claims, each with the claims it names resolved."""
        where, params = _where(("k.article_id", article_ids))
        rows = self.conn.execute(
            "SELECT k.article_id, k.idx, k.about, k.claims, k.sources, "
            "a.title, a.url, a.site, a.published FROM conflicts k "
            "JOIN articles a ON a.id = k.article_id" + where + " "
            "ORDER BY a.published DESC, k.article_id, k.idx LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        out = []
        for r in rows:
            idxs = [int(i) for i in json.loads(r["claims"])]
            claim_rows = self.conn.execute(
                "SELECT c.*, a.title, a.url, a.site, a.published FROM claims c "
                "JOIN articles a ON a.id = c.article_id "
                "WHERE c.article_id = ? AND c.idx IN (SELECT value FROM json_each(?)) "
                "ORDER BY c.idx",
                (r["article_id"], json.dumps(idxs)),
            ).fetchall()
            out.append(
                {
                    "article_id": r["article_id"],
                    "idx": r["idx"],
                    "about": r["about"],
                    "sources": json.loads(r["sources"]),
                    "claims": [_claim(c) for c in claim_rows],
                    "article": _article_ref(r),
                }
            )
        return out

    def people(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """People (PERSON entities by canonical name), most mentioned first."""
        rows = self.conn.execute(
            "SELECT e.name, count(*) AS mentions, count(DISTINCT e.article_id) AS articles, "
            "(SELECT count(*) FROM quotes q WHERE q.speaker_name = e.name) AS quotes "
            "FROM entities e WHERE e.label = 'PERSON' GROUP BY e.name "
            "ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [dict(r) for r in rows]

    def person(self, name: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
        """A person's roles as each outlet describes them, and their quotes."""
        roles = self.conn.execute(
            "SELECT a.site, e.role, count(*) AS mentions FROM entities e "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE e.label = 'PERSON' AND e.name = ? "
            "GROUP BY a.site, e.role ORDER BY a.site, mentions DESC",
            (name,),
        ).fetchall()
        ids = [
            r["article_id"]
            for r in self.conn.execute(
                "SELECT DISTINCT article_id FROM entities WHERE label = 'PERSON' AND name = ? "
                "UNION SELECT DISTINCT article_id FROM quotes WHERE speaker_name = ?",
                (name, name),
            )
        ]
        if not ids:
            return None
        return {
            "name": name,
            "roles": [dict(r) for r in roles],
            "articles": self.article_summaries(ids),
            "quotes": self.quotes(speaker=name, limit=limit, offset=offset),
        }

    def site_profile(self, site: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
        """What a site publishes: flag shares, bylines, copies made and copied, articles."""
        head = self.conn.execute(
            "SELECT count(*) AS n, min(published) AS first, max(published) AS last "
            "FROM articles WHERE site = ?",
            (site,),
        ).fetchone()
        n = int(head["n"])
        if n == 0:
            return None
        flags = self.conn.execute(
            "SELECT f.code, count(DISTINCT f.article_id) AS articles FROM flags f "
            "JOIN articles a ON a.id = f.article_id WHERE a.site = ? "
            "GROUP BY f.code ORDER BY articles DESC, f.code",
            (site,),
        ).fetchall()
        bylines = self.conn.execute(
            "SELECT j.value AS name, count(*) AS articles FROM articles a, json_each(a.authors) j "
            "WHERE a.site = ? GROUP BY j.value ORDER BY articles DESC, name LIMIT 50",
            (site,),
        ).fetchall()
        publishers = self.conn.execute(
            "SELECT publisher, count(*) AS articles FROM articles "
            "WHERE site = ? AND publisher IS NOT NULL GROUP BY publisher ORDER BY articles DESC",
            (site,),
        ).fetchall()
        return {
            "site": site,
            "articles_count": n,
            "first_published": head["first"],
            "last_published": head["last"],
            "flags": [{**dict(r), "share": r["articles"] / n} for r in flags],
            "bylines": [dict(r) for r in bylines],
            "publishers": [dict(r) for r in publishers],
            "copies": self._site_copies(site),
            "articles": self.recent_articles(limit, offset, site=site),
        }

    def _site_copies(self, site: str) -> dict[str, list[dict[str, Any]]]:
        """Copy relations where the site's article is the copy, and where it is the original."""
        if not self._has_copies():
            return {"copied_from": [], "copied_by": []}
        rows = self.conn.execute(
            "SELECT c.a, c.b, c.relation, c.original, sa.site AS site_a, sb.site AS site_b "
            "FROM copies c JOIN articles sa ON sa.id = c.a JOIN articles sb ON sb.id = c.b "
            "WHERE (sa.site = ? OR sb.site = ?) AND c.relation != 'unrelated'",
            (site, site),
        ).fetchall()
        copied_from: Counter[tuple[str, str]] = Counter()
        copied_by: Counter[tuple[str, str]] = Counter()
        for r in rows:
            orig = _original_side(r["original"], r["a"], r["b"])
            if orig is None or r["relation"] not in COPY_RELATIONS:
                continue
            orig_site, copy_site = (
                (r["site_a"], r["site_b"]) if orig == "a" else (r["site_b"], r["site_a"])
            )
            if copy_site == site:
                copied_from[(orig_site or "", r["relation"])] += 1
            if orig_site == site:
                copied_by[(copy_site or "", r["relation"])] += 1

        def listed(c: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
            return [
                {"site": s, "relation": rel, "count": k}
                for (s, rel), k in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
            ]

        return {"copied_from": listed(copied_from), "copied_by": listed(copied_by)}

    def copies_of(self, article_id: str) -> list[dict[str, Any]]:
        """Copy relations involving one article, with the other article and who is original."""
        if not self._has_copies():
            return []
        rows = self.conn.execute(
            "SELECT c.a, c.b, c.relation, c.score, c.original FROM copies c "
            "WHERE (c.a = ? OR c.b = ?) AND c.relation != 'unrelated' ORDER BY c.score DESC",
            (article_id, article_id),
        ).fetchall()
        others = {r["b"] if r["a"] == article_id else r["a"] for r in rows}
        refs = {s["id"]: s for s in self.article_summaries(sorted(others))}
        out = []
        for r in rows:
            other = r["b"] if r["a"] == article_id else r["a"]
            side = _original_side(r["original"], r["a"], r["b"])
            orig_id = None if side is None else (r["a"] if side == "a" else r["b"])
            out.append(
                {
                    "other": refs.get(other, {"id": other}),
                    "relation": r["relation"],
                    "score": r["score"],
                    "original": orig_id,
                    "this_is": None
                    if orig_id is None
                    else ("original" if orig_id == article_id else "copy"),
                }
            )
        return out

    def latest_stories(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stories newest first, with outlets, article, copy and conflict counts."""
        if not self._has_stories():
            return []
        rows = self.conn.execute(
            "SELECT sa.story_id, count(*) AS n, max(a.published) AS last, "
            "min(a.published) AS first FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id "
            "ORDER BY last DESC, sa.story_id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [self._story_head(r["story_id"]) for r in rows]

    def _story_ids(self, story_id: Any) -> list[str]:
        rows = self.conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,)
        ).fetchall()
        return [r["article_id"] for r in rows]

    def _story_head(self, story_id: Any) -> dict[str, Any]:
        ids = self._story_ids(story_id)
        articles = self.article_summaries(ids)
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        extra = {k: row[k] for k in row.keys()} if row is not None else {}
        title = extra.get("title") or next((a["title"] for a in articles if a["title"]), None)
        n_conflicts = self.conn.execute(
            "SELECT count(*) FROM conflicts WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        ).fetchone()[0]
        return {
            **extra,
            "id": story_id,
            "title": title,
            "articles_count": len(articles),
            "outlets": sorted({a["site"] for a in articles if a["site"]}),
            "first_published": articles[0]["published"] if articles else None,
            "last_published": max((a["published"] or "" for a in articles), default="") or None,
            "copies_count": sum(c["relation"] in COPY_RELATIONS for c in self._copies_among(ids)),
            "conflicts_count": int(n_conflicts),
        }

    def _copies_among(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        if not self._has_copies() or not ids:
            return []
        idj = json.dumps(list(ids))
        rows = self.conn.execute(
            "SELECT a, b, relation, score, original FROM copies "
            "WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?)) "
            "AND relation != 'unrelated' "
            "ORDER BY score DESC",
            (idj, idj),
        ).fetchall()
        out = []
        for r in rows:
            side = _original_side(r["original"], r["a"], r["b"])
            out.append(
                {
                    "a": r["a"],
                    "b": r["b"],
                    "relation": r["relation"],
                    "score": r["score"],
                    "original": None if side is None else (r["a"] if side == "a" else r["b"]),
                }
            )
        return out

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story: its articles as a timeline, copies among them, quotes and claims."""
        if not self._has_stories():
            return None
        # Story ids may be integers or text: bind digits as an integer so both match.
        key: Any = (
            int(story_id)
            if story_id.isascii() and story_id.isdigit() and len(story_id) < 19
            else story_id
        )
        ids = self._story_ids(key)
        if not ids:
            return None
        head = self._story_head(key)
        return {
            **head,
            "articles": self.article_summaries(ids),
            "copies": self._copies_among(ids),
            "quotes": self.quotes(limit=1000, article_ids=ids),
            "claims": self.claims(limit=1000, article_ids=ids),
            "conflicts": self.conflicts(limit=1000, article_ids=ids),
        }


@dataclass(frozen=True)
class CorpusRow:
    """What the corpus jobs read per article."""

    id: str
    text: str
    title: str | None
    published: str | None
    site: str | None
    publisher: str | None
    language: str | None
    credited_source: str | None
    fingerprint: Fingerprint | None


@dataclass(frozen=True)
class CopyLink:
    """Article ``b`` relates to article ``a``; ``original`` is an article id or None."""

    a: str
    b: str
    relation: str
    score: float
    original: str | None
    aligned: list[dict[str, dict[str, int]]]


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str | None
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    articles: tuple[str, ...]


def fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: every word a quoted phrase, ANDed."""
    # NUL ends the query string inside SQLite's FTS5 parser, leaving a quote open.
    words = [w for w in query.replace('"', " ").replace("\x00", " ").split() if w]
    return " ".join(f'"{w}"' for w in words)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _rollback(self) -> None:
        _rollback_quietly(self.conn)

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
                self._rollback()
                raise StoreError(f"cannot commit: {e}") from e
        else:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"database write failed: {exc}") from exc


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some failed ones itself)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the original error is what the user needs to see


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


_SUMMARY_COLUMNS = (
    "SELECT a.id, a.title, a.url, a.site, a.publisher, a.published, a.language, a.authors, "
    "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes, "
    "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS n_claims, "
    "(SELECT count(*) FROM flags f WHERE f.article_id = a.id) AS n_flags"
)
_SUMMARY = _SUMMARY_COLUMNS + " FROM articles a "


def _summary(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "title": r["title"],
        "url": r["url"],
        "site": r["site"],
        "publisher": r["publisher"],
        "published": r["published"],
        "language": r["language"],
        "authors": json.loads(r["authors"]),
        "quotes_count": r["n_quotes"],
        "claims_count": r["n_claims"],
        "flags_count": r["n_flags"],
    }


def _article_ref(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["article_id"],
        "title": r["title"],
        "url": r["url"],
        "site": r["site"],
        "published": r["published"],
    }


def _opt_span(r: sqlite3.Row, name: str) -> dict[str, Any] | None:
    if r[f"{name}_start"] is None:
        return None
    return {"start": r[f"{name}_start"], "end": r[f"{name}_end"], "text": r[name]}


def _quote(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "idx": r["idx"],
        "kind": r["kind"],
        "content": {"start": r["content_start"], "end": r["content_end"], "text": r["content"]},
        "cue": _opt_span(r, "cue"),
        "speaker": _opt_span(r, "speaker"),
        "speaker_name": r["speaker_name"],
        "stage": r["stage"],
        "article": _article_ref(r),
    }


def _claim(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "idx": r["idx"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "source_name": r["source_name"],
        "about": r["about"],
        "value_low": r["value_low"],
        "value_high": r["value_high"],
        "qualifier": r["qualifier"],
        "unit": r["unit"],
        "stage": r["stage"],
        "article": _article_ref(r),
    }


def _where(*conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause from fixed SQL fragments whose value is not None (values bound).

    A fragment without ``?`` names a column that must be one of a list of values.
    """
    parts: list[str] = []
    params: list[Any] = []
    for fragment, value in conditions:
        if value is None:
            continue
        if "?" in fragment:
            parts.append(fragment)
            params.append(value)
        else:
            parts.append(f"{fragment} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(value)))
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def _original_side(original: Any, a: str, b: str) -> Literal["a", "b"] | None:
    """Which side of a copies row is the original: stored as "a"/"b" or as an article id."""
    if original in ("a", a):
        return "a"
    if original in ("b", b):
        return "b"
    return None
