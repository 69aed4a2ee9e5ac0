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

from .answer import NOT_FOUND, answer, answer_many
from .ask import Question, analyze

__all__ = ["NOT_FOUND", "Question", "analyze", "answer", "answer_many"]
