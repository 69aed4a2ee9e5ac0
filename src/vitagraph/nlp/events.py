"""Life events: typed, dated, placed happenings of the subject, with their clause.

Triggers are lexicons of verb and noun lemmas (arrest, intern, deport, expel,
flee, settle, edit, found, marry ...). A trigger is the subject's event when
the parse says so: its grammatical subject (or the subject it inherits from a
coordinated or controlling verb) is a mention of the subject, or a noun
trigger is possessed by the subject ("his arrest"). Negated triggers are
dropped; an attempt is not an arrival ("attempted to reach Russia" is a
journey, not a move). Each event takes its date and place from its own clause
first, then its sentence, then the narrative around it (the last date and the
last residence before it), and says how sure it is.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from spacy.tokens import Doc, Token

from ..model import Event, Evidence, Mention, Place, TimeExpr
from . import edtf
from .lexicons import CHILD_NOUNS, KIN_NOUNS, PERSON_NOUNS
from .triggers import (  # the lexicons events are found with
    VERB_TRIGGERS, ILLNESS_WORDS, HOSTILITY_WORDS, LIGHT_VERBS, NOUN_TRIGGERS, ROLE_NOUNS,
    WORK_NOUNS, DURATIVE, RESIDENT_TYPES, PATIENT_VERBS, MODAL_HEADS, REFUSABLE,
    TRAVEL_GROUPS, NOT_ILLNESS, CONVEY_VERBS, POSSESSIONS, GROUP_NOUNS, INSTITUTION_WORDS,
    SCHOOL_WORDS,
)

_AGAIN = re.compile(r"\band (?:again|once more|once again|later again)\b")
PLACE_PREPS = {"in", "at", "to", "into", "from", "near", "via", "across", "through", "inside", "within", "outside"}
SPECIFIC = {"site": 0, "city": 1, "island": 2, "region": 3, "mountains": 3, "country": 4, "historic_state": 4, "continent": 5}


@dataclass
class Context:
    """What the event finder needs from the rest of the record, in document coordinates."""

    text: str
    mentions: list[Mention]
    times: list[TimeExpr]
    places: dict[str, Place]
    """entity id -> Place"""
    subject_entity: str = "person:subject"
    sections: list = field(default_factory=list)
    """(start, end) of the top-level sections: a narrative period does not run past its section."""
    professions: set = field(default_factory=set)
    """What the lead says the subject was ("a German mathematician"): "the mathematician" is then the subject."""

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.times = sorted((t for t in self.times if t.value), key=lambda t: t.start)
        self._tstarts = [t.start for t in self.times]
        words = {n: p.entity for p in self.places.values() if p.kind in ("city", "site", "island")
                 for n in (p.name, *p.aliases) if len(n) > 2}
        self._place_words = words
        names = sorted(words, key=len, reverse=True)  # longest name first
        self._place_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def times_in(self, a: int, b: int) -> list[TimeExpr]:
        i = bisect.bisect_left(self._tstarts, a)
        out = []
        while i < len(self.times) and self.times[i].start < b:
            if self.times[i].end <= b:
                out.append(self.times[i])
            i += 1
        return out

    def time_before(self, pos: int, floor: int, skip: str | None = None) -> TimeExpr | None:
        i = bisect.bisect_left(self._tstarts, pos) - 1
        while i >= 0:
            t = self.times[i]
            if t.start < floor:
                return None
            if t.value == skip:  # the lead's "(1890 – 1947)" is the whole life, not the narrative time
                i -= 1
                continue
            if (t.kind in ("date", "interval", "set", "decade") or t.anchored) and ".." not in (t.value or ""):
                return t
            i -= 1
        return None

    def group_subject_before(self, pos: int, window: int = 400) -> bool:
        """Was the subject named together with others shortly before ("Serge and Vlady", "Serge ... with Trotsky")?"""
        near = self.mentions_in(max(0, pos - window), pos)
        subject_named = [m for m in near if m.entity == self.subject_entity and m.component != "coref"]
        for m in subject_named:
            after = self.text[m.end : m.end + 40]
            if after.lstrip().startswith(("and ", "with ", ", and")):
                return True
        return bool(subject_named) and any(m.label == "PERSON" and m.entity != self.subject_entity for m in near)

    def time_after(self, pos: int, ceiling: int, skip: str | None = None) -> TimeExpr | None:
        i = bisect.bisect_left(self._tstarts, pos)
        while i < len(self.times):
            t = self.times[i]
            if t.start >= ceiling:
                return None
            if t.value != skip and t.kind in ("date", "interval", "set") and not t.anchored and ".." not in (t.value or ""):
                return t
            i += 1
        return None

    def place_in_name(self, mentions: list[Mention]) -> str | None:
        """"taught at the University of Göttingen": a place of the document named inside an
        organisation's name is where the event happened."""
        if self._place_re is None:
            return None
        for m in mentions:
            if m.label == "ORG" and (hit := self._place_re.search(m.text)):
                return self._place_words[hit.group(0)]
        return None

    def is_subject(self, a: int, b: int) -> bool:
        """Does a subject mention overlap [a, b)?"""
        i = bisect.bisect_left(self._starts, a - 200)
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.entity == self.subject_entity and m.start < b and a < m.end:
                return True
            i += 1
        return False


def _token_span(tok: Token, offset: int) -> tuple[int, int]:
    return offset + tok.idx, offset + tok.idx + len(tok.text)


def _names_subject(tok: Token, ctx: Context, offset: int) -> bool:
    """Is the subject among the names this noun phrase coordinates? Each coordinated part counts
    by its own name ("Serge and Vlady": yes; "Johanna Helena and her husband": no)."""
    parts = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.lower_ not in KIN_NOUNS]  # "her husband": someone else
    return any(ctx.is_subject(*_head_span(p, offset, with_conj=False)) for p in parts)


def _head_span(tok: Token, offset: int, with_conj: bool = True) -> tuple[int, int]:
    """A subject's own words: the token and its compound/flat name parts, not its clauses."""
    if tok.lower_ in KIN_NOUNS:  # "her mother", "his son": someone else
        return offset + tok.idx, offset + tok.idx + len(tok.text)
    parts = [tok] + [c for c in tok.children if c.dep_ in (("compound", "flat", "conj") if with_conj else ("compound", "flat"))]
    lo = min(p.left_edge.i if p is not tok else p.i for p in parts)
    hi = max(p.right_edge.i if p is not tok else p.i for p in parts)
    doc = tok.doc
    return offset + doc[lo].idx, offset + doc[hi].idx + len(doc[hi].text)


def _subjects(tok: Token) -> list[Token]:
    """The grammatical subject(s) of a verb, inherited through conj/xcomp/advcl chains."""
    seen = 0
    cur = tok
    while cur is not None and seen < 6:
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if cur.dep_ == "relcl" and subs and subs[0].lower_ in ("who", "which", "that", "whom"):
            subs = [cur.head]  # "his son Vlady who joined him": the antecedent
        if subs:
            out = []
            for s in subs:
                out.append(s)
                out.extend(c for c in s.children if c.dep_ == "conj")
            return out
        if cur.dep_ in ("conj", "dep", "xcomp", "advcl", "ccomp", "pcomp", "acl", "relcl", "acomp") and cur.head.i != cur.i:
            if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("PROPN", "NOUN", "PRON"):
                return [cur.head]  # "Serge associated with ...", "his son Vlady who joined him"
            cur = cur.head
            seen += 1
            continue
        if cur.dep_ in ("pobj", "pcomp") and cur.head.head.i != cur.head.i:
            cur = cur.head.head
            seen += 1
            continue
        if cur.dep_ == "prep" and cur.head.i != cur.i:
            cur = cur.head
            seen += 1
            continue
        return []
    return []


def _clause(tok: Token) -> tuple[int, int]:
    """Token index range of the trigger's clause: its subtree minus coordinated verbs' subtrees."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    for c in tok.children:
        if c.dep_ in ("conj", "dep") and c.pos_ in ("VERB", "AUX") and c.i > tok.i:
            hi = min(hi, c.left_edge.i - 1)
            # drop a trailing "and"/"," before the conjunct
            while hi > tok.i and tok.doc[hi].dep_ in ("cc", "punct"):
                hi -= 1
    if tok.dep_ in ("conj",) or tok.head.i == tok.i:
        # include the subject when it stands right before the verb
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                lo = min(lo, c.left_edge.i)
    return lo, hi


_SEQUEL_ADVERBS = {"then", "later", "afterwards", "afterward", "subsequently", "eventually", "thereafter", "finally"}
_PROMPT_ADVERBS = {"immediately", "promptly", "instantly", "forthwith", "soon", "shortly", "quickly", "at once"}


def _others_clauses(sent, tok: Token, ctx: Context, offset: int) -> list[tuple[int, int]]:
    """Relative clauses about someone else ("her father, who died in December 1921"): their
    dates are not the event's. A clause that names the subject, or holds the trigger, stays."""
    out = []
    for t in sent:
        if t.dep_ != "relcl" or t.left_edge.i <= tok.i <= t.right_edge.i:
            continue
        a, b = offset + t.left_edge.idx, offset + t.right_edge.idx + len(t.right_edge.text)
        if not ctx.is_subject(a, b):
            out.append((a, b))
    return out


