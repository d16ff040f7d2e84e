from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import searchlib
from searchlib import read, update
from searchlib.errors import IndexLockedError
from searchlib.manifest import Manifest

ARTICLE = (
    "{title}\n\n"
    "The harbour authority said on {day} that ten ships had docked after the storm, "
    "in a report titled '{title}'.\n\n"
    "Officials expect full operations to resume by the end of the week, a statement said.\n"
)
HTML = (
    "<html><head><title>{title} | Example Times</title>"
    '<meta name="author" content="Jane Roe">'
    '<meta property="article:published_time" content="2024-03-05"></head><body>'
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
    "<p>The lighthouse keeper reported on Friday that the beacon had been repaired after "
    "weeks of failures along the northern coast.</p>"
    "<p>Fishing crews welcomed the news, saying the dark nights had kept boats in port.</p>"
    "</article><footer>Subscribe to our newsletter</footer></body></html>"
)


def _page(path: Path, title: str = "Ships dock after storm", day: str = "Monday") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, day=day), encoding="utf-8")
    return path


def _record(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"rec-{n}",
        "title": f"Record number {n}",
        "text": f"Paragraph one of record {n} mentions quartz{n}.\n\nParagraph two of it.",
        "outlet": "Wire",
        "date": "2023-01-0" + str(1 + n % 9),
        "author": "A Writer",
    } | extra


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    return folder


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts of files read and pages extracted by updates."""
    counts = {"read": 0, "extract": 0}

    def wrap(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counting(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return real(*args, **kwargs)

        return counting

    monkeypatch.setattr(update, "read_bytes", wrap("read", update.read_bytes))
    monkeypatch.setattr(update, "extract_page", wrap("extract", update.extract_page))
    return counts


# -- formats -------------------------------------------------------------------------------


def test_every_input_format_is_indexed(src: Path, fresh_index: searchlib.Index) -> None:
    _page(src / "a.txt")
    (src / "deep" / "b.html").parent.mkdir()
    (src / "deep" / "b.html").write_text(HTML.format(title="Beacon repaired"))
    _write_jsonl(src / "c.jsonl", [_record(1), _record(2)])
    (src / "d.json").write_text(json.dumps([_record(3)]))
    (src / "e.pdf").write_bytes(b"%PDF-1.4")
    report = fresh_index.update([src])
    assert sorted(Path(p).name for p in report.added) == ["a.txt", "b.html", "c.jsonl", "d.json"]
    assert [Path(p.source).name for p in report.skipped] == ["e.pdf"]
    assert fresh_index.check() == 5
    hit = fresh_index.search("lighthouse beacon").hits[0]
    assert (hit.title, hit.authors, str(hit.date)) == (
        "Beacon repaired",
        ("Jane Roe",),
        "2024-03-05",
    )
    assert "Subscribe" not in " ".join(h.text for h in fresh_index.search("newsletter").hits)
    record = fresh_index.search("quartz3").hits[0]
    assert (record.article_id, record.outlet, record.authors) == ("rec-3", "Wire", ("A Writer",))


def test_json_record_text_is_kept_whole(src: Path, fresh_index: searchlib.Index) -> None:
    # Clean record text skips chrome stripping: a short line that looks like chrome stays.
    text = "Share this\n\nThe mayor opened the new bridge over the river on Sunday."
    _write_jsonl(src / "r.jsonl", [{"id": "x", "title": "Bridge", "text": text}])
    fresh_index.update([src])
    assert fresh_index.search('"share this"').total == 1


# -- what changed -------------------------------------------------------------------------------


def test_unchanged_files_are_not_read(
    src: Path, fresh_index: searchlib.Index, counted: dict[str, int]
) -> None:
    page = _page(src / "a.txt")
    fresh_index.update([src])
    counted.update(read=0, extract=0)
    fresh_index.update()
    assert counted == {"read": 0, "extract": 0}
    os.utime(page, ns=(1, 1))
    report = fresh_index.update()
    assert counted == {"read": 1, "extract": 0}
    assert report.unchanged == (str(page),)


def test_jsonl_reindexes_only_changed_records(
    src: Path, fresh_index: searchlib.Index, counted: dict[str, int]
) -> None:
    path = _write_jsonl(src / "all.jsonl", [_record(n) for n in range(5)])
    fresh_index.update([src])
    count = fresh_index.paragraph_count()
    counted.update(extract=0)
    changed = [_record(n) for n in range(5) if n != 1]
    changed[0] = _record(0, text="Paragraph one now mentions basalt.")
    _write_jsonl(path, [*changed, _record(7)])
    report = fresh_index.update()
    assert report.updated == (str(path),)
    assert counted["extract"] == 2
    assert fresh_index.search("quartz0").total == 0 and fresh_index.search("basalt").total == 1
    assert fresh_index.search("quartz1").total == 0 and fresh_index.search("quartz7").total == 1
    assert fresh_index.paragraph_count() == count - 2 - 1 + 2
    assert fresh_index.check() == 5


@pytest.mark.parametrize("kind", ["sidecar", "directory"])
def test_metadata_change_reextracts_the_files_it_describes(
    src: Path, fresh_index: searchlib.Index, kind: str
) -> None:
    page = _page(src / "a.txt")
    other = _page(src / "sub" / "b.txt", title="Another story", day="Friday")
    fresh_index.update([src])
    if kind == "sidecar":
        (src / "a.txt.meta.json").write_text(json.dumps({"outlet": "Gazette"}))
    else:
        (src / "searchlib-meta.json").write_text(json.dumps({"a.txt": {"outlet": "Gazette"}}))
    report = fresh_index.update()
    assert report.updated == (str(page),) and str(other) in report.unchanged
    assert {h.outlet for h in fresh_index.search("harbour", outlet="gazette").hits} == {"Gazette"}


def test_deleted_and_renamed_files(src: Path, fresh_index: searchlib.Index) -> None:
    page = _page(src / "a.txt")
    gone = _page(src / "b.txt", title="Quarry reopens", day="Sunday")
    fresh_index.update([src])
    assert fresh_index.search("quarry").total > 0
    gone.unlink()
    page.rename(src / "renamed.txt")
    report = fresh_index.update()
    assert sorted(report.removed) == sorted([str(page), str(gone)])
    assert report.added == (str(src / "renamed.txt"),)
    assert fresh_index.search("quarry").total == 0
    assert fresh_index.check() == 1


@pytest.mark.parametrize("change", ["delete", "edit"], ids=["original-deleted", "original-edited"])
def test_duplicate_takes_over_from_its_original(
    src: Path, fresh_index: searchlib.Index, change: str
) -> None:
    original = _page(src / "a.txt")
    copy = src / "z-copy.txt"
    shutil.copy(original, copy)
    report = fresh_index.update([src])
    assert [p.source for p in report.duplicates] == [str(copy)]
    if change == "delete":
        original.unlink()
    else:
        _page(original, day="Saturday")
    fresh_index.update()
    sources = {h.source for h in fresh_index.search('"ten ships"', limit=10).hits}
    assert str(copy) in sources
    assert fresh_index.check() == (1 if change == "delete" else 2)


def test_sources_are_remembered_and_dry_run_writes_nothing(
    src: Path, fresh_index: searchlib.Index
) -> None:
    _page(src / "a.txt")
    fresh_index.update([src])
    _page(src / "b.txt", title="Quarry reopens")
    report = fresh_index.update(dry_run=True)
    assert [Path(p).name for p in report.added] == ["b.txt"]
    assert fresh_index.search("quarry").total == 0
    assert [Path(p).name for p in fresh_index.update().added] == ["b.txt"]
    assert fresh_index.search("quarry").total > 0


# -- bad files -------------------------------------------------------------------------------


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "zero.txt": (b"", "empty"),
    "blank.txt": (b" \n\t\n", "empty"),
    "binary.txt": (bytes(range(256)) * 4, "binary"),
    "nobody.html": (b"<html><body><nav>Home</nav></body></html>", "no article body"),
    "bad.jsonl": (b'{"id": "x", "text": "ok"\n', "invalid JSON"),
}


def test_bad_files_are_reported_and_do_not_stop_others(
    src: Path, fresh_index: searchlib.Index
) -> None:
    for name, (data, _) in BAD_FILES.items():
        (src / name).write_bytes(data)
    (src / "broken.txt").symlink_to(src / "missing.txt")
    os.mkfifo(src / "pipe.txt")
    good = _page(src / "good.txt")
    cut = ARTICLE.format(title="Café owners protest", day="Monday").encode() + "é".encode()[:1]
    (src / "truncated.txt").write_bytes(cut)
    report = fresh_index.update([src])
    assert sorted(report.added) == [str(good), str(src / "truncated.txt")]
    reasons = {Path(p.source).name: p.reason for p in report.failed}
    for name, (_, reason) in BAD_FILES.items():
        assert reason in reasons[name], name
    assert "broken link" in reasons["broken.txt"]
    assert reasons["pipe.txt"] == "not a regular file"
    assert fresh_index.search("café").hits[0].title == "Café owners protest"


def test_huge_text_file_is_skipped_without_reading(
    src: Path, fresh_index: searchlib.Index, counted: dict[str, int]
) -> None:
    huge = src / "huge.txt"
    line = b"The same line of text about the harbour, again and again.\n"
    with huge.open("wb") as out:
        out.write(line * (50 * 2**20 // len(line) + 1))
    good = _page(src / "good.txt")
    report = fresh_index.update([src])
    assert report.added == (str(good),)
    assert [(p.source, "larger than" in p.reason) for p in report.skipped] == [(str(huge), True)]
    assert counted["read"] == 1


def test_unreadable_file_is_reported(
    src: Path, fresh_index: searchlib.Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = _page(src / "locked.txt")
    good = _page(src / "good.txt", title="Quarry reopens")
    if os.geteuid() == 0:  # root reads anything: make the read itself fail
        real = Path.read_bytes

        def refuse(path: Path) -> bytes:
            if path == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    else:
        locked.chmod(0)
    report = fresh_index.update([src])
    assert report.added == (str(good),)
    assert [(p.source, p.reason) for p in report.failed] == [(str(locked), "permission denied")]


# -- concurrency and crashes --------------------------------------------------------------------

HOLD_LOCK = """
import sys, time
from pathlib import Path
from searchlib.documents import to_documents
from searchlib.engine import open_engine
from searchlib.models import Article
writer = open_engine(Path(sys.argv[1]), create=False).writer(timeout=5)
writer.add(to_documents(Article("late", "Late news", ("Zeppelins landed nearby.",), "x")))
print("holding", flush=True)
time.sleep(60)
"""


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []

    def start(index_path: Path) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(index_path)], stdout=subprocess.PIPE, text=True
        )
        started.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        return proc

    yield start
    for proc in started:
        proc.kill()
        proc.wait()


def test_second_writer_waits_then_fails_and_readers_see_last_commit(
    src: Path, tmp_path: Path, lock_holder: Callable[[Path], subprocess.Popen[str]]
) -> None:
    _page(src / "a.txt")
    index_path = tmp_path / "index"
    with searchlib.Index(index_path) as index:
        index.update([src])
    holder = lock_holder(index_path)
    _page(src / "b.txt", title="Quarry reopens")
    with searchlib.Index(index_path, lock_timeout=0.3) as index:
        start = time.monotonic()
        with pytest.raises(IndexLockedError, match="another process is writing"):
            index.update()
        assert time.monotonic() - start >= 0.3
        assert index.search("harbour").total == 1 and index.search("zeppelins").total == 0
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        # The killed holder's lock file is still there, but its lock died with it.
        assert [Path(p).name for p in index.update().added] == ["b.txt"]
        assert index.search("zeppelins").total == 0 and index.check() == 2


def _kill_during_update(index_path: Path, src: Path, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "searchlib", "index", "--index", str(index_path), str(src)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_killed_updates_leave_a_working_index(src: Path, tmp_path: Path) -> None:
    rng = random.Random(4)
    index_path = tmp_path / "index"
    _write_jsonl(src / "bulk.jsonl", [_record(n) for n in range(300)])
    for round_ in range(4):
        _page(src / f"page-{round_}.txt", title=f"Story {round_}", day=f"day {round_}")
        _kill_during_update(index_path, src, rng.uniform(0.2, 1.2))
        if searchlib.Index.exists(index_path):
            with searchlib.Index(index_path, create=False) as index:
                index.check()
                index.search("harbour")
    with searchlib.Index(index_path) as index:
        report = index.update([src])
        assert report.ok and index.check() == 304
        assert index.search("quartz299").total == 1


# -- reading -------------------------------------------------------------------------------------


def test_size_limit_depends_on_kind() -> None:
    assert read.size_limit(Path("a.txt")) < read.size_limit(Path("a.jsonl"))


def test_copy_edited_while_its_original_goes_is_reported_once(
    src: Path, fresh_index: searchlib.Index
) -> None:
    original = _page(src / "a.txt")
    copy = src / "z-copy.txt"
    shutil.copy(original, copy)
    fresh_index.update([src])
    original.unlink()
    _page(copy, day="Thursday")
    report = fresh_index.update()
    assert report.updated == (str(copy),) and report.removed == (str(original),)
    assert fresh_index.check() == 1


def test_no_change_update_writes_nothing(src: Path, fresh_index: searchlib.Index) -> None:
    _page(src / "a.txt")
    fresh_index.update([src])
    before = sorted(p.name for p in fresh_index.path.iterdir())
    for _ in range(2):
        assert not fresh_index.update().changed
    assert sorted(p.name for p in fresh_index.path.iterdir()) == before


def test_folder_that_cannot_be_listed_keeps_its_articles(
    src: Path, fresh_index: searchlib.Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(src / "a.txt")
    hidden = _page(src / "locked" / "b.txt", title="Quarry reopens")
    fresh_index.update([src])
    real = os.scandir

    def refuse(path: Any = ".") -> Any:
        if Path(path) == hidden.parent:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    report = fresh_index.update()
    assert [(p.source, p.reason) for p in report.failed] == [
        (str(hidden.parent), "cannot list: Permission denied")
    ]
    assert not report.removed and fresh_index.search("quarry").total > 0


def test_plain_text_indexing_does_not_load_the_html_extractor(src: Path, tmp_path: Path) -> None:
    _page(src / "a.txt")
    script = (
        "import sys, searchlib\n"
        f"searchlib.Index({str(tmp_path / 'ix')!r}).update([{str(src)!r}])\n"
        "print('trafilatura' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_paragraphs_reach_the_sink_one_article_at_a_time(src: Path) -> None:
    _write_jsonl(src / "wire.jsonl", [_record(n) for n in range(3)])
    _page(src / "a.txt")
    batches: list[list[str]] = []
    plan = update.plan_update(
        Manifest(), [str(src)], add=lambda docs: batches.append([d.article_id for d in docs])
    )
    assert len(batches) == 4 and all(len(set(batch)) == 1 for batch in batches)
    assert {batch[0] for batch in batches} == plan.manifest.article_ids()
    assert sum(map(len, batches)) == 3 * 2 + 2  # two paragraphs per record and page


def test_progress_counts_bytes_record_by_record(src: Path, fresh_index: searchlib.Index) -> None:
    files = [_write_jsonl(src / "wire.jsonl", [_record(n) for n in range(6)]), _page(src / "a.txt")]
    calls: list[tuple[int, int]] = []
    fresh_index.update([src], progress=lambda done, total: calls.append((done, total)))
    total = sum(path.stat().st_size for path in files)
    assert {t for _, t in calls} == {total}
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1][0] == total
    # The JSON Lines file reports each of its records, not only its end.
    assert len({d for d, _ in calls if 0 < d < total}) >= 6


def test_progress_never_goes_back_when_a_file_grows_during_the_update(
    src: Path, fresh_index: searchlib.Index
) -> None:
    _page(src / "a.txt")
    wire = _write_jsonl(src / "b.jsonl", [_record(0)])
    _page(src / "c.txt", title="Harbour reopens after repairs")
    calls: list[int] = []

    def grow_the_wire(done: int, total: int) -> None:
        if not calls:  # sizes are taken; b.jsonl is read after this
            _write_jsonl(wire, [_record(n) for n in range(8)])
        calls.append(done)

    fresh_index.update([src], progress=grow_the_wire)
    assert calls == sorted(calls)


def test_progress_is_not_called_when_there_is_nothing_to_read(
    src: Path, fresh_index: searchlib.Index
) -> None:
    (src / "empty.txt").write_bytes(b"")
    calls: list[tuple[int, int]] = []
    report = fresh_index.update([src], progress=lambda done, total: calls.append((done, total)))
    assert calls == [] and report.failed
