"""The subject's works: from the works list, and from the prose.

Plain Python and regular expressions, no spaCy, so it is fast (a few
milliseconds on a long article). Two sources, merged into one set of
``model.Work`` values:

* **The works list.** Items under a works heading ("Works", "Selected
  works", "Bibliography", "=== Poems ===", "Filmography"...) and its
  subsections. Each item is read as a bibliographic entry: title, year,
  translators, editors, co-authors, publisher, place, the original it
  translates (title, place, year), other titles it was published under, and
  works it includes. The kind comes from the nearest works heading.
* **The prose.** Titles named after a work noun ("the novels A and B", "his
  study C", "a collection of poems titled D"), after a creation verb whose
  agent is the subject ("he wrote E"), and in lists introduced by a work noun
  ("works like F (1929) and G", "his novels, such as H (1930), ..."). A title
  is only taken when the text attributes it to the subject: a possessive
  his/her/the subject's, the subject as the agent of a creation verb, "written
  by" the subject, or because it names a work of the list. Every other known
  title in the prose becomes a linked mention.

A work's ``year`` is its first publication as far as the text says: the
earliest of the list year, the original's year and the years the prose gives
for the same title ("Men in Prison (1930)"). Every mention keeps offsets with
``document.text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document
from ..model import Evidence, Mention, Work

__all__ = [
    "Entry",
    "Piece",
    "WorksResult",
    "extract_works",
    "fold",
    "parse_entry",
    "read_prose_titles",
    "works_kind",
]

COMPONENT_LIST = "works_list"
COMPONENT_PROSE = "works_prose"


# ====================================================================== folding
from ..folding import fold  # noqa: E402  (the scorer's folding, shared)


# ====================================================================== years
_DASH = r"\-–—‒"
_YEAR_RE = re.compile(
    r"(?P<approx>\b(?:c\.|ca\.|circa)\s*)?"
    r"(?:\b(?P<ad>AD|A\.D\.)\s*)?"
    r"(?<![\w.])(?P<y1>\d{1,4})(?!\d)"
    r"(?:\s*[" + _DASH + r"/]\s*(?P<y2>\d{1,4})(?!\d))?"
    r"(?:\s*(?P<era>BC|BCE|B\.C\.|AD|CE|A\.D\.)(?![\w]))?"
)


@dataclass(frozen=True, slots=True)
class Year:
    edtf: str
    key: int
    """Astronomical start year (1 BC is 0), for 'earliest' comparisons."""
    start: int
    end: int


def _astro(y: int, bc: bool) -> int:
    return -(y - 1) if bc else y


def _edtf_year(a: int) -> str:
    return f"-{-a:04d}" if a < 0 else f"{a:04d}"


def _year_from_match(m: re.Match, strict: bool = True) -> Year | None:
    y1s, y2s, era = m.group("y1"), m.group("y2"), (m.group("era") or "").replace(".", "")
    bc = era in ("BC", "BCE")
    explicit = bool(era) or bool(m.group("ad"))
    y1 = int(y1s)
    if not explicit:
        if strict and not (len(y1s) == 4 and 1000 <= y1 <= 2100):
            return None
        if not strict and not (len(y1s) >= 3 and 100 <= y1 <= 2100):
            return None
    if y1 == 0:
        return None
    a = _astro(y1, bc)
    b = None
    if y2s:
        y2 = int(y2s)
        if not bc and len(y2s) < len(y1s) and len(y2s) <= 2:  # 1965–70
            y2 = int(y1s[: len(y1s) - len(y2s)] + y2s)
        b2 = _astro(y2, bc)
        if b2 > a:
            b = b2
    approx = "~" if m.group("approx") else ""
    value = _edtf_year(a) + approx
    if b is not None:
        value = f"{value}/{_edtf_year(b)}{approx}"
    return Year(value, a, m.start(), m.end())


def find_years(
    text: str, start: int = 0, end: int | None = None, strict: bool = True
) -> list[Year]:
    end = len(text) if end is None else end
    out = []
    for m in _YEAR_RE.finditer(text, start, end):
        y = _year_from_match(m, strict)
        if y:
            out.append(y)
    return out


def _earliest(values: Iterable[str | None]) -> str | None:
    best, best_key = None, None
    for v in values:
        if not v:
            continue
        m = re.match(r"(-?)(\d{1,4})", v)
        if not m:
            continue
        k = int(m.group(2)) * (-1 if m.group(1) else 1)
        if best_key is None or k < best_key:
            best, best_key = v, k
    return best


# ====================================================================== headings
def _heading_words(heading: str) -> str:
    h = unicodedata.normalize("NFKD", heading)
    h = "".join(c for c in h if not unicodedata.combining(c)).casefold()
    h = re.sub(r"non[\s\-‐–]?fiction", "nonfiction", h)
    h = re.sub(r"[^\w]+", " ", h)
    return f" {h.strip()} "


_HEADING_NEGATIVE = re.compile(
    r" (sources?|references?|see also|further reading|reading|external links?|links|notes?|"
    r"citations?|footnotes?|about|on him|on her|cited|secondary|criticism|critical|studies of|"
    r"biograph\w*|adaptations?|legacy|honou?rs|awards?|exhibitions?|portrayals?|popular culture|"
    r"tributes?|memorials?|archives?|bibliography of works about|scholarship) "
)
_HEADING_KINDS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(r" (?:" + pat + r") "), kind)
    for pat, kind in (
        (r"pamphlets?|tracts?", "pamphlet"),
        (r"poems?|poetry|verse|verses|sonnets?|poetic works", "poetry"),
        (r"collections?|antholog(?:y|ies)|collected works|selected writings", "collection"),
        (r"short stor(?:y|ies)|stories|novellas?|short fiction", "short story"),
        (r"plays?|dramas?|dramatic works|theat(?:re|er)|stage works", "play"),
        (r"novels?|fiction", "novel"),
        (r"essays?", "essay"),
        (r"memoirs?|autobiograph(?:y|ies)|autobiographical works", "memoir"),
        (r"letters|correspondence", "letters"),
        (r"speeches|orations?", "speech"),
        (r"paintings?|drawings?|canvases|artworks?|murals?|prints|graphic works", "painting"),
        (r"sculptures?", "sculpture"),
        (r"photographs?|photography", "photograph"),
        (r"discography|albums?|recordings?|singles", "album"),
        (r"filmography|films?|movies?", "film"),
        (
            r"compositions?|operas?|symphon(?:y|ies)|musical works|list of works|songs?|works for \w+",
            "composition",
        ),
        (r"screenplays?|scripts?", "screenplay"),
        (r"libretti|librettos?", "libretto"),
        (r"translations?", "translation"),
        (r"papers|articles|journal articles|scientific publications|patents?", "article"),
        (r"nonfiction", "non-fiction"),
        (r"prose|prose works", "prose"),
        (r"books?|monographs?", "book"),
        (r"works?|writings?|bibliography|publications?|oeuvre|catalogue|output|selected", "work"),
    )
)


def works_kind(heading: str) -> str | None:
    """The kind of works a section heading lists, or None if it is not a works list.

    "Works", "Selected works", "Bibliography", "Writings", "Publications" give
    the generic ``"work"``; "Novels"/"Fiction" give ``"novel"``, "Poems"
    ``"poetry"``, "Non-fiction: pamphlet" ``"pamphlet"``, "Filmography"
    ``"film"``... Headings of lists of other people's works ("Sources",
    "References", "Further reading", "Works about X") give None.
    """
    h = _heading_words(heading or "")
    if not h.strip() or _HEADING_NEGATIVE.search(h):
        return None
    for pat, kind in _HEADING_KINDS:
        if pat.search(h):
            return kind
    return None


_HEADING_REFERENCES = re.compile(
    r" (sources?|references?|see also|further reading|external links?|notes?|citations?|footnotes?|"
    r"bibliography of works about|works about|works on|works cited|secondary literature|secondary sources) "
)


def _is_reference_heading(heading: str) -> bool:
    """A section of references to other texts: its prose is not the biography's."""
    return bool(_HEADING_REFERENCES.search(_heading_words(heading or "")))


def _is_negative_heading(heading: str) -> bool:
    return bool(_HEADING_NEGATIVE.search(_heading_words(heading or "")))


def _section_kinds(doc: Document) -> dict[int, str]:
    """Section index -> works kind, for every section that lists works."""
    kinds: dict[int, str] = {}
    for i, s in enumerate(doc.sections):
        if _is_negative_heading(s.heading):
            continue
        parent_kind = None
        p = s.parent
        while p is not None:
            if p in kinds:
                parent_kind = kinds[p]
                break
            if _is_negative_heading(doc.sections[p].heading):
                break
            p = doc.sections[p].parent
        own = works_kind(s.heading)
        if own:
            kinds[i] = parent_kind if own == "work" and parent_kind else own
        elif parent_kind:
            words = _heading_words(s.heading).split()
            kinds[i] = words[0] if len(words) == 1 and words[0].isalpha() else parent_kind
    return kinds


# ====================================================================== lexicons
# Lower-case words that may sit inside a title ("Year One of the Russian
# Revolution", "De Re Publica", "Les Coulisses d'une Sûreté générale").
FUNCTION_WORDS = frozenset(
    """of the a an and or in on to for from with about into over under after before through
    without against between upon at as vs nor de la le les du des del della di da do dos das
    y e et en und der die das von zu im am ad al el van dei degli une un sur dans pour par
    avec sans sous""".split()
)
FOREIGN_ARTICLES = frozenset("le la les l' il lo gli el los las die der das un une des du".split())
ENGLISH_STOP = frozenset(
    """is was were are be been has had have and or but which that who whom whose it its his her
    their they he she we you this these those about in on at by for with to from as of the a an
    not also then when while where after before published written appeared became remained was
    into over under than so such very more most""".split()
)
NOT_TITLE_START = frozenset(
    """he she it his her its they them their this that these those there here we you i
    january february march april may june july august september october november december""".split()
)

# Work nouns -> kind. Multi-word nouns first (the alternation is longest-first).
WORK_NOUNS: dict[str, str] = {}
for _kind, _nouns in {
    "poetry": "collection of poems|collections of poems|book of poems|books of poems|volume of poems|"
    "volume of poetry|collection of poetry|book of verse|volume of verse|poetry collection|"
    "poetry collections|poems|poetry|verse",
    "poem": "poem",
    "collection": "collection of essays|collections of essays|collection|collections|anthology|anthologies",
    "short story": "collection of short stories|collection of stories|short story|short stories|stories",
    "novel": "novel|novels",
    "novella": "novella|novellas",
    "history": "historical account|historical accounts|historical work|historical works|historical study|"
    "history|histories",
    "study": "study|studies|monograph|monographs",
    "memoir": "memoir|memoirs|autobiography|autobiographies",
    "journal": "journal|journals|diary|diaries|notebook|notebooks",
    "pamphlet": "pamphlet|pamphlets|tract|tracts",
    "essay": "essay|essays",
    "book": "book|books|volume|volumes",
    "work": "work|works|writings",
    "analysis": "analysis|analyses",
    "biography": "biography|biographies",
    "play": "play|plays|drama|dramas|tragedy|tragedies|comedy|comedies",
    "treatise": "treatise|treatises",
    "dialogue": "dialogue|dialogues",
    "speech": "speech|speeches|oration|orations",
    "letters": "letters|correspondence",
    "article": "article|articles|paper|papers",
    "report": "report|reports",
    "manifesto": "manifesto|manifestos|manifestoes",
    "opera": "opera|operas",
    "symphony": "symphony|symphonies",
    "composition": "composition|compositions|concerto|concertos|sonata|sonatas|quartet|quartets|"
    "oratorio|oratorios|cantata|cantatas|ballet|ballets",
    "song": "song|songs",
    "album": "album|albums",
    "film": "film|films|documentary|documentaries",
    "painting": "painting|paintings|portrait|portraits|mural|murals|canvas|canvases",
    "sculpture": "sculpture|sculptures|statue|statues",
    "screenplay": "screenplay|screenplays",
    "libretto": "libretto|librettos|libretti",
    "thesis": "thesis|dissertation",
    "textbook": "textbook|textbooks",
    "satire": "satire|satires",
    "translation": "translation|translations",
}.items():
    for _n in _nouns.split("|"):
        WORK_NOUNS[_n] = _kind
