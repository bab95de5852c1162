"""Optional parts of the standalone download (db.optional_parts): from source every part is there;
without one, the feature that needs it does without and says so once, never with a traceback.

A missing part is simulated the way Python itself marks a module as absent (``sys.modules[name]
= None``: ``importlib.util.find_spec`` then finds nothing, as the frozen app finds nothing when the
part was not unpacked). It is the same lookup the frozen app makes, not a stand-in for our code.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import optional_parts
from db.archive import ArchiveError
from db.language import morphology
from tests.conftest import DICTIONARIES

REPO = Path(__file__).resolve().parents[2]


def test_from_source_every_part_is_installed() -> None:
    listed = optional_parts.listing()
    assert {part["name"] for part in listed} == {"dictionaries", "cjk-pdf", "postgresql", "ocr", "graphs", "encryption"}
    assert all(part["installed"] for part in listed), listed
    assert morphology.lemma("боевиков", "ru") == "боевик"


@pytest.mark.usefixtures("without_dictionaries")
def test_without_the_dictionaries_words_stay_as_written_and_it_is_said_once(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="dossier.parts")
    assert not optional_parts.installed("dictionaries")
    assert morphology.lemma("Боевиков", "ru") == "боевиков"
    assert morphology.inflections("бойцы", "ru") == ()
    assert morphology.base_form(["Северном", "Кавказе"]) == ["Северном", "Кавказе"]
    assert morphology.case_forms("Северный Кавказ") == set()
    assert morphology.lemma("містах", "uk") == "містах"
    notes = [record.getMessage() for record in caplog.records if record.name == "dossier.parts"]
    assert len(notes) == 1, notes
    assert "Russian and Ukrainian dictionaries" in notes[0]
    assert optional_parts.archive_name("dictionaries") in notes[0]


@pytest.mark.usefixtures("without_dictionaries")
def test_without_the_dictionaries_an_actor_keeps_the_name_as_written() -> None:
    from db.extract.mentions.matching import ActorMatcher
    from db.extract.mentions.new_actors import suggest_new_actors

    text = "Глава Чечни Рамзан Кадыров заявил об этом в Грозном. Рамзан Кадыров добавил, что всё спокойно."
    names = {m.name for m in suggest_new_actors(text, ActorMatcher([]), "ru")}
    assert "Рамзан Кадыров" in names  # its nominative is as written; no base form is made up


def test_the_cli_without_the_dictionaries_imports_and_finds_russian_by_stems(
        tmp_path: Path, shared_data: Path) -> None:
    text = shared_data / "ru" / "nerel" / "test" / "113534_text.txt"
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in DICTIONARIES)
    archive = tmp_path / "ru.sqlite"

    def dossier(*args: str) -> subprocess.CompletedProcess[str]:
        program = f"import sys; {blocked}; from desktop.main import main; sys.exit(main(sys.argv[1:]))"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        return subprocess.run([sys.executable, "-c", program, "--archive", str(archive), *args],
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)

    imported = dossier("import", str(text), "--json")
    assert json.loads(imported.stdout)[0]["status"] == "imported", imported.stderr
    found = dossier("search", "миллиардерами", "--json")  # the text has "миллиардер"
    assert found.returncode == 0, found.stderr
    assert [hit["source_id"] for hit in json.loads(found.stdout)] == [1]
    assert found.stderr.count("dictionaries (pymorphy3): not installed") == 1, found.stderr
    assert "Traceback" not in imported.stderr + found.stderr
    parts = {part["name"]: part["installed"] for part in json.loads(dossier("parts", "--json").stdout)}
    assert parts == {"dictionaries": False, "cjk-pdf": True, "postgresql": True, "ocr": True, "graphs": True, "encryption": True}


def test_a_postgresql_archive_without_its_driver_says_which_part_is_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db import archive as archive_module

    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(ArchiveError, match="cannot open a PostgreSQL archive: PostgreSQL archives"):
        archive_module.open("postgresql://someone@localhost/dossier")


def test_scanned_pages_without_pdfium_say_which_part_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from db.ingest import ocr

    monkeypatch.setitem(sys.modules, "pypdfium2_raw", None)
    monkeypatch.setattr(optional_parts, "_reported", set())
    with pytest.raises(ocr.OcrUnavailable, match=r"part-ocr\.tar\.zst, not installed"):
        ocr._usable_engine()


#: what the standalone download leaves out without its encryption part (SQLCipher)
ENCRYPTION = ("sqlcipher3", "sqlcipher3.dbapi2")


def test_without_encryption_a_plain_archive_works_and_an_encrypted_one_names_the_part(
        tmp_path: Path, shared_data: Path) -> None:
    from db import archive as archive_module
    from db import encryption

    secret = tmp_path / "secret.sqlite"
    archive_module.open(secret, create=True).close()
    encryption.encrypt_file(secret, "correct horse battery staple")  # made while the part is there
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in ENCRYPTION)
    plain = tmp_path / "plain.sqlite"

    def dossier(archive: Path, *args: str) -> subprocess.CompletedProcess[str]:
        program = f"import sys; {blocked}; from desktop.main import main; sys.exit(main(sys.argv[1:]))"
        env = {**os.environ, "PYTHONPATH": str(REPO), "DOSSIER_PASSPHRASE": "correct horse battery staple"}
        return subprocess.run([sys.executable, "-c", program, "--archive", str(archive), *args],
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)

    imported = dossier(plain, "import", str(shared_data / "seed" / "isis-comes-to-russia.txt"), "--json")
    assert json.loads(imported.stdout)[0]["status"] == "imported", imported.stderr
    found = dossier(plain, "search", "Dagestan", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)
    opened = dossier(secret, "sources", "--json")
    assert opened.returncode != 0
    assert "encrypted archives (SQLCipher): not installed" in opened.stderr
    assert optional_parts.archive_name("encryption") in opened.stderr
    refused = dossier(plain, "encrypt")
    assert refused.returncode != 0
    assert optional_parts.archive_name("encryption") in refused.stderr
    assert not encryption.is_encrypted(plain)  # left as it was
    for done in (imported, found, opened, refused):
        assert "Traceback" not in done.stderr, done.stderr
