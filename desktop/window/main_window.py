"""The main window: builds the panes, controllers, docks, actions and menus, and wires them.

Panes refresh on ``archive_changed`` (everything) or ``parts_changed`` (what an edit touched).
Reads of many rows run on the read pool; one source's text loads at once (milliseconds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from db.archive import Archive, ArchiveError, DamagedArchive
from db.rows import ArchiveCounts
from desktop import settings
from desktop.changes import ACTORS, EVERYTHING, SOURCES, STATISTICS, Parts, only_annotations
from desktop.controllers.base import Dialogs
from desktop.models.sources import SourcesModel
from desktop.models.statistics import StatisticsModel
from desktop.reads import sources as source_reads
from desktop.reads import statistics as statistic_reads
from desktop.tasks import TaskRunner
from desktop.views.actors import ActorsPane
from desktop.views.annotations import AnnotationsPane
from desktop.views.codes import CodesPane
from desktop.views.conflicts import ConflictsPane
from desktop.views.estimates import EstimatesPane
from desktop.views.read_only_bar import ReadOnlyBar
from desktop.views.reader import ReaderView
from desktop.views.sources import SourcesPane
from desktop.views.statistics.pane import StatisticsPane
from desktop.views.suggestions import SuggestionsPane
from desktop.window import archives, chart_dock, wiring
from desktop.window.actions import Actions, build_menus, build_toolbar, create_actions
from desktop.window.controllers import build_controllers
from desktop.window.layout import Docks
from desktop.window.refresh import ListsRefresh
from desktop.window.seeing import SeeingPanes

#: what the commonest writes import when first made (the ``db.undo`` module of each, its dataclasses
#: made on import): loaded off the GUI thread once the window is usable, not in the first
#: annotation's time (55 ms of its 150 ms on the writer thread at 100,000 sources)
WRITES_AHEAD = ("db.undo.annotations", "db.undo.statistics", "db.undo.actors", "db.undo.codes")

#: windows open in this process (a window opened from File > Open must outlive its opener)
_windows: list[MainWindow] = []


class MainWindow(QMainWindow):
    """One archive, seen through linked panes."""

    #: emitted after every write; every pane refreshes on it
    archive_changed = Signal()
    #: an edit changed these parts of the archive (a frozenset of :mod:`desktop.changes` names)
    parts_changed = Signal(object)
    #: a refresh of the panes (started at opening and on ``archive_changed``) has arrived
    refreshed = Signal()
    #: the chart pane was created (it loads after the window is shown)
    chart_ready = Signal()

    def __init__(self, archive: Archive, *, persist: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.archive = archive
        self.persist = persist
        self.tasks = TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")
        self.dialogs = Dialogs(self)
        self.chart: Any = None
        _windows.append(self)

        self.reader = ReaderView()
        self.setCentralWidget(self.reader)
        self.sources = SourcesPane(SourcesModel(archive, self.tasks))
        self.actors = ActorsPane()
        self.statistics = StatisticsPane(StatisticsModel(archive, self.tasks))
        self.annotations = AnnotationsPane()
        self.codes = CodesPane()
        self.conflicts = ConflictsPane(self.statistics.model.rows_later)
        self.suggestions = SuggestionsPane()
        self.estimates = EstimatesPane()
        self.chart_placeholder = QLabel("Loading the chart…")
        self.chart_placeholder.setObjectName("chartView")
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        #: the timeline, the network and the map, built when first shown
        self.seeing = SeeingPanes(archive, self.tasks, parent=self)
        self.docks = Docks(self, {**self.seeing.titles(),
            "sources": ("Sources", self.sources), "actors": ("Actors", self.actors),
            "annotations": ("Annotations", self.annotations), "codes": ("Codes", self.codes),
            "statistics": ("Statistics", self.statistics), "chart": ("Chart", self.chart_placeholder),
            "conflicts": ("Conflicts", self.conflicts), "suggestions": ("Suggestions", self.suggestions),
            "estimates": ("Estimates", self.estimates),
        })
        self.seeing.attach(self.docks)
        self.action: Actions = create_actions(self, self.undo_stack)
        self.menus = build_menus(self.menuBar(), self.action, self.docks.toggles())
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, build_toolbar(self.action, self))
        self.addToolBarBreak()
        #: shown while the archive is read-only: why, and what mends it
        self.read_only_bar = ReadOnlyBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.read_only_bar)
        self._build_status_bar()
        self.lists = ListsRefresh(
            archive, self.tasks, sources=self.sources, actors=self.actors, statistics=self.statistics,
            codes=self.codes, conflicts=self.conflicts, counts_label=self.counts_label, show_status=self.show_status,
            estimates=self.estimates, parent=self,
        )
        self.lists.refreshed.connect(self.refreshed)
        self.controllers = build_controllers(self)
        wiring.connect_actions(self)
        wiring.connect_panes(self)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        #: the proportions are set when the window is first shown (docks ignore them before)
        self._sizes_pending = True
        if persist:
            self._sizes_pending = not self.docks.restore(self._header_views())
        self.refresh()
        # what can wait starts once the lists are in (desktop.window.controllers)
        self.refreshed.connect(self.controllers.start_background_work, Qt.ConnectionType.SingleShotConnection)
        # the conflicts and estimates (every claim) once the window is usable, not in its way
        self.refreshed.connect(self.controllers.work_out_findings, Qt.ConnectionType.SingleShotConnection)
        self.controllers.live.start()
        from desktop.window.locking import IdleLock

        #: an encrypted archive locks itself after idle time (desktop.window.locking)
        self.idle_lock = IdleLock(self, archive, lambda: bool(self.tasks.active))
        # pandas and pyqtgraph (~1 s to import) load once the window is on screen with its lists
        self.refreshed.connect(self._after_first_refresh, Qt.ConnectionType.SingleShotConnection)

    # --- construction ---------------------------------------------------------------------

    @property
    def archive_name(self) -> str:
        path = self.archive.path
        return path.name if path is not None else self.archive.location

    def show_status(self, message: str, timeout_ms: int = 6000) -> None:
        """A message in the status bar (what controllers and undo commands report)."""
        self.statusBar().showMessage(message, timeout_ms)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumSize(QSize(90, 14))
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.path_label = QLabel(self.archive.location)
        self.path_label.setObjectName("archivePathLabel")
        self.path_label.setToolTip(self.archive.location)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.counts_label)
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.path_label)

    # --- the panes ------------------------------------------------------------------------

    def refresh(self, parts: Parts = EVERYTHING) -> None:
        """Reload the panes that show ``parts`` of the archive (every pane: at opening, after an
        import or a merge; :mod:`desktop.changes`)."""
        self.lists.refresh(parts)
        shown = self.reader.detail
        if shown is not None and only_annotations(parts):
            # an annotation, a mention, a code or an actor's name: the marks and the list only
            detail = source_reads.with_annotations_reread(self.archive, shown)
            self.reader.show_source(detail)
            self.annotations.set_annotations(detail.annotations)
        elif self.reader.source_id is not None:
            self.open_source(self.reader.source_id, reload=True)
        if self.chart is not None and parts & {STATISTICS, ACTORS, SOURCES}:
            self.chart.refresh()
        self.seeing.refresh()

    @property
    def counts(self) -> ArchiveCounts | None:
        """What the archive holds, as last counted."""
        return self.lists.counts

    def show_conflict_count(self) -> None:
        count = len(self.controllers.statistics.conflicts)
        self.docks["conflicts"].setWindowTitle(f"Conflicts ({count})" if count else "Conflicts")

    def _after_first_refresh(self) -> None:
        # back where the researcher left off: the source last read in this archive
        if self.persist and self.reader.source_id is None and self._remembers_last_source:
            last = settings.settings().value(self._last_source_key)
            if last is not None and str(last).isdigit():
                self.open_source(int(str(last)))
        chart_dock.create_soon(self)
        self.tasks.load(*WRITES_AHEAD)

    @property
    def _remembers_last_source(self) -> bool:
        """Never for an encrypted archive (the settings file is not encrypted), nor when turned off."""
        return not self.archive.encrypted and settings.remember_last_source()

    @property
    def _last_source_key(self) -> str:
        # QSettings keys may not hold "/" or "\\" freely; a path becomes one key segment
        return "lastSource/" + self.archive.location.replace("/", "|").replace("\\", "|")

    # --- linking the panes ----------------------------------------------------------------

    def open_source(self, source_id: int, start: int | None = None, end: int | None = None, *,
                    reload: bool = False) -> bool:
        """Show a source in the reader; with ``start``/``end`` (code points), select that span."""
        if reload or self.reader.source_id != source_id:
            detail = source_reads.source_detail(self.archive, source_id)
            if detail is None:
                self.reader.show_source(None)
                self.annotations.set_annotations(None)
                return False
            self.reader.show_source(detail)
            self.annotations.set_annotations(detail.annotations)
        if not reload:
            self.sources.select_source(source_id)
            self.seeing.highlight_source(source_id)
        if start is not None and end is not None:
            self.reader.select_span(start, end)
        return True

    def shown_source(self) -> tuple[int, str] | None:
        """The source in the reader (id, title), for File ▸ Report…'s scope."""
        detail = self.reader.detail
        return (detail.row.id, detail.row.title) if detail is not None else None

    def select_statistic(self, statistic_id: int) -> None:
        """Open a statistic's source in the reader, scrolled to its sentence, selected."""
        found = statistic_reads.statistics(self.archive, ids=[statistic_id])
        row = found[0] if found else None
        if row is None:
            return
        self.statistics.select_statistic(statistic_id, quietly=True)
        if self.chart is not None:
            self.chart.highlight_statistic(statistic_id)
        self.seeing.highlight_statistic(statistic_id)
        if row.source_id is not None:
            self.open_source(row.source_id, row.start, row.end)

    def selected_of(self, kind: str) -> int | None:
        """The source shown, or the actor, statistic or code selected (for a memo on it)."""
        if kind == "source":
            return self.reader.source_id
        if kind == "actor":
            return self.actors.selected_actor()
        if kind == "statistic":
            return self.statistics.selected_statistic()
        return self.codes.selected_code()

    def go_to_memo_target(self, kind: str, target_id: int) -> None:
        """Show what a memo is on."""
        if kind == "source":
            self.open_source(target_id)
        elif kind == "statistic":
            self.select_statistic(target_id)
        elif kind == "actor":
            self.actors.select_actor(target_id)
        elif kind == "code":
            self.docks["codes"].raise_()
            self.codes.select_code(target_id)

    def on_actor_selected(self, actor_id: int) -> None:
        actor = self.actors.selected_actor_row() if actor_id >= 0 else None
        self.sources.set_actor_filter(actor.id if actor else None, actor.name if actor else "")
        self.reader.highlight_actor(actor.id if actor else None)
        self.seeing.highlight_actor(actor.id if actor else None)

    def on_annotation_selected(self, annotation_id: int) -> None:
        detail = self.reader.detail
        if detail is None:
            return
        annotation = next((a for a in detail.annotations if a.id == annotation_id), None)
        if annotation is not None:
            self.reader.select_span(annotation.start, annotation.end)

    def on_annotation_clicked(self, annotation_id: int) -> None:
        self.annotations.select_annotation(annotation_id)
        detail = self.reader.detail
        annotation = next((a for a in detail.annotations if a.id == annotation_id), None) if detail else None
        if annotation is not None and annotation.statistic_id is not None:
            self.statistics.select_statistic(annotation.statistic_id, quietly=True)
            if self.chart is not None:
                self.chart.highlight_statistic(annotation.statistic_id)

    def on_reader_selection_changed(self) -> None:
        has_text = self.reader.selected_span() is not None
        for action in self.action.on_selection:
            action.setEnabled(has_text)

    def focus_search(self) -> None:
        self.docks.show("sources")
        self.sources.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sources.search_edit.selectAll()

    def go_to_page(self) -> None:
        """Ask for a page of the source's original document and show it."""
        count = self.reader.page_count
        if count < 2:
            return
        position = self.reader.offsets.to_codepoint(self.reader.editor.textCursor().position())
        number = self.ask_page(self.reader.page_of(position) or 1, count)
        if number is not None:
            self.reader.go_to_page(number)

    def ask_page(self, current: int, count: int) -> int | None:
        return archives.ask_page(self, current, count)

    # --- File menu ------------------------------------------------------------------------

    def new_archive(self) -> None:
        path = archives.ask_new_archive(self, self.archive)
        if path is not None:
            self.open_location(str(path), create=True)

    def choose_archive(self) -> None:
        location = archives.ask_archive(self, self.archive)
        if location is not None:
            self.open_location(location)

    def open_location(self, location: str, *, create: bool = False) -> MainWindow | None:
        """Open another archive in a new window (this one closes). On failure: a dialog, nothing changed."""
        if location == self.archive.location:
            return self
        try:
            asked = archives.open_asking(self, location, create=create)
        except ArchiveError as error:
            self.archive_error_box = archives.show_archive_error(self, error, self.restore_backup)
            return None
        if asked is None:  # the passphrase was not given: nothing opened
            return None
        opened = asked
        window = MainWindow(opened, persist=self.persist)
        window.show()
        self.close()
        settings.add_recent_archive(opened.location, encrypted=opened.encrypted)  # after this window saved its own place
        return window

    def restore_backup(self, damaged: DamagedArchive) -> MainWindow | None:
        """Put the newest backup in place of a damaged archive (kept beside it) and open it."""
        from db.sqlite_file import restore_backup

        assert damaged.backup is not None
        try:
            restore_backup(damaged.path, damaged.backup)
        except OSError as error:
            self.archive_error_box = archives.show_archive_error(
                self, f"{damaged.path}: the backup could not be restored ({error.strerror or error})")
            return None
        return self.open_location(str(damaged.path))

    def restore_from(self, backup: Path) -> MainWindow | None:
        """Put ``backup`` in place of this archive (kept first as a backup of its own) and open a
        new window on it; on failure, a message, and this window goes on."""
        from db.backups import BackupError, restore

        path = self.archive.path
        if path is None or self.tasks.active:
            self.show_status("Wait for the work under way to finish, then restore.", 5000)
            return None
        from db import archive as archive_module

        self.controllers.live.stop()
        try:
            restore(self.archive, backup)
            opened = archive_module.open(path)
        except (OSError, BackupError, ArchiveError) as error:
            self.archive_error_box = archives.show_archive_error(self, f"{backup}: could not be restored ({error})")
            return None
        window = MainWindow(opened, persist=self.persist)
        window.show()
        self.close()
        return window

    def fill_recent_menu(self) -> None:
        archives.fill_recent_menu(self.menus["recent"], self.archive.location, self.open_location)

    def choose_import_files(self) -> None:
        paths = archives.ask_import_files(self)
        if paths:
            self.import_paths(paths)

    def choose_import_folder(self) -> None:
        folder = archives.ask_import_folder(self)
        if folder is not None:
            self.import_paths([folder])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders on the writer thread, with progress and a summary."""
        importing = self.controllers.importing
        if importing.running:
            self.show_status("An import is already running; wait for it to finish.", 5000)
            return
        importing.start(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        urls: list[QUrl] = event.mimeData().urls()
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- View and Help --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            self.docks.default_sizes()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Dossier", self.about_text())

    def about_text(self) -> str:
        return archives.about_text(self.archive)

    # --- settings -------------------------------------------------------------------------

    def _header_views(self) -> dict[str, QHeaderView]:
        return {
            "sources": self.sources.view.horizontalHeader(),
            "statistics": self.statistics.view.horizontalHeader(),
            "annotations": self.annotations.view.horizontalHeader(),
            "codes": self.codes.view.horizontalHeader(),
            "actors": self.actors.view.header(),
        }

    def save_settings(self) -> None:
        self.docks.save(self._header_views())
        settings.add_recent_archive(self.archive.location, encrypted=self.archive.encrypted)
        if self.reader.source_id is not None and self._remembers_last_source:
            settings.settings().setValue(self._last_source_key, self.reader.source_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controllers.importing.running:
            answer = QMessageBox.question(
                self, "Import running", "An import is running. Stop it after the current file and close?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.persist:
            self.save_settings()
        self.controllers.live.stop()
        self.idle_lock.stop()
        self.tasks.shutdown()
        self.archive.close()
        super().closeEvent(event)
        if self in _windows:  # nothing else keeps a closed window alive
            _windows.remove(self)