def _sequel(tok: Token) -> bool:
    """"then moved to Paris": after its sibling, not at the same moment (the parser may hang
    "then" on the sibling, so the words just before the trigger count too)."""
    if any(c.dep_ == "advmod" and c.lower_ in _SEQUEL_ADVERBS for c in tok.children):
        return True
    before = [t for t in tok.doc[max(tok.sent.start, tok.i - 3) : tok.i] if not t.is_punct and t.lower_ != "and"]
    return bool(before) and before[-1].lower_ in _SEQUEL_ADVERBS


def _at_narrative_time(tok: Token) -> bool:
    """"He was immediately stripped of ...", "He had suffered ...": the narrative's own moment
    (or one before it), not somewhere in the stay."""
    if any(c.dep_ == "advmod" and c.lower_ in _PROMPT_ADVERBS for c in tok.children):
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


_ADJUNCT_DEPS = {"prep", "pobj", "npadvmod", "advmod", "obl", "nmod", "compound", "amod", "nummod", "quantmod", "cc", "conj"}


def _adjunct_of(time: TimeExpr, verb: Token, doc: Doc, offset: int) -> bool:
    """Is the time an adjunct of the verb itself ("arrived in April 1936"), not buried in one of its
    noun phrases ("the uprising of July 1917") or clauses?"""
    toks = [t for t in doc if time.start <= offset + t.idx < time.end]
    if not toks:
        return False
    root = next((t for t in toks if not (time.start <= offset + t.head.idx < time.end) or t.head.i == t.i), toks[0])
    cur = root
    for _ in range(6):
        if cur.head.i == verb.i:
            return cur.dep_ in ("prep", "npadvmod", "advmod", "obl", "pobj")
        if cur.head.i == cur.i or cur.dep_ not in _ADJUNCT_DEPS or cur.head.pos_ in ("NOUN", "PROPN", "VERB", "AUX"):
            return False
        cur = cur.head
    return False


def _to_year(t: TimeExpr) -> TimeExpr:
    """The same time at year precision ("1917-07" -> "1917"); intervals and years unchanged."""
    v = t.value or ""
    y = _start_year(v)
    if y is None or "/" in v or ".." in v or not re.match(r"^-?\d{4}-\d", v):
        return t
    return replace(t, value=_year(y))


