"""TimelineJS3: slides with start/end at the value's own precision, uncertainty said in display_date."""

from __future__ import annotations

import json

from test_export_common import SUBJECT_NAME, empty, empty_document, malformed, malformed_document, odd, odd_document
from vitagraph.export import timelinejs
from vitagraph.model import Record, Subject, Work

DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink",
              "unique_id"}


def check(data: dict) -> None:
    """The TimelineJS3 JSON format (https://timeline.knightlab.com/docs/json-format.html)."""
    assert set(data) <= {"title", "events", "eras", "scale"}
    assert isinstance(data["events"], list)
    ids = [s["unique_id"] for s in data["events"]]
    assert len(ids) == len(set(ids))
    for slide in data["events"]:
        assert set(slide) <= SLIDE_KEYS
        for key in ("start_date", "end_date"):
            if key in slide:
                d = slide[key]
                assert set(d) <= DATE_KEYS and "year" in d
                assert all(isinstance(v, str) and v.lstrip("-").isdigit() for k, v in d.items() if k != "display_date")
                if "month" in d:
                    assert 1 <= int(d["month"]) <= 12
                if "day" in d:
                    assert "month" in d and 1 <= int(d["day"]) <= 31
        assert isinstance(slide["text"]["headline"], str) and isinstance(slide["text"]["text"], str)
        assert isinstance(slide.get("display_date", ""), str)


def load(record=None, document=None) -> dict:
    data = json.loads(timelinejs.export(record or odd(), document or odd_document()))
    check(data)
    return data


def slide(data, unique_id):
    return next(s for s in data["events"] if s["unique_id"] == unique_id)


def test_slides():
    data = load()
    assert data["title"]["text"]["headline"] == "Zoë &quot;Zed&quot; Ōkawa"
    born = slide(data, "event-0")
    assert born["start_date"] == {"year": "1890", "month": "3", "day": "3"} and "end_date" not in born
    assert born["display_date"] == "3 March 1890"
    prison = slide(data, "event-2")
    assert prison["start_date"] == {"year": "1913"}  # a year stays a year
    assert prison["end_date"] == {"year": "1917", "month": "1"}
    assert prison["display_date"] == "1913 – January 1917"
    spring = slide(data, "event-3")
    assert spring["start_date"] == {"year": "1927", "month": "3"} and spring["end_date"] == {"year": "1927", "month": "5"}
    assert spring["display_date"] == "spring 1927"
    died = slide(data, "event-8")
    assert died["start_date"] == {"year": "1947"} and died["display_date"] == "c. 1947"
    bc = slide(data, "event-5")
    assert bc["start_date"] == {"year": "-43", "month": "3", "day": "15"} and bc["display_date"] == "15 March 44 BC"
    assert "event-6" not in [s["unique_id"] for s in data["events"]]  # undated: no place on a timeline
    assert [s["unique_id"] for s in data["events"]][0] == "event-5"  # in time order


def test_text_is_escaped_html():
    raw = timelinejs.export(odd(), odd_document()).decode("utf-8")
    assert "<script>" not in raw
    data = load()
    married = slide(data, "event-4")
    assert "Jean &quot;Jack&quot; O&#x27;Neil" in married["text"]["text"]
    assert married["text"]["text"].startswith("<blockquote>")
    assert "nobody-known" in married["text"]["text"]


def test_works_and_life_dates_without_events():
    record = Record("x", Subject("s", SUBJECT_NAME, born_date="1890?", died_date="../1950"),
                    works=(Work("w", "<b>Bold</b>", "192X", "novel", original_title="Orig"),))
    data = load(record)
    assert slide(data, "born")["display_date"] == "1890?"
    assert slide(data, "died")["start_date"] == {"year": "1950"} and slide(data, "died")["display_date"] == "until 1950"
    work = slide(data, "work-0")
    assert work["text"]["headline"] == "<i>&lt;b&gt;Bold&lt;/b&gt;</i>"
    assert work["start_date"] == {"year": "1920"} and work["end_date"] == {"year": "1929"}
    assert work["display_date"] == "1920s"


def test_empty_and_malformed():
    assert load(empty(), empty_document())["events"] == []
    data = load(malformed(), malformed_document())
    assert all(s["start_date"]["year"] for s in data["events"])
