"""Answering a question from the stored documents, citing the sentences it rests on.

``answer(store, question)`` is the JSON contract of ``vitagraph ask --json``
and ``GET /api/ask``::

    {"found": true, "answer": "In March 1933.", "value": "1933-03",
     "citations": [{"document": "victor-serge.txt", "span": [start, end], "quote": "..."}],
     "confidence": 0.8}

How: the record answers where it knows (a work's translators, the subjects
born or dead somewhere); otherwise the best sentences (``retrieve``) are read
for an answer of the kind asked: a date near the question's verb for *when*
(the sentence's own date, else the date of the record's event there), a
place after in/at/to for *where*, a person not named in the question for
*who*, a number before the counted noun for *how many*, a duration for *how
long*, a negation for *yes/no*. Nothing good enough gives ``found: false``
and "The text does not say." -- never a guess.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..folding import fold
from ..nlp import edtf
from ..store import Store
from ..store import sentences as db
from .ask import HEAD_CLASS, RELATIONS, Question, analyze
from .retrieve import (
    SYNONYMS,
    DocData,
    NameRef,
    Scored,
    candidates,
    load_doc,
    query_terms,
    rank,
    resolve_names,
    scope,
)
from .text import STOPWORDS, fold_word, stem, words

NOT_FOUND = "The text does not say."
FOUND_THRESHOLD = 0.45
"""Lowest confidence reported as found."""

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "a": 1, "an": 1, "a dozen": 12, "dozen": 12, "half": 0.5,
}
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|"
        r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|"
        r"(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred|(?:a|one|two|three)\s+thousand))")
_NUM_RE = re.compile(rf"\b{_NUM}\b", re.I)
_QUALIFIER = r"(?:(?:about|around|some|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|at\s+least|exactly|roughly|approximately|only|just|barely|a\s+further|another)\s+)?"
_DURATION_RE = re.compile(
    rf"\b{_QUALIFIER}(?:{_NUM}|a|an|several|a\s+few|many)(?:\s+(?:and\s+a\s+half|more|further|long|full))?\s+"
    r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|winters?|summers?)\b"
    r"(?:\s+and\s+a\s+half)?", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no|n't|neither|nor|refused|declined|rejected|failed\s+to|without|"
                       r"denied|did\s+not|was\s+not|were\s+not|opposed|against)\b", re.I)
_CUE_BEFORE_PLACE = {"in", "at", "to", "near", "into", "from", "towards", "toward", "for", "reached", "reaching",
                     "entered", "of", "visited", "via", "through", "outside", "across", "around", "within",
                     "on", "under", "inside"}
_CUE_BEFORE_TIME = {"in", "on", "at", "from", "since", "until", "till", "by", "during", "of", "around",
                    "about", "c", "circa", "after", "before"}
_SITE = re.compile(r"\b(?:University|College|School|Academy|Library|Cemetery|Kerkhof|Church|Cathedral|Abbey|"
                   r"Monastery|Palace|Castle|Prison|Camp|Hospital|Institute|Museum|Villa|Fortress|Lubyanka|"
                   r"Observatory|Gymnasium|Seminary|Convent|Chapel|Mosque|Temple|Square|Park|Garden)s?\b")
_CLAUSE_STOP = re.compile(r"[;:()\[\]]|,\s+(?:and|but|where|when|which|who|while|although|though)\b|\.\s")


@dataclass
class Cand:
    value: Any
    answer: str
    start: int
    end: int
    score: float
    sent: Scored
    doc: DocData
    extra_citations: list[tuple[DocData, int, int]] = field(default_factory=list)
    """More sentences the answer rests on, in this or other documents."""


@dataclass
class Ctx:
    store: Store
    q: Question
    names: list[NameRef]
    subject_focus: bool
    docs: dict[int, DocData]
    terms: list[str]
    vocab: dict[int, set[str]] = field(default_factory=dict)
    """Folded words of each loaded document (for "is this name in the text at all?")."""

    def doc(self, doc_id: int) -> DocData | None:
        if doc_id not in self.docs:
            d = load_doc(self.store.conn, doc_id)
            if d is None:
                return None
            self.docs[doc_id] = d
        return self.docs[doc_id]

    def focus_ids(self, doc_id: int) -> set[str]:
        return {eid for n in self.names for d, eid, _, _ in n.refs if d == doc_id}


# --------------------------------------------------------------------------- public API


def answer(store: Store, question: str, *, document: str | None = None, llm: Any = None) -> dict:
    """Answer one question from the documents in the store (the ``ask`` JSON contract).

    ``document`` (a stored name) confines the answer to one document.
    ``llm``, an ``llm.Phraser``, rephrases a found answer from its evidence
    only; its quotes are shown only if found verbatim in the text.
    """
    t0 = time.perf_counter()
    ensure_index(store)
    q = analyze(question)
    conn = store.conn
    names = resolve_names(conn, q)
    doc_id = None
    if document is not None:
        ids = db.document_ids(conn)
        doc_id = ids.get(document)
        if doc_id is None:
            stem_ = document.rsplit(".", 1)[0]
            doc_id = next((i for n, i in ids.items() if n.rsplit(".", 1)[0] == stem_), None)
    docs_scope, subject_focus = scope(conn, names, doc_id)
    if doc_id is not None and not subject_focus and len(db.document_ids(conn)) == 1:
        subject_focus = False
    ctx = Ctx(store, q, names, subject_focus, {}, query_terms(q, names))
    result = _answer(ctx, docs_scope)
    if result is None:
        out = _not_found(q)
    else:
        out = result
    if llm is not None and out["found"]:
        out = llm.rephrase(question, out, _evidence_texts(ctx, out))
    out["ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def answer_many(store: Store, questions: Iterable[dict], *, use_document: bool = True, llm: Any = None) -> list[dict]:
    """Predictions in ``shared/eval/qa`` format for questions in that format (``id``, ``q``, ``document``)."""
    out = []
    for item in questions:
        res = answer(store, item["q"], document=item.get("document") if use_document else None, llm=llm)
        pred = {"id": item.get("id"), "found": res["found"], "answer": res["answer"], "value": res["value"],
                "citations": res["citations"], "confidence": res["confidence"]}
        out.append(pred)
    return out


_checked: dict[int, int] = {}


def ensure_index(store: Store) -> None:
    """Index documents stored without sentences (ingested --no-extract, or before the index existed)."""
    if store.readonly:
        return
    version = store.conn.execute("PRAGMA data_version").fetchone()[0]
    key = id(store)
    if _checked.get(key) == (version, store.count()):
        return
    missing = db.unindexed_documents(store.conn)
    if missing:
        with store.atomic() as conn:
            for d in missing:
                db.index_document(conn, d)
    _checked[key] = (store.conn.execute("PRAGMA data_version").fetchone()[0], store.count())


def _not_found(q: Question) -> dict:
    return {"found": False, "answer": NOT_FOUND, "value": None, "citations": [], "confidence": 0.0,
            "kind": q.kind}


def _evidence_texts(ctx: Ctx, out: dict) -> list[dict]:
    return [c for c in out.get("citations", [])]


# --------------------------------------------------------------------------- core


def _answer(ctx: Ctx, docs_scope: list[int] | None) -> dict | None:
    q, conn = ctx.q, ctx.store.conn
    # A question naming nothing known and holding no content word cannot be answered.
    rows = candidates(conn, q, ctx.names, docs_scope, ctx.terms)
    if docs_scope is not None and len(docs_scope) <= 3:
        for d in docs_scope:
            ctx.doc(d)
    scored = rank(q, ctx.names, rows, ctx.terms, ctx.docs, ctx.subject_focus)
    if docs_scope is None or len(docs_scope) > 3:
        # Load the documents of the best hits, then rank again with their events and dates.
        for s in scored[:30]:
            ctx.doc(s.row.document_id)
        scored = rank(q, ctx.names, [s.row for s in scored[:60]], ctx.terms, ctx.docs, ctx.subject_focus)

    scored = _rerank(ctx, scored)
    structured = _structured(ctx, scored)
    if structured is not None and not _grounded(ctx, structured):
        structured = None
    if structured is not None and structured.score >= 0.8:
        return _result(ctx, structured)  # the record knows
    best = _best_from_sentences(ctx, scored)
    if best is not None and not _grounded(ctx, best):
        best = None
    pick = max([c for c in (structured, best) if c is not None], key=lambda c: c.score, default=None)
    if pick is None or pick.score < FOUND_THRESHOLD:
        return None
    return _result(ctx, pick)


def _grounded(ctx: Ctx, c: Cand) -> bool:
    """Does the answer rest on what the question names?"""
    return _names_in_reach(ctx, c) and _proper_words_cited(ctx, c)


def _names_in_reach(ctx: Ctx, c: Cand) -> bool:
    """A question about someone else ("How much did Ramachandra Rao pay him?") is not answered by a
    sentence far from any mention of them: the person must be named (at least by surname) in the
    cited sentence or just before it, where "he" or "him" can still mean them."""
    if ctx.q.kind == "who":
        return True  # the person is what is asked
    others = [n for n in ctx.names if not n.is_subject() and n.labels() & {"PERSON"} and not n.labels() & {"WORK", "PLACE"}]
    if not others:
        return True
    text = c.doc.text
    before = max(text.rfind(". ", 0, max(0, c.sent.row.start - 2)), text.rfind("\n", 0, max(0, c.sent.row.start - 1)), 0)
    window = fold(text[before : c.sent.row.end]).split()  # the cited sentence and the one before it
    return all(n.key.split()[-1] in window for n in others)


def _proper_words_cited(ctx: Ctx, c: Cand) -> bool:
    """"Who was born on the Moon?": a capitalised word of the question that names nothing the
    record knows must at least occur in the document the answer comes from, or the question is
    about something the text never mentions."""
    known = {w for n in ctx.names for w in fold(n.text).split()}
    words = [w for s0, _, w in ctx.q.words if s0 > 0 and w[:1].isupper() and len(w) > 2 and fold(w) not in known
             and fold(w) not in _DEMONYMS and not re.search(r"(?:an|ian|ese|ish|ic)$", w)]  # ("Which American college": an adjective)
    if not words:
        return True
    if c.doc.id not in ctx.vocab:
        ctx.vocab[c.doc.id] = set(fold(c.doc.text).split())
    vocab = ctx.vocab[c.doc.id]
    parts = [p for w in words for p in fold(w).split() if len(p) > 1]  # "Noether's" -> noether
    return all(p in vocab or p.rstrip("s") in vocab for p in parts)  # named somewhere in the document


def _rerank(ctx: Ctx, scored: list[Scored]) -> list[Scored]:
    """Sentences whose actor is the question's actor go up; someone else's, down."""
    for s in scored[:25]:
        doc = ctx.doc(s.row.document_id)
        if doc is None:
            continue
        s.actor = _actor_agreement(ctx, s, doc)
        s.score += 0.7 * s.actor
    scored.sort(key=lambda x: (-x.score, x.row.document_id, x.row.position))
    return scored


_PERSONISH = ("PERSON", "ORG")


def _question_actor(ctx: Ctx, doc: DocData) -> set[str] | None:
    """Entity ids of who does the question's event (the name before its verb), None if unknown."""
    q = ctx.q
    if not q.triggers:
        return None
    if q.kind == "who" and not q.answer_after_verb and not q.copular and not q.passive:
        return None  # the actor is what is asked
    trig_pos = [s for s, _, w in q.words if stem(w) in q.triggers]
    if not trig_pos:
        return None
    t0 = trig_pos[-1]  # the verb comes last: "When was Cicero's son Marcus born?"
    before = [n for n in ctx.names if n.end <= t0 and ("PERSON" in n.labels() or n.is_subject())]
    if not before:
        if ctx.subject_focus and q.kind in ("when", "where", "how-long", "how-many", "yes-no", "what", "which"):
            return None
        return None
    n = before[-1]
    # "Noether's ashes were buried": the actor is the thing possessed, not the person
    if re.match(r"['’]s\s+\w", q.text[n.end:n.end + 6]):
        return None
    ids = {eid for d, eid, _, _ in n.refs if d == doc.id}
    if n.is_subject() and doc.subject:
        ids.add(doc.subject["entity"])
    return ids or None