def _purpose_infinitive(tok: Token) -> bool:
    """"(worked with Zinoviev) to establish ...": an aim, not a happening."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head.lemma_.lower()
    return tok.dep_ in ("advcl", "xcomp", "acl", "relcl") and head not in (
        "begin", "start", "continue", "decide", "manage", "agree", "go", "come", "return", "be", "allow", "permit",
        "force", "compel", "order", "oblige", "choose", "elect", "vote", "invite", "ask", "appoint", "send", "put",
    ) and head not in MODAL_HEADS


def _dated_phrase(tok: Token, ctx: Context, offset: int) -> bool:
    """A noun trigger states a happening when its own phrase carries a date or place ("his release in 1928")."""
    a, b = offset + tok.left_edge.idx, offset + tok.right_edge.idx + len(tok.right_edge.text)
    return bool(ctx.times_in(a, b))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _modal(tok: Token) -> str | None:
    cur = tok
    for _ in range(2):
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in MODAL_HEADS:
            return cur.head.lemma_.lower()
        cur = cur.head
    return None


def _type_of(tok: Token, ctx: Context, offset: int) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_ and not tok.doc[tok.i - 2].whitespace_:
        lemma = tok.doc[tok.i - 2].lower_ + "-" + lemma  # "co-opted": one word
    if tok.pos_ in ("VERB", "AUX"):
        if lemma == "bear" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            return "born"
        if lemma in ("kill", "assassinate", "execute", "murder", "shoot", "behead", "guillotine", "poison", "hang", "strangle", "stab", "lynch") and any(c.dep_ == "auxpass" for c in tok.children):
            return "died"
        if lemma == "be":
            attrs = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
            if any(a.lemma_.lower() in ROLE_NOUNS for a in attrs) and any(
                _dated_phrase(c, ctx, offset) for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass")
            ):
                return "worked"  # "He was aedile in 69 BC" (not "X was a Moroccan judge": who he was)
        if lemma == "lead" and any(w in " ".join(t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree) for w in ("campaign", "expedition", "army", "troops", "revolt", "uprising", "delegation", "mission", "attack", "assault")):
            return "participated"
        if lemma == "take" and any(w in " ".join(t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree) for w in ("lesson", "lessons", "course", "courses", "classes", "degree")):
            return "studied"
        for c in tok.children:
            # "contracted a marriage", "made the pilgrimage", "suffered a stroke": the noun names the event
            if c.dep_ == "dobj" and lemma in LIGHT_VERBS and NOUN_TRIGGERS.get(c.lemma_.lower()):
                return NOUN_TRIGGERS[c.lemma_.lower()]
        if lemma == "set" and any(c.lower_ in ("out", "off", "sail") for c in tok.children):
            return "traveled"
        if lemma == "pass" and any(c.dep_ == "prep" and c.lower_ in ("through", "via", "by") for c in tok.children):
            return "traveled"
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
            return "traveled"
        if lemma in ("continue", "come", "go") and any(c.dep_ == "prep" and c.lower_ in ("to", "by", "through", "via") for c in tok.children) and not any(c.dep_ == "dobj" for c in tok.children):
            return "traveled" if lemma != "go" else "moved"
        if lemma == "leave":
            if _named_after(tok, ("for",), "PLACE", ctx, offset):
                return "moved"  # "left for Spain": a departure to live there
            if any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ == "for" for c in tok.children
            ):
                return "traveled"  # "left Tangier to make the pilgrimage", "left Italy for two years of travel"
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            for o in objs:
                labels = {m.label for m in ctx.mentions_in(*_token_span(o, offset))}
                if "ORG" in labels:
                    return "left"
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("allow", "permit", "force", "compel", "order", "oblige"):
                return "exiled"  # "allowed to leave the Soviet Union": the permission to leave is the exile
            return "moved"
        if lemma == "go" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in tok.children):
            return "moved"
        if lemma == "reach":
            return "moved"
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if lemma == "receive" and passive and any(c.dep_ == "agent" for c in tok.children):
            return "honored"  # "was received by the emperor": an audience
        if lemma == "present" and passive and _named_after(tok, ("to",), "PERSON", ctx, offset):
            return "honored"  # "was presented to Sultan Abu Inan"
        if lemma in ("take", "hold", "keep") and passive and any(
            c.lemma_.lower() in ("captive", "prisoner", "hostage") for c in tok.children
        ):
            return "imprisoned"  # "was taken captive"
        if lemma == "hold" and passive and (_named_after(tok, ("in", "at"), "PLACE", ctx, offset) or any(
            t.lemma_.lower() in ("prison", "jail", "fortress", "castle", "cell", "camp", "custody") for t in tok.subtree
        )):
            return "imprisoned"  # "was held for a few days in Montjuïc Castle"
        if lemma == "open" and any(c.dep_ == "dobj" and c.lemma_.lower() in (
            "school", "clinic", "hospital", "studio", "shop", "practice", "office", "press", "workshop", "academy", "salon"
        ) for c in tok.children):
            return "founded"  # "opened a school for local boys"
        if lemma == "pull" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return "conflict"  # "his house was pulled down"
        if lemma in ("weaken", "strike", "afflict", "confine", "cripple", "blind") and any(
            c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") and any(
                o.lower_ in ILLNESS_WORDS or f"{o.doc[o.i - 1].lower_} {o.lower_}" in ILLNESS_WORDS for o in c.children
            ) for c in tok.children
        ):
            return "illness"  # "weakened by fever", "struck down by typhus" (not "struck by the famine around him")
        objs = " ".join(t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree)
        if lemma in ("support", "back", "assist", "help", "aid", "champion") and any(
            c.dep_ == "dobj" and any(m.label == "PERSON" and m.entity != ctx.subject_entity
                                     for m in ctx.mentions_in(*_head_span(c, offset)))
            for c in tok.children
        ):
            return "collaborated"  # "He backed the young Octavian", "forced to support them"
        if lemma == "know" and tok.head.lemma_.lower() in ("come", "get") and tok.dep_ in ("xcomp", "advcl"):
            return "collaborated"  # "She came to know the leading collectors"
        if lemma in ("deliver", "give", "make", "lead", "launch", "wage", "organize", "organise", "mount", "write", "publish") and _against_someone(tok, ctx, offset):
            return "conflict"  # "delivered the first of fourteen speeches against Antony"
        if lemma in ("set", "start", "launch", "create", "organize", "organise", "open") and (
            lemma not in ("set",) or any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
        ) and any(w in objs for w in INSTITUTION_WORDS):
            return "founded"  # "set up a school", "started a newspaper", "launched the journal"
        if lemma == "have" and any(c.dep_ == "dobj" and c.lemma_.lower() in CHILD_NOUNS for c in tok.children):
            return "child"  # "she had two daughters"
        if lemma in ("diagnose",) and any(c.dep_ == "auxpass" for c in tok.children):
            return "illness"  # "was diagnosed with tuberculosis"
        if lemma == "recover" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
            return "illness"
        if lemma in ("take", "seek", "find") and any(c.dep_ == "dobj" and c.lemma_.lower() in ("refuge", "shelter", "asylum") for c in tok.children):
            return "moved"  # "took refuge in Geneva"
        if lemma == "retire" and _named_after(tok, ("to", "in"), "PLACE", ctx, offset):
            return "moved"  # "retired to his estate at Formiae"
        if lemma == "go" and any(c.dep_ == "prep" and c.lower_ == "into" and any(o.lemma_.lower() == "exile" for o in c.children) for c in tok.children):
            return "exiled"  # "went into exile"
        if lemma == "succeed" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
            return "worked"  # "succeeded Klein as director"
        passive_ = any(c.dep_ == "auxpass" for c in tok.children)
        if lemma in ("complete", "finish", "begin", "start", "continue", "pursue") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("study", "studies", "education", "training", "apprenticeship", "doctorate",
                                                      "degree", "course", "schooling", "novitiate") for c in tok.children
        ):
            return "studied"  # "completed his studies in 1905" (not a work)
        if lemma in ("draft", "conscript", "call") and passive_ and (lemma != "call" or any(c.lower_ == "up" for c in tok.children)):
            return "joined"  # "was drafted into the army", "was called up"
        if lemma == "promote" and passive_:
            return "worked"  # "was promoted to captain"
        if lemma == "fire" and passive_:
            return "expelled"
        if lemma == "release" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("album", "record", "single", "film", "book", "novel", "edition")
                                      for c in tok.children):
            return "published"  # "released her first album"
        if lemma == "commit" and any(c.dep_ == "dobj" and c.lemma_.lower() == "suicide" for c in tok.children):
            return "died"
        if lemma == "break" and (any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
                                 or any(c.dep_ == "prt" and c.lower_ in ("off", "with") for c in tok.children)):
            return "conflict"  # "broke with Trotsky"
        if lemma in ("receive", "award") and "honorary" in objs:
            return "honored"  # "received an honorary doctorate"
        if lemma == "surrender":
            return "conflict"  # "surrendered to Leclerc"
        if lemma == "lose" and any(w in objs for w in ("battle", "election", "case", "war", "seat", "post", "position", "job", "fortune")):
            return "conflict"
        if lemma == "crown" and any(c.dep_ == "auxpass" for c in tok.children):
            return "honored"
        if lemma == "convert" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return "joined"  # "converted to Catholicism"
        if lemma == "apprentice" and any(c.dep_ == "auxpass" for c in tok.children):
            return "studied"  # "was apprenticed to an engraver"
        if lemma == "retire" and not _named_after(tok, ("to", "in"), "PLACE", ctx, offset):
            return "left"  # "retired from the university in 1910"
        if lemma == "meet" and any(c.dep_ == "dobj" and any(m.label == "PERSON" and m.entity != ctx.subject_entity
                                                              for m in ctx.mentions_in(*_head_span(c, offset))) for c in tok.children):
            return "collaborated"  # "met Shah Jalal", "met John Brown secretly"
        if lemma == "mix" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return "collaborated"  # "mixed with the community of Filipino students"
        if lemma in ("accept", "approve", "defend", "submit") and any(
            c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in ("dissertation", "thesis", "habilitation") for c in tok.children
        ):
            return "studied"  # "her dissertation was accepted in December 1907"
        if lemma == "give" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("title", "post", "chair", "professorship", "position", "rank") for c in tok.children
        ):
            return "worked"  # "she was given the title of extraordinary professor"
        if lemma == "appear" and any(c.dep_ == "nsubj" and (c.lemma_.lower() in WORK_NOUNS or c.lemma_.lower() in ("volume", "edition", "translation"))
                                     or any(m.label == "WORK" for m in ctx.mentions_in(offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge.text)))
                                     for c in tok.children if c.dep_ == "nsubj"):
            return "published"  # "the second volume appeared there in 1683"
        if lemma in ("bring", "put") and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            return "published"  # "she brought out the first volume"
        if lemma == "print" and any(c.dep_ == "auxpass" for c in tok.children):
            return "published"
        if lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return "conflict"  # "turned down Caesar's invitation": a refusal
        if lemma in ("refuse", "decline", "spurn") and any(c.dep_ == "dobj" and c.lemma_.lower() in REFUSABLE for c in tok.children):
            return "conflict"  # "refused the command Cato offered him" (not "refused the advice of friends")
        if lemma in ("admit", "co-opt", "coopt", "induct") and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in tok.children):
            return "joined"
        if lemma == "enter" and any(c.dep_ == "dobj" and any(m.label == "ORG" for m in ctx.mentions_in(offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge.text))) for c in tok.children):
            objs0 = " ".join(t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree)
            return "studied" if any(w in objs0 for w in SCHOOL_WORDS) else "joined"  # "entered the Ateneo Municipal"
        if lemma in ("spend", "live", "remain", "pass") and (kind := _state_noun(tok)):
            return kind  # "spent the years 58-57 BC in exile", "lived in captivity"
        if lemma in CONVEY_VERBS and any(c.dep_ == "auxpass" for c in tok.children) and _named_after(tok, ("to", "into"), "PLACE", ctx, offset) \
                and not any(t.lemma_.lower() in ROLE_NOUNS for t in tok.subtree):  # ("sent as envoy to China": a post)
            return "moved"  # "were taken to Rome", "was sent to Moscow": moved by others
        if lemma == "enter" and _named_after(tok, (), "PLACE", ctx, offset):
            return "moved"  # "entered Rome on 4 September 57 BC"
        if lemma == "become":
            attrs = [c for c in tok.children if c.dep_ in ("attr", "acomp")]
            for a in attrs:
                if a.lemma_.lower() == "member":
                    return "joined"
                if a.lemma_.lower() in ROLE_NOUNS or any(t.lemma_.lower() in ROLE_NOUNS for t in a.subtree):
                    return "worked"
                if a.lemma_.lower() in ("ill", "sick"):
                    return "illness"
            return None
        if lemma == "fall" and any(c.lower_ in ("ill", "sick") for c in tok.children):
            return "illness"
        if lemma == "take" and any(c.lower_ == "part" for c in tok.children):
            return "participated"
        if lemma == "attend":
            objs = " ".join(t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree)
            if any(w in objs for w in ("school", "university", "college", "academy", "lycée", "gymnasium", "seminary", "course", "lecture")):
                return "studied"
            return "participated"
        if lemma in ("receive", "win", "share", "obtain", "earn", "gain", "get"):
            if any(w in objs for w in ("prize", "award", "medal", "honour", "honor", "order", "pension", "knighthood", "fellowship")):
                return "honored"
            if any(w in objs for w in ("degree", "doctorate", "diploma", "licence", "licentiate", "habilitation", "phd", "bachelor", "master")):
                return "studied"
            if lemma == "receive" and "title" in objs:
                return "worked"
            return None
        if lemma == "pass" and any(w in objs for w in ("exam", "examination", "examinations", "test")):
            return "studied"
        if lemma in ("accept", "take", "hold", "obtain") and any(w in objs for w in ("post", "position", "chair", "professorship", "job", "assignment", "office", "appointment", "offer")):
            return "worked"
        if lemma == "give" and any(w in objs for w in ("address", "lecture", "lectures", "speech", "talk", "course", "concert", "recital")):
            return "participated"
        if lemma == "elect":
            if any(c.dep_ in ("oprd", "attr", "xcomp") and c.lemma_.lower() in ("fellow", "honorary", "laureate") for c in tok.children):
                return "honored"  # "elected a Fellow of the Royal Society"
            return "joined" if any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in tok.children) else "worked"
        if lemma == "spend":
            if any(t.lower_ in ROLE_NOUNS for t in tok.subtree):
                return "worked"
            if any(w in objs for w in ("semester", "term", "course")):
                return "studied"  # "spent the winter semester of 1903-04 at Göttingen"
            if any(c.dep_ == "dobj" and c.lemma_.lower() in ("week", "day", "fortnight") for c in tok.children):
                return "traveled"  # "spent about six weeks in Tokyo": a visit, not a home
            if any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in tok.children):
                return "moved"
            return None
        if lemma == "recall" and any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            return "released"
        if lemma in ("name", "make") and any(c.dep_ in ("oprd", "attr", "xcomp") and (c.lemma_.lower() in ROLE_NOUNS or any(t.lemma_.lower() in ROLE_NOUNS for t in c.subtree)) for c in tok.children):
            return "worked"
        if lemma == "send" and any(t.lemma_.lower() in ROLE_NOUNS for t in tok.subtree):
            return "worked"
        if lemma == "try" and any(t.lower_ in ("court", "court-martial", "tribunal", "trial") for t in tok.subtree):
            return "conflict"
        if lemma == "go" and any(c.lower_ == "back" for c in tok.children):
            return "moved"
        if lemma == "belong":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    a0, b0 = offset + c.idx, offset + c.right_edge.idx + len(c.right_edge.text)
                    if any(m.label == "ORG" and m.start < b0 and a0 < m.end for m in ctx.mentions_in(a0 - 1, b0 + 1)):
                        return "joined"
            return None
        if lemma == "base" and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in tok.children):
            return "moved"
        if lemma in ("run", "continue", "resume", "task", "charge") and (
            any(w in objs for w in ("section", "department", "journal", "newspaper", "magazine", "office", "work", "school", "press", "review", "bureau", "committee"))
            or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) and lemma in ("task", "charge")
        ):
            return "worked"
        if lemma == "engage" and any("correspondence" in t.lower_ for t in tok.subtree):
            return "collaborated"
        if lemma == "engage" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return "participated"
        if lemma == "involve" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return "participated"
        if lemma in ("keep", "produce") and any(w in objs for w in ("journal", "diary", "notebook", "notebooks", "work", "works", "novel", "novels", "book", "books", "poems", "essays", "memoir", "memoirs")):
            return "wrote"
        if lemma == "turn" and any(t.lower_ in ("writing", "literature", "poetry", "painting", "music", "fiction") for t in tok.subtree):
            return "wrote"
        if lemma == "form" and any(w in objs for w in ("group", "party", "committee", "society", "club", "union", "association", "circle", "band", "company", "league", "movement", "organization", "organisation", "school", "journal", "newspaper")):
            return "founded"
        if lemma == "put" and any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "work" for o in c.children) for c in tok.children):
            return "worked"
        if lemma in ("endure", "suffer", "contract", "develop") and any(
            w in " ".join(t.lower_ for t in tok.subtree if t.i > tok.i) for w in ILLNESS_WORDS
        ):
            return "illness"
        if lemma in ("face", "undergo", "endure", "suffer") and any(w in objs for w in HOSTILITY_WORDS):
            return "conflict"
        if lemma == "secure" and "passage" in objs:
            return "moved"
        if lemma == "withdraw" and any(w in objs for w in ("right", "licence", "license", "permission", "citizenship", "nationality")):
            return "expelled"
        if lemma == "operate" and any(c.lower_ == "on" for c in tok.children):
            patient = [o for c in tok.children if c.lower_ == "on" for o in c.children]
            if any(_names_subject(o, ctx, offset) for o in patient) or any(c.dep_ == "auxpass" for c in tok.children):
                return "illness"  # "she was operated on" (not "he operated on his mother's eyes")
            return None
        if lemma == "expel":
            froms = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.children]
            for o in froms:
                for m in ctx.mentions_in(*_token_span(o, offset)):
                    if m.label == "PLACE":
                        return "exiled"
            return "expelled"
        if lemma in ("condemn", "sentence"):
            # "condemned ... to three years of deportation": the punishment names the event
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    lemmas = [t.lemma_.lower() for t in c.subtree]
                    for lem in lemmas:
                        if NOUN_TRIGGERS.get(lem) in ("exiled", "imprisoned", "died"):
                            return NOUN_TRIGGERS[lem]
                    if any(lem in ("prison", "jail", "camp", "confinement", "labour", "labor", "year", "month") for lem in lemmas):
                        return "imprisoned"
            return "imprisoned" if lemma == "sentence" else "conflict"
        if lemma in ("defend", "represent", "prosecute", "plead"):
            for c in tok.children:
                if c.dep_ in ("dobj", "pobj") and any(m.label == "PERSON" for m in ctx.mentions_in(offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge.text))):
                    return "worked"
            return "worked" if lemma == "plead" else None
        if lemma == "write":
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                return "worked"
            return "wrote"
        if lemma == "work":
            if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
                return "collaborated"
            return "worked"
        if lemma == "strip" and any("citizenship" in t.lower_ or "nationality" in t.lower_ for t in tok.subtree):
            return "exiled"
        if lemma == "give" and any(c.lower_ == "birth" for c in tok.children):
            return "child"
        if lemma in ("exchange",) and not any(c.dep_ == "auxpass" for c in tok.children):
            return None
        if VERB_TRIGGERS.get(lemma) == "traveled" and any(c.dep_ == "advmod" and c.lower_ in ("home", "homeward", "homewards") for c in tok.children):
            return "moved"  # "sailed home in June 1701": a return
        if lemma == "suffer" and any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_ILLNESS for c in tok.children):
            return None  # "suffering a shipwreck": a misfortune, not an illness
        if lemma == "join":
            objs_ = [c for c in tok.children if c.dep_ == "dobj"]
            if any(c.dep_ == "auxpass" for c in tok.children):
                return None  # "he was joined by his family": they joined him
            if objs_ and all(o.lemma_.lower() in TRAVEL_GROUPS and not any(
                    m.label == "ORG" for m in ctx.mentions_in(*_head_span(o, offset))) for o in objs_):
                return "traveled"  # "joined the caravan of Iraqi pilgrims": a journey in company
        return VERB_TRIGGERS.get(lemma)
    if tok.pos_ == "ADJ" and tok.lower_ in ("involved", "engaged") and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
        return "participated"
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in ROLE_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "as":
            return "worked"  # "As consul in 63 BC, Cicero ..."
        if lemma in WORK_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
            c.dep_ == "prep" and c.lower_ in ("of", "in") and any(ctx.times_in(*_token_span(o, offset)) for o in c.children)
            for c in tok.children
        ) and any(c.dep_ == "poss" and ctx.is_subject(*_token_span(c, offset)) for c in tok.children):
            return "wrote"  # "Her theorem of 1918 ...", "his novel of 1930": the work, dated
        if tok.pos_ == "NOUN":
            return NOUN_TRIGGERS.get(lemma)
    return None




def _state_noun(tok: Token) -> str | None:
    """"in exile", "in prison", "in captivity": the state the time was spent in."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "into"):
            for o in c.children:
                kind = {"exile": "exiled", "prison": "imprisoned", "jail": "imprisoned", "gaol": "imprisoned",
                        "captivity": "imprisoned", "detention": "imprisoned", "hiding": "moved"}.get(o.lemma_.lower())
                if o.dep_ == "pobj" and kind:
                    return kind
    return None


