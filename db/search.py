"""Full-text search over sources: FTS5 on SQLite, tsvector on PostgreSQL, one interface.

This is the only module with dialect-specific search SQL. On SQLite two FTS5 indexes answer:
the exact one, an external-content table over a view of sources (title, text, outlet name,
author) kept in sync by triggers (first migration), for "quoted phrases" and prefix*; and the
stemmed one over each source's words in their base forms (migration 0013, :mod:`db.search_index`)
for bare words, so "боевик" finds "боевиков" and "ещё" finds "еще". Snippets mark the original
words. Until an upgraded archive's stemmed index is built, bare words search the exact index.
On PostgreSQL the stored vector is stemmed by each source's language, and a query is read in
the configurations of the languages written in its scripts.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Select,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from db.filters import SourceFilter, source_conditions, with_outlet
from db.language import all_languages, language
from db.language.scripts import script_of
from db.language.search_forms import WORD, fold_spelling
from db.models import Source
from db.search_index import rebuild_stem_index, stem_index_ready
from db.search_snippets import exact_snippets, shadow_snippets, stemmed_snippets
from db.search_terms import SNIPPET_REACH, SearchTerms, parse_terms

#: the stemmed shadows of the sources (migration 0013)
_STEMS = table("source_stems", column("source_id"), column("body"))
#: column weights for bm25: a hit in the title counts most
_WEIGHTS = (10.0, 1.0, 4.0, 4.0)
#: the stemmed index's columns: title, body, people (outlet and author)
_STEM_WEIGHTS = (10.0, 1.0, 4.0)


@dataclass(frozen=True)
class SearchHit:
    source_id: int
    title: str
    score: float
    snippet: str


def fts_query(user_query: str) -> str | None:
    """Turn what a researcher types into a safe FTS5 query over the exact index (words as
    written): words must all occur (AND); "quoted phrases" stay phrases; a trailing * searches a
    prefix; a leading - excludes a word. Returns None when nothing searchable remains."""
    return parse_terms(user_query).exact_match(everything=True)


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
    if session.get_bind().dialect.name == "sqlite":
        # bare words: the best rows come with what their snippets are cut from (one read)
        rows, terms, stems = _best_rows(session, query, where or SourceFilter(), limit, texts=True)
        if stems is not None and not terms.exact:
            made = shadow_snippets(session.connection(), terms, stems,
                                   [(r[0], r[3], r[4], r[5]) for r in rows], marks)
        else:
            made = hit_snippets(session, query, [int(r[0]) for r in rows], marks)
        # a positive score, higher is better
        return [SearchHit(int(r[0]), r[1] or "", -float(r[2]), made.get(int(r[0]), "")) for r in rows]
    hits = ranked_hits(session, query, where=where, limit=limit)
    made = hit_snippets(session, query, [h.source_id for h in hits], marks)
    return [dataclasses.replace(h, snippet=made.get(h.source_id, "")) for h in hits]


def ranked_hits(
    session: Session, query: str, *, where: SourceFilter | None = None, limit: int = 50
) -> list[SearchHit]:
    """:func:`search_sources` without the snippets (each ``""``): the ranked list at once, for
    a caller that makes snippets only for the hits it shows (:func:`hit_snippets`)."""
    dialect = session.get_bind().dialect.name
    where = where or SourceFilter()
    if dialect == "sqlite":
        rows = _search_sqlite(session, query, where, limit)
        # a positive score, higher is better
        return [SearchHit(int(r[0]), r[1] or "", -float(r[2]), "") for r in rows]
    if dialect == "postgresql":
        return _search_postgresql(session, query, where, limit)
    raise NotImplementedError(f"search is not available on {dialect}")


def ranked_ids(session: Session, query: str, *, where: SourceFilter | None = None, limit: int = 50) -> list[int]:
    """The ids of :func:`ranked_hits`, best first, without their titles (for a list that reads
    its rows a page at a time): on SQLite the sources table is not read for them."""
    if session.get_bind().dialect.name != "sqlite":
        return [h.source_id for h in ranked_hits(session, query, where=where, limit=limit)]
    return [int(r[0]) for r in _search_sqlite(session, query, where or SourceFilter(), limit, titles=False)]


def hit_snippets(
    session: Session, query: str, ids: Sequence[int], marks: tuple[str, str] = ("[", "]")
) -> dict[int, str]:
    """The snippets of the hits ``ids`` of ``query``, the matching words (in their inflected
    forms, as written) between ``marks``; a source that no longer matches has none. The cost
    grows with ``ids``, not with the hits."""
    if not ids:
        return {}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return _snippets_postgresql(session, query, ids, marks)
    terms = _terms(session, query)
    if terms.empty:
        return {}
    stems, exact = _sqlite_matches(session, terms)
    connection = session.connection()
    if stems is not None:
        return stemmed_snippets(connection, terms, stems, ids, marks)
    assert exact is not None  # phrases and prefixes alone, or before the stemmed index is built
    return exact_snippets(connection, exact, ids, marks)


def matching_source_ids_sql(session: Session, query: str) -> tuple[str, dict[str, object]] | None:
    """A SQL fragment selecting the ids of sources matching ``query`` (for filtering a view)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        terms = _terms(session, query)
        if terms.empty:
            return None
        stems, exact = _sqlite_matches(session, terms)
        parts: list[str] = []
        params: dict[str, object] = {}
        if stems is not None:
            parts.append("SELECT rowid FROM source_stem_fts WHERE source_stem_fts MATCH :stems")
            params["stems"] = stems
        if exact is not None:
            parts.append("SELECT rowid FROM source_fts WHERE source_fts MATCH :fts")
            params["fts"] = exact
        fragment = " INTERSECT ".join(parts)
        excluded = terms.excluded_exact_match() if stems is not None else None
        if excluded is not None:
            fragment += " EXCEPT SELECT rowid FROM source_fts WHERE source_fts MATCH :excluded"
            params["excluded"] = excluded
        return fragment, params
    # search_vector: kept by a trigger and indexed (migrations 0003, 0013)
    sql, pg_params = _pg_tsquery_parts(query)
    return f"SELECT s.id FROM sources s WHERE s.search_vector @@ ({sql})", dict(pg_params)


