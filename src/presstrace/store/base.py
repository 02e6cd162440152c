"""The store: the only code that speaks SQL, on SQLite or PostgreSQL.

One row per article, quote, entity mention, claim and flag, in plain tables a person
can read with ``sqlite3``, ``psql`` or Datasette. The schema evolves by numbered migrations
recorded in ``schema_migrations``. Writes are idempotent upserts keyed by the stable
article id; the full JSON record is kept beside the rows so an export reproduces the
record exactly. Every statement is parameterised. The queries here are written once, with
``?`` placeholders, in SQL both engines accept; the differences live in a ``Backend``.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from ..errors import StoreError
from ..records import Article, Fingerprint
from ..sites import SiteProfile
from .backend import Backend, is_database_url
from .rows import (
    _SUMMARY,
    _SUMMARY_COLUMNS,
    CopyLink,
    CorpusRow,
    QuoteHit,
    SearchHit,
    StoryRow,
    _article_ref,
    _claim,
    _now,
    _original_side,
    _quote,
    _summary,
    _where,
    site_of,
)

UpsertResult = Literal["ingested", "updated", "unchanged", "kept_apart"]

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


def job_family(job: str) -> str:
    """What every version of a corpus job's name starts with: "copies.v" for "copies.v2"."""
    head, sep, version = job.rpartition(".v")
    return head + sep if sep and version.isdigit() else job


