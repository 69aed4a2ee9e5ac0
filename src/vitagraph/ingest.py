"""Ingest: files and directories in, documents in the store, one transaction each.

A failure in one file is reported and the next file is read; the store is
unchanged for the file that failed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .errors import Errors, ExtractionError, InputError, VitagraphError
from .readers import MAX_BYTES, read_path, supported_files
from .document import Document
from .model import Record
from .store import SaveResult, Store


@dataclass
class IngestResult:
    path: str
    status: str
    """``added``, ``replaced``, ``unchanged``, ``extracted`` (record added to a stored text) or ``failed``."""
    name: str | None = None
    document_id: int | None = None
    format: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def to_dict(self) -> dict:
        return asdict(self)


def expand(paths: Iterable[str | Path]) -> list[tuple[str, InputError | None]]:
    """Files to read, in order; a directory contributes every supported file in it."""
    out: list[tuple[str, InputError | None]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = supported_files(p)
            if not files:
                out.append((str(p), InputError(Errors.E108, path=str(p))))
            out.extend((str(f), None) for f in files)
        elif not p.exists():
            out.append((str(p), InputError(Errors.E100, path=str(p))))
        else:
            out.append((str(p), None))
    return out


Extract = Callable[[Document], Record]


def ingest_file(
    store: Store,
    path: str | Path,
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    extract: Extract | None = None,
) -> IngestResult:
    """Read, extract (if asked) and store one file; the store changes only if all succeed."""
    shown = str(path)
    try:
        doc = read_path(path, format=format, max_bytes=max_bytes)
        stored = store.by_sha(doc.sha256)
        if stored is not None and (extract is None or store.record(stored.id) is not None):
            saved = SaveResult("unchanged", stored)
        elif stored is not None and extract is not None:
            store.add_record(stored.id, extract(doc))  # stored earlier without extraction
            saved = SaveResult("extracted", stored)
        else:
            record = extract(doc) if extract is not None else None
            saved = store.save(doc, record, source_path=str(Path(path).resolve()))
    except VitagraphError as exc:
        return IngestResult(shown, "failed", error=str(exc))
    except Exception as exc:  # a pipeline bug must not stop the other files
        err = ExtractionError(Errors.E401, path=shown, reason=f"{type(exc).__name__}: {exc}")
        return IngestResult(shown, "failed", error=str(err))
    return IngestResult(
        shown,
        saved.status,
        name=saved.document.name,
        document_id=saved.document.id,
        format=doc.format,
        warnings=list(doc.warnings),
        stats=doc.stats(),
    )


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    max_bytes: int = MAX_BYTES,
    extract: Extract | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest every path; ``on_start(total)`` and ``on_result`` drive a progress bar."""
    todo = expand(paths)
    if on_start:
        on_start(len(todo))
    results = []
    for path, problem in todo:
        result = (
            IngestResult(path, "failed", error=str(problem))
            if problem
            else ingest_file(store, path, format=format, max_bytes=max_bytes, extract=extract)
        )
        results.append(result)
        if on_result:
            on_result(result)
    return results
