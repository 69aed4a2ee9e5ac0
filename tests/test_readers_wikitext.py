"""The wikitext reader: the Serge fixture, markup handling, broken markup, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitagraph.document import Document, check_invariants
from vitagraph.readers import wikitext
from vitagraph.readers._builder import clean_inline
from vitagraph.readers.wikitext import DROPPED_SECTIONS, read, sniff

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "readers" / "victor-serge.wiki"
SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "victor-serge.txt"


def doc_of(source: str) -> Document:
    doc = read(source, "test.wiki")
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
    assert serge.format == "wikitext"
    assert serge.text.startswith("Victor Serge\n\n")
    assert check_invariants(serge) == []


def test_fixture_infobox(serge: Document) -> None:
    assert serge.field("Born").value == "1890-12-30"
    assert "Brussels" in serge.field("Birthplace").value
    assert serge.field("Died").value == "1947-11-17"
    assert serge.field("Deathplace").value == "Mexico City, Mexico"
    assert serge.field("Birth name").value == "Viktor Lvovich Kibalchich"
    # hlist, plainlist, <br> and {{marriage}} all become one comma-separated line
    assert serge.field("Occupation").value.startswith("Revolutionary, novelist, poet")
    assert serge.field("Children").value == "Vlady (1920–2005), Jeannine Kibalchich (b. 1935)"
    assert serge.field("Spouse").value == "Liuba Russakova (m. 1919), Laurette Séjourné (companion)"
    assert serge.field("Years active").value == "c. 1908–1947"
    assert serge.field("Nationality").value == "Belgian, Russian"  # the comment is gone
    # image parameters and the name (it is the title) are not fields
    keys = {f.key for f in serge.infobox}
    assert not keys & {"Image", "Image size", "Caption", "Alt", "Name", "Module"}


def test_fixture_lead_is_clean(serge: Document) -> None:
    lead = paragraphs(serge)[0]
    assert lead.startswith("Victor Serge (born Viktor Lvovich Kibalchich, Ви́ктор Льво́вич Киба́льчич; 30 December 1890 – 17 November 1947) was a Belgian-born")
    assert "Petrograd at the height of the Russian Civil War" in paragraphs(serge)[1]
    for junk in ("[[", "]]", "{{", "}}", "<ref", "</ref", "'''", "''", "&nbsp;", "<!--", "|", "viktɔʁ", "Weissman |"):
        assert junk not in serge.text, junk
    # references, footnotes and maintenance tags leave no trace
    assert "Sources differ" not in serge.text
    assert "citation needed" not in serge.text
    assert "Example Archive" not in serge.text


def test_fixture_sections(serge: Document) -> None:
    tree = [(s.level, s.heading) for s in serge.sections]
    assert (2, "Early life and political beginnings") == tree[0]
    assert (3, "Arrival in Russia and joining the Bolsheviks") in tree
    works = next(i for i, s in enumerate(serge.sections) if s.heading.startswith("Works"))
    subs = [s.heading for s in serge.sections if s.parent == works]
    assert subs == ["Fiction", "Poems", "Non-fiction: books", "Non-fiction: pamphlet"]
    assert all(serge.sections[i].level == 3 for i, s in enumerate(serge.sections) if s.parent == works)
    # reference apparatus dropped with its heading; See also kept
    headings = {s.heading for s in serge.sections}
    assert "See also" in headings
    assert not headings & {"References", "External links", "Sources"}


def test_fixture_works_list(serge: Document) -> None:
    fiction = next(s for s in serge.sections if s.heading == "Fiction")
    in_fiction = [(i.span.of(serge.text), i.depth) for i in serge.items if fiction.span.contains(i.span)]
    texts = [t for t, _ in in_fiction]
    assert any(t.startswith("Men in Prison (1969) Translator: Richard Greeman") for t in texts)
    assert ("Revised as Last Times (2022)", 2) in in_fiction
    assert "Serge, Victor (2011). Conquered City. New York: New York Review of Books." in texts
    section_of = {b.section for b in serge.lists if fiction.span.contains(b.span)}
    assert section_of == {serge.sections.index(fiction)}


def test_fixture_drops_files_tables_categories(serge: Document) -> None:
    for gone in ("Serge in 1912", "French police", "1890 births", "Category", "Authority", "marxists.org",
                 "NOTOC", "Russian revolutionary and writer (1890–1947)", "fr:Victor"):
        assert gone not in serge.text, gone


def test_fixture_other_blocks(serge: Document) -> None:
    assert ("with the support of the Révolution prolétarienne group", 2) in items(serge)
    assert ('the "defence of man"', 1) in items(serge)
    assert "Totalitarianism" in paragraphs(serge)  # a ; definition term
    assert "1500 km from Moscow" in serge.text  # {{convert}}
    assert "born on 30 December 1890, in Brussels" in serge.text  # {{birth date}} in prose
    assert "Sources: British Library Catalogue and Catalog of the Library of Congress." in paragraphs(serge)




# -- markup ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("In [[Saint Petersburg|Petrograd]] and [[Brussels]].", "In Petrograd and Brussels."),
        ("The [[Foo (band)|]] and [[w:Bar|]] pipe trick.", "The Foo and Bar pipe trick."),
        ("See [http://example.org the archive] and [http://example.org/x].", "See the archive and."),
        ("'''Bold''' and ''italic'' and '''''both'''''.", "Bold and italic and both."),
        ("Named {{lang|ru|Виктор}} and {{lang-fr|Victor}} and {{langx|de|Viktor}}.",
         "Named Виктор and Victor and Viktor."),
        ("Say ({{IPA-fr|viktɔʁ|lang}}; born X) ok.", "Say (born X) ok."),
        ("A {{nowrap|fixed phrase}} and {{small|small}}.", "A fixed phrase and small."),
        ("Born {{circa}} 1890, died {{c.|1950}}.", "Born c. 1890, died c. 1950."),
        ("Walked {{convert|5|km}} or {{convert|3|-|4|mi}}.", "Walked 5 km or 3–4 mi."),
        ("Claim.{{sfn|Weissman|2001|p=3}} Next{{efn|a note}} word.", "Claim. Next word."),
        ("Claim<ref>Source.</ref>, then<ref name=\"x\"/> more.", "Claim, then more."),
        ("Space&nbsp;and&ndash;dash &amp; co.", "Space and–dash & co."),
        ("Keep {{unknown template|junk}} going.", "Keep going."),
        ("Text<!-- hidden -->here.", "Texthere."),
        ("A [[File:x.jpg|thumb|A caption]] B [[Category:Things]] C.", "A B C."),
        ("Link [[:Category:Things|things]] stays.", "Link things stays."),
        ("{{hlist|a|b|c}} list", "a, b, c list"),
        ("Years 1920{{ndash}}1930 {{mdash}} end", "Years 1920–1930 — end"),
        ("Died {{death date|1947|11|17}} in Mexico.", "Died 17 November 1947 in Mexico."),
        ("Code <nowiki>[[not a link]]</nowiki> here.", "Code [[not a link]] here."),
        ("Arg {{{1|default}}} here.", "Arg default here."),
    ],
)
def test_inline_markup(source: str, expected: str) -> None:
    assert paragraphs(doc_of(source)) == [expected]


def test_infobox_dates_and_values() -> None:
    doc = doc_of(
        "{{infobox writer\n| name = [[Ada Example]]\n"
        "| birth_date = {{Birth date and age|1815|12}}\n"
        "| death_date = {{dda|1852|11|27|1815|12|10}}\n"
        "| birth_place = London<br />England\n"
        "| resting_place = {{unbulleted list|Hucknall|Nottinghamshire}}\n"
        "| alma_mater = Home<ref>cite</ref>\n"
        "| image = Ada.jpg\n| spouse = \n"
        "}}\n'''Ada''' was a writer."
    )
    assert doc.title == "Ada Example"
    assert [(f.key, f.value) for f in doc.infobox] == [
        ("Born", "1815-12"),
        ("Died", "1852-11-27"),
        ("Birthplace", "London, England"),
        ("Resting place", "Hucknall, Nottinghamshire"),
        ("Alma mater", "Home"),
    ]


@pytest.mark.parametrize(
    ("template", "iso"),
    [
        ("{{birth date|1890|12|30}}", "1890-12-30"),
        ("{{Birth_date|df=y|1890|12|30}}", "1890-12-30"),
        ("{{death date and age|1947|11|17|1890|12|30}}", "1947-11-17"),
        ("{{birth year and age|1890}}", "1890"),
        ("{{death-date|17 November 1947}}", "1947-11-17"),
        ("{{death-date|November 17, 1947}}", "1947-11-17"),
        ("{{birth date|1890}}", "1890"),
        ("30 December 1890", "30 December 1890"),
    ],
)
def test_date_templates_are_iso_in_fields(template: str, iso: str) -> None:
    doc = doc_of(f"{{{{Infobox person|birth_date={template}}}}}\nText.")
    assert doc.field("Born").value == iso


def test_field_names() -> None:
    assert wikitext.field_name("birth_date") == "Born"
    assert wikitext.field_name("death place") == "Deathplace"
    assert wikitext.field_name("known_for") == "Known for"
    assert wikitext.field_name("signature_style") == "Signature style"


def test_title_from_bold_else_none() -> None:
    assert doc_of("Intro.\n\n'''Ada Example''' (1815–1852) was.").title == "Ada Example"
    assert doc_of("{{Infobox person|birth_date=1815}}\n'''Ada''' was.").title == "Ada"
    assert doc_of("No bold here.\n\n== S ==\n'''Later''' bold.").title is None


def test_headings_levels_and_paragraphs() -> None:
    doc = doc_of("Lead line one\nline two.\n\n== A ==\nText A.\n=== B ===\nText B.\n==== C ====\nText C.\n== D ==\nText D.")
    assert [(s.level, s.heading, s.parent) for s in doc.sections] == [
        (2, "A", None), (3, "B", 0), (4, "C", 1), (2, "D", None)]
    assert paragraphs(doc) == ["Lead line one line two.", "Text A.", "Text B.", "Text C.", "Text D."]
    assert doc.paragraphs[0].section is None and doc.paragraphs[2].section == 1


def test_lists_and_definitions() -> None:
    doc = doc_of("* one\n** one-a\n*** deep\n* two\n\n# first\n#* mixed\n\n; Term\n: Definition text.\n; T2 : D2")
    assert items(doc) == [("one", 1), ("one-a", 2), ("deep", 3), ("two", 1), ("first", 1), ("mixed", 2)]
    assert len(doc.lists) == 2  # the blank line ends the first list
    assert paragraphs(doc) == ["Term", "Definition text.", "T2", "D2"]


def test_text_after_list_is_a_paragraph() -> None:
    doc = doc_of("* a\n* b\nAfter the list.")
    assert items(doc) == [("a", 1), ("b", 1)]
    assert paragraphs(doc) == ["After the list."]


def test_file_line_does_not_split_paragraph() -> None:
    doc = doc_of("First half\n[[File:x.jpg|thumb|cap]]\nsecond half.\n[[Category:X]]")
    assert paragraphs(doc) == ["First half second half."]


@pytest.mark.parametrize("title", sorted(DROPPED_SECTIONS))
def test_dropped_sections(title: str) -> None:
    doc = doc_of(f"Lead.\n\n== Life ==\nLived.\n\n== {title.title()} ==\n* ref one\n=== Sub ===\nmore refs\n\n== Legacy ==\nRemembered.")
    assert [s.heading for s in doc.sections] == ["Life", "Legacy"]
    assert "ref one" not in doc.text and "more refs" not in doc.text
    assert paragraphs(doc) == ["Lead.", "Lived.", "Remembered."]


def test_kept_sections() -> None:
    doc = doc_of("== Further reading ==\n* Book one\n== See also ==\n* Other\n== Bibliography ==\n* Work")
    assert [s.heading for s in doc.sections] == ["Further reading", "See also", "Bibliography"]


def test_table_and_reflist_dropped() -> None:
    doc = doc_of('Before.\n{| class="wikitable"\n! H\n|-\n| cell\n|}\nAfter.\n\n== References ==\n{{Reflist}}\n<references />')
    assert paragraphs(doc) == ["Before.", "After."]
    assert "cell" not in doc.text


def test_citation_outside_ref_is_rendered() -> None:
    doc = doc_of("* {{cite book |last=Doe |first=Jane |title=A Life |publisher=Press |location=Paris |year=1950}}")
    assert items(doc) == [("Doe, Jane (1950). A Life. Paris: Press.", 1)]


# -- broken markup -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "kept", "warned"),
    [
        ("Intro {{cite web|url=x and more words\n\nSecond para.", ["Intro", "and more words", "Second para."], "'{{'"),
        ("See [[Foo bar and more\n\nNext.", ["See Foo bar and more", "Next."], "'[['"),
        ("Text<ref>unclosed ref and words\n\nMore.", ["unclosed ref and words", "More."], "<ref>"),
        ("Text</ref> after.", ["Text after."], "</ref>"),
        ("A <!-- unclosed comment\n\nB", ["unclosed comment", "B"], "<!--"),
        ("Stray }} and ]] here.", ["Stray and here."], "'}}'"),
    ],
)
def test_broken_markup_keeps_text(source: str, kept: list[str], warned: str) -> None:
    doc = doc_of(source)
    for text in kept:
        assert text in doc.text
    assert any(warned in w for w in doc.warnings), doc.warnings


def test_unclosed_heading_is_guessed() -> None:
    doc = doc_of("Lead.\n==Broken heading\nBody text.")
    assert [(s.level, s.heading) for s in doc.sections] == [(2, "Broken heading")]
    assert paragraphs(doc) == ["Lead.", "Body text."]
    assert any("heading" in w for w in doc.warnings)


def test_unbalanced_heading_equals() -> None:
    doc = doc_of("== Life ===\nText.\n=== Sub ==\nMore.")
    assert [s.heading for s in doc.sections] == ["Life", "Sub"]
    assert doc.warnings


def test_stray_equals_is_text() -> None:
    doc = doc_of("E = mc2 is a formula = fine.\n\n= lone\n\n=\n\nend")
    assert "E = mc2 is a formula = fine." in paragraphs(doc)
    assert "end" in doc.text


def test_unbalanced_quotes() -> None:
    doc = doc_of("'''Bold that never closes\n\nNext ''paragraph.")
    assert "Bold that never closes" in doc.text
    assert "Next" in doc.text and "paragraph." in doc.text
    assert "''" not in doc.text


@pytest.mark.parametrize(
    "source",
    ["", "   \n\n ", "{{", "}}", "[[", "]]", "<ref>", "==", "=", "{|", "|}", "'''", "* ", "#:;*", "[[|]]",
     "{{Infobox person", "{{Infobox person|birth_date={{birth date|x|y|z}}}}", "{{{{{{x}}}}}}",
     "[[File:a.jpg|[[b|c]]", "<div><div>x", "&bogus; &#xZZ;", "\x00\x01control\x02", "{{lang}}",
     "{{convert}}", "{{marriage}}", "{{cite book}}", "== <ref>x</ref> ==", "==[[File:x.jpg]]==\ny"],
)
def test_junk_never_crashes(source: str) -> None:
    doc_of(source)


def test_sniff() -> None:
    assert sniff(FIXTURE.read_text(encoding="utf-8"))
    assert sniff("{{Infobox person|name=X}}")
    assert sniff("'''Ada''' was a [[mathematician]].")
    assert sniff("Text.<ref>cite</ref>\n== Life ==\nMore.")
    assert not sniff("Just a plain sentence.\n\nAnother one.")
    assert not sniff("# Markdown title\n\nSome *text* and [a link](http://x).")
    assert not sniff("<!DOCTYPE html><html><body><p>[[x]] {{y}}</p></body></html>")
    if SHARED_CORPUS.exists():  # the plain corpus format shares == headings with wikitext
        assert not sniff(SHARED_CORPUS.read_text(encoding="utf-8"))


# -- properties ----------------------------------------------------------------------
WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=2, max_size=7)  # no vowels: never a keyword
WORDS = st.lists(WORD, min_size=1, max_size=4).map(" ".join)

# (source, visible text) pairs for inline pieces
PIECE = st.one_of(
    WORD.map(lambda w: (w, w)),
    WORDS.map(lambda w: (f"[[{w}]]", w)),
    st.tuples(WORDS, WORDS).map(lambda p: (f"[[{p[0]}|{p[1]}]]", p[1])),
    WORDS.map(lambda w: (f"'''{w}'''", w)),
    WORDS.map(lambda w: (f"''{w}''", w)),
    WORDS.map(lambda w: (f"[http://example.org/{w.replace(' ', '_')} {w}]", w)),
    WORDS.map(lambda w: (f"{{{{lang|fr|{w}}}}}", w)),
    WORDS.map(lambda w: (f"{{{{nowrap|{w}}}}}", w)),
    WORDS.map(lambda w: (f"<ref>{{{{cite book|title={w}}}}}</ref>", "")),
    WORD.map(lambda w: (f'<ref name="{w}"/>', "")),
    WORDS.map(lambda w: (f"{{{{sfn|{w}|1990|p=4}}}}", "")),
    WORDS.map(lambda w: (f"{{{{Some unknown|{w}}}}}", "")),
    WORDS.map(lambda w: (f"<!-- {w} -->", "")),
    st.just(("&amp;", "&")),
)
INLINE = st.lists(PIECE, min_size=1, max_size=10)


def _line(pieces: list[tuple[str, str]], first: str) -> tuple[str, str]:
    source = " ".join([first, *(s for s, _ in pieces)])
    visible = clean_inline(" ".join([first, *(v for _, v in pieces)]))
    return source, visible


BLOCK = st.one_of(
    st.tuples(st.just("para"), WORD, INLINE, st.just(0)),
    st.tuples(st.just("heading"), WORD, INLINE, st.integers(2, 5)),
    st.tuples(st.just("list"), WORD, st.lists(st.tuples(st.integers(1, 3), INLINE), min_size=1, max_size=4), st.sampled_from("*#")),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(BLOCK, max_size=12))
def test_generated_wikitext(blocks) -> None:
    chunks: list[str] = []
    paras, list_items, heads = [], [], []
    for kind, first, body, extra in blocks:
        if kind == "para":
            source, visible = _line(body, first)
            chunks.append(source)
            paras.append(visible)
        elif kind == "heading":
            source, visible = _line(body, first)
            chunks.append(f"{'=' * extra} {source} {'=' * extra}")
            heads.append(visible)
        else:
            lines = []
            for depth, pieces in body:
                source, visible = _line(pieces, first)
                lines.append(f"{extra * depth} {source}")
                list_items.append(visible)
            chunks.append("\n".join(lines))
    doc = read("\n\n".join(chunks), "generated.wiki")
    assert check_invariants(doc) == []
    for visible in paras:
        assert visible in doc.text
    assert [p.span.of(doc.text) for p in doc.paragraphs] == paras
    assert [s.heading for s in doc.sections] == heads
    assert [i.span.of(doc.text) for i in doc.items] == list_items


OPENERS = ["{{", "[[", "<ref>", '<ref name="a">', "<!--", "==", "=", "'''", "''", "|", "{|", "*", "#",
           ":", ";", "----", "<div>", "<span>", "{{Infobox person|name=", "[http://x", "&nbsp;", "__TOC__"]
JUNK_TOKENS = st.one_of(WORD, st.sampled_from(OPENERS), st.sampled_from(["}}", "]]", "</ref>", "-->", "|}", "<ref/>"]))
SEPARATOR = st.sampled_from([" ", "\n", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(JUNK_TOKENS, SEPARATOR), max_size=40))
def test_junk_wikitext_never_breaks(tokens) -> None:
    doc = read("".join(t + sep for t, sep in tokens), "junk.wiki")
    assert check_invariants(doc) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(WORD, st.sampled_from(OPENERS)), SEPARATOR), max_size=40))
def test_unclosed_markup_loses_no_words(tokens) -> None:
    """With openers but no closers nothing can legitimately hide text: every word survives."""
    doc = read("".join(t + sep for t, sep in tokens), "unclosed.wiki")
    assert check_invariants(doc) == []
    for token, _ in tokens:
        if token not in OPENERS:
            assert token in doc.text
