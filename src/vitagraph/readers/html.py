"""Read an HTML page: a saved Wikipedia article, or any plain article page.

selectolax (lexbor) parses the page as a browser would, so unclosed tags are
repaired rather than fatal. We keep the article body only, take the infobox
rows as fields, and walk the body in document order emitting headings,
paragraphs and list items to the ``DocumentBuilder``.

Choices worth knowing (the same as the wikitext reader where they overlap):

- Dropped: scripts, styles, site chrome (navigation, header, footer,
  category links), reference markers and reference lists, navboxes, the
  table of contents, edit links, hatnotes ("For other uses, see ..."),
  maintenance boxes, hidden text, pronunciation (IPA) spans, and every table
  except the infobox.
- Figures and thumbnails are dropped with their captions: captions repeat
  the prose and would otherwise break a paragraph in two.
- Sections titled References, Notes, External links (see
  ``DROPPED_SECTIONS``) are dropped with their heading.
- Wikipedia's person infobox folds birth name, date and place into one
  "Born" row; its microformat classes (``bday``, ``birthplace``...) split it
  back into Born/Birthplace fields, with dates as ISO.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..document import Document
from ._builder import DocumentBuilder, clean_inline
from .wikitext import DROPPED_SECTIONS, finish_text, leading_date

FORMAT = "html"

_SEP = "\x04"  # between values of one infobox cell: becomes ", "
_GONE = "\x05"  # where an inline element was removed: lets finish_text tidy spacing
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_CHROME = ", ".join(
    [
        "script", "style", "noscript", "template", "link", "meta", "iframe", "object", "embed",
        "svg", "canvas", "button", "input", "select", "textarea", "nav", "footer",
        "#mw-navigation", "#mw-head", "#mw-panel", "#mw-page-base", "#mw-head-base",
        ".vector-header", ".vector-header-container", ".vector-column-start",
        ".vector-page-toolbar", ".vector-menu", ".vector-sticky-header", ".mw-portlet",
        ".mw-footer", "#footer", "#catlinks", ".catlinks", "#siteSub", "#contentSub",
        "#jump-to-nav", ".mw-jump-link", ".mw-indicators", ".printfooter", "#p-lang",
        "[role=navigation]", "#toc", ".toc", "#vector-toc", ".mw-editsection",
        ".navbox", ".navbox-styles", ".vertical-navbox", ".sidebar", ".authority-control",
        ".reflist", "ol.references", ".references", ".mw-references-wrap", ".refbegin",
        ".hatnote", ".dablink", ".rellink", ".ambox", ".mbox-small", ".metadata", ".noprint",
        ".sistersitebox", ".portalbox", ".portal-bar", ".shortdescription", ".mw-empty-elt",
        "figure", ".thumb", ".tmulti", ".gallery", ".mw-gallery-traditional", ".mw-halign-right",
        ".mwe-math-element",
    ]
)
"""Blocks that are not the article: removed before anything is read."""

_INLINE_JUNK = ", ".join(
    [
        "sup.reference", "sup.noprint", ".Inline-Template", ".mw-ref", ".IPA",
        ".rt-commentedText", ".ext-phonos", "span.mw-cite-backlink", ".sortkey",
        "[style*='display:none']", "[style*='display: none']", "[hidden]",
    ]
)
"""Inline bits that are not prose (reference marks, IPA, hidden text)."""

_BLOCK = frozenset(
    "p div section article main header aside blockquote center figure figcaption h1 h2 h3 h4 h5 "
    "h6 ul ol dl dt dd li pre table hr form address details summary fieldset body html "
    "hgroup menu".split()
)
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCK - {"body", "html"}))
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_MICROFORMATS = [
    ("nickname", "Birth name"),
    ("bday", "Born"),
    ("birthplace", "Birthplace"),
    ("dday", "Died"),
    ("deathdate", "Died"),
    ("deathplace", "Deathplace"),
]
_PLACE_AFTER_DATE = {"born": "Birthplace", "died": "Deathplace"}


def _classes(node: LexborNode) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def _inline(node: LexborNode, sep: str = " ") -> str:
    """A node's text with ``<br>`` (and, in infobox cells, block edges) as ``sep``."""
    parts: list[str] = []

    def walk(n: LexborNode) -> None:
        for child in n.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag == "br":
                parts.append(sep)
            elif tag.startswith("-"):
                continue  # comments, doctype
            elif sep != " " and tag in _BLOCK:
                parts.append(sep)
                walk(child)
                parts.append(sep)
            else:
                walk(child)

    walk(node)
    return "".join(parts)


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """Drop matches nested in other matches: removing a parent frees its children."""
    ids = {n.mem_id for n in nodes}
    kept = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def _remove(nodes: list[LexborNode], marker: str | None = None) -> None:
    for node in _outermost(nodes):
        if marker is None:
            node.decompose()
        else:
            node.replace_with(marker)


