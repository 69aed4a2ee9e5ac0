"""Finding the sentences a question is about: its names, its documents, BM25, re-ranking.

1. ``resolve_names``: the word n-grams of the question that are stored names
   or aliases (longest first, not overlapping), each with the entities and
   documents it can mean.
2. ``scope``: the documents to search: those whose subject the question
   names, else those holding the other names, else the whole corpus.
3. ``candidates``: every sentence of a few documents, or the best BM25 hits
   of the full-text index (stems and entity aliases) over many.
4. ``rank``: each sentence scored by how much of the question it covers
   (IDF-weighted stems, synonyms at a discount), the question's entities it
   mentions, events of the question's type it holds, and dates that agree
   with the question's.
"""

from __future__ import annotations

import math
import sqlite3
from bisect import bisect_left
from dataclasses import dataclass

from ..folding import fold
from ..nlp import edtf
from ..store import sentences as db
from ..store.sentences import SentenceRow
from .ask import Question
from .text import fold_word, stem, stems, words

# Related stems, matched at a discount (a question's word is seldom the text's).
_SYN_GROUPS = [
    "live base settl resid stai home dwell",
    "go went travel journei sail move return leav",
    "back return",
    "kill murder assassin execut shoot behead slai",
    "die kill execut murder",
    "marri wife husband",
    "deport exil banish",
    "imprison prison jail confin intern sentenc hold captiv",
    "support back favor side defend champion",
    "found establish creat set",
    "teach lectur tutor instruct train",
    "studi learn educ train attend enrol",
    "supervis under advis direct",
    "pai fund financ cost",
    "print publish appear issu",
    "write compos author",
    "complet finish",
    "begin start",
    "leav depart quit sail",
    "arriv reach land come",
    "enter join enrol",
    "join member belong enter accept appoint",
    "meet visit encount",
    "visit travel meet",
    "spend stai live remain",
    "award prize honor medal",
    "receiv award give grant obtain",
    "buy purchas acquir",
    "call describ name term",
    "tri trial court-marti courtmarti",
    "quarrel disput conflict",
    "suspend dismiss remov",
    "command under lead",
    "father parent",
    "mother parent",
    "son child",
    "daughter child",
    "wife marri",
    "husband marri",
    "reason caus becaus",
    "wreck sink sank storm",
    "carri bear",
    "colleagu with",
    "accompani with",
    "invit call",
    "languag english french german latin greek spanish italian russian arab",
]
SYNONYMS: dict[str, set[str]] = {}
for _g in _SYN_GROUPS:
    _ws = _g.split()
    SYNONYMS.setdefault(_ws[0], set()).update(_ws[1:])
    for _w in _ws[1:]:
        SYNONYMS.setdefault(_w, set()).add(_ws[0])

