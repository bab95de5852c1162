"""The optional parts of the Linux download (``make dist-linux``): the main download works without
them and says what is missing; a part unpacked over it adds its feature.

The Russian and Ukrainian dictionaries are the part tested through a feature: without them a
Russian text imports and an inflected query finds it by its Snowball stems, and the first command
that would have used them says once that they are missing; with them unpacked, an actor
suggestion comes in its base form. Skipped while the archives are missing; with
``DOSSIER_FROZEN=1`` a missing archive fails instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import dist_linux  # noqa: E402

from db import __version__  # noqa: E402
from tests.e2e.downloads import built, unpack  # noqa: E402

TOP = f"dossier-{__version__}"
#: a Russian news text (NEREL test split) whose people and places are met in inflected forms
RUSSIAN = Path("ru") / "nerel" / "test" / "113534_text.txt"
NOTE = "dictionaries (pymorphy3): not installed"

pytestmark = [pytest.mark.frozen, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux download")]


def unpacked(factory: pytest.TempPathFactory, *parts: str) -> Path:
    """The main download unpacked with ``parts`` unpacked where it was (as a person adds them)."""
    folder = factory.mktemp("-".join(("main", *parts)))
    unpack(built(dist_linux.archive_name()), folder)
    for part in parts:
        unpack(built(dist_linux.part_name(part)), folder)
    return folder / TOP


@pytest.fixture(scope="module")
def main_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The main download unpacked, no part added."""
    return unpacked(tmp_path_factory)


@pytest.fixture(scope="module")
def with_dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpacked(tmp_path_factory, "dictionaries")


