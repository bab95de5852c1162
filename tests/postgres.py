"""A throw-away PostgreSQL server for the tests: its own cluster in a temporary folder, listening
only on a Unix socket there, stopped when the tests end.

Found through ``pg_config --bindir`` or Debian's ``/usr/lib/postgresql/N/bin``. PostgreSQL refuses
to run as root, so under root (CI, containers) the cluster belongs to the ``postgres`` system user
that Debian's package creates, and its commands run through ``runuser``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: the database the tests use (created empty in the new cluster)
DATABASE = "dossier_test"


class NoServer(RuntimeError):
    """No PostgreSQL server binaries on this machine, or the cluster would not start."""


def server_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None."""
    pg_config = shutil.which("pg_config")
    candidates: list[Path] = []
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    candidates.extend(reversed(debian))
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "pg_ctl").is_file()), None)


@dataclass
class Server:
    """A running cluster; ``url`` reaches its test database."""

    bindir: Path
    folder: Path
    user: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@/{DATABASE}?host={self.folder}&port=5432"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, check=False, timeout=120)
        if done.returncode != 0:
            raise NoServer(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()}")

    def start(self) -> Server:
        data = self.folder / "data"
        self._run(str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
                  "-o", f"-c listen_addresses='' -k {self.folder} -p 5432 -c fsync=off", "start")
        self._run(str(self.bindir / "createdb"), "-h", str(self.folder), "-p", "5432", "-U", "postgres", DATABASE)
        return self

    def stop(self) -> None:
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(NoServer):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")


def start_server(folder: Path) -> Server:
    """A new cluster in ``folder`` (short path: a socket path may hold ~100 characters)."""
    bindir = server_binaries()
    if bindir is None:
        raise NoServer("no PostgreSQL server on this machine (initdb, pg_ctl); apt-get install postgresql")
    user = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise NoServer("running as root and there is no postgres user to run the server as") from None
        user = "postgres"
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    server = Server(bindir, folder, user)
    try:
        return server.start()
    except (NoServer, subprocess.TimeoutExpired, OSError) as error:
        server.stop()
        raise NoServer(str(error)) from None
