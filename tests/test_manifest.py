from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib import manifest
from searchlib.errors import IndexCorruptError
from searchlib.manifest import FileEntry, Manifest

_text = st.text(min_size=1, max_size=20)
_entries = st.builds(
    FileEntry,
    size=st.integers(0, 2**40),
    mtime_ns=st.integers(0, 2**62),
    digest=st.text("0123456789abcdef", min_size=32, max_size=32),
    article_ids=st.lists(_text, max_size=3).map(tuple),
    pages=st.lists(st.tuples(_text, _text), max_size=3).map(tuple),
    duplicate_of=st.lists(_text, max_size=2).map(tuple),
)
_manifests = st.builds(
    Manifest,
    files=st.dictionaries(_text, _entries, max_size=4),
    sources=st.lists(_text, max_size=3).map(tuple),
    metadata=st.dictionaries(_text, st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=2),
)


@given(_manifests)
def test_save_and_load_round_trip(tmp_path_factory: pytest.TempPathFactory, m: Manifest) -> None:
    directory = tmp_path_factory.mktemp("m")
    manifest.save(directory, m, 3)
    assert manifest.load(directory, 3) == m


def test_new_engine_has_an_empty_manifest(tmp_path: Path) -> None:
    assert manifest.load(tmp_path, 0) == Manifest()
    assert not manifest.exists(tmp_path)


@pytest.mark.parametrize(
    "content", [None, "{not json", '{"files": 3}'], ids=["missing", "bad", "wrong"]
)
def test_missing_or_damaged_manifest_is_corrupt(tmp_path: Path, content: str | None) -> None:
    if content is not None:
        manifest.manifest_path(tmp_path, 2).write_text(content)
    with pytest.raises(IndexCorruptError, match="--rebuild"):
        manifest.load(tmp_path, 2)


def test_prune_keeps_only_the_given_states(tmp_path: Path) -> None:
    for generation in (1, 2, 3):
        manifest.save(tmp_path, Manifest(sources=(str(generation),)), generation)
    (tmp_path / ".manifest-left-by-a-killed-writer.tmp").write_text("{")
    (tmp_path / "_MAIN_3.toc").write_text("engine file")
    manifest.prune(tmp_path, keep={2, 3})
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "_MAIN_3.toc",
        "searchlib-manifest-2.json",
        "searchlib-manifest-3.json",
    ]
    assert manifest.exists(tmp_path)


def test_saved_manifest_is_plain_json(tmp_path: Path) -> None:
    entry = FileEntry(10, 20, "ab" * 16, ("a1",), (("d1", "a1"),))
    manifest.save(tmp_path, Manifest({"/x/a.txt": entry}, ("/x",), {"/x/m.meta.json": (1, 2)}), 1)
    data = json.loads(manifest.manifest_path(tmp_path, 1).read_text())
    assert data["files"]["/x/a.txt"]["pages"] == [["d1", "a1"]]
    assert data["sources"] == ["/x"] and data["format"] == manifest.FORMAT_VERSION
    assert manifest.manifest_path(tmp_path, 1).stat().st_mode & 0o777 == manifest.FILE_MODE
