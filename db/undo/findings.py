"""Findings: the vague-quantity table replaced, undoably."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.findings.vague import VagueRule, set_vague_rules
from db.undo.base import Change


@dataclass(frozen=True)
class VagueTableEdited(Change):
    """The table as it was before an edit; reverting puts it back."""

    rules: tuple[VagueRule, ...]

    def revert(self, session: Session) -> VagueTableEdited:
        return edit_vague_table(session, self.rules)


def edit_vague_table(session: Session, rules: Sequence[VagueRule]) -> VagueTableEdited:
    """Replace the archive's vague-quantity table (ValueError naming a wrong line: nothing changes)."""
    return VagueTableEdited(set_vague_rules(session, rules))


__all__ = ["VagueTableEdited", "edit_vague_table"]
