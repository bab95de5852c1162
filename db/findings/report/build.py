"""The claims dossier built from the archive: the estimates of a selection with their rule, a table
of the claims of each (claimant, value, low/high, quote, page or position, source), the chart,
the conflicts side by side, optionally the annotated sources (coded segments and memos), and
the bibliography. Redacted, every text passes through the :class:`Redactor` on its way in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import values
from db.conflicts import conflicts_among
from db.findings.estimates import Finding, Selection, estimate
from db.findings.report.bibliography import bibliography, cite
from db.findings.report.chart import HEIGHT_MM, WIDTH_MM, strip_chart
from db.findings.report.document import Block, Document, Heading, Image, Paragraph, Table
from db.findings.report.redact import Redactor, redactor_for
from db.findings.rules import Rule
from db.lookup import memo_text
from db.queries import in_chunks, list_statistics, source_detail, source_rows
from db.rows import SourceRow, StatisticRow

Report = Callable[[int, int, str], None]


class EmptyReport(ValueError):
    """The selection has nothing to report."""


@dataclass(frozen=True)
class ReportOptions:
    selection: Selection = field(default_factory=Selection)
    rule: Rule = Rule.UCDP
    preferred: tuple[str, ...] = ()
    #: actors (names or aliases) replaced by pseudonyms everywhere
    redact: tuple[str, ...] = ()
    #: add the annotated-source report (coded segments and memos) of the selection's sources
    annotated: bool = False
    title: str = "Claims dossier"


CLAIM_HEADERS = ("#", "Claimant", "Value", "Low–high", "Quote", "Where", "Source", "Counted")
CLAIM_WIDTHS = (5, 13, 9, 9, 29, 11, 13, 14)


def _bounds(row: StatisticRow) -> str:
    if row.low is not None and row.high is not None:
        return f"{values.format_number(row.low)}–{values.format_number(row.high)}"
    if row.low is not None:
        return f"≥ {values.format_number(row.low)}"
    if row.high is not None:
        return f"≤ {values.format_number(row.high)}"
    return ""


def _where(row: StatisticRow) -> str:
    if row.page is not None:
        return f"p. {row.page}"
    if row.start is not None and row.end is not None:
        return f"chars {row.start}–{row.end}"
    return ""


class _Builder:
    def __init__(self, session: Session, options: ReportOptions, redactor: Redactor) -> None:
        self.session = session
        self.options = options
        self.r = redactor.apply
        self.blocks: list[Block] = []

    def source_label(self, row: StatisticRow, sources: dict[int, SourceRow]) -> str:
        if row.source_id is not None and row.source_id in sources:
            return self.r(cite(sources[row.source_id]))
        return self.r(row.dataset or "")

    def finding(self, finding: Finding, rows: dict[int, StatisticRow], sources: dict[int, SourceRow]) -> None:
        r = self.r
        self.blocks.append(Heading(r(finding.title()), 2))
        self.blocks.append(Paragraph(r(finding.describe()), "finding"))
        rule = f"Rule: {finding.rule.label}."
        if finding.preferred:
            rule += " Hierarchy: " + " > ".join(r(p) for p in finding.preferred) + "."
        self.blocks.append(Paragraph(rule, "rule"))
        self.blocks += [Paragraph(r(f"Warning: {w}."), "warning") for w in finding.warnings]
        why = dict(finding.excluded)
        used_values = [v for i in finding.claims if (v := _value_of(rows.get(i))) is not None]
        left_values = [v for i in why if (v := _value_of(rows.get(i))) is not None]
        if len(used_values) + len(left_values) > 1:  # one claim alone makes no chart
            self.blocks.append(Image(
                strip_chart(finding.low, finding.best, finding.high, used_values, left_values),
                WIDTH_MM, HEIGHT_MM,
                "Chart: the estimate's band from low to high, its best estimate, and the claims",
            ))
        table_rows, muted = [], set()
        for position, statistic_id in enumerate((*finding.claims, *sorted(why))):
            row = rows.get(statistic_id)
            if row is None:
                continue
            if statistic_id in why:
                muted.add(position)
            table_rows.append((
                str(row.id), r(row.claimant or "(the author)"), values.format(row), _bounds(row),
                r(" ".join((row.quote or "").split())), _where(row), self.source_label(row, sources),
                "used" if statistic_id not in why else r(f"left out: {why[statistic_id]}"),
            ))
        self.blocks.append(Table(CLAIM_HEADERS, tuple(table_rows), CLAIM_WIDTHS, frozenset(muted)))

    def conflicts(self, rows: Sequence[StatisticRow], sources: dict[int, SourceRow]) -> None:
        found = conflicts_among(rows)
        if not found:
            return
        r = self.r
        self.blocks.append(Heading("Conflicting claims", 1))
        self.blocks.append(Paragraph(
            "Claims about the same thing whose values cannot both be right, side by side.", "small"))
        for conflict in found:
            self.blocks.append(Heading(r(conflict.describe()), 3))
            self.blocks.append(Table(
                ("#", "Claimant", "Value", "Period", "Source", "Quote"),
                tuple((str(c.id), r(c.claimant or "(the author)"), values.format(c),
                       "–".join(dict.fromkeys(d.iso() for d in (c.period_start, c.period_end) if d)),
                       self.source_label(c, sources), r(" ".join((c.quote or "").split())))
                      for c in conflict.claims),
                (5, 16, 10, 14, 15, 40),
            ))

    def annotated(self, source_ids: Sequence[int]) -> None:
        r = self.r
        self.blocks.append(Heading("Annotated sources", 1))
        for source_id in source_ids:
            detail = source_detail(self.session, source_id)
            if detail is None:
                continue
            self.blocks.append(Heading(r(detail.row.title or "Untitled"), 2))
            self.blocks.append(Paragraph(r(cite(detail.row)), "small"))
            memo = memo_text(self.session, "source", detail.row.uuid)
            if memo:
                self.blocks.append(Paragraph(r(f"Memo: {memo}"), "quote"))
            segments = [a for a in detail.coded if a.codes or a.note]
            if not segments:
                self.blocks.append(Paragraph("No coded segments.", "small"))
                continue
            pages = detail.page_starts
            self.blocks.append(Table(
                ("Where", "Codes", "Segment", "Memo"),
                tuple((_segment_where(a.start, a.end, pages), r(", ".join(a.codes)),
                       r(" ".join(a.quote.split())), r(a.note or "")) for a in segments),
                (12, 18, 45, 25),
            ))


def _segment_where(start: int, end: int, pages: Sequence[int]) -> str:
    from db.rows import page_of

    page = page_of(pages, start)
    return f"p. {page}" if page is not None else f"chars {start}–{end}"


def _value_of(row: StatisticRow | None) -> float | None:
    if row is None:
        return None
    if row.value is not None:
        return row.value
    return row.low if row.low is not None else row.high


def build_document(session: Session, options: ReportOptions, report: Report | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Document:
    """The claims dossier of ``options``; raises :class:`EmptyReport` when it has nothing to show."""
    findings = estimate(session, options.selection, options.rule, options.preferred)
    ids = sorted({i for f in findings for i in f.statistic_ids})
    rows: dict[int, StatisticRow] = {}
    for chunk in in_chunks(ids):
        rows.update((r.id, r) for r in list_statistics(session, ids=chunk))
    source_ids = sorted({r.source_id for r in rows.values() if r.source_id is not None})
    if options.annotated and options.selection.source_ids:
        source_ids = sorted(set(source_ids) | set(options.selection.source_ids))
    sources = {s.id: s for chunk in in_chunks(source_ids) for s in source_rows(session, chunk)}
    if not findings and not (options.annotated and sources):
        raise EmptyReport("the selection has no claims: there is nothing to report")
    redactor = redactor_for(session, options.redact)
    builder = _Builder(session, options, redactor)
    total = len(findings) + (len(source_ids) if options.annotated else 0) + 1
    if findings:
        builder.blocks.append(Heading("Findings", 1))
        builder.blocks.append(Paragraph(f"{options.rule.label}: {options.rule.statement} Claims relayed "
                                        "from one original source (the same claimant and figure) count once.", "rule"))
    for n, finding in enumerate(findings):
        if cancelled is not None and cancelled():
            raise InterruptedError("the report was cancelled")
        builder.finding(finding, rows, sources)
        if report is not None:
            report(n + 1, total, builder.r(finding.title()))
    builder.conflicts([rows[i] for i in ids], sources)
    if options.annotated:
        builder.annotated(source_ids)
    if sources:
        builder.blocks.append(Heading("Bibliography", 1))
        builder.blocks += [Paragraph(builder.r(e), "entry") for e in bibliography(sources.values())]
    if report is not None:
        report(total, total, "")
    counts = (f"{len(findings)} estimate{'s' if len(findings) != 1 else ''} from {len(rows):,} "
              f"claim{'s' if len(rows) != 1 else ''} in {len(sources)} source{'s' if len(sources) != 1 else ''}")
    subtitle = f"{_describe(options)} — {counts}. Rule: {options.rule.label}."
    if redactor.active:
        subtitle += f" Redacted: {len(redactor.pseudonyms)} actor{'s' if len(redactor.pseudonyms) != 1 else ''} replaced by pseudonyms."
    return Document(builder.r(options.title), builder.r(subtitle), tuple(builder.blocks), len(rows))


def _describe(options: ReportOptions) -> str:
    s = options.selection
    parts = [f"{label} {value}" for label, value in (("measure", s.measure), ("subject", s.subject),
                                                      ("place", s.place), ("period", s.period)) if value]
    if s.source_ids:
        parts.append(f"{len(s.source_ids)} chosen source{'s' if len(s.source_ids) != 1 else ''}")
    if s.actor_ids:
        parts.append(f"{len(s.actor_ids)} chosen actor{'s' if len(s.actor_ids) != 1 else ''}")
    return ("Claims of " + ", ".join(parts)) if parts else "All claims"