_PLURAL_NOUNS = frozenset(
    n
    for n in WORK_NOUNS
    if n.split()[0].endswith(("s", "ies"))
    and n not in ("analysis", "thesis", "canvas", "series")
    or n in ("poetry", "correspondence", "writings")
)
_GENERIC_KINDS = frozenset({None, "work", "book", "non-fiction", "volume", "translation"})
_ADJ_KINDS = {
    "philosophical": "philosophy",
    "historical": "history",
    "political": "political writing",
    "autobiographical": "memoir",
    "poetic": "poetry",
    "rhetorical": "rhetoric",
    "critical": "criticism",
}
_JOURNAL_HEADS = frozenset(
    "notebook notebooks journal journals diary diaries carnets cahiers tagebucher tagebuch".split()
)
_MEMOIR_HEADS = frozenset("memoir memoirs recollections reminiscences souvenirs memoires".split())

_NOUN_RE = re.compile(
    r"(?<![\w\-])(?:"
    + "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(WORK_NOUNS, key=len, reverse=True)
    )
    + r")(?![\w\-])"
)
_CREATE_VERBS = (
    "wrote|write|writes|writing|published|publish|publishes|publishing|produced|producing|"
    "completed|completing|finished|finishing|composed|composing|authored|co-wrote|co-authored|"
    "penned|painted|released|recorded|directed|began|beginning|started|issued|delivered|kept|"
    "dictated|compiled|created|creating"
)
_GENRE_HEAD = re.compile(
    r"\b(?:([Hh]is|[Hh]er)|([A-Z][\w\-]+)['’]s)\s+(?=(?:(?:Piano|Violin|Cello|String|Horn|Organ|Flute|Clarinet|Oboe|Trumpet|Harpsichord|Choral)\s+)?(?:Symphony|Concerto|Sonata|Quartet|Quintet|Trio|Requiem|Mass|"
    r"Suite|Overture|Nocturne|[EÉ]tude|Prelude|Fugue|Serenade|Cantata|Oratorio|Rhapsody|Variations|Sinfonia)\b)"
)
# Verbs that act on someone else's work: they end the reach of "he wrote ..."
_OTHER_VERBS = (
    r"(?:translated|translating|edited|editing|reviewed|reviewing|read|reading|admired|praised|critici[sz]ed|"
    r"attacked|adapted|illustrated|studied|received|won|quoted|cited|banned|rejected|discovered|encountered|"
    r"taught|lectured|recommended|considered|described|called|influenced|inspired)"
)
_VERB_STOP = re.compile(_OTHER_VERBS + r"|" + _CREATE_VERBS + r"|said|says|became|remained|had|was")
_VERB_KINDS = {"painted": "painting", "composed": "composition", "composing": "composition"}
_CREATE_RE = re.compile(r"(?<![\w\-])(?:" + _CREATE_VERBS + r")(?![\w\-])")
_AGENT_SKIP = re.compile(
    r"(?:\s+(?:also|later|then|soon|subsequently|eventually|finally|first|himself|herself|had|has|"
    r"have|would|could|did|quickly|immediately|continued\s+to|went\s+on\s+to|began\s+to|started\s+to|"
    r"went\s+on|sat\s+down\s+to|set\s+out\s+to|was\s+to|once\s+again|again))*\s*$"
)
_PREPS = frozenset(
    "for in to at with from by on into about under against through than upon onto".split()
)
_DETS = frozenset(
    """the a an this these those some several many most all both two three four five six seven
    eight nine ten first second third last final other another such one""".split()
)
_CLAUSE_STOP = frozenset(
    """and or but which who that whom is was were are be been has had have being when while where
    whose if because although though""".split()
)
_LINK_PHRASE = re.compile(
    r"(?:(?:also|later|first|originally|previously|subsequently)\s+)?(?:published|issued|released|reissued|"
    r"republished|translated|known|titled|retitled)\s+(?:in\s+(?:English|the\s+\w+|\w+)\s+)?"
    r"(?:as|under\s+the\s+title)\s+|revised\s+(?:edition|version)\s+of\s+|(?:a\s+)?new\s+edition\s+of\s+|"
    r"originally\s+|english\s+title:?\s+|in\s+English:?\s+|aka\s+|also\s+known\s+as\s+|"
    r"(?:english\s+)?translation\s+of:?\s+",
    re.IGNORECASE,
)

# ====================================================================== words & titles
_WORD = re.compile(r"'\d{2}\b|[^\W_](?:[\w'’\-–]*\w)?")
_OPEN_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“", "‘": "’"}


def _is_cap(w: str) -> bool:
    return bool(w) and (w[0].isupper() or w[0].isdigit() or (w[0] == "'" and w[1:2].isdigit()))


def _poss_base(w: str) -> str | None:
    for suf in ("'s", "’s"):
        if w.endswith(suf):
            return w[: -len(suf)]
    if w.endswith(("s'", "s’")):
        return w[:-1]
    return None


class _Known:
    """Titles and aliases of known works, found by one regular expression."""

    def __init__(self, names: dict[str, int]):
        self.names = dict(names)
        self.by_fold = {}
        for name, wid in names.items():
            if fold(name):
                self.by_fold.setdefault(fold(name), wid)
        pats = []
        for name in sorted(names, key=len, reverse=True):
            if len(fold(name)) < 2:
                continue
            pats.append(r"\s+".join(re.escape(p) for p in name.split()))
        self.re = (
            re.compile(r"(?<![\w'’])(?:" + "|".join(pats) + r")(?![\w'’])", re.IGNORECASE)
            if pats
            else None
        )

    @classmethod
    def rebuilt(cls, old: _Known, names: dict[str, int]) -> _Known:
        """The same matcher if the names have not changed, else a new one."""
        if old.names == names:
            return old
        return cls(names)

    def match_at(self, text: str, pos: int, lim: int) -> tuple[int, int] | None:
        if self.re is None:
            return None
        m = self.re.match(text, pos, lim)
        if m and _is_cap(m.group()):
            return m.start(), m.end()
        return None


def _read_title(
    text: str,
    p: int,
    lim: int,
    *,
    list_ctx: bool = False,
    known: _Known | None = None,
    allow_poss: bool = True,
) -> tuple[int, int] | None:
    """The span of a title starting at ``p`` (after spaces), or None."""
    while p < lim and text[p] == " ":
        p += 1
    if p >= lim:
        return None
    ch = text[p]
    if ch in _OPEN_QUOTES:
        close = _OPEN_QUOTES[ch]
        q = text.find(close, p + 1, min(lim, p + 200))
        if q > p + 1 and _is_cap(text[p + 1]):
            return p + 1, q
        return None
    if known is not None:
        span = known.match_at(text, p, lim)
        if span:
            return span
    first = True
    last_good: int | None = None
    last_upper: int | None = None
    foreign = False
    lower_count = 0
    q = p
    n_words = 0
    prev_function = False
    while q < lim:
        m = _WORD.match(text, q, lim)
        if not m:
            break
        w = m.group()
        wl = w.lower()
        is_fn = not _is_cap(w) and wl in FUNCTION_WORDS
        n_words += 1
        if first:
            if not _is_cap(w) or wl in NOT_TITLE_START:
                return None
            if _poss_base(w) is not None and not allow_poss:
                return None
            foreign = wl in FOREIGN_ARTICLES or wl.startswith(("l'", "l’"))
            first = False
            last_good = last_upper = m.end()
        elif list_ctx and wl in ("and", "or"):
            # "War and Peace": two single words stay one title; otherwise "and" ends it
            pair = re.match(
                r"\s+([A-Z][\w'’\-]*)(?=\s*(?:[,;.()]|$|\s+(?:and|or|in|was|were|is|which|that|by)\b|\s+[a-z]))",
                text[m.end() : lim],
            )
            if (
                n_words == 2
                and pair
                and not re.match(
                    r"\s+(?:The|A|An|La|Le|Les|El|Die|Der|Das|De)\b", text[m.end() : lim]
                )
            ):
                last_good = last_upper = m.end() + pair.end()
            break
        elif w[0].isdigit() and prev_function:
            break
        elif (
            wl in ("major", "minor", "flat", "sharp")
            and re.search(r"\b[A-G](?:[\-‐]?(?:flat|sharp))?\s$", text[p : m.start()])
            or _is_cap(w)
        ):
            last_good = last_upper = m.end()
        elif wl == "with" and re.match(
            r"\s+[A-Z][\w'’\-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’\-]+(?:\s*[,;.()]|\s+[a-z]|\s*$)",
            text[m.end() : lim],
        ):
            break  # "X with Friedrich Engels": a co-author, not part of the title
        elif wl in FUNCTION_WORDS or re.match(r"(?:d|l|qu)['’]\w", wl):
            if re.match(r"(?:d|l|qu)['’]\w", wl) and not _is_cap(wl.split("'")[-1].split("’")[-1]):
                if not foreign:
                    break
                last_good = m.end()
        elif foreign and wl not in ENGLISH_STOP and lower_count < 3 and "-" not in wl:
            lower_count += 1
            last_good = m.end()
        else:
            break
        prev_function = is_fn
        r = m.end()
        if r >= lim:
            break
        nxt = text[r]
        if nxt == " " and r + 1 < lim and text[r + 1] not in '(–—-["“':
            q = r + 1
            continue
        if nxt == ":" and text[r + 1 : r + 2] == " " and r + 2 < lim and _is_cap(text[r + 2]):
            # a subtitle; ends at a question mark if the clause has one
            seg_end = r + 2
            qm = None
            while seg_end < min(lim, r + 120):
                c = text[seg_end]
                if c in "?!":
                    qm = seg_end
                    break
                if c in ",;()":
                    break
                seg_end += 1
            if qm is not None:
                last_good = last_upper = qm + 1
                break
            q = r + 2
            continue
        if (
            nxt == "."
            and wl in ("no", "nos", "op", "vol", "k", "bwv", "hob", "d")
            and re.match(r"\.\s?\d", text[r : r + 3])
        ):
            q = r + 1 + (1 if text[r + 1 : r + 2] == " " else 0)
            continue
        if nxt in "?!" and last_good == r:
            last_good = last_upper = r + 1
        break
    if last_good is None:
        return None
    if last_good != last_upper and last_upper is not None:
        # lower-case foreign words at the end need a terminator after them
        after = text[last_good : last_good + 6]
        if not re.match(r"\s*(?:[(,;:.]|$)|\s+(?:and|et|or)\s", after) and last_good < lim:
            last_good = last_upper
    t = text[p:last_good]
    words = t.split()
    if all(x.lower() in FUNCTION_WORDS for x in words):
        return None
    return p, last_good