class Store:
    """A presstrace database: a SQLite file (``":memory:"`` for tests) or a
    ``postgresql://`` URL."""

    def __init__(self, target: str | Path, *, readonly: bool = False) -> None:
        self.path = str(target)
        self.readonly = readonly
        self.backend = backend_for(self.path)
        self._present: set[str] = set()
        self.conn: Any = self.backend.connect(self.path, readonly)
        if not readonly:
            try:
                self.migrate()
            except StoreError:
                self.conn.close()
                raise

    # -- schema ----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        if not self.backend.has_table(self.conn, "schema_migrations"):
            return 0
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        """Apply every numbered migration not yet recorded, each in its own transaction."""
        applied: set[int] = set()
        if self.backend.has_table(self.conn, "schema_migrations"):
            applied = {
                int(r[0]) for r in self.conn.execute("SELECT version FROM schema_migrations")
            }
        for number, sql in sorted(self.backend.migrations):
            if number in applied:
                continue
            try:
                self.conn.execute(self.backend.begin_sql)
                self.backend.lock(self.conn, "presstrace migrations")
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                done = self.conn.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (number,)
                ).fetchone()
                if done is None:  # another process may have applied it meanwhile
                    self.backend.run_script(self.conn, sql)
                    self.conn.execute(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        (number, _now()),
                    )
                self.conn.execute("COMMIT")
            except self.backend.error as e:
                _rollback_quietly(self)
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
        with self.transaction(), self.backend.pipeline(self.conn):
            return [self._upsert(a, provenance or {}) for a in articles]

    def transaction(self) -> _Transaction:
        return _Transaction(self)

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
        self.backend.lock(self.conn, aid)
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
            "ORDER BY a.site NULLS FIRST, a.rowid, f.idx LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [dict(r) for r in rows]

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and text, best first, with highlighted snippets.

        Every word must match; punctuation and search operators in the query are searched
        for, never interpreted.
        """
        ranked = self.backend.search_ranked(self.conn, query, limit, offset)
        if not ranked:
            return []
        rowids = [rid for rid, _ in ranked]
        rows = {
            r["rowid"]: r
            for r in self.conn.execute(
                "SELECT rowid, id, title, url FROM articles "
                f"WHERE rowid IN ({self.backend.in_int_values})",
                (json.dumps(rowids),),
            )
        }
        snips = self.backend.snippets(self.conn, query, rowids, ("[", "]"), 12)
        return [
            SearchHit(rows[rid]["id"], rows[rid]["title"], rows[rid]["url"], snips[rid], rank)
            for rid, rank in ranked
            if rid in rows and rid in snips
        ]

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
        them, or (``touching``) only those with one end among these article ids. A full
        run ("copies.v2") also replaces what earlier versions of the job ("copies.v1")
        stored: their links were judged by an older verifier."""
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
                self.conn.execute(
                    "DELETE FROM copies WHERE made_by LIKE ?", (job_family(made_by) + "%",)
                )
            else:
                ids = json.dumps(sorted(touching))
                values = self.backend.in_values
                self.conn.execute(
                    "DELETE FROM copies WHERE made_by = ? "
                    f"AND (a IN ({values}) OR b IN ({values}))",
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
        if not self.backend.has_table(self.conn, "schema_migrations"):
            return False
        row = self.conn.execute(
            "SELECT 1 FROM schema_migrations WHERE version = ?", (2,)
        ).fetchone()
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
            "SELECT * FROM stories WHERE size >= ? ORDER BY size DESC, first NULLS FIRST, id",
            (min_size,),
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
            "WHERE CAST(? AS TEXT) IS NULL OR lower(q.speaker_name) LIKE ? ESCAPE '\\' "
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
        return self.backend.has_table(self.conn, name)

    def _columns(self, table: str) -> set[str]:
        return self.backend.columns(self.conn, table)

    def _has_stories(self) -> bool:
        return self._once_true(
            "stories",
            lambda: (
                self.has_table("stories")
                and {"story_id", "article_id"} <= self._columns("story_articles")
            ),
        )

    def _has_copies(self) -> bool:
        return self._once_true(
            "copies", lambda: {"a", "b", "relation", "score", "original"} <= self._columns("copies")
        )

    def _once_true(self, key: str, check: Callable[[], bool]) -> bool:
        """``check()``, remembered once true: migrations add tables, never drop them, and
        each web request asks (a catalog query is a server round trip on PostgreSQL)."""
        if key in self._present:
            return True
        found = check()
        if found:
            self._present.add(key)
        return found

    def recent_articles(
        self, limit: int = 50, offset: int = 0, site: str | None = None
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first, undated ones last (optionally of one site)."""
        where, params = _where(self.backend.in_values, ("a.site = ?", site))
        # Pick the page first, then count quotes/claims/flags for those rows only.
        rows = self.conn.execute(
            "WITH page AS (SELECT a.rowid AS rid, a.published AS p FROM articles a" + where + " "
            "ORDER BY a.published DESC NULLS LAST, a.rowid DESC LIMIT ? OFFSET ?) "
            + _SUMMARY_COLUMNS
            + " FROM page JOIN articles a ON a.rowid = page.rid "
            "ORDER BY page.p DESC NULLS LAST, page.rid DESC",
            (*params, limit, offset),
        ).fetchall()
        return [_summary(r) for r in rows]

    def search_articles(
        self, query: str, limit: int = 20, offset: int = 0, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text hits as article summaries with a ``snippet`` (matches between marks)."""
        # Rank first, then make snippets for the page only: snippets in the ranking
        # query would be made for every match, not just the rows shown.
        ranked = self.backend.search_ranked(self.conn, query, limit, offset)
        if not ranked:
            return []
        rowids = [rid for rid, _ in ranked]
        rows = self.conn.execute(
            _SUMMARY_COLUMNS + ", a.rowid AS rid FROM articles a "
            f"WHERE a.rowid IN ({self.backend.in_int_values})",
            (json.dumps(rowids),),
        ).fetchall()
        by_rowid = {r["rid"]: r for r in rows}
        snips = self.backend.snippets(self.conn, query, rowids, marks, 16)
        return [
            {**_summary(by_rowid[rid]), "snippet": snips[rid], "rank": rank}
            for rid, rank in ranked
            if rid in by_rowid and rid in snips
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

    def _per_article(
        self,
        table: Literal["quotes", "claims", "conflicts"],
        columns: str,
        filters: tuple[tuple[str, Any], ...],
        limit: int,
        offset: int,
    ) -> list[Any]:
        """Rows of one per-article table with their article, newest article first, in
        text order within an article. ``table`` and ``columns`` come from this module
        only; every value travels as a parameter."""
        alias = {"quotes": "q", "claims": "c", "conflicts": "k"}[table]
        where, params = _where(self.backend.in_values, *filters)
        return list(
            self.conn.execute(
                f"SELECT {columns}, a.title, a.url, a.site, a.published FROM {table} {alias} "
                f"JOIN articles a ON a.id = {alias}.article_id{where} "
                f"ORDER BY a.published DESC NULLS LAST, {alias}.article_id, {alias}.idx "
                "LIMIT ? OFFSET ?",
                (*params, limit, offset),
            ).fetchall()
        )

    def quotes(
        self,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
        article_ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes with their article, newest first; by one speaker or among some articles."""
        rows = self._per_article(
            "quotes",
            "q.*",
            (("q.speaker_name = ?", speaker), ("q.article_id", article_ids)),
            limit,
            offset,
        )
        return [_quote(r) for r in rows]

    def claims(
        self,
        about: str | None = None,
        limit: int = 50,
        offset: int = 0,
        article_ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Claims with their article, newest first; about one quantity or among some articles."""
        rows = self._per_article(
            "claims", "c.*", (("c.about = ?", about), ("c.article_id", article_ids)), limit, offset
        )
        return [_claim(r) for r in rows]

    def conflicts(
        self, limit: int = 50, offset: int = 0, article_ids: Sequence[str] | None = None
    ) -> list[dict[str, Any]]:
        """Conflicts between claims, each with the claims it names resolved."""
        rows = self._per_article(
            "conflicts",
            "k.article_id, k.idx, k.about, k.claims, k.sources",
            (("k.article_id", article_ids),),
            limit,
            offset,
        )
        out = []
        for r in rows:
            idxs = [int(i) for i in json.loads(r["claims"])]
            claim_rows = self.conn.execute(
                "SELECT c.*, a.title, a.url, a.site, a.published FROM claims c "
                "JOIN articles a ON a.id = c.article_id "
                f"WHERE c.article_id = ? AND c.idx IN ({self.backend.in_int_values}) "
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
            "GROUP BY a.site, e.role ORDER BY a.site NULLS FIRST, mentions DESC",
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
            "SELECT j.value AS name, count(*) AS articles "
            f"FROM articles a, {self.backend.json_items('a.authors', 'j')} "
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
            "ORDER BY last DESC NULLS LAST, sa.story_id LIMIT ? OFFSET ?",
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
            f"SELECT count(*) FROM conflicts WHERE article_id IN ({self.backend.in_values})",
            (json.dumps(ids),),
        ).fetchone()[0]
        return {
            **extra,
            "id": extra.get("id", story_id),  # as stored, whatever type was bound
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
            f"WHERE a IN ({self.backend.in_values}) AND b IN ({self.backend.in_values}) "
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
        key = self.backend.story_key(story_id)
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


class _Transaction:
    """A write transaction (``BEGIN IMMEDIATE`` on SQLite) rolled back on any exception."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        try:
            self.store.conn.execute(self.store.backend.begin_sql)
        except self.store.backend.error as e:
            raise StoreError(f"cannot start a transaction: {e}") from e

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.store.conn.execute("COMMIT")
            except self.store.backend.error as e:
                _rollback_quietly(self.store)
                raise StoreError(f"cannot commit: {e}") from e
        else:
            _rollback_quietly(self.store)
            if isinstance(exc, self.store.backend.error):
                raise StoreError(f"database write failed: {exc}") from exc


def _rollback_quietly(store: Store) -> None:
    """Roll back if a transaction is still open (SQLite ends some failed ones itself)."""
    if store.backend.in_transaction(store.conn):
        try:
            store.conn.execute("ROLLBACK")
        except store.backend.error:
            pass  # the original error is what the user needs to see


def backend_for(target: str) -> Backend:
    """The backend for a database: PostgreSQL for a ``postgresql://`` URL, else SQLite."""
    if is_database_url(target):
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()


def open_store(target: str | Path, *, readonly: bool = False) -> Store:
    """Open the database at a file path or a ``postgresql://user@host/db`` URL."""
    return Store(target, readonly=readonly)