_LANGUAGES_SQL = text(
    # distinct values by index seeks (ix_sources_language): microseconds at any size
    "WITH RECURSIVE langs(code) AS (SELECT min(language) FROM sources UNION ALL "
    "SELECT (SELECT min(language) FROM sources WHERE language > code) FROM langs "
    "WHERE code IS NOT NULL) SELECT code FROM langs WHERE code IS NOT NULL"
)


def archive_languages(session: Session) -> frozenset[str]:
    """The codes of the languages the archive's sources are in ("ru-RU" read as "ru")."""
    codes = set()
    for (code,) in session.execute(_LANGUAGES_SQL):
        lang = language(code)
        if lang is not None:
            codes.add(lang.code)
    return frozenset(codes)


#: the key of :func:`_archive_state`'s answer in a database connection's ``info``
_STATE = "dossier_search_state"


def _archive_state(session: Session) -> tuple[frozenset[str], bool]:
    """(the archive's languages, whether its stemmed index is ready): read again only when the
    archive changed since this database connection last read them, by this connection (its
    count of changed rows) or by any other (SQLite's ``data_version``). A transaction that has
    written reads them afresh and keeps nothing (it may yet be rolled back)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return archive_languages(session), True
    from db.transactions import transaction_wrote

    record = connection.connection
    raw = record.driver_connection
    wrote = transaction_wrote(connection)
    changes = getattr(raw, "total_changes", None)
    key = None
    if not wrote and changes is not None and raw is not None:
        key = (raw.execute("PRAGMA data_version").fetchone()[0], changes)
        kept = record.info.get(_STATE)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[no-any-return]
    state = (archive_languages(session), stem_index_ready(session))
    if key is not None:
        record.info[_STATE] = (key, state)
    return state


def _terms(session: Session, query: str) -> SearchTerms:
    """``query`` read in the archive's languages; once a session (a list's ranking and the
    snippets of its first rows are one read)."""
    read: dict[str, SearchTerms] = session.info.setdefault("search_terms", {})
    if query not in read:
        read[query] = parse_terms(query, _archive_state(session)[0])
    return read[query]


def _sqlite_matches(session: Session, terms: SearchTerms) -> tuple[str | None, str | None]:
    """(stemmed-index query, exact-index query) for ``terms``; all on the exact index while the
    stemmed index is being built."""
    if terms.words and _archive_state(session)[1]:
        return terms.stem_match(), terms.exact_match()
    return None, terms.exact_match(everything=True)


def _narrowed(statement: Select[Any], id_column: Any, where: SourceFilter) -> Select[Any]:
    """``statement`` keeping only the ids of sources that pass ``where`` (same query)."""
    if not where.narrows:
        return statement
    kept, outlet = with_outlet(select(Source.id), where)
    return statement.where(id_column.in_(kept.where(*source_conditions(where, outlet))))


def _search_sqlite(session: Session, query: str, where: SourceFilter, limit: int,
                   titles: bool = True) -> list[Any]:
    """Rows (id, [title,] bm25) best first (:func:`_statement`)."""
    return _best_rows(session, query, where, limit, titles)[0]


def _best_rows(session: Session, query: str, where: SourceFilter, limit: int, titles: bool = True,
               texts: bool = False) -> tuple[list[Any], SearchTerms, str | None]:
    """(:func:`_search_sqlite`'s rows, the query's terms, its stemmed-index query); ``texts``:
    for bare words alone on the stemmed index, each row with its shadow, text and language."""
    terms = _terms(session, query)
    if terms.empty:
        return [], terms, None
    stems, exact = _sqlite_matches(session, terms)
    values: dict[str, object]
    if stems is None:  # phrases and prefixes alone, or every word before the stemmed index is built
        values = {"match": exact, "limit": limit}
    else:
        values = {"match": stems, "exact": exact, "excluded": terms.excluded_exact_match(), "limit": limit}
    shape = _Shape(stems is not None, titles, values.get("exact") is not None,
                   values.get("excluded") is not None, texts and stems is not None and not terms.exact)
    if where.narrows:
        return list(session.execute(_statement(shape, where), _given(values))), terms, stems
    sql, names, defaults = _compiled(shape)
    raw = session.connection().connection.driver_connection
    assert raw is not None
    return list(raw.execute(sql, [values[n] if n in values else defaults[n] for n in names])), terms, stems


@dataclass(frozen=True)
class _Shape:
    """What a search's SQL depends on besides its values."""

    stemmed: bool  # on the stemmed index (else the exact one alone)
    titles: bool
    exact: bool  # phrases or prefixes with the bare words
    excluded: bool  # excluded phrases or prefixes, the other terms all bare words
    texts: bool = False  # with titles, each row's shadow, text and language (their snippets')

    @property
    def index(self) -> str:
        return "source_stem_fts" if self.stemmed else "source_fts"