@pytest.fixture(scope="module")
def with_encryption(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpacked(tmp_path_factory, "encryption")


def dossier(app: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOSSIER_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("QT_QPA_PLATFORM", None)  # the headless commands need no Qt
    return subprocess.run([str(app / "dossier"), *args], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=180, check=False)


def json_of(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


def installed(app: Path, tmp_path: Path) -> dict[str, bool]:
    return {part["name"]: part["installed"] for part in json_of(dossier(app, tmp_path, "parts", "--json"))}


def test_each_part_is_its_own_download_and_not_in_the_main_one(main_only: Path) -> None:
    for part, patterns in dist_linux.PARTS.items():
        assert built(dist_linux.part_name(part)).stat().st_size > 100_000, part
        for pattern in patterns:
            assert not list(main_only.glob(pattern)), f"{pattern} is in the main download"
    assert (main_only / "_internal" / "pdfminer").is_dir()  # only its character maps are a part


def test_without_the_dictionaries_russian_imports_is_found_by_stems_and_the_gap_is_said(
        main_only: Path, tmp_path: Path, shared_data: Path) -> None:
    assert installed(main_only, tmp_path) == {"dictionaries": False, "cjk-pdf": False, "postgresql": False,
                                              "ocr": False, "graphs": False,
                                              "encryption": False}
    archive = str(tmp_path / "ru.sqlite")
    imported = json_of(dossier(main_only, tmp_path, "--archive", archive, "import", str(shared_data / RUSSIAN),
                               "--json"))
    assert imported[0]["status"] == "imported"
    # the text has "миллиардер" and "Рокфеллер": other cases find it by their Snowball stems
    for query in ("миллиардера", "Рокфеллеру"):
        found = dossier(main_only, tmp_path, "--archive", archive, "search", query, "--json")
        assert [hit["source_id"] for hit in json_of(found)] == [imported[0]["source_id"]], query
    suggested = dossier(main_only, tmp_path, "--archive", archive, "suggest", str(imported[0]["source_id"]),
                        "--json")
    assert json_of(suggested)["mentions"], "names are still suggested, as written"
    assert suggested.stderr.count(NOTE) == 1, suggested.stderr
    assert dist_linux.part_name("dictionaries") in suggested.stderr
    listing = dossier(main_only, tmp_path, "parts")
    assert "dictionaries  missing" in listing.stdout


def test_a_postgresql_archive_without_its_part_is_refused_with_the_reason(main_only: Path, tmp_path: Path) -> None:
    result = dossier(main_only, tmp_path, "--archive", "postgresql://nobody@127.0.0.1:1/none", "sources")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot open a PostgreSQL archive" in result.stderr or "cannot open the archive" in result.stderr


def test_an_encrypted_archive_needs_the_encryption_part_and_opens_with_it(
        main_only: Path, with_encryption: Path, tmp_path: Path, shared_data: Path) -> None:
    from db import archive as archive_module
    from db import encryption

    secret = tmp_path / "secret.sqlite"
    archive_module.open(secret, create=True).close()
    encryption.encrypt_file(secret, "correct horse battery staple")  # made from source
    os.environ["DOSSIER_PASSPHRASE"] = "correct horse battery staple"
    try:
        refused = dossier(main_only, tmp_path, "--archive", str(secret), "sources", "--json")
        plain = str(tmp_path / "plain.sqlite")
        imported = dossier(main_only, tmp_path, "--archive", plain, "import",
                           str(shared_data / "seed" / "isis-comes-to-russia.txt"), "--json")
        opened = dossier(with_encryption, tmp_path, "--archive", str(secret), "sources", "--json")
    finally:
        del os.environ["DOSSIER_PASSPHRASE"]
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr, refused.stderr
    assert dist_linux.part_name("encryption") in refused.stderr
    assert json_of(imported)[0]["status"] == "imported"  # a plain archive needs no part
    assert json_of(opened) == []  # the encrypted archive opens, empty as it was made
    assert installed(with_encryption, tmp_path)["encryption"] is True


def test_with_the_dictionaries_unpacked_names_come_in_their_base_form(
        with_dictionaries: Path, main_only: Path, tmp_path: Path, shared_data: Path) -> None:
    assert installed(with_dictionaries, tmp_path)["dictionaries"] is True
    names: dict[str, dict[str, str]] = {}
    for label, app in (("with", with_dictionaries), ("without", main_only)):
        archive = str(tmp_path / f"{label}.sqlite")
        imported = json_of(dossier(app, tmp_path, "--archive", archive, "import", str(shared_data / RUSSIAN), "--json"))
        suggested = dossier(app, tmp_path, "--archive", archive, "suggest", str(imported[0]["source_id"]), "--json")
        names[label] = {m["quote"]: m["name"] for m in json_of(suggested)["mentions"]}
        if label == "with":
            assert NOTE not in suggested.stderr
    # the text has the accusative ("убедить президента Джимми Картера"): the base form comes from the dictionary
    assert names["with"]["Джимми Картера"] == "Джимми Картер"
    assert names["with"]["Марка Ротко"] == "Марк Ротко"
    assert names["without"]["Джимми Картера"] == "Джимми Картера"  # as written, nothing made up


def _chinese_pdf(path: Path) -> Path:
    """A one-page PDF whose Chinese line is set in a font that is not embedded, with Adobe's
    predefined UniGB-UCS2-H encoding: the kind of PDF pdfminer reads through its CJK maps."""
    content = (f"BT /F1 24 Tf 72 700 Td <{CHINESE.encode('utf-16-be').hex().upper()}> Tj ET\n"
               "BT /F2 14 Tf 72 650 Td (Report on the census) Tj ET").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (GB1) /Supplement 2 >> /FontDescriptor 8 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(pdf))
    return path


CHINESE = "中华人民共和国 2024 年"


def test_a_chinese_pdf_keeps_its_text_without_the_cjk_maps_and_says_why(main_only: Path, tmp_path: Path) -> None:
    pdf = _chinese_pdf(tmp_path / "census.pdf")
    archive = str(tmp_path / "cjk.sqlite")
    result = dossier(main_only, tmp_path, "--archive", archive, "import", str(pdf), "--json")
    [imported] = json_of(result)
    assert imported["status"] == "imported"
    assert any(dist_linux.part_name("cjk-pdf") in warning for warning in imported["warnings"]), imported
    shown = json_of(dossier(main_only, tmp_path, "--archive", archive, "show", str(imported["source_id"]), "--json"))
    assert CHINESE in shown["text"]
    assert "Report on the census" in shown["text"]


@pytest.fixture(scope="module")
def with_graphs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpacked(tmp_path_factory, "graphs")


def test_the_network_export_needs_the_graphs_part_and_writes_gephi_files_with_it(
        main_only: Path, with_graphs: Path, tmp_path: Path, sample_archive: Any) -> None:
    import networkx as nx

    archive = sample_archive.location
    sample_archive.close()
    refused = dossier(main_only, tmp_path, "--archive", archive, "export", "network", str(tmp_path / "no.gexf"))
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr, refused.stderr
    assert dist_linux.part_name("graphs") in refused.stderr
    assert not (tmp_path / "no.gexf").exists()
    for suffix, read in ((".gexf", nx.read_gexf), (".graphml", nx.read_graphml)):
        out = tmp_path / f"actors{suffix}"
        written = dossier(with_graphs, tmp_path, "--archive", archive, "export", "network", str(out), "--json")
        assert json_of(written)["count"] == read(out).number_of_edges() > 0
    assert installed(with_graphs, tmp_path)["graphs"] is True
