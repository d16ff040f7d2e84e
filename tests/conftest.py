"""Shared fixtures: the bundled seeds, and indexes built from them in temporary folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import searchlib

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seeds that a test may change."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seeded_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[searchlib.Index]:
    """A read-only index of the seeds, shared by the tests of one session."""
    index = searchlib.Index(tmp_path_factory.mktemp("seeded") / "index")
    index.update([SEEDS])
    yield index
    index.close()


@pytest.fixture
def fresh_index(tmp_path: Path) -> Iterator[searchlib.Index]:
    index = searchlib.Index(tmp_path / "index")
    yield index
    index.close()
