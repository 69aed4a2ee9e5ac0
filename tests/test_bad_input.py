"""Bad input: a clear one-line error naming the file, and nothing lost."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import vitagraph
from vitagraph.errors import InputError
from vitagraph.ingest import ingest
from vitagraph.readers import decode, read_path

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("bio.txt", "Some text")
    return buf.getvalue()


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "E101"),
        (b"   \n\n\t ", "E101"),
        (PNG, "E102"),
        (zip_bytes(), "E102"),
        (b"%PDF-1.7\n...", "E102"),
        (b"text\x00with\x00nul\x00bytes" * 20, "E102"),
    ],
    ids=["empty", "whitespace", "png", "zip", "pdf", "nul"],
)
def test_unreadable_bytes(tmp_path: Path, data: bytes, code: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(p)
    assert exc.value.code == code
    message = str(exc.value)
    assert str(p) in message and "\n" not in message


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "koi8-r"])
def test_non_utf8_is_decoded_and_said(tmp_path: Path, encoding: str):
    text = {
        "koi8-r": "= Виктор Серж =\n\nВиктор Серж родился в Брюсселе в 1890 году. Он был писателем и революционером.\n",
    }.get(encoding, "= Frédéric Chopin =\n\nFrédéric Chopin était un compositeur né à Żelazowa Wola, près de Varsovie. Il a vécu à Paris.\n")
    if encoding in ("cp1252", "latin-1"):
        text = text.replace("Ż", "Z")
    p = tmp_path / "bio.txt"
    p.write_bytes(text.encode(encoding))
    doc = read_path(p)
    assert doc.paragraphs[0].span.of(doc.text) == text.split("\n\n")[1].strip()
    if encoding != "utf-16":
        assert doc.encoding != "utf-8"
        assert any("decoded as" in w for w in doc.warnings)
    assert doc.title in ("Frédéric Chopin", "Виктор Серж")


def test_utf8_bom_and_crlf(tmp_path: Path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff= Title =\r\n\r\nLine one.\r\n".encode("utf-8"))
    doc = read_path(p)
    assert doc.title == "Title" and doc.encoding == "utf-8"
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")


def test_decode_reports_the_encoding():
    text, enc = decode("Köln und Düsseldorf sind Städte am Rhein, sagte er.".encode("cp1252"))
    assert "Köln" in text and enc != "utf-8"


def test_huge_file_is_refused_before_it_is_loaded(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(InputError) as exc:
        read_path(p)
    assert exc.value.code == "E104" and "50.0 MB" in str(exc.value) and "--max-size" in str(exc.value)


@pytest.mark.slow
def test_huge_file_reads_with_a_raised_limit(tmp_path: Path, db_path: Path):
    from vitagraph.store import Store

    para = "He lived in Paris in 1920 and wrote many articles for newspapers. " * 15 + "\n\n"
    p = tmp_path / "huge.txt"
    n = 50 * 1024 * 1024 // len(para) + 1
    p.write_text("= Huge =\n\n" + para * n, encoding="utf-8")
    assert p.stat().st_size >= 50 * 1024 * 1024
    doc = read_path(p, max_bytes=64 * 1024 * 1024)
    assert len(doc.paragraphs) == n
    with Store(db_path) as store:
        assert store.save_document(doc).status == "added"


def test_no_headings_is_fine(tmp_path: Path):
    p = tmp_path / "flat.txt"
    p.write_text("Anna Example was a painter born in Oslo in 1901.\n\nShe died in 1980.\n")
    doc = read_path(p)
    assert doc.sections == () and len(doc.paragraphs) == 2


@pytest.mark.parametrize(
    "source",
    ["= T =\n\n==x\ntext\n", "= T =\n=\n==\n= =\ntext = more\n", "= T\n\n===Deep===\n==Shallow\n- item\n"],
)
def test_broken_markup_reads(tmp_path: Path, source: str):
    from vitagraph.document import check_invariants

    p = tmp_path / "broken.txt"
    p.write_text(source)
    doc = read_path(p)
    assert check_invariants(doc) == []
    assert "text" in doc.text or "item" in doc.text


def test_missing_path():
    with pytest.raises(InputError) as exc:
        vitagraph.read("/no/such/file.txt")
    assert exc.value.code == "E100" and "/no/such/file.txt" in str(exc.value)


def test_unknown_format(tmp_path: Path, mini_file: Path):
    with pytest.raises(InputError) as exc:
        read_path(mini_file, format="docx")
    assert exc.value.code == "E105"


def test_directory_ingest_reports_each_failure_and_continues(tmp_path: Path, store, mini_file: Path):
    d = tmp_path / "bios"
    d.mkdir()
    (d / "good.txt").write_text(mini_file.read_text())
    (d / "empty.txt").write_text("")
    (d / "image.html").write_bytes(PNG)
    (d / "notes.md").write_text("# Bo Example\n\nBo Example was a sailor from Bergen.\n")
    (d / "ignored.png").write_bytes(PNG)  # unsupported extension: not even tried
    results = ingest(store, [d])
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == {"good.txt", "empty.txt", "image.html", "notes.md"}
    assert by_name["good.txt"].status == "added" and by_name["notes.md"].status == "added"
    assert by_name["empty.txt"].status == "failed" and "E101" in by_name["empty.txt"].error
    assert by_name["image.html"].status == "failed" and "E102" in by_name["image.html"].error
    assert {r.name for r in store.documents()} == {"good.txt", "notes.md"}
