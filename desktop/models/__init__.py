"""Qt item models over the archive: they hold plain rows (frozen dataclasses), never ORM objects."""

from desktop.models.base import Column, LazyTableModel, Role, RowsTableModel

__all__ = ["Column", "LazyTableModel", "Role", "RowsTableModel"]
