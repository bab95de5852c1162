"""Findings: the vague-quantity table edited, an estimate kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from db import undo as db_undo
from desktop.undo.base import ArchiveCommand, Window

if TYPE_CHECKING:
    from db.findings.estimates import Finding
    from db.findings.vague import VagueRule
    from db.undo import Change, Session


class EditVagueTable(ArchiveCommand):
    """Replace how vague quantities ("dozens", "at least N") read as numbers."""

    def __init__(self, window: Window, rules: Sequence[VagueRule], parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Edit vague quantities", parent)
        self.rules = tuple(rules)

    def write(self, session: Session) -> Change:
        return db_undo.edit_vague_table(session, self.rules)


class KeepEstimate(ArchiveCommand):
    """Keep an estimate as the finding of its group (replacing the one kept before)."""

    def __init__(self, window: Window, finding: Finding, parent: QUndoCommand | None = None) -> None:
        super().__init__(window, "Keep estimate", parent)
        self.finding = finding

    def write(self, session: Session) -> Change:
        return db_undo.keep_estimate(session, self.finding, self.finding)
