"""The estimates a researcher keeps, and when one is stale.

A saved estimate records its group (measure, subject, place, period), its rule and source
hierarchy, the result, the claims used and left out, and a digest of the group's claims. When a
claim of the group changes, or one joins or leaves it, the digest the group has now differs:
:func:`saved_estimates` marks the estimate stale and shows what it would be now;
:func:`recompute` stores that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.conflicts import normalise_phrase
from db.dates import PartialDate, from_columns, to_columns
from db.findings.claims import actor_names, read_claims
from db.findings.estimates import Finding, Selection, estimate, fingerprint
from db.findings.rules import Rule
from db.models import SavedEstimate


@dataclass(frozen=True)
class SavedRow:
    id: int
    uuid: str
    #: the estimate as it was saved
    saved: Finding
    #: the estimate its group gives now (None: the group has no claims any more)
    current: Finding | None

    @property
    def stale(self) -> bool:
        return self.current is None or self.current.fingerprint != self.saved.fingerprint


def _key(measure: str, subject: str | None, place_id: int | None, start: PartialDate | None,
         end: PartialDate | None) -> tuple[str, str, int | None, int | None, int | None]:
    first, last = start or end, end or start
    return (
        normalise_phrase(measure),
        normalise_phrase(subject) if subject else "",
        place_id,
        first.first_day().toordinal() if first else None,
        last.last_day().toordinal() if last else None,
    )


def _stored_finding(row: SavedEstimate, names: dict[int, str]) -> Finding:
    return Finding(
        measure=row.measure,
        subject=row.subject,
        unit=row.unit,
        place_id=row.place_id,
        place=names.get(row.place_id) if row.place_id is not None else None,
        period_start=from_columns(row.period_start, row.period_start_precision),
        period_end=from_columns(row.period_end, row.period_end_precision),
        rule=Rule(row.rule),
        preferred=tuple(row.preferred or ()),
        low=row.low,
        best=row.best,
        high=row.high,
        claims=tuple(row.claims or ()),
        excluded=tuple((int(e["id"]), str(e["why"])) for e in row.excluded or ()),
        reason=row.reason,
        warnings=(),
        sources=0,
        independent=0,
        fingerprint=row.fingerprint,
    )


def _write(row: SavedEstimate, finding: Finding) -> None:
    row.measure, row.subject, row.unit, row.place_id = finding.measure, finding.subject, finding.unit, finding.place_id
    row.period_start, row.period_start_precision = to_columns(finding.period_start)
    row.period_end, row.period_end_precision = to_columns(finding.period_end)
    row.rule, row.preferred = finding.rule.value, list(finding.preferred)
    row.low, row.best, row.high = finding.low, finding.best, finding.high
    row.claims = list(finding.claims)
    row.excluded = [{"id": i, "why": why} for i, why in finding.excluded]
    row.reason, row.fingerprint = finding.reason, finding.fingerprint


def save_estimate(session: Session, finding: Finding) -> int:
    """Keep ``finding``; an estimate already saved for the same group is replaced. Its id."""
    if not finding.fingerprint:
        finding = finding._replace(fingerprint=fingerprint(read_claims(session, statistic_ids=finding.statistic_ids)))
    key = _key(finding.measure, finding.subject, finding.place_id, finding.period_start, finding.period_end)
    for row in session.scalars(select(SavedEstimate)):
        if _key(row.measure, row.subject, row.place_id, *_period(row)) == key:
            _write(row, finding)
            session.flush()
            return row.id
    row = SavedEstimate()
    _write(row, finding)
    session.add(row)
    session.flush()
    return row.id


def _period(row: SavedEstimate) -> tuple[PartialDate | None, PartialDate | None]:
    return from_columns(row.period_start, row.period_start_precision), from_columns(row.period_end, row.period_end_precision)


def key_of(finding: Finding) -> tuple[str, str, int | None, int | None, int | None]:
    return _key(finding.measure, finding.subject, finding.place_id, finding.period_start, finding.period_end)


def saved_estimates(session: Session) -> list[SavedRow]:
    """Every saved estimate, with what its group gives now (stale when its claims changed)."""
    rows = session.scalars(select(SavedEstimate).order_by(SavedEstimate.id)).all()
    if not rows:
        return []
    names = actor_names(session)
    saved = [(row, _stored_finding(row, names)) for row in rows]
    # one estimate of the archive per rule (and hierarchy) the saved ones use
    now: dict[tuple[Rule, tuple[str, ...]], dict[tuple[str, str, int | None, int | None, int | None], Finding]] = {}
    for _, finding in saved:
        how = (finding.rule, finding.preferred)
        if how not in now:
            now[how] = {key_of(f): f for f in estimate(session, Selection(), *how)}
    result = []
    for row, finding in saved:
        current = now[(finding.rule, finding.preferred)].get(key_of(finding))
        if current is not None:
            claims = read_claims(session, statistic_ids=current.statistic_ids)
            current = current._replace(fingerprint=fingerprint(claims))
        result.append(SavedRow(row.id, row.uuid, finding, current))
    return result


def recompute(session: Session, ids: Sequence[int] | None = None) -> int:
    """Store what each stale saved estimate (or those of ``ids``) gives now; how many changed.

    An estimate whose group has no claims left is kept as it was (still stale) rather than lost.
    """
    changed = 0
    wanted = set(ids) if ids is not None else None
    for saved in saved_estimates(session):
        if (wanted is not None and saved.id not in wanted) or not saved.stale or saved.current is None:
            continue
        row = session.get(SavedEstimate, saved.id)
        assert row is not None
        _write(row, saved.current)
        changed += 1
    session.flush()
    return changed


def delete_saved(session: Session, estimate_id: int) -> None:
    row = session.get(SavedEstimate, estimate_id)
    if row is not None:
        session.delete(row)
        session.flush()


def put_saved(session: Session, group: Finding, kept: Finding | None) -> Finding | None:
    """Keep ``kept`` as the saved estimate of ``group``'s group (None: keep none); the saved
    estimate it had before, if any (for undo)."""
    key = key_of(group)
    names = actor_names(session)
    row = next((r for r in session.scalars(select(SavedEstimate))
                if _key(r.measure, r.subject, r.place_id, *_period(r)) == key), None)
    previous = _stored_finding(row, names) if row is not None else None
    if kept is not None:
        save_estimate(session, kept)
    elif row is not None:
        session.delete(row)
        session.flush()
    return previous
