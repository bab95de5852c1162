"""Full-text search over sources: FTS5 on SQLite, tsvector on PostgreSQL, one interface.

This is the only module with dialect-specific SQL. The SQLite index is an external-content FTS5
table over a view of sources (title, text, outlet name, author), kept in sync by triggers created
in the first migration, so every write, by Dossier or anyone else, updates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnClause, Select, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from db.filters import SourceFilter, source_conditions, with_outlet
from db.models import Source

#: column weights for bm25: a hit in the title counts most
_WEIGHTS = (10.0, 1.0, 4.0, 4.0)
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
#: characters FTS5 treats as syntax; stripped from bare words
_SYNTAX = re.compile(r"[\"():^{}\[\]+,;]")


@dataclass(frozen=True)
class SearchHit:
    source_id: int
    title: str
    score: float
    snippet: str


def fts_query(user_query: str) -> str | None:
    """Turn what a researcher types into a safe FTS5 query.

    Words must all occur (AND); "quoted phrases" stay phrases; a trailing * searches a prefix;
    a leading - excludes a word. Nothing a user types raises a syntax error. Returns None when
    nothing searchable remains.
    """
    positive: list[str] = []
    negative: list[str] = []
    for match in _TOKEN.finditer(user_query):
        minus_phrase, phrase, minus_word, word = match.groups()
        if phrase is not None:
            terms = " ".join(_SYNTAX.sub(" ", phrase).split())
            if not terms:
                continue
            item = f'"{terms}"'
            (negative if minus_phrase else positive).append(item)
            continue
        prefix = word.endswith("*")
        bare = _SYNTAX.sub(" ", word.rstrip("*")).replace("*", " ").strip()
        if not bare or (bare.upper() in {"AND", "OR", "NOT", "NEAR"} and not prefix):
            continue
        for part in bare.split():
            item = f'"{part}"' + ("*" if prefix else "")
            (negative if minus_word else positive).append(item)
    if not positive:
        return None
    query = " ".join(positive)
    for item in negative:
        query += f" NOT {item}"
    return query


def search_sources(
    session: Session,
    query: str,
    *,
    where: SourceFilter | None = None,
    limit: int = 50,
    marks: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Sources matching ``query``, best first, each with a snippet around the hit.

    ``where`` narrows the hits in the same SQL query (its ``search`` and order are not used):
    the best ``limit`` hits among the sources the filter keeps.
    """
    dialect = session.get_bind().dialect.name
    where = where or SourceFilter()
    if dialect == "sqlite":
        return _search_sqlite(session, query, where, limit, marks)
    if dialect == "postgresql":
        return _search_postgresql(session, query, where, limit, marks)
    raise NotImplementedError(f"search is not available on {dialect}")


def matching_source_ids_sql(session: Session, query: str) -> tuple[str, dict[str, object]] | None:
    """A SQL fragment selecting the ids of sources matching ``query`` (for filtering a view)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts_query(query)
        if match is None:
            return None
        return "SELECT rowid FROM source_fts WHERE source_fts MATCH :fts", {"fts": match}
    # search_vector: kept by a trigger and indexed (migration 0003)
    return (
        "SELECT s.id FROM sources s WHERE s.search_vector @@ websearch_to_tsquery('simple', :fts)",
        {"fts": query},
    )


def _narrowed(statement: Select[Any], id_column: Any, where: SourceFilter) -> Select[Any]:
    """``statement`` keeping only the ids of sources that pass ``where`` (same query)."""
    if not where.narrows:
        return statement
    kept, outlet = with_outlet(select(Source.id), where)
    return statement.where(id_column.in_(kept.where(*source_conditions(where, outlet))))


def _search_sqlite(
    session: Session, query: str, where: SourceFilter, limit: int, marks: tuple[str, str]
) -> list[SearchHit]:
    match = fts_query(query)
    if match is None:
        return []
    index: ColumnClause[Any] = literal_column("source_fts")
    rowid: ColumnClause[Any] = literal_column("source_fts.rowid")
    rank = func.bm25(index, *_WEIGHTS).label("rank")
    statement = (
        select(rowid, Source.title, rank, func.snippet(index, 1, marks[0], marks[1], "…", 16))
        .select_from(table("source_fts"))
        .join(Source, Source.id == rowid)
        .where(index.op("MATCH")(match))
        .order_by(rank)
        .limit(limit)
    )
    rows = session.execute(_narrowed(statement, rowid, where))
    # bm25 is lower-is-better and negative; report a positive score, higher is better
    return [SearchHit(int(r[0]), r[1] or "", -float(r[2]), r[3] or "") for r in rows]


def _search_postgresql(
    session: Session, query: str, where: SourceFilter, limit: int, marks: tuple[str, str]
) -> list[SearchHit]:
    if not query.strip():
        return []
    vector: ColumnClause[Any] = literal_column("sources.search_vector")
    wanted = func.websearch_to_tsquery("simple", query)
    rank = func.ts_rank(vector, wanted).label("rank")
    # The best hits first, ranked on the stored vector; the snippet only for those.
    best = (
        select(Source.id, Source.title, Source.text, rank)
        .where(vector.op("@@")(wanted))
        .order_by(rank.desc(), Source.id)
        .limit(limit)
    )
    hits = _narrowed(best, Source.id, where).subquery("hit")
    options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=30, MinWords=10"
    rows = session.execute(
        select(hits.c.id, hits.c.title, hits.c.rank,
               func.ts_headline("simple", hits.c.text, func.websearch_to_tsquery("simple", query), options))
        .order_by(hits.c.rank.desc(), hits.c.id)
    )
    return [SearchHit(int(r[0]), r[1] or "", float(r[2]), r[3] or "") for r in rows]


def rebuild_index(session: Session) -> None:
    """Rebuild the search index from the sources (after a bulk load, or to repair it)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("INSERT INTO source_fts(source_fts) VALUES ('rebuild')"))
    elif dialect == "postgresql":
        session.execute(text(
            "UPDATE sources SET search_vector = dossier_source_search_vector(title, text, author, outlet_id)"
        ))


def check_index(session: Session) -> bool:
    """True when the SQLite index agrees with the sources (always True elsewhere)."""
    if session.get_bind().dialect.name != "sqlite":
        return True
    try:
        session.execute(
            text("INSERT INTO source_fts(source_fts, rank) VALUES ('integrity-check', 1)")
        )
    except Exception:
        return False
    return True
