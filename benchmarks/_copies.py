"""A copy of a public repository a benchmark reads its texts from, never copied into this one: a
checked-out folder or a bare git directory (as the mirrors are), given by a path or an
environment variable."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class RepositoryCopy:
    """The files of one copy, read through the file system or, for a bare one, through git."""

    def __init__(self, path: str | os.PathLike[str] | None, variable: str, how: str, folder: str) -> None:
        """``folder``: a folder every checked-out copy has (how a bare one is told apart)."""
        chosen = path or os.environ.get(variable)
        if not chosen:
            raise SystemExit(how)
        self.path = Path(chosen)
        if not self.path.exists():
            raise SystemExit(f"{self.path}: no such folder; {how}")
        self._files_on_disk = (self.path / folder).is_dir()

    def read(self, name: str) -> str:
        """The file at ``name`` (a path inside the repository), as UTF-8."""
        if self._files_on_disk:
            return (self.path / name).read_text(encoding="utf-8")
        return subprocess.run(["git", "--git-dir", str(self.path), "show", f"HEAD:{name}"],
                              check=True, capture_output=True).stdout.decode("utf-8")

    def names(self, folder: str) -> list[str]:
        """The names of the files in ``folder``, sorted."""
        if self._files_on_disk:
            return sorted(p.name for p in (self.path / folder).iterdir())
        listing = subprocess.run(["git", "--git-dir", str(self.path), "ls-tree", "--name-only",
                                  f"HEAD:{folder}"], check=True, capture_output=True, text=True)
        return sorted(listing.stdout.split())
