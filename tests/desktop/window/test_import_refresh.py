"""An import refreshes the panes of what it wrote: documents the sources and the actors (their
outlets), not the claims, whose conflicts and estimates took seconds to work out again at a million
sources after every batch of news; a project file (REFI-QDA) everything."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Actor
from desktop.window.main_window import MainWindow
from tests.desktop.helpers import settle

REFI = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "refi" / "portableqda-qdc"

PAGE = """<html><head><title>Clashes in Nalchik</title>
<meta property="og:site_name" content="Nalchik Evening Post">
</head><body><article><h1>Clashes in Nalchik</h1>
<p>Clashes in Nalchik left two dead on Tuesday, the regional police said.</p></article></body></html>"""


def _reads(window: MainWindow) -> list[str]:
    """What the window reads again from now on: the claims' list, conflicts, estimates."""
    seen: list[str] = []
    window.lists.statistics_listed.connect(lambda: seen.append("statistics"))
    window.controllers.statistics.conflicts_updated.connect(lambda: seen.append("conflicts"))
    window.controllers.findings.estimates_updated.connect(lambda _findings: seen.append("estimates"))
    return seen


def _import(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.controllers.importing.interactive = False
    with qtbot.waitSignals([window.controllers.importing.finished, window.refreshed], timeout=30_000):
        window.import_paths([path])
    settle(qtbot, window)


def test_documents_imported_refresh_the_sources_and_actors_not_the_claims(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    settle(qtbot, window)
    before = window.sources.model.total
    page = tmp_path / "nalchik.html"
    page.write_text(PAGE, encoding="utf-8")
    reads = _reads(window)
    _import(qtbot, window, page)
    assert window.sources.model.total == before + 1
    assert window.counts_label.text().startswith(f"{before + 1} sources")
    with window.archive.session() as session:
        outlet = session.scalars(select(Actor.id).where(Actor.name == "Nalchik Evening Post")).one()
    assert window.actors.index_of(outlet).isValid()  # the new outlet is listed
    qtbot.wait(300)
    assert reads == []  # no claim changed: nothing of them read or worked out again


def test_a_project_file_imported_refreshes_everything(qtbot: QtBot, window: MainWindow) -> None:
    settle(qtbot, window)
    reads = _reads(window)
    _import(qtbot, window, REFI / "portableQDA_Atlasti.qdc")
    qtbot.waitUntil(lambda: {"statistics", "conflicts", "estimates"} <= set(reads), timeout=20_000)