# ====================================================================== entries
@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of an entry: its text and its offsets in the text it was read from."""

    text: str
    start: int
    end: int
    value: str | None = None
    """The name it stands for when the text shares a part ("Willa and Edwin Muir")."""

    @property
    def name(self) -> str:
        return self.value or self.text


@dataclass
class Entry:
    """One bibliographic entry of a works list, read."""

    title: Piece | None = None
    year: str | None = None
    """EDTF of the edition listed."""
    translators: list[Piece] = field(default_factory=list)
    editors: list[Piece] = field(default_factory=list)
    coauthors: list[Piece] = field(default_factory=list)
    publishers: list[Piece] = field(default_factory=list)
    places: list[Piece] = field(default_factory=list)
    original: Piece | None = None
    original_place: Piece | None = None
    original_year: str | None = None
    aliases: list[Piece] = field(default_factory=list)
    """Other titles of the same work (also published as, revised edition of...)."""
    holders: list[Piece] = field(default_factory=list)
    """Where a painting or sculpture is kept (a museum, a collection)."""
    contributors: list[Piece] = field(default_factory=list)
    """Other people named (commentary, introduction, illustrations by...)."""
    part_of: list[Piece] = field(default_factory=list)
    """What it is a part, selection or abridgement of ("Selections from the Rihla")."""
    includes: list[tuple[Piece, str | None]] = field(default_factory=list)
    """Works it includes, each with a year if given."""
    kind: str | None = None
    """A kind named in the entry itself ("oil on canvas" -> painting)."""
    years: list[str] = field(default_factory=list)
    """Other years that date the work's making (written in, first performed)."""

    @property
    def first_year(self) -> str | None:
        return _earliest([self.year, self.original_year, *self.years])


_ABBREV = frozenset(
    "no vol vols op opp st mr mrs ms dr jr sr ed eds trans pp p ch fig nos vs etc inc ltd co bd"
    " ca c n v".split()
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Presse|Publishers?|Publishing|Publications|Books|Verlag|Éditions|Editions|Editorial|"
    r"Edizioni|Ediciones|Editora|House|Classics|Library|Company|Co\.|Inc\.?|Ltd\.?|Sons|Records|"
    r"Recordings|Music|Studios?|Pictures|Films|Gallimard|Penguin|Heinemann|Doubleday|Knopf|Scribner's|"
    r"Scribner|Macmillan|Routledge|Harper|Faber|Bloomsbury|Grasset|Seuil|Suhrkamp|Museum|Museo|Musée|"
    r"Gallery|Galleria|Galerie|Collection|Institute|University|Society|Committee|Imprimerie|Foundation)\b"
)
_ART_MEDIA = re.compile(
    r"\b(?:oil|tempera|watercolou?r|gouache|acrylic|fresco|pastel|charcoal|ink|pencil|bronze|marble|"
    r"woodcut|etching|lithograph|engraving|mixed media)\b(?:\s+on\s+\w+)?",
    re.IGNORECASE,
)
_ENTRY_KIND_WORDS = {
    "novel": "novel",
    "novella": "novella",
    "poem": "poetry",
    "poems": "poetry",
    "play": "play",
    "opera": "opera",
    "ballet": "ballet",
    "symphony": "symphony",
    "film": "film",
    "album": "album",
    "essay": "essay",
    "essays": "collection",
    "short stories": "short story",
    "memoir": "memoir",
    "pamphlet": "pamphlet",
    "biography": "biography",
    "oratorio": "oratorio",
    "song": "song",
    "single": "single",
    "documentary": "film",
    "screenplay": "screenplay",
    "treatise": "treatise",
}
_KNOWN_PLACES = frozenset(
    "London|New York|Paris|Berlin|Boston|Chicago|Oxford|Cambridge|Moscow|Leningrad|Petrograd|Vienna|Rome|"
    "Madrid|Barcelona|Milan|Turin|Florence|Amsterdam|Brussels|Geneva|Zurich|Munich|Frankfurt|Leipzig|Hamburg|"
    "Stockholm|Copenhagen|Oslo|Prague|Warsaw|Budapest|Lisbon|Dublin|Edinburgh|Glasgow|Manchester|Toronto|"
    "Montreal|Montréal|Sydney|Melbourne|Philadelphia|Washington|Baltimore|Princeton|Berkeley|Mexico City|"
    "Buenos Aires|Tokyo|Beijing|Delhi|Cairo|Athens|Istanbul|Harmondsworth|Garden City|San Francisco|"
    "Los Angeles|Bloomington|Manila|Leiden|Basel|Stuttgart|Göttingen|Heidelberg|Bologna|Venice|Naples".split(
        "|"
    )
)

_FIELD_KEYS = re.compile(
    r"(?P<tr_ed>(?i:translators?\s+and\s+editors?\s*:|translated\s+and\s+edited\s+by\b|"
    r"edited\s+and\s+translated\s+by\b))"
    r"|(?P<tr>(?i:translators?\s*:|translated\s+by\b|trans\.\s+by\b))"
    r"|(?P<ed>(?i:editors?(?:\s+and\s+\w+)?\s*:|edited\s+by\b|eds?\.\s*:))"
    r"|(?P<contrib>(?i:(?:commentary|introduction|foreword|preface|afterword|notes|illustrations?|"
    r"annotations?|illustrated|introduced|annotated)(?:\s+by\b|\s*:)))"
    r"|(?P<part>(?i:translation\s+of\s+(?:an?\s+)?(?:abridge?ments?|selections?|parts?|extracts?|excerpts?)\s+"
    r"(?:of|from)\b|selections?\s+from\b|abridged\s+from\b|extracts?\s+from\b|excerpts?\s+from\b|"
    r"based\s+on\b|facsimile\s+of\b|reprint\s+of\b))"
    r"|(?P<orig>(?i:translation\s+of\s*:?|translated\s+from\s*:?|original(?:ly)?\s+(?:title|published)\s*:?"
    r"(?:\s+as)?))"
    r"|(?P<alias>(?i:(?:also|later|first|originally|previously|subsequently)\s+(?:published|issued|released|"
    r"known)(?:\s+in\s+\w+)?\s+as\b|published\s+in\s+\w+\s+as\b|revised\s+(?:edition|version)\s+of\b|"
    r"reissued\s+as\b|republished\s+as\b|retitled\b|also\s+known\s+as\b|english\s+title\s*:)|"
    r"[A-Z]\w+\s+(?:edition|translation|version)\s*:|With\s+(?:an?\s+)?[A-Z]\w+\s+translation,?)"
    r"|(?P<incl>(?i:includes?\s*:?|including\s*:?|contains\s*:?))"
    r"|(?P<made>(?i:(?:written|composed|dictated|completed|painted|begun|finished|first\s+performed|"
    r"premiered|performed|delivered|first\s+published)\s+(?:in|at|on)\b))"
    r"|(?P<with>(?<![\w])[Ww]ith\s+(?=[A-Z][\w.]*\s*[A-Z]))"
    r"|(?P<skip>(?i:with\s+(?:an?\s+)?(?:introduction|preface|foreword|notes)\b|special\s+issue\s+of\b|"
    r"sources?\s*:|dissertation\b|thesis\b)|[A-Z]\w+\s+(?:volumes?|parts?|editions?|printings?)\b)"
)
# Field keys must start a segment: after the title, a ';', a '.', a ',' or a ')'.
_SEG_BREAK = re.compile(
    r";|(?<=[^\s.])\.(?=\s+[A-Z\"“'])|,(?=\s+(?:[Ee]dited|[Tt]ranslated|[Ww]ith\s+[A-Z]))"
)

_AUTHOR_PREFIX = re.compile(
    r"^(?P<a>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?,\s+(?:[A-Z][\w'’\-]*\.?\s*){1,4}?)"
    r"(?:\((?P<y>[^()]*\d{3,4}[^()]*)\)\.\s*|\.\s*|\s+(?=[\"“]))(?=[\"“'A-Z0-9])"
)
_LEAD_YEAR = re.compile(
    r"^(?P<y>(?:c\.\s*)?\d{3,4}(?:\s*[" + _DASH + r"]\s*\d{2,4})?(?:\s*(?:BC|BCE|AD))?)"
    r"(?:\s*[" + _DASH + r":.]\s*|\s+(?=[\"“A-Z]))"
)


def _piece(text: str, s: int, e: int) -> Piece | None:
    while s < e and text[s] in " \t,;:.":
        s += 1
    while e > s and text[e - 1] in " \t,;:":
        e -= 1
    if e > s and text[e - 1] == "." and not _ABBREV_DOT_END.search(text, s, e):
        e -= 1
    while e > s and text[e - 1] in " \t,;:":
        e -= 1
    if e <= s:
        return None
    return Piece(text[s:e], s, e)


