"""The main window: sources, reader, actors, statistics, chart, annotations and codes as docks.

Every pane refreshes on ``archive_changed``, which is emitted after any write. Reads of many rows
(the sources list, the side panes) run on the task runner's read pool; one source's text loads
at once (a few milliseconds, and the reader must show it before anything else happens).
"""

from __future__ import annotations

import platform
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal, qVersion
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QWidget,
)

from db import __version__
from db.archive import Archive, ArchiveError
from db.queries import ActorRow, ArchiveCounts, CodeRow, StatisticRow
from desktop import operations, settings
from desktop.importing import ImportController
from desktop.tasks import TaskRunner
from desktop.views.actors import ActorsPane
from desktop.views.annotations import AnnotationsPane
from desktop.views.codes import CodesPane
from desktop.views.reader import ReaderView
from desktop.views.sources import SourcesPane
from desktop.views.statistics import StatisticsPane

#: windows open in this process (a window opened from File > Open must outlive its opener)
_windows: list[MainWindow] = []

LEFT, RIGHT, BOTTOM = (
    Qt.DockWidgetArea.LeftDockWidgetArea,
    Qt.DockWidgetArea.RightDockWidgetArea,
    Qt.DockWidgetArea.BottomDockWidgetArea,
)
STATE_VERSION = 1


