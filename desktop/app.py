"""The window's entry point: QApplication set-up, opening the archive, the main window.

``run_gui(args)`` is called by :mod:`desktop.main` for ``dossier`` without a subcommand (the
window), ``--smoke`` (show, run until usable and ~1 s more, exit 0) and ``screenshot OUT.png`` (render to a PNG).
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QLoggingCategory, Qt, QTimer, QtMsgType, qCDebug
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import memory
from desktop.settings import APPLICATION, ORGANISATION

memory.read_no_sources()  # every module imported from here on, the window's libraries (desktop.memory)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: how long --smoke keeps the window up once it is usable, and the most it waits for that
SMOKE_MS = 1000
SMOKE_LIMIT_MS = 60_000
#: start-up milestones, silent unless asked for (benchmarks/bench_startup.py sets
#: QT_LOGGING_RULES="dossier.startup.debug=true"): "usable" once every list is first filled
#: (the stubs want bytes for the name and the message; PySide6 takes only str at run time)
STARTUP = QLoggingCategory("dossier.startup", QtMsgType.QtInfoMsg)  # type: ignore[arg-type]
#: the most a screenshot waits for background loads before rendering anyway
SCREENSHOT_WAIT_MS = 15_000


def application_icon() -> QIcon:
    """The icon from resources/icons (as many sizes as are there), or an empty icon."""
    icon = QIcon()
    try:
        folder = files("resources").joinpath("icons")
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith((".png", ".svg")))
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        return icon
    for name in names:
        icon.addFile(str(folder.joinpath(name)))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists), named for QSettings, with the icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        memory.few_arenas()  # before Qt and the task runner start their threads
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Dossier")
    from db import __version__

    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    return app


def _say_usable() -> None:
    qCDebug(STARTUP, "usable: sources, actors, statistics and counts listed")  # type: ignore[arg-type]


def run_gui(args: argparse.Namespace) -> int:
    """Open the window on ``args.archive``; ``--smoke`` and ``screenshot`` exit by themselves."""
    headless = bool(getattr(args, "smoke", False)) or getattr(args, "command", None) == "screenshot"
    if getattr(args, "command", None) == "screenshot":
        # it renders to a file and never needs a screen: works on a server or over SSH without a
        # display, and flashes no window on a desktop (QT_QPA_PLATFORM, when set, still wins)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    from db.archive import ArchiveError
    from db.cli.crypto import NoPassphrase, given
    from db.location import open_archive
    from desktop.window.archives import open_asking

    try:
        passphrase = given(args)
        if headless:
            archive = open_archive(getattr(args, "archive", None), passphrase, checked_later=True)
        else:
            asked = open_asking(None, getattr(args, "archive", None), passphrase=passphrase)
            if asked is None:  # Cancel: nothing opened
                return EXIT_USAGE
            archive = asked
    except NoPassphrase as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except ArchiveError as error:
        if headless:
            print(f"dossier: {error}", file=sys.stderr)
            return EXIT_USAGE
        restored = _offer_backup(error)
        if restored is None:
            return EXIT_USAGE
        archive = restored

    from desktop import settings
    from desktop.window.main_window import MainWindow

    window = MainWindow(archive, persist=not headless)
    from desktop.window import parts_notice

    notice = parts_notice.install(window.show_status)  # a missing optional part's note (db.optional_parts)
    window.destroyed.connect(lambda: parts_notice.remove(notice))
    if getattr(args, "command", None) == "screenshot":
        return _screenshot(app, window, args)
    if not headless:
        settings.add_recent_archive(archive.location, encrypted=archive.encrypted)
    window.refreshed.connect(_say_usable, Qt.ConnectionType.SingleShotConnection)
    window.show()
    if args.smoke:
        # QApplication.quit() closes the windows (Qt 6), which saves nothing here (not persisted)
        window.refreshed.connect(lambda: QTimer.singleShot(SMOKE_MS, app.quit), Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(SMOKE_LIMIT_MS, app.quit)
        app.exec()
        _close(window)
        return EXIT_OK
    return app.exec()


def _offer_backup(error: Exception) -> Any:
    """Say why the archive cannot be opened; for a damaged one with a backup, offer to put the
    backup in its place and open that. The archive, or None when there is nothing to open."""
    from db.archive import ArchiveError, DamagedArchive
    from db.sqlite_file import restore_backup
    from desktop.window.archives import archive_error_box, open_asking

    assert isinstance(error, ArchiveError)
    box, restore = archive_error_box(None, error)
    box.exec()
    if restore is None or box.clickedButton() is not restore or not isinstance(error, DamagedArchive):
        return None
    assert error.backup is not None
    try:
        restore_backup(error.path, error.backup)
        return open_asking(None, str(error.path))  # an encrypted backup asks its passphrase
    except (OSError, ArchiveError) as failure:
        QMessageBox.critical(None, "Dossier cannot open the archive", str(failure))
        return None


def _screenshot(app: QApplication, window: Any, args: argparse.Namespace) -> int:
    """Render the window at --width x --height, after its background loads, to ``args.out``."""
    window.resize(args.width, args.height)
    window.show()
    source_id = getattr(args, "source_id", None)
    result: dict[str, int] = {"code": EXIT_OK}
    clock = QElapsedTimer()
    clock.start()
    state = {"refreshed": False, "chart": False}

    def mark(key: str) -> None:
        state[key] = True

    window.refreshed.connect(lambda: mark("refreshed"))
    window.chart_ready.connect(lambda: mark("chart"))

    def settle() -> None:
        waiting = not (state["refreshed"] and (state["chart"] or window.chart is not None)) or window.tasks.active
        if waiting and clock.elapsed() < SCREENSHOT_WAIT_MS:
            QTimer.singleShot(50, settle)
            return
        chosen = source_id
        if chosen is None and window.sources.model.total:
            first = window.sources.model.row_at(0)
            chosen = first.id if first is not None else None
        if chosen is not None and not window.open_source(chosen):
            print(f"dossier: {chosen}: no such source", file=sys.stderr)
            result["code"] = EXIT_FAILED
        if source_id is None and window.statistics.model.total:
            # show a statistic selected, as a researcher would see it
            first_stat = window.statistics.model.row_at(0)
            if first_stat is not None and first_stat.source_id == chosen:
                window.select_statistic(first_stat.id)
        clock.restart()
        QTimer.singleShot(50, when_idle)

    def when_idle() -> None:
        # opening a source starts work in some panes (suggestions ...): draw them finished
        if window.tasks.active and clock.elapsed() < SCREENSHOT_WAIT_MS:
            QTimer.singleShot(50, when_idle)
            return
        QTimer.singleShot(100, grab)

    def grab() -> None:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"{out}: cannot write ({error.strerror})", file=sys.stderr)
            result["code"] = EXIT_USAGE
            app.quit()
            return
        if not window.grab().save(str(out), "PNG"):
            print(f"{out}: cannot write the PNG", file=sys.stderr)
            result["code"] = EXIT_USAGE
        app.quit()

    QTimer.singleShot(0, settle)
    app.exec()
    _close(window)
    return result["code"]


def _close(window: Any) -> None:
    """Close the window if quitting has not already (it deletes itself on close)."""
    from shiboken6 import isValid

    if isValid(window):
        window.close()
