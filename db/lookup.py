"""Reads that help a researcher annotate: find an actor by a spelling, draft a statistic from a
selection, read and search memos. No Qt; the dialogs call these through their operations.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.dates import PartialDate
from db.models import Actor, Code, Memo, Source, Statistic
from db.queries import actor_names
from db.text import sentence_around

# --- actors ----------------------------------------------------------------------------------

#: matches scoring below this (0-100) are not offered
ACTOR_CUTOFF = 60.0


@dataclass(frozen=True)
class ActorMatch:
    actor_id: int
    name: str
    kind: str
    #: the name or alias that matched (equal to ``name`` when the main name did)
    matched: str
    score: float


def match_actors(session: Session, spelling: str, limit: int = 20) -> list[ActorMatch]:
    """Actors whose name or an alias resembles ``spelling``, best first (rapidfuzz).

    An empty spelling lists actors alphabetically.
    """
    rows = actor_names(session)
    if not spelling.strip():
        seen: dict[int, ActorMatch] = {}
        for actor_id, _name, canonical, kind in rows:
            seen.setdefault(actor_id, ActorMatch(actor_id, canonical, kind or "other", canonical, 0.0))
        return sorted(seen.values(), key=lambda m: m.name.casefold())[:limit]
    choices = [utils.default_process(name) for _, name, _, _ in rows]
    query = utils.default_process(spelling)
    best: dict[int, ActorMatch] = {}
    for _choice, score, index in process.extract(
        query, choices, scorer=_score, limit=max(limit * 4, 50), score_cutoff=ACTOR_CUTOFF
    ):
        actor_id, name, canonical, kind = rows[index]
        if actor_id not in best or score > best[actor_id].score:
            best[actor_id] = ActorMatch(actor_id, canonical, kind or "other", name, float(score))
    return sorted(best.values(), key=lambda m: (-m.score, m.name.casefold()))[:limit]


def guess_actor_kind(text: str, start: int, end: int) -> str | None:
    """The kind of actor a selection probably names ("the Interior Ministry" -> state body),
    read from its sentence by the mention suggester; None when it cannot tell."""
    from db.extract.mentions import suggest_new_actors  # loaded when first used (start-up)

    s_start, s_end = sentence_around(text, start, end)
    for candidate in suggest_new_actors(text[s_start:s_end]):
        if candidate.start + s_start < end and candidate.end + s_start > start and candidate.kind:
            return candidate.kind
    return None


def _score(query: str, choice: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """Like WRatio, but a name that begins with what was typed ranks first."""
    if not query or not choice:
        return 0.0
    if choice == query:
        return 100.0
    score = float(fuzz.WRatio(query, choice))
    if choice.startswith(query) or f" {query}" in choice:
        score = max(score, 95.0 - min(10.0, (len(choice) - len(query)) / 4))
    return score if score_cutoff is None or score >= score_cutoff else 0.0


# --- statistics ------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatisticDraft:
    """A statistic form filled from a selection, for the researcher to confirm or correct."""

    start: int
    end: int
    quote: str
    sentence: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    measure: str = ""
    subject: str | None = None
    place: str | None = None
    claimant: str | None = None
    period_start: PartialDate | None = None
    period_end: PartialDate | None = None
    #: why no number was read, when none was
    problem: str | None = None


def draft_statistic(
    text: str, start: int, end: int, published: PartialDate | None = None
) -> StatisticDraft:
    """Read the number in a selection, and period, claimant, measure and place in its sentence."""
    from db.extract.statistics import (  # loaded when first used (start-up)
        NotAQuantity,
        guess_claimant,
        guess_period,
        parse_quantity,
        suggest_statistics,
    )

    quote = text[start:end]
    s_start, s_end = sentence_around(text, start, end)
    sentence = text[s_start:s_end]
    values: dict[str, object] = {}
    problem = None
    try:
        quantity = parse_quantity(quote)
        values.update(
            value=quantity.value,
            low=quantity.low,
            high=quantity.high,
            approximate=quantity.approximate,
            unit=quantity.unit,
        )
    except NotAQuantity as error:
        problem = str(error)
    # The extractor's reading of the same sentence gives measure, subject and place.
    overlapping = [
        c
        for c in suggest_statistics(sentence, published)
        if c.start + s_start < end and c.end + s_start > start
    ]
    if overlapping:
        found = overlapping[0]
        values.update(measure=found.measure or "", subject=found.subject, place=found.place)
        same_number = problem is None and found.value == values.get("value")
        if same_number and found.approximate and not values.get("approximate"):
            # "some" or "about" just outside the selection still makes the number approximate
            values.update(approximate=True)
        if problem is not None and (found.value is not None or found.low is not None):
            values.update(value=found.value, low=found.low, high=found.high,
                          approximate=found.approximate, unit=found.unit)
            problem = None
    period_start, period_end = guess_period(sentence, published)
    return StatisticDraft(
        start=start,
        end=end,
        quote=quote,
        sentence=sentence,
        claimant=guess_claimant(sentence),
        period_start=period_start,
        period_end=period_end,
        problem=problem,
        **values,  # type: ignore[arg-type]
    )


def known_measures(session: Session) -> list[str]:
    """Measures already used, most used first (the form offers them)."""
    count = func.count(Statistic.id)
    query = (
        select(Statistic.measure, count)
        .where(Statistic.measure != "")
        .group_by(Statistic.measure)
        .order_by(count.desc(), Statistic.measure)
    )
    return [m for m, _ in session.execute(query)]


# --- memos -----------------------------------------------------------------------------------

#: the kinds of rows a memo can be written on, and the model that holds them
MEMO_TARGETS: dict[str, type[Source] | type[Actor] | type[Statistic] | type[Code]] = {"source": Source, "actor": Actor, "statistic": Statistic, "code": Code}


@dataclass(frozen=True)
class MemoRow:
    id: int
    target_kind: str
    target_uuid: str
    #: what the memo is on, in words (a source's title, an actor's name ...)
    target_label: str
    target_id: int | None
    text: str


def memo_text(session: Session, target_kind: str, target_uuid: str) -> str | None:
    """The memo on a row, or None when it has none."""
    return session.scalar(
        select(Memo.text).where(Memo.target_kind == target_kind, Memo.target_uuid == target_uuid)
    )


def target_uuid(session: Session, target_kind: str, target_id: int) -> str | None:
    model = MEMO_TARGETS.get(target_kind)
    if model is None:
        return None
    return session.scalar(select(model.uuid).where(model.id == target_id))


def _label(session: Session, target_kind: str, uuid: str) -> tuple[int | None, str]:
    model = MEMO_TARGETS.get(target_kind)
    if model is None:
        return None, target_kind
    if model is Source:
        row = session.execute(select(Source.id, Source.title).where(Source.uuid == uuid)).first()
    elif model is Statistic:
        row = session.execute(
            select(Statistic.id, Statistic.measure).where(Statistic.uuid == uuid)
        ).first()
    elif model is Actor:
        row = session.execute(select(Actor.id, Actor.name).where(Actor.uuid == uuid)).first()
    else:
        row = session.execute(select(Code.id, Code.name).where(Code.uuid == uuid)).first()
    if row is None:
        return None, f"(deleted {target_kind})"
    return int(row[0]), str(row[1] or f"{target_kind} {row[0]}")


def memo_label(session: Session, target_kind: str, uuid: str) -> str:
    """What a memo is on, in words (a source's title, an actor's name ...)."""
    return _label(session, target_kind, uuid)[1]


def search_memos(session: Session, words: str = "", limit: int = 200) -> list[MemoRow]:
    """Memos holding every one of ``words`` (case-insensitive), newest first; all when empty."""
    query = select(Memo.id, Memo.target_kind, Memo.target_uuid, Memo.text).where(Memo.text != "")
    terms = words.split()
    if terms:
        query = query.where(*[func.lower(Memo.text).contains(t.lower()) for t in terms])
    query = query.order_by(Memo.modified_at.desc(), Memo.id.desc()).limit(limit)
    found = []
    for memo_id, kind, uuid, text in session.execute(query).all():
        target_id, label = _label(session, kind, uuid)
        found.append(MemoRow(memo_id, kind, uuid, label, target_id, text))
    return found


__all__ = [
    "ActorMatch",
    "MemoRow",
    "StatisticDraft",
    "draft_statistic",
    "guess_actor_kind",
    "known_measures",
    "match_actors",
    "memo_label",
    "memo_text",
    "search_memos",
    "target_uuid",
]
