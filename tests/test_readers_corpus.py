"""The corpus format, on the embedded sample and on small hand-made inputs."""

from __future__ import annotations

import vitagraph
from vitagraph.document import check_invariants
from vitagraph.readers import detect_format, read_text


def test_sample_outline(sample_path):
    doc = vitagraph.read(sample_path)
    assert doc.format == "corpus"
    assert doc.title == "Victor Serge"
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("Born", "1890-12-30"),
        ("Birthplace", "Brussels, Belgium"),
        ("Died", "1947-11-17"),
    ]
    headings = [s.heading for s in doc.sections]
    assert "Early life and political beginnings" in headings
    works = doc.sections[headings.index("Works available in English")]
    fiction = doc.sections[headings.index("Fiction")]
    assert fiction.level == 3 and doc.sections[fiction.parent] == works
    fiction_items = [b for b in doc.lists if b.section == headings.index("Fiction")][0].items
    assert fiction_items[0].span.of(doc.text).startswith("The Long Dusk (1946)")
    assert check_invariants(doc) == []
    assert doc.warnings == ()


def test_sample_offsets_are_source_offsets(sample_path):
    source = sample_path.read_text(encoding="utf-8")
    doc = vitagraph.read(sample_path)
    assert doc.source_offsets and len(doc.text) == len(source)
    for p in doc.paragraphs:
        assert source[p.span.start : p.span.end] == p.span.of(doc.text)
    # markup is blanked, not kept
    assert "==" not in doc.text and "Infobox" not in doc.text
    assert doc.text.count("\n") == source.count("\n")


def test_headings_never_merge_into_paragraphs(mini_file):
    doc = read_text(mini_file.read_text(), mini_file.name)
    assert [s.heading for s in doc.sections] == ["Early life", "Education", "Works"]
    paragraphs = [p.span.of(doc.text) for p in doc.paragraphs]
    assert "She was born in London." in paragraphs  # one line, one paragraph
    assert all("Early life" not in p for p in paragraphs)
    education = doc.sections[1]
    assert education.parent == 0 and doc.sections[0].span.contains(education.span)


def test_unclosed_heading_and_stray_equals_are_tolerated():
    text = "= T =\n\n==Unclosed\nText under it.\n=\nMore text = with an equals sign.\n"
    doc = read_text(text, "broken.txt", format="corpus")
    assert [s.heading for s in doc.sections] == ["Unclosed"]
    assert any("not closed" in w for w in doc.warnings)
    assert any("stray" in w for w in doc.warnings)
    assert "More text = with an equals sign." in [p.span.of(doc.text) for p in doc.paragraphs]
    assert check_invariants(doc) == []


def test_nested_list_depth():
    text = "= T =\n\n==Works==\n- Novel (1930)\n  - French edition (1931)\n- Poems (1938)\n"
    doc = read_text(text, "t.txt")
    (block,) = doc.lists
    assert [i.depth for i in block.items] == [1, 2, 1]


def test_detects_the_corpus_format():
    assert detect_format("= Someone =\n\nText.", "x.txt") == "corpus"
    assert detect_format("Plain words only.\n\nMore.", "x.txt") == "text"
    assert detect_format("# Title\n\nText", "x.txt") == "markdown"
    assert detect_format("anything", "x.md") == "markdown"
    assert detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>", "x.txt") == "html"
