"""Given names: does a name have the shape of a person's name?

en_core_web_sm often labels a full personal name as ORG or GPE ("Romain Rolland"
as ORG, "Liuba" as GPE). A lexicon of given names from many cultures
(``data/given_names.txt``) lets the resolver recognise "Given-name Surname",
"J. R. Surname", "Given van Surname", "Surname Given-name" (Chinese, Korean,
Japanese, Hungarian order) as a person without knowing the surname.

* :func:`is_given_name` -- one word against the lexicon, ignoring case and accents;
  a hyphenated word matches when it is listed whole ("Il-sung") or when every part
  is a given name ("Jean-Paul"); initials ("J.") are never names.
* :func:`is_ambiguous` -- names that are as often places, titles or words
  ("Florence", "Georgia", "Roman", "Grace"): the lexicon's ``# ambiguous`` section.
  They are not given names unless ``is_given_name(..., ambiguous=True)``.
* :func:`looks_like_person` -- a score in [0, 1] for a whole name: about 0.9 for
  "Romain Rolland" or "D.J. Cotterill", 0.5 for a lone given name ("Liuba"),
  0.2 for an unknown single word ("Trotsky": no evidence either way) and 0.05 when
  a word of organisations, places or events vetoes it ("Pioneer Publishers",
  "Mexico City", "Red Terror", "New York").

The lexicon is read once (about 6,000 names, a few hundred kB, ~10 ms).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "given_names.txt"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[‐‑‒–—]")
_JOINERS = re.compile(r"['\-·.]")


def name_key(word: str) -> str:
    """Case- and accent-folded form of one word ("Panaït" -> "panait")."""
    s = _DASHES.sub("-", word.translate(_APOSTROPHES))
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    # letters that NFKD does not decompose
    s = s.casefold().replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ð", "d")
    for a, b in (("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ı", "i"), ("ß", "ss")):
        s = s.replace(a, b)
    return s.strip()


class Lexicon(NamedTuple):
    names: frozenset[str]
    ambiguous: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The given-name lexicon, loaded once."""
    names: set[str] = set()
    ambiguous: set[str] = set()
    target = names
    with open(DATA_FILE, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                if line[1:].strip().casefold() == "ambiguous":
                    target = ambiguous
                continue
            key = name_key(line)
            target.add(key)
            bare = _JOINERS.sub("", key)
            if bare != key:  # "Il-sung" also as "Ilsung", "Ze'ev" as "Zeev"
                target.add(bare)
    names -= ambiguous
    return Lexicon(frozenset(names), frozenset(ambiguous))


# --- one word -----------------------------------------------------------------------

_EDGE_PUNCT = "\"'“”‘’«»„‚()[]{},;:!?"
_POSSESSIVE = re.compile(r"['’]s$")
_WORDLIKE = re.compile(r"^[^\W\d_]+(?:['’·\-‐‑–][^\W\d_]+)*$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.[-‐]?)+[^\W\d_]?$|^[^\W\d_]$")


def _clean(word: str) -> str:
    w = word.strip().strip(_EDGE_PUNCT)
    return _POSSESSIVE.sub("", w) if len(w) > 3 else w


def is_initials(word: str) -> bool:
    """"J.", "D.J.", "J.-P." or a lone letter."""
    return bool(_INITIALS.match(_clean(word)))


def _lookup(key: str, ambiguous: bool) -> bool:
    lex = lexicon()
    if key in lex.names or (ambiguous and key in lex.ambiguous):
        return True
    bare = _JOINERS.sub("", key)
    if bare != key and (bare in lex.names or (ambiguous and bare in lex.ambiguous)):
        return True
    return False


def is_given_name(word: str, *, ambiguous: bool = False) -> bool:
    """Is this word a given name? Case- and accent-insensitive.

    "Panait" = "Panaït"; "Jean-Paul" is one when both parts are; "J." is not.
    Names of the ambiguous section ("Florence") count only with ``ambiguous=True``.
    """
    w = _clean(word)
    if len(w) < 2 or not _WORDLIKE.match(w):
        return False
    key = name_key(w)
    if _lookup(key, ambiguous):
        return True
    if "-" in key:
        parts = [p for p in key.split("-") if p]
        return len(parts) > 1 and all(len(p) > 1 and _lookup(p, ambiguous) for p in parts)
    return False


def is_ambiguous(word: str) -> bool:
    """Is this word a given name that is as often a place, title or word ("Georgia")?"""
    w = _clean(word)
    if len(w) < 2 or not _WORDLIKE.match(w):
        return False
    key = name_key(w)
    amb = lexicon().ambiguous
    return key in amb or _JOINERS.sub("", key) in amb


# --- a whole name -------------------------------------------------------------------

#: Lower-case words that sit inside personal names ("Ludwig van Beethoven",
#: "Ali ibn Abi Talib", "José Ortega y Gasset").
PARTICLES = frozenset({
    "van", "von", "de", "di", "da", "del", "della", "delle", "dei", "degli", "der", "den", "ter",
    "ten", "du", "des", "la", "le", "lo", "y", "e", "i", "ibn", "bin", "bint", "ben", "bat", "al",
    "el", "ul", "ud", "ad", "ash", "as", "an", "az", "abu", "zu", "zum", "zur", "af", "av", "do",
    "dos", "das", "d'", "l'", "vom", "op", "het", "'t", "mac", "ap", "ab", "of", "wa", "bar",
})
#: Capitalised, these open a personal name ("Van Gogh", "Ibn Khaldun", "Abu Bakr").
_NAME_PREFIXES = frozenset({
    "van", "von", "de", "di", "da", "del", "della", "du", "ibn", "bin", "ben", "abu", "mac", "ap",
    "bint", "ter", "ten", "dos", "das", "do",
})
#: Capitalised, these open a title or a place more often than a name ("Le Monde", "El Paso").
_ARTICLES = frozenset({
    "the", "le", "la", "les", "el", "los", "las", "il", "lo", "die", "der", "das", "al", "a", "an",
})

TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mme", "mlle", "madame", "mademoiselle", "monsieur", "m", "herr",
    "frau", "fraulein", "dr", "doctor", "prof", "professor", "sir", "dame", "lady", "lord", "tsar",
    "czar", "tsarina", "tsarevich", "king", "queen", "emperor", "empress", "prince", "princess",
    "duke", "duchess", "count", "countess", "baron", "baroness", "pope", "president", "premier",
    "general", "admiral", "colonel", "captain", "major", "lieutenant", "marshal", "comrade",
    "rabbi", "father", "brother", "sister", "mother", "bishop", "archbishop", "cardinal", "sultan",
    "shah", "khan", "emir", "rev", "reverend", "senor", "senora", "signor", "signora", "don",
    "dona", "gospodin", "tovarishch", "imam", "sheikh", "shaykh", "mullah", "ayatollah", "maharaja",
    "raja", "rani", "pandit", "swami", "shri", "mahatma", "chief", "judge", "senator", "governor",
    "chairman", "marquis", "marquess", "viscount", "earl",
})
#: Abbreviated given names of older English sources ("Wm. Morris").
_ABBREVIATED = frozenset({
    "wm", "chas", "jas", "thos", "geo", "jno", "benj", "edw", "robt", "saml", "danl", "jos", "eliz",
    "margt", "richd", "alex", "fred",
})
_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr", "junior", "senior", "esq", "phd", "ph.d", "md"})
_ROMAN = re.compile(r"^(?=[IVXL])(?:L?X{0,3})(?:IX|IV|V?I{0,3})$")

