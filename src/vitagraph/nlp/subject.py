"""Who the article is about, and every name it goes by.

An encyclopedia article names its subject in the title, repeats the full
name in the first sentence, gives a birth name ("born Viktor Lvovich
Kibalchich", "née Skłodowska") and pen names ("under the pseudonym X"), and
then uses the surname and pronouns. This module turns those conventions into
a name set and a gender, so the resolver can attach mentions to the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..document import Document
from ..folding import fold

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "c", "circa", "about", "around", "in", "on",
}
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*(?:\s+(?:(?:de|da|del|di|van|von|der|le|la|du|ibn|bin|al|y|e|dos|das)\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*){0,7}"
_BORN = re.compile(r"(?<![\w-])(?:born|née|nee|birth name)\s+(?P<name>" + _NAME + ")")
_PEN = re.compile(
    r"\b(?:pseudonym|pen[- ]name|nom de plume|nom de guerre|nicknamed?|known as|also called|called|alias|signed as|under the name)"
    r"\s+(?:of\s+)?[\"“'‘]?(?P<name>" + _NAME + ")"
)
_OPENING = re.compile(r"^\s*(?P<name>" + _NAME + r")\s*(?:\(|,|\bwas\b|\bis\b|\bwere\b)")
_TITLE_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")
NAME_KEYS = ("name", "full name", "birth name", "born as", "other names", "pen name", "pseudonym", "nickname", "also known as")


@dataclass
class SubjectInfo:
    name: str
    aliases: list[str] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    """Folded words of all the subject's names: a mention made only of them is the subject."""
    gender: str | None = None

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(fold(n) for n in [self.name, *self.aliases])

    @cached_property
    def _surnames(self) -> frozenset[str]:
        return frozenset(k.split()[-1] for k in self._keys if k)

    def matches(self, name: str) -> bool:
        """Is this name one of the subject's ("Serge", "Victor Kibalchich", "Maria S. Merian")?"""
        key = fold(name)
        if not key:
            return False
        if key in self._keys:
            return True
        # made only of the subject's name words, with a surname or two of them;
        # an initial counts when it is the initial of one of those words
        initials = {t[0] for t in self.tokens}
        words = [w for w in key.split() if not (len(w) == 1 and w in initials)]
        return bool(words) and set(words) <= self.tokens and (bool(set(words) & self._surnames) or len(words) >= 2)


def _clean_name(raw: str) -> str:
    words = raw.strip(" ,.;:\"'“”‘’").split()
    while words and words[-1].lower().strip(".,") in MONTHS | {"and", "or", "was", "is"}:
        words.pop()
    while words and words[-1][:1].isdigit():
        words.pop()
    return " ".join(words)


def find_subject(document: Document) -> SubjectInfo | None:
    text = document.text
    name = None
    if document.title:
        name = _TITLE_QUALIFIER.sub("", document.title).strip()
    field = document.field("name")
    if not name and field:
        name = field.value
    lead_end = document.sections[0].span.start if document.sections else min(len(text), 3000)
    lead = text[:lead_end]
    if not name:
        m = re.search(_NAME, lead)
        name = m.group(0) if m else None
    if not name:
        return None
    info = SubjectInfo(name=name)
    aliases: list[str] = []
    for key in NAME_KEYS[1:]:
        f = document.field(key)
        if f:
            aliases += [p.strip() for p in re.split(r"[;,]| or ", f.value) if p.strip()]
    first_para = document.paragraphs[0].span.of(text) if document.paragraphs else lead
    opening = _OPENING.match(first_para)
    if opening:
        # the lead opens with the full name: "Marcus Tullius Cicero (3 January 106 BC – ...) was ..."
        full = _clean_name(opening.group("name"))
        if set(fold(full).split()) & set(fold(name).split()):
            aliases.append(full)
    for m in _BORN.finditer(first_para):
        aliases.append(_clean_name(m.group("name")))
    for m in _PEN.finditer(text):
        candidate = _clean_name(m.group("name"))
        # only when the sentence is about the subject (mentions a subject word or a pronoun)
        sentence_start = max(text.rfind(". ", 0, m.start()), 0)
        sentence = text[sentence_start : m.end()]
        if any(w in fold(sentence).split() for w in fold(name).split()) or re.search(r"\b(he|she|his|her)\b", sentence):
            aliases.append(candidate)
    seen = {fold(name)}
    for a in aliases:
        k = fold(a)
        if a and k and k not in seen and len(a) > 1:
            seen.add(k)
            info.aliases.append(a)
    info.tokens = {w for n in [name, *info.aliases] for w in fold(n).split()}
    he = len(re.findall(r"\b(?:he|his|him|himself)\b", text, re.IGNORECASE))
    she = len(re.findall(r"\b(?:she|her|hers|herself)\b", text, re.IGNORECASE))
    if he or she:
        info.gender = "male" if he > she else "female"
    return info
