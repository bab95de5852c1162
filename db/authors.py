"""Who is editing: every row a researcher creates or changes carries their name.

The name is set once (``dossier author NAME``/the window's setting, kept in the user's config
folder) or taken from ``DOSSIER_AUTHOR``; failing that, a team archive on PostgreSQL uses the
connection's user and a SQLite file the login name. :func:`watch` stamps ``created_by`` and
``modified_by`` on every ORM write of a session factory.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from db.base import Tracked

APP_NAME = "dossier"


def author_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "author"


def set_author_name(name: str) -> None:
    """Remember the researcher's name for every archive they open from now on."""
    path = author_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(" ".join(name.split()) + "\n", encoding="utf-8")


def chosen_name() -> str | None:
    """The name set once (``DOSSIER_AUTHOR`` first), or None."""
    name = os.environ.get("DOSSIER_AUTHOR", "").strip()
    if name:
        return name
    try:
        return author_file().read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def default_author(server_user: str | None = None) -> str:
    """The name edits carry: the one set once, else the server's user, else the login name."""
    chosen = chosen_name()
    if chosen:
        return chosen
    if server_user:
        return server_user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    author = session.info.get("author")
    if not author:
        return
    for row in session.new:
        if isinstance(row, Tracked):
            if row.created_by is None:
                row.created_by = author
            if row.modified_by is None:
                row.modified_by = author
    for row in session.dirty:
        if isinstance(row, Tracked) and session.is_modified(row, include_collections=False):
            row.modified_by = author


def watch(sessions: sessionmaker[Session]) -> None:
    """Stamp the author (``sessions.kw['info']['author']``) on what this factory's sessions write."""
    event.listen(sessions, "before_flush", _stamp)
