"""vitagraph export: one document to stdout or a file, --all into a directory, every format."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_export_common import load_back, odd, odd_document
from vitagraph.cli import app
from vitagraph.export import EXPORTERS, MEDIA
from vitagraph.model import Record
from vitagraph.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "x.db"
    with Store(path) as s:
        s.save(odd_document(), odd())
        other = odd_document().__class__(name="other.txt", text="Another life.", format="text")
        s.save(other, Record("other.txt", None))
    return str(path)


def test_liferecord_to_stdout_still_works(db):
    result = runner.invoke(app, ["export", "zoe <odd> & co", "--db", db, "--format", "liferecord"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["format"] == "liferecord/1"


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_from_the_database(db, fmt, tmp_path):
    target = tmp_path / f"out{MEDIA[fmt][0]}"
    result = runner.invoke(app, ["export", "zoe <odd> & co.txt", "--db", db, "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    load_back(fmt, target.read_bytes())


def test_binary_to_stdout_when_not_a_terminal(db):
    result = runner.invoke(app, ["export", "zoe <odd> & co.txt", "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    assert zipfile.ZipFile(io.BytesIO(result.stdout_bytes)).testzip() is None


def test_output_directory_gets_a_name(db, tmp_path):
    result = runner.invoke(app, ["export", "zoe <odd> & co.txt", "--db", db, "--format", "turtle", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "zoe_odd_co.ttl").exists()


def test_all(db, tmp_path):
    out = tmp_path / "exports"
    result = runner.invoke(app, ["export", "--all", "--db", db, "--format", "geojson", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["other.geojson", "zoe_odd_co.geojson"]
    assert json.loads((out / "other.geojson").read_text())["features"] == []


def test_all_reports_documents_without_a_record(tmp_path):
    path = tmp_path / "y.db"
    with Store(path) as s:
        s.save(odd_document(), odd())
        s.save(odd_document().__class__(name="bare.txt", text="No record.", format="text"))
    out = tmp_path / "o"
    result = runner.invoke(app, ["export", "--all", "--db", str(path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert "bare.txt" in result.output and "E402" in result.output
    assert [p.name for p in out.iterdir()] == ["zoe_odd_co.json"]


@pytest.mark.parametrize("args, message", [
    (["--all"], "-o DIR"),
    ([], "one document, or --all"),
    (["zoe <odd> & co", "--all", "-o", "x"], "one document, or --all"),
    (["zoe <odd> & co", "--format", "pdf"], "unknown export format"),
])
def test_usage_errors(db, args, message):
    result = runner.invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_document(db):
    result = runner.invoke(app, ["export", "nobody", "--db", db, "--format", "json"])
    assert result.exit_code == 1 and "E300" in result.output


@pytest.mark.parametrize("command", ["export", "sparql"])
def test_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_sparql_reads_stdin_and_one_document(db):
    q = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a schema:Event }"
    result = runner.invoke(app, ["sparql", "-", "--db", db, "--doc", "zoe <odd> & co", "--output-format", "tsv"],
                           input=q)
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[-1].startswith('"9"') or result.stdout.split()[-1] == "9"


def test_sparql_construct_is_turtle(db):
    q = "CONSTRUCT { ?w schema:name ?n } WHERE { ?w a schema:Book ; schema:name ?n }"
    result = runner.invoke(app, ["sparql", q, "--db", db])
    assert result.exit_code == 0, result.output
    import rdflib

    g = rdflib.Graph().parse(data=result.stdout, format="turtle")
    assert {str(o) for o in g.objects()} == {"Ночь"}