#: First words of place names ("New York", "Saint Petersburg", "Fort Worth").
PLACE_PREFIXES = frozenset({
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
    "lower", "greater", "great", "little", "port", "fort", "mount", "mt", "lake", "cape", "gulf",
    "isle", "isla", "st", "ste", "saint", "sainte", "san", "santa", "santo", "sao", "sankt",
    "sveti", "sint", "bad", "nizhny", "novo", "nueva", "nuevo", "puerto", "villa", "ciudad",
    "costa", "sierra", "rio", "monte", "bois", "pointe", "central", "middle",
})
#: Words that make a name an organisation, a place, an event or a work.
VETO_WORDS = frozenset({
    # organisations
    "party", "parties", "committee", "union", "unions", "society", "association", "league",
    "council", "congress", "institute", "institution", "university", "college", "academy", "school",
    "press", "publishers", "publisher", "publishing", "publications", "books", "editions",
    "editions", "verlag", "editorial", "library", "museum", "company", "co", "corporation", "corp",
    "inc", "ltd", "llc", "gmbh", "plc", "bank", "army", "navy", "government",
    "ministry", "bureau", "agency", "federation", "front", "movement", "group", "international",
    "internationale", "opposition", "brotherhood", "sisterhood", "club", "foundation", "review",
    "journal", "gazette", "herald", "tribune", "magazine", "newspaper", "daily", "weekly",
    "quarterly", "monthly", "times", "network", "orchestra", "theatre", "theater", "opera",
    "ballet", "parliament", "assembly", "senate", "duma", "soviet", "soviets", "police", "guard",
    "guards", "brigade", "brigades", "regiment", "battalion", "division", "corps", "legion",
    "fleet", "command", "commission", "commissariat", "office", "service", "services", "trust",
    "laboratory", "laboratories", "observatory", "hospital", "conservatory", "conservatoire",
    "guild", "order", "mission", "republic", "kingdom", "empire", "state", "states", "federal",
    "national", "nationale", "imperial", "royal", "democratic", "republican", "democrats",
    "republicans", "liberals", "conservatives", "socialist", "communist", "anarchist", "bolshevik",
    "bolsheviks", "menshevik", "marxist", "trotskyist", "fascist", "nazi", "liberal",
    "conservative", "labour", "labor", "workers", "workers'", "peasants", "popular", "people's",
    "peoples", "revolutionary", "central", "supreme", "executive", "provisional", "united",
    "allied", "holy", "sacred", "records", "pictures", "films", "studios", "productions", "gallery",
    "galleries", "centre", "center", "archive", "archives", "project", "fund", "cheka", "gpu",
    "ogpu", "nkvd", "kgb", "commune", "collective", "cooperative", "syndicate", "cartel", "firm",
    "industries", "works", "railway", "railways", "airlines", "motors", "institut", "universite",
    "universidad", "universita", "partido", "partito", "parti", "partei", "comite", "comité",
    "societe", "verein",
    # places and buildings
    "city", "town", "village", "county", "province", "region", "district", "oblast", "krai",
    "river", "mountains", "mountain", "island", "islands", "sea", "ocean", "valley", "coast",
    "peninsula", "desert", "bay", "strait", "straits", "canal", "street", "avenue", "road",
    "boulevard", "square", "bridge", "station", "airport", "harbour", "harbor", "port", "palace",
    "cathedral", "abbey", "monastery", "convent", "cemetery", "prison", "camp", "fortress", "tower",
    "gate", "hotel", "cafe", "café", "restaurant", "stadium", "arena", "quarter", "heights",
    "plains", "steppe", "forest", "falls", "lakes", "hills", "alps", "highlands", "lowlands",
    "gulag", "colony", "territory", "territories", "land", "lands", "peninsula", "canyon",
    "glacier", "reservoir", "prefecture", "governorate", "republics", "emirates", "isles", "cape",
    "archipelago", "basin", "embassy", "consulate", "headquarters", "secretariat", "presidium",
    "politburo", "secretary", "minister", "ministers", "commissar", "commissars", "ambassador",
    "consul",
    # events, works, eras
    "war", "wars", "revolution", "revolutions", "terror", "uprising", "rebellion", "revolt",
    "conference", "campaign", "purge", "purges", "trial", "trials", "plan", "crisis", "massacre",
    "affair", "famine", "strike", "election", "elections", "treaty", "agreement", "pact", "accords",
    "games", "olympics", "exhibition", "expo", "prize", "award", "medal", "festival", "expedition",
    "siege", "battle", "offensive", "crusade", "congress", "resistance", "occupation", "blockade",
    "manifesto", "declaration", "constitution", "act", "code", "programme", "program", "theses",
    "age", "era", "dynasty", "period", "century", "renaissance", "reformation", "enlightenment",
    "synagogue", "mosque", "orthodox", "catholic", "protestant", "lutheran", "anglican",
    "methodist", "baptist", "evangelical", "islamic", "jewish", "christianity", "judaism", "islam",
    "buddhism",
})
_VETO_ENDINGS = ("ism", "isms", "ists", "ology", "ography")
#: Well-known places whose words have the shape of a personal name.
PLACE_NAMES = frozenset({
    "abu dhabi", "sri lanka", "costa rica", "el salvador", "san marino", "santa fe",
    "santo domingo", "sierra leone", "hong kong", "tel aviv", "dar es salaam", "rio de janeiro",
    "buenos aires", "los angeles", "las vegas", "san francisco", "san jose", "san diego",
    "san antonio", "sao paulo", "saint petersburg", "st petersburg", "kuala lumpur", "addis ababa",
    "burkina faso", "cape verde", "ivory coast", "puerto rico", "salt lake", "port said",
    "ulan bator", "ulan ude", "alma ata", "nizhny novgorod", "baden baden", "frankfurt am main",
    "aix en provence", "la paz", "le havre", "le mans", "las palmas", "santiago de chile",
    "san sebastian", "santa cruz", "monte carlo", "ciudad juarez", "abu simbel", "bandar abbas",
    "tierra del fuego", "marie galante", "fernando po", "maria island",
})
#: Demonyms that open group names ("Russian Revolution", "French Resistance").
DEMONYMS = frozenset({
    "american", "british", "english", "french", "russian", "soviet", "german", "italian", "spanish",
    "portuguese", "polish", "czech", "hungarian", "romanian", "bulgarian", "serbian", "croatian",
    "greek", "turkish", "ottoman", "persian", "arab", "arabic", "chinese", "japanese", "korean",
    "indian", "mexican", "cuban", "brazilian", "argentine", "canadian", "australian", "irish",
    "scottish", "welsh", "dutch", "belgian", "swiss", "austrian", "swedish", "norwegian", "danish",
    "finnish", "ukrainian", "belarusian", "georgian", "armenian", "jewish", "catalan", "basque",
    "european", "asian", "african", "latin", "byzantine", "roman", "egyptian", "israeli", "iranian",
    "afghan", "pakistani", "vietnamese", "thai", "indonesian", "filipino", "nigerian", "ethiopian",
    "algerian", "moroccan", "tunisian",
})

