"""The extraction pipeline on real text (loads the spaCy model once per session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vitagraph
from vitagraph.folding import fold
from vitagraph.readers import read_text

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bios"


@pytest.fixture(scope="session")
def extractor():
    from vitagraph.nlp import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def serge(extractor):
    doc = vitagraph.read(vitagraph.sample_path())
    return doc, extractor(doc)


def entity_named(record, label, name):
    for e in record.entities:
        if e.label == label and fold(name) in {fold(e.name), *map(fold, e.aliases)}:
            return e
    return None


def test_every_fact_points_at_its_text(serge):
    doc, record = serge
    text = doc.text
    assert record.mentions and record.times
    for m in record.mentions:
        assert text[m.start : m.end] == m.text, m
    for t in record.times:
        assert text[t.start : t.end] == t.text, t
    for c in record.claims:
        assert 0 <= c.evidence.start < c.evidence.end <= len(text)
        if c.quote:
            assert c.evidence.start <= c.quote.start < c.quote.end <= c.evidence.end
    for w in record.works:
        assert w.evidence, w.title
        for ev in w.evidence:
            assert 0 <= ev.start < ev.end <= len(text)


def test_subject(serge):
    _, record = serge
    s = record.subject
    assert s.name == "Victor Serge"
    assert "Viktor Lvovich Kibalchich" in s.aliases
    assert any(a == "Le Rétif" for a in s.aliases)
    assert (s.born_date, s.born_place) == ("1890-12-30", "Brussels")
    assert (s.died_date, s.died_place) == ("1947-11-17", "Mexico City")
    assert s.gender == "male"
    subject_mentions = [m for m in record.mentions if m.entity == "person:subject"]
    assert {"Serge", "Victor Serge", "he", "his"} <= {m.text for m in subject_mentions} | {m.text.lower() for m in subject_mentions}


def test_names_merge_into_entities(serge):
    _, record = serge
    trotsky = entity_named(record, "PERSON", "Trotsky")
    assert trotsky is not None and trotsky.name == "Leon Trotsky"
    comintern = entity_named(record, "ORG", "Comintern")
    assert comintern is not None and entity_named(record, "ORG", "Communist International") is comintern
    petrograd = entity_named(record, "PLACE", "Petrograd")
    assert petrograd is not None and entity_named(record, "PLACE", "Saint Petersburg") is petrograd


def test_labels_are_fixed_by_document_evidence(serge):
    _, record = serge
    for person in ("Zinoviev", "Kamenev", "Trotsky", "Georg Lukács"):
        assert entity_named(record, "PERSON", person), person
        assert not entity_named(record, "PLACE", person), person
    for place in ("Marseille", "Kronstadt", "Orenburg", "Precigne"):
        assert entity_named(record, "PLACE", place), place
    assert not entity_named(record, "PLACE", "Conquered City")
    assert not entity_named(record, "PLACE", "Bolsheviks")
    assert any(fold(w.title) == fold("Conquered City") for w in record.works)


def test_places_resolved_in_context(serge):
    _, record = serge
    by_name = {p.name: p for p in record.places}
    kronstadt = next(p for p in record.places if p.name == "Kronstadt")
    assert abs(kronstadt.lat - 59.99) < 0.2 and abs(kronstadt.lon - 29.77) < 0.3  # not Brașov
    paris = next(p for p in record.places if p.name == "Paris")
    assert abs(paris.lat - 48.85) < 0.2
    assert any(p.kind == "site" for p in record.places)
    assert "Brussels" in by_name


def test_claims(serge):
    doc, record = serge
    lezard = [c for c in record.claims if c.speaker == "Nicholas Lezard"]
    assert lezard and lezard[0].quote is not None
    assert lezard[0].quote.of(doc.text) == "one of the great 20th-century Russian novels"


def test_dates_are_honest(serge):
    doc, record = serge
    values = {t.text: t.value for t in record.times}
    assert values["30 December 1890"] == "1890-12-30"
    assert values.get("late 1927 or early 1928", "").startswith("1927")
    # nothing inside a work title is a date
    titles = [ev for w in record.works for ev in w.evidence]
    assert not any(ev.start <= t.start < ev.end for t in record.times for ev in titles)


def test_deterministic(extractor, serge):
    doc, record = serge
    again = extractor(doc)
    assert again == record


def test_a_biography_nobody_tuned_for(extractor):
    text = """= Hedda Lindqvist =

