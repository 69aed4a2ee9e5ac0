"""The json export: the whole Record, round-tripped, with quotes that match the offsets."""

from __future__ import annotations

import json

import pytest

from test_export_common import TEXT, empty, empty_document, malformed, malformed_document, odd, odd_document
from vitagraph.export import json as json_export


def test_round_trip():
    record = odd()
    assert json_export.load(json_export.export(record, odd_document())) == record


def test_round_trip_empty():
    assert json_export.load(json_export.export(empty(), empty_document())) == empty()


def test_every_quote_is_the_text_at_its_offsets():
    data = json.loads(json_export.export(odd(), odd_document()))
    spans = [e["evidence"] for e in data["events"]] + [c["evidence"] for c in data["claims"]]
    spans += [c["quote"] for c in data["claims"] if c["quote"]] + [e for w in data["works"] for e in w["evidence"]]
    assert len(spans) > 10
    for s in spans:
        assert s["quote"] == TEXT[s["start"] : s["end"]]
    assert data["source"]["sha256"] == odd_document().sha256
    assert data["format"] == "vitagraph-record/1"


def test_odd_characters_survive():
    data = json.loads(json_export.export(odd(), odd_document()))
    assert data["subject"]["name"] == 'Zoë "Zed" Ōkawa'
    assert data["works"][0]["original_title"] == "<script>alert('x')</script>"
    assert data["works"][2]["title"] == 'The "Long"\nNight {draft}'
    assert data["places"][2]["aliases"] == ["القاهرة"]


def test_malformed_record_is_strict_json():
    data = json_export.export(malformed(), malformed_document())
    parsed = json.loads(data)  # no NaN, no lone surrogates
    assert parsed["places"][0]["lat"] is None
    assert parsed["events"][0]["evidence"]["quote"] == ""  # runs past the text


def test_load_refuses_other_json():
    with pytest.raises(ValueError):
        json_export.load(b'{"format": "liferecord/1"}')
