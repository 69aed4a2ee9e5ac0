"""Reading a question: its kind, what it names, what it asks for, which events it is about.

No model and no database here: ``analyze`` is pure and fast. The names a
question holds are found later, against the stored names (``retrieve``);
this module only proposes the word n-grams that could be names.

Kinds follow ``shared/eval/qa``: when, where, who, what, which, how-long,
how-many, yes-no (plus why, answered as a ``what``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nlp import edtf
from .text import STOPWORDS, fold_word, stem, words

# Stems of question words that name an event, and the event types (FORMAT.md) they mean.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "born": ("born",), "die": ("died",), "kill": ("died",), "execut": ("died",), "murder": ("died",),
    "assassin": ("died",), "shot": ("died",), "shoot": ("died",), "behead": ("died",),
    "buri": ("buried",), "inter": ("buried",),
    "move": ("moved",), "settl": ("moved",), "arriv": ("moved",), "flee": ("moved",), "return": ("moved",),
    "reach": ("moved", "traveled"), "emigr": ("moved",), "live": ("moved",), "reloc": ("moved",),
    "go": ("moved", "traveled"), "sail": ("traveled", "moved"), "travel": ("traveled",), "visit": ("traveled",),
    "journei": ("traveled",), "trip": ("traveled",), "leav": ("moved", "left", "traveled"), "re-ent": ("moved",),
    "reent": ("moved",), "enter": ("moved", "joined", "studied"), "spend": ("moved", "traveled"),
    "stai": ("moved", "traveled"), "base": ("moved", "worked"),
    "studi": ("studied",), "educ": ("studied",), "train": ("studied",), "attend": ("studied",),
    "enrol": ("studied",), "graduat": ("studied",), "habilit": ("studied", "honored"),
    "dissert": ("studied", "wrote"), "doctor": ("studied",),
    "work": ("worked",), "serv": ("worked",), "appoint": ("worked",), "teach": ("worked",),
    "employ": ("worked",), "govern": ("worked",), "elect": ("worked",), "consul": ("worked",),
    "lectur": ("worked",), "edit": ("worked",), "prosecut": ("worked", "conflict"), "defend": ("worked",),
    "join": ("joined",), "belong": ("joined",), "member": ("joined",), "resign": ("left",), "quit": ("left",),
    "expel": ("expelled", "exiled"), "dismiss": ("expelled",), "suspend": ("expelled",),
    "found": ("founded",), "establish": ("founded",), "creat": ("founded",),
    "arrest": ("arrested",), "detain": ("arrested",), "captur": ("arrested",),
    "imprison": ("imprisoned",), "prison": ("imprisoned",), "jail": ("imprisoned",), "intern": ("imprisoned",),
    "confin": ("imprisoned",), "sentenc": ("imprisoned",), "held": ("imprisoned",), "hold": ("imprisoned",),
    "releas": ("released",), "freed": ("released",), "free": ("released",), "pardon": ("released",),
    "recal": ("released",),
    "exil": ("exiled",), "deport": ("exiled",), "banish": ("exiled",), "strip": ("exiled",),
    "marri": ("married",), "divorc": ("conflict", "married"),
    "child": ("child",), "son": ("child",), "daughter": ("child",),
    "publish": ("published",), "print": ("published",), "appear": ("published",), "complet": ("wrote", "published"),
    "write": ("wrote",), "compos": ("wrote",), "finish": ("wrote",),
    "particip": ("participated",), "fight": ("participated",), "took": ("participated",),
    "collabor": ("collaborated",), "correspond": ("collaborated",), "meet": ("collaborated", "traveled"),
    "quarrel": ("conflict",), "attack": ("conflict",), "slander": ("conflict",), "tri": ("conflict",),
    "court-marti": ("conflict",),
    "ill": ("illness",), "fever": ("illness",), "suffer": ("illness",),
    "honor": ("honored",), "award": ("honored",), "receiv": ("honored",), "prize": ("honored",),
    "name": (), "translat": (),
}

# Question words that only carry the question's grammar.
AUX = frozenset("did do does was were is are has have had be been being will would could can shall should may might".split())
QWORDS = frozenset("when where who whom whose what which how why".split())
EXTRA_STOP = frozenset("ever first time name called kind sort type exactly".split()) - {"name"}

# Words asking for a kind of answer, by the class of answer they want.
HEAD_CLASS: dict[str, str] = {}
for _cls, _words in {
    "PERSON": "person people man woman philosopher saint sultan king queen ruler emperor empress poet writer author "
              "painter scientist mathematician teacher professor student pupil friend colleague wife husband son "
              "daughter father mother brother sister child children patron apothecary physician doctor translator "
              "editor general consul officer leader khan pope bishop prince princess tutor mentor supervisor advisor "
              "adviser companion partner lover uncle aunt cousin grandfather grandmother nephew niece centurion "
              "tribune historian critic composer artist architect engineer merchant envoy ambassador minister "
              "governor president chancellor scholar ascetic judge lawyer priest monk nun vizier",
    "ORG": "party organization organisation school college university academy society group movement union journal "
           "newspaper magazine publisher company community order faction committee institute institution court "
           "government army regiment firm club league association congregation sect gang circle council "
           "foundation church",
    "PLACE": "city town village country place region province island state port capital castle prison camp "
             "cemetery district county kingdom empire land continent river mountain harbour harbor village "
             "monastery abbey",
    "WORK": "book novel poem work paper essay play memoir memoirs pamphlet dissertation thesis article textbook "
            "treatise letter letters collection volume opera painting song story novella",
    "TIME": "year date month day decade century season",
    "NUMBER": "number age salary sum amount price",
}.items():
    for _w in _words.split():
        HEAD_CLASS.setdefault(_w, _cls)

RELATIONS = frozenset(
    "father mother wife husband son daughter brother sister child children parent parents uncle aunt "
    "grandfather grandmother cousin nephew niece companion partner teacher tutor supervisor advisor adviser "
    "mentor patron colleague friend successor predecessor".split()
)
DURATION_UNITS = frozenset("day days week weeks month months year years decade decades century centuries".split())

_YES_NO = re.compile(r"^(did|do|does|was|were|is|are|has|have|had|could|can|will|would)\b", re.I)
_WHEN = re.compile(r"^(?:(?:in|on|at|by|during|from|until|since)\s+)?(?:what|which)\s+(year|date|month|day|decade|century|season)\b|^when\b", re.I)
_WHERE = re.compile(r"^where\b|^(?:in|at|to|from|near)\s+(?:what|which)\s+(city|town|country|place|village|region|province|island|port)\b", re.I)
_WHO = re.compile(r"^(?:(?:with|by|under|to|for|from|of|against|after|before)\s+)?(who|whom|whose)\b", re.I)
_HOW_LONG = re.compile(r"^(?:for\s+)?how\s+long\b|^how\s+many\s+(days|weeks|months|years|decades)\b", re.I)
_HOW_MANY = re.compile(r"^(?:in\s+)?how\s+(many|much|old|far|often)\b|^(?:at|by)\s+(?:what|which)\s+age\b", re.I)
_WHAT = re.compile(r"^(?:(?:in|on|at|to|from|with|by|for|of|under|into|after)\s+)?(what|which)\b", re.I)
_WHY = re.compile(r"^why\b", re.I)


@dataclass
class Question:
    text: str
    kind: str
    """when, where, who, what, which, how-long, how-many, yes-no."""
    head: str | None = None
    """For what/which/how-many: the word naming what is asked for (party, province, copies), lower case."""
    head_class: str | None = None
    """PERSON, ORG, PLACE, WORK, TIME, NUMBER or None."""
    modifier: str | None = None
    """The word before a head ``name``: birth, pen, modern, real."""
    terms: list[str] = field(default_factory=list)
    """Stems of the content words (not names, question words or auxiliaries)."""
    words: list[tuple[int, int, str]] = field(default_factory=list)
    """Every word of the question with its offsets."""
    candidates: list[tuple[int, int, str]] = field(default_factory=list)
    """Word n-grams that may be names: (start, end, text)."""
    triggers: list[str] = field(default_factory=list)
    """Stems that name an event (born, deport, join)."""
    event_types: set[str] = field(default_factory=set)
    dates: list[tuple[int, int, str]] = field(default_factory=list)
    """Dates in the question (start, end, EDTF): constraints on the answer's sentence."""
    negated: bool = False
    possessor: tuple[int, int] | None = None
    """Span of the name before a 's in the question ("Rizal's son")."""
    relation: str | None = None
    """A kinship or role word the question asks about (father, wife, teacher)."""
    answer_after_verb: bool = False
    """True when the answer is the object of the trigger ("Whom did X marry", "under whom")."""
    passive: bool = False
    """Who-questions in the passive ("Who was X taught by", "by whom was X ...")."""
    copular: bool = False
    """Who/what is/was X (asks for a description, not an actor)."""
    date_terms: set[str] = field(default_factory=set)
    """Stems of the words inside the question's dates (not content terms)."""


