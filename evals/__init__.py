"""Quality evals against ../shared/evaldata, with floors that only ratchet up.

Each eval is a module here exposing ``NAME`` and ``run() -> dict[str, float]``
(higher is better for every metric). ``floors.json`` holds the floor per metric;
``python -m evals --ratchet`` raises floors to what was measured, never lowers them.
"""
