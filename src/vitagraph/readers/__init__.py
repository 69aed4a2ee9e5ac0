"""Readers: bytes of any supported format in, one ``Document`` out.

``read_bytes`` checks and decodes the input once (empty, binary, encoding,
size), picks a format from the name or the content, and hands clean text to
the format's module. Each format module offers ``read(text, name, encoding)``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from ..document import FORMATS, Document
from ..errors import Errors, InputError
from . import corpus, markdown, plaintext

MAX_BYTES = 16 * 1024 * 1024
"""Default size limit: the longest Wikipedia articles are about 1 MB of text."""

EXTENSIONS = {
    ".txt": None,
    ".text": None,
    ".md": "markdown",
    ".markdown": "markdown",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""Supported file extensions and the format each implies (None: look at the content)."""

_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
]


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _reader(fmt: str) -> Callable[[str, str, str], Document]:
    if fmt == "wikitext":
        from . import wikitext

        return wikitext.read
    if fmt == "html":
        from . import html

        return html.read
    return {"corpus": corpus.read, "markdown": markdown.read, "text": plaintext.read}[fmt]


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n}"


def decode(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 first; else detect (charset-normalizer).

    Newlines are normalised to ``\\n`` (as Python's text mode does), so offsets
    agree with what ``open(path).read()`` gives.
    """
    if not data.strip():
        raise InputError(Errors.E101, path=path)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(Errors.E102, path=path, kind=kind)
    encoding = None
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError(Errors.E102, path=path, kind="NUL bytes: not a text file")
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise InputError(Errors.E103, path=path) from None
            encoding = best.encoding
            text = str(best)
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(Errors.E103, path=path) from None
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(Errors.E101, path=path)
    control = len(_CONTROL.findall(text, 0, 8192))
    if control > max(8, len(text[:8192]) // 100):
        raise InputError(Errors.E102, path=path, kind="control characters: not a text file")
    return text, encoding


def detect_format(text: str, name: str = "") -> str:
    """Format from the extension, else from the content."""
    ext = os.path.splitext(name)[1].lower()
    fmt = EXTENSIONS.get(ext)
    if fmt:
        return fmt
    head = text.lstrip()[:4000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</p>" in text[:20000].lower()):
        return "html"
    if _looks_like_wikitext(text):
        return "wikitext"
    if corpus.sniff(text):
        return "corpus"
    if markdown.sniff(text):
        return "markdown"
    return "text"


def _looks_like_wikitext(text: str) -> bool:
    try:
        from . import wikitext
    except ImportError:  # pragma: no cover - only while the module is absent
        return False
    return wikitext.sniff(text)


def read_text(text: str, name: str, *, format: str | None = None, encoding: str = "utf-8") -> Document:
    """A Document from already-decoded text."""
    fmt = format or detect_format(text, name)
    if fmt not in FORMATS:
        raise InputError(Errors.E105, path=name, format=fmt, choices=", ".join(FORMATS))
    doc = _reader(fmt)(text, name, encoding)
    if not doc.text.strip():
        raise InputError(Errors.E107, path=name, format=fmt)
    if encoding not in ("utf-8", "ascii"):
        doc = _with_warning(doc, f"decoded as {encoding} (not UTF-8)")
    return doc


def read_bytes(
    data: bytes, name: str, *, format: str | None = None, max_bytes: int = MAX_BYTES, path: str | None = None
) -> Document:
    if format is not None and format not in FORMATS:
        raise InputError(Errors.E105, path=path or name, format=format, choices=", ".join(FORMATS))
    if len(data) > max_bytes:
        raise InputError(Errors.E104, path=path or name, size=human_size(len(data)), limit=human_size(max_bytes))
    text, encoding = decode(data, path=path or name)
    return read_text(text, name, format=format, encoding=encoding)


def read_path(path: str | Path, *, format: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file. Size is checked before the file is loaded into memory."""
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputError(Errors.E100, path=shown)
    if p.is_dir():
        raise InputError(Errors.E106, path=shown, reason="it is a directory (ingest reads directories, read() takes one file)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(Errors.E104, path=shown, size=human_size(size), limit=human_size(max_bytes))
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E106, path=shown, reason=exc.strerror or str(exc)) from None
    return read_bytes(data, p.name, format=format, max_bytes=max_bytes, path=shown)


def supported_files(directory: Path) -> list[Path]:
    """Every file under ``directory`` with a supported extension, sorted."""
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and p.suffix.lower() in EXTENSIONS and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def _with_warning(doc: Document, warning: str) -> Document:
    from dataclasses import replace

    return replace(doc, warnings=(warning, *doc.warnings))


__all__ = ["read_path", "read_bytes", "read_text", "decode", "detect_format", "supported_files", "EXTENSIONS", "MAX_BYTES"]
