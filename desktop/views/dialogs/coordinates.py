"""Say where a place is: look its name up in the gazetteer (any spelling, any script) and pick
one, or type the latitude and longitude."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.gazetteer import ATTRIBUTION, GazetteerPlace
from desktop.views.dialogs.common import ok_cancel


def _degrees(name: str, limit: float, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(-limit, limit)
    box.setDecimals(4)
    box.setSuffix(suffix)
    return box


class CoordinatesDialog(QDialog):
    """The coordinates of one place; ``point()`` is what was chosen (None: clear them)."""

    def __init__(self, place: str, point: tuple[float, float] | None,
                 search: Callable[[str], list[GazetteerPlace]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatesDialog")
        self.setWindowTitle(f"Where is {place}?")
        self.resize(460, 420)
        self._search = search
        self.search_edit = QLineEdit(place)
        self.search_edit.setObjectName("coordinatesSearch")
        self.search_edit.setPlaceholderText("A name in any spelling or script: Grozny, Грозный …")
        self.results = QListWidget()
        self.results.setObjectName("coordinatesResults")
        self.latitude = _degrees("coordinatesLatitude", 90, "° N")
        self.longitude = _degrees("coordinatesLongitude", 180, "° E")
        self.clear_box = QCheckBox("Clear the coordinates set by hand (the gazetteer places it, if it can)")
        self.clear_box.setObjectName("coordinatesClear")
        self.clear_box.setVisible(point is not None)
        if point is not None:
            self.latitude.setValue(point[0])
            self.longitude.setValue(point[1])
        form = QFormLayout()
        form.addRow("Latitude", self.latitude)
        form.addRow("Longitude", self.longitude)
        note = QLabel(f"Choose a place found in the gazetteer ({ATTRIBUTION}), or type the degrees "
                      "(south and west are negative).")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = ok_cancel(self, "Set")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.clear_box)
        layout.addWidget(self.buttons)
        self.search_edit.textChanged.connect(self._look_up)
        self.results.currentItemChanged.connect(self._chosen)
        self._look_up(place)

    def _look_up(self, text: str) -> None:
        self.results.clear()
        for found in self._search(text):
            item = QListWidgetItem(f"{found.describe()} — {found.latitude:.3f}, {found.longitude:.3f}")
            item.setData(Qt.ItemDataRole.UserRole, (found.latitude, found.longitude))
            self.results.addItem(item)

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            latitude, longitude = item.data(Qt.ItemDataRole.UserRole)
            self.latitude.setValue(latitude)
            self.longitude.setValue(longitude)
            self.clear_box.setChecked(False)

    def point(self) -> tuple[float, float] | None:
        if self.clear_box.isChecked():
            return None
        return round(self.latitude.value(), 6), round(self.longitude.value(), 6)
