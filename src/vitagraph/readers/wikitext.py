"""Read MediaWiki wikitext (a page's source, as from "Edit" or a dump).

mwparserfromhell parses the page into nodes; we render those nodes to text
ourselves so that only what a reader of the rendered article would see
reaches the Document: link labels but not targets, the words inside
formatting templates, no references, files, categories or tables.

Rendering is two-step. Nodes become one string in which block structure is
marked with control characters (headings, list markers); that string is then
cut into lines and fed to the ``DocumentBuilder``. Keeping the markers in
the string lets headings and list markers nested inside tags or templates
still land where they appear.

Choices worth knowing:

- Sections titled References, Notes, Citations, Footnotes or External links
  (and variants) are dropped with their heading: they hold reference lists
  and link farms, not life. "Further reading", "See also", "Sources" and
  "Bibliography" stay, since they often list the subject's own works.
- File/image captions are dropped with the file: they repeat the prose and
  would otherwise break a paragraph in two.
- Tables are dropped, except the infobox, whose parameters become fields.
- Unknown templates are dropped (they are mostly maintenance tags or
  navigation); the reader records which names it dropped in a warning.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Literal

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..document import Document
from ._builder import DocumentBuilder, clean_inline

FORMAT = "wikitext"

Mode = Literal["block", "inline", "field"]
"""block: body text with structure markers; inline: one line of text (link
labels, headings); field: an infobox value, where line breaks and list items
become ", "."""

# Control characters cannot occur in the text (``read`` strips them), so they
# can mark structure inside the rendered string.
_HEAD = "\x01"  # "\x01<level>\x02<title>" on a line of its own
_HEAD_END = "\x02"
_LIST = "\x03"  # followed by the marker: * # ; :
_SEP = "\x04"  # a separator that becomes ", " in field values and lists
_GONE = "\x05"  # something was removed here (ref, template): tidy spacing
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

DROPPED_SECTIONS = frozenset(
    {
        "references",
        "notes",
        "citations",
        "footnotes",
        "endnotes",
        "notes and references",
        "references and notes",
        "notes and citations",
        "citations and notes",
        "references and citations",
        "explanatory notes",
        "inline citations",
        "external links",
        "external link",
        "weblinks",
    }
)
"""Headings (case-folded) whose sections are reference apparatus, not content."""

# -- infobox keys ------------------------------------------------------------
_FIELD_NAMES = {
    "name": "Name",
    "birth_name": "Birth name",
    "birth_date": "Born",
    "birth_place": "Birthplace",
    "death_date": "Died",
    "death_place": "Deathplace",
    "death_cause": "Cause of death",
    "resting_place": "Resting place",
    "occupation": "Occupation",
    "occupations": "Occupation",
    "spouse": "Spouse",
    "spouses": "Spouse",
    "partner": "Partner",
    "partners": "Partner",
    "children": "Children",
    "parents": "Parents",
    "relatives": "Relatives",
    "nationality": "Nationality",
    "citizenship": "Citizenship",
    "education": "Education",
    "alma_mater": "Alma mater",
    "known_for": "Known for",
    "notable_works": "Notable works",
    "notableworks": "Notable works",
    "movement": "Movement",
    "genre": "Genre",
    "pseudonym": "Pen name",
    "pen_name": "Pen name",
    "other_names": "Other names",
    "native_name": "Native name",
    "years_active": "Years active",
    "party": "Political party",
    "awards": "Awards",
    "language": "Language",
    "period": "Period",
    "era": "Era",
    "website": "Website",
}
_SKIPPED_FIELDS = frozenset(
    {
        "image",
        "image_size",
        "imagesize",
        "image_upright",
        "upright",
        "alt",
        "caption",
        "image_caption",
        "signature",
        "signature_alt",
        "signature_size",
        "signature_type",
        "module",
        "module2",
        "module3",
        "embed",
        "child",
        "landscape",
        "box_width",
        "footnotes",
        "honorific_prefix",
        "honorific_suffix",
        "onlysourced",
        "qid",
    }
)


def field_name(key: str) -> str:
    """A readable label for an infobox parameter: ``birth_date`` -> ``Born``."""
    norm = re.sub(r"[\s_]+", "_", key.strip().lower())
    if norm in _FIELD_NAMES:
        return _FIELD_NAMES[norm]
    label = norm.replace("_", " ").strip()
    return label[:1].upper() + label[1:]


# -- dates -------------------------------------------------------------------
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(_MONTHS, 1)}
_MONTH_NUMBER.update({m[:3].lower(): i for i, m in enumerate(_MONTHS, 1)})
_MONTH_NUMBER["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DATE_PATTERNS = [
    (re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{1,4}})", re.I), "dmy"),
    (re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{1,4}})", re.I), "mdy"),
    (re.compile(r"^(\d{3,4})-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    (re.compile(r"^(\d{3,4})-(\d{1,2})\b(?!-)"), "ym"),
    (re.compile(rf"^({_MONTH_RE})\.?,?\s+(\d{{3,4}})\b", re.I), "my"),
    (re.compile(r"^(\d{3,4})\b(?![-/.]\d)"), "y"),
]


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the precision given: ``1890-12-30``, ``1890-12`` or ``1890``."""
    if not 0 < year < 10000:
        return None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def leading_date(text: str) -> tuple[str, str] | None:
    """The date a text starts with, as ISO, and the rest of the text.

    Covers the shapes infoboxes use ("30 December 1890", "December 30, 1890",
    "1890-12-30", "December 1890", "1890"); anything else is not a date.
    """
    text = text.strip()
    for pattern, shape in _DATE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groups()
        if shape == "dmy":
            iso = iso_date(int(g[2]), _MONTH_NUMBER[g[1].lower()], int(g[0]))
        elif shape == "mdy":
            iso = iso_date(int(g[2]), _MONTH_NUMBER[g[0].lower()], int(g[1]))
        elif shape == "ymd":
            iso = iso_date(int(g[0]), int(g[1]), int(g[2]))
        elif shape == "ym":
            iso = iso_date(int(g[0]), int(g[1]))
        elif shape == "my":
            iso = iso_date(int(g[1]), _MONTH_NUMBER[g[0].lower()])
        else:
            iso = iso_date(int(g[0]))
        if iso:
            return iso, text[m.end() :].strip()
    return None