def analyze(text: str) -> Question:
    """What a question asks; see ``Question``."""
    q = " ".join(text.strip().split())
    body = q.rstrip("?!. ")
    low = body.lower()
    kind = _kind(low)
    ws = list(words(body))
    dates = []
    for m in edtf.scan(body):
        if m.value is not None and m.kind != "duration":
            dates.append((m.start, m.end, m.value))
    date_spans = [(s, e) for s, e, _ in dates]
    date_terms = {stem(w) for s, e, w in ws if any(a <= s < b for a, b in date_spans)}
    question = Question(text=q, kind=kind, words=ws, dates=dates, date_terms=date_terms)
    low_words = [fold_word(w) for _, _, w in ws]

    # The head noun of what/which/how-many questions.
    if kind in ("what", "which", "how-many", "where", "who"):
        _head(question, low_words)
    if kind == "how-long":
        m = _HOW_LONG.match(low)
        question.head = m.group(1) if m and m.group(1) else None
    # Possessor: "Rizal's son", "Serge's case".
    for i, (s, e, w) in enumerate(ws):
        if w.endswith(("'s", "’s")) and w[:1].isupper():
            j = i
            while j > 0 and ws[j - 1][2][:1].isupper() and fold_word(ws[j - 1][2]) not in QWORDS | AUX:
                j -= 1
            question.possessor = (ws[j][0], e - 2)
            if i + 1 < len(ws) and fold_word(ws[i + 1][2]) in RELATIONS:
                question.relation = fold_word(ws[i + 1][2])
            elif i + 2 < len(ws) and fold_word(ws[i + 2][2]) in RELATIONS:
                question.relation = fold_word(ws[i + 2][2])
            break
    if question.relation is None and question.head in RELATIONS:
        question.relation = question.head

    # Content terms and triggers.
    first = True
    for (s, e, w), lw in zip(ws, low_words):
        if first and (lw in QWORDS or lw in AUX):
            continue
        first = False
        if lw in ("not", "never", "n't", "no"):
            question.negated = True
        if lw in STOPWORDS or lw in AUX or lw in QWORDS or lw in EXTRA_STOP:
            continue
        if any(a <= s < b for a, b in date_spans):
            continue
        st = stem(w)
        question.terms.append(st)
        if st in TRIGGERS or lw in TRIGGERS:
            question.triggers.append(st)
            question.event_types.update(TRIGGERS.get(st, TRIGGERS.get(lw, ())))
    question.terms = list(dict.fromkeys(question.terms))

    # Voice and the answer's place relative to the verb.
    if kind == "who":
        m = _WHO.match(low)
        pre = low[: m.start(1)].strip() if m else ""
        whom = m is not None and m.group(1) == "whom"
        question.answer_after_verb = whom or pre in ("with", "under", "to", "for", "from", "of", "against")
        question.passive = pre == "by" or bool(re.search(r"\bby\s*$", low))
        question.copular = bool(re.match(r"^who\s+(?:was|is|were|are)\s+[A-Z]?", body, re.I)) and not any(
            st in TRIGGERS for st in question.terms) and len(question.terms) <= 4
        if re.match(r"^who\s+(?:was|were)\s+\S+.*\b(by)$", low):
            question.passive = True
    question.candidates = _name_candidates(body, ws)
    return question


