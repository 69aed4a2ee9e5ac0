"""From a Document to a Record: the extraction pipeline.

The document's structure decides what the NLP reads and how: prose
paragraphs go through spaCy whole (tagger, parser, NER, and vitagraph's own
components), list items outside the works list get NER only (no parse: a
bibliography has no verbs worth parsing), the works list is parsed by its own
grammar, and headings are never read as sentences. Document-level steps then
decide labels, merge names into entities, resolve places, find the subject
and anchor relative dates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from ..document import Document
from ..folding import fold
from ..model import Claim, Entity, Mention, Place, Record, Subject, TimeExpr, Work
from . import names as _names  # noqa: F401  (registers vitagraph_names)
from . import repair as _repair  # noqa: F401  (registers vitagraph_repair)
from .claims import find_claims
from .events import Context as EventContext
from .events import find_events, lead_life_events, professions_of
from .given_names import looks_like_person
from .model import load_base
from .places import PlaceIndex
from .resolve import ORG_WORDS, PLACE_WORDS, Form, cluster, decide_labels, parenthetical_aliases, strip_title
from .subject import SubjectInfo, find_subject
from .sources import read_sources
from .times import find_times
from .works import extract_works, works_kind

SITE_WORDS = {
    "cemetery", "prison", "camp", "villa", "palace", "castle", "château", "chateau", "fortress", "abbey",
    "monastery", "convent", "cathedral", "church", "mosque", "temple", "hospital", "asylum", "sanatorium",
    "estate", "manor", "house", "hall", "gaol", "jail", "penitentiary", "barracks", "citadel", "tower",
    "museum", "gallery", "observatory", "garden", "gardens", "park", "square", "street", "bridge", "harbour",
}
PRONOUNS = {"male": {"he", "him", "his", "himself"}, "female": {"she", "her", "hers", "herself"}}


@dataclass
class Block:
    kind: str
    """prose or item"""
    start: int
    end: int


class Extractor:
    """Reusable: loads spaCy and the gazetteer once, then extracts many documents."""

    def __init__(self, nlp: Language | None = None, places: PlaceIndex | None = None) -> None:
        self.nlp = nlp or build_nlp()
        self.places = places or PlaceIndex.default()

    def __call__(self, document: Document) -> Record:
        return self.extract(document)

    # -- reading ----------------------------------------------------------
    def blocks(self, document: Document) -> tuple[list[Block], set[int]]:
        """Prose and list-item blocks; indices of sections that are works lists."""
        works_sections = set()
        for i, s in enumerate(document.sections):
            kind = works_kind(s.heading)
            parent = s.parent
            while kind is None and parent is not None:
                kind = works_kind(document.sections[parent].heading)
                parent = document.sections[parent].parent
            if kind is not None:
                works_sections.add(i)
        blocks = [Block("prose", p.span.start, p.span.end) for p in document.paragraphs]
        for b in document.lists:
            if b.section in works_sections:
                continue
            blocks.extend(Block("item", i.span.start, i.span.end) for i in b.items)
        blocks.sort(key=lambda b: b.start)
        return blocks, works_sections

    def parse(self, document: Document, blocks: list[Block]) -> list[tuple[int, Doc]]:
        text = document.text
        prose = [b for b in blocks if b.kind == "prose"]
        items = [b for b in blocks if b.kind == "item"]
        out: list[tuple[int, Doc]] = []
        for doc, b in self.nlp.pipe(_with_offsets(text, prose), as_tuples=True):
            out.append((b.start, _shift(doc, b.start)))
        if items:
            with self.nlp.select_pipes(disable=[p for p in ("parser", "lemmatizer", "tagger", "attribute_ruler") if p in self.nlp.pipe_names]):
                for doc, b in self.nlp.pipe(_with_offsets(text, items), as_tuples=True):
                    out.append((b.start, _shift(doc, b.start)))
        out.sort(key=lambda od: od[0])
        return out

    # -- the whole record -------------------------------------------------
    def extract(self, document: Document) -> Record:
        text = document.text
        blocks, _ = self.blocks(document)
        docs = self.parse(document, blocks)
        works = extract_works(document, [(b.start, b.end) for b in blocks if b.kind == "prose"])
        subject = find_subject(document)

        cands = [c for _, d in docs for c in (d._.vg_candidates or [])]
        work_spans = [(m.start, m.end) for m in works.mentions if m.label == "WORK"]
        cands = [c for c in cands if not _overlaps_any(c.start, c.end, work_spans)]
        list_people = {fold(m.text) for m in works.mentions if m.label == "PERSON"}
        list_orgs = {fold(m.text) for m in works.mentions if m.label == "ORG"}
        from .names import Candidate

        cands += self._infobox_places(document)
        for m in works.mentions:
            if m.label in ("PERSON", "ORG", "PLACE"):
                cands.append(Candidate(m.start, m.end, m.text, m.label, (m.start, m.end), component=m.component,
                                       prep="in" if m.label == "PLACE" else None))
        # the Sources list: "Dick, Auguste" is the person Auguste Dick, "(Boston: Birkhäuser, 1981)"
        # names a publisher, and "Life and Times of Rome's Greatest Politician" names nobody
        sources = read_sources(document)
        taken = [(a.start, a.end) for a in sources.authors] + sources.publishers
        cands = [c for c in cands if not any(a <= c.start and c.end <= b for a, b in sources.titles)
                 and not any(a < c.end and c.start < b for a, b in taken)]
        cands += [Candidate(a.start, a.end, text[a.start : a.end], "PERSON", (a.start, a.end), component="sources",
                            name=a.name) for a in sources.authors]
        cands += [Candidate(a, b, text[a:b], "ORG", (a, b), component="sources") for a, b in sources.publishers]
        list_people |= {fold(a.name) for a in sources.authors}
        list_orgs |= {fold(text[a:b]) for a, b in sources.publishers}
        cands.sort(key=lambda c: c.start)
        self.places.begin_document([c.text for c in cands if c.label in ("PLACE", "FAC") and c.component in ("ner", "infobox", "works_list")])
        alias_pairs = self._parenthesised(text, cands)
        cands.sort(key=lambda c: c.start)
        self._sites(cands, text)

        forms = decide_labels(
            cands,
            known_place=self.places.known,
            demonym=self.places.demonym,
            people_names=list_people | ({fold(subject.name)} if subject else set()),
            org_names=list_orgs,
            person_shape=looks_like_person,
        )
        subject_keys = set()
        if subject:
            for key, f in forms.items():
                if subject.matches(f.surface) or subject.matches(key):
                    f.label = "PERSON"
                    subject_keys.add(key)
        for host, alias in alias_pairs:
            h, a = forms.get(_key(host.text)), forms.get(_key(alias.text))
            if h and a and h.label in ("ORG", "PERSON") and a.label in (None, h.label, "PLACE"):
                a.label = h.label
        canon = cluster(forms, subject_keys=subject_keys)
        # "Name (Alias)": one entity
        labelled = [(c.start, c.end, key) for key, f in forms.items() if f.label for c in f.cands]
        pairs = parenthetical_aliases(text, labelled)
        pairs += [(_key(h.text), _key(a.text)) for h, a in alias_pairs if _key(h.text) in forms and _key(a.text) in forms]
        for a, b in pairs:
            if forms[a].label == forms[b].label and forms[a].label in ("ORG", "PERSON"):
                root_a, root_b = canon.get(a, a), canon.get(b, b)
                if root_a != root_b:
                    longer = root_a if len(root_a) >= len(root_b) else root_b
                    shorter = root_b if longer == root_a else root_a
                    for k, v in list(canon.items()):
                        if v == shorter:
                            canon[k] = longer

        # places: resolve every PLACE form jointly, merge by gazetteer identity
        place_forms = [f for f in forms.values() if f.label == "PLACE"]
        countries = [c for c in (self.places.demonym(x.text) for x in cands if x.label == "NORP") if c]
        resolved = self.places.resolve_all([f.surface for f in place_forms], countries=countries)
        by_identity: dict[str, str] = {}
        place_of: dict[str, object] = {}
        for f in place_forms:
            p = resolved.get(f.surface)
            if p is None:
                if f.votes.get("PLACE", 0) >= 0.9 and (
                        any(c.label == "PLACE" or c.of_place_noun for c in f.cands)
                        or f.key.split()[-1] in PLACE_WORDS):  # "the Palatine Hill"
                    place_of[f.key] = None  # a place, unlocated: kept with no coordinates
                    continue
                f.label = None
                continue
            ident = self.places.identity(p)
            if p.kind == "historic_state" and len(f.key.split()) >= 2:
                # "Weimar Germany", "Nazi Germany": eras of the country the name ends with
                country = self.places.known(f.surface.split()[-1])
                if country is not None and country.kind == "country":
                    ident = self.places.identity(country)
            root = by_identity.setdefault(ident, f.key)
            canon[f.key] = root
            place_of[root] = p

        entities, mentions = self._entities(forms, canon, subject, subject_keys)
        mentions += [m for m in works.mentions if m.label == "WORK"]
        mentions += self._untagged_occurrences(text, blocks, mentions, entities, subject)
        if subject:
            mentions += self._pronouns(docs, subject, mentions)
        mentions.sort(key=lambda m: (m.start, m.end))

        places = self._places(entities, place_of)
        times = find_times(document, blocks, exclude=work_spans)
        claims = self._claims(docs, mentions, entities, subject, works.works)
        subj = self._subject_record(document, subject, entities, places, times)
        if subj is not None and subj.born_date and any(t.value is None and "age" in t.text.lower() for t in times):
            times = find_times(document, blocks, exclude=work_spans, born=subj.born_date)  # "at the age of twenty" has its anchor now
        events = self._events(document, docs, mentions, times, places, subj)
        return Record(
            document=document.name,
            subject=subj,
            mentions=tuple(mentions),
            entities=tuple(entities.values()),
            times=tuple(times),
            places=tuple(places),
            works=tuple(works.works),
            claims=tuple(claims),
            events=tuple(events),
            version=__version__,
        )

    def _infobox_places(self, document: Document) -> list:
        """Each comma part of a place field ("Birthplace: Arpinum, Roman Republic") is a place name."""
        from .names import Candidate

        out = []
        for f in document.infobox:
            if not _PLACE_KEY.search(f.key):
                continue
            pos = f.value_span.start
            for part in f.value.split(","):
                lead = len(part) - len(part.lstrip())
                name = part.strip()
                start = pos + lead
                if name[:1].isupper() and not name[:1].isdigit():
                    out.append(Candidate(start, start + len(name), name, "PLACE", (f.value_span.start, f.value_span.end),
                                         prep="in", component="infobox"))
                pos += len(part) + 1
        return out

    def _parenthesised(self, text: str, cands) -> list:
        """"Communist International (Comintern)": the name in parentheses is an alias."""
        from .names import Candidate

        at = {c.start: c for c in cands}
        pairs = []
        for c in list(cands):
            if c.label not in ("ORG", "PERSON"):
                continue
            m = _PAREN_ALIAS.match(text, c.end)
            if not m:
                continue
            alias = at.get(m.start(1))
            if alias is None:
                alias = Candidate(m.start(1), m.end(1), m.group(1), c.label, c.sentence, component="alias")
                cands.append(alias)
                at[alias.start] = alias
            pairs.append((c, alias))
        return pairs

    def _sites(self, cands, text: str) -> None:
        """Sites the gazetteer lacks (a villa, a prison, a cemetery), placed at the city named nearest before them.

        A site is a FAC entity, or a name followed or ended by a site word
        ("the Panteón Francés cemetery"); its city is looked for in the same
        sentence first, then in the 600 characters before it.
        """
        cities = [c for c in cands if c.label in ("PLACE", "ORG", "PROPN") and c.text[:1].isupper()
                  and getattr(self.places.known(c.text, True), "kind", None) == "city"]
        for c in cands:
            after = text[c.end : c.end + 20].split()
            site_word = bool(after[:1] and after[0].lower().strip(".,;") in SITE_WORDS) or c.text.split()[0].lower() in SITE_WORDS
            if not (c.label == "FAC" or site_word) or self.places.known(c.text) is not None or fold(c.text).split()[-1:] and fold(c.text).split()[-1] in ORG_WORDS:
                continue
            same = [o for o in cities if o.sentence == c.sentence and o is not c]
            before = [o for o in cities if c.start - 600 <= o.start < c.start]
            near = min(same, key=lambda o: abs(o.start - c.start)) if same else (before[-1] if before else None)
            if near is not None and self.places.site(c.text, near.text) is not None:
                c.label = "PLACE"
                self.places.known.cache_clear()

    def _events(self, document: Document, docs, mentions, times, places, subj) -> list:
        lead = document.paragraphs[0].span if document.paragraphs else None
        ctx = EventContext(document.text, list(mentions), list(times), {p.entity: p for p in places},
                           sections=[(s.span.start, s.span.end) for s in document.sections if s.parent is None],
                           professions=professions_of(lead.of(document.text)) if lead else set())
        born = subj.born_date if subj else None
        died = subj.died_date if subj else None
        place_id = {n: p.entity for p in places for n in (p.name, *p.aliases)}
        place_id.update({p.entity: p.entity for p in places})
        out = lead_life_events(  # the subject record names its places; events point at the entities
            document.text, (lead.start, lead.end) if lead else None, list(times), born, died,
            place_id.get(subj.born_place) if subj and subj.born_place else None,
            place_id.get(subj.died_place) if subj and subj.died_place else None,
        )
        out += find_events(docs, ctx, born=born, died=died)
        out.sort(key=lambda e: (e.evidence.start, e.evidence.end))
        return out

    def _entities(
        self, forms: dict[str, Form], canon: dict[str, str], subject: SubjectInfo | None, subject_keys: set[str]
    ) -> tuple[dict[str, Entity], list[Mention]]:
        groups: dict[str, list[Form]] = {}
        for key, f in forms.items():
            if not f.label:
                continue
            root = "subject" if key in subject_keys else canon.get(key, key)
            groups.setdefault(root, []).append(f)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        prefix = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
        for root, fs in sorted(groups.items()):
            label = fs[0].label or "PERSON"
            eid = "person:subject" if root == "subject" else f"{prefix[label]}:{root.replace(' ', '-')}"
            surfaces = []
            for f in fs:
                for c in f.cands:
                    surfaces.append(c.name or c.text)
            names_by_len = sorted(set(surfaces), key=lambda s: (-len(s.split()), -surfaces.count(s), s))
            if root == "subject" and subject:
                name = subject.name
            else:
                name = _strip_title(names_by_len[0])
            aliases = tuple(sorted({_strip_title(s) for s in surfaces} - {name}) + sorted({s for s in surfaces if _strip_title(s) != s} - {name}))
            if root == "subject" and subject:
                aliases = tuple(dict.fromkeys([*subject.aliases, *aliases]))
            n = sum(len(f.cands) for f in fs)
            entities[eid] = Entity(eid, label, name, tuple(dict.fromkeys(aliases)), n, is_subject=root == "subject")
            for f in fs:
                for c in f.cands:
                    mentions.append(Mention(c.start, c.end, c.text, label, eid, c.component))
        return entities, mentions

    def _untagged_occurrences(self, text: str, blocks: list[Block], mentions: list[Mention], entities: dict[str, Entity],
                              subject: SubjectInfo | None = None) -> list[Mention]:
        """Document-level consistency: a name tagged once is that entity wherever it recurs.

        spaCy tags "Serge" in one sentence and not the next; every exact,
        word-bounded occurrence of an entity's name in prose becomes a mention.
        """
        names: dict[str, tuple[str, str]] = {}
        if subject is not None:
            # the subject's names, and the surname alone ("Kowal was arrested ...")
            for form in [subject.name, *subject.aliases, subject.name.split()[-1]]:
                if len(form) >= 3 and form[:1].isupper():
                    names.setdefault(form, ("person:subject", "PERSON"))
        for m in mentions:
            if m.entity and m.label in ("PERSON", "ORG", "PLACE") and len(m.text) >= 3 and m.text[:1].isupper():
                names.setdefault(m.text, (m.entity, m.label))
        if not names:
            return []
        pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w'’-]*[\w])")
        taken = sorted((m.start, m.end) for m in mentions)
        starts = [a for a, _ in taken]
        out = []
        for b in blocks:
            if b.kind != "prose":
                continue
            for hit in pattern.finditer(text, b.start, b.end):
                a, z = hit.start(), hit.end()
                if _NEXT_NAME.match(text, z):
                    continue  # "Moscow" in "Moscow Trials": part of a longer name
                i = bisect.bisect_right(starts, a) - 1
                if (i >= 0 and taken[i][1] > a) or (i + 1 < len(taken) and taken[i + 1][0] < z):
                    continue
                eid, label = names[hit.group(0)]
                out.append(Mention(a, z, hit.group(0), label, eid, "consistency"))
        return out

    def _pronouns(self, docs: list[tuple[int, Doc]], subject: SubjectInfo, mentions: list[Mention]) -> list[Mention]:
        """He/his (or she/her) → the subject, unless another person is the nearer antecedent.

        Biographies keep their subject as the default referent; a pronoun
        is left alone only in a clause reported from another named person
        ("Trotsky wrote that he ...").
        """
        words = PRONOUNS.get(subject.gender or "", set())
        people = sorted((m for m in mentions if m.label == "PERSON" and m.entity), key=lambda m: m.start)
        starts = [m.start for m in people]
        out = []
        for offset, doc in docs:
            if not doc.has_annotation("SENT_START"):
                continue
            for sent in doc.sents:
                for tok in sent:
                    if tok.lower_ not in words:
                        continue
                    pos = offset + tok.idx
                    verb = tok.head
                    if verb.dep_ in ("ccomp", "relcl") and tok.dep_ in ("nsubj", "nsubjpass"):
                        # "Trotsky wrote that he ...": the reporting verb's subject is the antecedent
                        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
                        if any(self._person_at(people, starts, offset + c.idx) not in (None, "person:subject") for c in speakers):
                            continue
                    out.append(Mention(pos, pos + len(tok.text), tok.text, "PERSON", "person:subject", "coref"))
        return out

    @staticmethod
    def _person_at(people: list[Mention], starts: list[int], pos: int) -> str | None:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and people[i].start <= pos < people[i].end:
            return people[i].entity
        return None

    def _places(self, entities: dict[str, Entity], place_of: dict[str, object]) -> list[Place]:
        out = []
        for eid, e in entities.items():
            if e.label != "PLACE":
                continue
            root = eid.split(":", 1)[1].replace("-", " ")
            if root not in place_of:
                continue
            p = place_of[root]
            if p is None:
                out.append(Place(eid, e.name, "unknown", None, None, aliases=tuple(a for a in e.aliases if a != e.name)))
                continue
            out.append(self.places.to_place(eid, e, p))
        return out

    def _claims(self, docs, mentions: list[Mention], entities: dict[str, Entity], subject, works: Iterable[Work]) -> list[Claim]:
        people = [m for m in mentions if m.label == "PERSON" and m.entity and m.entity != "person:subject"]
        subject_spans = [(m.start, m.end) for m in mentions if m.entity == "person:subject"]
        work_mentions = [m for m in mentions if m.label == "WORK"]
        titles = {w.id: w.title for w in works}

        def speaker_of(a: int, b: int):
            for m in people:
                if a <= m.start and m.end <= b:
                    return entities[m.entity].name, m.entity
            return None

        def about(a: int, b: int):
            for m in work_mentions:
                if a <= m.start < b:
                    return titles.get(m.entity or "", m.text)
            if any(a <= s < b for s, _ in subject_spans):
                return subject.name if subject else None
            return None

        return find_claims(((o, d) for o, d in docs if d.has_annotation("DEP")), speaker_of=speaker_of, about_subject=about)

    def _subject_record(self, document: Document, subject, entities, places: list[Place], times: list[TimeExpr]) -> Subject | None:
        if subject is None:
            return None
        from .lifespan import life_dates

        born, died = life_dates(document, places, times, subject)
        return Subject(
            entity="person:subject",
            name=subject.name,
            aliases=tuple(subject.aliases) + tuple(a for a in entities.get("person:subject", Entity("", "", "")).aliases if a not in subject.aliases),
            gender=subject.gender,
            born_date=born[0],
            born_place=born[1],
            died_date=died[0],
            died_place=died[1],
        )


_NEXT_NAME = re.compile(r" [A-Z][a-z]")
_PLACE_KEY = re.compile(r"place|location|residence|resting|burial|birthplace|deathplace", re.IGNORECASE)
_PAREN_ALIAS = re.compile(r"\s?\(((?:[A-Z][\w'’\-.]*)(?:\s+(?:of|the|de|y|and|for|[A-Z][\w'’\-.]*)){0,5})\)")


def _key(text: str) -> str:
    return fold(strip_title(text)[0])


def _strip_title(s: str) -> str:
    return strip_title(s)[0]


def _overlaps_any(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def _shift(doc: Doc, offset: int) -> Doc:
    """Move the block's candidates into document coordinates."""
    doc._.vg_offset = offset
    for c in doc._.vg_candidates or []:
        c.start += offset
        c.end += offset
        c.sentence = (c.sentence[0] + offset, c.sentence[1] + offset)
    return doc


def _with_offsets(text: str, blocks: list[Block]):
    for b in blocks:
        yield text[b.start : b.end], b


def build_nlp() -> Language:
    """en_core_web_sm plus vitagraph's components."""
    nlp = load_base()
    if "vitagraph_repair" not in nlp.pipe_names and "parser" in nlp.pipe_names:  # after the POS are mapped
        nlp.add_pipe("vitagraph_repair", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    if "vitagraph_names" not in nlp.pipe_names:
        nlp.add_pipe("vitagraph_names", last=True)
    return nlp


_default: Extractor | None = None


def extract(document: Document) -> Record:
    """Extract a Record with a process-wide Extractor (spaCy loaded once)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default(document)
