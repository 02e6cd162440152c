"""The library's front door: analyse bytes, text or paths with one call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .pipeline import Pipeline
from .readers import iter_documents
from .records import Article, Document, DocumentKind
from .resources import Resources

if TYPE_CHECKING:
    from .corpus.copies import Comparison, Side


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


def compare_paths(a: str, b: str, *, plain: bool = False) -> Comparison:
    """Compare two pages read as ``analyze`` reads them (html, saved text, or ``plain``)."""
    from .corpus.copies import compare
    from .corpus.embedding import multilingual_embedder
    from .errors import InputError

    pipe = Pipeline(stages=[])
    articles = list(analyze_paths([a, b], plain=plain, pipeline=pipe))
    if len(articles) != 2:
        raise InputError("compare needs exactly two inputs, each a file or '-'")
    for art in articles:
        if not art.text:
            reason = art.errors[0].message if art.errors else "no text"
            raise InputError(f"{art.input}: {reason}")
    sides = [_side(art) for art in articles]
    res = pipe.resources
    return compare(sides[0], sides[1], resources=res, embed=multilingual_embedder(res))


def _side(article: Article) -> Side:
    from .corpus.copies import Side
    from .store import site_of

    outlet = tuple(n for n in (article.publisher, site_of(article.url)) if n)
    return Side(article.text, article.language, article.published, outlet, article.credited_source)


def compare_pairs(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """``{id, a, b}`` JSON lines in, ``{id, relation, score, original, aligned}`` out."""
    from .corpus.copies import compare
    from .corpus.embedding import multilingual_embedder

    res = Resources()
    embed = multilingual_embedder(res)
    for n, row in _json_lines(lines, ("a", "b")):
        result = compare(str(row["a"]), str(row["b"]), resources=res, embed=embed)
        yield {"id": row.get("id", n), **result.to_dict()}


def cluster_story_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """``{id, text, title?, date?, lang?}`` JSON lines in, ``{id, story}`` out, input order."""
    from .corpus.stories import StoryInput, assignments, cluster

    items = [
        StoryInput(str(row.get("id", n)), str(row["text"]), row.get("title"), row.get("date"))
        for n, row in _json_lines(lines, ("text",))
    ]
    story_of = assignments(cluster(items))
    for item in items:
        yield {"id": item.id, "story": story_of[item.id]}


def _json_lines(
    lines: Iterable[str], needs: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, Any]]]:
    import json

    from .errors import InputError

    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"line {n}: not JSON ({e.msg})") from e
        if not isinstance(row, dict) or any(k not in row for k in needs):
            raise InputError(f"line {n}: needs the keys {', '.join(needs)}")
        yield n, row
