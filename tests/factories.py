"""Small builders for test data, written through the same commands the app uses."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from db.archive import Archive
from db.commands import NewSource, NewStatistic, add_source, add_statistic
from db.dates import PartialDate


def make_source(
    archive: Archive,
    text: str = "Some 40 people were killed in Grozny, officials said.",
    *,
    title: str = "A report",
    published: PartialDate | None = None,
    outlet: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> int:
    with archive.session() as session:
        return add_source(
            session,
            NewSource(text=text, title=title, published=published, outlet=outlet, author=author,
                      language=language),
        )


def make_statistic(archive: Archive, source_id: int | None, quote: str | None = None, **fields: object) -> int:
    """A statistic; with ``quote`` its span is found in the source's text."""
    from db.queries import source_text

    start = end = None
    with archive.session() as session:
        if source_id is not None and quote is not None:
            text = source_text(session, source_id) or ""
            start = text.index(quote)
            end = start + len(quote)
        values: dict[str, object] = {"value": 1.0, "measure": "killed", **fields}
        return add_statistic(
            session, NewStatistic(source_id=source_id, start=start, end=end, **values)  # type: ignore[arg-type]
        )


def make_old_archive(path: Path, revision: str, sources: Iterable[tuple[str, str, str | None]]) -> None:
    """A SQLite archive left at an older ``revision`` holding ``sources`` (title, text, language),
    as an older Dossier wrote it (for upgrade tests)."""
    from db import archive as archive_module
    from db.archive import migrate

    engine = archive_module._sqlite_engine(path)
    migrate(engine, revision)
    with engine.begin() as connection:
        for n, (title, text, language) in enumerate(sources):
            connection.exec_driver_sql(
                "INSERT INTO sources (uuid, title, kind, text, language) VALUES (?, ?, 'article', ?, ?)",
                (f"old-{n}", title, text, language))
    engine.dispose()
