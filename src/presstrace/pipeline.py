"""Stage registry and the pipeline that runs stages over batches of documents.

A stage is a small pure function ``(Article, Doc | None, Resources) -> Article``
registered under a versioned name (``quotes.v3``) with the facts it ``requires`` and
``provides``. The pipeline checks those when it is built, so a missing prerequisite is
a ``ConfigError`` at start-up, not a silent empty list at the end of a long run.

The spaCy parse is not a stage of its own: the pipeline inserts it before the first
stage that needs ``doc`` and runs it batched with ``nlp.pipe`` so the parse dominates
the cost, not our code.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import errors
from .errors import ConfigError, DocumentTimeout
from .records import Article, Document
from .resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

StageFunc = Callable[[Article, "Doc | None", Resources], Article]

# Facts available before any stage runs: what extraction (the structure step) gives.
BASE_FACTS = frozenset({"text", "metadata"})
DOC_FACT = "doc"


@dataclass(frozen=True)
class Stage:
    name: str
    version: int
    func: StageFunc
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()
    english_only: bool = False

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"

    @property
    def uses_doc(self) -> bool:
        return DOC_FACT in self.requires


REGISTRY: dict[str, Stage] = {}


def register(
    name: str,
    version: int,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
    english_only: bool = False,
) -> Callable[[StageFunc], StageFunc]:
    """Decorator: register a stage function under ``name.vVERSION``."""

    def deco(func: StageFunc) -> StageFunc:
        st = Stage(name, version, func, frozenset(requires), frozenset(provides), english_only)
        if st.key in REGISTRY and REGISTRY[st.key].func is not func:
            raise ConfigError(f"stage {st.key} registered twice")
        REGISTRY[st.key] = st
        return func

    return deco


def get_stage(key: str) -> Stage:
    """Look a stage up by ``name.vN`` or by bare ``name`` (highest version)."""
    _load_builtin_stages()
    if key in REGISTRY:
        return REGISTRY[key]
    versions = [s for s in REGISTRY.values() if s.name == key]
    if not versions:
        raise ConfigError(f"unknown stage {key!r}; known: {', '.join(sorted(REGISTRY))}")
    return max(versions, key=lambda s: s.version)


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers the built-in stages)


def default_stage_names() -> list[str]:
    from .stages import DEFAULT_STAGES

    return list(DEFAULT_STAGES)


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` if the block runs longer than ``seconds``.

    Uses ``SIGALRM``, so it only acts in the main thread of a Unix process (CLI and
    worker processes); elsewhere the block runs unbounded.
    """
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocumentTimeout(f"document took longer than {seconds:g}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class RunStats:
    """Counters a run keeps: documents, errors by code, seconds per stage."""

    documents: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))


class Pipeline:
    """An ordered, checked list of stages plus the extraction and parse steps."""

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        resources: Resources | None = None,
        *,
        strict: bool = False,
    ) -> None:
        self.resources = resources or Resources()
        self.strict = strict
        names = default_stage_names() if stages is None else list(stages)
        self.stages: list[Stage] = [get_stage(n) for n in names]
        self._check()
        self.stats = RunStats()

    def _check(self) -> None:
        have = set(BASE_FACTS) | {DOC_FACT}
        for st in self.stages:
            missing = st.requires - have
            if missing:
                raise ConfigError(
                    f"stage {st.key} requires {', '.join(sorted(missing))}, "
                    "which no earlier stage provides"
                )
            have |= st.provides

    @property
    def provenance(self) -> dict[str, str]:
        """Which stage made each fact: stored on every derived row."""
        out: dict[str, str] = {}
        for st in self.stages:
            for fact in st.provides:
                out[fact] = st.key
        return out

    @property
    def needs_parse(self) -> bool:
        return any(st.uses_doc for st in self.stages)

    # -- running -----------------------------------------------------------------

    def extract(self, document: Document) -> Article:
        """Turn one document into an Article (structure recovery); never raises on content."""
        from .extract import extract_document

        t0 = time.perf_counter()
        try:
            with deadline(self.resources.settings.doc_timeout):
                return extract_document(document, self.resources)
        except DocumentTimeout as e:
            return Article(input=document.source, url=document.url).with_error(
                errors.TIMEOUT, str(e)
            )
        finally:
            self.stats.seconds["extract"] += time.perf_counter() - t0

    def run(self, documents: Iterable[Document]) -> Iterator[Article]:
        """Analyse documents in batches; yields one Article per document, in order."""
        batch: list[Document] = []
        size = self.resources.settings.batch_size
        for doc in documents:
            batch.append(doc)
            if len(batch) >= size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)

    def run_batch(self, documents: Sequence[Document]) -> list[Article]:
        articles = [self.extract(d) for d in documents]
        return self.analyze_articles(articles)

    def analyze_articles(self, articles: Sequence[Article]) -> list[Article]:
        """Run the stages over already-extracted Articles (parse batched)."""
        docs: list[Doc | None] = [None] * len(articles)
        if self.needs_parse:
            todo = [i for i, a in enumerate(articles) if self._parseable(a)]
            if todo:
                t0 = time.perf_counter()
                nlp = self.resources.nlp
                texts = [articles[i].text for i in todo]
                for i, one in zip(todo, nlp.pipe(texts, batch_size=16), strict=True):
                    docs[i] = one
                self.stats.seconds["parse"] += time.perf_counter() - t0
        out = []
        for article, parsed in zip(articles, docs, strict=True):
            out.append(self._run_stages(article, parsed))
        return out

    def _parseable(self, article: Article) -> bool:
        return bool(article.text) and not article.errors

    def _run_stages(self, article: Article, parsed: Doc | None) -> Article:
        self.stats.documents += 1
        if article.errors or not article.text:
            self.stats.errors.update(e.code for e in article.errors)
            return article
        english = article.language in (None, "en")
        try:
            with deadline(self.resources.settings.doc_timeout):
                for st in self.stages:
                    if st.uses_doc and parsed is None:
                        continue
                    if st.english_only and not english:
                        continue
                    t0 = time.perf_counter()
                    article = st.func(article, parsed, self.resources)
                    self.stats.seconds[st.key] += time.perf_counter() - t0
        except DocumentTimeout as e:
            article = article.with_error(errors.TIMEOUT, str(e))
        except Exception as e:
            # A bug in a stage must not sink the whole run: the article keeps what the
            # earlier stages found and records which stage failed and why.
            if self.strict:
                raise
            article = article.with_error(errors.STAGE_FAILED, f"{st.key}: {type(e).__name__}: {e}")
        self.stats.errors.update(e.code for e in article.errors)
        return article