_TOKEN_SPLIT = re.compile(r"\s+|(?<=\.)(?=[^\W\d_][^\W\d_])")


_PREFIXED = re.compile(r"^(?:d|l|al|el|ad|ash|an|as|az|ul|ud)['’\-‐][^\W\d_]")


def _is_cap(tok: str) -> bool:
    """Capitalised, or a capitalised name behind "d'", "al-" ("d'Alembert", "al-Khwarizmi")."""
    if tok[:1].isupper():
        return True
    return bool(_PREFIXED.match(tok)) and any(c.isupper() for c in tok)


def _surname_shaped(tok: str) -> bool:
    """A capitalised word that can be a surname: letters, apostrophes, hyphens."""
    if not _WORDLIKE.match(tok) or len(tok) < 2:
        return False
    if not _is_cap(tok):
        return False
    letters = [c for c in tok if c.isalpha()]
    return any(c.islower() for c in letters)


def _split(text: str) -> list[str]:
    return [t for t in (_clean(raw) for raw in _TOKEN_SPLIT.split(text)) if t]


def _tokens(name: str) -> list[str] | None:
    """Words of a name; "Rolland, Romain" is read as "Romain Rolland".

    None for a comma that is not such an inversion ("Paris, France").
    """
    text = " ".join(name.replace("\u00a0", " ").split())
    if "," not in text:
        return _split(text)
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and parts[-1] and _fold_token(parts[-1].split()[0]) in _SUFFIXES:
        parts.pop()  # "Martin Luther King, Jr."
    if len(parts) == 1:
        return _split(parts[0])
    if len(parts) == 2 and parts[0] and parts[1]:
        first, last = _split(parts[1]), _split(parts[0])
        if first and last and (
            is_given_name(first[0], ambiguous=True)  # "Kibalchich, Victor Lvovich"
            or (all(is_initials(t) for t in first) and not any(is_ambiguous(t) for t in last))
        ):  # "Auden, W. H." but not "Washington, D.C."
            return first + last
    return None


