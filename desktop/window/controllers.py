"""The window's controllers: what the researcher can do, one controller a subject, each built
with the window's narrow services and the panes it works on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.controllers.actors import Actors
from desktop.controllers.annotating import Annotating
from desktop.controllers.codebook import Codebook
from desktop.controllers.exporting import Exporting
from desktop.controllers.findings import Findings
from desktop.controllers.importing import ImportController
from desktop.controllers.live import LiveUpdates
from desktop.controllers.memos import Memos
from desktop.controllers.merging import Merging
from desktop.controllers.places import Places
from desktop.controllers.protection import Protection
from desktop.controllers.search_index import SearchIndex
from desktop.controllers.source_language import SourceLanguage
from desktop.controllers.source_text import SourceText
from desktop.controllers.statistics import Statistics
from desktop.controllers.suggestions import Suggestions

if TYPE_CHECKING:
    from desktop.window.main_window import MainWindow


@dataclass(frozen=True)
class Controllers:
    """What the researcher can do in the window, one controller a subject."""

    importing: ImportController
    annotating: Annotating
    codebook: Codebook
    memos: Memos
    source_text: SourceText
    source_language: SourceLanguage
    search_index: SearchIndex
    actors: Actors
    statistics: Statistics
    suggestions: Suggestions
    exporting: Exporting
    merging: Merging
    live: LiveUpdates
    findings: Findings
    places: Places
    protection: Protection

    def start_background_work(self) -> None:
        """What can wait until the lists are in (at a million sources it would otherwise hold the
        GIL while the sources' ids are fetched, which then takes seconds longer): the stemmed
        index catching up, the quick check and the day's backup."""
        self.search_index.build_if_needed()
        self.protection.check_on_opening()

    def work_out_findings(self) -> None:
        """The conflicts and the estimates, once the window's lists are in (they go through
        every claim: on a large archive in a process of their own, see db.apart)."""
        self.statistics.refresh_conflicts()
        self.findings.refresh()


def build_controllers(window: MainWindow) -> Controllers:
    """Every controller, each given the window's services and the panes it works on."""
    a = window.action
    annotating = Annotating(
        window, window.dialogs, window.reader, lambda: window.codes.rows,
        selection_actions=a.on_selection, source_actions=(a.memo_source, a.correct_text, a.source_language), parent=window,
    )
    return Controllers(
        importing=ImportController(window.archive, window.tasks, window),
        annotating=annotating,
        codebook=Codebook(window, window.dialogs, window.codes, parent=window),
        memos=Memos(window, window.dialogs, window.selected_of, parent=window),
        source_text=SourceText(window, window.dialogs, window.reader, annotating.selection, parent=window),
        source_language=SourceLanguage(window, window.dialogs, window.reader, parent=window),
        search_index=SearchIndex(window, parent=window),
        actors=Actors(window, window.dialogs, window.actors,
                      (a.new_actor, a.edit_actor, a.merge_actors, a.delete_actor), parent=window),
        statistics=Statistics(window, window.dialogs, window.statistics, window.conflicts, parent=window),
        suggestions=Suggestions(window, window.dialogs, window.suggestions, window.reader, parent=window),
        exporting=Exporting(window, window.dialogs, lambda: window.sources.model.ids, window.sources.selected_source, parent=window),
        merging=Merging(window, window.dialogs, parent=window),
        live=LiveUpdates(window.archive, parent=window),
        findings=Findings(window, window.dialogs, window.estimates, window.shown_source, parent=window),
        places=Places(window, window.dialogs, parent=window),
        protection=Protection(window, window.dialogs, parent=window),
    )