def _given(values: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if v is not None}


def _statement(shape: _Shape, where: SourceFilter | None = None) -> Select[Any]:
    """The best ``:limit`` rows of the shape's index for ``:match``: (id, [title,] bm25), bm25
    lower-is-better and negative; on the stemmed index narrowed by ``:exact`` (the ids the exact
    index finds) and ``:excluded`` (the ids it does not), and by ``where``. The titles are read
    for the best rows only, once they are known (not for every match, before the ranking)."""
    name = shape.index
    index: ColumnClause[Any] = literal_column(name)
    rowid: ColumnClause[Any] = literal_column(f"{name}.rowid")
    rank = func.bm25(index, *(_STEM_WEIGHTS if shape.stemmed else _WEIGHTS)).label("rank")
    # ordered by the label: worked out once
    statement: Select[Any] = select(rowid.label("id"), rank).select_from(table(name))
    statement = statement.where(index.op("MATCH")(bindparam("match")))
    if shape.exact:
        statement = statement.where(rowid.in_(_exact_ids(bindparam("exact"))))
    if shape.excluded:
        statement = statement.where(rowid.not_in(_exact_ids(bindparam("excluded"))))
    if where is not None:
        statement = _narrowed(statement, rowid, where)
    best_rows = statement.order_by(rank).limit(bindparam("limit"))
    if not shape.titles:
        return best_rows
    best = best_rows.subquery("best")
    columns: list[Any] = [best.c.id, Source.title, best.c.rank]
    if shape.texts:
        columns += [func.substr(_STEMS.c.body, 1, SNIPPET_REACH), func.substr(Source.text, 1, SNIPPET_REACH),
                    Source.language]
    statement = select(*columns).join(Source, Source.id == best.c.id)
    if shape.texts:
        statement = statement.join(_STEMS, _STEMS.c.source_id == best.c.id)
    return statement.order_by(best.c.rank)


@functools.cache
def _compiled(shape: _Shape) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """:func:`_statement` as SQLite's SQL, its parameters' names in order and their defaults:
    compiled once a shape and run on the driver's connection (a search without filters spends
    no time in building and compiling it, nor in SQLAlchemy's execution of it)."""
    from sqlalchemy.dialects import sqlite

    compiled = _statement(shape).compile(dialect=sqlite.dialect())
    assert compiled.positiontup is not None
    return str(compiled), tuple(compiled.positiontup), dict(compiled.params)


