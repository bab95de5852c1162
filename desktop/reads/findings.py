"""Reads for findings: the estimates of the archive by a rule, with the claims they are made of."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from db import queries
from db.archive import Archive
from db.findings.estimates import Finding, Selection, estimate
from db.findings.report.build import Report, ReportOptions
from db.findings.saved import SavedRow
from db.findings.vague import VagueRule
from db.rows import StatisticRow, known_by_id
from desktop.reads.base import read


@dataclass(frozen=True)
class Estimates:
    findings: list[Finding]
    #: the claims the estimates use or leave out, by id
    claims: dict[int, StatisticRow]
    #: the estimate kept for a group, by the position of its estimate in ``findings``
    kept: dict[int, SavedRow]


def estimates(archive: Archive, rule: str, preferred: Sequence[str] = (),
              known: Iterable[StatisticRow] = ()) -> Estimates:
    """Every estimate by ``rule`` (ValueError for a rule that cannot be read), with those kept;
    a claim read the same as one of ``known`` (the statistics pane's rows) is that object."""
    from db.findings.saved import key_of, saved_estimates

    findings = read(archive, estimate, Selection(), rule, list(preferred))
    rows = read(archive, queries.list_statistics, known=known_by_id(known))
    saved = {key_of(r.saved): r for r in read(archive, saved_estimates)}
    kept = {n: saved[k] for n, f in enumerate(findings) if (k := key_of(f)) in saved}
    return Estimates(findings, {r.id: r for r in rows}, kept)


def report_choices(archive: Archive) -> list[tuple[str, str]]:
    """(name, kind) of every actor, for the report's redaction list."""
    return [(a.name, a.kind) for a in read(archive, queries.list_actors)]


def write_report(archive: Archive, path: Path, options: ReportOptions, report: Report | None = None,
                 cancelled: Callable[[], bool] | None = None) -> int:
    """Write the claims dossier (EmptyReport when the selection has nothing to show)."""
    from db.findings.report.write import write_report as write

    return write(archive, path, options, report, cancelled)


def vague_rules(archive: Archive) -> tuple[VagueRule, ...]:
    """The archive's vague-quantity table (the defaults when it has none of its own)."""
    from db.findings.vague import vague_rules as rules

    return read(archive, rules)
