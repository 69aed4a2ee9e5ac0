"""The HTML reader: the saved-Wikipedia fixture, plain pages, malformed HTML, properties."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitagraph.document import Document, check_invariants
from vitagraph.readers._builder import clean_inline
from vitagraph.readers.html import read, sniff

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "readers" / "victor-serge.html"
WIKI_FIXTURE = FIXTURE.with_suffix(".wiki")


def doc_of(source: str) -> Document:
    doc = read(source, "test.html")
    assert check_invariants(doc) == []
    return doc


def paragraphs(doc: Document) -> list[str]:
    return [p.span.of(doc.text) for p in doc.paragraphs]


def items(doc: Document) -> list[tuple[str, int]]:
    return [(i.span.of(doc.text), i.depth) for i in doc.items]


# -- the fixture ---------------------------------------------------------------
@pytest.fixture(scope="module")
def serge() -> Document:
    return read(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name)


def test_fixture_title_and_format(serge: Document) -> None:
    assert serge.title == "Victor Serge"
    assert serge.format == "html"
    assert serge.text.startswith("Victor Serge\n\n")
    assert check_invariants(serge) == []


def test_fixture_infobox(serge: Document) -> None:
    # the person infobox folds name, date and place into "Born": microformats split it
    assert serge.field("Born").value == "1890-12-30"
    assert "Brussels" in serge.field("Birthplace").value
    assert serge.field("Died").value == "1947-11-17"
    assert serge.field("Deathplace").value == "Mexico City, Mexico"
    assert serge.field("Birth name").value == "Viktor Lvovich Kibalchich"
    assert serge.field("Occupation(s)").value.startswith("Revolutionary, novelist, poet")
    assert serge.field("Children").value == "Vlady (1920–2005), Jeannine Kibalchich (b. 1935)"
    assert serge.field("Spouse").value == "Liuba Russakova (m. 1919)"  # no [1]
    assert serge.field("Notable works").value == "The Case of Comrade Tulayev, Memoirs of a Revolutionary"
    # header, image and caption rows are not fields
    assert serge.field("Writing career") is None
    assert "Serge in 1912" not in serge.text


def test_fixture_lead_is_clean(serge: Document) -> None:
    lead = paragraphs(serge)[0]
    assert lead.startswith("Victor Serge (born Viktor Lvovich Kibalchich, Ви́ктор Льво́вич Киба́льчич; 30 December 1890 – 17 November 1947) was a Belgian-born")
    assert "translator. Serge was a key eyewitness" in lead
    assert not re.search(r"\bedit\b", serge.text)
    for junk in ("[1]", "[2]", "[a]", "[edit]", "citation needed", "<", ">", "&nbsp;", "&amp;",
                 "viktɔʁ", "French:", "\xa0"):
        assert junk not in serge.text, junk


def test_fixture_drops_page_chrome(serge: Document) -> None:
    for gone in ("RLCONF", "document.documentElement", ".mw-parser-output", "Main menu", "Random article",
                 "Jump to content", "Search Wikipedia", "27 languages", "Français", "From Wikipedia",
                 "Contents", "For the Belgian footballer", "Main article", "French police", "Leningrad",
                 "Weissman (2001), p. 12.", "Authority control", "VIAF", "NewPP", "Retrieved from",
                 "Categories", "1890 births", "last edited", "Privacy policy", "Wikiquote",
                 "Russian revolutionary and writer (1890–1947)", "marxists.org"):
        assert gone not in serge.text, gone


def test_fixture_sections(serge: Document) -> None:
    tree = [(s.level, s.heading) for s in serge.sections]
    assert tree[0] == (2, "Early life and political beginnings")  # old style, [edit] stripped
    assert (2, "Russian Revolution and Comintern") in tree  # new style
    assert (3, "Early critiques and Kronstadt") in tree  # old style h3
    works = next(i for i, s in enumerate(serge.sections) if s.heading.startswith("Works"))
    subs = [s.heading for s in serge.sections if s.parent == works]
    assert subs == ["Fiction", "Poems", "Non-fiction: books", "Non-fiction: pamphlet"]
    headings = {s.heading for s in serge.sections}
    assert "See also" in headings
    assert not headings & {"References", "External links", "Sources", "Contents"}


def test_fixture_works_list(serge: Document) -> None:
    fiction = next(s for s in serge.sections if s.heading == "Fiction")
    in_fiction = [(i.span.of(serge.text), i.depth) for i in serge.items if fiction.span.contains(i.span)]
    texts = [t for t, _ in in_fiction]
    assert any(t.startswith("Men in Prison (1969) Translator: Richard Greeman") for t in texts)
    assert ("Revised as Last Times (2022)", 2) in in_fiction
    assert any(t.startswith("The Long Dusk (1946)") and t.endswith("Montreal 1946.") for t in texts)


def test_fixture_other_blocks(serge: Document) -> None:
    assert ("with the support of the Révolution prolétarienne group", 2) in items(serge)
    assert ('the "defence of man"', 1) in items(serge)
    assert "Totalitarianism" in paragraphs(serge)  # <dt>
    assert "1,500 km from Moscow" in serge.text


def test_fixture_agrees_with_wikitext(serge: Document) -> None:
    """The same article saved two ways reads to the same structure."""
    from vitagraph.readers import wikitext

    wiki = wikitext.read(WIKI_FIXTURE.read_text(encoding="utf-8"), WIKI_FIXTURE.name)
    assert [(s.level, s.heading) for s in serge.sections] == [(s.level, s.heading) for s in wiki.sections]
    assert items(serge)[:7] == items(wiki)[:7]
    assert paragraphs(serge)[:3] == paragraphs(wiki)[:3]




# -- plain and odd pages ----------------------------------------------------------
def test_plain_page() -> None:
    doc = doc_of(
        "<html><head><title>Ada Example</title></head><body>"
        "<h1>Ada Example</h1><p>Ada was a <em>mathematician</em>.</p>"
        "<h2>Life</h2><p>Born in London.</p><h3>Youth</h3><p>Studied.</p>"
        "<h2>Works</h2><ul><li>Notes (1843)<ul><li>Translated</li></ul></li><li>Sketch</li></ul>"
        "</body></html>"
    )
    assert doc.title == "Ada Example"
    assert [(s.level, s.heading) for s in doc.sections] == [(2, "Life"), (3, "Youth"), (2, "Works")]
    assert paragraphs(doc) == ["Ada was a mathematician.", "Born in London.", "Studied."]
    assert items(doc) == [("Notes (1843)", 1), ("Translated", 2), ("Sketch", 1)]
    assert doc.text.count("Ada Example") == 1  # the <h1> is the title, not also a heading


def test_title_fallbacks() -> None:
    assert doc_of("<title>Foo Bar - Wikipedia</title><p>x</p>").title == "Foo Bar"
    assert doc_of("<title>Foo Bar</title><h1>Real Title</h1><p>x</p>").title == "Real Title"
    assert doc_of("<p>No title at all.</p>").title is None


def test_content_root_preferred() -> None:
    doc = doc_of("<body><div>Site banner text</div><main><p>Article text.</p></main><div>Sidebar</div></body>")
    assert paragraphs(doc) == ["Article text."]


def test_loose_text_and_inline_blocks() -> None:
    doc = doc_of("<div>Loose <b>text</b> here<br>and there<p>Para.</p>tail</div>")
    assert paragraphs(doc) == ["Loose text here and there", "Para.", "tail"]


def test_infobox_without_microformats() -> None:
    doc = doc_of(
        "<table class='infobox'><tr><th colspan=2>Ada</th></tr>"
        "<tr><th>Born</th><td>December 10, 1815<br>London, England</td></tr>"
        "<tr><th>Died</th><td>27 November 1852 (aged 36)</td></tr>"
        "<tr><th>Other names</th><td class='nickname'><span class='nickname'>Countess</span></td></tr>"
        "<tr><th>Known for</th><td><ul><li>Notes</li><li>Programs</li></ul></td></tr>"
        "<tr><td colspan=2>image only</td></tr></table><p>Text.</p>"
    )
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("Born", "1815-12-10"), ("Birthplace", "London, England"), ("Died", "1852-11-27"),
        ("Other names", "Countess"), ("Known for", "Notes, Programs")]
    assert "image only" not in doc.text


def test_dl_blockquote_pre_and_entities() -> None:
    doc = doc_of("<dl><dt>Term</dt><dd>Def &amp; more&nbsp;text</dd></dl><blockquote><p>Quoted.</p></blockquote><pre>a  b</pre>")
    assert paragraphs(doc) == ["Term", "Def & more text", "Quoted.", "a b"]


def test_dropped_sections_and_tables() -> None:
    doc = doc_of(
        "<h2>Life</h2><p>Lived.</p><table><tr><td>cell</td></tr></table>"
        "<h2>Notes</h2><p>A note.</p><h3>Sub</h3><p>Sub note.</p><h2>Legacy</h2><p>Remembered.</p>"
    )
    assert [s.heading for s in doc.sections] == ["Life", "Legacy"]
    assert paragraphs(doc) == ["Lived.", "Remembered."]


def test_hidden_and_reference_markup() -> None:
    doc = doc_of('<p>Claim<sup class="reference">[1]</sup>, more<span style="display:none">hidden</span> text'
                 '<sup class="noprint Inline-Template">[citation needed]</sup>.</p>')
    assert paragraphs(doc) == ["Claim, more text."]


@pytest.mark.parametrize(
    "source",
    ["", "   ", "<", "<<<>>>", "<p", "<html", "</div></div></p>", "<ul><li>a<li>b", "<table><tr><td>x",
     "<h2>unclosed heading<p>para", "<b><i>mis</b>nested</i>", "<ul><ul><ul><li>deep</ul>",
     "<script>var x = '<p>not text</p>';", "<style>p{}", "<!-- unclosed comment <p>x</p>",
     "<table class=infobox><tr><th>Born<td>", "<p>" * 500 + "deep", "<div>" * 300 + "deep",
     "\x00\x01<p>ctl</p>", "&bogus; &#xZZZ; &#0;", "<a href='x'><div><p>block in link</p></div></a>"],
)
def test_malformed_never_crashes(source: str) -> None:
    doc_of(source)


def test_malformed_keeps_text() -> None:
    doc = doc_of("<h2>Unclosed heading<p>First para<p>Second <b>bold <i>both</b> italic</i><ul><li>one<li>two")
    assert doc.sections[0].heading.startswith("Unclosed heading")
    for text in ("First para", "Second bold both italic", "one", "two"):
        assert text in doc.text
    assert "not text" not in doc_of("<script>var x = '<p>not text</p>';").text


def test_sniff() -> None:
    assert sniff(FIXTURE.read_text(encoding="utf-8"))
    assert sniff("<!doctype html><title>x</title>")
    assert sniff("  <html><body>x</body></html>")
    assert sniff("<h1>Title</h1><p>One.</p><p>Two.</p>")
    assert not sniff("Plain text with a <br> tag.")
    assert not sniff(WIKI_FIXTURE.read_text(encoding="utf-8"))
    assert not sniff("= Title =\n\nInfobox\n- Born: 1890\n")


# -- properties ----------------------------------------------------------------------
WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=2, max_size=7)
WORDS = st.lists(WORD, min_size=1, max_size=4).map(" ".join)

PIECE = st.one_of(
    WORD.map(lambda w: (w, w)),
    WORDS.map(lambda w: (f"<b>{w}</b>", w)),
    WORDS.map(lambda w: (f"<i>{w}</i>", w)),
    WORDS.map(lambda w: (f'<a href="/wiki/{w.replace(" ", "_")}" title="{w}">{w}</a>', w)),
    WORDS.map(lambda w: (f'<span class="x">{w}</span>', w)),
    WORD.map(lambda w: (f'<sup id="cite_ref-{w}" class="reference"><a href="#cite_note-{w}">[1]</a></sup>', "")),
    WORDS.map(lambda w: (f'<span style="display:none">{w}</span>', "")),
    WORDS.map(lambda w: (f"<!-- {w} -->", "")),
    st.just(("&amp;", "&")),
    st.just(("<br>", "")),
)
INLINE = st.lists(PIECE, min_size=1, max_size=10)


def _inline(pieces: list[tuple[str, str]], first: str) -> tuple[str, str]:
    source = " ".join([first, *(s for s, _ in pieces)])
    return source, clean_inline(" ".join([first, *(v for _, v in pieces)]))


def _list_html(entries: list[tuple[str, int]], tag: str) -> str:
    """Nested <ul> from (source, depth) pairs; depths may jump only by one."""
    out, depth = [], 0
    for source, want in entries:
        want = min(want, depth + 1)
        if want > depth:
            out.append(f"<{tag}>" if depth == 0 else f"<{tag}>")
            depth += 1
        else:
            while depth > want:
                out.append(f"</li></{tag}>")
                depth -= 1
            out.append("</li>")
        out.append(f"<li>{source}")
    out.append(f"</li></{tag}>" * depth)
    return "".join(out)


BLOCK = st.one_of(
    st.tuples(st.just("para"), WORD, INLINE, st.just(0)),
    st.tuples(st.just("div"), WORD, INLINE, st.just(0)),
    st.tuples(st.just("heading"), WORD, INLINE, st.integers(2, 6)),
    st.tuples(st.just("list"), WORD, st.lists(st.tuples(st.integers(1, 3), INLINE), min_size=1, max_size=5),
              st.sampled_from(["ul", "ol"])),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(BLOCK, max_size=12), st.booleans())
def test_generated_html(blocks, wikipedia_shell) -> None:
    chunks, paras, heads, list_items = [], [], [], []
    for kind, first, body, extra in blocks:
        if kind in ("para", "div"):
            source, visible = _inline(body, first)
            chunks.append(f"<p>{source}</p>" if kind == "para" else f"<div>{source}</div>")
            paras.append(visible)
        elif kind == "heading":
            source, visible = _inline(body, first)
            chunks.append(f"<h{extra}>{source}</h{extra}>")
            heads.append(visible)
        else:
            entries, depth = [], 0
            for want, pieces in body:
                depth = min(want, depth + 1)
                source, visible = _inline(pieces, first)
                entries.append((source, depth))
                list_items.append((visible, depth))
            chunks.append(_list_html(entries, extra))
    body_html = "\n".join(chunks)
    if wikipedia_shell:
        page = ('<!DOCTYPE html><html><head><title>T - Wikipedia</title><script>var junk = 1;</script></head>'
                '<body><nav id="mw-navigation"><ul><li>Navigation junk</li></ul></nav>'
                '<div id="mw-content-text"><div class="mw-parser-output">' + body_html +
                '</div></div><footer>Footer junk</footer></body></html>')
    else:
        page = body_html
    doc = read(page, "generated.html")
    assert check_invariants(doc) == []
    assert [p.span.of(doc.text) for p in doc.paragraphs] == [p for p in paras if p]
    assert [s.heading for s in doc.sections] == [h for h in heads if h]
    assert items(doc) == [(t, d) for t, d in list_items if t]
    assert "junk" not in doc.text


TAGS = ["<p>", "</p>", "<div>", "</div>", "<ul>", "<ol>", "<li>", "</li>", "</ul>", "<b>", "</b>", "<i>",
        "<h2>", "</h2>", "<h3>", "<h1>", "<span>", "</span>", "<br>", "<dl>", "<dt>", "<dd>", "<blockquote>",
        "<a href=x>", "</a>", "<pre>", "&amp;", "&nbsp;", "<", ">", "&", '<div class="mw-parser-output">',
        '<table class="infobox">', "<tr>", "<th>", "<td>", "<sup class=reference>", "<hr>"]
HIDERS = ["<script>", "<style>", "<!--", "<table>", "<title>", "<textarea>", "<noscript>", "<template>"]
SEPARATOR = st.sampled_from(["", " ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(WORD, st.sampled_from(TAGS + HIDERS)), SEPARATOR), max_size=50))
def test_junk_html_never_breaks(tokens) -> None:
    doc = read("".join(t + sep for t, sep in tokens), "junk.html")
    assert check_invariants(doc) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(WORD, st.sampled_from(TAGS[:28])), SEPARATOR), max_size=50))
def test_malformed_html_loses_no_words(tokens) -> None:
    """Unclosed and misnested tags (none that hide their content): every word survives."""
    source = "".join(t + (sep or " ") for t, sep in tokens)
    doc = read(source, "junk.html")
    assert check_invariants(doc) == []
    for token, _ in tokens:
        if token not in TAGS:
            assert token in doc.text


def test_entities_decoded_in_generated_text() -> None:
    words = "Café &amp; crème &lt;brûlée&gt; &#8211; done"
    assert paragraphs(doc_of(f"<p>{words}</p>")) == [htmllib.unescape(words)]
