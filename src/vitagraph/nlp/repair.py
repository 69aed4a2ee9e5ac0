"""The ``vitagraph_repair`` component: mends one parse error biographies make often.

"In 1685 Merian, her mother and her daughters went ...", "In 63 BC Cicero was
elected ...", "As consul in 63 BC, Cicero suppressed ...": the small English
model reads the name as part of the opening date phrase, and the verb loses its
subject. Everything downstream (whose event is it?) asks the parse, so the
subject is given back to the verb here, once, right after parsing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .edtf import _MONTHS
from .names import ERA_WORDS


def _is_date_word(t: Token) -> bool:
    return t.like_num or t.text in ERA_WORDS or t.lower_ in _MONTHS


def _main_verb(sent) -> Token | None:
    root = sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def repair_lost_subjects(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc  # list items are tagged, not parsed
    for sent in doc.sents:
        verb = _main_verb(sent)
        if verb is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for t in sent:
            if t.i >= verb.i or t.pos_ != "PROPN" or t.ent_type_ in ("DATE", "CARDINAL"):
                continue
            if t.dep_ == "pobj" and t.head.pos_ == "ADP" and t.head.i == sent.start and t.head.head.i == verb.i:
                dates = [c for c in t.children if c.dep_ in ("nummod", "compound") and c.i < t.i and _is_date_word(c)]
                if not dates or any(c.i < t.i and not _is_date_word(c) and c.dep_ == "compound" for c in t.children):
                    continue
                # "In 63 BC Cicero": the date is the preposition's object, the name the verb's subject
                last = max(dates, key=lambda c: c.i)
                for c in dates:
                    if c is not last:
                        c.head = last
                last.head, last.dep_ = t.head, "pobj"
            elif not (t.dep_ == "conj" and _is_date_word(t.head) and doc[t.i - 1].text == ","):
                continue  # "As consul in 63 BC, Cicero suppressed": hung on the date by a comma
            nxt = [s for s in subjects if s.i > t.i]
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if subjects and not nxt:
                break
            t.head, t.dep_ = verb, "nsubjpass" if passive else "nsubj"
            for s in nxt:  # "Merian, her mother and her two daughters": one subject, coordinated
                if all(doc[k].text == "," for k in range(t.i + 1, s.left_edge.i)):
                    s.head, s.dep_ = t, "conj"
            break
    return doc


@Language.factory("vitagraph_repair", requires=["token.dep", "token.pos"], assigns=["token.dep", "token.head"])
def make_repair(nlp: Language, name: str):
    return repair_lost_subjects