def _join_cell(text: str) -> str:
    pieces = (finish_text(p).strip(" ,;") for p in text.split(_SEP))
    return ", ".join(p for p in pieces if p)


class _Reader:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.skip_level: int | None = None
        self.title_h1_pending: str | None = None

    # -- infobox -----------------------------------------------------------
    def infobox(self, table: LexborNode) -> None:
        rows: list[LexborNode] = []
        for child in table.iter():
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("tbody", "thead", "tfoot"):
                rows.extend(r for r in child.iter() if r.tag == "tr")
        for row in rows:
            cells = list(row.iter())
            th = next((c for c in cells if c.tag == "th"), None)
            td = next((c for c in cells if c.tag == "td"), None)
            if th is None or td is None:
                continue  # a header, an image or a caption row
            key = finish_text(_inline(th)).rstrip(":").strip()
            if key:
                self.infobox_row(key, td)

    def infobox_row(self, key: str, td: LexborNode) -> None:
        emitted: set[str] = set()
        selector = ", ".join(f".{cls}" for cls, _ in _MICROFORMATS)
        # Only the folded Born/Died rows are split: elsewhere (an "Other names"
        # row) the same classes just mark the row's own value.
        folded = key.casefold() in _PLACE_AFTER_DATE
        for node in _outermost(td.css(selector)) if folded else ():
            found = _classes(node)
            label = next(lbl for cls, lbl in _MICROFORMATS if cls in found)
            value = _join_cell(_inline(node, _SEP))
            if label in ("Born", "Died") and (date := leading_date(value)):
                value = date[0]
            if value and label not in emitted:
                self.b.field(label, value)
                emitted.add(label)
            node.decompose()
        if key in emitted:
            return
        _remove(td.css(_INLINE_JUNK))
        value = _join_cell(_inline(td, _SEP))
        place_key = _PLACE_AFTER_DATE.get(key.casefold())
        if place_key and (date := leading_date(value)):
            # "30 December 1890, Brussels, Belgium": the date, then the place.
            iso, rest = date
            rest = re.sub(r"^\(?aged \d+\)?", "", rest).strip(" ,;")
            if key not in emitted:
                self.b.field(key, iso)
            if rest and place_key not in emitted:
                self.b.field(place_key, rest)
            return
        if value:
            self.b.field(key, value)

    # -- body --------------------------------------------------------------
    def heading(self, level: int, text: str) -> None:
        text = finish_text(text)
        if not text:
            return
        if level == 1 and self.title_h1_pending is not None and text == self.title_h1_pending:
            self.title_h1_pending = None  # the title, already emitted
            return
        if self.skip_level is not None and level > self.skip_level:
            return
        self.skip_level = level if text.casefold().strip(" :") in DROPPED_SECTIONS else None
        if self.skip_level is None:
            self.b.heading(level, text)

    def paragraph(self, text: str) -> None:
        if self.skip_level is None:
            self.b.paragraph(finish_text(text))

    def item(self, text: str, depth: int) -> None:
        if self.skip_level is None:
            self.b.item(finish_text(text), depth)

    def container(self, node: LexborNode) -> None:
        """Walk a block that holds other blocks; loose inline runs become paragraphs."""
        run: list[str] = []

        def flush() -> None:
            if run:
                self.paragraph("".join(run))
                run.clear()

        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                run.append(child.text_content or "")
            elif tag.startswith("-"):
                continue
            elif tag == "br":
                run.append(" ")
            elif tag in _BLOCK:
                flush()
                self.block(child)
            elif child.css_first(_BLOCK_SELECTOR) is not None:
                flush()  # an inline element wrapping blocks (<a><div>..</div></a>)
                self.container(child)
            else:
                run.append(_inline(child))
        flush()

    def block(self, node: LexborNode) -> None:
        tag = node.tag
        if tag in _HEADINGS:
            self.heading(_HEADINGS[tag], _inline(node))
        elif tag in ("ul", "ol", "menu"):
            self.list(node, 1)
            self.b.end_list()
        elif tag in ("p", "pre", "address", "summary", "figcaption"):
            if node.css_first(_BLOCK_SELECTOR) is not None:
                self.container(node)
            else:
                self.paragraph(_inline(node))
        elif tag == "hr":
            self.b.end_list()
        elif tag == "table":
            return  # data tables are not prose; the infobox was read already
        else:  # div, section, blockquote, dl/dt/dd, li outside a list ...
            self.container(node)

    def list(self, node: LexborNode, depth: int) -> None:
        for li in node.iter(include_text=True):
            if li.tag in ("ul", "ol", "menu"):  # a list directly in a list (invalid but common)
                self.list(li, depth + 1)
                continue
            if li.tag == "-text":  # text loose in a list still shows: an item of its own
                self.item(li.text_content or "", depth)
                continue
            if li.tag.startswith("-"):
                continue
            # an <li>, or any other element misplaced in the list: read it as an item
            nested: list[LexborNode] = []
            parts: list[str] = []
            self._item_parts(li, parts, nested)
            self.item("".join(parts), depth)
            for sub in nested:
                if sub.tag == "dl":
                    self.container(sub)
                else:
                    self.list(sub, depth + 1)

    def _item_parts(self, node: LexborNode, parts: list[str], nested: list[LexborNode]) -> None:
        """An item's own text, setting aside the lists nested in it (even inside <b>...)."""
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag in ("ul", "ol", "dl"):
                nested.append(child)
            elif tag == "br":
                parts.append(" ")
            elif tag.startswith("-"):
                continue
            else:
                pad = " " if tag in _BLOCK else ""
                parts.append(pad)
                if child.css_first("ul, ol, dl") is not None:
                    self._item_parts(child, parts, nested)
                else:
                    parts.append(_inline(child))
                parts.append(pad)


