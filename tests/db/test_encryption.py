"""Encryption at rest: an encrypted archive leaves no plaintext on disk, opens only with its
passphrase, changes passphrase without re-encrypting, and decrypts back to everything it held."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import archive as archive_module
from db import backups, encryption, keys, sqlite_file
from db.archive import Archive, EncryptedArchive
from db.cli import main
from tests.factories import make_source

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
#: words seeded into the sources that must never be found on disk in the clear
MARKERS = {"text": "Qorvakhanite", "title": "Zelmirovsky", "note": "Pravdulinka", "actor": "Brokhtalian"}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _forms(word: str) -> list[bytes]:
    """A marker as it could sit in a file: UTF-8, UTF-16 either way, lower and upper case."""
    out = []
    for variant in {word, word.lower(), word.upper()}:
        out += [variant.encode("utf-8"), variant.encode("utf-16-le"), variant.encode("utf-16-be")]
    return out


def _found(root: Path, skip: Path) -> list[str]:
    hits = []
    for file in root.rglob("*"):
        if not file.is_file() or skip in file.parents:
            continue
        data = file.read_bytes()
        hits += [f"{file}: {word}" for word in MARKERS.values() if any(f in data for f in _forms(word))]
    return hits


@pytest.fixture
def encrypted(archive: Archive) -> Archive:
    make_source(archive, title="A plain source", text="Nothing secret here at all.")
    path = archive.path
    assert path is not None
    archive.close()
    encryption.encrypt_file(path, PASSPHRASE)
    return archive_module.open(path, passphrase=PASSPHRASE)


def test_an_encrypted_archive_opens_only_with_its_passphrase_and_is_left_untouched(
    encrypted: Archive, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = encrypted.path
    assert path is not None
    encrypted.close()
    before = _sha256(path), _sha256(keys.key_file(path))
    assert not sqlite_file.is_sqlite(path)

    monkeypatch.delenv("DOSSIER_PASSPHRASE", raising=False)
    assert main(["--archive", str(path), "sources"]) == 2
    assert capsys.readouterr().err.startswith(f"{path}: the archive is encrypted")
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "not the passphrase")
    assert main(["--archive", str(path), "import", str(REPO / "README.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: the archive is encrypted")
    assert "wrong" in err
    assert (_sha256(path), _sha256(keys.key_file(path))) == before
    assert not any(j.exists() for j in sqlite_file.with_journals(path)[1:])

    passphrase_file = path.parent / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.delenv("DOSSIER_PASSPHRASE")
    assert main(["--archive", str(path), "--passphrase-file", str(passphrase_file), "sources", "--json"]) == 0
    assert [s["title"] for s in json.loads(capsys.readouterr().out)] == ["A plain source"]


def test_rekey_keeps_the_data_pages_and_the_old_passphrase_stops_working(
    encrypted: Archive, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = encrypted.path
    assert path is not None
    encrypted.close()
    pages = _sha256(path)
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "a new passphrase")
    assert main(["--archive", str(path), "rekey"]) == 0
    assert _sha256(path) == pages  # only the wrapped key changed
    with pytest.raises(EncryptedArchive, match="wrong"):
        archive_module.open(path, passphrase=PASSPHRASE)
    reopened = archive_module.open(path, passphrase="a new passphrase")
    with reopened.session() as session:
        from db.queries import list_sources

        assert [s.title for s in list_sources(session)] == ["A plain source"]
    reopened.close()


def test_decrypt_gives_a_plain_sqlite_file_with_everything_in_it(encrypted: Archive, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = encrypted.path
    assert path is not None
    encrypted.close()
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--archive", str(path), "decrypt"]) == 0
    assert "decrypted" in capsys.readouterr().out
    assert sqlite_file.is_sqlite(path)
    assert not keys.key_file(path).exists()
    import sqlite3

    with sqlite3.connect(path) as plain:
        assert plain.execute("SELECT title FROM sources").fetchall() == [("A plain source",)]
        assert plain.execute("PRAGMA quick_check").fetchone() == ("ok",)
    monkeypatch.delenv("DOSSIER_PASSPHRASE")
    assert main(["--archive", str(path), "search", "secret", "--json"]) == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == ["A plain source"]


def test_backups_of_an_encrypted_archive_are_encrypted_with_their_key_file(encrypted: Archive) -> None:
    path = encrypted.path
    assert path is not None
    assert encrypted.key is not None
    before = archive_module.backup_sqlite(path, "test", encrypted.key)
    copy = path.parent / "copy.sqlite"
    backups.copy_archive(encrypted, copy)
    encrypted.close()
    for made in (before, copy):
        assert not sqlite_file.is_sqlite(made)
        assert keys.key_file(made).exists()
        assert b"A plain source" not in made.read_bytes()
    opened = archive_module.open(copy, passphrase=PASSPHRASE)
    with opened.session() as session:
        from db.queries import list_sources

        assert [s.title for s in list_sources(session)] == ["A plain source"]
    opened.close()


def test_a_locked_archive_cannot_be_read_until_unlocked(encrypted: Archive) -> None:
    from db.archive import ArchiveLocked
    from db.queries import list_sources

    encrypted.lock()
    with pytest.raises(ArchiveLocked), encrypted.session() as session:
        list_sources(session)
    with pytest.raises(EncryptedArchive):
        encrypted.unlock("wrong")
    encrypted.unlock(PASSPHRASE)
    with encrypted.session() as session:
        assert len(list_sources(session)) == 1
    encrypted.close()


def test_a_postgresql_archive_is_not_encrypted_here(capsys: pytest.CaptureFixture[str]) -> None:
    from db.cli.crypto import cmd_encrypt

    class Remote:
        path = None
        location = "postgresql://team@server/dossier"
        encrypted = False

    assert cmd_encrypt(Remote(), None) == 2  # type: ignore[arg-type]
    assert "the server's" in capsys.readouterr().err


def test_no_plaintext_of_an_encrypted_archive_anywhere_on_disk(tmp_path: Path) -> None:
    """The archive used from the command line (import, search, annotate, an actor): every file
    written under the test's folders (the archive and its journals, HOME, the XDG folders,
    TMPDIR) is searched for the words seeded into the sources."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    page = inputs / "report.html"
    page.write_text(f"<html><head><title>{MARKERS['title']} report</title></head><body><p>The field notes "
                    f"mention {MARKERS['text']} twice: {MARKERS['text']} again, in a long paragraph of "
                    "ordinary words so that the reader keeps it as the body of the page.</p></body></html>",
                    encoding="utf-8")
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DOSSIER_"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               DOSSIER_SETTINGS_DIR=str(home / "settings"), DOSSIER_PASSPHRASE=PASSPHRASE,
               PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    for folder in (home, tmp):
        folder.mkdir()
    path = tmp_path / "secret.sqlite"

    def dossier(*argv: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([sys.executable, "-m", "desktop", "--archive", str(path), *argv],
                              env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done

    dossier("sources")
    dossier("encrypt")
    assert json.loads(dossier("import", str(page), "--json").stdout)[0]["status"] == "imported"
    hits = json.loads(dossier("search", MARKERS["text"].lower(), "--json").stdout)
    assert [h["source_id"] for h in hits] == [1]
    dossier("annotate", "1", "0", "5", "--note", f"informant {MARKERS['note']} met here")
    dossier("actor", "add", MARKERS["actor"], "--kind", "person")
    shown = json.loads(dossier("show", "1", "--json").stdout)
    assert MARKERS["title"] in shown["title"]
    assert shown["annotations"][0]["note"].endswith("met here")

    written = [p for p in tmp_path.rglob("*") if p.is_file() and inputs not in p.parents]
    assert path in written
    assert keys.key_file(path) in written
    assert _found(tmp_path, inputs) == []


def test_the_wal_of_an_open_encrypted_archive_is_encrypted_too(encrypted: Archive) -> None:
    path = encrypted.path
    assert path is not None
    make_source(encrypted, title=f"About {MARKERS['title']}", text=f"{MARKERS['text']} said so.")
    with encrypted.session() as session:  # a reader keeps the WAL from being checkpointed away
        from db.search import search_sources

        assert search_sources(session, MARKERS["text"].lower(), limit=5)
        wal = Path(f"{path}-wal")
        assert wal.exists()
        assert wal.stat().st_size > 0
        assert _found(path.parent, path.parent / "none") == []
    encrypted.close()


def test_an_encrypted_backup_restores_with_its_key_file(encrypted: Archive) -> None:
    path = encrypted.path
    assert path is not None
    backup = archive_module.backup_sqlite(path, "before-test", encrypted.key)
    encrypted.close()
    path.write_bytes(b"\0" * 4096)  # the archive is lost
    keys.key_file(path).unlink()
    aside = sqlite_file.restore_backup(path, backup)
    assert aside.exists()
    reopened = archive_module.open(path, passphrase=PASSPHRASE)
    with reopened.session() as session:
        from db.queries import list_sources

        assert [s.title for s in list_sources(session)] == ["A plain source"]
    reopened.close()


def test_merging_into_an_encrypted_archive_keeps_its_backup_encrypted(
    encrypted: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    path = encrypted.path
    assert path is not None
    encrypted.close()
    other_path = tmp_path / "colleague.sqlite"
    other = archive_module.open(other_path)
    make_source(other, title=f"From {MARKERS['title']}", text=f"{MARKERS['text']} in the field.")
    other.close()
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--archive", str(path), "merge", str(other_path)]) == 0, capsys.readouterr().err
    backup = backups.automatic_backups(path)[0]  # the merge's, or the day's when it holds the same
    assert not sqlite_file.is_sqlite(backup)
    assert keys.key_file(backup).exists()
    # the merged words are only in the colleague's plain file, not in ours nor its backup
    assert _found(backups.backup_folder(), path.parent / "none") == []
    assert set(_found(path.parent, other_path.parent / "none")) == {f"{other_path}: {MARKERS['title']}",
                                                                    f"{other_path}: {MARKERS['text']}"}


def test_encrypting_removes_the_plain_backups_that_would_keep_the_contents_readable(
        archive: Archive, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_source(archive, title=MARKERS["title"], text=f"{MARKERS['text']} met the patrol.")
    path = archive.path
    assert path is not None
    daily = backups.back_up(archive, backups.DAILY)
    beside = archive_module.backup_sqlite(path, "before-upgrade")
    archive.close()
    assert daily is not None
    assert MARKERS["title"].encode() in daily.read_bytes()
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert main(["--archive", str(path), "encrypt"]) == 0
    assert "removed its 2 unencrypted backup(s)" in capsys.readouterr().out
    assert not daily.exists()
    assert not beside.exists()
    assert _found(path.parent, skip=path.parent / "nothing") == []
    assert _found(backups.backup_folder(), skip=path.parent / "nothing") == []


def test_the_raw_key_never_appears_in_sql_text(tmp_path: Path) -> None:
    """The data key goes through SQLCipher's key call: no statement a trace (or a log of SQL)
    could record holds it."""
    import os

    import sqlcipher3

    from db.sqlite_file import apply_key

    key = os.urandom(32)
    statements: list[str] = []
    connection = sqlcipher3.connect(str(tmp_path / "traced.sqlite"))
    try:
        connection.set_trace_callback(statements.append)
        apply_key(connection, key)
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES ('kept')")
        connection.commit()
    finally:
        connection.close()
    assert statements  # the trace saw the statements
    assert not any(key.hex() in s.lower() for s in statements)
    reopened = sqlcipher3.connect(str(tmp_path / "traced.sqlite"))
    try:
        apply_key(reopened, key)
        assert reopened.execute("SELECT x FROM t").fetchall() == [("kept",)]
    finally:
        reopened.close()