def _human_date(iso: str) -> str:
    """Prose rendering of an ISO date, as the date templates show it: 30 December 1890."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _int(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return _MONTH_NUMBER.get(text.lower().rstrip("."))


# -- spacing -----------------------------------------------------------------
_G = re.escape(_GONE)
_TIDY = [
    (re.compile(rf"\(\s*(?:{_G}\s*)+\)"), _GONE),  # "(<ref/>)" -> nothing
    (re.compile(rf"\(\s*(?:{_G}\s*)+[;,]\s*"), "("),  # "({{IPA}}; born" -> "(born"
    (re.compile(rf"\s*[;,]\s*(?:{_G}\s*)+\)"), ")"),  # "(born; {{IPA}})" -> "(born)"
    (re.compile(rf"\s+(?:{_G}\s*)+(?=[,.;:!?)\]])"), ""),  # "word {{sfn}}." -> "word."
]


def finish_text(text: str) -> str:
    """Tidy the spacing left where markup was removed, then make it one line."""
    if _GONE in text:
        for pattern, repl in _TIDY:
            text = pattern.sub(repl, text)
        text = text.replace(_GONE, "")
    return clean_inline(text)


def _join_items(text: str) -> str:
    """``a<SEP>b<SEP><SEP>c`` -> ``a, b, c``: list-like values on one line."""
    pieces = (finish_text(p).strip(" ,;") for p in text.split(_SEP))
    return ", ".join(p for p in pieces if p)


# -- markup the parser left as plain text -------------------------------------
_KNOWN_TAGS = (
    "ref|references|div|span|small|big|sup|sub|b|i|u|s|del|ins|center|blockquote|poem|br|p|"
    "font|code|nowiki|gallery|table|tr|td|th|ul|ol|li|dl|dt|dd|abbr|cite|q|em|strong|pre|"
    "includeonly|noinclude|onlyinclude|syntaxhighlight|math|score|timeline|hr"
)
_STRAY = re.compile(
    rf"<!--|-->|\{{\{{|\}}\}}|\[\[|\]\]|</?(?:{_KNOWN_TAGS})\b[^<>]*>|'{{2,}}|__[A-Z]+__"
    r"|^[ \t]*(?:\{\||\|\}|\|-)",
    re.I | re.M,
)


# -- templates ---------------------------------------------------------------
_DATE_TEMPLATES = {
    # name: 1 when the parameters are year|month|day numbers, 0 when one free-text date
    "birth date": 1,
    "birth date and age": 1,
    "bda": 1,
    "dob": 1,
    "death date": 1,
    "death date and age": 1,
    "dda": 1,
    "start date": 1,
    "start date and age": 1,
    "end date": 1,
    "end date and age": 1,
    "start-date": 0,
    "end-date": 0,
    "birth-date": 0,
    "death-date": 0,
    "birth-date and age": 0,
    "death-date and age": 0,
    "birth year and age": 1,
    "death year and age": 1,
    "birth year": 1,
    "death year": 1,
}
_FIRST_PARAM = frozenset(
    {
        "nowrap",
        "nobr",
        "nobreak",
        "small",
        "smaller",
        "big",
        "larger",
        "large",
        "em",
        "strong",
        "sc",
        "smallcaps",
        "small caps",
        "noitalic",
        "nobold",
        "var",
        "mono",
        "code",
        "sic",
        "not a typo",
        "as written",
        "proper name",
        "abbr",
        "visible anchor",
        "vanchor",
        "nihongo",
        "keep together",
        "resize",
        "tooltip",
        "hover title",
        "linktext",
        "nowraplinks",
        "lang-x",
        "midsize",
        "allcaps",
        "serif",
        "sans-serif",
        "uc",
        "lc",
        "nowrap/sandbox",
    }
)
_SECOND_PARAM = frozenset({"lang", "langx", "native name", "native phrase", "wikt-lang", "rtl-lang"})
_LAST_PARAM = frozenset({"transl", "transliteration", "translit", "tlit"})
_LITERALS = {
    "ndash": "–",
    "en dash": "–",
    "dash": "–",
    "mdash": "—",
    "em dash": "—",
    "snd": " – ",
    "spnd": " – ",
    "spaced ndash": " – ",
    "spaced en dash": " – ",
    "nbsp": " ",
    "space": " ",
    "spaces": " ",
    "thinsp": " ",
    "thin space": " ",
    "sp": " ",
    "'": "'",
    '"': '"',
    "!": "|",
    "=": "=",
    "bull": "•",
    "middot": "·",
    "·": "·",
    "•": "•",
    "shy": "",
    "zwsp": "",
    "-": "",
    "clear": _GONE,
    "circa": "c.",
    "c.": "c.",
    "c": "c.",
    "ca": "c.",
    "ca.": "c.",
    "floruit": "fl.",
    "fl.": "fl.",
    "fl": "fl.",
}
_LIST_TEMPLATES_BODY = frozenset({"plainlist", "plain list", "flatlist", "flat list", "startflatlist"})
_LIST_TEMPLATES_PARAMS = frozenset(
    {
        "hlist",
        "unbulleted list",
        "ubl",
        "ubil",
        "unbulleted indent list",
        "bulleted list",
        "blist",
        "bullet list",
        "ordered list",
        "collapsible list",
        "flowlist",
        "plainlist/items",
    }
)
_QUOTE_TEMPLATES = frozenset(
    {"quote", "blockquote", "cquote", "quotation", "quote box", "rquote", "poemquote", "centered pull quote"}
)
# Dropped without comment: reference and maintenance apparatus, navigation.
_QUIET_DROPS = (
    re.compile(
        r"^(?:sfn|sfnp|sfnm|efn|refn|ref|rp|r|harv|harvnb|harvp|harvtxt|harvcoltxt|notelist|reflist|"
        r"refbegin|refend|ipa|ipac|pronunciation|respell|audio|listen|short description|"
        r"use \w+ (?:dates|english|spelling)|engvar\w*|authority control|portal|portal bar|commons|"
        r"commons category|wikisource|sister project links|main|main article|see also|"
        r"further|further information|about|for|other uses|redirect|distinguish|good article|"
        r"featured article|pp|pp-\w+|citation needed|cn|fact|clarify|when|who|which|dubious|"
        r"verify|dead link|failed verification|page needed|better source needed|by whom|"
        r"according to whom|full citation needed|coord|coord missing|clear|clr|toc\w*|defaultsort|"
        r"lowercase title|italic title|multiple issues|more citations needed|unreferenced|"
        r"citation style|primary sources|anchor|anchors|navbox|sidebar|s-\w+|succession box|"
        r"wikisource author|gutenberg author|librivox author|imdb name|find a grave|webarchive|"
        r"dts|sort|sortname|flagicon|flag|flagcountry|nbsp;?|break|crossreference|cross-reference|"
        r"sup|rp)$"
        r"|^(?:ipa[- ]|ipac-|wikiquote|sfn|efn|harv|lang-\w+-ipa|infobox|cite |citation|navbox|portal|s-|pp-|use |"
        r"user |wp|template:|#)"
    )
)


_DROPPED_TAGS = frozenset(
    "table ref references gallery math chem ce score timeline imagemap templatedata graph mapframe "
    "maplink includeonly indicator categorytree inputbox section templatestyles".split()
)
"""Tags whose content is not prose (tables, references, media, machinery)."""
_LITERAL_TAGS = frozenset({"nowiki", "pre", "syntaxhighlight", "source"})
"""Tags whose content MediaWiki shows as written, markup and all."""
_BLOCK_TAGS = frozenset("p div blockquote center poem ul ol dl dd dt h2 h3 h4 h5 h6".split())
"""HTML tags that start and end a block: their edges are paragraph breaks."""


def _template_name(tpl: Template) -> str:
    """Normalised template name: case-folded, spaces for underscores, no prefix."""
    name = re.sub(r"<!--.*?-->", "", str(tpl.name), flags=re.S)
    name = re.sub(r"[\s_]+", " ", name).strip().lower()
    if name.startswith("template:"):
        name = name[len("template:") :].strip()
    return name


def _positional(tpl: Template) -> list[Wikicode]:
    """Positional parameters in order, whether written ``|x`` or ``|1=x``."""
    found: dict[int, Wikicode] = {}
    for param in tpl.params:
        key = str(param.name).strip()
        if key.isdigit():
            found[int(key)] = param.value
    return [found[i] for i in sorted(found)]


def _named(tpl: Template, *keys: str) -> Wikicode | None:
    for key in keys:
        if tpl.has(key):
            value = tpl.get(key).value
            if str(value).strip():
                return value
    return None


class _Renderer:
    """Turns parsed wikitext into text; collects the warnings it had to raise."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.dropped_templates: set[str] = set()
        self.skip: Node | None = None  # the infobox, rendered as fields instead

    def warn(self, message: str) -> None:
        if message not in self.warnings and len(self.warnings) < 50:
            self.warnings.append(message)

    # -- entry points ------------------------------------------------------
    def render(self, code: Wikicode | None, mode: Mode) -> str:
        if code is None:
            return ""
        return "".join(self.node(n, mode) for n in code.nodes)

    def inline(self, code: Wikicode | None) -> str:
        """One clean line: no structure markers, no line breaks."""
        text = self.render(code, "inline")
        text = re.sub(f"[{_HEAD}{_HEAD_END}{_LIST}]", " ", text).replace(_SEP, ", ")
        return finish_text(text)

    def field(self, code: Wikicode | None) -> str:
        """An infobox value: line breaks and list items become ", "."""
        text = self.render(code, "field")
        text = re.sub(f"[{_HEAD}{_HEAD_END}{_LIST}\n]", _SEP, text)
        return _join_items(text)

    # -- nodes -------------------------------------------------------------
    def node(self, n: Node, mode: Mode) -> str:
        if isinstance(n, Text):
            return self.text(str(n))
        if isinstance(n, Wikilink):
            return self.wikilink(n)
        if isinstance(n, Template):
            return self.template(n, mode)
        if isinstance(n, Tag):
            return self.tag(n, mode)
        if isinstance(n, HTMLEntity):
            try:
                return n.normalize().replace("\xa0", " ")
            except ValueError:
                return str(n)
        if isinstance(n, Heading):
            return self.heading(n, mode)
        if isinstance(n, ExternalLink):
            if n.title is not None and str(n.title).strip():
                return self.inline(n.title)
            return _GONE if n.brackets else str(n.url)
        if isinstance(n, Comment):
            return _GONE
        if isinstance(n, Argument):
            return self.render(n.default, mode) if n.default is not None else _GONE
        return ""

    def text(self, text: str) -> str:
        """Plain text, minus markup that was left over because it did not close."""
        if not _STRAY.search(text):
            return text

        def fix(m: re.Match[str]) -> str:
            token = m.group(0)
            if token.startswith("__") or token.startswith("'"):
                if token.startswith("'"):
                    self.warn("unbalanced bold/italic quotes; removed")
                return ""
            snippet = clean_inline(text[max(0, m.start() - 20) : m.end() + 30])
            self.warn(f"unclosed or stray {token.strip()!r} near {snippet!r}; kept the text")
            if token.lower().startswith("<ref"):
                return _GONE if token.endswith("/>") else f" {_GONE}"
            return ""

        return _STRAY.sub(fix, text)

    def heading(self, n: Heading, mode: Mode) -> str:
        title = self.inline(n.title)
        if title.startswith("=") or title.endswith("="):
            self.warn(f"heading with unbalanced '=' signs: {str(n).strip()!r}")
            title = title.strip("= ")
        if mode != "block":
            return title
        return f"\n{_HEAD}{n.level}{_HEAD_END}{title}\n"

    def wikilink(self, n: Wikilink) -> str:
        target = clean_inline(self.inline(n.title)).lstrip()
        colon = target.startswith(":")
        target = target.lstrip(":").strip()
        prefix, _, rest = target.partition(":")
        ns = prefix.strip().lower()
        if not colon and ns in ("file", "image", "media", "category"):
            return _GONE
        if n.text is not None:
            label = self.inline(n.text)
            if label:
                return label
            if str(n.text).strip():  # a label made only of removed markup
                return _GONE
            # The pipe trick: [[Target (disambiguation)|]] shows "Target".
            shown = rest if rest and " " not in ns else target
            return re.sub(r"\s*\([^()]*\)$", "", shown).strip()
        if rest and re.fullmatch(r"[a-z]{2,3}(?:-[a-z]{2,8})?", ns) and not colon:
            return _GONE  # interlanguage link: [[fr:Victor Serge]]
        return target.lstrip("#").replace("_", " ")

    def tag(self, n: Tag, mode: Mode) -> str:
        markup = n.wiki_markup
        if markup in ("*", "#", ";", ":"):
            if mode == "block":
                return _LIST + markup
            return _SEP if mode == "field" else " "
        name = str(n.tag).strip().lower()
        if markup == "----" or name == "hr":
            return "\n\n" if mode == "block" else " "
        if name in _DROPPED_TAGS:
            return "\n\n" if name == "table" and mode == "block" else _GONE
        if name == "br":
            return _SEP if mode == "field" else " "
        if name in _LITERAL_TAGS and n.contents is not None:
            literal = html.unescape(str(n.contents))
            return literal if name != "pre" or mode != "block" else f"\n\n{literal}\n\n"
        body = self.render(n.contents, mode)
        if name == "li" and not markup:
            return f"\n{_LIST}*{body}\n" if mode == "block" else f"{_SEP}{body}"
        if name in _BLOCK_TAGS:
            if mode == "block":
                return f"\n\n{body}\n\n"
            return f"{_SEP}{body}{_SEP}" if mode == "field" else f" {body} "
        return body

    def template(self, n: Template, mode: Mode) -> str:
        if n is self.skip:
            return _GONE
        name = _template_name(n)
        args = _positional(n)

        def arg(i: int) -> str:
            return self.inline(args[i]) if i < len(args) else ""

        if name in _LITERALS:
            literal = _LITERALS[name]
            if literal in ("c.", "fl.") and args:
                return f"{literal} {arg(0)}"
            return literal
        if name in _DATE_TEMPLATES:
            return self.date(n, name, args, mode)
        if name in _FIRST_PARAM or re.fullmatch(r"lang-[a-z]{2,3}(?:-[a-z]+)?", name):
            return arg(0) or _GONE
        if name in _SECOND_PARAM:
            return self.inline(_named(n, "text")) or arg(1) or _GONE
        if name in _LAST_PARAM:
            return arg(len(args) - 1) or _GONE
        if name in _LIST_TEMPLATES_BODY:
            items = self.render(args[0] if args else None, "field")
            return _join_items(re.sub(f"[{_LIST}\n]", _SEP, items)) or _GONE
        if name in _LIST_TEMPLATES_PARAMS:
            return ", ".join(x for x in (self.inline(a) for a in args) if x) or _GONE
        if name in _QUOTE_TEMPLATES:
            body = self.render(_named(n, "text", "quote", "quotetext") or (args[0] if args else None), mode)
            return f"\n\n{body}\n\n" if mode == "block" else body
        if name in ("convert", "cvt"):
            return self.convert([self.inline(a) for a in args])
        if name in ("marriage", "married"):
            return self.marriage(n, args)
        if name in ("url", "official url", "official website"):
            url = arg(1) or arg(0)
            return url or _GONE
        if name.startswith("cite ") or name in ("citation", "cite"):
            return self.citation(n)
        if _QUIET_DROPS.search(name):
            return _GONE
        if ":" not in name:  # "#if:", "DEFAULTSORT:..." are parser functions
            self.dropped_templates.add(name)
        return _GONE

    # -- template helpers --------------------------------------------------
    def date(self, n: Template, name: str, args: list[Wikicode], mode: Mode) -> str:
        """Date templates: ISO in infobox fields, "30 December 1890" in prose."""
        values = [self.inline(a) for a in args]
        iso: str | None = None
        if _DATE_TEMPLATES[name] == 0:  # free text: {{birth-date|30 December 1890}}
            found = leading_date(values[0]) if values else None
            iso = found[0] if found else None
            if iso is None:
                return values[0] if values else _GONE
        else:
            nums = [_int(v) for v in values[:3]]
            year = nums[0] if nums else None
            if year is not None:
                month = nums[1] if len(nums) > 1 and "year" not in name else None
                day = nums[2] if len(nums) > 2 and month is not None else None
                iso = iso_date(year, month, day)
            if iso is None:
                if values:
                    self.warn(f"could not read a date from {{{{{name}|{'|'.join(values)}}}}}")
                    return " ".join(values)
                return _GONE
        return iso if mode == "field" else _human_date(iso)

    @staticmethod
    def convert(values: list[str]) -> str:
        if not values:
            return _GONE
        if len(values) >= 4 and values[1] in ("-", "–", "to", "and", "or", "&", "x", "by", "+/-"):
            joiner = "–" if values[1] in ("-", "–") else f" {values[1]} "
            return f"{values[0]}{joiner}{values[2]} {values[3]}"
        return " ".join(v for v in values[:2] if v)

    def marriage(self, n: Template, args: list[Wikicode]) -> str:
        values = [self.inline(a) for a in args]
        if not values:
            return _GONE
        who, years = values[0], [v for v in values[1:3] if v]
        if not years:
            return who
        end = self.inline(_named(n, "end", "reason")).lower()
        if len(years) == 1:
            return f"{who} (m. {years[0]})"
        reason = {"d": "died", "d.": "died", "died": "died", "death": "died", "sep": "sep.",
                  "separated": "sep.", "annulled": "annulled", "annulment": "annulled"}.get(end, "div.")
        return f"{who} (m. {years[0]}; {reason} {years[1]})"

    def citation(self, n: Template) -> str:
        """A citation template outside a ref (a bibliography entry): author (year). Title. Place: Publisher."""

        def get(*keys: str) -> str:
            return self.inline(_named(n, *keys))

        author = get("author", "author1", "authors")
        last, first = get("last", "last1", "surname", "surname1"), get("first", "first1", "given")
        if not author and last:
            author = f"{last}, {first}" if first else last
        year = get("year", "date", "publication-date")
        title = get("title", "chapter", "script-title")
        place = get("location", "place", "publication-place")
        publisher = get("publisher", "work", "journal", "newspaper", "magazine", "website")
        parts = []
        if author:
            parts.append(f"{author} ({year})." if year else f"{author}.")
        elif year:
            parts.append(f"({year}).")
        if title:
            parts.append(f"{title}." if not title.endswith((".", "?", "!")) else title)
        if publisher:
            parts.append(f"{place}: {publisher}." if place else f"{publisher}.")
        return " ".join(parts) or _GONE


