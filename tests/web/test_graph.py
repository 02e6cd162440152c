from __future__ import annotations

from presstrace.web.graph import copy_graph

ARTS = [
    {"id": "a", "site": "one.example", "title": "A", "published": "2026-01-01"},
    {"id": "b", "site": "two.example", "title": "B", "published": "2026-01-02"},
    {"id": "c", "site": "three.example", "title": "C", "published": None},
]


def test_edges_run_from_original_to_copy() -> None:
    g = copy_graph(
        ARTS,
        [
            {"a": "b", "b": "a", "relation": "syndicated", "score": 0.9, "original": "a"},
            {"a": "a", "b": "c", "relation": "weird", "score": None, "original": None},
        ],
    )
    xs = {n.id: (n.x, n.y) for n in g.nodes}
    first, second = g.edges
    assert first.path.startswith(f"M{xs['a'][0]},{xs['a'][1]} ")
    assert first.path.endswith(f"{xs['b'][0]},{xs['b'][1]}")
    assert first.directed and first.relation == "syndicated" and "0.90" in first.title
    assert not second.directed and second.relation == "other"
    assert [n.is_original for n in g.nodes] == [True, False, False]
    assert all(0 <= n.x <= g.width and 0 <= n.y <= g.height for n in g.nodes)


def test_copies_of_articles_outside_the_story_are_left_out() -> None:
    g = copy_graph(ARTS[:1], [{"a": "a", "b": "zz", "relation": "rewritten", "original": "a"}])
    assert g.edges == () and len(g.nodes) == 1