def _question_patient(ctx: Ctx, doc: DocData) -> set[str] | None:
    """Entity ids of the person the question's verb acts on ("killed Cicero"), None if none."""
    q = ctx.q
    trig = [(s, e) for s, e, w in q.words if stem(w) in q.triggers]
    if not trig:
        return None
    te = trig[0][1]
    after = [n for n in ctx.names if 0 <= n.start - te <= 12 and ("PERSON" in n.labels() or n.is_subject())]
    if not after:
        return None
    n = after[0]
    ids = {eid for d, eid, _, _ in n.refs if d == doc.id}
    if n.is_subject():
        ids |= doc.subject_ids | ({doc.subject["entity"]} if doc.subject else set())
    return ids or None


def _patient_agreement(ctx: Ctx, s: Scored, doc: DocData) -> int:
    patient = _question_patient(ctx, doc)
    if not patient:
        return 0
    text, a, b = doc.text, s.row.start, s.row.end
    targets = set(ctx.q.triggers)
    for t in list(targets):
        targets |= _variants(t)
    anchors = [p for p, st, _ in _word_stems(text, a, b) if st in targets]
    people = [sp for sp in doc.spans_in(a, b) if sp[2] in _PERSONISH and sp[3]]
    verdict = 0
    for p in anchors:
        nxt = [sp for sp in people if sp[0] > p and len(text[p:sp[0]].split()) <= 3]
        if not nxt:
            continue
        if nxt[0][3] in patient:
            return 1
        if nxt[0][2] == "PERSON":
            verdict = -1
    return verdict


def _actor_agreement(ctx: Ctx, s: Scored, doc: DocData) -> int:
    actor = _question_actor(ctx, doc)
    if not actor:
        return _patient_agreement(ctx, s, doc)
    q = ctx.q
    text, a, b = doc.text, s.row.start, s.row.end
    targets = set(q.triggers)
    for t in list(targets):
        targets |= _variants(t)
    anchors = [p for p, st, _ in _word_stems(text, a, b) if st in targets]
    if not anchors:
        return 0
    people = [sp for sp in doc.spans_in(a, b) if sp[2] in _PERSONISH and sp[3] and not _possessive(text, sp)]
    verdict = 0
    for p in anchors:
        # "Her mother died", "His son, Marcus, was born": a relative of someone does it
        kin = re.search(r"\b(?:his|her|their|its|[\w’'\-]+['’]s)\s+(?:\w+\s+)?(" + "|".join(KIN) + r")\b[^.;]{0,30}$",
                        text[max(a, p - 60):p])
        if kin and len(text[max(a, p - 60) + kin.end(1):p].split()) <= 4:
            return 1 if ctx.q.relation == kin.group(1) else -1
        prior = [sp for sp in people if sp[1] <= p and len(text[sp[1]:p].split()) <= 12]
        if not prior:
            continue
        group = [prior[-1]]
        for sp in reversed(prior[:-1]):
            if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[sp[1]:group[-1][0]]):
                group.append(sp)
            else:
                break
        if any(sp[3] in actor for sp in group):
            return 1
        if any(sp[2] == "PERSON" or not _ORG_WORDS.search(text[sp[0]:sp[1]]) for sp in group):
            verdict = -1
    return verdict


def _possessive(text: str, sp: tuple) -> bool:
    """'his', 'her', 'their', "Cicero's": an owner, not a doer."""
    word = text[sp[0]:sp[1]].lower()
    return word in ("his", "her", "their", "its", "hers", "him", "them") or text[sp[1]:sp[1] + 2] in ("'s", "’s")


def _variants(t: str) -> set[str]:
    out = set(SYNONYMS.get(t, set()))
    if t.startswith("re") and len(t) > 6:
        out.add(t[2:])
    return out


def _result(ctx: Ctx, c: Cand) -> dict:
    spans = [(c.doc, c.sent.row.start, c.sent.row.end)] + c.extra_citations
    cites, seen = [], set()
    for doc, s, e in spans:
        if (doc.id, s, e) in seen:
            continue
        seen.add((doc.id, s, e))
        cites.append({"document": doc.name, "span": [s, e], "quote": doc.text[s:e]})
    value = c.value
    return {"found": True, "answer": c.answer, "value": value, "citations": cites,
            "confidence": round(min(0.99, max(0.0, c.score)), 2), "kind": ctx.q.kind}


