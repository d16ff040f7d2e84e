"""The manifest: which files are indexed, as what, and from which sources.

It is a JSON file beside the engine's files, written atomically after each commit of the
engine. Because updates delete an article's paragraphs before adding them again, replaying an
update after a crash between the two writes is harmless.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import IndexCorruptError

MANIFEST_NAME = "searchlib-manifest.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class FileEntry:
    """What the index holds for one source file."""

    size: int
    mtime_ns: int
    digest: str
    article_ids: tuple[str, ...] = ()
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Manifest:
    """The indexed files by absolute path, and the sources the user gave."""

    files: dict[str, FileEntry] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    schema_version: int = 0

    def article_ids(self) -> set[str]:
        """Every article id the index holds."""
        return {aid for entry in self.files.values() for aid in entry.article_ids}


def load(directory: Path) -> Manifest:
    """Read the manifest of an index; an index without one has an empty manifest.

    Raises:
        IndexCorruptError: the manifest exists but cannot be read.
    """
    path = directory / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _from_json(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(
            f"{path} is damaged ({exc}); rebuild with 'searchlib index --rebuild'"
        ) from exc


def _from_json(data: dict[str, Any]) -> Manifest:
    files = {
        path: FileEntry(
            size=entry["size"],
            mtime_ns=entry["mtime_ns"],
            digest=entry["digest"],
            article_ids=tuple(entry.get("article_ids", ())),
            duplicate_of=entry.get("duplicate_of"),
        )
        for path, entry in data["files"].items()
    }
    return Manifest(files, tuple(data.get("sources", ())), int(data.get("schema_version", 0)))


def save(directory: Path, manifest: Manifest) -> None:
    """Write the manifest atomically (a crash leaves the old or the new one, never half)."""
    data = {
        "format": FORMAT_VERSION,
        "schema_version": manifest.schema_version,
        "sources": list(manifest.sources),
        "files": {path: asdict(entry) for path, entry in sorted(manifest.files.items())},
    }
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".manifest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, directory / MANIFEST_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