def _against_someone(tok: Token, ctx: Context, offset: int) -> bool:
    """"... speeches against Antony", "led the resistance to Mark Antony": aimed at a person or body."""
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        for t in c.subtree:
            if (t.dep_ == "prep" and t.lower_ == "against") or (t.lower_ == "to" and t.head.lemma_.lower() in ("resistance", "opposition")):
                for o in t.children:
                    a, b = offset + o.left_edge.idx, offset + o.right_edge.idx + len(o.right_edge.text)
                    if any(m.label in ("PERSON", "ORG") and m.entity != ctx.subject_entity for m in ctx.mentions_in(a, b)):
                        return True
    return False


def _does_it_to_another(tok: Token, ctx: Context, offset: int) -> bool:
    """An active "free", "arrest", "exile", "honour" whose object is a person other than the subject."""
    if tok.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in tok.children):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if tok.dep_ == "relcl" and not objs and not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in tok.children):
        objs = [tok.head]  # "a former slave (whom) he had freed"
    return any(not _names_subject(o, ctx, offset) and (
        o.lemma_.lower() in KIN_NOUNS or o.lemma_.lower() in PERSON_NOUNS
        or o.lemma_.lower() in ("slave", "prisoner", "man", "woman", "people", "men", "women", "captive")
        or any(m.label == "PERSON" for m in ctx.mentions_in(*_head_span(o, offset)))) for o in objs)


