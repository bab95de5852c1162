"""Re-anchoring: keep annotations on the words they were made on when a source's text changes.

An annotation stores its span in code points plus the exact quote and up to 32 characters of
context either side (see :func:`db.commands.anchor_context`). When the text is corrected or
extracted again, each annotation is placed again, trying in order:

1. the part of the text the edit did not touch: when the span lies wholly in the unchanged head
   or tail of the text, it keeps its offsets (head) or shifts by the change in length (tail);
2. the exact quote: every occurrence is scored by how much of the old context surrounds it, and
   the best one wins (ties go to the one nearest where the span is expected);
3. a slightly edited quote (a typo fixed inside the span): between an occurrence of the old prefix
   and one of the old suffix, or failing that by fuzzy alignment (rapidfuzz) near where the span
   is expected.

What cannot be placed is marked ``orphaned`` and listed in the report, never dropped: the user
fixes it by hand. Spans are code points throughout; nothing here knows about UTF-16.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.commands import CONTEXT_CHARS, CommandError, anchor_context
from db.models import Annotation, Source

#: how similar (0-100) an edited quote must stay to its old self to be placed automatically
FUZZY_CUTOFF = 80.0
#: how many occurrences of a short, common quote are scored before giving up on exact matching
MAX_OCCURRENCES = 2_000
#: how far (code points) either side of where a span is expected an exact quote is looked for first
WINDOW = 4_096
#: context characters that must agree around a short quote found elsewhere in the text
MIN_CONTEXT = 4
#: a quote at least this long is trusted on its own when it occurs exactly once
LONG_QUOTE = 16


class Placement(StrEnum):
    PLACED = "placed"  # same offsets, same quote
    MOVED = "moved"  # found at other offsets, or its quote was edited slightly
    ORPHANED = "orphaned"  # not found: the user must place it


@dataclass(frozen=True)
class Anchor:
    """Where an annotation was: its span in the old text, its quote and context."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Result:
    """Where an annotation goes in the new text (for an orphan, its old anchor, clamped)."""

    placement: Placement
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Orphan:
    """An annotation that could not be placed, for the user to fix."""

    annotation_id: int
    quote: str
    note: str | None
    #: where it was before the change (code points of the old text)
    old_start: int
    old_end: int


@dataclass
class ReanchorReport:
    """What happened to each annotation of a source when its text changed (annotation ids)."""

    source_id: int
    placed: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    orphaned: list[Orphan] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.placed) + len(self.moved) + len(self.orphaned)


def _common_prefix(a: str, b: str) -> int:
    """Length of the common head of ``a`` and ``b`` (binary search on slices: C speed)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common tail of ``a`` and ``b``, at most ``limit``."""
    low, high = 0, min(len(a), len(b), limit)
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            low = mid
        else:
            high = mid - 1
    return low


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the old context still stand right before and after a span."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return _common_suffix(before, prefix, len(prefix)) + _common_prefix(after, suffix)