def _unitalic(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip quotes or wiki italics around a title span."""
    for o, c in (("''", "''"), ('"', '"'), ("“", "”"), ("«", "»"), ("*", "*"), ("_", "_")):
        if (
            text.startswith(o, s)
            and text[s:e].rstrip(" .,").endswith(c)
            and e - s > len(o) + len(c)
        ):
            inner_end = s + len(text[s:e].rstrip(" .,")) - len(c)
            return s + len(o), inner_end
    return s, e


_NAME_TOKEN = re.compile(
    r"\s*(?:(?P<init>(?:[A-Z]\.(?:\s?|-))*[A-Z]\.)(?=[\s,;:]|$|[A-Z])|(?P<w>[A-Z][\w'’\-]*)(?=[\s,;.:]|$)|"
    r"(?P<part>de|da|di|del|della|van|von|der|den|du|le|la|ibn|bin|al-\w+|y)(?=\s))"
)


def _split_names(text: str, s: int, e: int) -> tuple[list[Piece], int]:
    """Person names from ``text[s:e]`` ("A. B. Smith and C. Jones with D. Roe").

    Returns the names and where the names end (the rest may be a place or
    publisher).
    """
    names: list[Piece] = []
    q = s
    tok = _NAME_TOKEN
    while q < e:
        m = re.match(r"\s*(?:,|and\b|&|with\b)?\s*", text[q:e])
        start = q + m.end() if m else q
        if start >= e:
            break
        # a part with a colon is a place ("London: Merlin Press")
        colon = text.find(":", start, e)
        comma = text.find(",", start, e)
        if colon != -1 and (comma == -1 or colon < comma):
            break
        toks: list[tuple[int, int, str]] = []
        r = start
        while r < e:
            tm = tok.match(text, r, e)
            if not tm:
                break
            kind = "init" if tm.group("init") else "w" if tm.group("w") else "part"
            toks.append((tm.start() + len(tm.group()) - len(tm.group().lstrip()), tm.end(), kind))
            r = tm.end()
        words = [t for t in toks if t[2] != "part"]
        if not words or toks[0][2] == "part" or toks[-1][2] == "part":
            break
        if len(toks) == 1 and toks[0][2] == "w":
            # a single capitalised word is a name only before "and First Last" ("Willa and Edwin Muir")
            nxt = re.match(
                r"\s+and\s+([A-Z][\w'’\-]*)\s+(?:[A-Z]\.\s*)*([A-Z][\w'’\-]+)(?=[\s,;.:]|$)",
                text[toks[0][1] : e],
            )
            if not nxt:
                break
            names.append(
                Piece(
                    text[toks[0][0] : toks[0][1]],
                    toks[0][0],
                    toks[0][1],
                    value=f"{text[toks[0][0] : toks[0][1]]} {nxt.group(2)}",
                )
            )
            q = toks[0][1]
            continue
        # a publisher glued after the name: "James Brook PM Press"
        name_toks = toks
        if _PUBLISHER_WORDS.search(text[toks[0][0] : toks[-1][1]]):
            cut = None
            for i, t in enumerate(toks[1:], 1):
                w = text[t[0] : t[1]]
                if i >= 2 and (w.isupper() and len(w) > 1 or _PUBLISHER_WORDS.fullmatch(w)):
                    cut = i
                    break
            if cut is None or cut < 2:
                cut = 2 if len(toks) > 2 else None
            if cut is None:
                break
            name_toks = toks[:cut]
            names.append(
                Piece(text[name_toks[0][0] : name_toks[-1][1]], name_toks[0][0], name_toks[-1][1])
            )
            return names, name_toks[-1][1]
        names.append(Piece(text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1]))
        q = toks[-1][1]
        nm = re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+with\s+)(?=[A-Z])", text[q:e])
        if not nm:
            break
    end = names[-1].end if names else s
    return names, end


def _read_publication(text: str, s: int, e: int, entry: Entry, loose: bool = True) -> None:
    """``Place: Publisher, year`` / ``Publisher, Place, year`` / ``Museum, City``."""
    seg = text[s:e]
    med = _ART_MEDIA.search(seg)
    if med and med.start() < 3:
        entry.kind = entry.kind or (
            "sculpture" if re.match(r"bronze|marble", med.group(), re.IGNORECASE) else "painting"
        )
        s += med.end()
        seg = text[s:e]
    pages = re.search(
        r"\s*(?::\s*\d+(?:\s*[" + _DASH + r"]\s*\d+)?|,\s*pp?\.\s*\d+.*)\s*\.?\s*$", text[s:e]
    )
    if pages:
        e = s + pages.start()
    for y in find_years(text, s, e):
        entry.year = entry.year or y.edtf
        e = min(e, y.start)
        break
    seg = text[s:e]
    colon = seg.find(":")
    if colon != -1 and not re.match(r"\s*\d", seg[colon + 1 :]):
        place = _piece(text, s, s + colon)
        pub = _piece(text, s + colon + 1, e)
        if place and _is_cap(place.text):
            entry.places.append(place)
        if pub and _is_cap(pub.text):
            entry.publishers.append(pub)
        return
    parts = []
    q = s
    for m in re.finditer(r",", text[s:e]):
        parts.append((q, s + m.start()))
        q = s + m.end()
    parts.append((q, e))
    pieces = [p for p in (_piece(text, a, b) for a, b in parts) if p and _is_cap(p.text)]
    publisher_found = bool(entry.publishers)
    if not pieces:
        if seg.strip() and not entry.kind:
            words = seg.strip(" ,.;").lower()
            entry.kind = _ENTRY_KIND_WORDS.get(words, entry.kind)
        return
    if not loose:
        kept = []
        for p in pieces:
            jm = re.fullmatch(r"(.*?[^\W\d]\w*)\s+(?:\d{1,4}|[Vv]ol\.?\s*\d+.*)", p.text)
            if jm and not entry.publishers and not p.text.startswith(tuple("0123456789")):
                entry.publishers.append(Piece(jm.group(1), p.start, p.start + len(jm.group(1))))
                publisher_found = True
                continue
            if _PUBLISHER_WORDS.search(p.text) or p.text in _KNOWN_PLACES:
                kept.append(p)
        pieces = kept
    holder = entry.kind in ("painting", "sculpture", "photograph", "drawing")
    for i, p in enumerate(pieces):
        if (
            holder
            and not entry.places
            and (_PUBLISHER_WORDS.search(p.text) or i == 0)
            and p.text not in _KNOWN_PLACES
        ):
            entry.holders.append(p)
        elif _PUBLISHER_WORDS.search(p.text) and not publisher_found:
            entry.publishers.append(p)
            publisher_found = True
        elif (
            p.text in _KNOWN_PLACES
            or publisher_found
            or i > 0
            or len(pieces) == 1
            and re.fullmatch(r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?", p.text)
            and p.text in _KNOWN_PLACES
        ):
            entry.places.append(p)
        else:
            entry.publishers.append(p)
            publisher_found = True


_PLACE_YEAR_TAIL = re.compile(
    r"(?:(?P<sep>[,.])\s*|\s+)(?P<place>[A-Z][\w'’\-]+(?:[\s\-][A-Z][\w'’\-]+){0,3})?\s*,?\s*"
    r"(?P<y>(?:c\.\s*)?\d{1,4}(?:\s*[" + _DASH + r"]\s*\d{1,4})?(?:\s*(?:BC|BCE|AD|CE))?)\s*\.?\s*$"
)


def _read_original(text: str, s: int, e: int) -> tuple[Piece | None, Piece | None, str | None]:
    """``Les derniers temps, Montreal 1946`` -> title, place, year."""
    m = _PLACE_YEAR_TAIL.search(text, s, e)
    place = year = None
    if m:
        ys = find_years(text, m.start("y"), m.end("y"))
        if ys:
            year = ys[0].edtf
            if m.group("place"):
                place = Piece(m.group("place"), m.start("place"), m.end("place"))
            e = m.start()
    t = _piece(text, s, e)
    if t is None or not _is_cap(t.text):
        return None, place, year
    return t, place, year


def _titles_list(text: str, s: int, e: int) -> list[Piece]:
    """``A, B and C`` -> titles (for "Includes ..." / "Also published as ...")."""
    out = []
    for m in re.finditer(r"[^,]+?(?=,\s*|\s+and\s+(?=[A-Z])|$)", text[s:e]):
        p = _piece(text, s + m.start(), s + m.end())
        if p and _is_cap(p.text):
            out.append(p)
    return out


def _paren_groups(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Top-level ``( ... )`` groups in ``text[s:e]`` as (open, close) offsets."""
    out, depth, open_at = [], 0, -1
    for i in range(s, e):
        c = text[i]
        if c == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((open_at, i))
    return out


def _read_paren(text: str, a: int, b: int, entry: Entry) -> None:
    """The inside of one parenthesis of an entry, ``text[a:b]``."""
    inner = text[a:b]
    lead = re.match(
        r"\s*(?:c\.\s*)?(?:AD\s*)?\d{1,4}(?:\s*["
        + _DASH
        + r"/]\s*\d{1,4})?(?:\s*(?:BC|BCE|AD|CE))?\b",
        inner,
    )
    if lead:
        ys = find_years(text, a, a + lead.end(), strict=False)
        if ys:
            if entry.year is None:
                entry.year = ys[0].edtf
            else:
                entry.years.append(ys[0].edtf)
            rest = a + lead.end()
            rm = re.match(r"\s*[,;]\s*", text[rest:b])
            if rm:
                r2 = rest + rm.end()
                inner2 = text[r2:b]
                if (
                    rm.group().strip() == ","
                    and re.match(r"[A-Z]", inner2)
                    and not _LINK_PHRASE.match(inner2)
                    and not find_years(text, r2, b)
                ):
                    _read_publication(text, r2, b, entry, loose=True)
                else:
                    _read_paren(text, r2, b, entry)
            return
    w = re.match(r"\s*with\s+", inner, re.IGNORECASE)
    if w:
        names, _ = _split_names(text, a + w.end(), b)
        entry.coauthors.extend(names)
        return
    lk = _LINK_PHRASE.match(inner)
    if lk:
        t = _piece(text, a + lk.end(), b)
        if t and _is_cap(t.text):
            entry.aliases.append(t)
        return
    if re.search(r"\d{4}", inner) and ("," in inner or ":" in inner):
        _read_publication(text, a, b, entry)
        return
    kw = inner.strip().lower()
    if kw in _ENTRY_KIND_WORDS and not entry.kind:
        entry.kind = _ENTRY_KIND_WORDS[kw]


def parse_entry(text: str, start: int = 0, end: int | None = None) -> Entry:
    """Read one works-list entry, ``text[start:end]``; offsets are into ``text``.

    Handles ``Title (year) Translator: X; Place: Publisher. Translation of
    Original, Place year.``, ``Author, Given. "Title"``, ``year – Title``,
    ``Title, year``, ``Title (Publisher, Place, year)``, ``Title. Place:
    Publisher, year.``, ``Title (year), oil on canvas, Museum`` and the like.
    """
    end = len(text) if end is None else end
    entry = Entry()
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    # author prefix: 'Serge, Victor. "Conquered City"', 'Darwin, C. (1859). On the Origin...'
    am = _AUTHOR_PREFIX.match(text[s:e])
    if am and (
        am.group("y")
        or text[s + am.end() : s + am.end() + 1] in "\"“'"
        or am.group("a").count(".") >= 1
    ):
        if am.group("y"):
            ys = find_years(text, s + am.start("y"), s + am.end("y"), strict=False)
            if ys:
                entry.year = ys[0].edtf
        s += am.end()
    lm = _LEAD_YEAR.match(text[s:e])
    if lm:
        ys = find_years(text, s, s + lm.end("y"), strict=False)
        if ys:
            entry.year = entry.year or ys[0].edtf
            s += lm.end()
    # ---- the title
    t_end = None
    rest = s
    ch = text[s : s + 1]
    if text.startswith("''", s):
        q = text.find("''", s + 2, e)
        if q > s + 2:
            entry.title = Piece(text[s + 2 : q], s + 2, q)
            rest = q + 2
    elif ch in _OPEN_QUOTES:
        q = text.find(_OPEN_QUOTES[ch], s + 1, e)
        if q > s + 1:
            tt = _piece(text, s + 1, q)
            if tt:
                entry.title = tt
            rest = q + 1
    if entry.title is None:
        groups = _paren_groups(text, s, e)
        year_paren = None
        for a, b in groups:
            if find_years(text, a + 1, b, strict=False) and a > s:
                year_paren = a
                break
        cands = [e]
        if year_paren is not None:
            cands.append(year_paren)
        elif groups and groups[0][0] > s:
            cands.append(groups[0][0])
        fk = None
        for fm in _FIELD_KEYS.finditer(text, s, e):
            if fm.group("with") and fm.start() > s and text[fm.start() - 1] not in ",;(":
                continue
            if fm.start() > s:
                fk = fm.start()
                break
        if fk is not None:
            cands.append(fk)
        semi = text.find(";", s, e)
        if semi != -1:
            cands.append(semi)
        limit = min(cands)
        # ". " ends the title unless it is an abbreviation or an initial
        for dm in re.finditer(r"\.\s+(?=\S)", text[s:limit]):
            before = re.search(r"(\S+)$", text[s : s + dm.start()])
            word = before.group(1) if before else ""
            if word.lower().rstrip(".") in _ABBREV or re.fullmatch(r"(?:[A-Z]\.?)+", word):
                continue
            limit = s + dm.start()
            break
        if year_paren is None:
            # "Title, 1925" / "Title – 1925" / "Title, oil on canvas"
            tail = re.search(
                r"(?:,\s*|\s+["
                + _DASH
                + r"]\s+)(?=(?:c\.\s*)?\d{3,4}\b(?:\s*["
                + _DASH
                + r"]\s*\d{2,4})?"
                r"(?:\s*(?:BC|BCE|AD))?\s*\.?\s*$)",
                text[s:limit],
            )
            if tail:
                limit = s + tail.start()
            else:
                cm = re.search(r",\s+(?=[a-z]|(?:[A-Z][\w'’\-]*\s*)+:\s)", text[s:limit])
                if cm:
                    limit = s + cm.start()
        t_end = limit
        ts, te = _unitalic(text, s, t_end)
        entry.title = _piece(text, ts, te)
        rest = t_end
    # ---- what follows the title
    q = rest
    groups = [g for g in _paren_groups(text, q, e)]
    # parentheses right after the title (possibly several)
    while True:
        m = re.match(r"\s*,?\s*\(", text[q:e])
        if not m or not groups or groups[0][0] != q + m.end() - 1:
            break
        a, b = groups.pop(0)
        _read_paren(text, a + 1, b, entry)
        q = b + 1
    _read_fields(text, q, e, entry)
    return entry


def _read_fields(text: str, s: int, e: int, entry: Entry) -> None:
    """``Translator: X; Place: Publisher. Translation of Y, Place year.`` and so on."""
    # segment at field keys, ';' and sentence ends
    keys = []
    for fm in _FIELD_KEYS.finditer(text, s, e):
        pre = text[s : fm.start()].rstrip()
        if fm.group("with") and pre and pre[-1] not in ",;.)":
            continue
        if pre and pre[-1] not in ",;.)" and fm.start() > s:
            # a key in the middle of a phrase is not a key ("Edited by" is, after ',')
            if not re.match(r"[A-Z]", fm.group()):
                continue
        keys.append(fm)
    bounds: list[tuple[int, int, re.Match | None]] = []
    cuts = sorted({s, e, *(k.start() for k in keys)})
    key_at = {k.start(): k for k in keys}
    for a, b in itertools.pairwise(cuts):
        k = key_at.get(a)
        if k is None or k.lastgroup not in ("orig", "alias", "incl"):
            # split further at ';' and sentence ends
            sub = a
            for bm in _SEG_BREAK.finditer(text, a, b):
                if bm.group() == ".":
                    wb = re.search(r"(\S+)$", text[sub : bm.start()])
                    word = wb.group(1) if wb else ""
                    if word.lower() in _ABBREV or re.fullmatch(r"(?:[A-Z]\.?)+", word):
                        continue
                bounds.append((sub, bm.start(), k if sub == a else None))
                sub = bm.end()
            bounds.append((sub, b, k if sub == a else None))
        else:
            semi = text.find(";", a, b)
            if semi != -1:
                bounds.append((a, semi, k))
                bounds.append((semi + 1, b, None))
            else:
                bounds.append((a, b, k))
    for a, b, k in bounds:
        if k is None:
            seg = text[a:b].strip(" .,;")
            if not seg:
                continue
            ys = find_years(text, a, b)
            if re.search(r"\w", seg):
                if not entry.year and ys:
                    entry.year = ys[0].edtf
                _read_publication(text, a, b, entry, loose=False)
            continue
        v = k.end()
        g = k.lastgroup
        if g in ("tr", "tr_ed", "ed", "with", "contrib"):
            names, name_end = _split_names(text, v, b)
            if g in ("tr", "tr_ed"):
                entry.translators.extend(names)
            if g in ("ed", "tr_ed"):
                entry.editors.extend(names)
            if g == "with":
                entry.coauthors.extend(names)
            if g == "contrib":
                entry.contributors.extend(names)
            rest = text[name_end:b]
            if names and re.search(r"[A-Z]", rest):
                _read_publication(text, name_end, b, entry, loose=True)
        elif g == "part":
            m = re.match(r"\s*(?:the\s+)?", text[v:b])
            t = _piece(text, v + m.end(), b)
            if t:
                entry.part_of.append(t)
        elif g == "orig":
            t, place, year = _read_original(text, v, b)
            if t and entry.original is None:
                entry.original, entry.original_place, entry.original_year = t, place, year
            elif year and entry.original_year is None and t is None and place:
                entry.original_place, entry.original_year = place, year
        elif g == "alias":
            be = b
            pm = re.search(r"\s*\([^()]*\)\s*\.?\s*$", text[v:b])
            if pm:
                be = v + pm.start()
            t, _, _ = _read_original(text, v, be)
            if t:
                entry.aliases.append(t)
        elif g == "incl":
            body_end = b
            m = _PLACE_YEAR_TAIL.search(text, v, b)
            year = None
            if m:
                ys = find_years(text, m.start("y"), m.end("y"))
                if ys:
                    year = ys[0].edtf
                    body_end = m.start()
            for t in _titles_list(text, v, body_end):
                entry.includes.append((t, year))
        elif g == "made":
            ys = find_years(text, v, b, strict=False)
            if ys:
                entry.years.append(ys[0].edtf)


# ====================================================================== prose
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9])")


