from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from whoosh import fields

import searchlib
from searchlib import manifest
from searchlib.engine import whoosh_engine, whoosh_schema
from searchlib.errors import IndexCorruptError, IndexMissingError, QueryError, SearchIndexError


def test_search_ranks_and_highlights(seeded_index: searchlib.Index) -> None:
    results = seeded_index.search("artillery shells", limit=5)
    assert results.total >= 5 and len(results.hits) == 5
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True)
    top = results.hits[0]
    marked = top.snippet.marked()
    assert "[artillery]" in marked.lower() and "[shells]" in marked.lower()
    assert top.text.startswith(top.snippet.text.strip("…")[:20])


def test_hit_carries_article_metadata(seeded_index: searchlib.Index) -> None:
    hit = seeded_index.search('"artillery shells" despot', limit=1).hits[0]
    assert hit.outlet == "LBC"
    assert hit.date == dt.date(2022, 11, 2)
    assert hit.authors == ("Will Taylor",)
    assert hit.position == 0
    assert hit.article_id.startswith("kim-backs-vlad")


def test_paging_does_not_repeat_hits(seeded_index: searchlib.Index) -> None:
    first = seeded_index.search("korea", limit=3, page=1).hits
    second = seeded_index.search("korea", limit=3, page=2).hits
    keys = {(h.article_id, h.position) for h in first}
    assert keys.isdisjoint((h.article_id, h.position) for h in second)


def test_exclusion_and_phrase(seeded_index: searchlib.Index) -> None:
    for hit in seeded_index.search("shells -kim", limit=50).hits:
        assert "kim" not in hit.text.lower()
    phrase = seeded_index.search('"artillery shells"', limit=50)
    assert all("artillery shells" in (h.text + h.title).lower() for h in phrase.hits)


def test_filters_and_facets(seeded_index: searchlib.Index) -> None:
    results = seeded_index.search("korea", limit=50, outlet="lbc", facets=True)
    assert results.hits and all(h.outlet == "LBC" for h in results.hits)
    assert set(results.facets["outlet"]) == {"LBC"}
    dated = seeded_index.search("korea", limit=50, since=dt.date(2024, 1, 1))
    assert dated.hits and all(h.date and h.date >= dt.date(2024, 1, 1) for h in dated.hits)


def test_sort_by_date(seeded_index: searchlib.Index) -> None:
    hits = seeded_index.search("korea", limit=50, sort="date").hits
    dates = [h.date for h in hits if h.date]
    assert dates == sorted(dates, reverse=True)


def test_bad_limit_is_a_query_error(seeded_index: searchlib.Index) -> None:
    with pytest.raises(QueryError):
        seeded_index.search("korea", limit=0)


