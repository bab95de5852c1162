"""Findings in the window: the estimates pane kept current by its rule, and File ▸ Report… with
progress and Cancel (the report is written on the read pool: it only reads the archive)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop import undo
from desktop.controllers.base import Dialogs, Services
from desktop.reads import findings as reads
from desktop.tasks import Task
from desktop.views.estimates import EstimatesPane

if TYPE_CHECKING:  # the report and its dialogs are loaded when first asked for
    from db.findings.estimates import Finding
    from db.findings.vague import VagueRule
    from desktop.views.dialogs.report import ReportChoice, ReportDialog


class Findings(QObject):
    """``estimates_updated(findings)`` after each recompute (the chart draws them)."""

    estimates_updated = Signal(list)
    #: a report was written: its path
    report_written = Signal(str)

    def __init__(self, services: Services, dialogs: Dialogs, pane: EstimatesPane,
                 shown_source: Callable[[], tuple[int, str] | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.pane = pane
        self.shown_source = shown_source
        self.parent_widget = parent
        self.findings: list[Finding] = []
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None
        services.archive_changed.connect(self.refresh)
        pane.rule_changed.connect(lambda *_: self.refresh())
        pane.vague_requested.connect(self.edit_vague_table)
        pane.keep_requested.connect(self.keep)

    def refresh(self) -> Task:
        """Recompute the estimates by the pane's rule, off the GUI thread."""
        archive, rule, preferred = self.services.archive, self.pane.chosen_rule, self.pane.preferred
        task = self.services.tasks.read(lambda *_: reads.estimates(archive, rule, preferred), "estimates",
                                        background=True)
        task.on_finished(self._arrived)
        task.on_failed(self.pane.show_error)
        return task

    def _arrived(self, result: reads.Estimates) -> None:
        self.findings = result.findings
        self.pane.set_estimates(result.findings, result.claims, result.kept)
        self.estimates_updated.emit(result.findings)

    def keep(self, finding: Finding) -> None:
        """Keep ``finding`` as its group's finding (undoable); it is marked stale when a claim changes."""
        self.services.undo_stack.push(undo.KeepEstimate(self.services, finding))

    # --- vague quantities ------------------------------------------------------------------------

    def edit_vague_table(self) -> None:
        archive = self.services.archive
        task = self.services.tasks.read(lambda *_: reads.vague_rules(archive), "vague quantities")
        task.on_finished(self._ask_vague)
        task.on_failed(self.services.show_status)

    def _ask_vague(self, rules: tuple[VagueRule, ...]) -> None:
        from desktop.views.dialogs.vague import VagueTableDialog

        dialog = VagueTableDialog(rules, self.parent_widget)
        self.dialogs.show(dialog, lambda: self.services.undo_stack.push(
            undo.EditVagueTable(self.services, dialog.rules())))

    # --- File ▸ Report… ---------------------------------------------------------------------

    def report(self) -> None:
        archive = self.services.archive
        task = self.services.tasks.read(lambda *_: reads.report_choices(archive), "report choices")
        task.on_finished(self._ask)
        task.on_failed(self.services.show_status)

    def _ask(self, actors: list[tuple[str, str]]) -> None:
        from desktop.views.dialogs.report import ReportDialog

        folder = archive_folder(self.services.archive.location)
        dialog = ReportDialog(actors, self.shown_source(), self.pane.chosen_rule, self.pane.preferred,
                              folder, self.parent_widget)
        self.dialogs.show(dialog, lambda: self._accepted(dialog))

    def _accepted(self, dialog: ReportDialog) -> None:
        self.start(dialog.choice())

    def start(self, choice: ReportChoice) -> Task | None:
        """Write the report ``choice`` describes, with a progress dialog and Cancel."""
        if self.task is not None:
            return None
        from db.findings.estimates import Selection
        from db.findings.report.build import ReportOptions
        from db.findings.rules import Rule

        archive = self.services.archive
        options = ReportOptions(
            selection=Selection(source_ids=choice.source_ids), rule=Rule(choice.rule),
            preferred=choice.preferred, redact=choice.redact, annotated=choice.annotated,
        )

        def job(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            return reads.write_report(archive, choice.path, options, report, cancelled)

        task = Task(job, "report")
        progress = QProgressDialog("Gathering the estimates…", "Cancel", 0, 0, self.parent_widget)
        progress.setObjectName("reportProgress")
        progress.setWindowTitle("Writing the report")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(task.cancel)
        task.on_progress(self._progress)
        task.on_finished(lambda count: self._finished(choice.path, count))
        task.on_failed(self._failed)
        self.progress, self.task = progress, task
        self.services.tasks.read(task)
        return task

    def _progress(self, done: int, total: int, current: str) -> None:
        if self.progress is None or self.task is None or self.task.is_cancelled():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))
        self.progress.setLabelText(f"Estimate {done:,} of {total:,}:\n{current}" if current else "Writing the file…")

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
        self.progress, self.task = None, None

    def _finished(self, path: Path, count: int) -> None:
        self._close()
        self.services.show_status(f"Report written: {path} ({count:,} claims)", 10_000)
        self.report_written.emit(str(path))

    def _failed(self, message: str) -> None:
        cancelled = self.task is not None and self.task.is_cancelled()
        self._close()
        self.services.show_status("Report cancelled" if cancelled else f"No report: {message}", 10_000)


def archive_folder(location: str) -> Path:
    """Where a report goes first: beside the archive file, or the home folder for PostgreSQL."""
    path = Path(location)
    return path.parent if path.suffix and path.parent.exists() else Path.home()

