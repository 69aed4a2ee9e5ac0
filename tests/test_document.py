from __future__ import annotations

import pytest

from vitagraph.document import Document, Paragraph, Section, Span, check_invariants
from vitagraph.readers import read_text


def test_span_rejects_negative_and_reversed():
    with pytest.raises(ValueError):
        Span(-1, 2)
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(2, 5).contains(Span(3, 4))
    assert Span(2, 5).overlaps(Span(4, 9)) and not Span(2, 5).overlaps(Span(5, 9))
    assert Span(0, 3).of("abcdef") == "abc"


def test_check_invariants_finds_a_wrong_span():
    doc = Document(
        name="x.txt",
        text="Heading\n\nSome text.",
        format="text",
        sections=(Section(2, "Heading", Span(0, 7), Span(0, 8)),),
        paragraphs=(Paragraph(Span(9, 19), 0),),  # outside its section
    )
    problems = check_invariants(doc)
    assert any("outside its section" in p for p in problems)
    doc2 = Document(name="x.txt", text="abc", format="text", title="abd", title_span=Span(0, 3))
    assert any("title span" in p for p in check_invariants(doc2))


def test_field_lookup_is_folded(mini_file):
    doc = read_text(mini_file.read_text(), mini_file.name)
    assert doc.field("birth place", "Birthplace").value == "London, England"
    assert doc.field("born").value == "1815-12-10"
    assert doc.field("died") is None


def test_display_title_falls_back_to_the_file_name():
    doc = read_text("Just a paragraph of text.", "marie-curie.txt", format="text")
    assert doc.title is None
    assert doc.display_title == "Marie Curie"


def test_section_at(mini_file):
    doc = read_text(mini_file.read_text(), mini_file.name)
    at = doc.text.index("Her mother")
    assert doc.section_at(at).heading == "Education"
    assert doc.section_at(0) is None
