"""Property: over generated documents, every span reads exactly its element and spans nest."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from vitagraph.document import check_invariants
from vitagraph.readers import read_text

WORD = st.text(alphabet=string.ascii_letters + "éüçß", min_size=1, max_size=10)
PHRASE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
SENTENCE = st.lists(PHRASE, min_size=1, max_size=3).map(lambda ps: ", ".join(ps) + ".")

ELEMENT = st.one_of(
    st.tuples(st.just("heading"), st.integers(2, 5), PHRASE),
    st.tuples(st.just("para"), st.just(0), SENTENCE),
    st.tuples(st.just("item"), st.integers(1, 3), PHRASE),
    st.tuples(st.just("junk"), st.just(0), st.sampled_from(["=", "==x", "== ==", "- ", "  ", "===", "Infobox"])),
)


def corpus_source(title: str, fields: list[tuple[str, str]], elements) -> str:
    lines = [f"= {title} =", ""]
    if fields:
        lines.append("Infobox")
        lines += [f"- {k}: {v}" for k, v in fields]
        lines.append("")
    for kind, n, text in elements:
        if kind == "heading":
            lines += ["", "=" * n + text + "=" * n]
        elif kind == "para":
            lines += [text, ""]
        elif kind == "item":
            lines.append("  " * (n - 1) + "- " + text)
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(
    PHRASE,
    st.lists(st.tuples(WORD, PHRASE), max_size=4),
    st.lists(ELEMENT, max_size=25),
)
def test_corpus_reader_spans(title, fields, elements):
    source = corpus_source(title, fields, elements)
    doc = read_text(source, "gen.txt", format="corpus")
    assert check_invariants(doc) == []
    assert len(doc.text) == len(source)  # offsets are offsets into the source
    assert doc.title == title
    assert [(f.key, f.value) for f in doc.infobox] == fields
    headings = [text for kind, _, text in elements if kind == "heading"]
    headings = [
        text if kind == "heading" else "x"
        for kind, _, text in elements
        if kind == "heading" or text == "==x"
    ]
    assert [s.heading for s in doc.sections] == headings
    for kind, _, text in elements:
        if kind == "para":
            assert text in doc.text


def markdown_source(title, elements) -> str:
    lines = [f"# {title}", ""]
    for kind, n, text in elements:
        if kind == "heading":
            lines += ["", "#" * n + " " + text, ""]
        elif kind == "para":
            lines += [f"Some **{text}** and [a link](http://x.org/{len(text)}).", ""]
        elif kind == "item":
            lines.append("  " * (n - 1) + "- " + text)
        else:
            lines += ["", text, ""]
    return "\n".join(lines) + "\n"


@settings(max_examples=100, deadline=None)
@given(PHRASE, st.lists(ELEMENT, max_size=20))
def test_markdown_reader_spans(title, elements):
    source = markdown_source(title, elements)
    doc = read_text(source, "gen.md")
    assert check_invariants(doc) == []
    assert len(doc.text) == len(source)
    assert doc.title == title
    assert "http://" not in doc.text and "**" not in doc.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_or_fails_cleanly(text):
    from vitagraph.errors import InputError

    for fmt in ("corpus", "text", "markdown"):
        try:
            doc = read_text(text, "any.txt", format=fmt)
        except InputError:
            continue
        assert check_invariants(doc) == []
