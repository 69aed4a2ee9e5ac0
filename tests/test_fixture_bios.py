"""Consistency checks for the fixture biographies in tests/fixtures/bios/.

Every ``NAME.txt`` there must come with a gold record ``NAME.json``
(``liferecord/1``) and questions ``NAME.qa.jsonl`` (``qa/1``); new fixtures
are picked up by glob. The checks that need the official scorer
(``shared/eval/score.py``) find it through ``$VITAGRAPH_EVAL_DIR``, a
``shared/eval`` folder beside the repository, or ``/work/shared/eval``, and
are skipped when none exists. Standard library and pytest only.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

BIOS = Path(__file__).resolve().parent / "fixtures" / "bios"
STEMS = sorted(p.stem for p in BIOS.glob("*.txt"))

EVENT_TYPES = set(
    "born died buried moved traveled studied worked joined left expelled founded "
    "arrested imprisoned released exiled married child published wrote participated "
    "collaborated conflict illness honored".split()
)
QA_KINDS = {"when", "where", "who", "what", "which", "how-long", "how-many", "yes-no", "none"}


def _find_score():
    root = Path(__file__).resolve().parents[1]
    candidates = [os.environ.get("VITAGRAPH_EVAL_DIR"), root.parent / "shared" / "eval", "/work/shared/eval"]
    for c in candidates:
        if c and (Path(c) / "score.py").is_file():
            spec = importlib.util.spec_from_file_location("_fixture_score", Path(c) / "score.py")
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    return None


SCORE = _find_score()
needs_score = pytest.mark.skipif(SCORE is None, reason="shared/eval/score.py not found")


def _load(stem: str):
    text = (BIOS / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((BIOS / f"{stem}.json").read_text(encoding="utf-8"))
    qa = [json.loads(line) for line in (BIOS / f"{stem}.qa.jsonl").read_text(encoding="utf-8").splitlines()
          if line.strip()]
    return text, gold, qa


def _place_names(gold: dict) -> set[str]:
    return {n for p in gold["places"] for n in [p["name"], *(p.get("aliases") or [])]}


def _entity_names(gold: dict) -> set[str]:
    out = set()
    for e in gold["people"] + gold["organizations"]:
        out |= {e["name"], *(e.get("aliases") or [])}
    for w in gold["works"]:
        out |= {w["title"], *(w.get("aliases") or [])}
    return out


def test_there_are_enough_fixtures():
    assert len(STEMS) >= 4


@pytest.mark.parametrize("stem", STEMS)
def test_files_present(stem):
    assert (BIOS / f"{stem}.json").is_file()
    assert (BIOS / f"{stem}.qa.jsonl").is_file()


@pytest.mark.parametrize("stem", STEMS)
def test_text_format(stem):
    text, _, _ = _load(stem)
    assert 8_000 <= len(text.encode("utf-8")) <= 20_000
    assert re.match(r"= .+ =\n", text)
    assert "\nInfobox\n- Born: " in text
    assert re.search(r"^==[^=].*==$", text, re.M)
    assert re.search(r"^===[^=].*===$", text, re.M)
    assert re.search(r"^- ", text, re.M)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_record(stem):
    text, gold, _ = _load(stem)
    assert gold["format"] == "liferecord/1"
    assert gold["document"] == f"{stem}.txt"
    places = _place_names(gold)
    entities = _entity_names(gold)
    for life in ("born", "died"):
        place = (gold["subject"].get(life) or {}).get("place")
        assert place is None or place in places, (life, place)
    assert gold["events"], "no events"
    for ev in gold["events"]:
        assert ev["type"] in EVENT_TYPES, ev
        q = ev["quote"]
        assert text.count(q) == 1, f"quote must occur exactly once: {q!r}"
        assert ev["place"] is None or ev["place"] in places, ev
        for name in ev["with"]:
            assert name in entities, (name, ev["quote"])
    for p in gold["places"]:
        assert (p["lat"] is None) == (p["lon"] is None), p
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p
    for group in ("people", "organizations"):
        for e in gold[group]:
            names = [e["name"], *(e.get("aliases") or [])]
            assert any(n in text for n in names), e
    for w in gold["works"]:
        assert w["title"] in text or any(a in text for a in w.get("aliases") or []), w


@needs_score
@pytest.mark.parametrize("stem", STEMS)
def test_gold_dates_parse(stem):
    _, gold, qa = _load(stem)
    dates = [ev["date"] for ev in gold["events"]]
    dates += [(gold["subject"].get(k) or {}).get("date") for k in ("born", "died")]
    dates += [w["year"] for w in gold["works"]]
    dates += [q["answers"][0] for q in qa if q["kind"] == "when"]
    for d in dates:
        assert d is None or SCORE.edtf_bounds(d) is not None, d


@needs_score
@pytest.mark.parametrize("stem", STEMS)
def test_gold_scores_one_against_itself(stem):
    text, gold, _ = _load(stem)
    tally, problems = SCORE.Tally(), []
    SCORE.score_one(gold, gold, text, tally, problems)
    assert problems == []
    summary = SCORE.summarize(tally)
    for key, value in summary.items():
        v = value["f1"] if isinstance(value, dict) else value
        assert v in (1.0, None), (key, value)


@pytest.mark.parametrize("stem", STEMS)
def test_questions(stem):
    text, _, qa = _load(stem)
    assert 15 <= len(qa) <= 25
    ids = [q["id"] for q in qa]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(rf"{re.escape(stem)}-\d\d", i) for i in ids), ids
    unanswerable = [q for q in qa if not q["answers"]]
    assert len(unanswerable) >= 2
    for q in qa:
        assert q["document"] == f"{stem}.txt"
        assert q["kind"] in QA_KINDS, q
        assert q["q"].strip()
        if q["answers"]:
            assert q["kind"] != "none", q
            ev = q["evidence"]
            assert text.count(ev) == 1, f"evidence must occur exactly once: {ev!r}"
        else:
            assert q["kind"] == "none" and not q.get("evidence"), q
