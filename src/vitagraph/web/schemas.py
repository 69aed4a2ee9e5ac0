"""Response shapes of the JSON API, for the OpenAPI document (``/openapi.json``).

Handlers return ready JSON (building thousands of annotation models per
request would eat the latency budget); the tests validate real responses
against these models so the documentation cannot drift from the data.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Span = list[int]
"""``[start, end]``: half-open character offsets into the document text."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Error(Model):
    ok: Literal[False] = False
    error: str


class Ref(Model):
    id: str | None
    name: str
    label: str


class Counts(Model):
    events: int
    people: int
    organizations: int
    places: int
    works: int
    dates: int
    mentions: int
    claims: int


class SubjectBrief(Model):
    name: str
    born: str | None
    died: str | None


class DocumentRow(Model):
    id: int
    name: str
    title: str | None
    format: str
    chars: int
    ingested_at: str
    extracted: bool
    subject: SubjectBrief | None
    counts: Counts


class DocumentList(Model):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    totals: dict[str, int]
    documents: list[DocumentRow]
    message: str | None = None


class LifeDate(Model):
    date: str | None
    label: str | None
    place: str | None


class Subject(Model):
    id: str
    name: str
    aliases: list[str]
    gender: str | None
    born: LifeDate
    died: LifeDate


class Field(Model):
    key: str
    value: str


class DocumentSummary(Model):
    ok: Literal[True] = True
    id: int
    name: str
    title: str
    format: str
    chars: int
    extracted: bool
    version: str | None
    subject: Subject | None
    infobox: list[Field]
    warnings: list[str]
    counts: Counts
    views: dict[str, str]


class Time(Model):
    """EDTF as drawable numbers: fractional years, None on an open or unknown side."""

    lo: float | None
    hi: float | None
    open_lo: bool
    open_hi: bool
    uncertain: bool
    approximate: bool
    label: str
    shape: Literal["point", "span", "interval", "set"]
    precision: str
    members: list[list[float | None]] | None
    all_of: bool | None = None


class TimelineItem(Model):
    id: str
    layer: Literal["event", "date"]
    type: str
    label: str
    date: str | None
    time: Time | None
    span: Span
    sentence: Span
    quote: str
    """The evidence (an event) or its sentence (a date), shortened to 280 characters."""
    place: Ref | None = None
    participants: list[Ref] | None = None
    confidence: float | None = None
    component: str | None = None
    kind: str | None = None
    anchored: bool | None = None


class Life(Model):
    born: float | None
    died: float | None
    born_label: str | None
    died_label: str | None


class TypeCount(Model):
    type: str
    count: int


class Timeline(Model):
    ok: Literal[True] = True
    document: str
    subject: str | None
    life: Life | None
    range: list[float] | None
    types: list[TypeCount]
    events: list[TimelineItem]
    dates: list[TimelineItem]
    undated: list[TimelineItem]


class MapPlace(Model):
    id: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None
    aliases: list[str]
    coarse: bool
    mentions: int
    events: list[str]
    weight: int


class Stop(Model):
    place: str
    event: str
    events: list[str]
    type: str
    date: str | None
    date_label: str
    lo: float | None
    hi: float | None


class MapData(Model):
    ok: Literal[True] = True
    document: str
    places: list[MapPlace]
    itinerary: list[Stop]
    unlocated: list[str]
    tiles: str | None


class Node(Model):
    id: str
    name: str
    label: str
    aliases: list[str]
    mentions: int
    is_subject: bool
    degree: int
    strength: int


class Edge(Model):
    source: str
    target: str
    weight: int
    sentences: int
    events: int
    evidence: list[Span]


class Network(Model):
    ok: Literal[True] = True
    document: str
    subject: str | None
    nodes: list[Node]
    edges: list[Edge]


class MentionInContext(Model):
    span: Span
    sentence: Span
    before: str
    text: str
    after: str


class EntityInfo(Model):
    model_config = ConfigDict(extra="allow")
    id: str | None
    name: str
    label: str
    aliases: list[str]
    is_subject: bool


class EntityDetail(Model):
    ok: Literal[True] = True
    document: str
    entity: EntityInfo
    mentions: list[MentionInContext]
    events: list[str]


class WorkRow(Model):
    id: str
    title: str
    year: str | None
    year_label: str | None
    year_sort: float | None
    kind: str | None
    translators: list[str]
    editors: list[str]
    publisher: str | None
    place: str | None
    original_title: str | None
    original_year: str | None
    original_year_sort: float | None
    aliases: list[str]
    evidence: list[Span]


class Works(Model):
    ok: Literal[True] = True
    document: str
    works: list[WorkRow]


class Annotation(BaseModel):
    """One extracted span: ``kind`` is mention, date, event, work or claim; other keys depend on it."""

    model_config = ConfigDict(extra="allow")
    id: str
    kind: Literal["mention", "date", "event", "work", "claim"]
    start: int
    end: int


class Block(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: Literal["title", "field", "heading", "paragraph", "item"]
    start: int
    end: int


class Section(Model):
    heading: str
    level: int
    start: int


class Reader(Model):
    ok: Literal[True] = True
    document: str
    text: str
    blocks: list[Block]
    sentences: list[Span]
    sections: list[Section]
    annotations: list[Annotation]
    entities: dict[str, dict[str, str]]


class Part(Model):
    text: str
    hit: bool


class SearchHit(Model):
    name: str
    title: str | None
    subject: str | None
    chars: int
    title_parts: list[Part]
    snippet: list[Part]
    score: float


class EntityHit(Model):
    document: str
    title: str | None
    id: str
    label: str
    name: str
    mentions: int


class SearchResults(Model):
    ok: Literal[True] = True
    q: str
    total: int
    limit: int
    offset: int
    documents: list[SearchHit]
    entities: list[EntityHit]


class Config(Model):
    ok: Literal[True] = True
    version: str
    database: str
    tiles: str | None
