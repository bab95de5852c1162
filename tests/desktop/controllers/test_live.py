"""A team archive on PostgreSQL, live: another client's write reaches this window's panes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db import archive as archive_module
from db.archive import Archive
from db.commands import NewSource, add_source
from tests.desktop.helpers import open_window

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_url: str) -> Iterator[Archive]:
    opened = archive_module.open(postgres_url)
    with opened.engine.begin() as connection:
        connection.execute(text("TRUNCATE sources, actors, codes, memos, tombstones, merge_peers, "
                                "merge_history, original_files, saved_searches RESTART IDENTITY CASCADE"))
    yield opened
    opened.close()


def test_a_write_from_another_client_shows_in_the_sources_pane(
    qtbot: QtBot, team: Archive, postgres_url: str
) -> None:
    window = open_window(qtbot, team)
    live = window.controllers.live
    assert live.active
    qtbot.waitUntil(live.listening.is_set, timeout=5_000)
    model = window.sources.view.model()
    assert model.rowCount() == 0
    other = archive_module.open(postgres_url)
    try:
        with other.session() as s:
            add_source(s, NewSource(text="Forty people were killed in Grozny.", title="From a colleague"))
        # nothing else tells this window: only the notification (how fast: benchmarks/bench_team.py)
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3_000)
    finally:
        other.close()
    window.close()
    assert not live.active


def test_a_sqlite_archive_has_no_listener(qtbot: QtBot, archive: Archive) -> None:
    window = open_window(qtbot, archive)
    assert not window.controllers.live.active
    window.close()
