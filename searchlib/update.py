"""Bring an index in step with its source files: find what changed, extract only that.

An update stats every file, hashes only files whose size or modification time changed, and
re-extracts only files whose content hash changed. Deleted files' articles are removed, a
renamed file keeps its article, and the same article in two files is indexed once.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .documents import to_documents
from .engine import Engine
from .errors import SourceError
from .extract import extract_page
from .manifest import FileEntry, Manifest
from .models import Article, ParagraphDoc, Problem, UpdateReport
from .read import is_metadata_file, is_readable_kind, iter_files, read_bytes, read_pages

log = logging.getLogger("searchlib")

Progress = Callable[[int, int], None]
UNSUPPORTED = "not a supported file type (.txt, .html, .htm, .json, .jsonl)"


@dataclass
class _Plan:
    """What an update will do, filled in file by file."""

    files: dict[str, FileEntry]
    claimed: dict[str, str]
    delete: set[str] = field(default_factory=set)
    add: list[ParagraphDoc] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)

    def report(self) -> UpdateReport:
        return UpdateReport(
            added=tuple(self.added),
            updated=tuple(self.updated),
            removed=tuple(self.removed),
            unchanged=tuple(self.unchanged),
            duplicates=tuple(self.duplicates),
            skipped=tuple(self.skipped),
            failed=tuple(self.failed),
        )


def absolute_sources(sources: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """Sources as absolute paths (links are kept, not resolved), without repeats."""
    return tuple(dict.fromkeys(os.path.abspath(os.fspath(s)) for s in sources))


def plan_update(
    manifest: Manifest, sources: Sequence[str], progress: Progress | None = None
) -> _Plan:
    """Work out what to delete and add so the index matches the files under ``sources``."""
    plan = _Plan(files=dict(manifest.files), claimed=_claims(manifest))
    paths = _collect(sources, plan)
    present = set(paths)
    gone = [key for key in manifest.files if _under(key, sources) and key not in present]
    for key in gone:
        _remove(plan, key)
    revived = {k for k, e in manifest.files.items() if e.duplicate_of in set(gone)}
    for done, key in enumerate(paths, 1):
        _visit(plan, key, force=key in revived)
        if progress:
            progress(done, len(paths))
    return plan


def apply_plan(engine: Engine, plan: _Plan) -> None:
    """Write the plan to the engine in one commit."""
    if plan.delete or plan.add:
        engine.write(sorted(plan.delete), plan.add)


def _claims(manifest: Manifest) -> dict[str, str]:
    return {aid: path for path, entry in manifest.files.items() for aid in entry.article_ids}


def _collect(sources: Sequence[str], plan: _Plan) -> list[str]:
    paths: list[str] = []
    for source in sources:
        try:
            found = list(iter_files([source]))
        except SourceError as exc:
            plan.failed.append(Problem(source, exc.reason))
            continue
        for path in found:
            if is_metadata_file(path):
                continue
            if not is_readable_kind(path):
                plan.skipped.append(Problem(str(path), UNSUPPORTED))
                continue
            paths.append(str(path))
    return list(dict.fromkeys(paths))


def _under(path: str, sources: Sequence[str]) -> bool:
    return any(path == s or path.startswith(s.rstrip(os.sep) + os.sep) for s in sources)


def _remove(plan: _Plan, key: str) -> None:
    entry = plan.files.pop(key)
    plan.delete.update(entry.article_ids)
    for aid in entry.article_ids:
        plan.claimed.pop(aid, None)
    plan.removed.append(key)


def _visit(plan: _Plan, key: str, *, force: bool) -> None:
    old = plan.files.get(key)
    try:
        stat = os.stat(key)
        if old and not force and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            plan.unchanged.append(key)
            return
        data = read_bytes(Path(key))
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        if old and not force and old.digest == digest:
            plan.files[key] = replace(old, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            plan.unchanged.append(key)
            return
        articles = _extract_all(key, data, plan)
    except SourceError as exc:
        plan.failed.append(Problem(key, exc.reason))
        return
    except OSError as exc:
        plan.failed.append(Problem(key, exc.strerror or str(exc)))
        return
    _replace(plan, key, old, FileEntry(stat.st_size, stat.st_mtime_ns, digest), articles)


def _extract_all(key: str, data: bytes, plan: _Plan) -> list[Article]:
    articles: list[Article] = []
    for page in read_pages(key, data):
        try:
            articles.append(extract_page(page))
        except SourceError as exc:
            plan.failed.append(Problem(page.source, exc.reason))
    if not articles:
        raise SourceError(key, "no article found")
    return articles


def _replace(
    plan: _Plan, key: str, old: FileEntry | None, entry: FileEntry, articles: list[Article]
) -> None:
    if old:
        plan.delete.update(old.article_ids)
        for aid in old.article_ids:
            plan.claimed.pop(aid, None)
    ids: list[str] = []
    duplicate_of = None
    for article in articles:
        owner = plan.claimed.get(article.id)
        if owner is not None and owner != key:
            plan.duplicates.append(Problem(article.source, f"same article as {owner}"))
            duplicate_of = owner
            continue
        plan.claimed[article.id] = key
        if article.id not in ids:
            ids.append(article.id)
            plan.add.extend(to_documents(article))
    plan.files[key] = replace(entry, article_ids=tuple(ids), duplicate_of=duplicate_of)
    (plan.updated if old else plan.added).append(key)