def _kind(low: str) -> str:
    if _WHEN.match(low):
        return "when"
    if _HOW_LONG.match(low):
        return "how-long"
    if _HOW_MANY.match(low):
        return "how-many"
    if _WHERE.match(low):
        return "where"
    if _WHO.match(low):
        return "who"
    if _WHY.match(low):
        return "what"
    m = _WHAT.match(low)
    if m:
        return m.group(1)
    if _YES_NO.match(low):
        return "yes-no"
    if low.startswith(("name ", "list ", "give ")):
        return "what"
    return "what"


def _head(question: Question, low_words: list[str]) -> None:
    """Find the noun a what/which/how-many question asks about."""
    n = len(low_words)
    i = 0
    while i < n and low_words[i] not in ("what", "which", "many", "much", "old", "far", "whose", "who", "where", "age"):
        i += 1
    if i >= n:
        return
    if low_words[i] in ("old", "age"):
        question.head, question.head_class = "age", "NUMBER"
        return
    if low_words[i] == "far":
        question.head, question.head_class = "distance", "NUMBER"
        return
    if low_words[i] in ("who", "where"):
        return
    j = i + 1
    run: list[str] = []
    if j < n and low_words[j] in ("did", "do", "does") and low_words[i] == "what":
        return  # "What did X's mother die of?": the answer is the verb's object, not a kind of thing
    if j < n and low_words[j] in AUX and low_words[-1] in ("of", "for", "by", "with", "from", "to", "in", "on", "at"):
        return  # "What were the houses built of?"
    if j < n and low_words[j] in AUX:
        # "What was X's birth name": the head is the last word before a verb or the end,
        # after a possessive if there is one.
        k = j + 1
        while k < n and not low_words[k].endswith(("'s", "’s")) and low_words[k] not in ("of",):
            if low_words[k] in HEAD_CLASS and low_words[k] not in ("person",):
                break
            k += 1
        if k < n and low_words[k].endswith(("'s", "’s")):
            k += 1
        elif k < n and low_words[k] == "of":
            k = j + 1
        while k < n and low_words[k] in STOPWORDS and low_words[k] not in ("name",):
            k += 1
        while k < n and low_words[k] not in AUX and low_words[k] not in STOPWORDS and len(run) < 3:
            run.append(low_words[k])
            k += 1
    else:
        k = j
        while k < n and low_words[k] not in AUX and low_words[k] not in STOPWORDS and len(run) < 3:
            run.append(low_words[k])
            k += 1
    if not run:
        return
    head = next((w for w in run if w in HEAD_CLASS), None)
    if head is None:
        head = run[-1] if len(run) <= 2 else run[0]
    if head == "name" or head == "names":
        idx = run.index(head)
        question.modifier = run[idx - 1] if idx > 0 else None
    question.head = head
    question.head_class = HEAD_CLASS.get(head) or HEAD_CLASS.get(head.rstrip("s"))


def _name_candidates(body: str, ws: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Word n-grams (up to 8 words) that could be stored names, longest first."""
    out = []
    n = len(ws)
    for i in range(n):
        for j in range(i, min(n, i + 8)):
            s, e = ws[i][0], ws[j][1]
            frag = body[s:e]
            if frag.endswith(("'s", "’s")):
                frag, e = frag[:-2], e - 2
            first = fold_word(ws[i][2])
            if j == i and (first in STOPWORDS or first in AUX or first in QWORDS):
                continue
            out.append((s, e, frag))
    out.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    return out
