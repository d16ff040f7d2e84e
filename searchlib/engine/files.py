"""Files of an index folder: flushing them to disk, and removing an outdated index's own."""

from __future__ import annotations

import os
import re
from pathlib import Path


def sync_directory(path: Path) -> None:
    """Flush the index files and the directory entry to disk.

    A killed process loses nothing the kernel already holds, but after a power cut the
    manifest (fsynced) must not describe a state whose segment files were never written.
    """
    for entry in os.scandir(path):
        if entry.is_file() and not entry.name.startswith("."):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# The files Whoosh makes in an index folder: tables of contents, segment files, the lock.
WHOOSH_FILES = re.compile(r"_MAIN_\d+\.toc|MAIN_[0-9a-z]+\.[\w.]+|MAIN_WRITELOCK")


def discard_index_files(path: Path) -> None:
    """Delete the files Whoosh made in ``path`` (an outdated index); leave all others."""
    for entry in os.scandir(path):
        if entry.is_file() and WHOOSH_FILES.fullmatch(entry.name):
            Path(entry.path).unlink(missing_ok=True)
