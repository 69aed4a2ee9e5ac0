"""BibTeX / BibLaTeX: the subject's works, for Zotero, JabRef, biber and BibTeX.

The same items as the CSL-JSON export, one entry each: ``@book``, ``@booklet``
(pamphlets), ``@article`` or ``@misc``, keyed like ``serge1946long``. Classic
fields (``author``, ``title``, ``year``, ``publisher``, ``address``,
``editor``) for BibTeX; BibLaTeX's ``date`` (EDTF levels 0-1: ``1921~``,
``1913/1917``, ``192X``, ``1940/..``), ``translator``, ``origtitle`` and
``origdate`` for biber, which reads uncertain and approximate dates. ``year``
is written only when the date is one calendar year AD; ``keywords`` holds the
work's kind and ``annote`` the document and span it was read from.
Values are UTF-8; TeX's special characters are escaped, titles are braced so
styles keep their case.
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Record
from . import _dates
from ._common import Index, clean, encode, kind_of, split_name
from .csl_json import keys

ENTRY_TYPES = {"book": "book", "pamphlet": "booklet", "article": "article", "other": "misc"}

_TEX = {"$": r"\$", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_"}
_TEX_WORDS = {"\\": "textbackslash", "{": "textbraceleft", "}": "textbraceright", "^": "textasciicircum",
              "~": "textasciitilde"}
_TEX_RE = re.compile(r"[\\{}$&%#_^~]")


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _tex_char(m: re.Match[str], braces: bool = True) -> str:
    ch = m.group()
    if ch in _TEX:
        return _TEX[ch]
    if ch in "{}" and braces:
        return "\\" + ch  # balanced, so BibTeX's brace counting still holds
    # a control word: "\textbackslash{}" ends it before punctuation and spaces; before a
    # letter or digit a space does (TeX drops it), as brace-dropping parsers need
    after = m.string[m.end() : m.end() + 1]
    return "\\" + _TEX_WORDS[ch] + (" " if after.isalnum() else "{}")


def tex(text: str) -> str:
    """Escape TeX's special characters; runs of white space (newlines too) become one space."""
    text = re.sub(r"\s+", " ", clean(text)).strip()
    braces = _balanced(text)  # \{ \} only in pairs; a lone brace becomes \textbraceleft
    return _TEX_RE.sub(lambda m: _tex_char(m, braces), text)


def bib_name(name: str) -> str:
    parts = split_name(name)
    if parts is None:
        return "{" + tex(name) + "}"  # a corporate or one-word name stays whole
    return f"{tex(parts[1])}, {tex(parts[0])}"


def _biblatex_date(value: str | None) -> str | None:
    """The EDTF value if biblatex can read it (level 0 and 1, four-digit years), else None."""
    v = _dates.parse(value)
    if v is None or isinstance(v, _dates.DateSet):
        return None
    dates = [v] if isinstance(v, _dates.Date) else [e for e in (v.start, v.end) if isinstance(e, _dates.Date)]
    for d in dates:
        if d.marks or d.exponent is not None or d.significant is not None or len(d.year.lstrip("-")) != 4:
            return None
        if d.month and not d.is_season and "X" in d.month and d.month != "XX":
            return None
        if d.is_season and int(d.month or 0) > 24:
            return None
    if isinstance(v, _dates.Interval) and "" in (v.start, v.end):
        return None  # an unknown end: biblatex has no syntax for it
    return value


def _single_year(value: str | None) -> int | None:
    ends = _dates.ends(value)
    if not ends or not ends[0] or not ends[1] or ends[0].year != ends[1].year or ends[0].year < 1:
        return None
    return ends[0].year


def export(record: Record, document: Document) -> bytes:
    ix = Index(record)
    ks = keys(record)
    s = record.subject
    header = re.sub(r"\s+", " ", clean(f"Works of {s.name if s else document.display_title}, exported by "
                                        f"vitagraph {record.version} from {document.name}")).replace("@", "(at)")
    out = [f"% {header}", ""]
    for w in ix.works.values():
        fields: list[tuple[str, str]] = []
        if s is not None and s.name:
            fields.append(("author", bib_name(s.name)))
        fields.append(("title", "{" + tex(w.title) + "}"))
        year = _single_year(w.year)
        if year is not None:
            fields.append(("year", str(year)))
        date = _biblatex_date(w.year)
        if date is not None and date != str(year):
            fields.append(("date", date))
        if w.translators:
            fields.append(("translator", " and ".join(bib_name(t) for t in w.translators)))
        if w.editors:
            fields.append(("editor", " and ".join(bib_name(e) for e in w.editors)))
        if w.publisher:
            fields.append(("publisher", tex(w.publisher)))
        if w.place:
            fields.append(("address", tex(w.place)))
        if w.original_title and w.original_title != w.title:
            fields.append(("origtitle", "{" + tex(w.original_title) + "}"))
        odate = _biblatex_date(w.original_year)
        if odate is not None:
            fields.append(("origdate", odate))
        if w.kind:
            fields.append(("keywords", tex(w.kind)))
        span = w.evidence[0] if w.evidence else None
        where = f", characters {span.start}-{span.end}" if span else ""
        fields.append(("annote", tex(f"Extracted by vitagraph from {document.name}{where}")))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value not in ("", "{}"))
        out.append(f"@{ENTRY_TYPES[kind_of(w)]}{{{ks[w.id]},\n{body}\n}}")
        out.append("")
    return encode("\n".join(out))
