"""vitagraph's extractors used the spaCy way: nlp.add_pipe(...)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

TEXT = (
    "Ada Brandt was arrested in Lyon in May 1849 and imprisoned for six months. "
    "She moved to Geneva in 1871. Paul Remy called her work \"a model of clarity\"."
)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import vitagraph.nlp.components  # noqa: F401  (registers the factories)
    from vitagraph.nlp.model import MODEL_NAMES

    for model in MODEL_NAMES:  # a fresh copy: never the Extractor's shared pipeline
        try:
            nlp = spacy.load(model)
            break
        except OSError:
            continue
    for name, config in (
        ("vitagraph_names", {}),
        ("vitagraph_dates", {}),
        ("vitagraph_places", {}),
        ("vitagraph_events", {"subject": "Ada Brandt"}),
        ("vitagraph_claims", {}),
    ):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config)
    return nlp


def test_dates_component(nlp):
    doc = nlp(TEXT)
    values = {s.text: s._.edtf for s in doc.spans["vg_dates"]}
    assert values["May 1849"] == "1849-05"
    assert values["1871"] == "1871"
    for s in doc.spans["vg_dates"]:
        assert doc.text[s.start_char : s.end_char] == s.text


def test_places_component(nlp):
    doc = nlp(TEXT)
    lyon = next(e for e in doc.ents if e.text == "Lyon")
    assert lyon._.place is not None and abs(lyon._.place.lat - 45.75) < 0.3


def test_events_component(nlp):
    doc = nlp(TEXT)
    types = [e.type for e in doc._.vg_events]
    assert "arrested" in types and "imprisoned" in types and "moved" in types
    arrested = next(e for e in doc._.vg_events if e.type == "arrested")
    assert arrested.date == "1849-05"
    assert "arrested" in doc.text[arrested.evidence.start : arrested.evidence.end]


def test_claims_component(nlp):
    doc = nlp(TEXT)
    claims = doc._.vg_claims
    assert claims and claims[0].speaker == "Paul Remy"
    assert doc.text[claims[0].quote.start : claims[0].quote.end] == "a model of clarity"


def test_names_component(nlp):
    doc = nlp(TEXT)
    texts = {c.text for c in doc._.vg_candidates}
    assert "Ada Brandt" in texts and "Paul Remy" in texts
