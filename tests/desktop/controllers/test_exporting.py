"""File ▸ Export…: the dialog a researcher fills in, the file it writes, and Cancel."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.views.dialogs.export import ExportDialog
from desktop.window.main_window import MainWindow


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    action = window.findChild(type(window.action.export), "actionExport")
    assert action is window.action.export
    assert action in window.menus["file"].actions()
    with qtbot.waitSignal(window.dialogs.opened) as opened:
        action.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_export_a_project_from_the_file_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _open_dialog(qtbot, window)
    assert dialog.format.currentText().startswith("REFI-QDA project")
    assert dialog.path.text().endswith(".qdpx")
    out = tmp_path / "for-nvivo.qdpx"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(out))
    exporting = window.controllers.exporting
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert exporting.task is not None
    # the status bar says so when it is done (a queued signal is not seen by a later connection)
    qtbot.waitUntil(lambda: "Exported 1" in window.statusBar().currentMessage(), timeout=30_000)
    with zipfile.ZipFile(out) as z:
        assert "project.qde" in z.namelist()


def test_the_format_decides_the_suffix_and_the_selection_the_sources(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _open_dialog(qtbot, window)
    dialog.format.setCurrentIndex([f[0] for f in dialog.formats].index("csl"))
    assert dialog.path.text().endswith(".json")
    dialog.path.setText(str(tmp_path / "zotero.json"))
    dialog.listed.setChecked(True)
    assert dialog.choice() == ("csl", tmp_path / "zotero.json", "listed")
    exporting = window.controllers.exporting
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert exporting.task is not None
    qtbot.waitUntil(lambda: "Exported 1" in window.statusBar().currentMessage(), timeout=30_000)
    items = json.loads((tmp_path / "zotero.json").read_text(encoding="utf-8"))
    assert [i["title"] for i in items] == ["ISIS Comes to Russia"]


def test_cancel_leaves_no_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.qdpx"
    exporting = window.controllers.exporting
    task = exporting.start("qdpx", out, "all")
    assert task is not None
    task.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: "nothing was written" in window.statusBar().currentMessage(), timeout=30_000)
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))