def _split_sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    q = s
    for m in _SENT_END.finditer(text, s, e):
        before = re.search(r"(\S+)$", text[q : m.start()])
        w = before.group(1) if before else ""
        core = w.rstrip('.!?"”’)]').lower()
        if w.endswith(".") and (
            core in _ABBREV
            or re.fullmatch(r"(?:[a-z]\.?)+", core)
            and len(core) <= 3
            or re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", w)
        ):
            continue
        out.append((q, m.start()))
        q = m.end()
    if q < e:
        out.append((q, e))
    return [(a, b) for a, b in out if b > a]


@dataclass
class _Cand:
    start: int
    end: int
    kind: str | None = None
    year: str | None = None
    aliases: list[tuple[int, int]] = field(default_factory=list)
    attributed: bool = True
    sentence_year: bool = False


class _Prose:
    """Finds the titles a sentence attributes to the subject."""

    def __init__(self, text: str, subject_tokens: set[str], known: _Known | None):
        self.text = text
        self.subj = subject_tokens
        self.known = known
        self._last_plural = False
        self._by_subject = (
            re.compile(
                r"\b(?:written|composed|authored|penned|painted|dictated|created|produced)\s+by\s+(?:"
                + "|".join(re.escape(x) for x in sorted(subject_tokens))
                + r")\b"
            )
            if subject_tokens
            else None
        )

    # ---------------------------------------------------------------- helpers
    def _is_subject_word(self, w: str) -> bool:
        return w.lower() in ("he", "she") or w in self.subj

    def _main_subject_is_subject(self, s: int, e: int) -> bool:
        t = self.text[s:e]
        m = _WORD.match(t)
        if not m:
            return False
        if self._is_subject_word(m.group()):
            return True
        # subject name of several words at the start ("Victor Serge was ...")
        m2 = re.match(r"((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)\s+(?!'s)", t)
        if m2 and m2.group(1).split()[-1] in self.subj:
            return True
        c = t.find(",", 0, 160)
        while c != -1:
            m = _WORD.match(t, c + 1 + (len(t[c + 1 :]) - len(t[c + 1 :].lstrip())))
            if m and self._is_subject_word(m.group()):
                return True
            if m and m.group()[0].islower() and m.group() not in ("and",):
                # "For Quintilian, writing ..." : no subject after the opener
                return False
            c = t.find(",", c + 1, 160)
        return False

    def _agent_ok(self, sent: tuple[int, int], v: int, verb: str) -> bool:
        s, _ = sent
        before = self.text[s:v]
        skip = _AGENT_SKIP.search(before)
        core = before[: skip.start()] if skip else before
        m = re.search(r"([\w'’\-]+)\W*$", core)
        prev = m.group(1) if m else ""
        if prev and self._is_subject_word(prev) and not core.rstrip().endswith(","):
            return True
        if prev.lower() in ("which", "who", "that", "whom"):
            return False
        if prev and prev[0].isupper() and prev not in self.subj and not core.rstrip().endswith(","):
            return False
        if verb.endswith("ing") or prev.lower() in ("and", "to") or core.rstrip().endswith(","):
            return self._main_subject_is_subject(*sent)
        return False

    def _np_before(self, s: int, ns: int) -> tuple[str | None, bool, str | None, int]:
        """Look back from a work noun: (possessor, preposition before, adjective kind, np start)."""
        words = list(_WORD.finditer(self.text, max(s, ns - 90), ns))
        poss = None
        prep = False
        adj_kind = None
        np_start = ns
        for i in range(len(words) - 1, max(-1, len(words) - 8), -1):
            w = words[i]
            gap_end = words[i + 1].start() if i + 1 < len(words) else ns
            if re.search(r"[^\s\-]", self.text[w.end() : gap_end]):
                break
            wt = w.group()
            wl = wt.lower()
            base = _poss_base(wt)
            if wl in ("his", "her"):
                poss = "subject"
                np_start = w.start()
                break
            if wl in ("their", "its"):
                poss = "other"
                break
            if base is not None:
                poss = "subject" if base in self.subj else "other"
                np_start = w.start()
                break
            if wl in _ADJ_KINDS and adj_kind is None:
                adj_kind = _ADJ_KINDS[wl]
            if wl == "of":
                np_start = w.start()
                continue
            if wl in _PREPS:
                prep = True
                break
            if wl in ("and", "or") and i > 0 and i + 1 < len(words):
                # "his notable and best-known works": adjectives joined by "and"
                before_w = words[i - 1].group()
                if (
                    before_w.islower()
                    and before_w not in _CLAUSE_STOP
                    and before_w not in _PREPS
                    and before_w.endswith(
                        ("al", "ed", "ive", "ous", "ful", "ic", "ary", "ble", "est", "own", "ing")
                    )
                ):
                    continue
            if wl in _CLAUSE_STOP or _VERB_STOP.fullmatch(wl):
                break
            if wt[0].isdigit():
                break
            if _is_cap(wt) and w.start() != s:
                poss = "other"
                break
            np_start = w.start()
        return poss, prep, adj_kind, np_start

    def _follow_paren(self, p: int, lim: int, cand: _Cand) -> int:
        """Parenthesis after a prose title: ``(1930)``, ``(1937, originally X)``,
        ``(published in English as X)``. Returns the position after it."""
        m = re.match(r"\s*\(", self.text[p:lim])
        if not m:
            return p
        a = p + m.end()
        b = self.text.find(")", a, lim)
        if b == -1:
            return p
        inner = self.text[a:b]
        lead = re.match(
            r"\s*(?:c\.\s*)?\d{1,4}(?:\s*[" + _DASH + r"]\s*\d{1,4})?(?:\s*(?:BC|BCE|AD|CE))?\b",
            inner,
        )
        q = a
        if lead:
            ys = find_years(self.text, a, a + lead.end(), strict=False)
            if ys:
                cand.year = _earliest([cand.year, ys[0].edtf])
            q = a + lead.end()
            sep = re.match(r"\s*[,;]\s*", self.text[q:b])
            if not sep:
                return b + 1
            q += sep.end()
        lk = _LINK_PHRASE.match(self.text, q, b)
        if lk:
            t = _read_title(self.text, lk.end(), b, known=self.known) or (
                (lk.end(), b) if _is_cap(self.text[lk.end() : lk.end() + 1]) else None
            )
            if t:
                cand.aliases.append(t)
        return b + 1

    def _after_title(self, p: int, lim: int, cand: _Cand, sentence_year: Year | None) -> int:
        q = self._follow_paren(p, lim, cand)
        m = re.match(r"\s+in\s+((?:c\.\s*)?\d{1,4}(?:\s*(?:BC|BCE|AD))?)\b", self.text[q:lim])
        if m:
            ys = find_years(self.text, q + m.start(1), q + m.end(1), strict=False)
            if ys:
                cand.year = _earliest([cand.year, ys[0].edtf])
                q += m.end()
        elif sentence_year is not None and cand.sentence_year:
            cand.year = _earliest([cand.year, sentence_year.edtf])
        return q

    def _by_other(self, e: int, lim: int) -> bool:
        m = re.match(r"\s*,?\s+by\s+((?:[A-Z][\w'’\-]+\s*)+)", self.text[e:lim])
        if not m:
            return False
        return not any(w in self.subj for w in m.group(1).split())

    # ---------------------------------------------------------------- lists
    def _item_prefix(self, p: int, lim: int) -> tuple[int, str | None, bool]:
        """An item's lead-in: 'the novels ', 'a collection of poems titled ', 'work on '.

        Returns (title start, kind, had a noun)."""
        m = re.match(
            r"(?:(?:later|also|then|finally|eventually|subsequently|above\s+all|especially|most\s+notably)"
            r"\s+(?:in\s+|with\s+)?)?",
            self.text[p:lim],
        )
        q = p + m.end()
        words = list(_WORD.finditer(self.text, q, min(lim, q + 80)))
        for i, w in enumerate(words[:7]):
            if self.text[words[i - 1].end() if i else q : w.start()].strip() not in ("",):
                break
            wt = w.group()
            if _is_cap(wt):
                break
            nm = _NOUN_RE.match(self.text, w.start(), lim)
            if nm:
                kind = WORK_NOUNS.get(re.sub(r"\s+", " ", nm.group()))
                self._last_plural = re.sub(r"\s+", " ", nm.group()) in _PLURAL_NOUNS
                for pw in words[:i]:
                    if pw.group().lower() in _ADJ_KINDS and kind in _GENERIC_KINDS | {"analysis"}:
                        kind = _ADJ_KINDS[pw.group().lower()]
                r = nm.end()
                link = re.match(
                    r"\s+(?:titled|entitled|called|named|known\s+as|on|about)\s+|\s*,\s+(?=[A-Z\"“])|\s+(?=[A-Z\"“(])",
                    self.text[r:lim],
                )
                if link:
                    r += link.end()
                    if self.text[r : r + 1] == "(":
                        r += 1
                    return r, kind, True
                return -1, kind, True
            if (
                wt.lower() not in _DETS
                and wt.lower() not in ("his", "her")
                and not (
                    wt.lower() in _ADJ_KINDS
                    or wt.endswith(
                        ("al", "ed", "ive", "ous", "ful", "ic", "ary", "er", "est", "ing")
                    )
                    or wt.lower()
                    in (
                        "more",
                        "most",
                        "less",
                        "extensive",
                        "long",
                        "short",
                        "great",
                        "new",
                        "old",
                        "early",
                        "late",
                        "major",
                        "minor",
                        "own",
                        "celebrated",
                        "famous",
                        "voluminous",
                        "important",
                    )
                )
            ):
                break
            if (
                wt.lower() in _DETS | {"his", "her"}
                and i + 1 < len(words)
                and _is_cap(words[i + 1].group())
            ):
                return words[i + 1].start(), None, False
        return q, None, False

    def _read_list(
        self,
        p: int,
        lim: int,
        kind: str | None,
        out: list[_Cand],
        *,
        first_prefix: bool = True,
        sentence_year: Year | None = None,
        from_verb: bool = False,
        singular: bool = False,
    ) -> None:
        q = p
        n = 0
        cur_kind = kind
        cur_plural = not singular
        base_kind = None if singular else kind
        after_and = False
        while q < lim and n < 40:
            n += 1
            t_start, item_kind, had_noun = (
                self._item_prefix(q, lim) if first_prefix or n > 1 else (q, None, False)
            )
            poss_prefix = bool(re.match(r"(?:his|her)\s", self.text[q:lim]))
            span = None
            if t_start >= 0:
                span = _read_title(
                    self.text,
                    t_start,
                    lim,
                    list_ctx=not singular or n > 1,
                    known=self.known,
                    allow_poss=had_noun or not from_verb,
                )
            if span is None:
                if had_noun and item_kind and out and n > 1:
                    # an appositive: "Brutus, a history of Roman oratory, ..."
                    if out[-1].kind in _GENERIC_KINDS:
                        out[-1].kind = item_kind
                    nxt = re.search(r",\s*(?:(?:and|or)\s+)?", self.text[q:lim])
                    if nxt and not re.match(r"\s*(?:that|which|who)\b", self.text[q:lim]):
                        q = q + nxt.end()
                        continue
                break
            s, e = span
            if self._by_other(e, lim):
                break
            if from_verb and re.match(r"\s+(?:a|an|the|his|her|their)\s+[a-z]", self.text[e:lim]):
                break  # "wrote Trotsky a letter": an indirect object, not a title
            if had_noun:
                cur_kind = item_kind
                cur_plural = self._last_plural
            elif poss_prefix:
                cur_kind = None
            elif n > 1 and not (after_and and cur_plural):
                cur_kind = base_kind
            c = _Cand(s, e, kind=cur_kind, sentence_year=from_verb)
            if self.text[s - 1 : s] == "(" and self.text[e : e + 1] == ")":
                e += 1
            e2 = self._after_title(e, lim, c, sentence_year)
            out.append(c)
            m = re.match(r"\s*,?\s*(?:and|or|as\s+well\s+as)\s+|\s*,\s*", self.text[e2:lim])
            if not m:
                break
            after_and = not m.group().strip().startswith(",")
            q = e2 + m.end()

    # ---------------------------------------------------------------- sentence
    def sentence(self, s: int, e: int) -> list[_Cand]:
        text = self.text
        out: list[_Cand] = []
        sent = (s, e)
        # clause ends
        stops = [
            m.start()
            for m in re.finditer(
                r";|,\s+(?:which|who|whereas|while|although|though)\b|\s+but\s+|\s+whereas\s+|—|"
                r"\s(?=" + _OTHER_VERBS + r"\s)",
                text[s:e],
            )
        ]
        stops = [s + x for x in stops] + [e]

        def clause_end(pos: int) -> int:
            return next((x for x in stops if x > pos), e)

        sy = None
        sm = re.match(
            r"(?:In|By|During)\s+(?:the\s+\w+\s+of\s+|late\s+|early\s+|mid-?)?((?:c\.\s*)?\d{1,4}(?:\s*(?:BC|BCE|AD))?)\b",
            text[s:e],
        )
        if sm:
            ys = find_years(text, s, e, strict=False)
            if len(ys) == 1:
                sy = ys[0]
        regions: list[tuple[int, int]] = []
        if self._by_subject is not None and self._by_subject.search(text, s, e):
            regions.append((s, e))
        # creation verbs whose agent is the subject
        for vm in _CREATE_RE.finditer(text, s, e):
            if not self._agent_ok(sent, vm.start(), vm.group()):
                continue
            ce = clause_end(vm.start())
            regions.append((vm.start(), ce))
            # a title right after the verb: "wrote Lenin 1917", "wrote the Brutus"
            m = re.match(r"\s+(?:(?:the|a|an)\s+)?(?=[A-Z0-9\"“])", text[vm.end() : ce])
            if m:
                self._read_list(
                    vm.end() + m.end(),
                    ce,
                    _VERB_KINDS.get(vm.group()),
                    out,
                    first_prefix=False,
                    sentence_year=sy,
                    from_verb=True,
                )
        # "his Symphony No. 3", "her Requiem in D minor"
        for gm in _GENRE_HEAD.finditer(text, s, e):
            if gm.group(1) is None and gm.group(2) not in self.subj:
                continue
            span = _read_title(text, gm.end(), e, known=self.known)
            if span:
                c = _Cand(
                    span[0],
                    span[1],
                    kind="composition",
                    sentence_year=any(a <= gm.start() < b for a, b in regions),
                )
                self._after_title(span[1], e, c, sy)
                out.append(c)
        # work nouns
        for nm in _NOUN_RE.finditer(text, s, e):
            ns, ne = nm.start(), nm.end()
            noun = re.sub(r"\s+", " ", nm.group())
            kind = WORK_NOUNS[noun]
            poss, prep, adj_kind, np_start = self._np_before(s, ns)
            if adj_kind and kind in _GENERIC_KINDS | {"analysis", "study"}:
                kind = adj_kind
            if poss == "other":
                continue
            in_region = any(a <= ns < b for a, b in regions)
            if poss == "subject":
                regions.append((np_start, clause_end(ns)))
            elif not in_region:
                continue
            ce = clause_end(ns)
            plural = noun in _PLURAL_NOUNS
            rest = text[ne:ce]
            # "such novels as", "include such novels as"
            m = re.match(
                r"(?:\s+as\s+an?\s+\w+)?\s+(?:include|includes|included|comprise|comprises|comprised|are|were)\s+"
                r"(?:such\s+(\w+(?:\s+of\s+\w+)?)\s+as\s+)?",
                rest,
            )
            if m and re.match(
                r"[A-Z\"“]|(?:the|his|her|a|an)\s", text[ne + m.end() : ne + m.end() + 5]
            ):
                k2 = WORK_NOUNS.get(m.group(1) or "", None)
                self._read_list(
                    ne + m.end(), ce, k2 or (kind if kind not in ("work",) else None), out
                )
                continue
            m = re.match(
                r"\s*,?\s*(?:such\s+as|like|including|among\s+them|among\s+which|notably|namely|"
                r"for\s+example|e\.g\.,?)\s+|\s*:\s+",
                rest,
            )
            if m:
                self._read_list(ne + m.end(), ce, kind if kind != "work" else None, out)
                continue
            if prep and poss != "subject":
                m = re.match(r"\s*,\s+(?=[A-Z\"“])", rest)
                if m and plural:
                    self._read_list(ne + m.end(), ce, kind, out, first_prefix=False)
                continue
            m = re.match(
                r"\s+(?:titled|entitled|called|named|known\s+as)\s+(?:the\s+)?|\s*,\s+(?=[A-Z\"“])|"
                r"\s+(?=[A-Z\"“])|\s+\((?=[A-Z])",
                rest,
            )
            if m:
                self._read_list(
                    ne + m.end(),
                    ce,
                    kind,
                    out,
                    first_prefix=False,
                    singular=not plural,
                    sentence_year=sy if poss != "subject" else None,
                )
        # de-duplicate by span
        seen = set()
        uniq = []
        for c in out:
            if (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            uniq.append(c)
        uniq.sort(key=lambda c: c.start)
        return uniq


def read_prose_titles(
    text: str, subject: str | Iterable[str] = (), known: Iterable[str] = ()
) -> list[tuple[str, str | None, str | None]]:
    """Titles a piece of prose attributes to the subject, as (title, kind, year).

    A convenience for tests and exploration; ``extract_works`` does the same
    over a whole document.
    """
    toks = _subject_tokens(subject if isinstance(subject, str) else " ".join(subject))
    kn = _Known({k: 0 for k in known}) if known else None
    p = _Prose(text, toks, kn)
    out = []
    for s, e in _split_sentences(text, 0, len(text)):
        for c in p.sentence(s, e):
            if _acceptable_title(text[c.start : c.end], toks):
                out.append((text[c.start : c.end], c.kind, c.year))
    return out


# ====================================================================== assembly
@dataclass(frozen=True)
class WorksResult:
    works: tuple[Work, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass
class _W:
    title: str
    title_span: tuple[int, int] | None
    kind: str | None = None
    years: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    original_title: str | None = None
    original_year: str | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    from_list: bool = False
    source: str = "prose"
    """list, infobox or prose."""
    part_of: list[str] = field(default_factory=list)
    merged_into: int | None = None

    def names(self) -> list[str]:
        out = [self.title, *self.aliases]
        if self.original_title:
            out.append(self.original_title)
        return out


_PARTICLES = frozenset("de da di del della van von der den du le la ibn bin al el of the".split())


def _subject_tokens(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", " ", name or "")
    words = [w for w in re.findall(r"[\w'’\-]+", name) if w]
    toks = {w for w in words if w[0].isupper() and w.lower() not in _PARTICLES and len(w) > 2}
    return toks


_ABBREV_END = re.compile(r"(?:\b[A-Z]|\b(?i:%s))$" % "|".join(sorted(_ABBREV)))
_ABBREV_DOT_END = re.compile(r"(?:\b[A-Z]|\b(?i:%s))\.$" % "|".join(sorted(_ABBREV)))
_MAIN_SPLIT = re.compile(
    r"\s*:\s+|\s+[" + _DASH + r"/]\s+|,\s+(?=\d)|\s*\(|\.\s+|\s+and\s+[Oo]ther\s+(?=[A-Z])"
)


@lru_cache(maxsize=4096)
def _main_title(title: str) -> str | None:
    """``A Blaze in the Desert: Selected Poems`` -> ``A Blaze in the Desert``."""
    for m in _MAIN_SPLIT.finditer(title):
        head = title[: m.start()]
        if m.group().strip() == "." and _ABBREV_END.search(head):
            continue
        if len(fold(head)) >= 3:
            return head.strip()
        return None
    return None


def _looks_like_entry(t: str) -> bool:
    t = t.strip()
    if len(t) > 300 or len(t) < 3:
        return False
    return (
        bool(
            re.search(r"\(\s*(?:c\.\s*)?\d{3,4}\b", t)
            or re.match(r"(?:c\.\s*)?\d{4}\s*[" + _DASH + r":.]", t)
            or re.search(r",\s*\d{4}\.?$", t)
        )
        and t.count(". ") <= 3
    )


def extract_works(
    document: Document, sentences: list[tuple[int, int]] | None = None
) -> WorksResult:
    """The subject's works in ``document``, with WORK/PERSON/ORG/PLACE mentions.

    ``sentences`` are optional (start, end) spans from a sentence splitter (or
    whole prose blocks); a span that does not end a sentence is joined to the
    next, so a cut inside a title ("Where is the Revolution Going? and ...")
    does no harm. Without them the prose is split here.

    Works come in reading order: the works list (and the infobox's notable
    works) first, then works only the prose names; ids are ``work:0``,
    ``work:1``... ``Work.year`` is the earliest year the text gives for the
    work (list year, original's year, "Dictated in Fez, 1355", prose years);
    ``publisher``/``place`` are those of the edition listed (for a painting,
    ``place`` is where it hangs); ``evidence`` is the list entry, then every
    prose mention. Mentions: WORK (``entity`` = work id) for list titles,
    original titles, other titles and prose mentions; PERSON for translators,
    editors, co-authors and other contributors; ORG for publishers and the
    museums holding a work; PLACE for places of publication. Component
    ``works_list`` or ``works_prose``.
    """
    text = document.text
    subj = _subject_tokens(document.title or document.display_title)
    kinds = _section_kinds(document)
    negative = {i for i, s in enumerate(document.sections) if _is_reference_heading(s.heading)}

    def in_negative(section: int | None) -> bool:
        while section is not None:
            if section in negative:
                return True
            section = document.sections[section].parent
        return False

    works: list[_W] = []
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    seen_mentions: set[tuple[int, int, str]] = set()

    def mention(s: int, e: int, label: str, entity: str | None, component: str) -> None:
        if e <= s or text[s:e] != text[s:e].strip() or (s, e, label) in seen_mentions:
            return
        seen_mentions.add((s, e, label))
        if label == "WORK":
            k = bisect.bisect_left(taken, (s, e))
            if k < len(taken) and taken[k][0] < e or k > 0 and taken[k - 1][1] > s:
                return
            taken.insert(k, (s, e))
        mentions.append(Mention(s, e, text[s:e], label, entity, component))

    # ------------------------------------------------------------ the list
    entries: list[tuple[Entry, int, int, str | None]] = []
    for block in document.lists:
        if block.section is None or block.section not in kinds:
            continue
        kind = kinds[block.section]
        for item in block.items:
            entries.append(
                (
                    parse_entry(text, item.span.start, item.span.end),
                    item.span.start,
                    item.span.end,
                    kind,
                )
            )
    for para in document.paragraphs:
        if para.section in kinds and _looks_like_entry(text[para.span.start : para.span.end]):
            entries.append(
                (
                    parse_entry(text, para.span.start, para.span.end),
                    para.span.start,
                    para.span.end,
                    kinds[para.section],
                )
            )
    entry_spans = {(a, b) for _, a, b, _ in entries}
    pending_mentions: list[
        tuple[int, int, str, int, str]
    ] = []  # (s, e, label, work index, component)
    for en, a, b, kind in entries:
        if en.title is None or len(fold(en.title.text)) < 1:
            continue
        w = _W(
            en.title.text,
            (en.title.start, en.title.end),
            kind=_pick_kind(kind, en.kind),
            from_list=True,
            source="list",
            part_of=[p.text for p in en.part_of],
        )
        w.years = [y for y in (en.year, en.original_year, *en.years) if y]
        w.translators = [p.name for p in en.translators]
        w.editors = [p.name for p in en.editors]
        w.publisher = en.publishers[0].text if en.publishers else None
        w.place = (
            en.places[0].text
            if en.places
            else (en.original_place.text if en.original_place else None)
        )
        if en.original and fold(en.original.text) != fold(en.title.text):
            w.original_title = en.original.text
        w.original_year = en.original_year
        w.aliases = [p.text for p in en.aliases]
        w.evidence.append((a, b))
        idx = len(works)
        works.append(w)
        pending_mentions.append((en.title.start, en.title.end, "WORK", idx, COMPONENT_LIST))
        if en.original:
            pending_mentions.append(
                (en.original.start, en.original.end, "WORK", idx, COMPONENT_LIST)
            )
        for p in en.aliases:
            pending_mentions.append((p.start, p.end, "WORK", idx, COMPONENT_LIST))
        for p in (*en.translators, *en.editors, *en.coauthors, *en.contributors):
            pending_mentions.append((p.start, p.end, "PERSON", -1, COMPONENT_LIST))
        for p in (*en.publishers, *en.holders):
            pending_mentions.append((p.start, p.end, "ORG", -1, COMPONENT_LIST))
        for p in en.places + ([en.original_place] if en.original_place else []):
            for pm in re.finditer(r"[^,]+", p.text):
                pp = _piece(text, p.start + pm.start(), p.start + pm.end())
                if pp:
                    pending_mentions.append((pp.start, pp.end, "PLACE", -1, COMPONENT_LIST))
        for p, y in en.includes:
            iw = _W(p.text, (p.start, p.end), kind=w.kind, from_list=True, source="list")
            iw.years = [y] if y else []
            iw.evidence.append((p.start, p.end))
            pending_mentions.append((p.start, p.end, "WORK", len(works), COMPONENT_LIST))
            works.append(iw)

    # infobox "Notable works"
    f = document.field(
        "Notable works", "Notable work", "Works", "Major works", "Notable works and roles"
    )
    if f is not None:
        for m in re.finditer(r"[^,;]+", f.value):
            p = _piece(text, f.value_span.start + m.start(), f.value_span.start + m.end())
            if p and _is_cap(p.text):
                pending_mentions.append((p.start, p.end, "WORK", len(works), COMPONENT_LIST))
                iw = _W(p.text, (p.start, p.end), kind=None, from_list=True, source="infobox")
                iw.evidence.append((p.start, p.end))
                works.append(iw)

    # merge list works that are the same work (a "revised edition of" another, the same original)
    def root(i: int) -> int:
        while works[i].merged_into is not None:
            i = works[i].merged_into
        return i

    def same_name(name: str, k: int, prefix: bool = False) -> bool:
        f_ = fold(name)
        if not f_:
            return False
        w = works[k]
        for n in w.names() + [x for x in (_main_title(w.title),) if x]:
            fn = fold(n)
            if fn == f_ or prefix and len(f_.split()) >= 2 and fn.startswith(f_ + " "):
                return True
        return False

    for i, w in enumerate(works):
        if w.merged_into is not None:
            continue
        others = [k for k in range(len(works)) if k != i and works[k].merged_into is None]
        target = None
        for al in w.aliases:
            target = next((k for k in others if fold(works[k].title) == fold(al)), None)
            if target is not None:
                break
        if target is None and w.original_title:
            target = next(
                (
                    k
                    for k in others
                    if (k < i or works[k].original_title)
                    and same_name(w.original_title, k, prefix=True)
                ),
                None,
            )
        if target is None:
            target = next((k for k in others if k < i and same_name(w.title, k)), None)
        if target is not None:
            _merge(works, i, root(target))
    # "Selections from the Rihla", "Abridged from the Gibb and Beckingham translation"
    for i, w in enumerate(works):
        for ref in w.part_of:
            j = _resolve_ref(works, ref, i, same_name)
            if j is not None and root(j) != root(i):
                _merge(works, root(i), root(j))

    # ------------------------------------------------------------ the prose
    def known_names() -> dict[str, int]:
        names: dict[str, int] = {}
        for i, w in enumerate(works):
            if w.merged_into is not None:
                continue
            for n in w.names() + [x for x in (_main_title(w.title),) if x]:
                if n and len(fold(n)) >= 2:
                    names.setdefault(n, i)
        return names

    known = _Known(known_names())
    prose = _Prose(text, subj, known)
    para_spans = [
        (p.span.start, p.span.end)
        for p in document.paragraphs
        if not in_negative(p.section) and (p.span.start, p.span.end) not in entry_spans
    ]
    sents = _sentences_in(text, para_spans, sentences)
    prose_mentions: list[tuple[int, int, int]] = []
    _under_title(document, works, known, sents, root, prose_mentions)
    known = _Known.rebuilt(known, known_names())
    prose = _Prose(text, subj, known)
    cands: list[_Cand] = []
    for s, e in sents:
        cands.extend(prose.sentence(s, e))

    for c in cands:
        title = text[c.start : c.end]
        if not _acceptable_title(title, subj):
            continue
        i = _link(works, title, c.kind)
        if i is None:
            for a, b in c.aliases:
                j = _link(works, text[a:b], None)
                if j is not None and not _is_list_title(works[j], text[a:b]):
                    i = j
                    break
        if i is None:
            i = len(works)
            works.append(_W(title, (c.start, c.end), kind=c.kind))
        w = works[i]
        if c.year:
            w.years.append(c.year)
        if (
            c.kind
            and w.kind in _GENERIC_KINDS
            and c.kind not in _GENERIC_KINDS
            and c.kind != "analysis"
            or c.kind
            and w.kind is None
        ):
            w.kind = c.kind
        if fold(title) not in {fold(n) for n in w.names()}:
            w.aliases.append(title)
        prose_mentions.append((c.start, c.end, i))
        for a, b in c.aliases:
            at = text[a:b]
            j = _link(works, at, None)
            if j is None:
                if fold(at) not in {fold(n) for n in w.names()}:
                    w.aliases.append(at)
                prose_mentions.append((a, b, i))
            else:
                prose_mentions.append((a, b, root(j)))

    # every other mention of a known title in the prose
    known = _Known.rebuilt(known, known_names())
    headings = [
        (h.heading_span.start, h.heading_span.end)
        for i, h in enumerate(document.sections)
        if not in_negative(i)
    ]
    for s, e in sorted(sents + headings):
        if known.re is None:
            break
        for m in known.re.finditer(text, s, e):
            ms, me = m.start(), m.end()
            if not _is_cap(m.group()) or not _known_ok(text, ms, me, s, subj):
                continue
            i = known.by_fold.get(fold(m.group()))
            if i is None:
                continue
            c = _Cand(ms, me)
            prose._follow_paren(me, e, c)
            if c.year:
                works[root(i)].years.append(c.year)
            prose_mentions.append((ms, me, i))

    # ------------------------------------------------------------ output
    order = [i for i, w in enumerate(works) if w.merged_into is None]
    ids = {i: f"work:{n}" for n, i in enumerate(order)}
    for i, w in enumerate(works):
        if w.merged_into is not None:
            ids[i] = ids[root(i)]
    for s, e, label, i, comp in pending_mentions:
        mention(s, e, label, ids.get(root(i)) if i >= 0 else None, comp)
    for s, e, i in sorted(prose_mentions, key=lambda m: (m[0], -m[1])):
        r = root(i)
        before = len(mentions)
        mention(s, e, "WORK", ids[r], COMPONENT_PROSE)
        if len(mentions) > before and (s, e) not in works[r].evidence:
            works[r].evidence.append((s, e))
    out = []
    for i in order:
        w = works[i]
        title_f = fold(w.title)
        aliases = []
        for a in [*w.aliases, *([_main_title(w.title)] if _main_title(w.title) else [])]:
            if a and fold(a) != title_f and fold(a) not in {fold(x) for x in aliases}:
                aliases.append(a)
        if w.original_title and fold(w.original_title) not in {fold(x) for x in aliases} | {
            title_f
        }:
            aliases.append(w.original_title)
        if not w.evidence and w.title_span:
            w.evidence.append(w.title_span)
        ev = w.evidence[:1] + sorted(set(w.evidence[1:]) - set(w.evidence[:1]))
        out.append(
            Work(
                id=ids[i],
                title=w.title,
                year=_earliest(w.years),
                kind=w.kind,
                translators=tuple(dict.fromkeys(w.translators)),
                editors=tuple(dict.fromkeys(w.editors)),
                publisher=w.publisher,
                place=w.place,
                original_title=w.original_title,
                original_year=w.original_year,
                aliases=tuple(aliases),
                evidence=tuple(Evidence(a, b) for a, b in ev),
            )
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    return WorksResult(tuple(out), tuple(mentions))


def _pick_kind(section_kind: str | None, entry_kind: str | None) -> str | None:
    if entry_kind and section_kind in _GENERIC_KINDS:
        return entry_kind
    return section_kind or entry_kind


def _merge(works: list[_W], i: int, j: int) -> None:
    """Work ``i`` is the same as ``j``: fold it in."""
    a, b = works[i], works[j]
    for n in a.names():
        if fold(n) not in {fold(x) for x in b.names()}:
            b.aliases.append(n)
    b.years.extend(a.years)
    b.translators.extend(x for x in a.translators if x not in b.translators)
    b.editors.extend(x for x in a.editors if x not in b.editors)
    if b.kind in _GENERIC_KINDS and a.kind not in _GENERIC_KINDS:
        b.kind = a.kind
    b.kind = b.kind or a.kind
    b.publisher = b.publisher or a.publisher
    b.place = b.place or a.place
    b.original_title = b.original_title or a.original_title
    b.original_year = _earliest([b.original_year, a.original_year])
    b.evidence.extend(x for x in a.evidence if x not in b.evidence)
    a.merged_into = j


_UNDER_TITLE = re.compile(r"\bunder\s+the\s+(?:title|name)\s+")
_DEFINITE_WORK = re.compile(
    r"\b(?:(?:the|this)\s+(?:"
    + "|".join(n for n in WORK_NOUNS if " " not in n)
    + r"|manuscript|text)|it)\b"
)


def _under_title(
    document: Document, works: list[_W], known: _Known, sents, root, out: list
) -> None:
    """ "... completed the book in 1355 under the title X (Y)": X and Y name the
    work the section is about (the last known work named before, its heading
    included)."""
    text = document.text
    for s, e in sents:
        for m in _UNDER_TITLE.finditer(text, s, e):
            if not _DEFINITE_WORK.search(text, s, m.start()):
                continue
            t1 = _read_title(text, m.end(), e, known=known)
            if not t1:
                continue
            titles = [t1]
            pm = re.match(r"\s*\(", text[t1[1] : e])
            if pm:
                t2 = _read_title(text, t1[1] + pm.end(), e, known=known)
                if t2 and text[t2[1] : t2[1] + 1] == ")":
                    titles.append(t2)
            sec = document.section_at(s)
            lo = sec.heading_span.start if sec else 0
            referent = None
            if known.re is not None:
                for km in known.re.finditer(text, lo, s):
                    if _is_cap(km.group()) and _known_ok(text, km.start(), km.end(), lo, set()):
                        i = known.by_fold.get(fold(km.group()))
                        if i is not None:
                            referent = root(i)
            if referent is None:
                continue
            for a, b in titles:
                name = text[a:b]
                j = _link(works, name, None)
                if j is not None:
                    j = root(j)
                    if (
                        j != referent
                        and "list" not in (works[j].source, works[referent].source)
                        or j != referent
                        and works[referent].source != "list"
                    ):
                        _merge(works, j, referent)
                elif fold(name) not in {fold(x) for x in works[referent].names()}:
                    works[referent].aliases.append(name)
                out.append((a, b, referent))


def _resolve_ref(works: list[_W], ref: str, i: int, same_name) -> int | None:
    """The work a part-of reference names: a title, or "the X and Y translation"."""
    t = re.sub(r"^(?:the|an?)\s+", "", ref.strip().rstrip("."), flags=re.IGNORECASE)
    m = re.match(r"(.+?)\s+(?:translation|edition|version|text)s?$", t)
    if m:
        names = [n for n in re.split(r",\s*|\s+and\s+|\s*&\s*", m.group(1)) if n]
        for k, w in enumerate(works):
            people = " ".join(w.translators + w.editors)
            if (
                k != i
                and w.source == "list"
                and people
                and all(re.search(r"\b%s\b" % re.escape(n), people) for n in names)
            ):
                return k
    for k in range(len(works)):
        if k != i and works[k].merged_into is None and same_name(t, k):
            return k
    return None


def _is_list_title(w: _W, name: str) -> bool:
    return w.from_list and fold(w.title) == fold(name)


def _link(works: list[_W], title: str, kind: str | None) -> int | None:
    """The work a prose title names: folded title/alias/original, a main title,
    a trailing part of an original ("Ad Atticum" of "Epistulae ad Atticum")."""
    f = fold(title)
    if not f:
        return None
    live = [i for i, w in enumerate(works) if w.merged_into is None]
    for i in live:
        if any(fold(n) == f for n in works[i].names()):
            return i
    for i in live:
        mt = _main_title(works[i].title)
        if mt and fold(mt) == f:
            return i
    fw = f.split()
    if len(fw) >= 2:
        for i in live:
            for n in works[i].names():
                nw = fold(n).split()
                if (
                    len(nw) > len(fw)
                    and nw[-len(fw) :] == fw
                    and len(fw) >= 2
                    and fw[0] in ("ad", "de", "in", "pro")
                ):
                    return i
    if kind == "journal" or kind == "memoir":
        heads = _JOURNAL_HEADS if kind == "journal" else _MEMOIR_HEADS
        hits = [
            i
            for i in live
            if works[i].from_list
            and fold(works[i].title).split()[:1]
            and fold(works[i].title).split()[0] in heads
        ]
        if len(hits) == 1:
            return hits[0]
    return None


def _acceptable_title(title: str, subj: set[str]) -> bool:
    f = fold(title)
    if len(f) < 2 or not re.search(r"[^\W\d_]", title):
        return False
    words = title.split()
    if all(w in subj for w in words):
        return False
    if len(words) == 1 and words[0].lower() in NOT_TITLE_START:
        return False
    return True


def _known_ok(text: str, s: int, e: int, sent_start: int, subj: set[str]) -> bool:
    """Is this occurrence of a known title really the title (not part of a name)?"""
    before = text[max(sent_start, s - 40) : s]
    after = text[e : e + 40]
    pm = re.search(r"([\w'’\-]+)(\s*)$", before)
    if (
        pm
        and pm.group(2) == " "
        and _is_cap(pm.group(1))
        and pm.group(1).lower() not in NOT_TITLE_START
        and s != sent_start
        and pm.group(1).lower() not in ("the", "a", "an")
    ):
        return False
    if re.match(r"['’]s\b| [A-Z]|\s+(?:of|by)\s+(?!(?:the|a|an)\b)[A-Z]", after):
        return False  # part of a longer name, or someone else's ("the Rihla of Ibn Jubayr")
    single = len(text[s:e].split()) == 1
    if single:
        if s == sent_start:
            return False
        prev = pm.group(1).lower() if pm else ""
        if not (
            prev in ("the", "his", "her", "titled", "entitled", "called", "named", "as", "a")
            or prev in WORK_NOUNS
            or re.match(r"\s*\(\s*\d", after)
        ):
            return False
    return True


def _sentences_in(
    text: str, paras: list[tuple[int, int]], given: list[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    if not given:
        out = []
        for a, b in paras:
            out.extend(_split_sentences(text, a, b))
        return out
    out = []
    for a, b in paras:
        inside = sorted((max(a, s), min(b, e)) for s, e in given if s < b and a < e)
        merged: list[list[int]] = []
        for s, e in inside:
            # a sentence that starts lower-case continues the one before ("Going? and ...")
            prev_end = text[merged[-1][0] : merged[-1][1]].rstrip() if merged else ""
            head = text[s : s + 40].lstrip()[:1]
            if merged and (
                head.islower() or head in ",;:)" or not re.search(r"[.!?][\"”’')\]]*$", prev_end)
            ):
                merged[-1][1] = e
            else:
                merged.append([s, e])
        for s, e in merged:
            # the spans given may be whole paragraphs: split them further
            for s2, e2 in _split_sentences(text, s, e):
                while s2 < e2 and text[s2].isspace():
                    s2 += 1
                while e2 > s2 and text[e2 - 1].isspace():
                    e2 -= 1
                if e2 > s2:
                    out.append((s2, e2))
    return out
