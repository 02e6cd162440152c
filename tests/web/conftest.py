from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from presstrace.web import create_app
from tests.web.corpus import build_db


@pytest.fixture()
def db_with_stories(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "stories.db"
    return path, build_db(path, with_stories=True)


@pytest.fixture()
def db_plain(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "plain.db"
    return path, build_db(path, with_stories=False)


@pytest.fixture()
def client(db_with_stories: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(db_with_stories[0])) as c:
        yield c


@pytest.fixture()
def ids(db_with_stories: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return db_with_stories[1]