# -- lines to blocks ---------------------------------------------------------
_GUESSED_HEADING = re.compile(r"^(={2,6})\s*([^=].*?)\s*=*\s*$")


def _emit(body: str, b: DocumentBuilder, warn: Callable[[str], None]) -> None:
    """Cut the rendered body into lines and emit headings, paragraphs and items."""
    para: list[str] = []
    skip_level: int | None = None

    def flush() -> None:
        if para:
            if skip_level is None:
                b.paragraph(finish_text(" ".join(para)))
            para.clear()

    for line in body.split("\n"):
        heading: tuple[int, str] | None = None
        if line.startswith(_HEAD):
            level, _, title = line[1:].partition(_HEAD_END)
            heading = (int(level), finish_text(title))
        elif not line.startswith(_LIST) and (m := _GUESSED_HEADING.match(line.strip())):
            heading = (len(m.group(1)), finish_text(m.group(2)))
            warn(f"heading without closing '=' signs: {line.strip()!r}; read as level {heading[0]}")
        if heading is not None:
            flush()
            level, title = heading
            if not title:
                continue
            if skip_level is not None and level > skip_level:
                continue
            skip_level = level if title.casefold().strip(" :") in DROPPED_SECTIONS else None
            if skip_level is None:
                b.heading(level, title)
            continue
        if line.startswith(_LIST):
            flush()
            markers = ""
            rest = line
            while rest.startswith(_LIST) and len(rest) > 1:
                markers += rest[1]
                rest = rest[2:]
            parts = rest.split(_LIST)
            first, others = parts[0], [p[1:] for p in parts[1:]]
            if skip_level is None:
                if any(c in "*#" for c in markers):
                    b.item(finish_text(first), depth=len(markers))
                else:  # ; and : lines are definitions and indented text
                    b.paragraph(finish_text(first))
                for other in others:  # "; term : definition" on one line
                    b.paragraph(finish_text(other))
            continue
        if not line.strip():
            flush()
            b.end_list()
            continue
        if not finish_text(line):
            continue  # only removed markup (a file, a category, a comment): not a break
        if not para:
            b.end_list()
        para.append(line)
    flush()


