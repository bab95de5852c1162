"""Projects made to hurt, or broken: refused or imported in what is whole, never half-imported."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from db.archive import Archive
from db.importer import import_paths
from db.interchange.refi import safety
from db.interchange.refi.project import export_qdpx
from tests.db.interchange.dump import counts
from tests.db.interchange.refi.projects import project_xml, selection_xml, write_qdpx

A, B = "C5E4C960-5296-4FDE-8C63-DEABA4E17F92", "7391D47A-323D-4291-8202-ED599C250828"


def _source(guid: str, name: str, path: str) -> str:
    return (f'<TextSource guid="{guid}" name="{name}" plainTextPath="{path}">'
            f'{selection_xml(guid[:-4] + "0001", 0, 4)}</TextSource>')


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
          b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>')


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["entity expansion", "external entity"])
def test_entities_are_refused(xml: bytes, archive: Archive, tmp_path: Path) -> None:
    [result] = import_paths(archive, [write_qdpx(tmp_path / "evil.qdpx", xml, {})])
    assert result.status == "failed"
    assert "refused" in (result.error or "")
    assert "entities" in (result.error or "")
    assert sum(counts(archive).values()) == 0


def test_a_member_path_that_leaves_the_project_is_refused(archive: Archive, tmp_path: Path) -> None:
    xml = project_xml("x", _source(A, "Good", f"internal://{A}.txt") + _source(B, "Evil", "internal://../../etc/passwd"))
    path = write_qdpx(tmp_path / "p.qdpx", xml, {f"Sources/{A}.txt": b"Good text.", "../../etc/passwd": b"root:x:0:0"})
    results = import_paths(archive, [path])
    assert [r.status for r in results] == ["failed", "imported", "imported"]
    assert "leaves the project" in (results[0].error or "")
    assert results[0].part == "source “Evil”"
    assert counts(archive)["sources"] == 1


def test_a_member_too_large_to_unpack_is_refused(archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MEMBER_LIMIT", 64 << 10)
    xml = project_xml("x", _source(A, "Bomb", f"internal://{A}.txt"))
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        z.writestr(f"Sources/{A}.txt", b"a" * (1 << 20))  # a megabyte of one letter packs to 1 KB
    assert path.stat().st_size < 8 << 10
    [source, _summary] = import_paths(archive, [path])
    assert source.status == "failed"
    assert "unpacks to more than" in (source.error or "")


def test_a_partial_project_imports_what_is_whole_and_names_the_rest(tmp_path: Path, archive_path: Path) -> None:
    xml = project_xml("x", _source(A, "Whole", f"internal://{A}.txt") + _source(B, "Missing", f"internal://{B}.txt"))
    path = write_qdpx(tmp_path / "partial.qdpx", xml, {f"Sources/{A}.txt": b"Whole text."})
    done = subprocess.run([sys.executable, "-m", "desktop", "--archive", str(archive_path), "import", str(path), "--json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    results = json.loads(done.stdout)
    assert [r["status"] for r in results] == ["failed", "imported", "imported"]
    assert results[0]["part"] == "source “Missing”"
    assert "missing from the project" in results[0]["error"]
    assert f"{path} (source “Missing”): not imported: its file {B}.txt is missing" in done.stderr


def test_not_a_zip(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "broken.qdpx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    [result] = import_paths(archive, [path])
    assert result.status == "failed"
    assert "ZIP" in (result.error or "")


def test_nothing_is_half_imported(sample_archive: Archive, archive: Archive, tmp_path: Path) -> None:
    """A project whose last part cannot be written leaves nothing of its first parts."""
    good = tmp_path / "good.qdpx"
    with sample_archive.session() as s:
        export_qdpx(s, good)
    damaged = tmp_path / "damaged.qdpx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "dossier/dossier.json":
                extras = json.loads(data)
                del extras["statistics"][0]["uuid"]
                data = json.dumps(extras).encode()
            target.writestr(item, data)
    [result] = import_paths(archive, [damaged])
    assert result.status == "failed"
    assert "nothing of the project was imported" in (result.error or "")
    assert sum(counts(archive).values()) == 0
