"""Shared fixtures: one spaCy model per test session, loaded only by tests that need it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from presstrace import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    """Resources with the model loaded once for the whole session."""
    res = Resources()
    _ = res.nlp
    return res


@pytest.fixture()
def light_resources() -> Resources:
    """Resources whose model is never touched (for tests with no parse)."""
    return Resources()


PG_URL_ENV = "PRESSTRACE_TEST_PG_URL"


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A URL to a fresh, empty schema on the test PostgreSQL server, dropped afterwards.

    Skips unless PRESSTRACE_TEST_PG_URL names a server (``.ci/postgres.sh start`` starts
    one on loopback and prints its URL)."""
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV} (see .ci/postgres.sh)")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database to open with ``open_store``: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest) -> str:
    """An empty database to open with ``open_store``: SQLite in memory, then PostgreSQL."""
    if request.param == "sqlite":
        return ":memory:"
    return str(request.getfixturevalue("pg_url"))