def _occurrences(text: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``needle`` starts in ``text[start:end]`` (at most MAX_OCCURRENCES of them)."""
    end = len(text) if end is None else end
    found: list[int] = []
    at = text.find(needle, start, end)
    while at != -1 and len(found) < MAX_OCCURRENCES:
        found.append(at)
        at = text.find(needle, at + 1, end)
    return found


class _Reanchorer:
    """Places anchors in ``new``, knowing ``old`` when there is one (for the unchanged parts)."""

    def __init__(self, new: str, old: str | None) -> None:
        self.new = new
        if old is None:
            self.head, self.tail, self.old_length = 0, 0, len(new)
        else:
            self.head = _common_prefix(old, new)
            self.tail = _common_suffix(old, new, min(len(old), len(new)) - self.head)
            self.old_length = len(old)
        self.delta = len(new) - self.old_length

    def expected_start(self, anchor: Anchor) -> int:
        """Where the span should be if only the changed middle of the text moved."""
        if anchor.start >= self.old_length - self.tail:
            return anchor.start + self.delta
        return min(anchor.start, len(self.new))

    def result(self, anchor: Anchor, start: int, end: int) -> Result:
        quote, prefix, suffix = anchor_context(self.new, start, end)
        same = start == anchor.start and end == anchor.end and quote == anchor.quote
        return Result(Placement.PLACED if same else Placement.MOVED, start, end, quote, prefix, suffix)

    def orphan(self, anchor: Anchor) -> Result:
        # Offsets stay inside the new text so nothing that draws them can fail; quote and
        # context are kept as they were, for the user (and a later re-anchoring) to go on.
        end = min(anchor.end, len(self.new))
        start = min(anchor.start, end)
        return Result(Placement.ORPHANED, start, end, anchor.quote, anchor.prefix, anchor.suffix)

    def place(self, anchor: Anchor) -> Result:
        old_tail_start = self.old_length - self.tail
        if anchor.end <= self.head and self.new[anchor.start : anchor.end] == anchor.quote:
            return self.result(anchor, anchor.start, anchor.end)
        if anchor.start >= old_tail_start and anchor.end <= self.old_length:
            start, end = anchor.start + self.delta, anchor.end + self.delta
            if self.new[start:end] == anchor.quote:
                return self.result(anchor, start, end)
        return self.search(anchor) or self.orphan(anchor)

    def search(self, anchor: Anchor) -> Result | None:
        if not anchor.quote:
            return self.place_empty(anchor)
        expected = self.expected_start(anchor)
        exact = self.exact(anchor, expected)
        if exact is not None:
            return exact
        return self.between_context(anchor, expected) or self.fuzzy(anchor, expected)

    def exact(self, anchor: Anchor, expected: int) -> Result | None:
        quote, prefix, suffix = anchor.quote, anchor.prefix, anchor.suffix
        # Quote and whole context intact: by far the usual case, found by two plain searches.
        full = prefix + quote + suffix
        if len(full) > len(quote):
            origin = max(0, expected - len(prefix))
            found = [
                at
                for at in (self.new.find(full, origin), self.new.rfind(full, 0, origin + len(full) - 1))
                if at != -1
            ]
            if found:
                at = min(found, key=lambda o: abs(o - origin)) + len(prefix)
                return self.result(anchor, at, at + len(quote))
        # Otherwise score occurrences of the quote by the context around them, nearby first.
        window = WINDOW + len(quote)
        nearby = _occurrences(self.new, quote, max(0, expected - window), expected + window)
        found_nearby = self.best_exact(anchor, expected, nearby, everywhere=False)
        if found_nearby is not None:
            return found_nearby
        return self.best_exact(anchor, expected, _occurrences(self.new, quote), everywhere=True)

    def best_exact(
        self, anchor: Anchor, expected: int, occurrences: list[int], *, everywhere: bool
    ) -> Result | None:
        if not occurrences:
            return None
        quote = anchor.quote
        scored = [
            (_context_score(self.new, at, at + len(quote), anchor.prefix, anchor.suffix), -abs(at - expected), at)
            for at in occurrences
        ]
        score, _, best = max(scored)
        context = len(anchor.prefix) + len(anchor.suffix)
        trusted = score >= min(MIN_CONTEXT, context) or (
            everywhere and len(quote) >= LONG_QUOTE and len(occurrences) == 1
        )
        if not trusted:
            # the context was edited right at the span's edge: the same words a few characters
            # from where they are expected are still them (rather than a fuzzy guess)
            nearest = min(occurrences, key=lambda at: abs(at - expected))
            reach = CONTEXT_CHARS if len(quote) >= MIN_CONTEXT else MIN_CONTEXT
            if abs(nearest - expected) <= reach:
                best, trusted = nearest, True
        return self.result(anchor, best, best + len(quote)) if trusted else None

    def between_context(self, anchor: Anchor, expected: int) -> Result | None:
        """The quote was edited but its context survived: take what lies between the two."""
        prefix, suffix = anchor.prefix, anchor.suffix
        if len(prefix) < MIN_CONTEXT and len(suffix) < MIN_CONTEXT:
            return None
        quote_length = len(anchor.quote)
        slack = max(8, quote_length // 2)
        if len(prefix) >= MIN_CONTEXT:
            starts = [at + len(prefix) for at in _occurrences(self.new, prefix)]
        else:  # a short prefix means the span was at the very start of the text
            starts = [len(prefix)] if self.new.startswith(prefix) else []
        best: tuple[float, int, int, int] | None = None
        for start in starts:
            if len(suffix) >= MIN_CONTEXT:
                limit = start + quote_length + slack + len(suffix)
                end = self.new.find(suffix, max(start, start + quote_length - slack), limit)
            elif self.new.endswith(suffix):  # a short suffix: the span was at the very end
                end = len(self.new) - len(suffix)
            else:
                end = -1
            if end < start or abs(end - start - quote_length) > slack:
                continue
            score = fuzz.ratio(anchor.quote, self.new[start:end], score_cutoff=FUZZY_CUTOFF)
            key = (score, -abs(start - expected), start, end)
            if score and (best is None or key[:2] > best[:2]):
                best = key
        if best is None:
            return None
        return self.result(anchor, best[2], best[3])

    def fuzzy(self, anchor: Anchor, expected: int) -> Result | None:
        """Neither quote nor context are intact: align the quote near where it is expected."""
        quote = anchor.quote
        if len(quote) < MIN_CONTEXT:
            return None  # a short quote found by likeness would be a guess
        margin = max(256, 2 * len(quote))
        window_start = max(0, expected - margin)
        window = self.new[window_start : expected + len(quote) + margin]
        alignment = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_CUTOFF)
        if alignment is None or alignment.dest_end <= alignment.dest_start:
            return None
        start = alignment.dest_start
        # The alignment is as long as the old quote; let the end follow text inserted or removed.
        reach = max(4, len(quote) // 10)
        end = max(
            range(max(start + 1, alignment.dest_end - reach), min(len(window), alignment.dest_end + reach) + 1),
            key=lambda e: (fuzz.ratio(quote, window[start:e]), -abs(e - alignment.dest_end)),
        )
        return self.result(anchor, window_start + start, window_start + end)

    def place_empty(self, anchor: Anchor) -> Result | None:
        """A zero-length anchor (a point between two characters) lives between its contexts."""
        joined = anchor.prefix + anchor.suffix
        if len(joined) < MIN_CONTEXT:
            return None
        expected = self.expected_start(anchor)
        occurrences = _occurrences(self.new, joined)
        if not occurrences:
            return None
        at = min(occurrences, key=lambda o: abs(o + len(anchor.prefix) - expected))
        point = at + len(anchor.prefix)
        return self.result(anchor, point, point)


def reanchor(new_text: str, anchors: Sequence[Anchor], old_text: str | None = None) -> list[Result]:
    """Where each anchor goes in ``new_text``, in the order given.

    ``old_text`` (the text the anchors were made on) is optional; with it, spans in the parts the
    edit did not touch are placed without searching.
    """
    placer = _Reanchorer(new_text, old_text)
    return [placer.place(anchor) for anchor in anchors]


def replace_source_text(session: Session, source_id: int, new_text: str) -> ReanchorReport:
    """Change a source's text and re-anchor all its annotations, in the caller's transaction.

    Annotations that cannot be placed are kept, flagged ``orphaned`` and listed in the report.
    """
    source = session.get(Source, source_id)
    if source is None:
        raise CommandError(f"no source {source_id}")
    old_text = source.text
    annotations = list(
        session.scalars(
            select(Annotation).where(Annotation.source_id == source_id).order_by(Annotation.id)
        )
    )
    anchors = [Anchor(a.start, a.end, a.quote, a.prefix, a.suffix) for a in annotations]
    results = reanchor(new_text, anchors, old_text)
    report = ReanchorReport(source_id)
    if new_text != old_text:
        source.text = new_text
    for annotation, result in zip(annotations, results, strict=True):
        if result.placement is Placement.ORPHANED:
            report.orphaned.append(
                Orphan(annotation.id, annotation.quote, annotation.note, annotation.start,
                       annotation.end)
            )
        elif result.placement is Placement.MOVED or annotation.orphaned:
            report.moved.append(annotation.id)  # an orphan found again has moved, for the user
        else:
            report.placed.append(annotation.id)
        _apply(annotation, result)
    session.flush()
    return report


def _apply(annotation: Annotation, result: Result) -> None:
    # Only assign what differs, so unchanged rows are not rewritten (nor their timestamps).
    values = {
        "start": result.start,
        "end": result.end,
        "quote": result.quote,
        "prefix": result.prefix,
        "suffix": result.suffix,
        "orphaned": result.placement is Placement.ORPHANED,
    }
    for key, value in values.items():
        if getattr(annotation, key) != value:
            setattr(annotation, key, value)


def orphans_of(session: Session, source_ids: Iterable[int] | None = None) -> list[Orphan]:
    """The annotations waiting for the user to place them, oldest first."""
    query = select(
        Annotation.id, Annotation.quote, Annotation.note, Annotation.start, Annotation.end
    ).where(Annotation.orphaned.is_(True))
    if source_ids is not None:
        query = query.where(Annotation.source_id.in_(list(source_ids)))
    return [Orphan(r[0], r[1], r[2], r[3], r[4]) for r in session.execute(query.order_by(Annotation.id))]


def place_orphan(session: Session, annotation_id: int, start: int, end: int) -> None:
    """The user placed an orphaned annotation by hand: take the span and its quote from the text."""
    annotation = session.get(Annotation, annotation_id)
    if annotation is None:
        raise CommandError(f"no annotation {annotation_id}")
    text = session.scalar(select(Source.text).where(Source.id == annotation.source_id)) or ""
    quote, prefix, suffix = anchor_context(text, start, end)
    _apply(annotation, Result(Placement.MOVED, start, end, quote, prefix, suffix))
    session.flush()


__all__ = [
    "CONTEXT_CHARS",
    "Anchor",
    "Orphan",
    "Placement",
    "ReanchorReport",
    "Result",
    "orphans_of",
    "place_orphan",
    "reanchor",
    "replace_source_text",
]