def _exact_ids(match: Any) -> Select[Any]:
    return (select(literal_column("rowid")).select_from(table("source_fts"))
            .where(literal_column("source_fts").op("MATCH")(match)))


def _search_postgresql(session: Session, query: str, where: SourceFilter, limit: int) -> list[SearchHit]:
    if not query.strip():
        return []
    vector: ColumnClause[Any] = literal_column("sources.search_vector")
    wanted = _pg_tsquery(query)
    rank = func.ts_rank(vector, wanted).label("rank")
    best = (
        select(Source.id, Source.title, rank)
        .where(vector.op("@@")(wanted))
        .order_by(rank.desc(), Source.id)
        .limit(limit)
    )
    rows = session.execute(_narrowed(best, Source.id, where))
    return [SearchHit(int(r[0]), r[1] or "", float(r[2]), "") for r in rows]


def _snippets_postgresql(
    session: Session, query: str, ids: Sequence[int], marks: tuple[str, str]
) -> dict[int, str]:
    if not query.strip():
        return {}
    vector: ColumnClause[Any] = literal_column("sources.search_vector")
    options = f"StartSel={marks[0]}, StopSel={marks[1]}, MaxWords=30, MinWords=10"
    rows = session.execute(
        select(Source.id, func.ts_headline(func.dossier_search_config(Source.language), Source.text,
                                           _pg_tsquery(query), options))
        .where(Source.id.in_(list(ids)), vector.op("@@")(_pg_tsquery(query)))
    )
    return {int(r[0]): r[1] or "" for r in rows}


def _pg_configs(query: str) -> list[str]:
    """PostgreSQL configurations a query is read in: 'simple' (words as written) and those of
    the stemmed languages written in the query's scripts."""
    scripts = {script_of(word) for word in WORD.findall(query)}
    configs = ["simple"]
    for lang in all_languages():
        if lang.script in scripts and lang.pg_config not in configs:
            configs.append(lang.pg_config)
    return configs


def _pg_query_text(query: str) -> str:
    return fold_spelling(query)


def _pg_tsquery_parts(query: str) -> tuple[str, dict[str, str]]:
    """A tsquery for ``query`` as SQL with its parameters: each word or phrase read in every
    configuration of its scripts (OR; a stop word of one reading leaves the others), the terms
    ANDed, excluded ones negated, a prefix* matched as written."""
    configs = _pg_configs(query)
    pieces: list[str] = []
    params: dict[str, str] = {}
    for index, (kind, words, excluded) in enumerate(parse_terms(query).parts):
        name = f"pgq{index}"
        params[name] = _pg_query_text(words)
        if kind == "prefix":
            params[name] = "".join(ch for ch in params[name] if ch.isalnum())
            if not params[name]:
                continue
            reading = f"to_tsquery('simple'::regconfig, :{name} || ':*')"
        else:
            function = "phraseto_tsquery" if kind == "phrase" else "plainto_tsquery"
            reading = "(" + " || ".join(f"{function}('{c}'::regconfig, :{name})" for c in configs) + ")"
        pieces.append(f"!!{reading}" if excluded else reading)
    return (" && ".join(pieces) if pieces else "''::tsquery"), params


def _pg_tsquery(query: str) -> Any:
    sql, params = _pg_tsquery_parts(query)
    return text(f"({sql})").bindparams(**params)


def rebuild_index(session: Session) -> None:
    """Rebuild the search index from the sources (after a bulk load, or to repair it)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("INSERT INTO source_fts(source_fts) VALUES ('rebuild')"))
        rebuild_stem_index(session)
    elif dialect == "postgresql":
        session.execute(text(
            "UPDATE sources SET search_vector = "
            "dossier_source_search_vector(title, text, author, outlet_id, language)"
        ))


def check_index(session: Session) -> bool:
    """True when the SQLite index agrees with the sources (always True elsewhere)."""
    if session.get_bind().dialect.name != "sqlite":
        return True
    try:
        session.execute(
            text("INSERT INTO source_fts(source_fts, rank) VALUES ('integrity-check', 1)")
        )
        session.execute(
            text("INSERT INTO source_stem_fts(source_stem_fts, rank) VALUES ('integrity-check', 1)")
        )
    except Exception:
        return False
    return True
