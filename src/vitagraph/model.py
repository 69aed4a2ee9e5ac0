"""The Record: everything vitagraph extracted from one document, as plain values.

Frozen dataclasses, no spaCy objects: the store saves them, exports read
them, the web serves them. Every fact carries the ``Evidence`` it was read
from (character offsets into ``Document.text``) and the component that
made it, so a user can always ask "where does this come from?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "PLACE", "WORK", "DATE")


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Half-open character range into the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence ({self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name (or pronoun) in the text that refers to something."""

    start: int
    end: int
    text: str
    """Exactly ``document.text[start:end]``."""
    label: str
    """PERSON, ORG, PLACE, WORK or DATE."""
    entity: str | None = None
    """Id of the entity it refers to (``Entity.id``), if clustered."""
    component: str = ""
    """What found it: ``ner``, ``works_list``, ``gazetteer``, ``coref``..."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real referent, merged across its names (Trotsky, Leon Trotsky)."""

    id: str
    label: str
    name: str
    """The fullest name used in the text."""
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    is_subject: bool = False


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression and its EDTF value (None if it needs an anchor it lacks)."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str
    """date, interval, open, duration, relative, decade, century, set."""
    anchored: bool = False
    """True when the value came from the narrative time around it."""


@dataclass(frozen=True, slots=True)
class Place:
    """A place entity resolved against the gazetteer."""

    entity: str
    name: str
    kind: str
    """city, country, region, site, continent, island, historic state..."""
    lat: float | None
    lon: float | None
    country: str | None = None
    geonameid: int | None = None
    aliases: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Work:
    """A work by the subject: from the works list, the prose, or both."""

    id: str
    title: str
    year: str | None = None
    """EDTF, usually a year: the first publication, as far as the text says."""
    kind: str | None = None
    translators: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    publisher: str | None = None
    place: str | None = None
    original_title: str | None = None
    original_year: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    """Where the work is named: its list entry first, then prose mentions."""


@dataclass(frozen=True, slots=True)
class Claim:
    """Something someone said about the subject or the subject's work."""

    speaker: str | None
    """Name of who said it (an entity name), None if unattributed."""
    speaker_entity: str | None
    verb: str
    """The reporting verb's lemma: call, describe, write, say..."""
    about: str | None
    """What it is about: the subject, or a work title."""
    quote: Evidence | None
    """The quoted words, without the quotation marks, if quoted."""
    evidence: Evidence
    """The whole sentence."""


@dataclass(frozen=True, slots=True)
class Event:
    """A happening in the subject's life (filled by the events extractor)."""

    type: str
    date: str | None
    place: str | None
    participants: tuple[str, ...]
    evidence: Evidence
    confidence: float = 0.5
    component: str = "events"


@dataclass(frozen=True)
class Subject:
    entity: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    """``female``, ``male`` or None, from the pronouns the text uses."""
    born_date: str | None = None
    born_place: str | None = None
    died_date: str | None = None
    died_place: str | None = None


@dataclass(frozen=True)
class Record:
    document: str
    subject: Subject | None
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    works: tuple[Work, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    version: str = field(default="", compare=False)
    """vitagraph version that made it."""

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