def test_update_is_incremental(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    first = fresh_index.update([seeds_copy])
    assert len(first.added) == 5 and first.ok
    count = fresh_index.paragraph_count()
    again = fresh_index.update()
    assert len(again.unchanged) == 5 and not again.changed
    assert fresh_index.paragraph_count() == count


def test_update_follows_changes_and_deletes(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    fresh_index.update([seeds_copy])
    victim = next(seeds_copy.glob("003_*.txt"))
    victim.unlink()
    report = fresh_index.update()
    assert report.removed == (str(victim),)
    assert fresh_index.search("Kirby", limit=5).total == 0
    page = next(seeds_copy.glob("002_*.txt"))
    extra = (
        "Zanzibar port officials confirmed on Friday that the shipment of artillery had arrived."
    )
    page.write_text(page.read_text() + f"\n{extra}\n")
    report = fresh_index.update()
    assert report.updated == (str(page),)
    assert fresh_index.search("zanzibar").total == 1


def test_rename_and_duplicate_keep_one_copy(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    fresh_index.update([seeds_copy])
    count = fresh_index.paragraph_count()
    page = next(seeds_copy.glob("001_*.txt"))
    page.rename(seeds_copy / "renamed.txt")
    report = fresh_index.update()
    assert len(report.removed) == 1 and len(report.added) == 1
    assert fresh_index.paragraph_count() == count
    shutil.copy(seeds_copy / "renamed.txt", seeds_copy / "copy.txt")
    report = fresh_index.update()
    assert len(report.duplicates) == 1
    assert fresh_index.paragraph_count() == count


def test_bad_files_do_not_stop_the_others(tmp_path: Path, fresh_index: searchlib.Index) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.txt").write_text(
        "A headline for a test\n\nThe harbour authority said on Monday that ten ships had docked.\n"
    )
    (source / "empty.txt").write_bytes(b"")
    (source / "binary.txt").write_bytes(b"\x00\x01\x02")
    (source / "image.png").write_bytes(b"\x89PNG")
    (source / "broken.txt").symlink_to(tmp_path / "missing")
    report = fresh_index.update([source])
    assert [Path(p).name for p in report.added] == ["good.txt"]
    assert {Path(p.source).name for p in report.failed} == {"empty.txt", "binary.txt", "broken.txt"}
    assert {Path(p.source).name for p in report.skipped} == {"image.png"}


def test_missing_source_is_reported(tmp_path: Path, fresh_index: searchlib.Index) -> None:
    report = fresh_index.update([tmp_path / "nowhere"])
    assert report.failed and "no such file" in report.failed[0].reason


def test_update_without_sources_needs_remembered_ones(fresh_index: searchlib.Index) -> None:
    with pytest.raises(SearchIndexError, match="no sources"):
        fresh_index.update()


def test_dry_run_writes_nothing(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    report = fresh_index.update([seeds_copy], dry_run=True)
    assert len(report.added) == 5
    assert fresh_index.paragraph_count() == 0


def test_rebuild_starts_over(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    fresh_index.update([seeds_copy])
    count = fresh_index.paragraph_count()
    report = fresh_index.update(rebuild=True)
    assert len(report.added) == 5
    assert fresh_index.paragraph_count() == count


def test_index_path_that_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(IndexCorruptError, match="is a file"):
        searchlib.Index(path)


def test_missing_index_without_create(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError):
        searchlib.Index(tmp_path / "none", create=False)


def test_check_finds_a_manifest_that_disagrees(
    seeds_copy: Path, fresh_index: searchlib.Index
) -> None:
    fresh_index.update([seeds_copy])
    assert fresh_index.check() == 5
    generation = max(int(p.stem.rsplit("-", 1)[1]) for p in fresh_index.path.glob("searchlib-*"))
    current = manifest.load(fresh_index.path, generation)
    dropped = dict(list(current.files.items())[1:])
    manifest.save(fresh_index.path, replace(current, files=dropped), generation)
    with pytest.raises(IndexCorruptError, match="disagree"):
        fresh_index.check()


def test_exists_after_first_update(seeds_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "ix"
    with searchlib.Index(path) as index:
        assert not searchlib.Index.exists(path)
        index.update([seeds_copy])
    assert searchlib.Index.exists(path)


def test_rebuild_repairs_a_lost_manifest(seeds_copy: Path, fresh_index: searchlib.Index) -> None:
    fresh_index.update([seeds_copy])
    for path in fresh_index.path.glob("searchlib-manifest-*"):
        path.unlink()
    with pytest.raises(IndexCorruptError, match="--rebuild"):
        fresh_index.update()
    report = fresh_index.update([seeds_copy], rebuild=True)
    assert len(report.added) == 5 and fresh_index.check() == 5


def _build_with_older_fields(path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = whoosh_engine.build_schema()
    older.add("doc_id", fields.ID(unique=True))  # as searchlib 0.1 had
    with monkeypatch.context() as patch:
        patch.setattr(whoosh_engine, "build_schema", lambda: older)
        with searchlib.Index(path) as index:
            index.update([seeds])


def test_rebuild_replaces_an_index_built_with_older_fields(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ix"
    _build_with_older_fields(path, seeds_copy, monkeypatch)
    (path / "searchlib-manifest.json").write_text("{}")
    (path / "notes.txt").write_text("mine")
    old_segments = {p.name for p in path.glob("MAIN_*.*")}
    assert old_segments
    index = searchlib.Index(path)
    with pytest.raises(IndexCorruptError, match="older searchlib"):
        index.search("artillery")
    report = index.update([seeds_copy], rebuild=True)
    assert len(report.added) == 5 and index.check() == 5
    assert index.search("artillery").total > 0
    assert (path / "notes.txt").read_text() == "mine"
    assert not old_segments & {p.name for p in path.iterdir()}
    assert not (path / "searchlib-manifest.json").exists()
    index.close()


def test_index_with_older_fields_needs_a_rebuild(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ix"
    _build_with_older_fields(path, seeds_copy, monkeypatch)
    with searchlib.Index(path) as index, pytest.raises(IndexCorruptError, match="--rebuild"):
        index.update([seeds_copy])


def test_index_analysed_by_an_older_searchlib_needs_a_rebuild(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ix"
    older = whoosh_engine.build_schema()
    older["content"].analyzer = whoosh_schema.name_analyzer()  # same fields, other analysis
    with monkeypatch.context() as patch:
        patch.setattr(whoosh_engine, "build_schema", lambda: older)
        with searchlib.Index(path) as index:
            index.update([seeds_copy])
    with searchlib.Index(path) as index, pytest.raises(IndexCorruptError, match="older searchlib"):
        index.search("artillery")
