"""The map pane (objectName "mapView"): the places of the archive on an offline basemap, with
how many claims and sources concern each, and the places not on the map listed beside it.

Nothing is fetched: the outlines and the gazetteer ship with Dossier. A click on a place emits
``actor_clicked(id)``; "Set coordinates…" (or a double click in the list) emits
``coordinates_requested(id)`` for the window to ask where it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.archive import Archive
from db.gazetteer import ATTRIBUTION
from db.places import PlaceRow
from desktop.charts import export
from desktop.charts.holder import beside
from desktop.charts.map.basemap import SCALES, Basemap, basemap
from desktop.charts.map.plot import CLAIMS_COLOUR, SOURCES_COLOUR, MapPlot
from desktop.charts.reading import ReadingPane
from desktop.reads import places as reads
from desktop.tasks import TaskRunner


class MapPane(ReadingPane):
    actor_clicked = Signal(int)
    coordinates_requested = Signal(int)

    def __init__(self, archive: Archive, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("mapView")
        self.archive = archive
        self.rows: list[PlaceRow] = []
        self.plot = MapPlot(self)
        self._has_basemap = False
        self._selected: int | None = None

        self.unplaced_title = QLabel("Not on the map", self)
        self.unplaced = QListWidget(self)
        self.unplaced.setObjectName("mapUnplaced")
        self.unplaced.setWordWrap(True)
        self.unplaced.setToolTip("Places the gazetteer does not know and no one has placed: double-click to set where")
        self.unplaced.itemDoubleClicked.connect(self._item_chosen)
        self.unplaced.currentItemChanged.connect(self._current_changed)
        self.set_button = QPushButton("Set coordinates…", self)
        self.set_button.setObjectName("mapSetCoordinates")
        self.set_button.setToolTip("Say where the selected place is (on the map or in the list)")
        self.set_button.setEnabled(False)
        self.set_button.clicked.connect(self.request_coordinates)
        splitter = beside(self, self.plot, [self.unplaced_title, self.unplaced, self.set_button], width=220)
        key = QLabel(f"<span style='color:{CLAIMS_COLOUR}'>●</span> claims about the place · "
                     f"<span style='color:{SOURCES_COLOUR}'>●</span> sources naming it (larger: more) · "
                     f"╌ disputed border · outlines: Natural Earth; places: {ATTRIBUTION}", self)
        key.setObjectName("mapKey")
        key.setWordWrap(True)
        key.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.tool_bar(title="Export map", exports={
            "png": ("Map as PNG…", self.export_png), "svg": ("Map as SVG…", self.export_svg)},
            reset=self.plot.reset_view))
        layout.addWidget(key)
        layout.addWidget(splitter, 1)
        self.plot.place_clicked.connect(self._place_clicked)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        archive, wanted = self.archive, not self._has_basemap

        def job(_report: Any, cancelled: Any) -> tuple[list[PlaceRow], dict[str, Basemap] | None] | None:
            if cancelled():
                return None
            # the outlines are decoded here, off the GUI thread, the first time
            return reads.places(archive), {scale: basemap(scale) for scale in SCALES} if wanted else None

        self.read(job, "read the places", self._arrived, saying="Reading the places…")

    def _arrived(self, result: tuple[list[PlaceRow], dict[str, Basemap] | None]) -> None:
        rows, outlines = result
        first = not self._has_basemap
        if outlines is not None:
            self.plot.set_basemap(outlines)
            self._has_basemap = True
        self.rows = rows
        self.plot.draw(rows, keep_view=not first)
        self._fill_unplaced()
        self.status_label.setText(self.summary())

    def summary(self) -> str:
        placed = sum(1 for r in self.rows if r.on_map)
        if not self.rows:
            return "No places yet: add actors of kind “place” (or mark the places a source names)."
        missing = len(self.rows) - placed
        return f"{placed:,} of {len(self.rows):,} places on the map" + (
            f" · {missing:,} not on the map (listed beside it)" if missing else "")

    def _fill_unplaced(self) -> None:
        self.unplaced.clear()
        missing = [r for r in self.rows if not r.on_map]
        for row in sorted(missing, key=lambda r: (-(r.claims + r.sources), r.name)):
            item = QListWidgetItem(f"{row.name} — {row.claims:,} claim{'' if row.claims == 1 else 's'}, "
                                   f"{row.sources:,} source{'' if row.sources == 1 else 's'}")
            item.setData(Qt.ItemDataRole.UserRole, row.actor_id)
            self.unplaced.addItem(item)
        self.unplaced_title.setText(f"Not on the map ({len(missing):,})")

    # --- choosing a place ----------------------------------------------------------------------

    @Slot(int)
    def _place_clicked(self, actor_id: int) -> None:
        self._choose(actor_id)
        self.actor_clicked.emit(actor_id)

    def _choose(self, actor_id: int | None) -> None:
        self._selected = actor_id
        self.set_button.setEnabled(actor_id is not None)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._choose(int(current.data(Qt.ItemDataRole.UserRole)))

    @Slot(QListWidgetItem)
    def _item_chosen(self, item: QListWidgetItem) -> None:
        self._choose(int(item.data(Qt.ItemDataRole.UserRole)))
        self.request_coordinates()

    @Slot()
    def request_coordinates(self) -> None:
        if self._selected is not None:
            self.coordinates_requested.emit(self._selected)

    def highlight_actor(self, actor_id: int | None) -> bool:
        """Ring a place selected elsewhere (other actors clear the ring)."""
        if actor_id is not None and any(r.actor_id == actor_id for r in self.rows):
            self._choose(actor_id)
        return self.plot.highlight_place(actor_id)

    # --- export --------------------------------------------------------------------------------

    def export_png(self, path: str | Path, width: int = 1600) -> Path:
        return export.export_png(self.plot.plot, path, width)

    def export_svg(self, path: str | Path) -> Path:
        return export.export_svg(self.plot.plot, path)
