"""Shared fixtures: small hand-made documents and throwaway databases."""

from __future__ import annotations

from pathlib import Path

import pytest

import vitagraph
from vitagraph.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MINI = """= Ada Example =

Infobox
- Born: 1815-12-10
- Birthplace: London, England

Ada Example (10 December 1815 – 27 November 1852) was an English mathematician.

==Early life==
She was born in London.
She studied mathematics with a tutor.

===Education===
Her mother insisted on mathematics.

==Works==
- Notes on the Engine (1843)
- Sketch of the Analytical Engine (1843) Translator: Ada Example; London: Taylor.
"""


@pytest.fixture
def sample_path() -> Path:
    return vitagraph.sample_path()


@pytest.fixture
def mini_file(tmp_path: Path) -> Path:
    p = tmp_path / "ada-example.txt"
    p.write_text(MINI, encoding="utf-8")
    return p


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    s = Store(db_path)
    yield s
    s.close()
