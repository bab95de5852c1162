"""File ▸ Restore from Backup…: the backups of the open archive (when, why, size, how many
sources), and the message when a check finds the archive damaged."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.backups import Backup
from desktop.views.dialogs.common import ok_cancel

#: what each reason means, in the researcher's words
REASONS = {
    "daily": "daily",
    "merge": "before a merge",
    "import": "before a big import",
    "restore": "before a restore",
}


def reason_text(reason: str) -> str:
    if reason.startswith("before-"):
        return f"before an upgrade (schema {reason.removeprefix('before-')})"
    return REASONS.get(reason, reason)


def size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


class RestoreDialog(QDialog):
    """Pick a backup; ``chosen`` is the one selected when accepted."""

    def __init__(self, archive_name: str, backups: Sequence[Backup], parent: QWidget | None = None,
                 selected: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"The backups of <b>{archive_name}</b>, newest first. Restoring one puts it in place of "
            "the archive: first the archive as it is now is kept as a backup of its own, so nothing "
            "is lost and you can come back to it." if self.backups else
            f"There are no backups of <b>{archive_name}</b> yet. Dossier makes one a day when the "
            "archive is opened, and before every merge and big import."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels(["When", "Why", "Size", "Sources"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            cells = [backup.made.strftime("%Y-%m-%d %H:%M"), reason_text(backup.reason), size_text(backup.size),
                     "" if backup.sources is None else f"{backup.sources:,}"]
            for column, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                item.setToolTip(str(backup.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        self.buttons = ok_cancel(self, "Restore…")
        self.ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        self.ok_button.setObjectName("restoreButton")
        self.ok_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(lambda: self.ok_button.setEnabled(self.chosen is not None))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.backups:
            paths = [b.path for b in self.backups]
            self.table.selectRow(paths.index(selected) if selected in paths else 0)
        self.resize(640, 380)

    @property
    def chosen(self) -> Backup | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.backups[min(rows)] if rows else None

    def confirmation(self) -> QMessageBox:
        """The honest question before restoring the chosen backup."""
        backup = self.chosen
        assert backup is not None
        when = backup.made.strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Warning, "Restore from Backup",
                          f"Restore the backup of {when} ({reason_text(backup.reason)})?", parent=self)
        box.setObjectName("restoreConfirmation")
        box.setInformativeText(
            f"What was added or changed since {when} will no longer be in the archive. The archive "
            "as it is now is kept first among these backups, so you can go back to it. The window "
            "then opens the restored archive."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        restore = box.addButton("Restore", QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("confirmRestoreButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_button = restore
        return box

    def _confirm(self) -> None:
        box = self.confirmation()
        box.finished.connect(lambda _r: self.accept() if box.clickedButton() is self.confirm_button else None)
        box.open()


def damage_box(parent: QWidget | None, archive_name: str, problems: Sequence[str], *, only_the_index: bool,
               backup: Path | None, when: str | None) -> tuple[QMessageBox, QPushButton | None, QPushButton | None]:
    """The message when a check found the archive damaged: what was found, and the way back
    (rebuild the search index when only it is damaged, or restore the newest whole backup).
    Returns the box and its rebuild and restore buttons (None when not offered)."""
    shown = list(problems[:5])
    more = f"\n… and {len(problems) - 5} more (Show Details…)" if len(problems) > 5 else ""
    box = QMessageBox(QMessageBox.Icon.Warning, "The archive is damaged",
                      f"Checking {archive_name} found {len(problems)} problem{'s' if len(problems) != 1 else ''}.",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("damageBox")
    box.setDetailedText("\n".join(problems))
    rebuild = restore = None
    if only_the_index:
        box.setInformativeText("Only the search index is damaged: your sources, annotations and statistics are "
                               "whole. Rebuilding the index mends it (it takes a while on a large archive).")
        rebuild = box.addButton("Rebuild the Index", QMessageBox.ButtonRole.AcceptRole)
        rebuild.setObjectName("rebuildIndexButton")
        box.setDefaultButton(rebuild)
    else:
        way_back = (f"The newest whole backup is from {when}: restoring it puts it in place of the archive "
                    "(the archive as it is now is kept first)." if backup is not None else
                    "There is no whole backup to go back to; File ▸ Restore from Backup… lists what there is.")
        box.setInformativeText("\n".join(shown) + more + "\n\n" + way_back)
        if backup is not None:
            restore = box.addButton("Restore the Backup…", QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreNewestButton")
    return box, rebuild, restore
