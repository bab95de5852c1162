"""Create or change a code (name, colour, parent), and pick a code to merge into."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.rows import CodeRow
from desktop.views.dialogs.common import CODE_COLOURS, ok_cancel, swatch


def code_paths(codes: Sequence[CodeRow]) -> dict[int, str]:
    """Each code's full name ("violence / shelling"), for lists that flatten the tree."""
    by_id = {c.id: c for c in codes}
    paths: dict[int, str] = {}
    for code in codes:
        names: list[str] = []
        seen: set[int] = set()
        current: CodeRow | None = code
        while current is not None and current.id not in seen:
            seen.add(current.id)
            names.append(current.name)
            current = by_id.get(current.parent_id) if current.parent_id is not None else None
        paths[code.id] = " / ".join(reversed(names))
    return paths


def _descendants(codes: Sequence[CodeRow], code_id: int) -> set[int]:
    found: set[int] = set()
    frontier = {code_id}
    while frontier:
        frontier = {c.id for c in codes if c.parent_id in frontier} - found
        found |= frontier
    return found


class CodeDialog(QDialog):
    """A code's name, colour and parent (new code, or edit one)."""

    def __init__(self, codes: Sequence[CodeRow], *, code: CodeRow | None = None,
                 colour: str = CODE_COLOURS[0], parent_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeDialog")
        self.setWindowTitle("Edit code" if code else "New code")
        self.colour = code.color if code else colour
        self.name = QLineEdit(code.name if code else "")
        self.name.setObjectName("codeName")
        self.parent_box = QComboBox()
        self.parent_box.setObjectName("codeParent")
        self.parent_box.addItem("(top level)", None)
        excluded = ({code.id} | _descendants(codes, code.id)) if code else set()
        paths = code_paths(codes)
        for other in sorted(codes, key=lambda c: paths[c.id].casefold()):
            if other.id not in excluded:
                self.parent_box.addItem(swatch(other.color), paths[other.id], other.id)
        wanted = code.parent_id if code else parent_id
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(wanted)))
        swatches = QHBoxLayout()
        swatches.setSpacing(2)
        self.colour_buttons: list[QToolButton] = []
        for value in CODE_COLOURS:
            button = QToolButton()
            button.setObjectName(f"colour{value[1:]}")
            button.setIcon(swatch(value, 16))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(value)
            button.clicked.connect(lambda _c=False, v=value: self.set_colour(v))
            swatches.addWidget(button)
            self.colour_buttons.append(button)
        more = QToolButton()
        more.setText("…")
        more.setToolTip("Another colour")
        more.clicked.connect(self._pick_colour)
        swatches.addWidget(more)
        swatches.addStretch(1)
        self.preview = QLabel()
        self.preview.setObjectName("codePreview")
        self.buttons = ok_cancel(self)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Colour", swatches)
        form.addRow("Inside", self.parent_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda _t: self._update())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.set_colour(self.colour)

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        for button in self.colour_buttons:
            button.setChecked(button.toolTip() == colour)
        self._update()

    def _pick_colour(self) -> None:
        dialog = QColorDialog(QColor(self.colour), self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.colorSelected.connect(lambda c: self.set_colour(c.name()))
        dialog.open()

    def _update(self) -> None:
        name = self.name.text().strip()
        self.preview.setText(
            f"<span style='background:{self.colour}'>&nbsp;{name or 'code'}&nbsp;</span>"
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(bool(name))

    def parent_id(self) -> int | None:
        data = self.parent_box.currentData()
        return int(data) if data is not None else None


class ChooseCodeDialog(QDialog):
    """Pick one code, e.g. the one to merge another into."""

    def __init__(self, codes: Sequence[CodeRow], title: str, prompt: str, *,
                 exclude: Collection[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseCodeDialog")
        self.setWindowTitle(title)
        self.box = QComboBox()
        self.box.setObjectName("codeChoice")
        paths = code_paths(codes)
        for code in sorted(codes, key=lambda c: paths[c.id].casefold()):
            if code.id not in exclude:
                self.box.addItem(swatch(code.color), paths[code.id], code.id)
        self.buttons = ok_cancel(self)
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.box.count() > 0)
        label = QLabel(prompt)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.box)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def select(self, code_id: int) -> None:
        self.box.setCurrentIndex(max(0, self.box.findData(code_id)))

    def chosen(self) -> int | None:
        data = self.box.currentData()
        return int(data) if data is not None else None
