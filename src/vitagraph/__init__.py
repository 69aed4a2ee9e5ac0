"""vitagraph: a cited, structured, explorable record of a life, from a biography.

    >>> import vitagraph
    >>> doc = vitagraph.read(vitagraph.sample_path())
    >>> doc.title
    'Victor Serge'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .document import Document, Span
from .errors import VitagraphError
from .readers import read_bytes, read_path, read_text

__version__ = "0.1.0"


def read(path: str | Path, *, format: str | None = None) -> Document:
    """Read one biography file (corpus text, plain text, Markdown, wikitext, HTML)."""
    return read_path(path, format=format)


def sample_path() -> Path:
    """The embedded sample: Wikipedia's Victor Serge biography (CC BY-SA 4.0)."""
    return Path(str(resources.files("vitagraph") / "data" / "victor-serge.txt"))


__all__ = ["Document", "Span", "VitagraphError", "read", "read_bytes", "read_text", "sample_path", "__version__"]
