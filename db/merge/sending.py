""""Send a copy to a colleague": a copy of the archive that both remember as their common ancestor.

The copy gets an identity of its own; then each archive records what the other looks like (the
ancestor of their next three-way merge), so when the colleague's copy comes back, a field only
one of them changed is simply taken, and only fields both changed are conflicts.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import delete, update

from db import archive as archive_module
from db.archive import Archive
from db.merge.opening import MergeError, copy_sqlite
from db.merge.run import merge_archives
from db.models import ArchiveInfo, MergeBase, MergePeer


def send_copy(archive: Archive, out: Path) -> Path:
    """Write a copy of ``archive`` to ``out`` (a new SQLite file) and record it as the ancestor."""
    out = Path(out)
    if out.exists():
        raise MergeError(f"{out}: already exists; choose a new file for the copy")
    out.parent.mkdir(parents=True, exist_ok=True)
    if archive.path is not None:
        copy_sqlite(archive.path, out)
    copy = archive_module.open(out)
    try:
        with copy.session() as session:
            session.execute(update(ArchiveInfo).where(ArchiveInfo.key == "archive_uuid")
                            .values(value=str(uuid.uuid4())))
            # a copy of a file knows the file's peers; its own history starts now
            session.execute(delete(MergeBase))
            session.execute(delete(MergePeer))
        if archive.path is None:
            merge_archives(copy, archive.location)  # a team archive: its rows into the new file
        merge_archives(archive, out)  # nothing to change: records the copy as the ancestor
        merge_archives(copy, archive.location if archive.path is None else archive.path)
    finally:
        copy.close()
    return out
