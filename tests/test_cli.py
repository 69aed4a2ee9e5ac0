"""The command line: every command has --help, --json where output is data, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vitagraph.cli import app

runner = CliRunner()
COMMANDS = ["ingest", "list", "show", "remove", "extract", "export"]


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_ingest_show_list_remove(db_path: Path, mini_file: Path):
    db = str(db_path)
    result = run("ingest", str(mini_file), "--db", db, "--no-extract")
    assert result.exit_code == 0, result.output
    assert "added ada-example.txt" in result.output

    again = run("ingest", str(mini_file), "--db", db, "--json", "--no-extract")
    assert again.exit_code == 0
    assert json.loads(again.output)[0]["status"] == "unchanged"

    listed = json.loads(run("list", "--db", db, "--json").output)
    assert [d["name"] for d in listed] == ["ada-example.txt"]

    shown = run("show", "ada-example", "--db", db, "--json")
    data = json.loads(shown.output)
    assert data["title"] == "Ada Example"
    assert [s["heading"] for s in data["sections"]] == ["Early life", "Works"]
    assert data["sections"][0]["sections"][0]["heading"] == "Education"
    assert data["counts"]["list_items"] == 2
    text = run("show", "ada-example", "--db", db)
    assert text.exit_code == 0 and "Early life" in text.output and "Born" in text.output

    removed = run("remove", "ada-example.txt", "--db", db, "--json")
    assert json.loads(removed.output)["removed"]["name"] == "ada-example.txt"
    assert json.loads(run("list", "--db", db, "--json").output) == []


def test_sample_flag(db_path: Path):
    result = run("ingest", "--sample", "--db", str(db_path), "--json", "--no-extract")
    assert result.exit_code == 0
    assert json.loads(result.output)[0]["name"] == "victor-serge.txt"


def test_failures_exit_nonzero_with_one_line(db_path: Path, tmp_path: Path, mini_file: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("ingest", str(mini_file), str(empty), "--db", str(db_path), "--no-extract")
    assert result.exit_code == 1
    assert "added ada-example.txt" in result.output
    assert f"error: {empty}: [E101]" in result.output


def test_missing_document_and_database(db_path: Path, mini_file: Path):
    missing_db = run("show", "x", "--db", str(db_path))
    assert missing_db.exit_code == 1 and "E202" in missing_db.output
    run("ingest", str(mini_file), "--db", str(db_path), "--no-extract")
    missing = run("show", "nobody", "--db", str(db_path))
    assert missing.exit_code == 1 and "E300" in missing.output
    assert run("remove", "nobody", "--db", str(db_path)).exit_code == 1


def test_no_paths_is_a_usage_error(db_path: Path):
    assert run("ingest", "--db", str(db_path)).exit_code == 2
    assert run("ingest", "x.txt", "--format", "docx", "--db", str(db_path)).exit_code == 2


def test_console_script_runs(tmp_path: Path, mini_file: Path):
    """The installed entry point, as a user runs it (python -m vitagraph)."""
    db = tmp_path / "cli.db"
    proc = subprocess.run(
        [sys.executable, "-m", "vitagraph", "ingest", str(mini_file), "--db", str(db), "--json", "--no-extract"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["status"] == "added"
