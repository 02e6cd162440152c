"""What a database backend must provide: the few places where SQLite and PostgreSQL differ.

Everything else (upserts, reads, the corpus tables, the web views) is written once in
``base.Store`` with ``?`` placeholders and SQL both databases accept.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any
from urllib.parse import urlsplit, urlunsplit

URL_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(target: object) -> bool:
    """Whether ``--db`` names a database server (a URL) rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def display_name(target: object) -> str:
    """The database as shown in messages: a URL without its password."""
    text = str(target)
    if not is_database_url(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    netloc = f"{parts.username or ''}:***@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


class Backend(ABC):
    """One database engine: connecting, its schema, catalog look-ups and full-text search."""

    name: str
    error: type[Exception]  # the driver's base exception
    migrations: Sequence[tuple[int, str]]
    begin_sql: str  # starts a write transaction
    # A sub-query over the items of one bound JSON array, as text and as integers.
    in_values: str
    in_int_values: str

    @abstractmethod
    def connect(self, target: str, readonly: bool) -> Any:
        """A connection whose ``execute(sql, params)`` takes ``?`` placeholders and returns
        rows readable by column name and by position."""

    @abstractmethod
    def in_transaction(self, conn: Any) -> bool: ...

    @abstractmethod
    def run_script(self, conn: Any, sql: str) -> None:
        """Run a migration's statements (inside the caller's transaction)."""

    @abstractmethod
    def has_table(self, conn: Any, name: str) -> bool:
        """Whether a table or view of this name exists."""

    @abstractmethod
    def columns(self, conn: Any, table: str) -> set[str]: ...

    @abstractmethod
    def json_items(self, column: str, alias: str) -> str:
        """A FROM item listing the items of a JSON array column as ``alias.value``."""

    def lock(self, conn: Any, key: str) -> None:
        """Hold ``key`` until the current transaction ends, so two writers of one article
        (or two migrating processes) take turns. SQLite already has a single writer."""
        return None

    def pipeline(self, conn: Any) -> AbstractContextManager[Any]:
        """Statements sent without waiting for each answer until one is read (a server
        round trip per statement is what a batch of upserts would otherwise wait on)."""
        return nullcontext()

    @abstractmethod
    def search_ranked(
        self, conn: Any, query: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """``(articles.rowid, rank)`` of full-text matches, best (lowest rank) first. Every
        word must match; punctuation and search operators are searched for, never obeyed."""

    @abstractmethod
    def snippets(
        self, conn: Any, query: str, rowids: Sequence[int], marks: tuple[str, str], words: int
    ) -> dict[int, str]:
        """A passage of each article's text around the matches, matches between ``marks``."""

    def story_key(self, story_id: str) -> Any:
        """The value to bind for a story id typed by a user."""
        return story_id