def _demonyms() -> dict[str, set[str]]:
    """Stems of a demonym's country names: american -> {america, unit, state}."""
    from importlib import resources

    base = resources.files("vitagraph") / "data" / "gazetteer"
    try:
        aliases: dict[str, list[str]] = {}
        for line in (base / "country_aliases.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            code, names = line.split("\t", 1)
            aliases.setdefault(code.strip(), []).extend(n for n in names.split("|") if len(n) > 3 and not n.isupper())
        out: dict[str, set[str]] = {}
        for line in (base / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            word, codes = line.split("\t", 1)
            for code in codes.replace(",", " ").split():
                for n in aliases.get(code, []):
                    out.setdefault(stem(word), set()).update(stems(n))
        return out
    except OSError:
        return {}


DEMONYMS = _demonyms()
# A parent is named as "the daughter of X": the question's word, the text's.
INVERSE = {"father": {"child", "son", "daughter", "eldest"}, "mother": {"child", "son", "daughter", "eldest"},
           "parent": {"child", "son", "daughter", "eldest"}}

_BAD_SECTIONS = {"sourc", "see", "refer", "bibliographi", "further", "extern", "note", "link"}


@dataclass
class NameRef:
    start: int
    end: int
    text: str
    key: str
    refs: list[tuple[int, str, str, bool]]
    """(document id, entity id, label, is_subject) for each stored entity with this name."""

    def labels(self) -> set[str]:
        return {r[2] for r in self.refs}

    def is_subject(self) -> bool:
        return any(r[3] for r in self.refs)


class DocData:
    """What answering needs of one document, each part read from the store when first used."""

    def __init__(self, conn: sqlite3.Connection, doc_id: int, name: str, text: str) -> None:
        self.conn = conn
        self.id = doc_id
        self.name = name
        self.text = text
        self._cache: dict[str, object] = {}
        self._starts: list[int] = []

    def _get(self, key: str, load):
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    @property
    def entities(self) -> dict[str, dict]:
        return self._get("entities", lambda: db.entities(self.conn, self.id))

    @property
    def subject(self) -> dict | None:
        def load():
            rows = db.subjects(self.conn, [self.id])
            return rows[0] if rows else None
        return self._get("subject", load)

    @property
    def events(self) -> list[dict]:
        return self._get("events", lambda: db.events(self.conn, self.id))

    @property
    def works(self) -> list[dict]:
        return self._get("works", lambda: db.works(self.conn, self.id))

    @property
    def spans(self) -> list[tuple[int, int, str, str | None, str]]:
        """Mentions and time expressions, sorted: (start, end, label, entity id or EDTF, component)."""
        return self._get("spans", lambda: db.spans(self.conn, self.id, 0, len(self.text) + 1))

    @property
    def subject_ids(self) -> set[str]:
        """Entity ids that are the document's subject (the record's, and the lead's name for it)."""
        return self._get("subject_ids", lambda: db.subject_ids(self.conn, self.id))

    def spans_in(self, start: int, end: int) -> list[tuple[int, int, str, str | None, str]]:
        if "spans" not in self._cache:
            # a few sentences of a document are read range by range (indexed); more, all at once
            self._ranges = getattr(self, "_ranges", 0) + 1
            if self._ranges <= 4:
                return db.spans(self.conn, self.id, start, end)
        spans = self.spans
        if not self._starts:
            self._starts = [s[0] for s in spans]
        i = bisect_left(self._starts, start)
        out = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                out.append(spans[i])
            i += 1
        return out

    def entity_name(self, eid: str | None) -> str | None:
        if eid is None:
            return None
        if self.subject and eid == self.subject["entity"]:
            return self.subject["name"]
        e = self.entities.get(eid)
        return e["name"] if e else None


def load_doc(conn: sqlite3.Connection, doc_id: int) -> DocData | None:
    info = db.document_info(conn, doc_id)
    if info is None:
        return None
    return DocData(conn, doc_id, info[0], info[1])


# --------------------------------------------------------------------------- names


def resolve_names(conn: sqlite3.Connection, q: Question) -> list[NameRef]:
    """Stored names in the question, longest first, not overlapping."""
    cands = []
    for s, e, frag in q.candidates:
        if not (frag[:1].isupper() or frag[:1].isdigit()):
            continue
        key = fold(frag)
        if key and len(key) > 1:
            cands.append((s, e, frag, key))
    rows = db.lookup_names(conn, {c[3] for c in cands})
    by_key: dict[str, list[tuple[int, str, str, bool]]] = {}
    for doc_id, key, eid, label, is_subject in rows:
        by_key.setdefault(key, []).append((doc_id, eid, label, is_subject))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, frag, key in cands:  # longest first
        if key not in by_key or any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append(NameRef(s, e, frag, key, by_key[key]))
    out.sort(key=lambda n: n.start)
    return out


def scope(conn: sqlite3.Connection, names: list[NameRef], document: int | None = None) -> tuple[list[int] | None, bool]:
    """Documents to search (None: all) and whether the question names a document's subject."""
    if document is not None:
        subj = any(d == document and is_s for n in names for d, _, _, is_s in n.refs)
        return [document], subj
    subject_docs = {d for n in names for d, _, _, is_s in n.refs if is_s}
    if subject_docs:
        # Several people may share a surname: keep the documents naming most of the question.
        if len(subject_docs) > 1:
            hits = {d: sum(1 for n in names if any(r[0] == d for r in n.refs)) for d in subject_docs}
            best = max(hits.values())
            subject_docs = {d for d, h in hits.items() if h == best}
        return sorted(subject_docs), True
    docs = {d for n in names for d, _, _, _ in n.refs}
    if docs:
        return sorted(docs), False
    return None, False


# --------------------------------------------------------------------------- ranking


@dataclass
class Scored:
    row: SentenceRow
    score: float
    coverage: float
    """Share of the question's (IDF-weighted) content words found in the sentence."""
    entity_hits: float
    entity_total: int
    events: list[dict]
    """Events of the question's types whose evidence lies in this sentence."""
    date_match: int
    """1: a date agreeing with the question's; -1: only dates that disagree; 0: no verdict."""
    missing: list[str]
    """Content stems of the question not found (nor a synonym)."""
    actor: int = 0
    """1: the question's actor does the sentence's event; -1: someone else does."""


def query_terms(q: Question, names: list[NameRef]) -> list[str]:
    """The question's content stems that are not inside a stored name."""
    name_stems: set[str] = set()
    for n in names:
        name_stems.update(stems(q.text, n.start, n.end, keep_stopwords=True))
    out = []
    for s, e, w in q.words:
        st = stem(w)
        if st not in q.terms or any(n.start <= s < n.end for n in names):
            continue
        out.append(st)
    # a name word may also be a plain word elsewhere ("the Party" vs "party"): keep order, no repeats
    out = list(dict.fromkeys(out))
    if q.kind == "when":
        out = [t for t in out if t not in ("year", "date", "month", "dai", "time")]
    if q.kind in ("how-long", "how-many"):
        out = [t for t in out if t not in ("long", "mani", "much", "old", "far")]
    return out


def candidates(conn: sqlite3.Connection, q: Question, names: list[NameRef], docs: list[int] | None,
               terms: list[str]) -> list[SentenceRow]:
    if docs is not None and len(docs) <= 3:
        rows = []
        for d in docs:
            rows.extend(db.document_sentences(conn, d))
        return rows
    search = set(terms)
    for t in terms:
        search |= SYNONYMS.get(t, set())
    for n in names:
        search.update(stems(n.text))
    return db.search(conn, search, docs, limit=120)


def rank(q: Question, names: list[NameRef], rows: list[SentenceRow], terms: list[str],
         docs: dict[int, DocData], subject_focus: bool) -> list[Scored]:
    if not rows:
        return []
    n = len(rows)
    df: dict[str, int] = {}
    vocab_sets = []
    for r in rows:
        vs = set(r.terms) | set(r.names)
        vocab_sets.append(vs)
        for t in vs:
            df[t] = df.get(t, 0) + 1

    def idf(t: str) -> float:
        return math.log(1 + (n + 1) / (df.get(t, 0) + 0.5))

    weights = {t: idf(t) for t in terms}
    focus = [nm for nm in names if not (subject_focus and nm.is_subject())]
    # A name the question is about weighs as much as its rarest word, and a half more.
    name_weight = 1.5 * max([idf(t) for t in weights] + [math.log(1 + (n + 1) / 1.5)])
    total = (sum(weights.values()) + name_weight * len(focus)) or 1.0
    qdates = [edtf.bounds(v) for _, _, v in q.dates]
    qdates = [b for b in qdates if b and b[0] and b[1]]
    by_pos = {(r.document_id, r.position): r for r in rows}
    out = []
    for r, vs in zip(rows, vocab_sets):
        prev = by_pos.get((r.document_id, r.position - 1))
        prev_ents = set(prev.entities) if prev is not None and prev.section == r.section else set()
        near: set[str] = set()
        for nb in (prev, by_pos.get((r.document_id, r.position + 1))):
            if nb is not None and nb.section == r.section and nb.kind == r.kind:
                near.update(nb.terms)
        terms_set = set(r.terms)
        got = 0.0
        missing = []
        for t in terms:
            w = weights[t]
            if t in terms_set:
                got += w
            elif t in r.names:
                got += 0.85 * w
            elif variants(t) & vs:
                got += 0.6 * w
            elif t in r.context:
                got += 0.25 * w
                missing.append(t)
            elif t in near:
                got += 0.3 * w  # said in the sentence before or after
                missing.append(t)
            else:
                missing.append(t)
        hits = 0.0
        for nm in focus:
            ids = {eid for d, eid, _, _ in nm.refs if d == r.document_id}
            if ids & set(r.entities) or all(t in terms_set or t in r.names for t in stems(nm.text)):
                hits += 1
            elif ids & prev_ents:
                hits += 0.5  # named in the sentence before: "... Verres. Cicero gathered evidence ..."
            elif r.context and all(t in r.context for t in stems(nm.text)):
                hits += 0.5  # named in the section's heading: "==Suriname=="
        coverage = (got + name_weight * hits) / total if (terms or focus) else 0.0
        doc = docs.get(r.document_id)
        evs = []
        if doc is not None and q.event_types:
            evs = [e for e in doc.events if e["type"] in q.event_types and r.start <= e["start"] < r.end]
        date_match = 0
        if qdates and doc is not None:
            vals = [sp[3] for sp in doc.spans_in(r.start, r.end) if sp[2] == "TIME" and sp[3]]
            vals += [e["date"] for e in evs if e.get("date")]
            verdicts = []
            for v in vals:
                try:
                    b = edtf.bounds(v)
                except ValueError:
                    continue
                if not b or not b[0] or not b[1]:
                    continue
                overlap = any(b[0] <= qb[1] and qb[0] <= b[1] for qb in qdates)
                wide = (b[1][0] - b[0][0]) > max(2, max(qb[1][0] - qb[0][0] for qb in qdates) * 3)
                if overlap and wide:
                    continue  # "the last eighteen months of her life": too vague to agree or disagree
                verdicts.append(overlap)
            if verdicts:
                date_match = 1 if any(verdicts) else -1
        score = 3.6 * coverage
        if r.context and (terms or focus):
            # the section is about the question: "==Deportation to Orenburg=="
            ctx_hits = sum(weights[t] for t in terms if t in r.context)
            ctx_hits += sum(name_weight for nm in focus if all(t in r.context for t in stems(nm.text)))
            score += 0.6 * ctx_hits / total
        if subject_focus and doc is not None and doc.subject is not None and doc.subject["entity"] in r.entities:
            score += 0.15
        if evs:
            score += 0.5
        score += 0.6 * date_match
        if r.kind == "infobox":
            score -= 0.4
        elif r.kind == "item" and not ({"translat", "publish", "edit", "print"} & set(terms)):
            score -= 0.3
        if _BAD_SECTIONS & set(r.context):
            score -= 0.8
        out.append(Scored(r, score, coverage, hits, len(focus), evs, date_match, missing))
    out.sort(key=lambda s: (-s.score, s.row.document_id, s.row.position))
    return out


def variants(t: str) -> set[str]:
    """Synonyms of a stem, and the stem without a re- prefix (re-enter: enter)."""
    out = set(SYNONYMS.get(t, set())) | DEMONYMS.get(t, set()) | INVERSE.get(t, set())
    if t.startswith("re") and len(t) > 6:
        out.add(t[2:])
    return out


def word_positions(text: str, start: int, end: int, targets: set[str]) -> list[int]:
    """Offsets of the words in text[start:end] whose stem (or a synonym's) is a target."""
    out = []
    for s, _, w in words(text, start, end):
        st = stem(w)
        if st in targets or fold_word(w) in targets:
            out.append(s)
    return out
