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


@pytest.fixture
def indexed(workdir: Path) -> Path:
    result = CliRunner().invoke(main, ["index", "seeds"])
    assert result.exit_code == 0, result.output
    return workdir


def _first_id(workdir: Path) -> str:
    result = CliRunner().invoke(search_command, ["artillery shells", "--json", "-n", "1"])
    return str(json.loads(result.stdout.splitlines()[0])["article_id"])


def test_csv_output_has_header_and_rows(indexed: Path) -> None:
    import csv

    result = CliRunner().invoke(search_command, ["korea", "--format", "csv", "-n", "3"])
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert len(rows) == 3 and [r["rank"] for r in rows] == ["1", "2", "3"]
    assert all("korea" in r["snippet"].lower() for r in rows)


def test_color_only_when_asked(indexed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = CliRunner().invoke(search_command, ["artillery", "-n", "1"])
    assert "\x1b[" not in plain.stdout and "**artillery**" in plain.stdout.lower()
    colored = CliRunner().invoke(search_command, ["artillery", "-n", "1", "--color"])
    assert "\x1b[" in colored.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    forced_tty = CliRunner().invoke(search_command, ["artillery", "-n", "1"], color=True)
    assert "\x1b[" not in forced_tty.stdout


def test_filters_page_and_sort(indexed: Path) -> None:
    args = ["korea", "--json", "-n", "50", "--outlet", "lbc"]
    hits = [
        json.loads(line) for line in CliRunner().invoke(search_command, args).stdout.splitlines()
    ]
    assert hits and {h["outlet"] for h in hits} == {"LBC"}
    args = ["korea", "--json", "-n", "50", "--since", "2024", "--sort", "date"]
    hits = [
        json.loads(line) for line in CliRunner().invoke(search_command, args).stdout.splitlines()
    ]
    dates = [h["date"] for h in hits]
    assert dates and all(d >= "2024-01-01" for d in dates) and dates == sorted(dates, reverse=True)
    page1 = CliRunner().invoke(search_command, ["korea", "--json", "-n", "2"]).stdout
    page2 = CliRunner().invoke(search_command, ["korea", "--json", "-n", "2", "-p", "2"]).stdout
    assert (
        page1 != page2
        and "Hits 3-4" in CliRunner().invoke(search_command, ["korea", "-n", "2", "-p", "2"]).stderr
    )


def test_bad_date_option_is_usage_error(indexed: Path) -> None:
    result = CliRunner().invoke(search_command, ["korea", "--since", "soon"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_facets_and_explain(indexed: Path) -> None:
    result = CliRunner().invoke(search_command, ["korea OR putin", "--facets", "--explain"])
    assert "Query: (korea OR putin)" in result.stderr
    assert "By outlet" in result.stdout and "LBC" in result.stdout
    as_json = CliRunner().invoke(search_command, ["korea", "--facets", "--json"])
    last = json.loads(as_json.stdout.strip().splitlines()[-1])
    assert last["facets"]["outlet"]["LBC"] > 0


def test_explain_shows_alias_expansion(indexed: Path) -> None:
    result = CliRunner().invoke(search_command, ["DPRK missiles", "--explain"])
    assert 'Query: ANY((DPRK OR "north korea"), missiles)' in result.stderr


def test_show_article(indexed: Path) -> None:
    article_id = _first_id(indexed)
    result = CliRunner().invoke(main, ["show", article_id, "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == article_id and len(data["paragraphs"]) > 5
    text = CliRunner().invoke(main, ["show", article_id])
    assert "Will Taylor" in text.stdout and data["paragraphs"][1] in text.stdout
    missing = CliRunner().invoke(main, ["show", "no-such-article"])
    assert missing.exit_code == 1 and "no article" in missing.output


def test_stats(indexed: Path) -> None:
    data = json.loads(CliRunner().invoke(main, ["stats", "--json"]).stdout)
    assert data["articles"] == 5 and data["files"] == 5 and data["paragraphs"] > 50
    assert data["first_date"] <= data["last_date"] and data["size_bytes"] > 0
    text = CliRunner().invoke(main, ["stats"]).stdout
    assert "Articles" in text and "LBC" in text
    assert CliRunner().invoke(main, ["stats", "--index", "nowhere"]).exit_code == 3


def test_index_json_and_dry_run(workdir: Path) -> None:
    dry = CliRunner().invoke(main, ["index", "seeds", "--dry-run", "--json"])
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True and len(report["added"]) == 5
    assert not (workdir / "index" / "searchlib-manifest.json").exists()


@pytest.mark.parametrize("command", ["search", "index", "extract", "show", "stats"])
def test_every_command_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_help_shows_the_index_variable() -> None:
    assert "SEARCHLIB_INDEX" in CliRunner().invoke(main, ["search", "--help"]).output


def test_extract_text_output(workdir: Path) -> None:
    path = next((workdir / "seeds").glob("002_*.txt"))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    assert "Authors: Olena Mukhina" in result.stdout and "Date: 2024-01-22" in result.stdout


def test_per_article_collapses_hits(indexed: Path) -> None:
    args = ["artillery shells", "--json", "-n", "50", "--per-article"]
    hits = [
        json.loads(line) for line in CliRunner().invoke(search_command, args).stdout.splitlines()
    ]
    ids = [h["article_id"] for h in hits]
    assert len(ids) == len(set(ids)) > 1
    assert any(h["more_in_article"] > 0 for h in hits)


def test_did_you_mean(indexed: Path) -> None:
    result = CliRunner().invoke(search_command, ["artilery"])
    assert "Did you mean: artillery" in result.stderr


def test_user_aliases_file(indexed: Path) -> None:
    aliases = indexed / "my-aliases.txt"
    aliases.write_text("Zorblax = Kirby\n")
    plain = CliRunner().invoke(search_command, ["Zorblax"])
    assert plain.exit_code == 1
    expanded = CliRunner().invoke(search_command, ["Zorblax", "--aliases", str(aliases)])
    assert expanded.exit_code == 0 and "Kirby" in expanded.stdout


def test_feedback_flag(workdir: Path) -> None:
    records = [
        {
            "id": "trial",
            "title": "Trial",
            "text": "Aspirin lowers clotting in old patients, blocking prostaglandin.",
        },
        {"id": "cohort", "title": "Cohort", "text": "Prostaglandin fell."},
        *({"id": f"f{i}", "title": "Filler", "text": f"Calm day {i}."} for i in range(100)),
    ]
    (workdir / "claims.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    assert CliRunner().invoke(main, ["index", "claims.jsonl"]).exit_code == 0
    claim = ["aspirin lowers clotting in old patients", "--json"]
    expanded = CliRunner().invoke(search_command, claim)
    plain = CliRunner().invoke(search_command, [*claim, "--no-feedback"])
    assert expanded.stdout.count("\n") == 2 and "Cohort" in expanded.stdout
    assert plain.stdout.count("\n") == 1 and "Cohort" not in plain.stdout
    explained = CliRunner().invoke(search_command, [*claim, "--explain"])
    assert "Also searched (feedback): prostaglandin" in explained.stderr


def test_author_and_until_filters(indexed: Path) -> None:
    args = ["korea", "--json", "-n", "50", "--author", "taylor"]
    hits = [
        json.loads(line) for line in CliRunner().invoke(search_command, args).stdout.splitlines()
    ]
    assert hits and all(h["authors"] == ["Will Taylor"] for h in hits)
    args = ["korea", "--json", "-n", "50", "--until", "2023"]
    hits = [
        json.loads(line) for line in CliRunner().invoke(search_command, args).stdout.splitlines()
    ]
    assert hits and all(h["date"] and h["date"] <= "2023-12-31" for h in hits)


def test_no_color_wins_over_a_terminal(indexed: Path) -> None:
    result = CliRunner().invoke(search_command, ["artillery", "--no-color"], color=True)
    assert "\x1b[" not in result.stdout


def test_index_rebuild(indexed: Path) -> None:
    result = CliRunner().invoke(main, ["index", "--rebuild"])
    assert result.exit_code == 0 and "5 added" in result.stderr


def test_python_dash_m(indexed: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "searchlib", "search", "artillery", "-n", "1", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["article_id"]
