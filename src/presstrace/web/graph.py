"""The copy graph of a story, laid out server-side as SVG coordinates.

Articles sit on a timeline (oldest left) in three staggered rows so labels do not
collide; an edge runs from the original to the copy (an arrow) or, when the original
is unknown, plainly between the two. The template draws it; no JavaScript needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RELATIONS = ("syndicated", "rewritten", "translated", "same_story")
STEP_X = 130
ROW_Y = 70
MARGIN = 60


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    x: int
    y: int
    label: str
    title: str
    is_original: bool


@dataclass(frozen=True, slots=True)
class Edge:
    path: str
    relation: str
    directed: bool
    title: str


@dataclass(frozen=True, slots=True)
class Graph:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def copy_graph(articles: list[dict[str, Any]], copies: list[dict[str, Any]]) -> Graph:
    """Lay out ``articles`` (a timeline, oldest first) and the ``copies`` among them."""
    originals = {c["original"] for c in copies if c["original"]}
    pos: dict[str, tuple[int, int]] = {}
    nodes = []
    for i, a in enumerate(articles):
        x, y = MARGIN + i * STEP_X, MARGIN + (i % 3) * ROW_Y
        pos[a["id"]] = (x, y)
        site = a.get("site") or "?"
        nodes.append(
            Node(
                a["id"],
                x,
                y,
                site if len(site) <= 22 else site[:21] + "…",
                f"{a.get('title') or '(untitled)'} ({site}, {a.get('published') or 'no date'})",
                a["id"] in originals,
            )
        )
    edges = []
    for c in copies:
        if c["a"] not in pos or c["b"] not in pos:
            continue
        src, dst = (c["a"], c["b"]) if c["original"] != c["b"] else (c["b"], c["a"])
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        # Bend each edge upward so edges between nodes of one row stay apart.
        mx, my = (x1 + x2) // 2, max(5, min(y1, y2) - 30 - abs(x2 - x1) // 6)
        relation = c["relation"] if c["relation"] in RELATIONS else "other"
        score = c.get("score")
        edges.append(
            Edge(
                f"M{x1},{y1} Q{mx},{my} {x2},{y2}",
                relation,
                c["original"] is not None,
                f"{relation}" + (f" (score {score:.2f})" if isinstance(score, int | float) else ""),
            )
        )
    width = MARGIN * 2 + max(len(articles) - 1, 0) * STEP_X
    height = MARGIN * 2 + 2 * ROW_Y
    return Graph(width, height, tuple(nodes), tuple(edges))
