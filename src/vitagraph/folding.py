"""Name folding: the one comparison every matcher in vitagraph agrees on.

Case, accents, punctuation and a leading article are not part of a name's
identity ("the Comintern" = "Comintern", "Précigné" = "Precigne").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(the|a|an|le|la|les|l) ")


@lru_cache(maxsize=65536)
def fold(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _NON_WORD.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    return _ARTICLE.sub("", s)


def initials(name: str) -> str:
    """Capital initials of the significant words: Emergency Rescue Committee -> ERC."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0] for w in words if w[:1].isupper())