def _best_from_sentences(ctx: Ctx, scored: list[Scored]) -> Cand | None:
    q = ctx.q
    if not scored:
        return None
    top = scored[0].score
    best: Cand | None = None
    all_cands: list[Cand] = []
    for s in scored[:8]:
        if s.score < top - 1.5:
            break
        gate = 0.28 if s.date_match == 1 else 0.34
        if s.coverage < gate and not (s.entity_total and s.entity_hits == s.entity_total and not ctx.terms):
            continue
        doc = ctx.doc(s.row.document_id)
        if doc is None:
            continue
        # the question's event must be in the sentence (its word, a synonym, or the record's event)
        missing_predicate = bool(q.triggers) and not s.events and not _has_trigger(ctx, s, doc)
        for c in _extract(ctx, s, doc):
            if missing_predicate:
                c.score -= 0.6
            # sentence relevance (0..~5) and the candidate's fit (0..~1.5) make the confidence
            rel = 0.5 * min(1.0, s.score / 3.6) + 0.5 * max(0.0, s.score / top) if top > 0 else 0.0
            c.score = 0.55 * rel + 0.45 * min(1.0, c.score / 1.3)
            if s.coverage < 0.6:
                c.score -= 0.15
            if _echoes_question(ctx, doc.text[c.start:c.end]) and ctx.q.kind != "yes-no":
                continue
            if best is None or c.score > best.score:
                best = c
            all_cands.append(c)
    if best is not None and best.sent.row.section is None:
        # The lead sums up what a section tells in full: cite the section's sentence for the same answer.
        body = [c for c in all_cands if c.sent.row.section is not None and c.value == best.value
                and c.score >= best.score - 0.15]
        if body:
            best = max(body, key=lambda c: c.score)
    return best


def _has_trigger(ctx: Ctx, s: Scored, doc: DocData) -> bool:
    targets = set(ctx.q.triggers)
    for t in list(targets):
        targets |= _variants(t)
    return any(st in targets for _, st, _ in _word_stems(doc.text, s.row.start, s.row.end))


def _echoes_question(ctx: Ctx, fragment: str) -> bool:
    """An answer made only of the question's own words ("Teubner Memorial Award") answers nothing."""
    ws = [fold_word(w) for _, _, w in words(fragment)]
    ws = [w for w in ws if w not in STOPWORDS]
    if not ws or len(ws) > 6:
        return False
    qws = {fold_word(w) for _, _, w in ctx.q.words}
    qws |= {x for w in list(qws) for x in re.split(r"[-–]", w)}
    return all(w in qws for w in ws)


def _extract(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    q = ctx.q
    kind = q.kind
    if kind == "when":
        return _when(ctx, s, doc)
    if kind == "where":
        return _where(ctx, s, doc)
    if kind == "who":
        if q.copular and not q.relation:
            return _describe(ctx, s, doc)
        return _who(ctx, s, doc)
    if kind == "how-long":
        return _how_long(ctx, s, doc)
    if kind == "how-many":
        return _how_many(ctx, s, doc)
    if kind == "yes-no":
        return _yes_no(ctx, s, doc)
    return _what(ctx, s, doc)


# --------------------------------------------------------------------------- helpers


def _anchors(ctx: Ctx, s: Scored, doc: DocData) -> list[int]:
    """Offsets in the sentence of the question's event words (else its content words)."""
    q = ctx.q
    text, a, b = doc.text, s.row.start, s.row.end
    targets = set(q.triggers)
    for t in list(targets):
        targets |= _variants(t)
    pos = [p for p in _word_stems(text, a, b) if p[1] in targets]
    if not pos:
        tt = set(ctx.terms)
        for t in ctx.terms:
            tt |= _variants(t)
        pos = [p for p in _word_stems(text, a, b) if p[1] in tt]
    return [p[0] for p in pos]


def _word_stems(text: str, a: int, b: int) -> list[tuple[int, str, str]]:
    return [(s, stem(w), w) for s, _, w in words(text, a, b)]


def _distance(text: str, anchors: list[int], start: int, end: int) -> float:
    """Distance in words from the nearest anchor, plus a penalty per clause boundary crossed."""
    if not anchors:
        return 12.0
    best = 1e9
    for p in anchors:
        lo, hi = (p, start) if p < start else (end, p)
        seg = text[lo:hi]
        d = len(seg.split())
        d += 6 * len(_CLAUSE_STOP.findall(seg))
        best = min(best, d)
    return float(best)


def _prev_word(text: str, start: int, limit: int = 40) -> str:
    m = re.search(r"([^\W\d_]+)[\s,]*$", text[max(0, start - limit): start])
    return m.group(1).lower() if m else ""


def _is_focus(ctx: Ctx, doc: DocData, span: tuple[int, int, str, str | None, str]) -> bool:
    eid = span[3]
    if eid is not None and eid in ctx.focus_ids(doc.id):
        return True
    key = fold(doc.text[span[0]:span[1]])
    return any(key == n.key or (key and key in n.key.split()) for n in ctx.names)


def _is_subject(doc: DocData, eid: str | None) -> bool:
    return eid is not None and (eid == "person:subject" or eid in doc.subject_ids
                                or (doc.subject is not None and eid == doc.subject["entity"]))


def _date_in_question(ctx: Ctx, value: str | None) -> bool:
    return value is not None and any(value == v for _, _, v in ctx.q.dates)


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[;:()]|,\s|\.\s|\.$|\s(?:and|but|where|which|who|while|when|then|after|before)\s").search(text, start, limit)
    return m.start() if m else limit


_CAPWORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?)"
_PARTICLE = r"(?:de|del|della|di|da|du|la|le|van|von|der|den|ter|of|the|y|bin|ibn|al|el|me|zu|dos|das)"
_NAME_RUN = re.compile(rf"{_CAPWORD}(?:\s+(?:{_PARTICLE}\s+)*{_CAPWORD})*")
_ORG_WORDS = re.compile(r"\b(?:Party|Society|University|College|Committee|Academy|Institute|International|Union|"
                        r"Movement|Press|Publishers?|Foundation|Congress|Council|League|Association|Church|School|"
                        r"Library|Museum|Government|Army|Court|Company|Gang|Opposition|Review|Times|Journal)\b")


def _name_spans(doc: DocData, a: int, b: int) -> list[tuple[int, int, str, str | None, str]]:
    """Mentions, plus capitalised runs the record did not tag (label NAME)."""
    text = doc.text
    spans = [sp for sp in doc.spans_in(a, b) if sp[2] != "TIME" and sp[4] != "coref"]
    covered = [(sp[0], sp[1]) for sp in doc.spans_in(a, b)]
    out = list(spans)
    for m in _NAME_RUN.finditer(text, a, b):
        s_, e_ = m.start(), m.end()
        frag = text[s_:e_]
        # drop sentence-initial function words ("In Berlin" -> "Berlin")
        while True:
            first = frag.split()[0] if frag.split() else ""
            if first.lower().strip(".") in STOPWORDS or first.lower() in _MONTH_WORDS or first in ("During", "After", "Before", "Although", "Despite", "Following", "Having"):
                if len(frag.split()) == 1:
                    frag = ""
                    break
                cut = len(first) + len(frag[len(first):]) - len(frag[len(first):].lstrip())
                s_ += cut
                frag = frag[cut:]
            else:
                break
        frag = frag.rstrip(".")
        e_ = s_ + len(frag)
        if not frag or len(frag) < 2 or any(cs < e_ and s_ < ce for cs, ce in covered):
            continue
        if re.fullmatch(r"[IVXLC]+", frag):
            continue
        out.append((s_, e_, "NAME", None, "text"))
    out.sort()
    return out


_MONTH_WORDS = {m.lower() for m in ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]}


# --------------------------------------------------------------------------- when


