"""What the exporters share: looking things up in a Record without trusting it.

A Record can be partial or malformed (a hand-made one, an old database, a bug
upstream): an event's place may be an id, a name or nothing; a participant may
name an entity that is not there; a coordinate may be missing or NaN; an
evidence span may run past the text. These helpers answer None (or the raw
value) instead of raising, so every exporter can write a valid file whatever
it is given.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ..document import Document
from ..folding import fold
from ..model import Entity, Event, Evidence, Place, Record, Work

BOOK_KINDS = frozenset({
    "novel", "novella", "poetry", "poems", "poem collection", "collection", "history", "memoir",
    "memoirs", "biography", "autobiography", "book", "essays", "essay collection", "stories",
    "short stories", "diary", "diaries", "letters", "correspondence", "play", "plays", "drama",
    "travel", "travelogue", "study", "treatise", "monograph", "textbook", "anthology", "nonfiction",
    "non-fiction", "fiction", "criticism", "philosophy", "novel (unfinished)",
})
"""Work kinds that are books (schema:Book, CSL ``book``, BibTeX ``@book``)."""

ARTICLE_KINDS = frozenset({"article", "essay", "review", "column", "letter", "open letter", "speech"})
PAMPHLET_KINDS = frozenset({"pamphlet", "tract", "booklet"})

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """A string safe for any text format: no lone surrogates, no C0 controls but tab/newline."""
    if text is None:
        return ""
    return _XML_BAD.sub("\ufffd", str(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode(text: str) -> bytes:
    """UTF-8 bytes of an export (a lone surrogate becomes U+FFFD, never an exception)."""
    return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def xml_value(v: object) -> str:
    """An attribute value for the XML graph formats (GEXF, GraphML)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return clean(v)


def slug(text: str) -> str:
    """ASCII lower-case words joined by hyphens (``Ralph Manheim`` -> ``ralph-manheim``)."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def finite(x: object) -> float | None:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    return float(x) if math.isfinite(x) else None


def coords(place: Place | None) -> tuple[float, float] | None:
    """(lat, lon) when both are real numbers in range, else None."""
    if place is None:
        return None
    lat, lon = finite(place.lat), finite(place.lon)
    if lat is None or lon is None or not -90 <= lat <= 90 or not -180 <= lon <= 180:
        return None
    return lat, lon


def quote(document: Document, ev: Evidence | None) -> str:
    """The evidence's text ('' when it runs outside the document)."""
    if ev is None or ev.end > len(document.text):
        return ""
    return document.text[ev.start : ev.end]


def in_text(document: Document, ev: Evidence | None) -> bool:
    return ev is not None and ev.end <= len(document.text)


def kind_of(work: Work) -> str:
    """``book``, ``article``, ``pamphlet`` or ``other`` from the free-text work kind."""
    k = (work.kind or "").strip().casefold()
    if k in BOOK_KINDS or any(w in k for w in ("novel", "poem", "poetry", "memoir", "history", "book")):
        return "book"
    if k in PAMPHLET_KINDS or "pamphlet" in k:
        return "pamphlet"
    if k in ARTICLE_KINDS or "article" in k:
        return "article"
    return "other"


def split_name(name: str) -> tuple[str, str] | None:
    """(given, family) for a plain personal name ("Willard R. Trask" -> ("Willard R.", "Trask")).

    None when the name should stay whole: one word, no spaces (many scripts), a
    comma, or an organization-like "and".
    """
    parts = (name or "").split()
    if len(parts) < 2 or "," in name or " and " in f" {name.casefold()} ":
        return None
    particles = {"de", "da", "di", "du", "van", "von", "der", "den", "del", "della", "le", "la", "ibn", "bin", "al"}
    i = len(parts) - 1
    while i > 1 and parts[i - 1].casefold() in particles:
        i -= 1
    return " ".join(parts[:i]), " ".join(parts[i:])


@dataclass
class Index:
    """Lookups over one Record, built once per export."""

    record: Record

    def __post_init__(self) -> None:
        r = self.record
        self.entities: dict[str, Entity] = {}
        for e in r.entities:
            self.entities.setdefault(e.id, e)
        self.places: dict[str, Place] = {}
        for p in r.places:
            self.places.setdefault(p.entity, p)
        self.works: dict[str, Work] = {}
        for w in r.works:
            self.works.setdefault(w.id, w)
        self._place_names: dict[str, Place] = {}
        for p in r.places:
            for n in (p.name, *p.aliases):
                self._place_names.setdefault(fold(n), p)
        for e in r.entities:
            if e.label == "PLACE" and e.id in self.places:
                for n in (e.name, *e.aliases):
                    self._place_names.setdefault(fold(n), self.places[e.id])
        self._names: dict[tuple[str, str], Entity] = {}
        for e in r.entities:
            for n in (e.name, *e.aliases):
                self._names.setdefault((e.label, fold(n)), e)

    @property
    def subject_id(self) -> str | None:
        s = self.record.subject
        if s is not None:
            return s.entity
        return next((e.id for e in self.record.entities if e.is_subject), None)

    def place(self, ref: str | None) -> Place | None:
        """A place by entity id, name or alias."""
        if not ref:
            return None
        return self.places.get(ref) or self._place_names.get(fold(ref))

    def entity_by_name(self, label: str, name: str) -> Entity | None:
        return self._names.get((label, fold(name))) if name else None

    def name(self, ref: str) -> str:
        """Display name of an entity, place or work id; the reference itself if unknown."""
        if ref == self.subject_id and self.record.subject is not None:
            return self.record.subject.name
        if ref in self.entities:
            return self.entities[ref].name
        if ref in self.places:
            return self.places[ref].name
        if ref in self.works:
            return self.works[ref].title
        return ref

    def kind(self, ref: str) -> str | None:
        """``subject``, ``person``, ``organization``, ``place``, ``work`` or None if unknown."""
        if ref == self.subject_id:
            return "subject"
        if ref in self.works:
            return "work"
        if ref in self.places:
            return "place"
        e = self.entities.get(ref)
        if e is None:
            return None
        return {"PERSON": "person", "ORG": "organization", "PLACE": "place", "WORK": "work"}.get(e.label)

    def event_place(self, ev: Event) -> Place | None:
        return self.place(ev.place)

    def people(self) -> list[Entity]:
        sid = self.subject_id
        return [e for e in self.entities.values() if e.label == "PERSON" and e.id != sid and not e.is_subject]

    def organizations(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.label == "ORG"]

    def subject_names(self) -> tuple[str, tuple[str, ...]]:
        s = self.record.subject
        if s is None:
            return "", ()
        return s.name, s.aliases