def _named_after(tok: Token, preps: tuple[str, ...], label: str, ctx: Context, offset: int) -> bool:
    """Does the verb take a PLACE (or a PERSON other than the subject): as its object when no
    preps are given, else after one of them ("was taken to Rome", "was presented to the Sultan")?"""
    for c in tok.children:
        if preps and c.dep_ == "prep" and c.lower_ in preps:
            targets = [o for o in c.children if o.dep_ == "pobj"]
        elif not preps and c.dep_ == "dobj":
            targets = [c]
        else:
            continue
        for o in targets:
            a, b = offset + o.left_edge.idx, offset + o.right_edge.idx + len(o.right_edge.text)
            if any(m.label == label and m.entity != ctx.subject_entity for m in ctx.mentions_in(a, b)):
                return True
    return False


def _subjects_own(c: Token, ctx: Context, offset: int) -> bool:
    """"his", "her", "Serge's" -- or "their" for the couple the subject is part of."""
    return c.dep_ == "poss" and (ctx.is_subject(*_token_span(c, offset)) or c.lower_ == "their")


def _child_of_subject(tok: Token, ctx: Context, offset: int) -> bool:
    """"His son, Marcus, was born in 65 BC", "his son Vlady who joined him", "their daughter
    Tullia was born": the subject's child -- unless the subject is among those who act
    ("Merian, her mother and her two daughters went to live ...")."""
    subs = _subjects(tok)
    if any(ctx.is_subject(*_token_span(s, offset)) for s in subs):
        return False
    for s in subs:
        for cand in (s, s.head) if s.dep_ in ("appos", "conj") else (s,):
            if cand.lemma_.lower() in CHILD_NOUNS and any(_subjects_own(c, ctx, offset) for c in cand.children):
                return True
        for c in s.children:  # "Vlady" with the appositive "his son"
            if c.dep_ == "appos" and c.lemma_.lower() in CHILD_NOUNS and any(_subjects_own(g, ctx, offset) for g in c.children):
                return True
    return False




def _owner_is_subject(tok: Token, ctx: Context, offset: int) -> bool:
    """Whose happening is it? The subject's when the parse ties the trigger to a subject mention."""
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss" and ctx.is_subject(*_token_span(c, offset)):
                return True
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if ctx.is_subject(*_token_span(o, offset)):
                        return True
                    if any(m.label == "PERSON" for m in ctx.mentions_in(*_head_span(o, offset))):
                        return False  # "after the death of Jacob Marrel": someone else's
        # "after his release", "during a trip to Moscow" in a sentence about the subject
        head = tok.head
        while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != tok.i:
            return any(_names_subject(s, ctx, offset) for s in _subjects(head)) and not any(
                c.dep_ == "poss" for c in tok.children
            )
        return False
    subs = _subjects(tok)
    if any(_names_subject(s, ctx, offset) for s in subs):
        return True
    if not subs and _subject_just_before(tok, ctx, offset):
        return True
    for sub in subs:
        # "Her ashes were buried ...": the subject's remains
        if sub.lemma_.lower() in ("ash", "ashes", "remains", "body", "corpse", "heart", "coffin") and any(
            c.dep_ == "poss" and ctx.is_subject(*_token_span(c, offset)) for c in sub.children
        ):
            return True
        # "His works were published abroad", "their joint theorem was published": the subject's things
        if sub.lemma_.lower() in WORK_NOUNS and any(_subjects_own(c, ctx, offset) for c in sub.children):
            return True
        # "her right to teach was withdrawn", "his villas were plundered": done to the subject's possessions
        if sub.lemma_.lower() in POSSESSIONS and sub.dep_ == "nsubjpass" and any(
            c.dep_ == "poss" and ctx.is_subject(*_token_span(c, offset)) for c in sub.children
        ):
            return True
        # "The annotated edition appeared in Paris": a biography's new edition is the subject's
        if tok.lemma_.lower() in ("appear", "publish", "print") and sub.lemma_.lower() in ("edition", "volume", "translation") and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in sub.children
        ):
            return True
        # "Der Raupen ... appeared in 1679": one of the subject's works (Extraction I knows them)
        if tok.lemma_.lower() in ("appear", "print", "publish", "issue", "reissue") and any(
            m.label == "WORK" for m in ctx.mentions_in(offset + sub.left_edge.idx, offset + sub.right_edge.idx + len(sub.right_edge.text))
        ):
            return True
        # "they reached Marseille" after "Serge and Vlady ...": a group with the subject in it
        if sub.lower_ in ("they", "we") and ctx.group_subject_before(offset + sub.idx):
            return True
        # "the young mathematician moved to Göttingen": the subject by the profession the lead gives
        if sub.lemma_.lower() in ctx.professions and any(c.dep_ == "det" and c.lower_ == "the" for c in sub.children) \
                and not any(c.dep_ in ("compound", "appos") or c.pos_ == "PROPN" for c in sub.children):
            return True
        # "her family moved to Nuremberg", "the couple settled in Delft"
        if sub.lemma_.lower() in GROUP_NOUNS and tok.lemma_.lower() in VERB_TRIGGERS and VERB_TRIGGERS[tok.lemma_.lower()] in ("moved", "traveled") and any(
            (c.dep_ == "poss" and ctx.is_subject(*_token_span(c, offset))) or (c.dep_ == "det" and c.lower_ == "the") for c in sub.children
        ):
            return True
    if tok.lemma_.lower() in PATIENT_VERBS:
        # "the Nazi government dismissed her", "Hilbert and Klein invited her to Göttingen"
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(_names_subject(o, ctx, offset) for o in objs)
    return False


def _subject_just_before(tok: Token, ctx: Context, offset: int) -> bool:
    """The parser lost the verb's subject ("As consul in 63 BC, Cicero suppressed ...": Cicero
    hung on "BC"): a finite verb right after a mention of the subject, nothing verbal between,
    is his."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or tok.dep_ not in ("ROOT", "conj"):
        return False
    doc = tok.doc
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - 6) - 1, -1):
        t = doc[i]
        if t.dep_ in ("aux", "auxpass", "neg", "advmod") or t.text == "-" or (doc[i + 1].text == "-" and not t.whitespace_):
            continue  # "she was co-opted", "he then left"
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":"):
            return False
        if t.pos_ in ("PROPN", "PRON") and ctx.is_subject(*_token_span(t, offset)):
            return True
    return False


_TEMPORARY = re.compile(r"\bfor a (?:time|while|few (?:days|weeks|months))\b|\bbriefly\b|\btemporarily\b", re.I)
"""A stay said to be short ("went back to Erlangen for a time") does not change where he lives."""
_TOPIC = re.compile(r"\b(?:analys[ie]s|histor(?:y|ies)|stud(?:y|ies)|critiques?|accounts?|portraits?|descriptions?|"
                    r"surveys?|books?|essays?|articles?|reports?|novels?|poems?|memoirs?|works?) (?:of|on|about) (?:the )?$", re.I)


def _topic(text: str, pos: int) -> bool:
    """"critical analyses of the Soviet Union", "a history of Russia": what a work is about, not where."""
    return bool(_TOPIC.search(text[max(0, pos - 40) : pos]))


_LEAVING = re.compile(r"(?:left|leaving|leaves|leave|departed|departing)\b", re.I)


def _best_place(mentions: list[Mention], ctx: Context, trigger_pos: int, etype: str, doc: Doc, offset: int) -> str | None:
    people = [m for m in mentions if m.label == "PERSON"]
    cands = [m for m in mentions if m.label == "PLACE" and m.entity in ctx.places
             # "Philo of Larissa", "Mithridates VI of Pontus": a place in a person's name is not where he was
             and not any(p.start <= m.start and m.end <= p.end or (0 <= m.start - p.end <= 4 and ctx.text[p.end:m.start].strip() == "of")
                         for p in people)
             and not _topic(ctx.text, m.start)]
    if not cands:
        return None
    if etype in ("traveled", "moved") and _LEAVING.match(ctx.text, trigger_pos):
        left = [m for m in cands if 0 < m.start - trigger_pos < 40]
        if left:
            return left[0].entity  # "left his native Tangier ... to make the pilgrimage to Mecca": where he set out from
    if etype in ("left", "exiled"):
        froms = [m for m in cands if ctx.text[max(0, m.start - 6) : m.start].strip().lower().endswith(("from", "leave", "left"))]
        if froms:
            cands = froms
    if etype in ("moved", "traveled"):
        # "sailed down the Red Sea to Yemen", "crossed the Black Sea to the Crimea": where he went, not the way
        dest = [m for m in cands if _word_before(ctx.text, m.start) in ("to", "into", "for", "reached", "reach", "entered", "in", "at")]
        if dest and len(dest) < len(cands):
            cands = dest
    # the more specific of two ("Brussels, Belgium" -> Brussels), then the nearest to the trigger
    def rank(m: Mention) -> tuple[int, int]:
        p = ctx.places[m.entity]
        return SPECIFIC.get(p.kind, 3), abs(m.start - trigger_pos)

    return min(cands, key=rank).entity


def _where_antecedent(tok: Token, ctx: Context, offset: int) -> str | None:
    """"Martinique (where they were briefly jailed)", "Tunis, where he stayed two months":
    a "where" clause happens at the place it hangs on."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in cur.children):
        return None
    head = cur.head
    a, b = _token_span(head, offset)
    for c in head.children:
        if c.dep_ in ("compound", "flat", "amod") and c.i < head.i:
            a = min(a, offset + c.idx)
    ms = [m for m in ctx.mentions_in(a - 1, b + 1) if m.start < b and a < m.end]
    place = next((m.entity for m in ms if m.label == "PLACE" and m.entity in ctx.places), None)
    return place or ctx.place_in_name(ms)