def _times(doc: DocData, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """(start, end, EDTF, kind) of the dates in a sentence: the record's, else edtf.scan's."""
    out = [(sp[0], sp[1], sp[3], sp[4]) for sp in doc.spans_in(a, b)
           if sp[2] == "TIME" and sp[3] and sp[4] not in ("duration",)]
    if not out and not any(sp[2] == "TIME" for sp in doc.spans_in(a, b)):
        for m in edtf.scan(doc.text[a:b]):
            if m.value is not None and m.kind != "duration":
                out.append((a + m.start, a + m.end, m.value, m.kind))
    return out


def _when(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    out = []
    ev_dates = {(e["date"], e["start"], e["end"]) for e in s.events if e.get("date")}
    times = [t for t in _times(doc, a, b) if not _date_in_question(ctx, t[2])]
    for ts, te, value, tkind in times:
        d = _distance(text, anchors, ts, te)
        # the only date of a sentence is its date, however far from the verb
        score = 1.0 - min(d, 25) / 25 * (0.5 if len(times) == 1 else 1.0)
        if tkind == "relative" and re.search(r"\bage\b|\bin\s+\w+\s+(?:days|weeks|months|years)\b", text[ts:te], re.I):
            score -= 0.5  # "at the age of twenty-one", "in fifty days": not the date asked for
        elif tkind == "relative":
            score -= 0.1
        if _prev_word(text, ts) in _CUE_BEFORE_TIME or text[ts:te].lower().startswith(("in ", "on ", "from ")):
            score += 0.15
        if any(v == value and es <= ts and te <= ee for v, es, ee in ev_dates):
            score += 0.3
        score -= 0.6 * min(2, _other_verbs(ctx, text, anchors, ts, te))
        if "/" in value and text[max(a, ts - 1):ts] == "(":
            score -= 0.3  # a life span in parentheses
        out.append(Cand(value, _date_phrase(text, ts, te), ts, te, score, s, doc))
    for e in s.events:
        # the record's date for the event in this sentence (the narrative time when the sentence has none)
        if not e.get("date") or _date_in_question(ctx, e["date"]):
            continue
        covers = any(e["start"] <= p < e["end"] for p in anchors)
        same = [c for c in out if c.value == e["date"]]
        if same:
            if covers:
                for c in same:
                    c.score += 0.3  # the record dates the question's event so too
            continue
        out.append(Cand(e["date"], _edtf_words(e["date"]) + ".", e["start"], e["end"],
                        0.55 + 0.2 * covers - 0.2 * bool(out), s, doc))
    return out


def _other_verbs(ctx: Ctx, text: str, anchors: list[int], ts: int, te: int) -> int:
    """Event words of other kinds between the question's word and a date ("released from deportation
    ... allowed to leave the Soviet Union in April 1936": the date is the leaving's)."""
    from .ask import TRIGGERS

    if not anchors:
        return 0
    p = min(anchors, key=lambda x: abs(x - ts))
    lo, hi = (p, ts) if p < ts else (te, p)
    n = 0
    for s_, _, w in words(text, lo, hi):
        if s_ == p:
            continue
        types = set(TRIGGERS.get(stem(w), ()))
        if types and not types & ctx.q.event_types and stem(w) not in ctx.q.triggers:
            n += 1
    return n


def _date_phrase(text: str, s: int, e: int) -> str:
    phrase = text[s:e].strip()
    return phrase[0].upper() + phrase[1:] + "." if phrase else phrase


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _edtf_words(value: str) -> str:
    """A readable form of an EDTF value (for dates that came from the record, not the sentence)."""
    try:
        b = edtf.bounds(value)
    except ValueError:
        return value
    m = re.fullmatch(r"(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%]?)", value)
    if m:
        y = int(m.group(1))
        year = f"{-y + 1} BC" if y <= 0 else str(y)
        if m.group(3):
            return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {year}"
        if m.group(2) and int(m.group(2)) <= 12:
            return f"{_MONTHS[int(m.group(2)) - 1]} {year}"
        return year
    if b and b[0] and b[1]:
        return f"between {b[0][0]} and {b[1][0]}" if b[0][0] != b[1][0] else str(b[0][0])
    return value


# --------------------------------------------------------------------------- where


def _where(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    ev_places = {e["place"] for e in s.events if e.get("place")}
    out = []
    spans = _name_spans(doc, a, b)
    for sp in spans:
        ps, pe, label, eid, comp = sp
        if comp == "coref" or _is_focus(ctx, doc, sp):
            continue
        mention = text[ps:pe]
        is_site = label != "WORK" and bool(_SITE.search(mention))
        guess = label == "NAME" and _prev_word(text, ps) in ("in", "at", "to", "near", "from", "into")
        if label != "PLACE" and not is_site and not guess:
            continue
        d = _distance(text, anchors, ps, pe)
        score = 1.0 - min(d, 25) / 25
        prev = _prev_word(text, ps)
        if prev in _CUE_BEFORE_PLACE or prev == "the":
            score += 0.2
        if anchors and ps < min(anchors):
            score -= 0.1
        if eid in ev_places:
            score += 0.3
        score += 0.3 * _near_focus(ctx, doc, spans, ps, pe)
        if _in_parenthetical_alias(text, ps):
            score -= 0.2
        if guess and not is_site:
            score -= 0.15
        name = mention if label != "PLACE" else (doc.entity_name(eid) or mention)
        if fold(name) != fold(mention) and fold(mention) not in fold(name):
            name = mention
        phrase = _locative_phrase(text, ps, pe, spans, b)
        out.append(Cand(name, phrase, ps, pe, score, s, doc))
    if not out:
        for e in s.events:
            if e.get("place") and e["place"] not in ctx.focus_ids(doc.id):
                name = doc.entity_name(e["place"])
                if name:
                    out.append(Cand(name, name, e["start"], e["end"], 0.5, s, doc))
    return out


def _near_focus(ctx: Ctx, doc: DocData, spans: list, ps: int, pe: int) -> float:
    """1 next to a name the question gives (other than the subject), falling to 0 twelve words away."""
    focus = {eid for eid in ctx.focus_ids(doc.id) if not _is_subject(doc, eid)}
    best = 0.0
    for sp in spans:
        if sp[3] in focus and sp[0] != ps:
            lo, hi = (sp[1], ps) if sp[1] <= ps else (pe, sp[0])
            d = len(doc.text[lo:hi].split())
            best = max(best, 1 - min(d, 12) / 12)
    return best


def _in_parenthetical_alias(text: str, start: int) -> bool:
    return text[max(0, start - 1):start] == "(" or text[max(0, start - 8):start].endswith("(modern ")


def _locative_phrase(text: str, ps: int, pe: int, spans: list, limit: int) -> str:
    """The place with the preposition before it and the places it is in: 'in Brussels, Belgium'."""
    while True:  # "at Waltha Castle near Wieuwerd": start from the first place of the chain
        prev = next((x for x in spans if x[1] <= ps and x[2] in ("PLACE", "ORG", "NAME")
                     and re.fullmatch(r"\s+(?:near|in|at)\s+(?:the\s+)?", text[x[1]:ps])), None)
        if prev is None:
            break
        ps = prev[0]
    start = ps
    window = text[max(0, ps - 80):ps]
    preps = list(re.finditer(r"\b(?:in|at|to|near|into|from|under|on)\s+", window))
    if preps:
        m = preps[-1]
        between = window[m.end():]
        if len(between.split()) <= 6 and not re.search(r"[,.;]", between):
            start = ps - (len(window) - m.start())
    end = pe
    while True:
        nxt = re.match(r"(?:,\s+|\s+(?:in|at|near|of)\s+(?:the\s+)?)", text[end:limit])
        if not nxt:
            break
        after = end + nxt.end()
        sp = next((x for x in spans if x[0] == after and x[2] in ("PLACE", "ORG")), None)
        if sp is None:
            break
        end = sp[1]
    return text[start:end]


# --------------------------------------------------------------------------- who


def _persons(ctx: Ctx, doc: DocData, a: int, b: int, *, allow_subject: bool) -> list[tuple]:
    """People in the sentence: PERSON mentions, and ORG or untagged names that look like people."""
    out = []
    text = doc.text
    for sp in _name_spans(doc, a, b):
        if sp[2] in ("PLACE", "WORK"):
            continue
        if sp[2] in ("ORG", "NAME"):
            frag = text[sp[0]:sp[1]]
            if _ORG_WORDS.search(frag) or _SITE.search(frag):
                continue
            if sp[2] == "NAME" and (len(frag.split()) == 1 and sp[0] == a):
                continue
        if _is_focus(ctx, doc, sp):
            continue
        if _is_subject(doc, sp[3]) and not allow_subject:
            continue
        out.append(sp)
    return out


def _relation_positions(text: str, a: int, b: int, relation: str) -> list[tuple[int, int]]:
    rel_stems = {stem(relation)} | SYNONYMS.get(stem(relation), set())
    return [(s, e) for s, e, w in words(text, a, b) if stem(w) in rel_stems]


def _foreign_possessor(text: str, rs: int, doc: DocData, ctx: Ctx) -> bool:
    """'the khan's wife': the relation belongs to someone the question is not about."""
    m = re.search(r"([\w’'\-]+)['’]s\s+(?:[a-z\-]+\s+)?$", text[max(0, rs - 40):rs])
    if not m:
        return False
    owner = fold(m.group(1))
    if ctx.q.possessor is not None:
        qo = fold(ctx.q.text[ctx.q.possessor[0]:ctx.q.possessor[1]])
        if owner and (owner in qo.split() or qo in owner):
            return False
    if doc.subject and owner in fold(" ".join([doc.subject["name"], *doc.subject["aliases"]])).split():
        return False
    return True


def _who(ctx: Ctx, s: Scored, doc: DocData, head: str | None = None) -> list[Cand]:
    q = ctx.q
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    allow_subject = not ctx.subject_focus
    persons = _persons(ctx, doc, a, b, allow_subject=allow_subject)
    relation = q.relation or (head if head in RELATIONS else None)
    rel_pos = _relation_positions(text, a, b, relation) if relation else []
    head_pos = _relation_positions(text, a, b, head) if head and head not in RELATIONS else []
    if relation and rel_pos and all(_foreign_possessor(text, rs, doc, ctx) for rs, _ in rel_pos):
        return []
    out = []
    taken: set[int] = set()
    for i, sp in enumerate(persons):
        ps, pe = sp[0], sp[1]
        if ps in taken:
            continue
        d = _distance(text, anchors, ps, pe)
        score = 1.0 - min(d, 25) / 25
        if sp[2] == "ORG":
            score -= 0.15
        elif sp[2] == "NAME":
            score -= 0.25
        before = bool(anchors) and pe <= min(anchors)
        prev = _prev_word(text, ps)
        if q.answer_after_verb:
            score += 0.25 if not before else -0.2
        elif q.passive:
            score += 0.4 if prev == "by" else 0
        else:
            if before:
                score += 0.25
            if prev == "by":
                score += 0.4
        if rel_pos:
            if any(_adjacent(text, ps, pe, rs, re_) for rs, re_ in rel_pos):
                score += 0.7
            elif relation in KIN:
                continue  # "a friend of her father" names the friend, not the father
            else:
                score -= 0.6
        elif relation:
            if _inverse_relation(text, a, b, relation, persons, sp):
                score += 0.7
            elif relation in KIN:
                continue
            else:
                score -= 0.25
        if head_pos:
            if any(_adjacent(text, ps, pe, hs, he) for hs, he in head_pos):
                score += 0.6  # "the emperor Andronikos III", "Orhan, the second Ottoman sultan"
            else:
                hd = min(abs(ps - he) if ps >= he else abs(hs - pe) for hs, he in head_pos)
                score += 0.1 if hd <= 30 else -0.1
        # "Hilbert and Klein": coordinated names answer together
        end, names_ = pe, [_person_name(doc, sp)]
        for nxt in persons[i + 1:]:
            gap = text[end:nxt[0]]
            if re.fullmatch(r"\s*(?:,|and|,\s*and|&)\s*", gap):
                names_.append(_person_name(doc, nxt))
                taken.add(nxt[0])
                end = nxt[1]
            else:
                break
        value = names_[0] if len(names_) == 1 else ", ".join(names_[:-1]) + " and " + names_[-1]
        out.append(Cand(value, text[ps:end], ps, end, score, s, doc))
    if not out and q.kind == "who" and relation not in KIN:  # a father is never an organisation
        out = _orgs_as_agents(ctx, s, doc, anchors)
    return out


KIN = frozenset("father mother parent parents wife husband son daughter brother sister child children uncle aunt "
                "grandfather grandmother cousin nephew niece".split())


def _adjacent(text: str, ps: int, pe: int, rs: int, re_: int) -> bool:
    """'her father, Max', 'Max, her father', 'the father X': nothing but a determiner, an adjective
    or a comma between a person and a relation word (not 'a friend of her father')."""
    gap = text[pe:rs] if pe <= rs else text[re_:ps]
    if len(gap) > 40 or re.search(r"\b(?:of|and|to|with|for|by|from|who|which|whose|was|is|had)\b|[;()]", gap):
        return False
    return len(gap.split()) <= 4


def _inverse_relation(text: str, a: int, b: int, relation: str, persons: list, sp: tuple) -> bool:
    """'the daughter of X': X is the parent asked for (the second parent named is the mother)."""
    if relation not in ("father", "mother", "parent", "parents"):
        return False
    m = re.search(r"\b(?:son|daughter|child|children|eldest|youngest|only\s+child)\s+of\s+", text[a:b])
    if not m:
        return False
    after = [p for p in persons if p[0] >= a + m.end()]
    if not after:
        return False
    if relation in ("father", "parent", "parents"):
        return sp[0] == after[0][0] and len(text[a + m.end():sp[0]].split()) <= 8
    for prev, cur in zip(after, after[1:]):
        if cur[0] == sp[0] and re.search(r"\band\b", text[prev[1]:cur[0]]):
            return True
    return False


_NAME_PREFIX = re.compile(r"(?:\b(?:Ibn|ibn|bin|Bin|Abu|Abd|al-|van|von|de|del|della|di|da|du|le|la|Saint|St\.)\s+)+$")


def _person_name(doc: DocData, sp: tuple) -> str:
    mention = doc.text[sp[0]:sp[1]]
    pre = _NAME_PREFIX.search(doc.text[max(0, sp[0] - 20):sp[0]])
    if pre and not _is_subject(doc, sp[3]):
        return pre.group(0) + mention  # "Ibn Juzayy" where the record kept "Juzayy"
    full = doc.entity_name(sp[3])
    if full and fold(mention) in fold(full) and len(full) > len(mention) and not _is_subject(doc, sp[3]):
        return full
    if _is_subject(doc, sp[3]) and doc.subject:
        return doc.subject["name"]
    return mention


def _orgs_as_agents(ctx: Ctx, s: Scored, doc: DocData, anchors: list[int]) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    out = []
    for sp in doc.spans_in(a, b):
        if sp[2] != "ORG" or _is_focus(ctx, doc, sp):
            continue
        d = _distance(text, anchors, sp[0], sp[1])
        score = 0.7 - min(d, 25) / 25
        if _prev_word(text, sp[0]) == "by":
            score += 0.3
        out.append(Cand(text[sp[0]:sp[1]], text[sp[0]:sp[1]], sp[0], sp[1], score, s, doc))
    return out


_APPOSITIVE = re.compile(r"^,\s+((?:then|later|at\s+the\s+time|now|once|formerly)?\s*(?:the\s+|a\s+|an\s+)?[^,;.()]{3,80}?)(?=,|;|\.|\)|$)")
_PRE_TITLE = re.compile(r"(?:the|a|an|his|her|their)\s+((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+$")


def _describe(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    """Who was X: an appositive after a mention of X, or the title before it."""
    text, a, b = doc.text, s.row.start, s.row.end
    out = []
    focus = ctx.focus_ids(doc.id)
    for sp in doc.spans_in(a, b):
        if sp[3] not in focus or sp[4] == "coref":
            continue
        m = _APPOSITIVE.match(text[sp[1]:b])
        if m and not re.match(r"(?:and|or|but|who|which|where|when)\b", m.group(1).strip()):
            phrase = m.group(1).strip()
            if len(phrase.split()) >= 2 or phrase[:1].islower():
                out.append(Cand(phrase, phrase, sp[1] + m.start(1), sp[1] + m.end(1), 1.1, s, doc))
        m2 = _PRE_TITLE.search(text[max(a, sp[0] - 60):sp[0]])
        if m2:
            title = m2.group(1)
            if not any(w in STOPWORDS for w in title.lower().split()):
                out.append(Cand(title, f"the {title} {text[sp[0]:sp[1]]}", sp[0] - len(m2.group(0)), sp[1], 0.95, s, doc))
        m3 = re.match(r"^\s+(?:was|is|became)\s+(an?\s+[^,;.]{3,80}|the\s+[^,;.]{3,80})", text[sp[1]:b])
        if m3:
            out.append(Cand(m3.group(1), m3.group(1), sp[1] + m3.start(1), sp[1] + m3.end(1), 1.0, s, doc))
    return out


# --------------------------------------------------------------------------- how long / how many


def _how_long(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    out = []
    for m in _DURATION_RE.finditer(text, a, b):
        ds, de = m.start(), m.end()
        phrase = m.group(0)
        if re.match(r"(?:a|an)\s+(?:day|week|month|year)s?\b", phrase, re.I) and re.search(r"\b(?:once|twice|times|per|every|each)\s+$", text[max(a, ds - 12):ds]):
            continue
        if re.search(r"\b(?:at\s+the\s+age\s+of|aged)\s+$", text[max(a, ds - 16):ds]):
            continue
        if re.match(r"\s*(?:later|after|afterwards|earlier|before|ago|old)\b", text[de:b]):
            continue  # a shift in time, not a length
        d = _distance(text, anchors, ds, de)
        score = 1.0 - min(d, 25) / 25
        if re.search(r"\b(?:for|after|lasted|of)\s+$", text[max(a, ds - 8):ds]):
            score += 0.2
        unit_q = ctx.q.head
        if unit_q and unit_q.rstrip("s") not in phrase.lower():
            score -= 0.3
        out.append(Cand(phrase, phrase, ds, de, score, s, doc))
    if not out:
        for ts, te, value, _ in _times(doc, a, b):
            if "/" in value and not value.startswith("..") and not value.endswith(".."):
                lo, hi = edtf.bounds(value)
                if lo and hi:
                    years = hi[0] - lo[0]
                    if years >= 1:
                        phrase = f"{years} years ({text[ts:te]})"
                        out.append(Cand(f"{years} years", phrase, ts, te, 0.5, s, doc))
    return out


def _number_value(phrase: str) -> str:
    return phrase.strip()


def _how_many(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    q = ctx.q
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    out = []
    head = q.head
    if head == "age":
        for m in re.finditer(rf"\b(?:at\s+the\s+age\s+of|aged|age)\s+({_NUM})\b|\b({_NUM})\s+years?\s+old\b", text[a:b], re.I):
            g = m.group(1) or m.group(2)
            ds = a + m.start()
            d = _distance(text, anchors, ds, a + m.end())
            out.append(Cand(g, m.group(0), ds, a + m.end(), 1.2 - min(d, 25) / 25, s, doc))
        return out
    if head == "distance":
        for m in re.finditer(rf"\b{_QUALIFIER}{_NUM}\s+(?:kilometres|kilometers|km|miles|leagues)\b", text[a:b], re.I):
            out.append(Cand(m.group(0), m.group(0), a + m.start(), a + m.end(), 1.0, s, doc))
        return out
    head_stems = set()
    if head:
        hs = stem(head)
        head_stems = {hs} | SYNONYMS.get(hs, set())
    money = head is None and re.match(r"^how\s+much\b", q.text, re.I) is not None
    for m in _NUM_RE.finditer(text, a, b):
        ns, ne = m.start(), m.end()
        num = m.group(0)
        if re.fullmatch(r"(?:a|an)", num, re.I):
            continue
        if _looks_like_year(text, ns, ne, num):
            continue
        if re.match(r"\s*(?:BC|AD|BCE|CE)\b", text[ne:b]):
            continue
        score = 0.0
        tail = text[ne:min(b, ne + 60)]
        phrase_end = ne
        if head_stems:
            # the counted noun within a few words after the number ("2,000 copies", "255 of her paintings")
            hit = None
            for k, (ws, we, w) in enumerate(words(text, ne, min(b, ne + 60))):
                if k > 4:
                    break
                if stem(w) in head_stems:
                    hit = we
                    break
                if w.lower() in ("and", "or", "but") or re.search(r"[;.]", text[ne:ws]):
                    break
            if hit is None:
                # "Fifty-eight of Cicero's speeches" reads the same with the noun later
                continue
            score += 0.8
            phrase_end = hit
        elif money:
            cm = re.match(r"\s+(?:[a-z]+\s+){0,2}(?:pesos|dollars|pounds|francs|marks|dinars|florins|guilders|ducats|"
                          r"crowns|roubles|rubles|lire|euros|shillings|talents|sesterces|denarii|dinar|dirhams)\b", tail, re.I)
            if not cm:
                continue
            score += 0.8
            phrase_end = ne + cm.end()
        else:
            score += 0.3
        d = _distance(text, anchors, ns, phrase_end)
        score += 0.5 - min(d, 25) / 50
        qual = re.search(rf"{_QUALIFIER}$", text[max(a, ns - 24):ns])
        start = ns - len(qual.group(0)) if qual and qual.group(0) else ns
        phrase = text[start:phrase_end]
        out.append(Cand(_number_value(num), phrase, start, phrase_end, score, s, doc))
    return out


def _looks_like_year(text: str, s: int, e: int, num: str) -> bool:
    if not re.fullmatch(r"\d{4}", num):
        return False
    y = int(num)
    if not 1000 <= y <= 2100:
        return False
    prev = _prev_word(text, s)
    after = text[e:e + 12]
    if re.match(r"\s+(?:copies|people|men|soldiers|km|kilometres|miles|pages|volumes|letters|plates|pesos|dinars)\b", after):
        return False
    return True or prev in _CUE_BEFORE_TIME


# --------------------------------------------------------------------------- yes / no


_NEG = re.compile(r"\b(?:not|never|no\s+longer|neither|nor|refused|declined|rejected|denied|failed\s+to)\b|n't\b", re.I)


def _yes_no(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    if s.entity_total and s.entity_hits < s.entity_total:
        return []
    if s.coverage < 0.6:
        return []
    terms = set(ctx.q.triggers) | set(ctx.terms)
    for t in list(terms):
        terms |= _variants(t)
    anchors = [p for p, st, _ in _word_stems(text, a, b) if st in terms]
    for n in ctx.names:
        for m in re.finditer(re.escape(n.text), text[a:b]):
            anchors.append(a + m.start())
    if not anchors:
        return []
    first, last = min(anchors), max(anchors)
    actor = _question_actor(ctx, doc) or set()
    kin_terms = [fold_word(w) for _, _, w in ctx.q.words if fold_word(w) in KIN]
    if kin_terms:
        # "Did Noether have children?" is not answered by "the eldest of four children of Max Noether"
        kin_re = "|".join(kin_terms + [k + "s" for k in kin_terms] + (["children"] if "child" in kin_terms else []))
        if not re.search(rf"\b(?:his|her|their|had|has|have|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         rf"(?:\w+\s+)?(?:{kin_re})\b(?!\s+of\b)", text[a:b], re.I):
            return []
    neg = False
    for m in _NEG.finditer(text, a, b):
        if m.end() <= first:
            gap = text[m.end():first]
            if len(gap.split()) <= 8 and not re.search(r"[;()]|\bbut\b", gap):
                neg = True
        elif m.start() >= last:
            gap = text[last:m.start()]
            if len(gap.split()) > 12 or ";" in gap:
                continue
            others = [sp for sp in doc.spans_in(last, m.start()) if sp[2] == "PERSON" and sp[3] not in actor
                      and not _is_subject(doc, sp[3]) and sp[4] != "coref"]
            if others:
                continue  # "..., which Trotsky refused": someone else's refusal
            neg = True
        else:
            neg = True
        if neg:
            break
    if ctx.q.negated:
        neg = not neg
    value = "no" if neg else "yes"
    score = 0.6 + 0.4 * s.coverage
    return [Cand(value, ("No." if neg else "Yes."), a, b, score, s, doc)]


# --------------------------------------------------------------------------- what / which


_LANGUAGES = {"english", "french", "german", "latin", "greek", "spanish", "italian", "russian", "arabic", "dutch",
              "portuguese", "tagalog", "hebrew", "persian", "turkish", "chinese", "japanese", "polish", "yiddish",
              "sanskrit", "swedish", "danish", "norwegian", "czech", "hungarian", "catalan", "esperanto"}


def _what(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    q = ctx.q
    head, cls = q.head, q.head_class
    if q.text.lower().startswith("why"):
        return _why(ctx, s, doc)
    if head in ("name", "names"):
        return _name_of(ctx, s, doc)
    if cls == "PERSON":
        return _who(ctx, s, doc, head=head)
    if cls in ("ORG", "PLACE", "WORK"):
        return _typed(ctx, s, doc, cls, head)
    if cls == "TIME":
        return _when(ctx, s, doc)
    if head and stem(head) in ("languag",):
        return _languages(ctx, s, doc)
    if head:
        return _head_phrase(ctx, s, doc, head)
    return _object_of_trigger(ctx, s, doc)


def _head_occurrences(text: str, a: int, b: int, head: str) -> list[tuple[int, int]]:
    hs = stem(head)
    return [(s, e) for s, e, w in words(text, a, b) if stem(w) == hs]


def _typed(ctx: Ctx, s: Scored, doc: DocData, cls: str, head: str | None) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    anchors = _anchors(ctx, s, doc)
    heads = _head_occurrences(text, a, b, head) if head else []
    labels = {cls} | ({"PLACE"} if cls == "ORG" else set()) | ({"ORG"} if cls == "PLACE" else set())
    out = []
    for sp in _name_spans(doc, a, b):
        if sp[2] not in labels | {"NAME"} or sp[4] == "coref" or _is_focus(ctx, doc, sp):
            continue
        d = _distance(text, anchors, sp[0], sp[1])
        score = 1.0 - min(d, 25) / 25
        if sp[2] == "NAME":
            score -= 0.3
        elif sp[2] != cls:
            score -= 0.25
        if heads:
            hd = min(abs(sp[0] - he) if sp[0] >= he else abs(hs - sp[1]) for hs, he in heads)
            score += 0.5 if hd <= 25 else 0.0
        elif head:
            score -= 0.1
        mention = text[sp[0]:sp[1]]
        if re.search(r"\b(?:known\s+as|titled|entitled|called|named)\s+$", text[max(a, sp[0] - 20):sp[0]]):
            score += 0.4
        if mention.lower() in _LANGUAGES or mention.lower() in _DEMONYMS:
            score -= 0.6  # "in Spanish": a language, not a name
        full = _extend_name(text, sp[0], sp[1], b)
        out.append(Cand(mention, full, sp[0], sp[1], score, s, doc))
    if heads:
        for c in _head_phrase(ctx, s, doc, head or ""):
            if c.value[:1].isupper() or c.value[:1].isdigit():
                c.score += 0.25
                out.append(c)
    return out


def _extend_name(text: str, s: int, e: int, limit: int) -> str:
    """A name with its parenthesised alias: 'Russian Communist Party (Bolsheviks)'."""
    m = re.match(r"\s*\(([^()]{1,60})\)", text[e:limit])
    return text[s:e + m.end()] if m else text[s:e]


_CAP_RUN = re.compile(r"(?:[A-Z0-9ÀÁÂÄÉÈÍÓÖÚÜÑ][\w'’\-.]*|de|del|la|le|van|von|der|of|the|al-[\w]+|y|da|di|me|&)"
                      r"(?:\s+(?:[A-Z0-9ÀÁÂÄÉÈÍÓÖÚÜÑ][\w'’\-.]*|de|del|la|le|van|von|der|of|the|y|da|di|me|&))*")


def _head_phrase(ctx: Ctx, s: Scored, doc: DocData, head: str) -> list[Cand]:
    """The phrase a generic head noun introduces: 'salary of 12,000 silver dinars a year', 'the 500 Deutsche Mark banknote'."""
    text, a, b = doc.text, s.row.start, s.row.end
    out = []
    for hs, he in _head_occurrences(text, a, b, head):
        # HEAD of NP
        m = re.match(r"\s+of\s+((?:[^,;.()]|,(?=\d{3})|\.(?=\d)){2,60}?)(?=,\s|;|\.\s|\.$|\)|\s+(?:and|but|which|who|from|to|in)\s|$)", text[he:b])
        if m:
            phrase = m.group(1).strip()
            out.append(Cand(phrase, text[hs:he + m.end()], he + m.start(1), he + m.end(1), 1.0, s, doc))
        # HEAD X (and Y): a name after the noun
        m = re.match(r"(?:,\s*(?:the\s+)?|\s+(?:named\s+|called\s+|known\s+as\s+)?)", text[he:b])  # ("a freighter, the Capitaine Paul Lemerle")
        after = he + (m.end() if m else 0)
        m2 = _CAP_RUN.match(text, after, b)
        if m2 and m2.group(0)[:1].isupper():
            end = m2.end()
            m3 = re.match(r"\s+and\s+", text[end:b])
            if m3:
                m4 = _CAP_RUN.match(text, end + m3.end(), b)
                if m4 and m4.group(0)[:1].isupper():
                    end = m4.end()
            phrase = text[after:end].rstrip(". ")
            out.append(Cand(phrase, phrase, after, end, 1.0, s, doc))
        # the X HEAD: modifiers before the noun
        m5 = re.search(r"\b(?:the|a|an|his|her|their)\s+([^,;.()]{1,40}?)\s*$", text[max(a, hs - 50):hs])
        if m5 and m5.group(1).strip():
            phrase = m5.group(1).strip()
            if any(ch.isupper() or ch.isdigit() for ch in phrase):
                out.append(Cand(f"{phrase} {text[hs:he]}", f"the {phrase} {text[hs:he]}", hs - len(m5.group(0)), he,
                                0.9, s, doc))
    return out


def _languages(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    found = [(ws, we, w) for ws, we, w in words(text, a, b) if w.lower() in _LANGUAGES and w[:1].isupper()]
    if not found:
        return []
    # keep the first run of languages joined by commas / and
    run = [found[0]]
    for f in found[1:]:
        if re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", text[run[-1][1]:f[0]]):
            run.append(f)
        else:
            break
    names = [w for _, _, w in run]
    value = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    anchors = _anchors(ctx, s, doc)
    d = _distance(text, anchors, run[0][0], run[-1][1])
    return [Cand(value, text[run[0][0]:run[-1][1]], run[0][0], run[-1][1], 1.1 - min(d, 25) / 25, s, doc)]


_DEMONYMS = {"american", "british", "english", "french", "german", "italian", "spanish", "russian", "dutch", "roman",
             "greek", "austrian", "belgian", "swiss", "polish", "hungarian", "mexican", "filipino", "jewish", "christian",
             "muslim", "catholic", "protestant", "soviet", "byzantine", "ottoman", "arab", "chinese", "indian"}


def _name_of(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    q = ctx.q
    text, a, b = doc.text, s.row.start, s.row.end
    mod = (q.modifier or "").lower()
    out = []
    if mod == "birth":
        for m in re.finditer(r"\bborn\s+(?:as\s+)?((?:[A-Z][\w'’\-]*\s*){2,5})", text[a:b]):
            phrase = m.group(1).strip().rstrip(",;")
            out.append(Cand(phrase, phrase, a + m.start(1), a + m.start(1) + len(phrase), 1.2, s, doc))
        return out
    if mod in ("pen", "pseudonym", "nom"):
        for m in re.finditer(r"\b(?:pen\s+names?|pseudonyms?|nom\s+de\s+plume)\s+((?:[A-Z][\w'’\-]*\s*)+(?:(?:,|and)\s+(?:[A-Z][\w'’\-]*\s*)+)*)", text[a:b]):
            phrase = m.group(1).strip().rstrip(",;")
            out.append(Cand(phrase, phrase, a + m.start(1), a + m.start(1) + len(phrase), 1.2, s, doc))
        return out
    if mod in ("modern", "present", "current", "today"):
        for n in ctx.names:
            for m in re.finditer(re.escape(n.text) + r"\s*\((?:modern\s+|now\s+|today\s+)?([^()]{2,40})\)", text[a:b]):
                phrase = m.group(1).strip()
                out.append(Cand(phrase, phrase, a + m.start(1), a + m.end(1), 1.2, s, doc))
        return out
    # "the name of the ship", "the name of X's son": the head after "name of"
    m = re.search(r"\bname\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|[\w’'\-\s]+['’]s\s+)?(?:first\s+|second\s+|eldest\s+|youngest\s+)?(\w+)", q.text, re.I)
    inner = m.group(1).lower() if m else None
    if inner is None:
        return []
    if inner in RELATIONS or HEAD_CLASS.get(inner) == "PERSON":
        return _who(ctx, s, doc, head=inner)
    if HEAD_CLASS.get(inner) in ("ORG", "PLACE", "WORK"):
        return _typed(ctx, s, doc, HEAD_CLASS[inner], inner)
    heads = _head_occurrences(text, a, b, inner)
    if not heads:
        return []
    return _head_phrase(ctx, s, doc, inner)


def _why(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    text, a, b = doc.text, s.row.start, s.row.end
    out = []
    for m in re.finditer(r"\b(?:because(?:\s+of)?|due\s+to|owing\s+to|as\s+a\s+result\s+of|for\s+fear\s+of|in\s+order\s+to|so\s+that)\s+([^;.]{3,120})", text[a:b], re.I):
        phrase = m.group(0).strip()
        out.append(Cand(phrase, phrase, a + m.start(), a + m.end(), 1.0, s, doc))
    m = re.match(r"((?:Weakened|Forced|Driven|Exhausted|Suffering|Ill|Sick|Unable|Fearing|Afraid|Disillusioned|Short)\b[^;.]{0,120}?),\s", text[a:b])
    if m:
        out.append(Cand(m.group(1), m.group(1), a, a + m.end(1), 1.0, s, doc))
    return out


def _object_of_trigger(ctx: Ctx, s: Scored, doc: DocData) -> list[Cand]:
    """What did X VERB: the words after the verb, to the end of the clause."""
    text, b = doc.text, s.row.end
    anchors = _anchors(ctx, s, doc)
    last = ctx.terms[-1] if ctx.terms else None
    out = []
    for p in anchors:
        m = re.match(r"([\w’'\-]+)\s+", text[p:b])
        if not m:
            continue
        start = p + m.end()
        end = _clause_end(text, start + 3, b)
        phrase = text[start:end].strip()
        if 1 <= len(phrase.split()) <= 12:
            score = 0.8 + 0.2 * (last is not None and (stem(m.group(1)) == last or last in _variants(stem(m.group(1)))))
            out.append(Cand(phrase, phrase, start, end, score, s, doc))
    return out


# --------------------------------------------------------------------------- the record


def _structured(ctx: Ctx, scored: list[Scored]) -> Cand | None:
    q = ctx.q
    if "translat" in ctx.terms or any("translat" == stem(w) for _, _, w in q.words):
        c = _translators(ctx, scored)
        if c is not None:
            return c
    if q.kind == "who" and not ctx.subject_focus and q.event_types & {"born", "died", "buried"}:
        return _life_event_people(ctx, scored)
    if (ctx.subject_focus and q.kind in ("when", "where") and q.event_types & {"born", "died"}
            and q.possessor is None and q.relation is None):
        return _subject_life(ctx, scored)
    return None


_LIFE_WORDS = {"born": {"born"}, "died": {"die", "kill", "execut", "murder", "behead", "assassin", "shot"}}


def _subject_life(ctx: Ctx, scored: list[Scored]) -> Cand | None:
    """When/where was the subject born / did the subject die: the record's subject says, a sentence shows it."""
    q = ctx.q
    event = "born" if "born" in q.event_types else "died"
    best = None
    for s in scored:
        doc = ctx.doc(s.row.document_id)
        if doc is None or doc.subject is None:
            continue
        actor = _question_actor(ctx, doc)
        if actor and not actor & (doc.subject_ids | {doc.subject["entity"]}):
            return None  # the question is about someone else's birth or death
        date = doc.subject[f"{event}_date"]
        place = doc.subject[f"{event}_place"]
        value = date if q.kind == "when" else place
        if not value:
            continue
        text, a, b = doc.text, s.row.start, s.row.end
        spans = doc.spans_in(a, b)
        has_date = bool(date) and any(sp[2] == "TIME" and sp[3] == date for sp in spans)
        has_place = bool(place) and (place in text[a:b] or any(
            sp[2] == "PLACE" and doc.entity_name(sp[3]) == place for sp in spans))
        if not (has_date if q.kind == "when" else has_place):
            continue
        words_ = {st for _, st, _ in _word_stems(text, a, b)}
        score = 0.7 + 0.1 * (has_date and has_place) + 0.15 * bool(words_ & _LIFE_WORDS[event])
        score += 0.05 * (s.row.kind == "prose") - 0.1 * (s.row.kind == "infobox") + 0.1 * max(0, s.actor)
        if s.actor < 0:
            score -= 0.3
        if best is None or score > best.score:
            if q.kind == "when":
                phrase = next((text[sp[0]:sp[1]] for sp in spans if sp[2] == "TIME" and sp[3] == date), date)
                answer = _date_phrase(text, text.find(phrase, a), text.find(phrase, a) + len(phrase)) if phrase in text[a:b] else _edtf_words(date)
            else:
                answer = place
            best = Cand(value, answer, a, b, score, s, doc)
    return best


def _translators(ctx: Ctx, scored: list[Scored]) -> Cand | None:
    q = ctx.q
    if q.kind not in ("who", "which", "what"):
        return None
    works = [n for n in ctx.names if "WORK" in n.labels()]
    if not works:
        return None
    best = None
    order = {}
    for i, s in enumerate(scored):
        order.setdefault(s.row.document_id, i)
    for n in works:
        refs = sorted((r for r in n.refs if r[2] == "WORK"), key=lambda r: order.get(r[0], len(scored)))
        for doc_id, wid, label, _ in refs[:10]:
            doc = ctx.doc(doc_id)
            if doc is None:
                continue
            w = db.work(ctx.store.conn, doc_id, wid)
            if w is None or not w["translators"] or not w["evidence"]:
                continue
            # Which of the work's places in the text names a translator, and the question's other names?
            cite, best_hits, names = None, -1, []
            for s_, e_ in w["evidence"]:
                seg = doc.text[s_:e_]
                here = [t for t in w["translators"] if t in seg]
                if not here:
                    continue
                hits = sum(fold(nm.text) in fold(seg) for nm in ctx.names)
                if hits > best_hits:
                    cite, best_hits, names = (s_, e_), hits, here
            if cite is None:
                continue
            sc = next((s for s in scored if s.row.document_id == doc_id and s.row.start <= cite[0] < s.row.end), None)
            if sc is None:
                row = db.sentence_row_at(ctx.store.conn, doc_id, cite[0])
                if row is None:
                    continue
                sc = Scored(row, 0.0, 1.0, 1, 1, [], 0, [])
            value = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            c = Cand(value, f"{value}.", sc.row.start, sc.row.end, 0.9, sc, doc)
            if best is None:
                best = c
    return best


def _life_event_people(ctx: Ctx, scored: list[Scored]) -> Cand | None:
    """Who was born in Brussels / died in 1947: the subjects whose record says so."""
    q = ctx.q
    kind = next(iter(q.event_types & {"born", "died", "buried"}))
    places = [n for n in ctx.names if "PLACE" in n.labels()]
    hits = []
    for s in scored[:20]:
        doc = ctx.doc(s.row.document_id)
        if doc is None or doc.subject is None:
            continue
        for e in s.events:
            if e["type"] != kind:
                continue
            ok = True
            if places:
                ids = {eid for n in places for d, eid, _, _ in n.refs if d == doc.id}
                in_sentence = any(sp[3] in ids for sp in doc.spans_in(s.row.start, s.row.end))
                ok = e.get("place") in ids or in_sentence
            if ok and q.dates:
                ok = s.date_match == 1
            if ok and (places or q.dates):
                hits.append((s, doc))
                break
    if not hits:
        return None
    seen, names_, first = set(), [], None
    for s, doc in hits:
        if doc.id in seen:
            continue
        seen.add(doc.id)
        names_.append(doc.subject["name"])
        first = first or (s, doc)
    value = names_[0] if len(names_) == 1 else ", ".join(names_[:-1]) + " and " + names_[-1]
    s, doc = first
    c = Cand(value, f"{value}.", s.row.start, s.row.end, 0.9, s, doc)
    for s2, d2 in hits[1:]:
        c.extra_citations.append((d2, s2.row.start, s2.row.end))
    return c