Infobox
- Born: 1874-05-02
- Birthplace: Uppsala, Sweden
- Died: 1951-10-09

Hedda Lindqvist (2 May 1874 – 9 October 1951) was a Swedish botanist and painter.

==Life==
Hedda Lindqvist was born in Uppsala. In 1895 she moved to Berlin, where she studied with Karl Wendt at the Botanical Museum. Wendt called her drawings "the finest of their generation". She married the geologist Arvid Holm in 1901; Holm died in 1930.
From 1905 to 1912 she lived in Tromsø and travelled to Svalbard with the Norwegian Polar Institute. She returned to Stockholm in late 1912 or early 1913.

==Works==
- Flora of the North (1910) Translator: Mary Cole; London: Harrap.
- Lichens (1921)
"""
    doc = read_text(text, "hedda-lindqvist.txt")
    record = extractor(doc)
    assert record.subject.name == "Hedda Lindqvist"
    assert record.subject.gender == "female"
    assert (record.subject.born_date, record.subject.born_place) == ("1874-05-02", "Uppsala")
    people = {e.name for e in record.entities if e.label == "PERSON" and not e.is_subject}
    assert {"Karl Wendt", "Arvid Holm"} <= people
    assert entity_named(record, "PERSON", "Wendt").name == "Karl Wendt"
    places = {p.name for p in record.places}
    assert {"Uppsala", "Berlin", "Tromsø", "Stockholm"} <= places
    assert {w.title for w in record.works} >= {"Flora of the North", "Lichens"}
    flora = next(w for w in record.works if w.title == "Flora of the North")
    assert flora.translators == ("Mary Cole",) and flora.year == "1910"
    claims = [c for c in record.claims if c.speaker == "Karl Wendt"]
    assert claims and claims[0].quote.of(doc.text) == "the finest of their generation"


def test_cli_extract_writes_a_scorable_liferecord(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "vitagraph", "extract", str(vitagraph.sample_path()), "-o", str(out), "--json"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads((out / "victor-serge.json").read_text())
    assert data["format"] == "liferecord/1" and data["document"] == "victor-serge.txt"
    assert data["subject"]["born"]["date"] == "1890-12-30"
    assert len(data["people"]) > 20 and len(data["works"]) > 20 and len(data["places"]) > 20
    scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    if scorer.exists():
        gold = scorer.parent / "gold" / "victor-serge.json"
        res = subprocess.run(
            [sys.executable, str(scorer), str(gold), str(out / "victor-serge.json"), "--source",
             str(vitagraph.sample_path()), "--json"],
            capture_output=True, text=True, check=True,
        )
        total = json.loads(res.stdout)["total"]
        assert total["subject"] == 1.0
        assert total["works"]["f1"] >= 0.9 and total["places"]["f1"] >= 0.85


def test_ingest_extracts_and_show_lists_entities(tmp_path):
    from typer.testing import CliRunner

    from vitagraph.cli import app

    db = str(tmp_path / "x.db")
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", "--sample", "--db", db])
    assert r.exit_code == 0, r.output
    shown = runner.invoke(app, ["show", "victor-serge", "--entities", "--db", db, "--json"])
    data = json.loads(shown.output)
    assert any(p["name"] == "Leon Trotsky" for p in data["people"])
    assert all(data["mentions"][i]["span"][0] <= data["mentions"][i + 1]["span"][0] for i in range(len(data["mentions"]) - 1))
    text = runner.invoke(app, ["show", "victor-serge", "--entities", "--db", db])
    assert text.exit_code == 0 and "Leon Trotsky" in text.output
    exported = runner.invoke(app, ["export", "victor-serge", "--format", "liferecord", "--db", db])
    assert json.loads(exported.output)["subject"]["name"] == "Victor Serge"
    # the stored record is the extracted record
    from vitagraph.nlp import extract
    from vitagraph.store import Store

    with Store(db) as store:
        assert store.record("victor-serge") == extract(store.load("victor-serge"))
