"""The archive's schema: sources, actors, codes, annotations, mentions, statistics and memos."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Tracked
from db.vocabulary import ActorKind


class OriginalFile(Base):
    """The bytes a researcher imported, kept so the source can always be checked against them."""

    __tablename__ = "original_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Source(Tracked, Base):
    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint(
            "reliability IS NULL OR reliability IN ('A','B','C','D','E','F')", name="reliability"
        ),
        CheckConstraint("credibility IS NULL OR credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint(
            "published_precision IS NULL OR published_precision IN ('day','month','year')",
            name="published_precision",
        ),
    )

    title: Mapped[str] = mapped_column(String(1000), default="")
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[str | None] = mapped_column(String(5))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    #: the byline, as printed
    author: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    language: Mapped[str | None] = mapped_column(String(35), index=True)
    kind: Mapped[str] = mapped_column(String(50), default="article")
    text: Mapped[str] = mapped_column(Text, default="")
    #: sha256 of the imported file (or of the row, for tables): how duplicates are recognised
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    original_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("original_files.id", ondelete="SET NULL"), index=True
    )
    #: for tables of articles: which row of the original file
    original_part: Mapped[str | None] = mapped_column(String(100))
    page_starts: Mapped[list[int] | None] = mapped_column(JSON)
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    outlet: Mapped[Actor | None] = relationship(foreign_keys=[outlet_id])
    original_file: Mapped[OriginalFile | None] = relationship()
    annotations: Mapped[list[Annotation]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class Actor(Tracked, Base):
    __tablename__ = "actors"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('person','organisation','armed_group','state_body','place','media_outlet','other')",
            name="kind",
        ),
    )

    name: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=ActorKind.OTHER.value)
    description: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[Alias]] = relationship(
        back_populates="actor",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Alias.id",
    )


class Alias(Tracked, Base):
    """Another name of an actor: a transliteration, a nom de guerre, a spelling in another script."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("actor_id", "name"),)

    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    #: BCP 47 tag such as "ru", "ar", "ru-Latn"
    language: Mapped[str | None] = mapped_column(String(35))

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Relation(Tracked, Base):
    """A dated relation between two actors ("leader of", "member of", "pledged allegiance to" ...)."""

    __tablename__ = "relations"

    subject_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    predicate: Mapped[str] = mapped_column(String(200))
    object_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    start: Mapped[dt.date | None] = mapped_column(Date)
    start_precision: Mapped[str | None] = mapped_column(String(5))
    end: Mapped[dt.date | None] = mapped_column(Date)
    end_precision: Mapped[str | None] = mapped_column(String(5))
    evidence_annotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotations.id", ondelete="SET NULL")
    )
    notes: Mapped[str | None] = mapped_column(Text)


class Code(Tracked, Base):
    """A code of the codebook; codes nest."""

    __tablename__ = "codes"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    color: Mapped[str] = mapped_column(String(9), default="#ffd54f")
    description: Mapped[str | None] = mapped_column(Text)


annotation_codes = Table(
    "annotation_codes",
    Base.metadata,
    Column("annotation_id", ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True),
    Column("code_id", ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Annotation(Tracked, Base):
    """A span of a source's text. Offsets count Unicode code points, end exclusive.

    The exact quote and 32 characters either side let the span be found again when the text
    changes; an annotation that cannot be placed is marked ``orphaned``, never dropped.
    """

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        # the reader asks for a source's annotations in text order
        Index("ix_annotations_source_id_start", "source_id", "start"),
    )

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str | None] = mapped_column(Text)
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)

    source: Mapped[Source] = relationship(back_populates="annotations")
    codes: Mapped[list[Code]] = relationship(secondary=annotation_codes, order_by="Code.name")


class Mention(Tracked, Base):
    """An annotation that names an actor."""

    __tablename__ = "mentions"

    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)

    annotation: Mapped[Annotation] = relationship()
    actor: Mapped[Actor] = relationship()


class Statistic(Tracked, Base):
    """A numeric claim: who claims how many of what, when and where, and the sentence it comes from.

    Reference data imported from a table has no source or span; its claimant is the dataset.
    """

    __tablename__ = "statistics"
    # conflicting claims are looked for among statistics of the same measure and subject; the
    # statistics pane lists them by period, undated last, in this index's order (no sort)
    __table_args__ = (Index("ix_statistics_measure_subject", "measure", "subject"),
                      Index("ix_statistics_listed", text("(period_start IS NULL)"), "period_start"))

    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    measure: Mapped[str] = mapped_column(String(200), default="", index=True)
    unit: Mapped[str | None] = mapped_column(String(100))
    subject: Mapped[str | None] = mapped_column(String(500))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_start_precision: Mapped[str | None] = mapped_column(String(5))
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    period_end_precision: Mapped[str | None] = mapped_column(String(5))
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    claimant_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), index=True
    )
    annotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotations.id", ondelete="SET NULL"), index=True
    )
    #: 0..1, how sure the researcher is that the claim was read right
    confidence: Mapped[float | None] = mapped_column(Float)
    #: set for reference data imported from a table (the dataset's name)
    dataset: Mapped[str | None] = mapped_column(String(300), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    place: Mapped[Actor | None] = relationship(foreign_keys=[place_id])
    claimant: Mapped[Actor | None] = relationship(foreign_keys=[claimant_id])
    annotation: Mapped[Annotation | None] = relationship()


class SavedSearch(Tracked, Base):
    """A named search or chart setting the researcher wants to reopen."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(50), default="sources")
    query: Mapped[str] = mapped_column(Text, default="")
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Memo(Tracked, Base):
    """A researcher's note on any row: a source, actor, statistic, code or annotation (by UUID)."""

    __tablename__ = "memos"

    target_kind: Mapped[str] = mapped_column(String(30), index=True)
    target_uuid: Mapped[str] = mapped_column(String(36), index=True)
    text: Mapped[str] = mapped_column(Text, default="")


class RejectedSuggestion(Tracked, Base):
    """A suggestion the researcher turned down, so it is not offered again."""

    __tablename__ = "rejected_suggestions"
    __table_args__ = (UniqueConstraint("source_id", "kind", "start", "end", "key"),)

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(500), default="")


