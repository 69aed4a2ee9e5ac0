"""CSL-JSON and BibTeX: every work renders a citation in citeproc-py; bibtexparser reads BibTeX back."""

from __future__ import annotations

import io
import json
import warnings

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON

from test_export_common import (  # noqa: F401  (serge is a fixture)
    SUBJECT_NAME, empty, empty_document, malformed, malformed_document, odd, odd_document, serge)
from vitagraph.export import bibtex, csl_json
from vitagraph.model import Record, Subject, Work

STYLE = "harvard-cite-them-right"  # the style citeproc-py ships


def render(source, keys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about fields it does not use (translator...)
        style = CitationStylesStyle(STYLE, validate=False)
        bib = CitationStylesBibliography(style, source, formatter.plain)
        citations = [Citation([CitationItem(k)]) for k in keys]
        for c in citations:
            bib.register(c)
        missing: list[str] = []
        cites = [str(bib.cite(c, lambda item: missing.append(item.key))) for c in citations]
        entries = [str(e) for e in bib.bibliography()]
    assert not missing
    return cites, entries


def csl_source(items):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "citation-key" (CSL 1.0.2) is newer than citeproc-py
        return CiteProcJSON(items)


def csl_items(record=None, document=None):
    return json.loads(csl_json.export(record or odd(), document or odd_document()))


def test_every_work_renders_from_csl_json():
    items = csl_items()
    assert len(items) == 3
    cites, entries = render(csl_source(items), [i["id"] for i in items])
    assert cites == ["(Ōkawa, 1921)", "(Ōkawa, 1930)", "(Ōkawa, 1920s)"]
    assert len(entries) == 3
    assert "Translated by A. Smith and J. Doe" in entries[0] and "Penguin & Sons" in entries[0]
    assert "Ночь" in entries[1]


def test_csl_fields():
    first, second, third = csl_items()
    assert first["author"] == [{"family": "Ōkawa", "given": 'Zoë "Zed"'}]
    assert first["title"] == "100% Proof\\Truth_#1"
    assert first["issued"] == {"date-parts": [[1921]], "circa": True}  # 1921~: a year, approximately
    assert first["original-title"] == "<script>alert('x')</script>"
    assert first["original-date"] == {"date-parts": [[1920]]}
    assert first["translator"] == [{"family": "Smith", "given": "Ann"}, {"family": "Doe", "given": "John"}]
    assert (first["type"], second["type"], third["type"]) == ("article", "book", "document")
    assert third["issued"] == {"literal": "1920s"}  # 192X: no invented year
    assert third["title"] == 'The "Long"\nNight {draft}'
    assert "characters" in first["note"] and first["note"].startswith("Extracted by vitagraph from zoe <odd> & co.txt")
    assert len({i["id"] for i in (first, second, third)}) == 3


@pytest.mark.parametrize("edtf, expected", [
    ("1946", {"date-parts": [[1946]]}),
    ("1946-05", {"date-parts": [[1946, 5]]}),
    ("1946-05-02", {"date-parts": [[1946, 5, 2]]}),
    ("1946?", {"date-parts": [[1946]], "circa": True}),
    ("1933/1936", {"date-parts": [[1933], [1936]]}),
    ("1927-21", {"date-parts": [[1927]], "season": 1}),
    ("-0043", {"date-parts": [[-44]]}),  # 44 BC
    ("1933/..", {"literal": "from 1933"}),
    ("[1921,1922]", {"literal": "1921 or 1922"}),
    ("nonsense", None),
])
def test_csl_dates(edtf, expected):
    assert csl_json.csl_date(edtf) == expected


def test_bibtex_loads_in_bibtexparser_and_round_trips():
    data = bibtex.export(odd(), odd_document()).decode("utf-8")
    raw = bibtexparser.parse_string(data)
    assert not raw.failed_blocks
    assert [e.entry_type for e in raw.entries] == ["article", "book", "misc"]
    assert raw.entries[0].fields_dict["date"].value == "1921~"  # biblatex reads the EDTF qualifier
    assert raw.entries[0].fields_dict["year"].value == "1921"
    assert "year" not in raw.entries[2].fields_dict and raw.entries[2].fields_dict["date"].value == "192X"
    lib = bibtexparser.parse_string(data, append_middleware=[LatexDecodingMiddleware()])
    first, second, third = (e.fields_dict for e in lib.entries)
    assert first["title"].value == "100% Proof\\Truth_#1"
    assert first["publisher"].value == "Penguin & Sons"
    assert first["origtitle"].value == "<script>alert('x')</script>"
    assert first["translator"].value == "Smith, Ann and Doe, John"
    assert first["author"].value == 'Ōkawa, Zoë "Zed"'
    assert second["title"].value == "Ночь"
    assert third["title"].value == 'The "Long" Night {draft}'


def test_every_work_renders_from_bibtex():
    # citeproc-py's BibTeX reader drops every brace inside a field before expanding macros, so
    # it cannot read "\\{", nor a control word closed by "{}" at the end of a field
    # ("\\textasciitilde{}"); biber and bibtexparser read both (see the round trip above).
    # This record keeps to what that reader can take.
    works = tuple(Work(f"w{i}", t, y, k, ("Ann Smith",), (), "Penguin & Sons", "London", "Nuit", "1920",
                       (), ()) for i, (t, y, k) in enumerate([
                           ("100% Proof\\Truth_#1 $5", "1921~", "essay"),
                           ("Ночь", "1930", "novel"), ("Q & A", None, "pamphlet"), ("Untitled", "192X", None)]))
    record = Record("x", Subject("s", SUBJECT_NAME), works=works)
    data = bibtex.export(record, odd_document()).decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = BibTeX(io.StringIO(data), encoding="utf-8")
    keys = list(source)
    assert len(keys) == 4
    cites, entries = render(source, keys)
    assert len(entries) == 4 and all(c.startswith("(Ōkawa") for c in cites)
    assert any("100% Proof\\Truth_#1 $5" in e for e in entries)


def test_tex_specials_round_trip_through_bibtexparser():
    title = "50% of A_B & C #1 costs $5 ^ ~ \\ {x} end~"
    record = Record("x", Subject("s", "A B"), works=(Work("w", title, "1900"),))
    lib = bibtexparser.parse_string(bibtex.export(record, odd_document()).decode(),
                                    append_middleware=[LatexDecodingMiddleware()])
    decoded = lib.entries[0].fields_dict["title"].value
    # pylatexenc renders ~ as the tie it is in TeX; \\textasciitilde as "~"; ^ as a spacing circumflex
    assert decoded.replace("\u02c6", "^") == title


def test_lone_braces_stay_balanced():
    record = Record("x", Subject("s", "A B"), works=(Work("w", "a { b", "1900"), Work("v", "} c {", "1901")))
    data = bibtex.export(record, odd_document()).decode("utf-8")
    assert data.count("{") == data.count("}")
    assert not bibtexparser.parse_string(data).failed_blocks


def test_keys_are_unique_and_ascii():
    works = tuple(Work(f"w{i}", "The Same Title", "1930") for i in range(3)) + (Work("x", "東京物語", None),)
    keys = csl_json.keys(Record("x", Subject("s", "Zoë Ōkawa"), works=works))
    assert list(keys.values()) == ["okawa1930same", "okawa1930samea", "okawa1930sameb", "okawa"]
    assert all(k.isascii() for k in keys.values())


def test_empty_and_malformed():
    assert csl_items(empty(), empty_document()) == []
    assert bibtex.export(empty(), empty_document()).decode().strip().startswith("%")
    items = csl_items(malformed(), malformed_document())
    assert [i["title"] for i in items] == ["", "\ufffd"]  # duplicate id once; surrogate replaced
    render(csl_source(items), [i["id"] for i in items])
    assert not bibtexparser.parse_string(bibtex.export(malformed(), malformed_document()).decode()).failed_blocks


@pytest.mark.model
def test_serge_works_render(serge):
    record, doc = serge
    items = json.loads(csl_json.export(record, doc))
    cites, entries = render(csl_source(items), [i["id"] for i in items])
    assert len(entries) == len(record.works) and all("Serge" in c for c in cites)
    data = bibtex.export(record, doc).decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = BibTeX(io.StringIO(data), encoding="utf-8")
    cites, entries = render(source, list(source))
    assert len(entries) == len(record.works)
