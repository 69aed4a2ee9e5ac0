"""The NLP pipeline: spaCy's English model plus vitagraph's components."""

from __future__ import annotations


def __getattr__(name: str):
    # Importing spaCy takes a second: only when extraction is asked for.
    if name in ("Extractor", "extract", "build_nlp"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["Extractor", "extract", "build_nlp"]
