"""Bring an index in step with its source files: find what changed, extract only that.

An update stats every file, hashes only files whose size or modification time changed, and
re-extracts only files whose content hash changed; within a JSON or JSON Lines file, only the
records whose digest changed. Deleted files' articles are removed, a renamed file keeps its
article, and the same article in two files is indexed once: when the file that owns it changes
or goes, a copy takes over. A change to a metadata file re-reads the files it describes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat as stat_module
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .documents import to_documents
from .errors import SourceError
from .manifest import FileEntry, Manifest
from .models import Article, Page, ParagraphDoc, Problem, UpdateReport
from .read import (
    DIRECTORY_META,
    SIDECAR_SUFFIX,
    is_metadata_file,
    is_readable_kind,
    iter_files,
    page_digest,
    read_bytes,
    read_pages,
    size_limit,
    too_large,
)

log = logging.getLogger("searchlib")

# Called with (bytes done, bytes in all): a file's bytes count as its articles are
# extracted, so one large JSON Lines file shows progress too.
Progress = Callable[[int, int], None]
# Takes the paragraphs of each extracted article as soon as it is extracted, so an update
# never holds more than one article's documents (the engine writer streams them to disk).
Sink = Callable[[Iterable[ParagraphDoc]], None]
UNSUPPORTED = "not a supported file type (.txt, .html, .htm, .json, .jsonl)"


@dataclass(frozen=True)
class UpdatePlan:
    """What an update does: the engine's deletes and the resulting manifest (the adds went
    to the sink as the files were read)."""

    delete: tuple[str, ...]
    manifest: Manifest
    report: UpdateReport


@dataclass
class _Meter:
    """Counts the bytes of the files visited for a progress callback."""

    progress: Progress | None = None
    total: int = 0
    done: int = 0

    def advance(self, amount: int) -> None:
        """Count ``amount`` more bytes done, never beyond the total and never back: a file
        that grows while the update runs counts more for its pages than its size said.
        """
        self.done = min(self.done + max(amount, 0), self.total)
        if self.progress and self.total:  # nothing to read (empty files): nothing to report
            self.progress(self.done, self.total)


@dataclass
class _Draft:
    """The plan being worked out, file by file."""

    files: dict[str, FileEntry]
    claimed: dict[str, str]
    add: Sink
    meter: _Meter = field(default_factory=_Meter)
    metadata: dict[str, tuple[int, int]] = field(default_factory=dict)
    delete: set[str] = field(default_factory=set)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)

    def plan(self, sources: Iterable[str]) -> UpdatePlan:
        """The finished plan; the new manifest remembers ``sources``."""
        manifest = Manifest(self.files, tuple(dict.fromkeys(sources)), self.metadata)
        return UpdatePlan(tuple(sorted(self.delete)), manifest, self.report())

    def report(self) -> UpdateReport:
        """What the plan does, by outcome."""
        return UpdateReport(
            added=tuple(self.added),
            updated=tuple(self.updated),
            removed=tuple(self.removed),
            unchanged=tuple(self.unchanged),
            duplicates=tuple(self.duplicates),
            skipped=tuple(self.skipped),
            failed=tuple(self.failed),
        )


@dataclass(frozen=True)
class _Found:
    """The files under the sources: article files, and metadata files with their stats."""

    paths: list[str]
    metadata: dict[str, tuple[int, int]]
    unlisted: list[str]


def absolute_sources(sources: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """Sources as absolute paths (links are kept, not resolved), without repeats."""
    return tuple(dict.fromkeys(os.path.abspath(os.fspath(s)) for s in sources))


def plan_update(
    manifest: Manifest,
    sources: Sequence[str],
    progress: Progress | None = None,
    *,
    add: Sink | None = None,
    remember: Iterable[str] = (),
) -> UpdatePlan:
    """Work out what to delete and add so the index matches the files under ``sources``.

    Args:
        manifest: what the index holds now.
        sources: the files and directories to bring the index in step with.
        progress: called with (bytes done, bytes in all) as files are read.
        add: takes the paragraph documents of each new or changed article, as it is
            extracted; None drops them (a dry run).
        remember: sources that the new manifest remembers besides ``sources``.
    """
    plan = _Draft(files=dict(manifest.files), claimed=_claims(manifest), add=add or _drop)
    found = _collect(sources, plan)
    plan.metadata = _merge_metadata(manifest.metadata, found.metadata, sources)
    present = set(found.paths)
    # Files in a folder that could not be listed are not gone: keep what the index has.
    gone = [
        key
        for key in manifest.files
        if _under(key, sources) and key not in present and not _under(key, found.unlisted)
    ]
    for key in gone:
        _remove(plan, key)
    forced = _described_by(_changed_metadata(manifest.metadata, plan.metadata), found.paths)
    sizes = [_size(key) for key in found.paths]
    plan.meter = _Meter(progress, sum(sizes))
    for key, size in zip(found.paths, sizes, strict=True):
        start = plan.meter.done
        _visit(plan, key, force=key in forced)
        plan.meter.advance(start + size - plan.meter.done)
    _let_copies_take_over(plan, manifest, released={*gone, *plan.updated})
    return plan.plan([*remember, *sources])


def extract_page(page: Page) -> Article:
    """``searchlib.extraction.extract_page``, imported on first use: searching, which imports
    this module, never needs the extraction rules (a third of a cold search's time)."""
    from .extraction import extract_page as extract

    return extract(page)


def _drop(docs: Iterable[ParagraphDoc]) -> None:
    for _ in docs:  # made all the same, so a dry run does the work it reports on
        pass


def _claims(manifest: Manifest) -> dict[str, str]:
    return {aid: path for path, entry in manifest.files.items() for aid in entry.article_ids}


def _collect(sources: Sequence[str], plan: _Draft) -> _Found:
    paths: list[str] = []
    metadata: dict[str, tuple[int, int]] = {}
    unreadable: list[SourceError] = []
    for source in sources:
        try:
            found = list(iter_files([source], unreadable))
        except SourceError as exc:
            plan.failed.append(Problem(source, exc.reason))
            continue
        for path in found:
            if is_metadata_file(path):
                metadata[str(path)] = _stat_pair(path)
            elif is_readable_kind(path):
                paths.append(str(path))
            else:
                plan.skipped.append(Problem(str(path), UNSUPPORTED))
    plan.failed.extend(Problem(exc.source, exc.reason) for exc in unreadable)
    return _Found(list(dict.fromkeys(paths)), metadata, [exc.source for exc in unreadable])


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _stat_pair(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def _merge_metadata(
    old: dict[str, tuple[int, int]], found: dict[str, tuple[int, int]], sources: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """Metadata files outside this update's sources are kept; those under them are as found."""
    kept = {path: stat for path, stat in old.items() if not _under(path, sources)}
    return kept | found


def _changed_metadata(old: dict[str, tuple[int, int]], new: dict[str, tuple[int, int]]) -> set[str]:
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


def _described_by(metadata_files: set[str], paths: list[str]) -> set[str]:
    """The article files whose supplied metadata comes from any of ``metadata_files``."""
    if not metadata_files:
        return set()
    sidecars = {m[: -len(SIDECAR_SUFFIX)] for m in metadata_files if m.endswith(SIDECAR_SUFFIX)}
    folders = {os.path.dirname(m) for m in metadata_files if m.endswith(os.sep + DIRECTORY_META)}
    return {p for p in paths if p in sidecars or os.path.dirname(p) in folders}


def _under(path: str, sources: Sequence[str]) -> bool:
    return any(path == s or path.startswith(s.rstrip(os.sep) + os.sep) for s in sources)


def _remove(plan: _Draft, key: str) -> None:
    entry = plan.files.pop(key)
    _release(plan, key, entry.article_ids)
    plan.removed.append(key)


def _release(plan: _Draft, key: str, article_ids: Iterable[str]) -> None:
    for aid in article_ids:
        plan.delete.add(aid)
        if plan.claimed.get(aid) == key:
            del plan.claimed[aid]


def _let_copies_take_over(plan: _Draft, manifest: Manifest, *, released: set[str]) -> None:
    """Re-read the copies of articles whose owning file changed or was removed."""
    done = {*plan.added, *plan.updated}
    for key, entry in manifest.files.items():
        if key in plan.files and key not in done and released.intersection(entry.duplicate_of):
            if key in plan.unchanged:
                plan.unchanged.remove(key)
            _visit(plan, key, force=True)


def _visit(plan: _Draft, key: str, *, force: bool) -> None:
    old = plan.files.get(key)
    try:
        stat = os.stat(key)
        if old and not force and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            plan.unchanged.append(key)
            return
        if not stat_module.S_ISREG(stat.st_mode):
            # A pipe or device named like a page would block the read forever.
            plan.failed.append(Problem(key, "not a regular file"))
            return
        if stat.st_size > size_limit(Path(key)):
            plan.skipped.append(Problem(key, too_large(Path(key))))
            return
        data = read_bytes(Path(key))
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        if old and not force and old.digest == digest:
            plan.files[key] = replace(old, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            plan.unchanged.append(key)
            return
        pages = read_pages(key, data)
    except SourceError as exc:
        plan.failed.append(Problem(key, exc.reason))
        return
    except OSError as exc:
        plan.failed.append(Problem(key, _os_reason(exc)))
        return
    _index_pages(plan, key, old, FileEntry(stat.st_size, stat.st_mtime_ns, digest), pages)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found (a broken link?)"
    return exc.strerror or str(exc)


def _index_pages(
    plan: _Draft, key: str, old: FileEntry | None, entry: FileEntry, pages: list[Page]
) -> None:
    """Index the pages of one file that are new or changed; keep the ones that are not."""
    owned = set(old.article_ids) if old else set()
    kept, fresh = _sort_pages(plan, key, old, pages)
    kept_ids = {aid for _, aid in kept}
    failures = len(plan.failed)
    share = entry.size // max(len(pages), 1)
    done = _extract_fresh(plan, key, fresh, kept_ids=kept_ids, share=share)
    if not kept and not done.pages:
        if len(plan.failed) == failures:
            plan.failed.append(Problem(key, "no article found"))
        return
    stale = owned - kept_ids
    plan.delete |= stale
    _release(plan, key, stale - set(done.article_ids))
    plan.files[key] = replace(
        entry,
        article_ids=tuple(dict.fromkeys([*(aid for _, aid in kept), *done.article_ids])),
        pages=tuple(kept) + done.pages,
        duplicate_of=done.duplicate_of,
    )
    if old is None:
        plan.added.append(key)
    elif fresh or len(kept) != len(owned):
        plan.updated.append(key)
    else:
        plan.unchanged.append(key)


def _sort_pages(
    plan: _Draft, key: str, old: FileEntry | None, pages: list[Page]
) -> tuple[list[tuple[str, str]], list[tuple[str, Page]]]:
    """Split pages into those the index holds unchanged (digest, article id) and the rest."""
    owned = set(old.article_ids) if old else set()
    known = dict(old.pages) if old else {}
    kept: list[tuple[str, str]] = []
    fresh: list[tuple[str, Page]] = []
    for page in pages:
        digest = page_digest(page)
        aid = known.get(digest)
        if aid in owned and plan.claimed.get(aid) == key:
            kept.append((digest, aid))
        else:
            fresh.append((digest, page))
    return kept, fresh


def _extract_fresh(
    plan: _Draft, key: str, fresh: list[tuple[str, Page]], *, kept_ids: set[str], share: int
) -> FileEntry:
    """Extract the new and changed pages of one file, counting ``share`` bytes of progress
    for each; the result's size fields are unused."""
    ids: list[str] = []
    pages: list[tuple[str, str]] = []
    owners: list[str] = []
    for digest, page in fresh:
        plan.meter.advance(share)
        try:
            article = extract_page(page)
        except SourceError as exc:
            plan.failed.append(Problem(page.source, exc.reason))
            continue
        pages.append((digest, article.id))
        owner = plan.claimed.get(article.id)
        if owner is not None and owner != key:
            plan.duplicates.append(Problem(article.source, f"same article as {owner}"))
            owners.append(owner)
        elif article.id in ids or article.id in kept_ids:
            plan.duplicates.append(Problem(article.source, "same article twice in this file"))
        else:
            plan.claimed[article.id] = key
            ids.append(article.id)
            plan.add(to_documents(article))
    return FileEntry(0, 0, "", tuple(ids), tuple(pages), tuple(dict.fromkeys(owners)))