def _fold_token(tok: str) -> str:
    return name_key(tok).rstrip(".")


def _score(toks: list[str]) -> float:  # noqa: C901 - a table of cases reads best flat
    if not toks:
        return 0.0
    folded = [_fold_token(t) for t in toks]
    if re.sub(r"[^a-z0-9]+", " ", " ".join(folded)).strip() in PLACE_NAMES:
        return 0.05

    # hard vetoes ---------------------------------------------------------------
    if any(ch.isdigit() for t in toks for ch in t) or "&" in toks or "+" in toks:
        return 0.05
    for t, f in zip(toks, folded):
        if f in VETO_WORDS or f.endswith(_VETO_ENDINGS) and len(f) > 5:
            return 0.05
    if len(toks) > 1 and folded[0] in PLACE_PREFIXES:
        return 0.1
    if len(toks) > 1 and folded[0] in DEMONYMS and not is_given_name(toks[0], ambiguous=True):
        return 0.1

    # titles and suffixes ----------------------------------------------------------
    title = False
    while len(toks) > 1 and folded[0] in TITLES:
        title = True
        toks, folded = toks[1:], folded[1:]
    regnal = False  # "Alexander II", "Pliny the Elder", "Martin Luther King Jr."
    while len(toks) > 1:
        if folded[-1] in _SUFFIXES:
            toks, folded = toks[:-1], folded[:-1]
        elif _ROMAN.match(toks[-1]) and (toks[-1] != "I" or len(toks) == 2):
            regnal = True
            toks, folded = toks[:-1], folded[:-1]
        elif len(toks) > 2 and toks[-2] == "the" and toks[-1][:1].isupper():
            regnal = True
            toks, folded = toks[:-2], folded[:-2]
        else:
            break

    if len(toks) == 1:
        s = _single(toks[0], folded[0])
        if regnal:
            s = 0.85 if s >= 0.3 else 0.6
        if title:
            s = max(s, 0.8 if _surname_shaped(toks[0]) else 0.3)
            if regnal:
                s = max(s, 0.9)
        return s

    # classify tokens --------------------------------------------------------------
    kinds = []
    for t, f in zip(toks, folded):
        if f in PARTICLES and not t[:1].isupper():
            kinds.append("particle")
        elif is_initials(t) or (f in _ABBREVIATED and t.endswith(".")):
            kinds.append("initial")
        elif is_given_name(t):
            kinds.append("given")
        elif is_given_name(t, ambiguous=True):
            kinds.append("ambiguous")
        elif t.isupper() and len(t) >= 2 and _WORDLIKE.match(t):
            kinds.append("caps")
        elif _surname_shaped(t):
            kinds.append("word")
        else:
            return 0.1  # a lower-case word or a symbol: not a personal name
    if kinds[-1] == "particle":
        return 0.1
    if kinds.count("particle") and "of" in folded and kinds[0] not in ("given", "ambiguous"):
        return 0.15  # "Bank of Nowhere"; "Joan of Arc" is fine
    if kinds.count("caps") and not ({"given", "initial"} & set(kinds)):
        return 0.1  # "USSR Committee", "POUM Militia"
    first, last = kinds[0], kinds[-1]
    body = [k for k in kinds if k != "particle"]
    if len(body) > 6:
        return 0.2
    capped = {"given", "ambiguous", "word", "caps", "initial"}

    if first == "given":
        s = 0.9 if len(body) <= 4 else 0.75
        if "initial" in kinds[1:] or "particle" in kinds:
            s += 0.03
    elif first == "initial":
        s = 0.85 if last in ("word", "given", "ambiguous", "caps") else 0.2
    elif first == "ambiguous":
        s = 0.65 if last in capped and last != "initial" else 0.3
        if "given" in body[1:]:
            s = 0.75
    elif folded[0] in _NAME_PREFIXES and last in ("word", "given", "ambiguous"):
        s = 0.6  # "Van Gogh", "Ibn Khaldun", "Abu Bakr", "De Valera"
    elif folded[0] in _ARTICLES:
        s = 0.2  # "Le Monde", "El Greco"
    elif first == "particle":
        s = 0.6 if last in ("word", "given", "ambiguous") else 0.2  # "de Gaulle"
    elif last == "given" and first == "word":
        s = 0.7  # family name first: "Mao Zedong", "Kim Il-sung", "Natsume Sōseki"
    elif last == "ambiguous" and first == "word":
        s = 0.4
    elif "given" in body:
        s = 0.55  # "Rosa" somewhere inside
    else:
        s = 0.3 if len(body) <= 3 else 0.2  # two unknown capitalised words
    if title:
        s = max(s, 0.8)
    if regnal:
        s = min(1.0, s + 0.05)
    return min(s, 0.97)