# --- team work: merging archives and sharing one live (issue 16) ------------------------------


class ArchiveInfo(Base):
    """Facts about the archive itself; ``archive_uuid`` tells one researcher's copy from another's."""

    __tablename__ = "archive_info"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Tombstone(Base):
    """A row deleted here, kept by UUID so the deletion travels when archives are merged.

    Written by a trigger on every researcher's table; putting the row back (undo) removes it.
    ``replaced_by`` is set when an actor was merged into another: a merge follows the redirect.
    """

    __tablename__ = "tombstones"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    deleted_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
    replaced_by: Mapped[str | None] = mapped_column(String(36))


class MergePeer(Base):
    """Another archive this one was merged with, or sent as a copy to."""

    __tablename__ = "merge_peers"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    location: Mapped[str] = mapped_column(String(2000), default="")
    merged_at: Mapped[dt.datetime | None] = mapped_column()


class MergeBase(Base):
    """The state of a peer's row as this archive last saw it: one digest per field.

    It is the common ancestor of a three-way merge: a field whose digest the peer still has was
    not changed there since.
    """

    __tablename__ = "merge_base"

    peer_id: Mapped[int] = mapped_column(
        ForeignKey("merge_peers.id", ondelete="CASCADE"), primary_key=True
    )
    row_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    #: one 16-hex-digit digest per field, in the order of db.merge.kinds
    digests: Mapped[str] = mapped_column(Text)


class MergeHistory(Base):
    """A value a merge replaced: a conflict's other side, or a claim's number superseded.

    Nothing a merge overwrites is lost: the value, who wrote it and why it went are kept here.
    """

    __tablename__ = "merge_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    merged_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
    peer: Mapped[str] = mapped_column(String(2000), default="")
    kind: Mapped[str] = mapped_column(String(30))
    row_uuid: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(100))
    #: the value as JSON
    value: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    #: "conflict" (the side not kept) or "superseded" (a claim's earlier number)
    reason: Mapped[str] = mapped_column(String(20))


class RejectedActorPair(Base):
    """Two actors the researcher said are not the same, so a merge does not suggest them again."""

    __tablename__ = "rejected_actor_pairs"

    first_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    second_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
class SavedEstimate(Tracked, Base):
    """A finding the researcher kept: a group of claims, the rule that reconciled them, the result.

    ``fingerprint`` digests the claims as they were when it was computed; when a claim of the
    group changes (or one is added or deleted), the group's digest differs and the estimate is
    stale until recomputed (:mod:`db.findings.saved`).
    """

    __tablename__ = "estimates"

    measure: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str | None] = mapped_column(String(500))
    unit: Mapped[str | None] = mapped_column(String(100))
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="SET NULL"), index=True
    )
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_start_precision: Mapped[str | None] = mapped_column(String(5))
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    period_end_precision: Mapped[str | None] = mapped_column(String(5))
    rule: Mapped[str] = mapped_column(String(30))
    #: the source hierarchy (claimant, outlet or dataset names, most trusted first)
    preferred: Mapped[list[str] | None] = mapped_column(JSON)
    low: Mapped[float | None] = mapped_column(Float)
    best: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    #: the statistic ids used, and ``[{"id", "why"}]`` of those left out
    claims: Mapped[list[int]] = mapped_column(JSON, default=list)
    excluded: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: why the group was not reconciled (different units ...), None when it was
    reason: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)


class VagueQuantity(Tracked, Base):
    """How a vague quantity in a quote reads as numbers ("dozens": 24, 36, 99; "at least N": N, N, -).

    Each of low, best and high is a number, ``N`` (the number the phrase carries) or empty.
    """

    __tablename__ = "vague_quantities"

    phrase: Mapped[str] = mapped_column(String(200), unique=True)
    low: Mapped[str | None] = mapped_column(String(30))
    best: Mapped[str | None] = mapped_column(String(30))
    high: Mapped[str | None] = mapped_column(String(30))


class PlacePoint(Base):
    """Where the researcher put a place actor on the map (WGS 84 degrees). A place without one
    is placed by the gazetteer, when it knows the name, or listed as not on the map."""

    __tablename__ = "place_points"
    __table_args__ = (
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude"),
    )

    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
