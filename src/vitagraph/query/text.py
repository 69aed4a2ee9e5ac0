"""Plain-text helpers shared by the sentence index and the question reader.

Pure functions, standard library only, no model: the same ``stem`` must run
when a document is indexed and when a question is asked, so that "deported",
"deportation" and "deport" meet in the full-text index, and asking stays fast.

* ``stem`` is Porter's 1980 stemmer preceded by a table of irregular forms
  (wrote -> write, died/death -> die, born/birth -> born).
* ``split_sentences`` is a rule-based splitter: a stop, then space, then a
  capital, a digit or an opening quote, unless the word before the stop is an
  initial or an abbreviation (Willard R. Trask, c. 1330, St. Petersburg).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

__all__ = ["STOPWORDS", "fold_word", "split_sentences", "stem", "stems", "words"]

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto upon about as than then
    that this these those there here which who whom whose what when where why how is are was were be been
    being am do does did done doing has have had having it its it's he him his she her hers they them
    their theirs we us our you your i me my mine not no yes so such also very too just only ever any all
    some each every both either neither one own same other others more most much many few can could
    would should will shall may might must s 's ’s again ago while during after before over
    between among through within via per de la le les du von van der den da di al el ibn""".split()
)

# Irregular forms and derivations Porter's rules do not join (values are stems).
IRREGULAR = {
    "born": "born", "birth": "born", "births": "born", "bore": "born", "birthplace": "born",
    "die": "die", "died": "die", "dies": "die", "dying": "die", "death": "die", "deaths": "die",
    "dead": "die",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write", "writings": "write",
    "went": "go", "gone": "go", "goes": "go",
    "fled": "flee", "flees": "flee", "left": "leav", "met": "meet", "taught": "teach",
    "sent": "send", "spent": "spend", "held": "hold", "sold": "sell", "bought": "buy",
    "began": "begin", "begun": "begin", "became": "becom", "came": "come", "gave": "give",
    "given": "give", "took": "take", "taken": "take", "made": "make", "lost": "lose", "won": "win",
    "fought": "fight", "led": "lead", "ran": "run", "saw": "see", "seen": "see", "knew": "know",
    "known": "know", "grew": "grow", "grown": "grow", "chose": "choos", "chosen": "choos",
    "spoke": "speak", "spoken": "speak", "thought": "think", "brought": "bring", "kept": "keep",
    "felt": "feel", "told": "tell", "said": "sai", "says": "sai", "paid": "pai", "laid": "lai",
    "shot": "shoot", "struck": "strike", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "drew": "draw", "drawn": "draw", "children": "child", "wives": "wife",
    "men": "man", "women": "woman", "wed": "marri", "wedding": "marri", "marriage": "marri",
    "married": "marri", "marry": "marri", "marries": "marri", "buried": "buri", "burial": "buri",
    "bury": "buri", "imprisonment": "imprison", "imprisoned": "imprison", "prison": "prison",
    "exiled": "exil", "exile": "exil", "exiles": "exil", "deportation": "deport",
    "translation": "translat", "translations": "translat", "translated": "translat",
    "translate": "translat", "translator": "translat", "translators": "translat",
    "translates": "translat", "translating": "translat",
    "arrival": "arriv", "departure": "depart", "release": "releas", "released": "releas",
    "publication": "publish", "published": "publish", "study": "studi", "studied": "studi",
    "studies": "studi", "education": "educ", "educated": "educ", "founder": "found",
    "foundation": "found", "founded": "found", "founding": "found", "expulsion": "expel",
    "expelled": "expel", "election": "elect", "elected": "elect", "arrested": "arrest",
    "arrest": "arrest", "arrests": "arrest", "stood": "stand", "understood": "understand",
    "hung": "hang", "hanged": "hang", "slain": "slai", "slew": "slai", "ill": "ill",
    "illness": "ill", "sick": "ill", "sickness": "ill", "flew": "fly", "flown": "fly",
    "wore": "wear", "worn": "wear", "swore": "swear", "sworn": "swear", "sang": "sing",
    "sung": "sing", "drove": "drive", "driven": "drive", "rode": "ride", "ridden": "ride",
    "forbade": "forbid", "forbidden": "forbid", "forgave": "forgiv", "forgiven": "forgiv",
    "hid": "hide", "hidden": "hide", "bred": "breed", "fed": "feed", "read": "read",
    "lay": "lie", "lain": "lie", "sat": "sit", "stole": "steal", "stolen": "steal",
    "threw": "throw", "thrown": "throw", "woke": "wake", "built": "build", "dealt": "deal",
    "meant": "mean", "lent": "lend", "bent": "bend", "lit": "light", "sought": "seek",
    "caught": "catch", "fought's": "fight", "oversaw": "overse", "overseen": "overse",
    "undertook": "undertak", "undertaken": "undertak", "withdrew": "withdraw",
    "withdrawn": "withdraw", "arose": "aris", "arisen": "aris", "awoke": "awak",
    "daughters": "daughter", "sons": "son", "brothers": "brother", "sisters": "sister",
    "lived": "live", "lives": "live", "living": "live", "life": "life",
}


