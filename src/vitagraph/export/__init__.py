"""Exports: one module per format, each ``export(record, document) -> bytes``."""

from __future__ import annotations

from typing import Callable

from ..document import Document
from ..model import Record
from . import liferecord

EXPORTERS: dict[str, Callable[[Record, Document], bytes]] = {
    "liferecord": liferecord.export,
}

__all__ = ["EXPORTERS"]
