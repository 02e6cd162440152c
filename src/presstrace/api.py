"""The library's front door: analyse bytes, text or paths with one call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .pipeline import Pipeline
from .readers import iter_documents
from .records import Article, Document, DocumentKind
from .resources import Resources


def analyze(
    content: str | bytes,
    *,
    kind: DocumentKind = "html",
    url: str | None = None,
    source: str = "<memory>",
    pipeline: Pipeline | None = None,
) -> Article:
    """Analyse one page given as HTML, saved page text, or (``kind="plain"``) a bare body."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    charset = "utf-8" if isinstance(content, str) else None
    doc = Document(source=source, data=data, kind=kind, url=url, charset=charset)
    return (pipeline or Pipeline()).run_batch([doc])[0]


def analyze_paths(
    paths: Sequence[str],
    *,
    plain: bool = False,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    resources: Resources | None = None,
) -> Iterator[Article]:
    """Analyse files and folders; one Article per input, in input order."""
    pipe = pipeline or Pipeline(resources=resources)
    docs: Iterable[Document] = iter_documents(
        paths, plain=plain, url=url, max_bytes=pipe.resources.settings.max_input_bytes
    )
    return pipe.run(docs)
