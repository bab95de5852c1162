"""Reads for findings: the estimates of the archive by a rule, with the claims they are made of."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db import queries
from db.apart import read_apart
from db.archive import Archive
from db.rows import StatisticRow
from desktop.reads.base import read

if TYPE_CHECKING:  # the findings modules are loaded when first used (on a reader thread)
    from db.findings.estimates import Finding
    from db.findings.report.build import Report, ReportOptions
    from db.findings.saved import SavedRow
    from db.findings.vague import VagueRule


class ClaimsById(Mapping[int, StatisticRow]):
    """The archive's claims by id, read when asked for (those of an estimate as it is expanded)
    and the last few hundred kept: the estimates cover every claim, which at 100,000 claims
    held some 70 MB of rows that a researcher expands a few of."""

    KEPT = 2000

    def __init__(self, archive: Archive, ids: Iterable[int] = ()) -> None:
        self.archive = archive
        self._ids = array("q", sorted(set(ids)))  # 8 bytes an id (a frozenset: some 40)
        self._kept: OrderedDict[int, StatisticRow] = OrderedDict()

    def rows_of(self, ids: Sequence[int]) -> dict[int, StatisticRow]:
        """The claims of ``ids`` there are (one read for those not kept)."""
        wanted = [i for i in ids if i in self and i not in self._kept]
        for start in range(0, len(wanted), 5000):
            for row in read(self.archive, queries.list_statistics, ids=wanted[start : start + 5000]):
                self._kept[row.id] = row
        found = {i: self._kept[i] for i in ids if i in self._kept}
        for i in found:
            self._kept.move_to_end(i)
        while len(self._kept) > max(self.KEPT, len(found)):
            self._kept.popitem(last=False)
        return found

    def __getitem__(self, statistic_id: int) -> StatisticRow:
        return self.rows_of([statistic_id])[statistic_id]

    def __contains__(self, statistic_id: object) -> bool:
        if not isinstance(statistic_id, int | float):  # an id read as a float (14.0) is 14, as in a set
            return False
        n = bisect_left(self._ids, statistic_id)
        return n < len(self._ids) and self._ids[n] == statistic_id

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


@dataclass(frozen=True)
class Estimates:
    findings: list[Finding]
    #: the claims the estimates use or leave out, by id (read when asked for)
    claims: Mapping[int, StatisticRow]
    #: the estimate kept for a group, by the position of its estimate in ``findings``
    kept: dict[int, SavedRow]


def estimates(archive: Archive, rule: str, preferred: Sequence[str] = ()) -> Estimates:
    """Every estimate by ``rule`` (ValueError for a rule that cannot be read), with those kept;
    their claims are read when asked for (:class:`ClaimsById`)."""
    from db.findings.estimates import Selection, estimate
    from db.findings.saved import key_of, saved_estimates
    from desktop.reads.statistics import apart_location

    # on a large archive in a process of its own (db.apart): its temporaries stay there
    args = (Selection(), rule, list(preferred))
    findings = read_apart(apart_location(archive), estimate, *args, here=lambda: read(archive, estimate, *args))
    ids = {i for f in findings for i in (*f.claims, *(i for i, _why in f.excluded))}
    saved = {key_of(r.saved): r for r in read(archive, saved_estimates)}
    kept = {n: saved[k] for n, f in enumerate(findings) if (k := key_of(f)) in saved}
    return Estimates(findings, ClaimsById(archive, ids), kept)


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