def _title(tree: LexborHTMLParser) -> str | None:
    for selector in ("h1#firstHeading", "h1"):
        node = tree.css_first(selector)
        if node is not None and (text := clean_inline(_inline(node))):
            return text
    node = tree.css_first("title")
    if node is not None:
        text = re.sub(r"\s+[-–—|]\s+Wikipedia\b.*$", "", clean_inline(node.text()))
        return text or None
    return None


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in (
        "#mw-content-text .mw-parser-output",
        "#mw-content-text",
        "main",
        "article",
        "#content",
        "#bodyContent",
        "body",
    ):
        node = tree.css_first(selector)
        if node is not None:
            return node
    return tree.root


def read(text: str, name: str, encoding: str = "utf-8") -> Document:
    """Read an HTML page into a Document (format ``"html"``)."""
    tree = LexborHTMLParser(_CONTROL.sub("", text))
    b = DocumentBuilder(name, FORMAT, encoding)
    reader = _Reader(b)

    title = _title(tree)
    if title:
        b.title(title)
        reader.title_h1_pending = title
    _remove(tree.css(_CHROME))
    root = _content_root(tree)
    if root is None:
        return b.build()
    infobox = root.css_first("table.infobox") or root.css_first("table.vcard")
    if infobox is not None:
        _remove(infobox.css("sup.reference, .mw-editsection"))
        reader.infobox(infobox)
    _remove(root.css(_INLINE_JUNK), _GONE)
    _remove(root.css("table"))
    reader.container(root)
    return b.build()


_DOC_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAGS = re.compile(r"<(?:p|div|h[1-6]|ul|ol|li|body|head|article|main|section|table|span|a)[\s>]", re.I)


def sniff(text: str) -> bool:
    """Does this look like HTML? A doctype or ``<html>`` settles it; otherwise
    several block tags and fewer wikitext links than tags (wikitext also uses
    a few tags, such as ``<ref>`` and ``<br>``)."""
    head = text[:50_000]
    if _DOC_START.match(head):
        return True
    tags = len(_TAGS.findall(head))
    return tags >= 3 and head.count("[[") < tags and "{{infobox" not in head.lower()
