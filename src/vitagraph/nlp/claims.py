"""Attributed claims: who said what about the subject or the subject's work.

A claim is a reporting or judging verb ("call", "describe", "praise",
"consider", "write", "say") whose grammatical subject is a named person
other than the subject, in a sentence about the subject (a pronoun, a
subject name or one of the subject's works), or an "according to X" clause.
The quoted words, when there are any, are the claim's quote.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from spacy.tokens import Doc

from ..model import Claim, Evidence

REPORTING = {
    "call", "describe", "praise", "hail", "consider", "regard", "deem", "write", "say", "note", "argue",
    "claim", "remark", "observe", "declare", "characterize", "characterise", "label", "dub", "acclaim",
    "criticize", "criticise", "condemn", "rank", "compare", "laud", "admire", "celebrate", "judge",
    "believe", "suggest", "state", "assert", "insist", "maintain", "conclude", "recall", "name",
    "credit", "dismiss", "attack", "defend", "commend", "applaud", "review", "compare", "find",
}
QUOTE = re.compile(r"[\"“]([^\"”]{2,400})[\"”]")


def find_claims(
    docs: Iterable[tuple[int, Doc]],
    *,
    speaker_of: Callable[[int, int], tuple[str, str] | None],
    about_subject: Callable[[int, int], str | None],
) -> list[Claim]:
    """Claims in prose Docs; ``docs`` are (offset, Doc) pairs in document coordinates.

    ``speaker_of(start, end)`` names the person entity whose mention covers a
    token range (or None); ``about_subject(start, end)`` says whether a
    sentence is about the subject or one of the works (and which).
    """
    claims: list[Claim] = []
    for offset, doc in docs:
        for sent in doc.sents:
            s0, s1 = offset + sent.start_char, offset + sent.end_char
            about = about_subject(s0, s1)
            if about is None:
                continue
            for tok in sent:
                speaker = None
                verb = None
                if tok.lemma_.lower() in REPORTING and tok.pos_ in ("VERB", "AUX"):
                    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                    for s in subj:
                        found = speaker_of(offset + s.left_edge.idx, offset + s.right_edge.idx + len(s.right_edge))
                        if found:
                            speaker, verb = found, tok.lemma_.lower()
                            break
                elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    obj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
                    for o in obj:
                        found = speaker_of(offset + o.left_edge.idx, offset + o.right_edge.idx + len(o.right_edge))
                        if found:
                            speaker, verb = found, "according to"
                if not speaker:
                    continue
                quote = None
                m = QUOTE.search(sent.text)
                if m:
                    quote = Evidence(s0 + m.start(1), s0 + m.end(1))
                claims.append(
                    Claim(
                        speaker=speaker[0],
                        speaker_entity=speaker[1],
                        verb=verb or "",
                        about=about,
                        quote=quote,
                        evidence=Evidence(s0, s1),
                    )
                )
                break
    return claims
