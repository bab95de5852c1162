"""The window's actions (menu entries, shortcuts, toolbar buttons) and its menus.

Every action is made here, named (``objectName``) as ../shared/CONTRACT.md and the tests know it;
the window connects each to the controller that carries it out.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Actions:
    """One attribute per action, named as :func:`object_name` says."""

    new_archive: QAction
    open_archive: QAction
    import_files: QAction
    import_folder: QAction
    import_reference: QAction
    merge_archive: QAction
    send_copy: QAction
    check_archive: QAction
    restore_backup: QAction
    export_statistics: QAction
    export_actors: QAction
    export: QAction
    report: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    go_to_page: QAction
    privacy: QAction
    annotate: QAction
    mention: QAction
    record_statistic: QAction
    correct_text: QAction
    source_language: QAction
    orphans: QAction
    memo_source: QAction
    memo_actor: QAction
    memo_statistic: QAction
    memo_code: QAction
    find_memos: QAction
    new_actor: QAction
    edit_actor: QAction
    merge_actors: QAction
    delete_actor: QAction
    show_conflicts_list: QAction
    reset_layout: QAction
    about: QAction

    @property
    def on_selection(self) -> tuple[QAction, ...]:
        """The actions that act on the text selected in the reader."""
        return (self.annotate, self.mention, self.record_statistic)


#: (attribute, text, shortcut, tip) of every action but Undo and Redo (the undo stack makes them)
_TABLE: tuple[tuple[str, str, Any, str], ...] = (
    ("new_archive", "&New Archive…", Key.New, "Create an empty archive"),
    ("open_archive", "&Open Archive…", Key.Open, "Open another archive"),
    ("import_files", "&Import Files…", "Ctrl+I", "Import documents, web pages, PDFs or tables"),
    ("import_folder", "Import &Folder…", "Ctrl+Shift+I", "Import every file in a folder"),
    ("import_reference", "Import &Reference Data…", None,
     "Import a table of figures (World Bank, a spreadsheet…) to compare claims with"),
    ("merge_archive", "&Merge Archive…", None,
     "Bring in a colleague's archive: new and changed rows, conflicts to pick from (undoable)"),
    ("send_copy", "Send a &Copy to a Colleague…", None,
     "A copy of this archive to work on apart; merging it back later knows what each of you changed"),
    ("check_archive", "C&heck the Archive…", None,
     "Check every page, reference, search index entry, quote and original file of this archive"),
    ("restore_backup", "Restore from &Backup…", None,
     "Put one of this archive's backups in its place (the archive as it is now is kept first)"),
    ("export_statistics", "Export &Statistics…", None,
     "Save the statistics shown (as filtered) to a CSV or Excel file"),
    ("export_actors", "Export &Actors…", None, "Save every actor with its aliases to a CSV or Excel file"),
    ("export", "&Export…", "Ctrl+Shift+E",
     "Save sources, codes and annotations for NVivo, MAXQDA, ATLAS.ti, QualCoder, Zotero or the web"),
    ("report", "&Report…", "Ctrl+Shift+R",
     "Write a claims dossier (Word, PDF or web page): estimates with their rule, claims, conflicts, sources"),
    ("quit", "&Quit", Key.Quit, "Close Dossier"),
    ("find", "&Find in Sources…", Key.Find, "Search the texts of the sources"),
    ("privacy", "&Privacy…", None, "What Dossier remembers, and when an encrypted archive locks"),
    ("go_to_page", "&Go to Page…", "Ctrl+G", "Show a page of the PDF the source came from"),
    ("annotate", "&Annotate Selection…", "Ctrl+E", "Code the selected text"),
    ("mention", "Mark as &Mention…", "Ctrl+M", "Mark the selected text as naming an actor"),
    ("record_statistic", "Record &Statistic…", "Ctrl+Shift+S",
     "Record the selected text as a statistic (a claim)"),
    ("correct_text", "Correct Source &Text…", None,
     "Fix the text of the source shown; its annotations follow their words"),
    ("source_language", "Source &Language…", None,
     "Say which language the source shown is in (search and suggestions read it by it)"),
    ("orphans", "&Unplaced Annotations…", None,
     "Annotations whose words could not be found after the text changed"),
    ("memo_source", "Memo on &Source…", None, "Write a memo on the source shown in the reader"),
    ("memo_actor", "Memo on &Actor…", None, "Write a memo on the actor selected in Actors"),
    ("memo_statistic", "Memo on S&tatistic…", None, "Write a memo on the statistic selected in Statistics"),
    ("memo_code", "Memo on &Code…", None, "Write a memo on the code selected in Codes"),
    ("find_memos", "&Find in Memos…", "Ctrl+Shift+M", "Search the text of all memos"),
    ("new_actor", "&New Actor…", None, "Add a person, group, place or outlet to the registry"),
    ("edit_actor", "&Edit Actor…", None, "Edit the selected actor: names, kind, relations"),
    ("merge_actors", "&Merge Actors…", None, "Merge two records of the same actor (likely duplicates listed)"),
    ("delete_actor", "&Delete Actor", None, "Delete the selected actor with its names, mentions and relations"),
    ("show_conflicts_list", "Show &Conflicting Claims", None, "List the claims that disagree"),
    ("reset_layout", "&Reset Layout", None, "Put every pane back where it started"),
    ("about", "&About Dossier", None, ""),
)


#: names kept from before the attributes were named (../shared/CONTRACT.md names actionImport)
_NAMES = {"import_files": "actionImport", "merge_archive": "actionMerge"}


def object_name(attribute: str) -> str:
    """``record_statistic`` → ``actionRecordStatistic`` (``import_files`` → ``actionImport``)."""
    return _NAMES.get(attribute) or "action" + "".join(p.capitalize() for p in attribute.split("_"))


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    """Every action of the window, named, with its shortcut and tip; none connected yet."""
    made: dict[str, QAction] = {}
    for attribute, text, shortcut, tip in _TABLE:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        made[attribute] = action
    made["undo"] = undo_stack.createUndoAction(window, "&Undo")
    made["redo"] = undo_stack.createRedoAction(window, "&Redo")
    # Ctrl+Z / Ctrl+Shift+Z everywhere, beside the platform's own keys (Ctrl+Y on Windows)
    for attribute, standard, wanted in (("undo", Key.Undo, "Ctrl+Z"), ("redo", Key.Redo, "Ctrl+Shift+Z")):
        keys = QKeySequence.keyBindings(standard)
        if QKeySequence(wanted) not in keys:
            keys.append(QKeySequence(wanted))
        made[attribute].setShortcuts(keys)
    for attribute, action in made.items():
        action.setObjectName(object_name(attribute))
    made["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    made["about"].setMenuRole(QAction.MenuRole.AboutRole)
    actions = Actions(**{f.name: made[f.name] for f in fields(Actions)})
    for action in (*actions.on_selection, actions.go_to_page):
        action.setEnabled(False)
    return actions


def build_menus(bar: QMenuBar, actions: Actions, pane_toggles: list[QAction]) -> dict[str, QMenu]:
    """File, Edit, Annotate, Actors, View and Help; ``pane_toggles`` show and hide the panes."""
    a = actions
    menus: dict[str, QMenu] = {}

    def menu(key: str, title: str, *entries: QAction | QMenu | None) -> QMenu:
        made = bar.addMenu(title)
        made.setObjectName(f"{key}Menu")
        for entry in entries:
            if entry is None:
                made.addSeparator()
            elif isinstance(entry, QMenu):
                made.addMenu(entry)
            else:
                made.addAction(entry)
        menus[key] = made
        return made

    recent = QMenu("Open &Recent", bar)
    recent.setObjectName("recentMenu")
    menus["recent"] = recent
    menu("file", "&File", a.new_archive, a.open_archive, recent, None, a.import_files, a.import_folder,
         None, a.import_reference, a.export, a.export_statistics, a.export_actors, a.report, None,
         a.merge_archive, a.send_copy, None, a.check_archive, a.restore_backup, None, a.quit)
    menu("edit", "&Edit", a.undo, a.redo, None, a.find, a.go_to_page, None, a.privacy)
    menu("annotate", "&Annotate", *a.on_selection, None, a.correct_text, a.source_language, a.orphans, None,
         a.memo_source, a.memo_actor, a.memo_statistic, a.memo_code, a.find_memos)
    menu("actors", "A&ctors", a.new_actor, a.edit_actor, a.merge_actors, a.delete_actor, None,
         a.show_conflicts_list)
    menu("view", "&View", *pane_toggles, None, a.reset_layout)
    menu("help", "&Help", a.about)
    return menus


def build_toolbar(actions: Actions, parent: QWidget) -> QToolBar:
    """The Annotate toolbar: what acts on the reader's selection, then undo and redo."""
    bar = QToolBar("Annotate", parent)
    bar.setObjectName("annotateToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in (*actions.on_selection, None, actions.undo, actions.redo):
        if action is None:
            bar.addSeparator()
        else:
            bar.addAction(action)
    return bar