def fold_word(word: str) -> str:
    """Lower case without accents; curly apostrophes made straight."""
    s = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word; hyphenated and apostrophe words stay whole."""
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), m.group()


# --------------------------------------------------------------------------- Porter


def _cons(w: str, i: int) -> bool:
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(s: str) -> int:
    n, i, size = 0, 0, len(s)
    while i < size and _cons(s, i):
        i += 1
    while i < size:
        while i < size and not _cons(s, i):
            i += 1
        if i >= size:
            break
        while i < size and _cons(s, i):
            i += 1
        n += 1
    return n


def _has_vowel(s: str) -> bool:
    return any(not _cons(s, i) for i in range(len(s)))


def _double(s: str) -> bool:
    return len(s) >= 2 and s[-1] == s[-2] and _cons(s, len(s) - 1)


def _cvc(s: str) -> bool:
    return (len(s) >= 3 and _cons(s, len(s) - 3) and not _cons(s, len(s) - 2)
            and _cons(s, len(s) - 1) and s[-1] not in "wxy")


_STEP2 = (("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
          ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
          ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
          ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
          ("logi", "log"))
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
          ("ness", ""))
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
          "ism", "ate", "iti", "ous", "ive", "ize")


def _porter(w: str) -> str:
    if len(w) <= 2:
        return w
    # step 1a
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]
    # step 1b
    extra = False
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and _has_vowel(w[:-2]):
        w, extra = w[:-2], True
    elif w.endswith("ing") and _has_vowel(w[:-3]):
        w, extra = w[:-3], True
    if extra:
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif _double(w) and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(w) == 1 and _cvc(w):
            w += "e"
    # step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    # step 2
    for suf, rep in _STEP2:
        if w.endswith(suf):
            if _measure(w[: -len(suf)]) > 0:
                w = w[: -len(suf)] + rep
            break
    # step 3
    for suf, rep in _STEP3:
        if w.endswith(suf):
            if _measure(w[: -len(suf)]) > 0:
                w = w[: -len(suf)] + rep
            break
    # step 4
    for suf in _STEP4:
        if w.endswith(suf):
            base = w[: -len(suf)]
            if _measure(base) > 1 and (suf != "ion" or base.endswith(("s", "t"))):
                w = base
            break
    # step 5
    if w.endswith("e"):
        base = w[:-1]
        m = _measure(base)
        if m > 1 or (m == 1 and not _cvc(base)):
            w = base
    if _measure(w) > 1 and _double(w) and w.endswith("l"):
        w = w[:-1]
    return w


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of a word: folded, irregular forms joined, Porter-stemmed."""
    w = fold_word(word)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if not w.isalpha():
        return w.replace("-", "")
    if w.startswith(_BRITISH):  # favourite = favorite, honour = honor
        w = w.replace("our", "or", 1)
    if w.endswith(("ship", "ships")) and len(w) > 8 and not w.endswith(("worship", "worships")):
        w = w[: w.rindex("ship")]  # consulship -> consul, membership -> member
    return _porter(w)


_BRITISH = ("favour", "honour", "colour", "labour", "behaviour", "neighbour", "harbour", "humour", "rumour",
            "valour", "vigour", "armour", "endeavour", "savour", "odour", "splendour")


def stems(text: str, start: int = 0, end: int | None = None, *, keep_stopwords: bool = False) -> list[str]:
    out = []
    for _, _, w in words(text, start, end):
        f = fold_word(w)
        if not keep_stopwords and f in STOPWORDS:
            continue
        out.append(stem(w))
    return out


# --------------------------------------------------------------------------- sentences

_ABBREV = frozenset(
    """c ca cf fl b d r st ste mr mrs ms dr prof rev fr gen col lt capt sgt maj cmdr adm gov sen rep
    jr sr vol vols no nos pp p ed eds trans tr repr rev'd e g i ie eg etc al vs v mt ft approx est
    jan feb mar apr jun jul aug sep sept oct nov dec univ dept assn bros co corp inc ltd""".split()
)
_STOP = re.compile(r"[.!?…]+[\"'”’)\]]*")
_NEXT = re.compile(r"\s+([\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ]|[\"'“‘(\[]?[^\W\d_])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of surrounding white space."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _STOP.finditer(text, start, end):
        stop_end = m.end()
        nxt = _NEXT.match(text, stop_end, end)
        if nxt is None:
            continue
        first = nxt.group(1)[-1]
        if not (first.isupper() or first.isdigit()):
            continue
        dot = m.group()[0] == "."
        if dot:
            wm = re.search(r"([^\W_]+)$", text[max(s, m.start() - 20): m.start()])
            prev = wm.group(1) if wm else ""
            if prev and (len(prev) == 1 and prev.isalpha() or prev.casefold() in _ABBREV):
                continue
            if re.search(r"\.[^\W\d_]$", text[max(s, m.start() - 3): m.start()]):
                continue  # e.g., U.S.
        _push(text, s, stop_end, out)
        s = nxt.start(1)
    _push(text, s, end, out)
    return out


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
