"""Shared fixtures: one spaCy model per test session, loaded only by tests that need it."""

from __future__ import annotations

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