def _single(tok: str, f: str) -> float:
    if is_initials(tok):
        return 0.1
    if tok.isupper() and len(tok) >= 2:
        return 0.05  # an acronym
    if f in DEMONYMS:
        return 0.1  # "German" is a given name (Germán) but mostly an adjective
    if is_given_name(tok):
        return 0.5
    if f in PARTICLES or f in TITLES or f in _ARTICLES:
        return 0.05
    if is_ambiguous(tok):
        return 0.3
    if _surname_shaped(tok):
        return 0.2
    return 0.05


def looks_like_person(name: str) -> float:
    """How much the shape of ``name`` says "a person": a score in [0, 1].

    ~0.9: a given name then surname-shaped words ("Romain Rolland",
    "Willard R. Trask", "Ludwig van Beethoven"), initials then a surname
    ("D.J. Cotterill"); ~0.7: a family name then a given name ("Mao Zedong");
    ~0.65: an ambiguous given name then a surname ("Georgia O'Keeffe");
    0.5: a lone given name ("Liuba"); 0.2-0.3: unknown capitalised words
    (no evidence either way); <= 0.15: a veto ("Pioneer Publishers", "Red Terror",
    "New York", "Communist International", "Mexico City"), an acronym, a
    lower-case word or a number.
    """
    if not name or not name.strip():
        return 0.0
    stripped = name.strip()
    if stripped[:4].casefold() == "the ":
        return 0.05
    toks = _tokens(stripped)
    if toks is None:
        return 0.15
    return round(_score(toks), 3)


__all__ = [
    "DATA_FILE",
    "Lexicon",
    "is_ambiguous",
    "is_given_name",
    "is_initials",
    "lexicon",
    "looks_like_person",
    "name_key",
]
