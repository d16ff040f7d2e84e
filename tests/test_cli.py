from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchlib.cli import main, search_command


@pytest.fixture
def workdir(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a copy of the seeds, as the current directory, no index yet."""
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHLIB_INDEX", raising=False)
    return tmp_path


def test_search_builds_default_index_and_highlights(workdir: Path) -> None:
    result = CliRunner().invoke(search_command, ["artillery shells", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "building it from ./seeds" in result.stderr
    assert "**artillery shells**" in result.stdout
    assert result.stdout.count("\n1. ") + result.stdout.startswith("1. ") == 1
    assert (workdir / "index").is_dir()


def test_search_json_lines(workdir: Path) -> None:
    result = CliRunner().invoke(search_command, ["artillery shells", "--json", "-n", "2"])
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["date"] == "2022-11-02" and first["outlet"] == "LBC"
    assert {"title", "authors", "position", "text", "snippet", "score"} <= set(first)


def test_no_hits_exits_1(workdir: Path) -> None:
    assert CliRunner().invoke(search_command, ["zzzyyyxxx"]).exit_code == 1


@pytest.mark.parametrize("query", ["", "colour:red", "date:soon"])
def test_bad_query_exits_2_with_message(workdir: Path, query: str) -> None:
    result = CliRunner().invoke(search_command, [query])
    assert result.exit_code == 2
    assert "Error:" in result.output and "Traceback" not in result.output


def test_index_command_and_env(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEARCHLIB_INDEX", str(workdir / "elsewhere"))
    result = CliRunner().invoke(main, ["index", "seeds"])
    assert result.exit_code == 0, result.output
    assert "5 added" in result.stderr
    again = CliRunner().invoke(main, ["index"])
    assert "5 unchanged" in again.stderr
    assert CliRunner().invoke(main, ["search", "Kirby"]).exit_code == 0


def test_index_path_is_a_file(workdir: Path) -> None:
    (workdir / "afile").write_text("x")
    result = CliRunner().invoke(main, ["index", "seeds", "--index", "afile"])
    assert result.exit_code == 3
    assert "is a file" in result.output and "Traceback" not in result.output


def test_missing_source_directory(workdir: Path) -> None:
    result = CliRunner().invoke(main, ["index", "nope", "--index", "ix"])
    assert result.exit_code == 1
    assert "nope" in result.stderr and "no such file" in result.stderr


def test_explicit_missing_index_is_an_error(workdir: Path) -> None:
    result = CliRunner().invoke(search_command, ["korea", "--index", "nothing-here"])
    assert result.exit_code == 3
    assert "no index" in result.output


def test_extract_command(workdir: Path) -> None:
    path = next((workdir / "seeds").glob("000_*.txt"))
    result = CliRunner().invoke(main, ["extract", str(path), "--json"])
    data = json.loads(result.stdout)
    assert data["authors"] == ["Will Taylor"] and data["outlet"] == "LBC"
    binary = workdir / "bin.txt"
    binary.write_bytes(b"\x00\xff\x00")
    bad = CliRunner().invoke(main, ["extract", str(binary)])
    assert bad.exit_code == 3 and "binary" in bad.output
