"""GET /api/ask: the explorer's question box, over the real Serge record."""

from __future__ import annotations

import pytest

from test_web import failed, ok, serge_client  # noqa: F401  (shared fixtures of the web tests)

pytestmark = pytest.mark.model


def test_ask_answers_with_a_citation(serge_client):
    data = ok(serge_client.get("/api/ask", params={"q": "When did Serge arrive in Petrograd?"}))
    assert data["found"] is True
    assert "1919" in str(data["value"])
    cite = data["citations"][0]
    assert cite["document"] == "victor-serge.txt"
    assert cite["quote"] and cite["span"][1] > cite["span"][0]


def test_ask_says_when_the_text_does_not(serge_client):
    data = ok(serge_client.get("/api/ask", params={"q": "What was Serge's favourite colour?"}))
    assert data["found"] is False
    assert data["answer"] == "The text does not say."


def test_ask_validates_and_limits(serge_client):
    failed(serge_client.get("/api/ask"), 422)
    failed(serge_client.get("/api/ask", params={"q": "x" * 400}), 422)
    failed(serge_client.get("/api/ask", params={"q": "Who?", "doc": "nobody.txt"}), 404)


@pytest.mark.parametrize("fmt", ["liferecord", "jsonld", "csv", "geojson", "bibtex"])
def test_download_menu_formats(serge_client, fmt):
    from vitagraph.export import MEDIA

    r = serge_client.get(f"/api/documents/victor-serge.txt/export/{fmt}")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(MEDIA[fmt][1])
    assert "attachment" in r.headers["content-disposition"]
    assert len(r.content) > 100


def test_download_unknown_format(serge_client):
    failed(serge_client.get("/api/documents/victor-serge.txt/export/docx"), 404)