# -- the reader --------------------------------------------------------------
def _find_infobox(code: Wikicode) -> Template | None:
    for tpl in code.filter_templates(recursive=True):
        if _template_name(tpl).startswith("infobox"):
            return tpl
    return None


def _lead_bold(code: Wikicode, r: _Renderer) -> str | None:
    """The first bold text before the first heading: the article's subject."""

    def search(nodes: list[Node]) -> str | None | bool:
        """The bold text; None to keep looking; False once a heading is passed."""
        for n in nodes:
            if isinstance(n, Heading):
                return False
            if isinstance(n, Tag) and n.contents is not None and str(n.tag).lower() != "ref":
                if (n.wiki_markup and "'''" in n.wiki_markup) or str(n.tag).lower() == "b":
                    if text := r.inline(n.contents):
                        return text
                found = search(n.contents.nodes)
                if found is not None:
                    return found
        return None

    found = search(code.nodes)
    return found or None


def read(text: str, name: str, encoding: str = "utf-8") -> Document:
    """Read a wikitext page into a Document (format ``"wikitext"``)."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    b = DocumentBuilder(name, FORMAT, encoding)
    r = _Renderer()
    try:
        code = mwparserfromhell.parse(text)
    except Exception as exc:  # the parser aims never to raise; if it does, keep the words
        r.warn(f"wikitext parser failed ({exc}); read the page as plain text")
        code = Wikicode([Text(text)])

    infobox = _find_infobox(code)
    title: str | None = None
    fields: list[tuple[str, str]] = []
    if infobox is not None:
        r.skip = infobox
        for param in infobox.params:
            key = re.sub(r"<!--.*?-->", "", str(param.name), flags=re.S).strip()
            norm = re.sub(r"[\s_]+", "_", key.lower())
            if not key or key.isdigit() or norm in _SKIPPED_FIELDS or norm.endswith("_coordinates"):
                continue
            value = r.field(param.value)
            if norm == "name":
                title = title or value or None
            elif value:
                fields.append((field_name(key), value))
    title = title or _lead_bold(code, r)
    if title:
        b.title(title)
    for key, value in fields:
        b.field(key, value)
    _emit(r.render(code, "block"), b, r.warn)
    if r.dropped_templates:
        names = ", ".join(sorted(r.dropped_templates)[:12])
        r.warn(f"dropped {len(r.dropped_templates)} unknown template(s): {names}")
    b.warnings.extend(r.warnings)
    return b.build()


_SIGNS = [
    re.compile(r"\{\{\s*infobox", re.I),
    re.compile(r"\[\[[^\[\]\n]+\]\]"),
    re.compile(r"'''[^'\n]+'''"),
    re.compile(r"<ref[\s>/]", re.I),
    re.compile(r"^={2,6}[^=\n]+={2,6}[ \t]*$", re.M),
    re.compile(r"\{\{[^{}\n]+\}\}"),
    re.compile(r"^\{\|", re.M),
]
_STRONG = re.compile(r"\{\{\s*infobox|\[\[\s*category\s*:|\{\{\s*reflist|<references\s*/>", re.I)


def sniff(text: str) -> bool:
    """Does this look like wikitext? One strong sign (an infobox, a category
    link, a reference list) or two ordinary ones: the plain corpus format
    shares ``==`` headings with wikitext, so headings alone are not enough."""
    head = text[:50_000]
    if re.match(r"\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html)\b", head, re.I):
        return False
    if _STRONG.search(head):
        return True
    return sum(1 for sign in _SIGNS if sign.search(head)) >= 2
