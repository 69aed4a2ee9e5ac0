"""The parse repair gives a verb back the subject the model read into an opening date phrase."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from vitagraph.nlp.pipeline import build_nlp

    return build_nlp()


def _dep(doc, word):
    t = next(t for t in doc if t.text == word)
    return t.dep_, t.head.text


@pytest.mark.parametrize("text, word, expect", [
    ("In 1685 Merian, her mother and her two daughters went to live in Friesland.", "Merian", ("nsubj", "went")),
    ("In 1685 Merian, her mother and her two daughters went to live in Friesland.", "mother", ("conj", "Merian")),
    ("In 63 BC Cicero was elected consul.", "Cicero", ("nsubjpass", "elected")),
    ("In 63 BC Cicero was elected consul.", "BC", ("pobj", "In")),
    ("As consul in 63 BC, Cicero suppressed the conspiracy.", "Cicero", ("nsubj", "suppressed")),
    ("In 1909 Serge moved to Paris.", "Serge", ("nsubj", "moved")),  # nothing to mend
])
def test_lost_subjects_are_given_back(nlp, text, expect, word):
    assert _dep(nlp(text), word) == expect


def test_the_repair_runs_before_the_names(nlp):
    names = nlp.pipe_names
    assert names.index("vitagraph_repair") < names.index("vitagraph_names")
    assert names.index("lemmatizer") < names.index("vitagraph_repair")  # it reads the mapped POS
