"""Authors read from a Sources list, the inverted way bibliographies name them."""

from __future__ import annotations

import pytest

from vitagraph.nlp.sources import source_authors
from vitagraph.readers import read_text

TEXT = """= Ada Brandt =

Ada Brandt (1821 – 1889) was a German chemist.

==Life==
Ada Brandt was born in 1821 in Bremen.

== Sources ==
- Dick, Auguste. Ada Brandt, 1821–1889 (Boston: Birkhäuser, 1981).
- Brewer, James W.; Smith, Martha K. (eds.). A Tribute (New York, 1981).
- Dunn, Ross E. The Chemists of Bremen (Berkeley, 1986).
- van der Berg, Anna and Mackintosh-Smith, Tim. Letters (2001).
- The Brandt Papers, Bremen State Archive.
"""


def test_inverted_names_are_read_as_names():
    doc = read_text(TEXT, "ada-brandt.txt")
    found = [(doc.text[a.start:a.end], a.name) for a in source_authors(doc)]
    assert found == [
        ("Dick, Auguste", "Auguste Dick"),
        ("Brewer, James W.", "James W. Brewer"),
        ("Smith, Martha K.", "Martha K. Smith"),
        ("Dunn, Ross E.", "Ross E. Dunn"),
        ("van der Berg, Anna", "Anna van der Berg"),
        ("Mackintosh-Smith, Tim", "Tim Mackintosh-Smith"),
    ]


def test_nothing_outside_a_sources_section():
    doc = read_text(TEXT.replace("== Sources ==", "== Works =="), "ada-brandt.txt")
    assert source_authors(doc) == []


@pytest.mark.model
def test_the_person_keeps_the_text_as_evidence():
    from vitagraph.nlp import extract

    doc = read_text(TEXT, "ada-brandt.txt")
    record = extract(doc)
    people = {e.name: e for e in record.entities if e.label == "PERSON"}
    assert "Auguste Dick" in people and "James W. Brewer" in people
    for m in record.mentions:
        assert doc.text[m.start:m.end] == m.text
    assert not any(name in people for name in ("Dick", "James W.", "Smith"))


def test_imprints_name_publishers():
    from vitagraph.nlp.sources import source_publishers

    doc = read_text(TEXT.replace("(Boston: Birkhäuser, 1981)", "(Boston: Birkhäuser, 1981)")
                    .replace("(New York, 1981)", "(New York: Marcel Dekker, 1981)"), "ada-brandt.txt")
    assert [doc.text[a:b] for a, b in source_publishers(doc)] == ["Birkhäuser", "Marcel Dekker"]


@pytest.mark.model
def test_names_inside_a_cited_title_are_not_entities():
    from vitagraph.nlp import extract

    text = ("= Ada Brandt =\n\nAda Brandt (1821 – 1889) was a German chemist.\n\n==Life==\n"
            "Ada Brandt was born in 1821 in Bremen.\n\n== Sources ==\n"
            "- Everitt, Anthony. Brandt: The Life and Times of Bremen's Greatest Chemist (2001).\n"
            "- Plutarch, Life of Brandt.\n")
    doc = read_text(text, "ada-brandt.txt")
    names = {e.name for e in extract(doc).entities}
    assert "Anthony Everitt" in names
    assert not names & {"Life and Times of Bremen", "Greatest Chemist", "Bremen's Greatest Chemist"}
