"""The ``vitagraph_names`` component: spaCy's entities, cleaned, with the cues
that later decide what each name really is.

en_core_web_sm's raw entities are a floor: boundaries swallow "the", "'s",
parentheses and trailing clauses ("the United Opposition with Trotsky"), and
labels flip between sentences. This component only *cleans boundaries* and
*records evidence* (the preposition governing the name, a title before it,
a possessive after it, the verb it depends on); the document-level resolver
(``resolve.py``) votes over all of a name's occurrences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .lexicons import KIN_NOUNS, PERSON_NOUNS

_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_ROMAN = re.compile(r"[IVXLCDM]+")

LABEL_MAP = {
    "ACRONYM": "ACRONYM",
    "PROPN": "PROPN",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "FAC",
    "NORP": "NORP",
    "WORK_OF_ART": "WORK",
    "EVENT": "EVENT",
    "PRODUCT": "OTHER",
    "LAW": "OTHER",
}

# Lower-case words that may sit inside a proper name ("Tierra y Libertad",
# "Library of Congress", "Ludwig van Beethoven"); any other lower-case word
# ends the name.
NAME_CONNECTORS = {
    "of", "the", "and", "for", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la",
    "le", "les", "y", "e", "von", "van", "der", "den", "al", "el", "bin", "ibn", "ben", "zu", "on", "in",
    "&", "'s", "upon", "am", "an", "st", "st.", "d'", "l'",
}

TITLES = {
    "tsar", "czar", "tsarina", "king", "queen", "emperor", "empress", "prince", "princess", "duke",
    "duchess", "count", "countess", "baron", "baroness", "lord", "lady", "sir", "dame", "pope",
    "president", "premier", "chancellor", "minister", "general", "admiral", "colonel", "captain",
    "major", "lieutenant", "marshal", "sergeant", "dr", "dr.", "doctor", "professor", "prof", "prof.",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "monsieur", "comrade", "rabbi",
    "father", "brother", "sister", "bishop", "archbishop", "cardinal", "sultan", "caliph", "shah",
    "khan", "emir", "rev", "rev.", "reverend", "governor", "senator", "judge", "mayor", "chairman",
}

ERA_WORDS = {"BC", "BCE", "AD", "CE", "B.C.", "A.D."}

PLACE_PREPOSITIONS = {
    "in", "to", "from", "at", "near", "into", "across", "through", "toward", "towards", "via",
    "outside", "around", "throughout", "within", "inside", "onto", "back",
}



@dataclass
class Candidate:
    """One cleaned name occurrence, in document coordinates."""

    start: int
    end: int
    text: str
    label: str
    """PERSON, ORG, PLACE, FAC, NORP, WORK, EVENT or OTHER (spaCy's vote)."""
    sentence: tuple[int, int]
    prep: str | None = None
    """Preposition governing it ("in", "to", "with"), lower-cased."""
    title: str | None = None
    """A title word just before or at the start ("Tsar")."""
    possessive: bool = False
    kin: bool = False
    """Followed by "'s wife", "'s son": certainly a person."""
    head_lemma: str | None = None
    dep: str | None = None
    partners: list = field(default_factory=list)
    """(start, end) of the names it is coordinated with: "Basra, Isfahan and Shiraz" share a label."""
    kin_noun: bool = False
    """Apposition to a kinship noun ("his daughter Liuba")."""
    modifier: bool = False
    """A compound modifier of a common noun ("the Kronstadt rebellion")."""
    before_word: str | None = None
    """The word before it (after an article), lower-cased: "journal" in "the journal L'Anarchie"."""
    name: str | None = None
    """The name as a name, when the text inverts it: "Auguste Dick" for "Dick, Auguste"."""
    of_place_noun: bool = False
    """"the island of Rhodes": named as a place by the noun before it."""
    had_article: bool = False
    component: str = "ner"
    extra: dict = field(default_factory=dict)


if not Doc.has_extension("vg_candidates"):
    Doc.set_extension("vg_candidates", default=None)
if not Doc.has_extension("vg_offset"):
    Doc.set_extension("vg_offset", default=0)


def _cut(span: Span) -> list[Span]:
    """Trim a raw entity to the name(s) inside it."""
    doc = span.doc
    start, end = span.start, span.end
    # leading articles and titles we record separately
    while start < end and doc[start].lower_ in ("the", "a", "an") and end - start > 1:
        start += 1
    # stop at parentheses, newlines, quotes and lower-case non-connectors
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        tok = doc[i]
        breaks = (
            tok.is_space
            or "\n" in tok.text_with_ws and i < end - 1 and "\n" in tok.whitespace_
            or tok.text in ("(", ")", "[", "]", '"', "“", "”", ";", ":", "–", "—")
            or (tok.is_lower and tok.is_alpha and tok.lower_ not in NAME_CONNECTORS and i > start
                and not (doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_))  # "Port-au-Prince"
            or (tok.text == "," and tok.i > start)
        )
        if breaks:
            if i > s:
                pieces.append((s, i))
            s = i + 1
    if s < end:
        pieces.append((s, end))
    out = []
    for a, b in pieces:
        # trailing possessives, punctuation and connectors
        while b > a and (doc[b - 1].tag_ == "POS" or doc[b - 1].is_punct or doc[b - 1].lower_ in NAME_CONNECTORS
                         or doc[b - 1].like_num or doc[b - 1].text in ERA_WORDS):
            b -= 1
        while a < b and doc[a].text in ERA_WORDS:
            a += 1
        while a < b and (doc[a].is_punct or (doc[a].lower_ in NAME_CONNECTORS and doc[a].text not in _NAME_PARTICLES)):
            a += 1  # ("Ibn Khaldun" keeps its "Ibn")
        if b <= a:
            continue
        piece = doc[a:b]
        text = piece.text
        if not any(c.isupper() for c in text[:1]) and not text[:1].isdigit():
            continue
        if len(text) < 2 or text.isdigit():
            continue
        out.append(piece)
    return out


_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ibn", "bin", "al", "el", "ben", "zu", "y", "dos", "das"}


def _is_name_token(tok) -> bool:
    # without a tagger (list items get NER only) a capitalised non-stop word will do
    propn = tok.pos_ == "PROPN" if tok.doc.has_annotation("TAG") else (tok.is_title and not tok.is_stop)
    return propn and tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in TITLES and not tok.ent_type_


def _extend_person(span: Span) -> Span:
    """Grow a PERSON entity over adjacent capitalised proper nouns ("André" + "Gide")."""
    doc = span.doc
    a, b = span.start, span.end
    while a > 0 and _is_name_token(doc[a - 1]) and not doc[a - 1].is_sent_start and not doc[a - 1].whitespace_ == "":
        a -= 1
    while b < len(doc) and doc[b - 1].whitespace_ == " ":
        tok = doc[b]
        if _is_name_token(tok) or (_INITIAL.fullmatch(tok.text) and b + 1 < len(doc) and doc[b + 1].text[:1].isupper()):
            b += 1
        elif tok.lower_ in PARTICLES and b + 1 < len(doc) and (doc[b + 1].text[:1].isupper() or doc[b + 1].lower_ in PARTICLES):
            k = b
            while k < len(doc) and doc[k].lower_ in PARTICLES:
                k += 1
            if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
                b = k + 1
            else:
                break
        elif tok.lower_ == "the" and b + 1 < len(doc) and doc[b + 1].lower_ in EPITHETS:
            b += 2
        elif (tok.lower_ == "of" and b - a <= 2 and b + 1 < len(doc) and doc[b + 1].text[:1].isupper()
              and doc[b + 1].is_alpha and (b + 2 >= len(doc) or not doc[b + 2].text[:1].isupper())):
            b += 2  # "Philo of Larissa", "Philip II of Macedon": a name with its place epithet
        else:
            break
    return doc[a:b]


EPITHETS = {"elder", "younger", "great", "bold", "wise", "lame", "pious", "conqueror", "magnificent", "fair", "good", "just", "confessor", "navigator", "terrible"}


PLACE_NOUNS_OF = frozenset({
    "island", "isle", "city", "town", "village", "province", "region", "kingdom", "county", "duchy",
    "principality", "port", "fortress", "republic", "territory", "valley", "river", "lake", "coast",
    "peninsula", "colony", "district", "canton", "emirate", "sultanate", "khanate", "state", "oasis",
})


def _of_place_noun(root: Token) -> bool:
    """"the island of Rhodes", "the town of Pindenissum": a place, whatever the model says."""
    return (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN"
            and root.head.head.lemma_.lower() in PLACE_NOUNS_OF and root.head.head.i < root.i)


SPEAKER_VERBS = frozenset({
    "say", "write", "call", "praise", "judge", "admire", "consider", "describe", "think", "believe", "argue",
    "claim", "complain", "declare", "reply", "insist", "recall", "remember", "find", "discover", "recognize",
    "recognise", "note", "observe", "remark", "condemn", "criticize", "criticise", "mock", "dismiss", "hail",
})


def _speaker(tok: Token) -> bool:
    """"Petrarch found the letters", "Quintilian wrote": a proper noun acting as someone does."""
    return tok.tag_ == "NNP" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEAKER_VERBS


def _uncovered_names(doc: Doc) -> list[Span]:
    """Proper-noun runs spaCy left untagged but the grammar marks as names:
    coordinated with a tagged name ("Babel, Mandelstam, and Pilnyak") or the
    object of a place preposition ("to Bukhara")."""
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    ent_heads = {e.root.i for e in doc.ents}
    found = []
    i = 0
    while i < len(doc):
        if i in covered or not _is_name_token(doc[i]) or (doc[i].is_sent_start and not _speaker(doc[i])):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and _is_name_token(doc[j]):
            j += 1
        run = doc[i:j]
        root = run.root
        linked = root.dep_ in ("conj", "appos") and root.head.i in ent_heads
        linked = linked or any(t.dep_ in ("conj", "appos") and t.head.i == root.i for t in doc if t.i in ent_heads)
        placed = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS or _of_place_noun(root)
        if (linked or placed or _speaker(root)) and len(run) <= 4:
            found.append(run)
        i = j
    return found


_NAME_PARTICLES = {"Ibn", "Ben", "Bin", "Abu", "Abd", "Bint", "Ould", "Ibnu", "Al", "El"}


def _join_split_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """"International Congress of Writers" + "for the" + "Defence of Culture": one name, as written;
    "Johann Gottfried" + "Ludwig Kosegarten": one person; "Ibn" + "Khaldun": one name."""
    ents = sorted(ents, key=lambda e: e.start)
    ents = [Span(doc, e.start - 1, e.end, label=e.label_)
            if e.start > 0 and doc[e.start - 1].text in _NAME_PARTICLES and (e.start - 1 == 0 or doc[e.start - 2].text not in _NAME_PARTICLES)
            and not any(o.start <= e.start - 1 < o.end for o in ents) else e for e in ents]
    out: list[Span] = []
    for e in ents:
        if out and out[-1].label_ == "PERSON" and e.label_ == "PERSON" and out[-1].end == e.start \
                and doc[out[-1].end - 1].whitespace_ == " " and not doc[out[-1].end - 1].is_punct:
            out[-1] = Span(doc, out[-1].start, e.end, label="PERSON")
            continue
        if out and out[-1].label_ == "ORG" and e.label_ in ("ORG", "WORK_OF_ART"):
            gap = [t.lower_ for t in doc[out[-1].end : e.start]]
            if gap and len(gap) <= 2 and all(w in ("of", "for", "the", "de", "du", "des") for w in gap) and gap[0] != "the":
                out[-1] = Span(doc, out[-1].start, e.end, label="ORG")
                continue
        out.append(e)
    return out


_AND_COUNTRIES = {"trinidad and tobago", "bosnia and herzegovina", "antigua and barbuda", "saint kitts and nevis",
                  "st kitts and nevis", "sao tome and principe", "são tomé and príncipe", "turks and caicos islands",
                  "saint vincent and the grenadines", "wallis and futuna", "heard island and mcdonald islands"}


def _split_coordinated_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Bukhara and Samarkand", "Ronda, Málaga and Granada": the model tags a list of places as one."""
    out = []
    for e in ents:
        if e.label_ not in ("GPE", "LOC") or e.text.lower() in _AND_COUNTRIES or not any(
            t.lower_ in ("and", ",") for t in e[1:-1]
        ):
            out.append(e)
            continue
        start = e.start
        for t in e:
            if t.lower_ in ("and", ","):
                if t.i > start:
                    out.append(Span(doc, start, t.i, label=e.label_))
                start = t.i + 1
        if start < e.end:
            out.append(Span(doc, start, e.end, label=e.label_))
    return out


def _whole_compound(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Quintus Aelius" + "Tubero": a name the model cut before the proper noun its last
    word is a compound of runs on to that noun."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for e in ents:
        end = e.end
        while (end < len(doc) and end not in taken and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end
               and doc[end].pos_ == "PROPN" and doc[end - 1].whitespace_ and doc[end].i <= doc[end - 1].head.i):
            end += 1
        out.append(Span(doc, e.start, end, label=e.label_) if end != e.end else e)
    return out


def _whole_hyphenated(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Port" of "Port-au-Prince", "Aix" of "Aix-en-Provence": a name runs to the end of its
    hyphenated word, with no space on either side of each hyphen."""
    out = []
    for e in ents:
        end = e.end
        while (end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_
               and not doc[end].whitespace_ and doc[end + 1].is_alpha):
            end += 2
        out.append(Span(doc, e.start, end, label=e.label_) if end != e.end else e)
    return out


def candidates_from(doc: Doc) -> list[Candidate]:
    offset = doc._.vg_offset or 0
    out: list[Candidate] = []
    ents = list(doc.ents)
    if doc.has_annotation("DEP"):
        ents += [Span(doc, s.start, s.end, label="PROPN") for s in _uncovered_names(doc)]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    for tok in doc:
        # acronyms spaCy leaves untagged ("supported the POUM")
        if tok.i not in covered and _ACRONYM.fullmatch(tok.text) and not _ROMAN.fullmatch(tok.text):
            ents.append(Span(doc, tok.i, tok.i + 1, label="ACRONYM"))
    ents = _join_split_names(doc, _whole_compound(doc, _whole_hyphenated(doc, _split_coordinated_places(doc, ents))))
    pieces: list[tuple[Span, str, bool]] = []
    for ent in ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        had_article = doc[ent.start].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        for piece in _cut(ent):
            if label == "PERSON":
                piece = _extend_person(piece)
            pieces.append((piece, label, had_article))
    roots = {piece.root.i: piece for piece, _, _ in pieces}
    for piece, label, had_article in pieces:
        c = _candidate(piece, label, offset, had_article)
        if doc.has_annotation("DEP"):
            root = piece.root
            linked = [roots[root.head.i]] if root.dep_ in ("conj", "appos") and root.head.i in roots else []
            linked += [roots[t.i] for t in root.children if t.dep_ in ("conj", "appos") and t.i in roots]
            c.partners = [(offset + p.start_char, offset + p.end_char) for p in linked if p is not piece]
        out.append(c)
    return out


def _candidate(piece: Span, label: str, offset: int, had_article: bool) -> Candidate:
    doc = piece.doc
    sent = piece.sent if doc.has_annotation("SENT_START") else doc[:]
    title = None
    first = doc[piece.start]
    before = doc[piece.start - 1] if piece.start > 0 else None
    if first.lower_.rstrip(".") in {t.rstrip(".") for t in TITLES} and len(piece) > 1:
        title = first.text
    elif before is not None and before.lower_ in TITLES and before.text[:1].isupper():
        title = before.text
    after = doc[piece.end] if piece.end < len(doc) else None
    possessive = after is not None and after.tag_ == "POS"
    kin = possessive and piece.end + 1 < len(doc) and doc[piece.end + 1].lower_ in KIN_NOUNS
    root = piece.root
    prep = None
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        prep = root.head.lower_
    elif root.dep_ in ("conj", "appos") and root.head.dep_ == "pobj" and root.head.head.pos_ == "ADP":
        prep = root.head.head.lower_
    elif before is not None and before.lower_ in PLACE_PREPOSITIONS:
        prep = before.lower_
    elif before is not None and before.lower_ == "the" and piece.start > 1 and doc[piece.start - 2].lower_ in PLACE_PREPOSITIONS:
        prep = doc[piece.start - 2].lower_
    relation_nouns = KIN_NOUNS | PERSON_NOUNS
    kin_noun = (root.dep_ == "appos" and root.head.lower_ in relation_nouns) or any(
        c.dep_ == "appos" and c.lemma_.lower() in relation_nouns for c in root.children  # "Chrysogonus, a freedman"
    ) or (
        piece.start > 0 and doc[piece.start - 1].lower_ in relation_nouns and doc[piece.start - 1].pos_ in ("NOUN", "ADJ")
    )
    modifier = root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN"
    k = piece.start - 1
    while k >= 0 and doc[k].lower_ in ("the", "a", "an", '"', "“", "'"):
        k -= 1
    before_word = doc[k].lower_ if k >= 0 else None
    return Candidate(
        start=offset + piece.start_char,
        end=offset + piece.end_char,
        text=piece.text,
        label=label,
        sentence=(offset + sent.start_char, offset + sent.end_char),
        prep=prep,
        title=title,
        possessive=possessive,
        kin=kin,
        head_lemma=root.head.lemma_.lower() if root.head.i != root.i else None,
        dep=root.dep_,
        had_article=had_article,
        kin_noun=kin_noun,
        modifier=modifier,
        before_word=before_word,
        of_place_noun=_of_place_noun(root),
    )


@Language.factory(
    "vitagraph_names",
    assigns=["doc._.vg_candidates"],
    requires=["doc.ents"],
)
def make_names(nlp: Language, name: str) -> "NameCandidates":
    return NameCandidates()


class NameCandidates:
    """Cleaned entity candidates with their cues, in ``doc._.vg_candidates``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.vg_candidates = candidates_from(doc)
        return doc
