"""Questions answered from the stored documents, each answer with its citations.

    >>> from vitagraph.store import Store
    >>> from vitagraph.query import answer
    >>> answer(Store("vitagraph.db"), "When was Serge deported to Orenburg?")["value"]
    '1933-03'

``answer(store, question)`` returns the JSON contract of ``vitagraph ask
--json`` and ``GET /api/ask``. Modules: ``text`` (stemming, sentence
splitting), ``ask`` (reading the question), ``retrieve`` (full-text search and
re-ranking), ``answer`` (picking and citing the answer), ``llm`` (optional
phrasing by an OpenAI-compatible server).
"""

from __future__ import annotations


def __getattr__(name: str):
    # Lazy, so that the store can import query.text without a cycle.
    if name in ("answer", "answer_many", "NOT_FOUND"):
        from . import answer as _answer

        return getattr(_answer, name)
    if name == "analyze":
        from .ask import analyze

        return analyze
    raise AttributeError(name)


__all__ = ["answer", "answer_many", "analyze"]
