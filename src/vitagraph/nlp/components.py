"""vitagraph's extractors as spaCy pipeline components, for spaCy users.

    import spacy, vitagraph.nlp.components
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("vitagraph_names")
    nlp.add_pipe("vitagraph_dates")
    nlp.add_pipe("vitagraph_places")
    nlp.add_pipe("vitagraph_events", config={"subject": "Ada Brandt"})
    doc = nlp(text)
    doc.spans["vg_dates"][0]._.edtf, doc._.vg_events

Each component wraps the same function ``Extractor`` uses on whole
documents, so a sentence processed here and a biography ingested by
vitagraph give the same answers. Document-level steps (label voting across a
whole biography, the works list) need the whole Document and stay in
``pipeline.Extractor``; on a single Doc the components use what the Doc has.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..folding import fold
from ..model import Claim, Mention, Place, TimeExpr
from . import edtf
from . import names as _names  # noqa: F401  (vitagraph_names)
from .claims import find_claims
from .events import Context as EventContext
from .events import find_events

for _attr in ("edtf", "time_kind", "place"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
for _attr in ("vg_events", "vg_claims", "vg_places"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


@Language.factory("vitagraph_dates", assigns=["doc.spans", "span._.edtf", "span._.time_kind"])
def make_dates(nlp: Language, name: str) -> "DateComponent":
    return DateComponent()


class DateComponent:
    """Temporal expressions as EDTF: ``doc.spans["vg_dates"]``, each with ``span._.edtf``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        anchor = None
        for m in edtf.scan(doc.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            value = m.value if m.value is not None else (edtf.anchor(m, anchor) if anchor else None)
            span._.edtf = value
            span._.time_kind = m.kind
            spans.append(span)
            if m.value is not None and m.kind in ("date", "interval", "open", "set"):
                anchor = m.value
        doc.spans["vg_dates"] = spans
        return doc


@Language.factory("vitagraph_places", assigns=["span._.place", "doc._.vg_places"], requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> "PlaceComponent":
    return PlaceComponent()


class PlaceComponent:
    """GPE/LOC/FAC entities resolved jointly against the offline gazetteer (``span._.place``)."""

    def __init__(self) -> None:
        self._index = None

    def __call__(self, doc: Doc) -> Doc:
        if self._index is None:
            from .places import PlaceIndex

            self._index = PlaceIndex.default()
        ents = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        names = [e.text for e in ents]
        self._index.begin_document(names)
        resolved = self._index.resolve_all(names)
        places = {}
        for e in ents:
            p = resolved.get(e.text)
            e._.place = p
            if p is not None:
                places[e.text] = p
        doc._.vg_places = places
        return doc


@Language.factory(
    "vitagraph_events",
    default_config={"subject": None},
    assigns=["doc._.vg_events"],
    requires=["token.dep", "token.lemma", "doc.ents"],
)
def make_events(nlp: Language, name: str, subject: str | None) -> "EventComponent":
    return EventComponent(subject)


class EventComponent:
    """The subject's life events in one Doc (``doc._.vg_events``: ``model.Event`` values).

    ``subject`` names the person whose events these are; without it, the
    Doc's first PERSON entity is taken. Its pronouns follow it. Dates come
    from ``vitagraph_dates`` when it ran before, else are scanned here.
    """

    def __init__(self, subject: str | None) -> None:
        self.subject = subject

    def __call__(self, doc: Doc) -> Doc:
        subject = self.subject or next((e.text for e in doc.ents if e.label_ == "PERSON"), None)
        mentions: list[Mention] = []
        if subject:
            words = set(fold(subject).split())
            for e in doc.ents:
                if e.label_ == "PERSON" and set(fold(e.text).split()) <= words:
                    mentions.append(Mention(e.start_char, e.end_char, e.text, "PERSON", "person:subject", "ner"))
            gender_words = {"he", "him", "his", "she", "her"}
            mentions += [
                Mention(t.idx, t.idx + len(t.text), t.text, "PERSON", "person:subject", "coref")
                for t in doc if t.lower_ in gender_words
            ]
        for e in doc.ents:
            label = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}.get(e.label_)
            if label and not any(m.start == e.start_char for m in mentions):
                mentions.append(Mention(e.start_char, e.end_char, e.text, label, f"{label.lower()}:{fold(e.text)}", "ner"))
        places: dict[str, Place] = {}
        for e in doc.ents:
            p = e._.place if Span.has_extension("place") else None
            if p is not None:
                eid = f"place:{fold(e.text)}"
                places[eid] = Place(eid, e.text, p.kind, p.lat, p.lon, p.country, p.geonameid)
        times = [
            TimeExpr(s.start_char, s.end_char, s.text, s._.edtf, s._.time_kind or "date")
            for s in doc.spans.get("vg_dates", [])
        ] or [TimeExpr(m.start, m.end, m.text, m.value, m.kind) for m in edtf.scan(doc.text)]
        ctx = EventContext(doc.text, mentions, times, places)
        doc._.vg_events = find_events([(0, doc)], ctx, born=None, died=None) if subject else []
        return doc


@Language.factory("vitagraph_claims", assigns=["doc._.vg_claims"], requires=["token.dep", "doc.ents"])
def make_claims(nlp: Language, name: str) -> "ClaimComponent":
    return ClaimComponent()


class ClaimComponent:
    """Attributed claims (``doc._.vg_claims``): a named person's reporting verb and the quote."""

    def __call__(self, doc: Doc) -> Doc:
        people = [e for e in doc.ents if e.label_ == "PERSON"]

        def speaker_of(a: int, b: int):
            for e in people:
                if a <= e.start_char and e.end_char <= b:
                    return e.text, f"person:{fold(e.text)}"
            return None

        def about(a: int, b: int):
            return "subject"

        claims: list[Claim] = find_claims([(0, doc)], speaker_of=speaker_of, about_subject=about)
        doc._.vg_claims = claims
        return doc


__all__ = ["DateComponent", "PlaceComponent", "EventComponent", "ClaimComponent"]
