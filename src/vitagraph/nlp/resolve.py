"""Document-level resolution: what each name is, and which names are one entity.

A name's label is decided once for the whole document by weighing the
evidence of all its occurrences (spaCy's votes, a title before it, "'s wife"
after it, "in"/"to" before it together with the gazetteer, being the surname
of a full name used elsewhere, being a title in the works list). Then names
are merged: surnames into full names, acronyms and parenthesised aliases into
organisations, historic and modern names of a place by the gazetteer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..folding import fold, initials
from ..model import Mention
from .names import PLACE_PREPOSITIONS, SPEAKER_VERBS, TITLES, Candidate

ORG_VERBS = {
    "join", "leave", "found", "expel", "lead", "dissolve", "establish", "co-found", "quit", "rejoin",
    "resign", "employ", "hire", "sponsor", "fund", "organize", "organise", "publish", "head", "direct",
}
ORG_WORDS = {
    "party", "committee", "union", "society", "association", "league", "council", "congress", "institute",
    "university", "college", "academy", "school", "press", "publishers", "publishing", "library", "museum",
    "company", "corporation", "bank", "army", "navy", "government", "ministry", "bureau", "agency",
    "federation", "front", "movement", "group", "gang", "international", "opposition", "church", "order",
    "brotherhood", "club", "foundation", "review", "journal", "times", "gazette", "herald", "tribune",
    "post", "magazine", "newspaper", "daily", "network", "orchestra", "theatre", "theater", "court",
    "parliament", "assembly", "senate", "police", "guard", "brigade", "regiment", "commission", "office",
    "service", "trust", "lab", "laboratory", "observatory", "hospital", "conservatory", "guild",
}
PLACE_WORDS = {
    "city", "town", "village", "river", "mountains", "mountain", "island", "islands", "province", "region", "hill", "hills",
    "valley", "lake", "sea", "ocean", "bay", "coast", "peninsula", "desert", "county", "district", "street",
    "square", "cemetery", "prison", "camp", "villa", "palace", "castle", "fortress", "cathedral", "abbey",
}
MOTION_VERBS = {
    "reach", "visit", "leave", "enter", "flee", "arrive", "return", "settle", "tour", "cross", "invade",
    "occupy", "capture", "liberate", "evacuate", "abandon", "escape", "emigrate", "move", "travel",
}
PERIODICAL_WORDS = {
    "journal", "journals", "newspaper", "magazine", "review", "periodical", "weekly", "daily", "gazette",
    "bulletin", "paper", "organ", "group", "party", "movement", "circle", "society", "committee",
    "association", "union", "club", "organization", "organisation", "publisher", "publishers", "firm",
}
NOT_ORG_ACRONYMS = {"TV", "DVD", "CD", "PHD", "MA", "BA", "BSC", "MSC", "DNA", "AIDS", "HIV", "WWI", "WWII", "OK", "AM", "PM", "BC", "AD", "CE", "BCE", "II", "III", "IV"}
EVENT_WORDS = {
    "century", "death", "plague", "restoration", "act", "law", "decree", "edict", "reformation", "renaissance",
    "war", "wars", "revolution", "trials", "trial", "terror", "policy", "uprising", "rebellion", "revolt",
    "conference", "campaign", "purge", "purges", "plan", "congress", "crisis", "massacre", "affair",
    "famine", "strike", "election", "elections", "treaty", "agreement", "pact", "games", "exhibition",
    "prize", "award", "award", "medal", "festival", "expedition", "siege", "battle", "offensive",
}
NON_NAMES = {
    "he", "she", "his", "her", "they", "it", "god", "party", "revolution", "opposition", "congress",
    "english", "french", "german", "russian", "spanish", "italian", "western", "eastern", "communist",
    "socialist", "modernist", "romance", "bolshevik", "tsarist", "soviet",
}


@dataclass
class Form:
    """All occurrences of one folded name."""

    key: str
    cands: list[Candidate] = field(default_factory=list)
    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    label: str | None = None

    @property
    def surface(self) -> str:
        # the most frequent surface, longest first on ties
        counts: dict[str, int] = defaultdict(int)
        for c in self.cands:
            counts[c.name or c.text] += 1
        return max(counts, key=lambda t: (counts[t], len(t)))


def strip_title(text: str) -> tuple[str, str | None]:
    """"Tsar Alexander II" -> ("Alexander II", "Tsar")."""
    parts = text.split()
    if len(parts) > 1 and parts[0].lower().rstrip(".") in {t.rstrip(".") for t in TITLES}:
        return " ".join(parts[1:]), parts[0]
    return text, None


@dataclass
class Resolution:
    mentions: list[Mention]
    """PERSON, ORG and PLACE mentions with entity ids."""
    entities: dict[str, dict]
    """id -> {label, name, aliases, mentions}."""
    place_of_entity: dict[str, object]
    """id -> gazetteer place for PLACE entities."""


def decide_labels(
    cands: list[Candidate],
    *,
    known_place,
    demonym,
    people_names: set[str],
    org_names: set[str],
    person_shape=lambda name: 0.5,
) -> dict[str, Form]:
    """Vote a label for every folded name; returns forms by key."""
    forms: dict[str, Form] = {}
    for c in cands:
        name, title = strip_title(c.name or c.text)
        key = fold(name)
        if not key or key in NON_NAMES or len(key) < 2:
            continue
        forms.setdefault(key, Form(key)).cands.append(c)
        if title and not c.title:
            c.title = title

    # Surnames of full names used anywhere (spaCy PERSON, translators from the works list).
    full_people = set(people_names)
    for f in forms.values():
        spacy_person = sum(c.label == "PERSON" for c in f.cands) >= max(1, len(f.cands) / 2)
        if len(f.key.split()) >= 2 and (spacy_person or person_shape(f.surface) >= 0.8):
            full_people.add(f.key)
    surname_of: dict[str, set[str]] = defaultdict(set)
    for full in full_people:
        parts = full.split()
        if len(parts) >= 2:
            surname_of[parts[-1]].add(full)

    for f in forms.values():
        v = f.votes
        words = f.key.split()
        last_word = words[-1]
        cue = any(c.prep in PLACE_PREPOSITIONS or (c.head_lemma in MOTION_VERBS and c.dep == "dobj") for c in f.cands)
        place = known_place(f.surface, cue)
        seen: dict[str, int] = defaultdict(int)
        for c in f.cands:
            # the model's votes on one name are not independent: each repeat counts less
            weight = 1.0 / (1 + 0.5 * seen[c.label])
            seen[c.label] += 1
            if c.label == "PERSON":
                v["PERSON"] += weight
            elif c.label == "ORG":
                v["ORG"] += weight
            elif c.label == "PLACE":
                v["PLACE"] += weight
            elif c.label == "FAC":
                v["PLACE"] += 0.5
                v["ORG"] += 0.3
            elif c.label == "NORP":
                if demonym(c.text) is None and c.text.endswith("s") and c.text[:1].isupper():
                    v["ORG"] += 0.6
            elif c.label == "WORK":
                # spaCy calls newspapers and journals works of art; the works list claimed the subject's own
                v["OTHER"] += 1.0
                if c.prep == "for" or c.before_word in PERIODICAL_WORDS:
                    v["ORG"] += 2.0
            elif c.label == "ACRONYM":
                v["ORG"] += 0.6
            elif c.label == "PROPN":
                pass  # no model vote: cues, lexicons and partners decide
            elif c.label in ("EVENT", "OTHER"):
                v["OTHER"] += 1
            if c.title:
                v["PERSON"] += 3
            if c.kin:
                v["PERSON"] += 3
            elif c.possessive:
                v["PERSON"] += 0.3
            if c.prep in PLACE_PREPOSITIONS and place is not None:
                v["PLACE"] += 1.5
            elif c.prep in PLACE_PREPOSITIONS and c.label == "PLACE" and c.prep not in ("with", "to"):
                v["PLACE"] += 1.2  # "at Arpinum": a place the gazetteer does not know
            if c.head_lemma in ORG_VERBS and c.dep in ("dobj", "pobj") and place is None:
                v["ORG"] += 1
            if c.prep == "with" or c.head_lemma in ("meet", "befriend"):
                v["PERSON"] += 0.3
            if c.dep == "nsubj" and c.head_lemma in SPEAKER_VERBS:
                v["PERSON"] += 1.0  # "Petrarch found the letters", "Quintilian wrote": someone
            if c.before_word in ("young", "elder", "younger", "old", "aged", "great", "late"):
                v["PERSON"] += 1.0  # "the young Octavian"
            if c.head_lemma in ("marry", "wed", "divorce") and c.dep in ("dobj", "nsubj", "pobj"):
                v["PERSON"] += 2.0  # one marries a person
            if c.head_lemma in MOTION_VERBS and c.dep == "dobj" and place is not None:
                v["PLACE"] += 1.5
            if c.modifier and place is not None and c.label != "PERSON":
                v["PLACE"] += 1.0
            if c.kin_noun:
                v["PERSON"] += 3
            if c.of_place_noun:
                v["PLACE"] += 2.5  # "the island of Rhodes", even one the gazetteer does not know
        shape = person_shape(f.surface)
        if shape >= 0.8 and len(words) >= 2:
            v["PERSON"] += 2.0  # "Given-name Surname" in any culture
        elif shape <= 0.1:
            v["PERSON"] -= 1.0
        if f.key in people_names:
            v["PERSON"] += 3
        named_in_prose_as_person = any(c.label == "PERSON" and c.component == "ner" for c in f.cands)
        if f.key in org_names and not (shape >= 0.8 and len(words) >= 2 and named_in_prose_as_person):
            v["ORG"] += 3
        if len(words) == 1 and f.key in surname_of and f.key not in org_names:
            # the surname of a full name used in the text: as strong as all of spaCy's votes together
            v["PERSON"] += 2.5 + 0.5 * len(f.cands)
        if len(words) >= 2 and re.fullmatch(r"(?:i{1,3}|iv|v|vi{1,3}|ix|x{1,2}(?:i{1,3}|iv|v|vi{1,3}|ix)?)", words[1 if len(words) > 2 else -1]) \
                and words[0] not in ORG_WORDS:
            v["PERSON"] += 3  # "Mithridates VI", "Andronikos III Palaiologos": a ruler's regnal number
        if last_word in ORG_WORDS and len(words) >= 2:
            v["ORG"] += 2
        head_words = f.key.split(" of ")[0].split()
        if last_word in EVENT_WORDS or (head_words and head_words[-1] in EVENT_WORDS):
            v["OTHER"] += 3
        if (len(words) >= 3 and set(words) & {"of", "and", "without", "in", "for", "to", "on"}
                and not set(words) & (ORG_WORDS | PLACE_WORDS) and place is None
                and not any(c.prep == "for" or c.before_word in PERIODICAL_WORDS for c in f.cands)):
            v["OTHER"] += 1.0  # "Secrets of Metamorphosis", "Life and Times of Rome": a title, not a body
        if (len(words) == 1 and last_word not in ORG_WORDS and not f.surface.isupper() and f.key not in org_names
                and f.cands and all(c.prep in PLACE_PREPOSITIONS or (c.head_lemma in MOTION_VERBS and c.dep == "dobj") for c in f.cands)
                and not any(c.head_lemma in ORG_VERBS for c in f.cands)):
            v["ORG"] -= 0.6  # "in the Tullianum", "crossed the Rubicon": where, not who
        if len(words) == 1 and f.cands and all(c.had_article for c in f.cands):
            v["PERSON"] -= 1.0  # "the Rihla", "the Verrines": people are not named with "the"
        if len(words) == 1 and f.cands and all(c.modifier for c in f.cands) and not f.surface.isupper() and place is None:
            v["ORG"] -= 1.0  # "Narodnik sympathizers": an adjective here, not a body
        if len(words) == 1 and re.search(r"(ism|isms|ist|ists)$", last_word):
            v["OTHER"] += 3
        if last_word in PLACE_WORDS and len(words) >= 2:
            v["PLACE"] += 1.5  # "Palatine Hill", "Waltha Castle": the noun says what it is
        if place is not None:
            kind = getattr(place, "kind", "")
            pop = getattr(place, "population", 0) or 0
            v["PLACE"] += 0.5 + (1.0 if kind in ("country", "historic_state", "continent", "region") else 0)
            v["PLACE"] += 1.0 if pop >= 1_000_000 else 0.6 if pop >= 100_000 else 0.0
            is_the_country = kind in ("country", "historic_state") and fold(getattr(place, "name", "")) in (f.key, "the " + f.key)
            if not is_the_country and (demonym(f.surface) is not None or is_demonym_of_place(f.surface, known_place)):
                v["PLACE"] = -5.0  # "Philippine", "Germans" (but "the Philippines" is the country)
        elif "PLACE" in v and last_word not in PLACE_WORDS and not any(c.of_place_noun for c in f.cands):
            # a "place" the gazetteer has never heard of is most likely a name of something else
            v["PLACE"] -= 1.2
        if re.fullmatch(r"[A-Z]{2,6}", f.surface) and v.get("PERSON", 0) < 3:
            v["ORG"] += 0.5
            v["PERSON"] = 0
            if f.surface.upper() in NOT_ORG_ACRONYMS:
                v["OTHER"] += 5
        f.label = _winner(v)

    # An acronym of something that is not an organisation is not one either ("NEP").
    expansions = {initials(f.surface).upper(): f for f in forms.values() if len(f.key.split()) >= 2}
    for f in forms.values():
        if f.label == "ORG" and re.fullmatch(r"[A-Z]{2,6}", f.surface):
            long = expansions.get(f.surface)
            if long is not None and long.label is None and long.votes.get("OTHER", 0) > 0:
                f.label = None

    # Coordinated names share a label: "Basra, Isfahan and Shiraz", "Babel, Mandelstam, and Pilnyak".
    key_at = {(c.start, c.end): f.key for f in forms.values() for c in f.cands}
    for _ in range(2):
        bonus: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for f in forms.values():
            for c in f.cands:
                for span in c.partners:
                    other = forms.get(key_at.get(span, ""))
                    if other is not None and other.label and other is not f:
                        bonus[f.key][other.label] += 1.0
        for key, extra in bonus.items():
            f = forms[key]
            votes = dict(f.votes)
            for label, n in extra.items():
                votes[label] = votes.get(label, 0.0) + min(n, 2.0)
            if label_of := _winner(votes):
                f.label = label_of
    return forms


def _winner(v: dict[str, float]) -> str | None:
    best = max(("PERSON", "ORG", "PLACE"), key=lambda k: v.get(k, 0.0))
    if v.get(best, 0.0) >= 0.9 and v.get(best, 0.0) > v.get("OTHER", 0.0):
        return best
    return None


def is_demonym_of_place(word: str, known_place) -> bool:
    """"Roman", "Venetian", "Parisian": an adjective of a place, not the place."""
    if " " in word or not word[:1].isupper():
        return False
    low = word.lower()
    for suffix, repl in (("ian", ""), ("ian", "e"), ("ian", "y"), ("an", "e"), ("an", ""), ("an", "a"), ("ese", ""), ("ese", "e"), ("ish", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            p = known_place(stem, False)
            if p is not None and getattr(p, "kind", "") in ("city", "country", "region", "historic_state"):
                return True
    return False


def cluster(forms: dict[str, Form], *, subject_keys: set[str]) -> dict[str, str]:
    """Map each labelled form key to a canonical key (its entity)."""
    canon: dict[str, str] = {}
    people = [k for k, f in forms.items() if f.label == "PERSON"]
    multi = [k for k in people if len(k.split()) >= 2]
    for k in people:
        canon[k] = k
    # a single word (or shorter name) joins the unique longer name that ends with it
    for k in people:
        parts = k.split()
        if len(parts) >= 2 and k not in subject_keys:
            continue
        hosts = [m for m in multi if m != k and (m.split()[-1] == parts[-1] or m.endswith(" " + k))]
        if k in subject_keys:
            continue
        if len(hosts) == 1:
            canon[k] = hosts[0]
        elif len(hosts) > 1:
            # prefer the host used most often
            canon[k] = max(hosts, key=lambda h: len(forms[h].cands))
    # shorter multi-word names contained in a longer one ("Natalia Sedova" in "Natalia Sedova Trotsky")
    for k in multi:
        if canon[k] != k:
            continue
        longer = [m for m in multi if m != k and m.startswith(k + " ")]
        if len(longer) == 1:
            canon[k] = longer[0]

    orgs = [k for k, f in forms.items() if f.label == "ORG"]
    for k in orgs:
        canon[k] = k
    by_initials: dict[str, str] = {}
    for k in orgs:
        surface = forms[k].surface
        if len(k.split()) >= 2:
            ini = initials(strip_title(surface)[0]).upper()
            if len(ini) >= 2:
                by_initials.setdefault(ini, k)
    for k in orgs:
        surface = forms[k].surface
        if re.fullmatch(r"[A-Z]{2,6}", surface) and surface in by_initials:
            canon[k] = by_initials[surface]
    # "Communist Party" is the "Russian Communist Party" when that is the only longer name ending so
    for k in orgs:
        if canon[k] != k or len(k.split()) < 2:
            continue
        longer = [m for m in orgs if m != k and m.endswith(" " + k) and canon[m] == m]
        if len(longer) == 1:
            canon[k] = longer[0]
    return canon


def parenthetical_aliases(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Pairs (name, alias) written "Name (Alias)" or "Name, or Alias," in the text."""
    pairs = []
    by_start = {s: (e, k) for s, e, k in mentions}
    for s, e, k in mentions:
        rest = text[e : e + 4]
        m = re.match(r"\s?\(", rest)
        if not m:
            continue
        inner_start = e + m.end()
        while inner_start < len(text) and text[inner_start] in " \"'“":
            inner_start += 1
        if inner_start in by_start:
            e2, k2 = by_start[inner_start]
            if text[e2 : e2 + 2].lstrip("\"'”")[:1] == ")" or text[e2 : e2 + 1] == ")":
                pairs.append((k, k2))
    return pairs


__all__ = ["Form", "decide_labels", "cluster", "parenthetical_aliases", "strip_title", "PLACE_PREPOSITIONS"]
