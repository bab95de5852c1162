"""The actors pane's model: a two-level tree, actor kinds with their actors under them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from db.rows import ActorRow
from desktop.models.base import Role
from desktop.models.cells import PAINTED, Cell, CellCache, Roles, fill_span
from desktop.models.display import KIND_ORDER, kind_name

Index = QModelIndex | QPersistentModelIndex
#: internalId of a kind row; an actor row's internalId is its kind's row number + 1
_KIND = 0
COLUMNS = ("Name", "Mentions", "Aliases")


class ActorsModel(QAbstractItemModel):
    """Kinds (with how many actors) at the top; actors (mentions, aliases) under them."""

    def __init__(self, actors: Sequence[ActorRow] = ()) -> None:
        super().__init__()
        #: what the cells shown paint with, by (internal id, row, column), until the next reset
        self.cells = CellCache(self, self._cell)
        self._kinds: list[str] = []
        self._actors: list[list[ActorRow]] = []
        self._fill(actors)

    def _fill(self, actors: Sequence[ActorRow]) -> None:
        by_kind: dict[str, list[ActorRow]] = {}
        for actor in actors:
            by_kind.setdefault(actor.kind, []).append(actor)
        order = {k: n for n, k in enumerate(KIND_ORDER)}
        self._kinds = sorted(by_kind, key=lambda k: (order.get(k, len(order)), k))
        self._actors = [sorted(by_kind[k], key=lambda a: a.name.casefold()) for k in self._kinds]

    def set_actors(self, actors: Sequence[ActorRow]) -> None:
        self.beginResetModel()
        self._fill(actors)
        self.endResetModel()

    def actor_at(self, index: Index) -> ActorRow | None:
        if not index.isValid() or index.internalId() == _KIND:
            return None
        return self._actors[index.internalId() - 1][index.row()]

    def index_of_actor(self, actor_id: int) -> QModelIndex:
        for k, actors in enumerate(self._actors):
            for n, actor in enumerate(actors):
                if actor.id == actor_id:
                    return self.createIndex(n, 0, k + 1)
        return QModelIndex()

    def kind_index(self, kind: str) -> QModelIndex:
        return self.createIndex(self._kinds.index(kind), 0, _KIND) if kind in self._kinds else QModelIndex()

    # --- Qt overrides ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _KIND) if row < len(self._kinds) else QModelIndex()
        if parent.internalId() != _KIND or parent.column() != 0:
            return QModelIndex()
        kind_row = parent.row()
        if row >= len(self._actors[kind_row]):
            return QModelIndex()
        return self.createIndex(row, column, kind_row + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _KIND:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _KIND)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._kinds)
        if parent.internalId() == _KIND and parent.column() == 0:
            return len(self._actors[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def _cell(self, at: tuple[int, int, int]) -> Cell | None:
        """What a cell paints with: a kind's name and count, an actor's name, mentions, aliases."""
        internal, row, column = at
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if internal == _KIND:
            if not 0 <= row < len(self._kinds):
                return None
            actors = self._actors[row]
            if column == 0:
                return {Qt.ItemDataRole.DisplayRole: f"{kind_name(self._kinds[row])} ({len(actors)})"}
            if column == 1:
                return {Qt.ItemDataRole.DisplayRole: sum(a.mention_count for a in actors),
                        Qt.ItemDataRole.TextAlignmentRole: right}
            return {}
        actor = self._actors[internal - 1][row]
        cell: Cell = {Qt.ItemDataRole.DisplayRole: (actor.name, actor.mention_count, ", ".join(actor.aliases))[column]}
        if column == 1:
            cell[Qt.ItemDataRole.TextAlignmentRole] = right
        return cell

    def painted(self, index: Index) -> Cell | None:
        if not index.isValid():
            return None
        return self.cells.get((index.internalId(), index.row(), index.column()))

    def multiData(self, index: Index, roleDataSpan: Roles) -> None:
        fill_span(roleDataSpan, self.painted(index), lambda role: self.data(index, role))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in PAINTED:
            cell = self.painted(index)
            return cell.get(role) if cell is not None else None
        if index.internalId() == _KIND:
            return self._kinds[index.row()] if role == Role.SORT else None
        column = index.column()
        actor = self._actors[index.internalId() - 1][index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{actor.name} ({kind_name(actor.kind).lower()})"]
            if actor.aliases:
                lines.append("Also: " + ", ".join(actor.aliases))
            lines.append(f"{actor.mention_count} mentions in {actor.source_count} sources")
            if actor.description:
                lines.append(actor.description)
            return "\n".join(lines)
        if role == Role.ID:
            return actor.id
        if role == Role.ROW:
            return actor
        if role == Role.SORT:
            return (actor.name.casefold(), actor.mention_count, ", ".join(actor.aliases))[column]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
