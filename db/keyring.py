"""The key of an open encrypted archive, and the engine's connections keyed with it.

:mod:`db.archive` keeps a :class:`KeyRing` for an encrypted archive; every connection its engine
makes is a sqlcipher3 one keyed from it before any other statement, so locking the archive
(forgetting the key, closing the connections) leaves nothing that can read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from db import keys, sqlite_file


@dataclass
class KeyRing:
    """The data key of an encrypted archive while it is unlocked (None while locked); every new
    connection of its engine is keyed from here."""

    path: Path
    key: bytes | None = field(default=None, repr=False)


ASK_PASSPHRASE = "give its passphrase (DOSSIER_PASSPHRASE, --passphrase-file F, or at the prompt)"


def unlock(path: Path, passphrase: str | None) -> bytes:
    """The data key of the encrypted archive ``path``, unwrapped with ``passphrase``."""
    from db import archive as errors
    from db import optional_parts

    try:
        optional_parts.require("encryption")
    except optional_parts.Missing as error:
        raise errors.ArchiveError(f"{path}: the archive is encrypted, but {error}") from None
    if passphrase is None:
        raise errors.EncryptedArchive(f"{path}: the archive is encrypted: {ASK_PASSPHRASE}")
    try:
        return keys.unlock(path, passphrase)
    except keys.WrongPassphrase:
        raise errors.EncryptedArchive(f"{path}: the archive is encrypted and the passphrase is wrong: "
                                      "try again with its passphrase") from None
    except keys.KeyFileError as error:
        raise errors.ArchiveError(f"{path}: the archive is encrypted, but {error}") from None


def keyed(engine: Engine, keyring: KeyRing) -> None:
    """Make every connection of ``engine`` a sqlcipher3 one keyed with the archive's key."""

    @event.listens_for(engine, "do_connect")
    def connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        if keyring.key is None:
            from db import archive as errors

            raise errors.ArchiveLocked(f"{keyring.path}: the archive is locked: unlock it with its passphrase")
        connection = dialect.loaded_dbapi.connect(*cargs, **cparams)
        connection.execute("PRAGMA cipher_log_level = NONE")
        sqlite_file.apply_key(connection, keyring.key)
        return connection


def engine_options(keyring: KeyRing | None) -> dict[str, Any]:
    if keyring is None:
        return {}
    from sqlcipher3 import dbapi2

    return {"module": dbapi2}
