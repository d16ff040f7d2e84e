"""The manifest: which files are indexed, as what, and from which sources.

One JSON file per committed state of the engine, named after the engine's generation
(``searchlib-manifest-<generation>.json``). An update writes the manifest of the state it is
about to commit *before* the engine commits, and deletes older manifests only after, so
whatever moment a crash strikes, the manifest of the engine's last committed state exists and
describes exactly that state: the manifest and the index never disagree.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IndexCorruptError

MANIFEST_PREFIX = "searchlib-manifest-"
MANIFEST_SUFFIX = ".json"
_TEMP_PREFIX = ".manifest-"
_NAME = re.compile(re.escape(MANIFEST_PREFIX) + r"(\d+)" + re.escape(MANIFEST_SUFFIX) + "$")
FORMAT_VERSION = 2
# mkstemp makes private files; the manifest is as readable as the engine's own files.
FILE_MODE = 0o644


@dataclass(frozen=True)
class FileEntry:
    """What the index holds for one source file.

    ``pages`` pairs each page's digest (text and supplied metadata) with its article id, so a
    JSON Lines file re-indexes only the records that changed; ``article_ids`` are the articles
    this file owns in the index, and ``duplicate_of`` the files owning the others.
    """

    size: int
    mtime_ns: int
    digest: str
    article_ids: tuple[str, ...] = ()
    pages: tuple[tuple[str, str], ...] = ()
    duplicate_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Manifest:
    """The indexed files by absolute path, the sources the user gave, and metadata files.

    ``metadata`` holds (size, mtime_ns) of each sidecar and directory metadata file seen, so
    that a change to one re-extracts the files it describes.
    """

    files: dict[str, FileEntry] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    metadata: dict[str, tuple[int, int]] = field(default_factory=dict)

    def article_ids(self) -> set[str]:
        """Every article id the index holds."""
        return {aid for entry in self.files.values() for aid in entry.article_ids}


def manifest_path(directory: Path, generation: int) -> Path:
    """Where the manifest of one committed state lives."""
    return directory / f"{MANIFEST_PREFIX}{generation}{MANIFEST_SUFFIX}"


def exists(directory: Path) -> bool:
    """True when ``directory`` holds the manifest of some committed state."""
    try:
        return any(_NAME.match(entry.name) for entry in os.scandir(directory))
    except OSError:
        return False


def load(directory: Path, generation: int) -> Manifest:
    """Read the manifest of the engine's committed state ``generation``.

    Generation 0 is a new, empty engine; it has an empty manifest.

    Raises:
        IndexCorruptError: the manifest is missing or cannot be read.
    """
    path = manifest_path(directory, generation)
    if generation <= 0 and not path.exists():
        return Manifest()
    try:
        return _from_json(json.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IndexCorruptError(
            f"the index at {directory} has no readable manifest for its state {generation} "
            f"({exc}); rebuild it with 'searchlib index --rebuild SOURCES'"
        ) from exc


def _from_json(data: dict[str, Any]) -> Manifest:
    files = {path: _entry(entry) for path, entry in data["files"].items()}
    metadata = {path: (int(s), int(m)) for path, (s, m) in data.get("metadata", {}).items()}
    return Manifest(files, tuple(data.get("sources", ())), metadata)


def _entry(data: dict[str, Any]) -> FileEntry:
    return FileEntry(
        size=data["size"],
        mtime_ns=data["mtime_ns"],
        digest=data["digest"],
        article_ids=tuple(data.get("article_ids", ())),
        pages=tuple((str(d), str(a)) for d, a in data.get("pages", ())),
        duplicate_of=tuple(data.get("duplicate_of", ())),
    )


def _to_json(manifest: Manifest) -> dict[str, Any]:
    files = {
        path: {
            "size": entry.size,
            "mtime_ns": entry.mtime_ns,
            "digest": entry.digest,
            "article_ids": list(entry.article_ids),
            "pages": [list(pair) for pair in entry.pages],
            "duplicate_of": list(entry.duplicate_of),
        }
        for path, entry in sorted(manifest.files.items())
    }
    return {
        "format": FORMAT_VERSION,
        "sources": list(manifest.sources),
        "metadata": {path: list(stat) for path, stat in sorted(manifest.metadata.items())},
        "files": files,
    }


def save(directory: Path, manifest: Manifest, generation: int) -> None:
    """Write the manifest of state ``generation`` atomically and durably.

    A crash leaves the old file or the new one, never half of one.
    """
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=_TEMP_PREFIX, suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            # json.dumps, not json.dump: only the one-shot form uses the C encoder (1.5 s
            # instead of ~0.2 s for the manifest of a million paragraphs).
            out.write(json.dumps(_to_json(manifest), ensure_ascii=False, separators=(",", ":")))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, manifest_path(directory, generation))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def prune(directory: Path, keep: Collection[int]) -> None:
    """Delete the manifests of other states and temporary files a killed writer left.

    Call it only while holding the write lock: another writer's files are not stale.
    """
    for entry in os.scandir(directory):
        match = _NAME.match(entry.name)
        stale = match is not None and int(match.group(1)) not in keep
        if stale or entry.name.startswith(_TEMP_PREFIX):
            Path(entry.path).unlink(missing_ok=True)
