"""An encrypted archive's key file: the random data key, wrapped by a key made from the passphrase.

An encrypted archive (SQLCipher 4, see :mod:`db.encryption`) is encrypted with a random 32-byte
**data key** given to SQLCipher as a raw key, so SQLCipher runs no key derivation of its own and
the passphrase never appears in SQL. The passphrase makes a **key-encryption key** with Argon2id
(argon2-cffi's ``hash_secret_raw``; its salt and costs are stored beside it) and that key wraps
the data key with AES-256-GCM (``cryptography``). A wrong passphrase fails GCM's check before
SQLCipher is ever asked, and changing the passphrase (``rekey``) rewraps the data key without
re-encrypting a single page of the archive.

Where the wrapped key lives: in a **key file beside the archive**, ``NAME.key`` (``archive.sqlite``
→ ``archive.sqlite.key``), JSON, readable by its owner only, written atomically (temporary name,
fsync, rename). It cannot live inside the archive: nothing in it can be read before decryption.
The key file holds nothing secret without the passphrase, but **without it the archive cannot be
opened by anyone, its owner included**: keep it with the archive (a backup or a copy of an
encrypted archive carries its own key file, see :func:`copy_key_file`); losing it loses the
archive. Whether a file is encrypted is told by its first bytes (a plain SQLite file starts with
"SQLite format 3"), not by the key file: a key file left beside a plain archive is ignored.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

#: the data key's length (AES-256, as SQLCipher 4 uses)
KEY_BYTES = 32
FORMAT = "dossier-archive-key"
VERSION = 1
#: Argon2id costs for a new key file (OWASP: 46 MiB, 2 passes; about 0.2 s, paid on each opening)
TIME_COST = 2
MEMORY_COST_KIB = 46 * 1024
PARALLELISM = 1
#: bound to the ciphertext: a wrapped key is only ever taken for what it says it is
_AAD = f"{FORMAT} v{VERSION}".encode()


class WrongPassphrase(Exception):
    """The passphrase does not unwrap the archive's key."""


class KeyFileError(Exception):
    """The key file is missing, unreadable or not a Dossier key file; the message says which."""


def key_file(archive: Path) -> Path:
    """Where the key file of the archive ``archive`` is."""
    return archive.with_name(archive.name + ".key")


@dataclass(frozen=True)
class WrappedKey:
    """What a key file holds: Argon2id's salt and costs, and the data key sealed with AES-GCM."""

    salt: bytes
    time_cost: int
    memory_cost: int
    parallelism: int
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, object]:
        def text(value: bytes) -> str:
            return base64.b64encode(value).decode("ascii")

        return {"format": FORMAT, "version": VERSION, "kdf": "argon2id",
                "salt": text(self.salt), "time_cost": self.time_cost,
                "memory_cost_kib": self.memory_cost, "parallelism": self.parallelism,
                "cipher": "aes-256-gcm", "nonce": text(self.nonce), "wrapped_key": text(self.sealed)}

    @classmethod
    def from_json(cls, data: object) -> WrappedKey:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Dossier key file")
        if data.get("version") != VERSION or data.get("kdf") != "argon2id":
            raise ValueError(f"a key file of another version ({data.get('version')})")
        def raw(name: str) -> bytes:
            return base64.b64decode(str(data[name]), validate=True)

        return cls(raw("salt"), int(data["time_cost"]), int(data["memory_cost_kib"]),
                   int(data["parallelism"]), raw("nonce"), raw("wrapped_key"))


def _kek(passphrase: str, salt: bytes, time_cost: int, memory_cost: int, parallelism: int) -> bytes:
    # imported here: encryption is an optional part of the standalone download (db.optional_parts)
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=time_cost,
                           memory_cost=memory_cost, parallelism=parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def _aes_gcm(key: bytes) -> AESGCM:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def wrap(data_key: bytes, passphrase: str) -> WrappedKey:
    """Seal ``data_key`` with a key made from ``passphrase`` (a fresh salt and nonce each time)."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = _kek(passphrase, salt, TIME_COST, MEMORY_COST_KIB, PARALLELISM)
    return WrappedKey(salt, TIME_COST, MEMORY_COST_KIB, PARALLELISM, nonce,
                      _aes_gcm(kek).encrypt(nonce, data_key, _AAD))


def unwrap(wrapped: WrappedKey, passphrase: str) -> bytes:
    """The data key; :class:`WrongPassphrase` when ``passphrase`` is not the one it was sealed with."""
    kek = _kek(passphrase, wrapped.salt, wrapped.time_cost, wrapped.memory_cost, wrapped.parallelism)
    from cryptography.exceptions import InvalidTag

    try:
        key = _aes_gcm(kek).decrypt(wrapped.nonce, wrapped.sealed, _AAD)
    except InvalidTag:
        raise WrongPassphrase("wrong passphrase") from None
    if len(key) != KEY_BYTES:
        raise KeyFileError("the key file holds a key of the wrong size")
    return key


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def read(archive: Path) -> WrappedKey:
    """The wrapped key of ``archive``, from its key file."""
    path = key_file(archive)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return WrappedKey.from_json(data)
    except FileNotFoundError:
        raise KeyFileError(f"its key file {path.name} is missing beside it: put it back (from "
                           "where the archive came from, or a backup) to open the archive") from None
    except OSError as error:
        raise KeyFileError(f"its key file {path.name} cannot be read ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise KeyFileError(f"its key file {path.name} is damaged ({error})") from None


def unlock(archive: Path, passphrase: str) -> bytes:
    """The data key of the encrypted archive ``archive``."""
    return unwrap(read(archive), passphrase)


def write(archive: Path, wrapped: WrappedKey) -> None:
    """Write the key file of ``archive``: whole or not at all, private, on disk before it returns."""
    write_to(key_file(archive), wrapped)


def write_to(path: Path, wrapped: WrappedKey) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.creating")
    body = json.dumps(wrapped.to_json(), indent=2).encode("utf-8")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def copy_key_file(archive: Path, copy: Path) -> None:
    """Give ``copy`` (a backup or copy of the encrypted ``archive``) the same key file."""
    write_to(key_file(copy), read(archive))


def rewrap(archive: Path, old: str, new: str) -> None:
    """Change the passphrase of ``archive``: its data key sealed again, the archive untouched."""
    write(archive, wrap(unlock(archive, old), new))


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
