"""How the window's parts are connected: actions to controllers, panes to each other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction

from desktop import memory
from desktop.changes import ACTORS, EVERYTHING, STATISTICS, Parts
from desktop.window import locking

if TYPE_CHECKING:
    from desktop.controllers.protection import ReadOnly
    from desktop.window.main_window import MainWindow


def connect_actions(window: MainWindow) -> None:
    """Each action to what carries it out."""
    a, c = window.action, window.controllers

    def on(action: QAction, slot: Any) -> None:
        action.triggered.connect(lambda _checked=False: slot())

    on(a.new_archive, window.new_archive)
    on(a.open_archive, window.choose_archive)
    on(a.privacy, lambda: locking.edit_privacy(window))
    window.menus["recent"].aboutToShow.connect(window.fill_recent_menu)
    on(a.import_files, window.choose_import_files)
    on(a.import_folder, window.choose_import_folder)
    on(a.import_reference, c.statistics.import_reference)
    on(a.export_statistics, c.statistics.export_statistics)
    on(a.export_actors, c.statistics.export_actors)
    on(a.export, c.exporting.export)
    on(a.merge_archive, c.merging.merge_archive)
    on(a.send_copy, c.merging.send_copy)
    on(a.check_archive, c.protection.check_archive)
    on(a.restore_backup, c.protection.restore_from_backup)
    on(a.report, c.findings.report)
    on(a.quit, window.close)
    on(a.find, window.focus_search)
    on(a.go_to_page, window.go_to_page)
    on(a.annotate, c.annotating.annotate)
    on(a.mention, c.annotating.mention)
    on(a.record_statistic, c.annotating.record_statistic)
    on(a.correct_text, c.source_text.correct_text)
    on(a.orphans, c.source_text.show_orphans)
    on(a.source_language, c.source_language.choose_language)
    for action, kind in ((a.memo_source, "source"), (a.memo_actor, "actor"),
                         (a.memo_statistic, "statistic"), (a.memo_code, "code")):
        on(action, lambda kind=kind: c.memos.edit_memo(kind))
    on(a.find_memos, c.memos.find_memos)
    on(a.new_actor, c.actors.new_actor)
    on(a.edit_actor, c.actors.edit_selected_actor)
    on(a.merge_actors, c.actors.merge_actors)
    on(a.delete_actor, c.actors.delete_selected_actor)
    on(a.show_conflicts_list, lambda: window.docks.show("conflicts"))
    on(a.reset_layout, window.docks.reset)
    on(a.about, window.show_about)


def connect_panes(window: MainWindow) -> None:
    """The panes to each other and to the controllers: select in one, the others follow."""
    c = window.controllers
    window.archive_changed.connect(window.refresh)
    window.parts_changed.connect(window.refresh)
    window.parts_changed.connect(lambda parts: _claims_changed(window, parts))
    c.importing.changed.connect(lambda parts: _imported(window, parts))
    c.search_index.built.connect(window.archive_changed.emit)
    c.protection.rebuilt.connect(window.archive_changed.emit)
    c.protection.restore_requested.connect(window.restore_from)
    c.protection.read_only_changed.connect(lambda state: _show_read_only(window, state))
    window.read_only_bar.mend_requested.connect(c.protection.mend)
    _show_read_only(window, None)
    c.protection.announce_read_only()
    window.sources.model.load_failed.connect(
        lambda message: c.protection.list_failed(message, window.sources.model.searching))
    c.live.changed.connect(window.archive_changed.emit)
    window.tasks.busy_changed.connect(lambda n: window.busy.setVisible(n > 0))
    # after the big reads and imports, the memory they leave free goes back (desktop.memory)
    for done in (window.chart_ready, window.lists.statistics_listed, c.statistics.conflicts_updated,
                 c.findings.estimates_updated):
        done.connect(memory.give_back_soon)

    window.sources.source_selected.connect(lambda source_id: window.open_source(source_id))
    window.sources.actor_filter_cleared.connect(lambda: window.actors.select_actor(None))
    window.actors.actor_selected.connect(window.on_actor_selected)
    window.statistics.statistic_selected.connect(window.select_statistic)
    window.statistics.show_requested.connect(window.select_statistic)
    window.statistics.memo_requested.connect(lambda i: c.memos.edit_memo("statistic", i))
    window.statistics.delete_requested.connect(c.annotating.delete_statistic)
    window.annotations.annotation_selected.connect(window.on_annotation_selected)
    window.annotations.activated.connect(c.annotating.open_annotation)
    window.annotations.edit_requested.connect(c.annotating.edit_annotation)
    window.annotations.delete_requested.connect(c.annotating.delete_annotation)
    window.codes.memo_requested.connect(lambda: c.memos.edit_memo("code"))
    window.conflicts.statistic_activated.connect(window.select_statistic)
    window.estimates.statistic_activated.connect(window.select_statistic)
    window.reader.annotation_clicked.connect(window.on_annotation_clicked)
    window.reader.editor.selectionChanged.connect(window.on_reader_selection_changed)
    window.reader.source_changed.connect(
        lambda: window.action.go_to_page.setEnabled(window.reader.page_count > 1)
    )

    c.annotating.statistic_requested.connect(window.select_statistic)
    c.annotating.memo_requested.connect(c.memos.edit_memo)
    c.memos.target_requested.connect(window.go_to_memo_target)
    c.actors.source_requested.connect(lambda source_id: window.open_source(source_id))
    c.actors.statistic_requested.connect(window.select_statistic)
    c.statistics.conflicts_updated.connect(window.show_conflict_count)
    c.suggestions.suggestion_clicked.connect(lambda: window.docks["suggestions"].raise_())
    window.seeing.created.connect(lambda key, pane: connect_seeing(window, key, pane))


def connect_seeing(window: MainWindow, key: str, pane: Any) -> None:
    """A timeline, network or map pane, once built: a click leads to the source or the sentence,
    an actor clicked is selected in the actors pane (and the sources pane filters to it)."""
    if key in ("timeline", "network"):
        pane.source_clicked.connect(lambda source_id: window.open_source(source_id))
        pane.span_clicked.connect(lambda source_id, start, end: window.open_source(source_id, start, end))
    if key == "timeline":
        pane.statistic_clicked.connect(window.select_statistic)
    else:
        pane.actor_clicked.connect(window.actors.select_actor)
    if key == "map":
        pane.coordinates_requested.connect(window.controllers.places.set_coordinates)


def _imported(window: MainWindow, parts: Parts) -> None:
    """An import wrote ``parts``: documents refresh the panes of sources and actors only (the
    claims, their conflicts and estimates are as they were), a project file everything."""
    if parts == EVERYTHING:
        window.archive_changed.emit()
    else:
        window.parts_changed.emit(parts)


def _claims_changed(window: MainWindow, parts: Parts) -> None:
    """An edit of claims (not of everything): conflicts and estimates are worked out again."""
    if STATISTICS in parts or ACTORS in parts:
        window.controllers.statistics.refresh_conflicts()
        window.controllers.findings.refresh()


def _show_read_only(window: MainWindow, state: ReadOnly | None) -> None:
    """The read-only bar and the title say whether the archive can be changed now."""
    if state is None:
        window.read_only_bar.clear()
    else:
        window.read_only_bar.show_reason(state.reason, mend=state.mend)
    read_only = " (read-only)" if state is not None else ""
    window.setWindowTitle(f"{window.archive_name}{read_only} — Dossier")