def _word_before(text: str, pos: int) -> str:
    """The word before a mention, skipping "the": "to the Crimea" -> "to"."""
    words = text[max(0, pos - 30) : pos].lower().split()
    while words and words[-1] in ("the", "a"):
        words.pop()
    return words[-1] if words else ""


def _more_specific_ahead(ctx: Context, place: str, pos: int, window: int = 1200) -> str:
    """Settled in a country: the city of that country the narrative names next is where he lived."""
    p = ctx.places.get(place)
    if p is None or p.kind not in ("country", "historic_state") or not p.country:
        return place
    for m in ctx.mentions_in(pos, pos + window):
        q = ctx.places.get(m.entity or "") if m.label == "PLACE" else None
        if q is not None and q.kind == "city" and q.country == p.country:
            return m.entity
    return place


def _narrative_date(ctx: Context, s0: int, s1: int, para_start: int, born: str | None, died: str | None) -> str | None:
    """No date in the sentence: the narrative's time. Between the last date told and
    the next one told in the same section ("He ran the section ..." between May 1919
    and March 1921: 1919/1921); the last date alone when the section says no more."""
    lifespan = f"{born}/{died}" if born and died else None
    prev = ctx.time_before(s0, para_start - 3000, skip=lifespan)
    if prev is None:
        return None
    if born and (_start_year(prev.value) or 0) < (_start_year(born) or -99999):
        # a date from before the subject's birth ("the assassination ... in 1881") is not his time
        prev = TimeExpr(prev.start, prev.end, prev.text, born[:4] if not born.startswith("-") else born[:5], "date")
    if born and prev.value == born and "-" in born.lstrip("-"):
        # told right after the birth, it happened after it, not on the day: the birth's year
        prev = TimeExpr(prev.start, prev.end, prev.text, _year(_start_year(born)), "date")
    section_end = next((b for a, b in ctx.sections if a <= s0 < b), None)
    if section_end is None:
        return prev.value
    nxt = ctx.time_after(s1, section_end, skip=lifespan)
    a = _start_year(prev.value)
    b = _start_year(nxt.value) if nxt is not None else None
    if a is not None and a == b and re.match(r"^\d{4}-\d\d$", prev.value or "") and re.match(r"^\d{4}-\d\d", nxt.value or ""):
        if nxt.value[:7] > prev.value:  # between March and September of one year: 1941-03/1941-09
            return f"{prev.value}/{nxt.value[:7]}"
    if a is None or b is None or b <= a or b - a > 8:
        return prev.value
    return f"{_year(a)}/{_year(b)}"


def _year(y: int) -> str:
    return f"-{abs(y):04d}" if y < 0 else f"{y:04d}"


def _end_year(value: str | None) -> int | None:
    b = edtf.bounds(value) if value else None
    return b[1][0] if b and b[1] else None


@dataclass
class _Stay:
    """A residence told by the narrative: where the subject arrived, when, and where the text says so."""

    pos: int
    place: str
    date: str | None
    section: int | None


def _section_of(ctx: Context, pos: int) -> int | None:
    return next((a for a, b in ctx.sections if a <= pos < b), None)


def _stay_periods(events: list[Event], narrative: list[tuple[int, int, _Stay | None]], stays: list[_Stay],
                  died: str | None, ctx: Context) -> None:
    """Undated events of a stay told in the same section take the stay's span, arrival to departure,
    in years ("he associated with other exiles" in Mexico: 1941/1947): the widest honest interval."""
    for idx, pos, stay in narrative:
        if stay is None or stay.date is None or stay.section is None or stay.section != _section_of(ctx, pos):
            continue
        a = _start_year(stay.date)
        later = [s for s in stays if s.pos > stay.pos and s.place != stay.place and s.date]
        b = _start_year(later[0].date) if later else _end_year(died)
        if a is None or b is None or b < a:
            continue
        ev = events[idx]
        a_ev, b_ev = _start_year(ev.date), _end_year(ev.date)
        if a_ev is not None and (a_ev < a or (b_ev is not None and b_ev > b)):
            continue  # the narrative's time lies outside the stay: keep it
        events[idx] = replace(ev, date=_year(a) if a == b else f"{_year(a)}/{_year(b)}")


def _start_year(value: str | None) -> int | None:
    b = edtf.bounds(value) if value else None
    return b[0][0] if b and b[0] else None