class MainWindow(QMainWindow):
    """One archive, seen through linked panes."""

    #: emitted after every write; every pane refreshes on it
    archive_changed = Signal()
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
        self.counts: ArchiveCounts | None = None
        self._pending_refresh = 0
        self.chart: Any = None
        _windows.append(self)

        self.reader = ReaderView()
        self.setCentralWidget(self.reader)
        self.sources = SourcesPane(archive, self.tasks)
        self.actors = ActorsPane()
        self.statistics = StatisticsPane()
        self.annotations = AnnotationsPane()
        self.codes = CodesPane()
        self.chart_placeholder = QLabel("Loading the chart…")
        self.chart_placeholder.setObjectName("chartView")
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.importer = ImportController(archive, self.tasks, self)

        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.setAcceptDrops(True)
        self.setWindowTitle(f"{self.archive_name} — Dossier")
        self.resize(1400, 900)
        # statistics and actor tools (filters, conflicts, suggestions, actor editor, tables in and
        # out) are wired on top of the panes too; before the layout is saved so docks restore
        from desktop.stats_actors import install as install_stats_actors

        self.stats_actors = install_stats_actors(self)
        self._default_state = self.saveState(STATE_VERSION)
        #: the proportions are set when the window is first shown (docks ignore them before)
        self._sizes_pending = True
        if persist:
            self._sizes_pending = not self._restore_settings()
        # annotating (its actions, dialogs, codebook editing, memos) is wired on top of the panes
        from desktop.annotating import install as install_annotating

        self.annotating = install_annotating(self)
        self.refresh()
        # pandas and pyqtgraph (~1 s to import) load once the window is on screen with its lists
        self.refreshed.connect(self._after_first_refresh, Qt.ConnectionType.SingleShotConnection)

    # --- construction ---------------------------------------------------------------------

    @property
    def archive_name(self) -> str:
        path = self.archive.path
        return path.name if path is not None else self.archive.location

    def _dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_docks(self) -> None:
        # the bottom row (statistics and chart) runs the full width of the window
        self.setCorner(Qt.Corner.BottomLeftCorner, BOTTOM)
        self.setCorner(Qt.Corner.BottomRightCorner, BOTTOM)
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self._dock("sources", "Sources", self.sources, LEFT)
        actors = self._dock("actors", "Actors", self.actors, RIGHT)
        annotations = self._dock("annotations", "Annotations", self.annotations, RIGHT)
        codes = self._dock("codes", "Codes", self.codes, RIGHT)
        statistics = self._dock("statistics", "Statistics", self.statistics, BOTTOM)
        chart = self._dock("chart", "Chart", self.chart_placeholder, BOTTOM)
        self.splitDockWidget(actors, annotations, Qt.Orientation.Vertical)
        self.tabifyDockWidget(annotations, codes)
        self.splitDockWidget(statistics, chart, Qt.Orientation.Horizontal)
        annotations.raise_()

    def _default_sizes(self) -> None:
        """The default proportions (after the window has its size, or they are scaled away)."""
        docks = self.docks
        self.resizeDocks([docks["sources"], docks["actors"]], [440, 360], Qt.Orientation.Horizontal)
        # the chart's controls need about 370 px of height
        self.resizeDocks([docks["statistics"]], [400], Qt.Orientation.Vertical)
        self.resizeDocks([docks["actors"], docks["annotations"]], [330, 260], Qt.Orientation.Vertical)
        self.resizeDocks([docks["statistics"], docks["chart"]], [590, 810], Qt.Orientation.Horizontal)

    def _action(self, name: str, text: str, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.actionNewArchive = self._action("actionNewArchive", "&New Archive…", key.New, "Create an empty archive")
        self.actionOpenArchive = self._action("actionOpenArchive", "&Open Archive…", key.Open, "Open another archive")
        self.actionImport = self._action("actionImport", "&Import Files…", "Ctrl+I", "Import documents, web pages, PDFs or tables")
        self.actionImportFolder = self._action("actionImportFolder", "Import &Folder…", "Ctrl+Shift+I", "Import every file in a folder")
        self.actionQuit = self._action("actionQuit", "&Quit", key.Quit, "Close Dossier")
        self.actionQuit.setMenuRole(QAction.MenuRole.QuitRole)

        self.actionUndo = self.undo_stack.createUndoAction(self, "&Undo")
        self.actionUndo.setObjectName("actionUndo")
        self.actionUndo.setShortcut(key.Undo)
        self.actionRedo = self.undo_stack.createRedoAction(self, "&Redo")
        self.actionRedo.setObjectName("actionRedo")
        self.actionRedo.setShortcut(key.Redo)
        self.actionFind = self._action("actionFind", "&Find in Sources…", key.Find, "Search the texts of the sources")
        self.actionGoToPage = self._action("actionGoToPage", "&Go to Page…", "Ctrl+G",
                                           "Show a page of the PDF the source came from")
        self.actionGoToPage.setEnabled(False)

        self.actionAnnotate = self._action("actionAnnotate", "&Annotate Selection…", "Ctrl+E", "Code the selected text")
        self.actionMention = self._action("actionMention", "Mark as &Mention…", "Ctrl+M", "Mark the selected text as naming an actor")
        self.actionRecordStatistic = self._action("actionRecordStatistic", "Record &Statistic…", "Ctrl+Shift+S",
                     "Record the selected text as a statistic (a claim)")
        for action in (self.actionAnnotate, self.actionMention, self.actionRecordStatistic):
            action.setEnabled(False)

        self.actionResetLayout = self._action("actionResetLayout", "&Reset Layout", None, "Put every pane back where it started")
        self.actionAbout = self._action("actionAbout", "&About Dossier", None)
        self.actionAbout.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.actionNewArchive)
        file.addAction(self.actionOpenArchive)
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        file.addAction(self.actionImport)
        file.addAction(self.actionImportFolder)
        file.addSeparator()
        file.addAction(self.actionQuit)

        edit = bar.addMenu("&Edit")
        edit.addAction(self.actionUndo)
        edit.addAction(self.actionRedo)
        edit.addSeparator()
        edit.addAction(self.actionFind)
        edit.addAction(self.actionGoToPage)

        annotate = bar.addMenu("&Annotate")
        annotate.addAction(self.actionAnnotate)
        annotate.addAction(self.actionMention)
        annotate.addAction(self.actionRecordStatistic)
        self.annotate_menu = annotate

        view = bar.addMenu("&View")
        for key in ("sources", "actors", "statistics", "chart", "annotations", "codes"):
            toggle = self.docks[key].toggleViewAction()
            toggle.setObjectName(f"actionShow{key.capitalize()}")
            view.addAction(toggle)
        view.addSeparator()
        view.addAction(self.actionResetLayout)
        self.view_menu = view

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.actionAbout)

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

    def _connect(self) -> None:
        self.actionNewArchive.triggered.connect(self.new_archive)
        self.actionOpenArchive.triggered.connect(self.choose_archive)
        self.actionImport.triggered.connect(self.choose_import_files)
        self.actionImportFolder.triggered.connect(self.choose_import_folder)
        self.actionQuit.triggered.connect(self.close)
        self.actionFind.triggered.connect(self.focus_search)
        self.actionGoToPage.triggered.connect(self.go_to_page)
        self.reader.source_changed.connect(lambda: self.actionGoToPage.setEnabled(self.reader.page_count > 1))
        self.actionResetLayout.triggered.connect(self.reset_layout)
        self.actionAbout.triggered.connect(self.show_about)

        self.archive_changed.connect(self.refresh)
        self.importer.changed.connect(self.archive_changed.emit)
        self.tasks.busy_changed.connect(lambda n: self.busy.setVisible(n > 0))

        self.sources.source_selected.connect(lambda source_id: self.open_source(source_id))
        self.sources.model.loaded.connect(self._show_counts)
        self.sources.actor_filter_cleared.connect(lambda: self.actors.select_actor(None))
        self.actors.actor_selected.connect(self._actor_selected)
        self.statistics.statistic_selected.connect(self.select_statistic)
        self.annotations.annotation_selected.connect(self._annotation_selected)
        self.reader.annotation_clicked.connect(self._annotation_clicked)
        self.reader.editor.selectionChanged.connect(self._reader_selection_changed)

    # --- the panes ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every pane from the archive (after a write, or at opening)."""
        archive = self.archive

        def job(*_: Any) -> tuple[list[ActorRow], list[StatisticRow], list[CodeRow], ArchiveCounts]:
            return (
                operations.actors(archive),
                operations.statistics(archive),
                operations.codes(archive),
                operations.counts(archive),
            )

        self._pending_refresh += 2
        self.sources.model.loaded.connect(self._sources_refreshed, Qt.ConnectionType.SingleShotConnection)
        self.sources.reload()
        task = self.tasks.read(job, "refresh panes")
        task.on_finished(self._side_panes_loaded)
        task.on_failed(self._refresh_failed)
        if self.reader.source_id is not None:
            self.open_source(self.reader.source_id, reload=True)
        if self.chart is not None:
            self.chart.refresh()

    def _side_panes_loaded(self, result: tuple[list[ActorRow], list[StatisticRow], list[CodeRow], ArchiveCounts]) -> None:
        actors, statistics, codes, counts = result
        self.actors.set_actors(actors)
        self.statistics.set_statistics(statistics)
        self.codes.set_codes(codes)
        self.counts = counts
        self._show_counts()
        self._refresh_arrived()

    def _sources_refreshed(self) -> None:
        self._refresh_arrived()

    def _refresh_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Could not read the archive: {message}", 10_000)
        self._refresh_arrived()

    def _refresh_arrived(self) -> None:
        self._pending_refresh = max(0, self._pending_refresh - 1)
        if self._pending_refresh == 0:
            self.refreshed.emit()

    def _show_counts(self) -> None:
        counts = self.counts
        if counts is None:
            return

        def n(value: int, noun: str) -> str:
            return f"{value:,} {noun}{'' if value == 1 else 's'}"

        self.counts_label.setText(
            " · ".join((n(counts.sources, "source"), n(counts.actors, "actor"),
                        n(counts.statistics, "statistic"), n(counts.annotations, "annotation")))
        )

    def _after_first_refresh(self) -> None:
        # back where the researcher left off: the source last read in this archive
        if self.persist and self.reader.source_id is None:
            last = settings.settings().value(self._last_source_key)
            if last is not None and str(last).isdigit():
                self.open_source(int(str(last)))
        QTimer.singleShot(0, self._create_chart)

    @property
    def _last_source_key(self) -> str:
        # QSettings keys may not hold "/" or "\\" freely; a path becomes one key segment
        return "lastSource/" + self.archive.location.replace("/", "|").replace("\\", "|")

    def _create_chart(self) -> None:
        if self.chart is not None:
            return
        try:
            from desktop.charts.pane import ChartPane
        except ImportError as error:  # the chart is optional; the window works without it
            self.chart_placeholder.setText(f"The chart is not available ({error}).")
            return
        try:
            chart = ChartPane(self.archive, self.tasks)
        except Exception as error:  # a broken chart must not take the window down with it
            traceback.print_exc()
            self.chart_placeholder.setText(f"The chart could not be drawn:\n{error}")
            return
        self.chart = chart
        self.chart.statistic_clicked.connect(self.select_statistic)
        # in a scroll area: the chart's controls need ~780x370, more than a laptop screen leaves
        # the bottom row; the window must still fit (and render) at smaller sizes
        holder = QScrollArea()
        holder.setObjectName("chartScroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(self.chart)
        self.docks["chart"].setWidget(holder)
        self.chart_placeholder.deleteLater()
        selected = self.statistics.selected_statistic()
        if selected is not None:
            self.chart.highlight_statistic(selected)
        self.chart_ready.emit()

    # --- linking the panes ----------------------------------------------------------------

    def open_source(self, source_id: int, start: int | None = None, end: int | None = None, *,
                    reload: bool = False) -> bool:
        """Show a source in the reader; with ``start``/``end`` (code points), select that span."""
        if reload or self.reader.source_id != source_id:
            detail = operations.source_detail(self.archive, source_id)
            if detail is None:
                self.reader.show_source(None)
                self.annotations.set_annotations(None)
                return False
            self.reader.show_source(detail)
            self.annotations.set_annotations(detail.annotations)
        if not reload:
            self.sources.select_source(source_id)
        if start is not None and end is not None:
            self.reader.select_span(start, end)
        return True

    def select_statistic(self, statistic_id: int) -> None:
        """Open a statistic's source in the reader, scrolled to its sentence, selected."""
        row = next((s for s in self.statistics.model.rows if s.id == statistic_id), None)
        if row is None:
            found = operations.statistics(self.archive, ids=[statistic_id])
            row = found[0] if found else None
        if row is None:
            return
        self.statistics.select_statistic(statistic_id, quietly=True)
        if self.chart is not None:
            self.chart.highlight_statistic(statistic_id)
        if row.source_id is not None:
            self.open_source(row.source_id, row.start, row.end)

    def _actor_selected(self, actor_id: int) -> None:
        actor = self.actors.selected_actor_row() if actor_id >= 0 else None
        self.sources.set_actor_filter(actor.id if actor else None, actor.name if actor else "")
        self.reader.highlight_actor(actor.id if actor else None)

    def _annotation_selected(self, annotation_id: int) -> None:
        detail = self.reader.detail
        if detail is None:
            return
        annotation = next((a for a in detail.annotations if a.id == annotation_id), None)
        if annotation is not None:
            self.reader.select_span(annotation.start, annotation.end)

    def _annotation_clicked(self, annotation_id: int) -> None:
        self.annotations.select_annotation(annotation_id)
        detail = self.reader.detail
        annotation = next((a for a in detail.annotations if a.id == annotation_id), None) if detail else None
        if annotation is not None and annotation.statistic_id is not None:
            self.statistics.select_statistic(annotation.statistic_id, quietly=True)
            if self.chart is not None:
                self.chart.highlight_statistic(annotation.statistic_id)

    def _reader_selection_changed(self) -> None:
        has_text = self.reader.selected_span() is not None
        for action in (self.actionAnnotate, self.actionMention, self.actionRecordStatistic):
            action.setEnabled(has_text)

    def focus_search(self) -> None:
        self.docks["sources"].show()
        self.docks["sources"].raise_()
        self.sources.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sources.search_edit.selectAll()

    def go_to_page(self) -> None:
        """Ask for a page of the source's original document and show it."""
        count = self.reader.page_count
        if count < 2:
            return
        position = self.reader.offsets.to_codepoint(self.reader.editor.textCursor().position())
        current = self.reader.page_of(position) or 1
        number = self.ask_page(current, count)
        if number is not None:
            self.reader.go_to_page(number)

    def ask_page(self, current: int, count: int) -> int | None:
        number, ok = QInputDialog.getInt(self, "Go to page", f"Page (1–{count}):", current, 1, count)
        return number if ok else None

    # --- File menu ------------------------------------------------------------------------

    def _start_folder(self) -> str:
        path = self.archive.path
        return str(path.parent) if path is not None else str(Path.home())

    def new_archive(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New archive", str(Path(self._start_folder()) / "archive.sqlite"),
            "Dossier archives (*.sqlite *.dossier);;All files (*)",
        )
        if not name:
            return
        path = Path(name)
        if path.exists() and path.stat().st_size > 0:
            QMessageBox.warning(self, "New archive", f"{path}: already exists. Use File ▸ Open Archive to open it.")
            return
        self.open_location(str(path), create=True)

    def choose_archive(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open archive", self._start_folder(), "Dossier archives (*.sqlite *.dossier *.db);;All files (*)"
        )
        if name:
            self.open_location(name)

    def open_location(self, location: str, *, create: bool = False) -> MainWindow | None:
        """Open another archive in a new window (this one closes). On failure: a dialog, nothing changed."""
        from db import archive as archive_module

        if location == self.archive.location:
            return self
        try:
            opened = archive_module.open(location, create=create)
        except ArchiveError as error:
            self.show_archive_error(str(error))
            return None
        window = MainWindow(opened, persist=self.persist)
        window.show()
        self.close()
        settings.add_recent_archive(opened.location)  # after this window saved its own place
        return window

    def show_archive_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open the archive", message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("archiveErrorBox")
        box.setInformativeText("Nothing was changed.")
        box.open()
        self.archive_error_box = box

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [r for r in settings.recent_archives() if r != self.archive.location]
        for location in recent:
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _checked=False, where=location: self.open_location(where))
        if not recent:
            self.recent_menu.addAction("No other archives yet").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the list", settings.clear_recent_archives)

    def choose_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import files", str(Path.home()), operations.import_file_filter()
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders on the writer thread, with progress and a summary."""
        if self.importer.running:
            self.statusBar().showMessage("An import is already running; wait for it to finish.", 5000)
            return
        self.importer.start(paths)

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

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, STATE_VERSION)
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.docks["annotations"].raise_()
        self._default_sizes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            self._default_sizes()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Dossier", self.about_text())

    def about_text(self) -> str:
        return (
            f"<h3>Dossier {__version__}</h3>"
            "<p>An offline archive of sources, actors and statistics, for field researchers.</p>"
            f"<p><b>Archive:</b> {self.archive.location}</p>"
            f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}"
            f" ({sys.platform})</p>"
        )

    # --- settings -------------------------------------------------------------------------

    def _header_views(self) -> dict[str, QHeaderView]:
        return {
            "sources": self.sources.view.horizontalHeader(),
            "statistics": self.statistics.view.horizontalHeader(),
            "annotations": self.annotations.view.horizontalHeader(),
            "codes": self.codes.view.horizontalHeader(),
            "actors": self.actors.view.header(),
        }

    def _restore_settings(self) -> bool:
        """Geometry, docks and columns as they were; True when a saved dock layout was found."""
        geometry = settings.read_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.read_bytes("window/state")
        restored = state is not None and self.restoreState(state, STATE_VERSION)
        for key, header in self._header_views().items():
            saved = settings.read_bytes(f"columns/{key}")
            if saved is not None:
                header.restoreState(saved)
        return restored

    def save_settings(self) -> None:
        settings.write_bytes("window/geometry", self.saveGeometry())
        settings.write_bytes("window/state", self.saveState(STATE_VERSION))
        for key, header in self._header_views().items():
            settings.write_bytes(f"columns/{key}", header.saveState())
        settings.add_recent_archive(self.archive.location)
        if self.reader.source_id is not None:
            settings.settings().setValue(self._last_source_key, self.reader.source_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.importer.running:
            answer = QMessageBox.question(
                self, "Import running", "An import is running. Stop it after the current file and close?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.persist:
            self.save_settings()
        self.tasks.shutdown()
        self.archive.close()
        super().closeEvent(event)
        if self in _windows:  # nothing else keeps a closed window alive
            _windows.remove(self)

