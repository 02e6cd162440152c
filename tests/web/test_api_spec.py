"""Property-based checks of every API operation in /openapi.json (hypothesis).

Parameters are drawn from each operation's own schema, plus hostile strings and
out-of-range numbers: every answer must be JSON, 200 or one of the declared errors in
the one error shape, never a 500.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presstrace.web import create_app
from tests.web.corpus import build_db

HOSTILE = st.sampled_from(
    ["' OR 1=1 --", '"', "*", "NEAR(", "\x00", "<script>", "%", "../..", "Elena Garcia", "killed"]
)


def value_for(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    kinds = [s.get("type") for s in schema.get("anyOf", [schema])]
    if "integer" in kinds:
        return st.integers(min_value=-(2**70), max_value=2**70) | st.integers(-2, 300)
    return st.text(max_size=40) | HOSTILE


def test_every_operation_answers_json_without_crashing(tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp("spec") / "spec.db"
    ids = build_db(path, with_stories=True)
    client = TestClient(create_app(path), raise_server_exceptions=False)
    spec = client.get("/openapi.json").json()
    operations = [(p, op["get"]) for p, op in spec["paths"].items() if "get" in op]
    assert len(operations) >= 10

    @st.composite
    def requests(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
        template, op = draw(st.sampled_from(operations))
        url, params = template, {}
        for prm in op.get("parameters", []):
            value = draw(value_for(prm["schema"]))
            if prm["in"] == "path":
                if prm["name"] == "article_id" and draw(st.booleans()):
                    value = ids["courier"]
                url = url.replace("{" + prm["name"] + "}", quote(str(value), safe="") or "x")
            elif draw(st.booleans()):
                params[prm["name"]] = value
        return url, params

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(requests())
    def check(req: tuple[str, dict[str, Any]]) -> None:
        url, params = req
        r = client.get(url, params=params)
        assert r.status_code in (200, 404, 422), (url, params, r.text)
        body = r.json()
        if r.status_code != 200:
            assert body == {"ok": False, "error": body["error"], "status": r.status_code}

    check()