def find_events(docs: Iterable[tuple[int, Doc]], ctx: Context, *, born: str | None, died: str | None) -> list[Event]:
    events: list[Event] = []
    residence: str | None = None
    stays: list[_Stay] = []
    placing: list[tuple[int, bool, str | None]] = []
    summary: list[int] = []
    arrivals: list[tuple[int, str, int, int]] = []
    narrative: list[tuple[int, int, _Stay | None]] = []
    for offset, doc in docs:
        if not doc.has_annotation("DEP"):
            continue
        para_start = offset
        for sent in doc.sents:
            found: list[tuple[Token, str]] = []
            for tok in sent:
                etype = _type_of(tok, ctx, offset)
                if etype is None or _negated(tok):
                    continue
                if _purpose_infinitive(tok):
                    continue
                if tok.tag_ == "VBG" and any(c.dep_ == "mark" and c.lower_ in ("although", "though", "while", "whilst") for c in tok.children):
                    continue  # "although writing in French": a circumstance, not a happening
                if tok.tag_ == "VBN" and etype not in ("born", "died") and (
                    tok.dep_ == "acl" or (tok.head.text == "(" or any(c.text == "(" for c in tok.children if c.i < tok.i))
                ) and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
                    continue  # "(published posthumously)", "a novel published in English as ...": about a thing
                if tok.lemma_.lower() in ("live", "reside") and not any(t.dep_ == "prep" and t.lower_ in ("in", "at") for t in tok.subtree):
                    continue  # "the times he lived through"
                if tok.pos_ in ("NOUN", "PROPN"):
                    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and _type_of(tok.head.head, ctx, offset):
                        continue  # "worked ... as a journalist": one event, the verb's
                    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
                    if (tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into"))) \
                            and governor.pos_ == "VERB" and governor.i != tok.i and _type_of(governor, ctx, offset):
                        continue  # "engaged in an intense correspondence": one event, the verb's
                    if etype != "worked" and not _dated_phrase(tok, ctx, offset) and not (
                        etype in ("conflict", "collaborated") and _named_after(tok, ("with",), "PERSON", ctx, offset)
                    ):
                        continue  # "his first imprisonment", "his death": a reference back, not a new event
                        # ("her rivalry with Ida Noddack" names its happening by the person)
                modal = _modal(tok)
                if modal is not None:
                    if etype == "moved" and modal in ("attempt", "try", "seek"):
                        etype = "traveled"  # an attempt is not an arrival: a journey
                    elif not (etype == "founded" and modal in ("attempt", "try")):
                        continue  # (a founding attempted is a founding, even one that failed)
                if etype in ("born", "joined", "moved") and _child_of_subject(tok, ctx, offset):
                    etype = "child"  # a child born, or joining the subject
                elif not _owner_is_subject(tok, ctx, offset):
                    continue
                if etype in ("born", "died") and tok.dep_ in ("advcl", "ccomp", "dep") and any(
                    c.dep_ == "mark" and c.lower_ in ("before", "after", "until", "since", "when") for c in tok.children
                ):
                    continue  # "a few hours before he died": a time reference to an event told elsewhere
                if etype in ("arrested", "imprisoned", "released", "exiled", "honored") and _does_it_to_another(tok, ctx, offset):
                    continue  # "a former slave he had freed": the subject acts, someone else undergoes
                found.append((tok, etype))
            clauses = {tok.i: _clause(tok) for tok, _ in found}
            for tok, etype in found:
                lo, hi = clauses[tok.i]
                lo, hi = min(lo, tok.i), max(hi, tok.i)
                a, b = offset + doc[lo].idx, offset + doc[hi].idx + len(doc[hi].text)
                if b - a > 480:  # a long clause: keep the trigger's sentence part around it
                    a, b = max(a, offset + tok.idx - 200), min(b, offset + tok.idx + 250)
                s0, s1 = offset + sent.start_char, offset + sent.end_char
                others = [clauses[t.i] for t, _ in found if t.i != tok.i]
                in_other = lambda x0, x1: any(offset + doc[lo_].idx <= x0 and x1 <= offset + doc[hi_].idx + len(doc[hi_].text) for lo_, hi_ in others)  # noqa: E731
                trig = offset + tok.idx
                foreign = _others_clauses(sent, tok, ctx, offset)
                in_foreign = lambda x: any(f0 <= x.start < f1 for f0, f1 in foreign)  # noqa: E731
                nested = [(offset + doc[clauses[t.i][0]].idx, offset + doc[clauses[t.i][1]].idx + len(doc[clauses[t.i][1]].text))
                          for t, _ in found if t.i != tok.i and t.dep_ in ("relcl", "acl")
                          and lo <= clauses[t.i][0] and clauses[t.i][1] <= hi and clauses[t.i] != (lo, hi)]
                # a date inside another event's relative clause within this one is that event's ("began a
                # correspondence with Blumentritt, whom he visited in May 1887"); "after his release in 1928" still dates
                times = [t for t in ctx.times_in(a, b) if not in_foreign(t) and not any(n0 <= t.start < n1 for n0, n1 in nested)]
                confidence = 0.8
                if not times:
                    # a clause inside another event's clause shares its date ("joined ... in January 1919 after arriving")
                    hosts = [(offset + doc[lo_].idx, offset + doc[hi_].idx + len(doc[hi_].text)) for lo_, hi_ in others
                             if lo_ <= lo and hi <= hi_]
                    for h0, h1 in hosts:
                        times = [t for t in ctx.times_in(h0, h1) if not (a <= t.start < b)]
                        if times:
                            break
                    when = [t for t in times if 0 <= a - t.end <= 8 and re.match(r"[\s,]*when\b", ctx.text[t.end:a + 5])]
                    if when and "/" in (when[0].value or "") and not when[0].value.endswith("/.."):
                        # "taught there from 1915 until 1933, when the government dismissed her": at the end
                        end = when[0].value.split("/")[1]
                        times = [replace(when[0], value=end)]
                    confidence = 0.75
                if not times:
                    # coordinated verbs share a time adjunct: "released ... and allowed to leave ... in April 1936"
                    conj = [t for t, _ in found if t.i != tok.i and (t.head.i == tok.i or tok.head.i == t.i or
                            (t.dep_ == "conj" and tok.dep_ == "conj" and t.head.i == tok.head.i) or
                            (t.dep_ == "xcomp" and t.head.head.i == tok.i) or (t.head.dep_ == "conj" and t.head.head.i == tok.i))]
                    for t in sorted(conj, key=lambda t: abs(t.i - tok.i)):
                        lo_, hi_ = clauses[t.i]
                        times = ctx.times_in(offset + doc[lo_].idx, offset + doc[hi_].idx + len(doc[hi_].text))
                        if times:
                            if not any(_adjunct_of(x, t, doc, offset) for x in times):
                                # "joined the CNT, took part in the uprising of July 1917": the sibling's
                                # noun has the date, the sibling only its year
                                times = [_to_year(x) for x in times]
                            break
                    confidence = 0.7
                if not times:
                    times = [t for t in ctx.times_in(s0, s1) if not in_other(t.start, t.end) and not in_foreign(t)]
                    confidence = 0.7
                lifespan = f"{born}/{died}" if born and died else None
                times = [t for t in times if t.value != lifespan]
                date = None
                if times and confidence < 0.8 and _sequel(tok):
                    times = [_to_year(x) for x in times]  # "arrived ... in April 1936, then moved to Paris": later that year
                if times:
                    date = min(times, key=lambda t: (t.anchored, abs(t.start - trig))).value  # a told date before a reckoned one
                    if date and date.endswith("/.."):
                        date = date[:-3]  # "from 63 BC" (onwards): the event is its start ...
                        if etype in DURATIVE and died and (_start_year(died) or 0) > (_start_year(date) or 0):
                            date = f"{date}/{died[:len(date)] if not died.startswith('-') else died}"  # ... and lasts until his death
                    elif date and date.startswith("../") and "/" not in date[3:]:
                        date = date[3:]  # "until 1917, when he began ...": the event is at its bound
                    # a duration in the clause ("for fifteen months") is anchored to the clause's date
                    durs = [t for t in times if t.kind == "duration" and t.value]
                    if durs and etype in ("imprisoned", "exiled", "studied", "worked", "moved"):
                        date = durs[0].value
                else:
                    date = _narrative_date(ctx, s0, s1, para_start, born, died)
                    confidence = 0.5
                    if ctx.sections and a < ctx.sections[0][0]:
                        summary.append(len(events))  # the lead: a summary, dated by its own account below
                    if date and "/" not in date and etype not in ("born", "died", "buried", "moved") and not _at_narrative_time(tok):
                        narrative.append((len(events), s0, stays[-1] if stays else None))
                if etype == "born" and born and confidence < 0.8:
                    date = born
                if etype == "died" and died and (date is None or confidence < 0.8):
                    date = died
                if etype == "buried" and died and (date is None or confidence < 0.8):
                    date = died[:7] if len(died) >= 7 and not died.startswith("-") else died  # soon after the death
                ms = [m for m in ctx.mentions_in(a, b) if not in_foreign(m)]
                side = [(offset + c.left_edge.idx, offset + c.right_edge.idx + len(c.right_edge.text))
                        for c in tok.children if c.dep_ in ("advcl", "prep") and c.i < tok.i]
                core = [m for m in ms if not any(x0 <= m.start < x1 for x0, x1 in side)]
                place = (_where_antecedent(tok, ctx, offset)
                         or _best_place(core, ctx, trig, etype, doc, offset) or _best_place(ms, ctx, trig, etype, doc, offset)
                         or ctx.place_in_name(ms))
                if place is None:
                    place = _best_place([m for m in ctx.mentions_in(s0, s1) if not in_other(m.start, m.end) and not in_foreign(m)],
                                        ctx, trig, etype, doc, offset)
                told = place is not None
                if place is None and etype in RESIDENT_TYPES:
                    place = residence
                participants = tuple(dict.fromkeys(
                    m.entity for m in ms if m.entity and m.label in ("PERSON", "ORG", "WORK") and m.entity != ctx.subject_entity
                ))
                again = _AGAIN.search(ctx.text, a, b)
                later = [t for t in ctx.times_in(again.end(), b) if t.value] if again else []
                if again and later:
                    # "imprisoned in 1928 and again from 1933 to 1936": the same happening, twice
                    first = [t for t in ctx.times_in(a, again.start()) if t.value]
                    events.append(Event(etype, first[-1].value if first else date, place, participants,
                                        Evidence(a, again.start()), round(confidence, 2)))
                    events.append(Event(etype, later[0].value, place, participants,
                                        Evidence(again.start() + 4, later[0].end), round(confidence, 2)))
                else:
                    events.append(Event(etype, date, place, participants, Evidence(a, b), round(confidence, 2)))
                placing.append((len(events) - 1, told, residence))
                arrivals.append((len(events) - 1, tok.lemma_.lower(), s0, para_start))
                if place and told and not _TEMPORARY.search(ctx.text, a, b) and (
                        etype in ("moved", "born", "imprisoned") or (etype == "exiled" and _destination(ctx, place, a, b))):
                    residence = _more_specific_ahead(ctx, place, b)
                    stays.append(_Stay(a, residence, events[-1].date, _section_of(ctx, a)))
    _passing_through(events, arrivals)
    _stay_periods(events, narrative, stays, died, ctx)
    _summary_dates(events, summary, ctx, {idx for idx, told, _ in placing if told})
    _places_by_date(events, placing, stays, ctx)
    return events


ARRIVAL_LEMMAS = {"reach", "arrive", "land", "enter", "come", "go", "pass", "proceed", "continue"}


def _passing_through(events: list[Event], arrivals: list[tuple[int, str, int, int]]) -> None:
    """"He reached Baghdad in January 1348. From there he went on to Damascus ...": an arrival the
    narrative leaves in a later sentence of the same paragraph, before anything is done there,
    is a stage of a journey, not a new home."""
    info = {idx: (lemma, sent, para) for idx, lemma, sent, para in arrivals}
    order = sorted(info, key=lambda i: events[i].evidence.start)
    for k, idx in enumerate(order):
        ev = events[idx]
        lemma, sent, para = info[idx]
        if ev.type != "moved" or lemma not in ARRIVAL_LEMMAS or not ev.place:
            continue
        for later in order[k + 1 :]:
            nxt = events[later]
            _, nsent, npara = info[later]
            if npara != para:
                break  # the paragraph ends with him there
            if nxt.type in RESIDENT_TYPES or nxt.type in ("died", "buried"):
                break  # he does something there: he lives there
            if nxt.type in ("moved", "traveled") and nxt.place and nxt.place != ev.place:
                if nsent != sent:
                    events[idx] = replace(ev, type="traveled")
                break


def _summary_dates(events: list[Event], summary: list[int], ctx: Context, told: set[int]) -> None:
    """The lead's undated summary ("He served for about seven years as a qadi in Delhi") takes the
    date of the body's account of the same happening: the same type, sharing a person,
    organisation or work, or a place both name. With no such account it keeps the narrative's time."""
    lead_end = ctx.sections[0][0] if ctx.sections else 0
    body = [(i, e) for i, e in enumerate(events) if e.evidence.start >= lead_end and e.date]
    for idx in summary:
        ev = events[idx]
        same = [e for i, e in body if e.type == ev.type and (
            set(ev.participants) & set(e.participants)
            or (idx in told and i in told and ev.place == e.place))]  # the same place, told in both
        if same:
            events[idx] = replace(ev, date=same[0].date, confidence=0.6)


def _lo(value: str | None) -> tuple[int, int, int] | None:
    """The first day an EDTF value allows, or None."""
    b = edtf.bounds(value) if value else None
    return b[0] if b else None


def _days(ymd: tuple[int, int, int]) -> int:
    y, m, d = ymd
    return y * 372 + m * 31 + d  # an order-preserving day count: enough to compare overlaps


def _destination(ctx: Context, place: str, a: int, b: int) -> bool:
    """"deported to Orenburg", "three years of deportation in Orenburg": where the exile lives,
    not the country he is expelled from."""
    for m in ctx.mentions_in(a, b):
        if m.entity == place:
            before = ctx.text[max(a, m.start - 12) : m.start].lower().split()
            return bool(before) and before[-1] in ("to", "in", "at", "into")
    return False


def _contains(country: Place | None, inner: Place | None) -> bool:
    return (country is not None and inner is not None and country.kind in ("country", "historic_state")
            and inner.kind in ("city", "site") and bool(country.country) and inner.country == country.country)


def _places_by_date(events: list[Event], placing: list[tuple[int, bool, str | None]], stays: list[_Stay], ctx: Context) -> None:
    """Where the subject was, by the date, when the text's order cannot say: the lead's summary
    ("joined the Left Opposition in 1923": Vienna, where the narrative has him then), a look back
    from a later section, a residence that begins after the event. In the lead, a country told in
    the clause gives way to the city of that country he lived in ("writing ... in Spain": Barcelona)."""
    starts = sorted(((lo, st) for st in stays if (lo := _lo(st.date)) is not None), key=lambda x: x[0])
    # each stay from its arrival to the next arrival (the last one open)
    dated = [(lo, starts[i + 1][0] if i + 1 < len(starts) else None, st) for i, (lo, st) in enumerate(starts)]
    lead_end = ctx.sections[0][0] if ctx.sections else 0
    for idx, told, residence in placing:
        ev = events[idx]
        b = edtf.bounds(ev.date) if ev.date else None
        in_lead = ev.evidence.start < lead_end
        if ev.type not in RESIDENT_TYPES or not b or not b[0] or not b[1] or not dated or (not told and ev.place is None and not in_lead):
            continue
        # the stays that overlap the event: begun before it ended, not ended before it began
        at = [(lo, hi, st) for lo, hi, st in dated if lo <= b[1] and (hi is None or hi > b[0])]
        if not at:
            continue
        by_date = at[-1][2].place
        if len(at) > 1 and b[1][0] - b[0][0] >= 2:
            # a period of years ("imprisoned from 1933 to 1936"): the stay that fills most of it
            overlap = lambda lo, hi: _days(min(hi or b[1], b[1])) - _days(max(lo, b[0]))  # noqa: E731
            by_date = max(at, key=lambda x: overlap(x[0], x[1]))[2].place
        if told:
            if in_lead:
                inner = [st.place for _, _, st in at if _contains(ctx.places.get(ev.place or ""), ctx.places.get(st.place))]
                if inner:
                    events[idx] = replace(ev, place=inner[0])
            continue
        if not in_lead and ev.place == residence:
            here = next((st for st in reversed(stays) if st.pos < ev.evidence.start), None)
            began = _lo(here.date) if here else None
            if began is None or began <= b[1]:
                continue  # the narrative's residence began before the event ended: it stands
        events[idx] = replace(ev, place=by_date)


def professions_of(lead: str) -> set[str]:
    """The role nouns of the lead's "X was a Belgian-born Russian revolutionary, novelist, poet ..."."""
    m = re.search(r"\b(?:was|is)\s+(?:an?|the)\s+([^.;]{3,200})", lead)
    if not m:
        return set()
    words = re.findall(r"[a-z][a-z\-]+", m.group(1).lower())
    return {w for w in words if w in ROLE_NOUNS or w in PERSON_NOUNS}


def lead_life_events(text: str, lead: tuple[int, int] | None, times: list[TimeExpr], born: str | None, died: str | None,
                     born_place: str | None, died_place: str | None) -> list[Event]:
    """The lead's "(born X; 30 December 1890 – 17 November 1947)": a birth and a death.

    The first date of the lead's first parenthesis that equals the birth
    date is the birth's evidence, the last that equals the death date the
    death's (one interval "A – B", or two expressions "A – B or C").
    """
    out: list[Event] = []
    if lead is None:
        return out
    m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", text[lead[0] : lead[1]])
    if not m:
        return out
    p0, p1 = lead[0] + m.start(1), lead[0] + m.end(1)
    inner = [t for t in times if p0 <= t.start and t.end <= p1 and t.value]
    if len(inner) == 1 and inner[0].kind == "interval" and "/" in (inner[0].value or ""):
        t = inner[0]
        first, _, last = t.value.partition("/")
        cut = t.text.find("–") if "–" in t.text else t.text.find("-", 5)
        cut = cut if cut > 0 else len(t.text) // 2
        if born and first == born:
            out.append(Event("born", born, born_place, (), Evidence(t.start, t.start + cut), 0.9, "events.lead"))
        if died and last == died:
            out.append(Event("died", died, died_place, (), Evidence(t.start + cut, t.end), 0.9, "events.lead"))
        return out
    if born and inner and inner[0].value == born:
        out.append(Event("born", born, born_place, (), Evidence(inner[0].start, inner[0].end), 0.9, "events.lead"))
    if died and len(inner) >= 2 and inner[-1].value == died:
        out.append(Event("died", died, died_place, (), Evidence(inner[-1].start, inner[-1].end), 0.9, "events.lead"))
    return out
