"""Findings, undoably: the vague-quantity table replaced, an estimate kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.findings.estimates import Finding
from db.findings.saved import put_saved
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


@dataclass(frozen=True)
class EstimateKept(Change):
    """The estimate a group had kept before (None: none); reverting keeps that again."""

    group: Finding
    previous: Finding | None

    def revert(self, session: Session) -> EstimateKept:
        return keep_estimate(session, self.group, self.previous)


def keep_estimate(session: Session, group: Finding, kept: Finding | None) -> EstimateKept:
    """Keep ``kept`` as the saved estimate of ``group``'s group (None: keep none)."""
    return EstimateKept(group, put_saved(session, group, kept))


__all__ = ["EstimateKept", "VagueTableEdited", "edit_vague_table", "keep_estimate"]
