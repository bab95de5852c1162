"""Reading many rows straight into pandas (the chart, the conflict flags) or as plain tuples (the estimates).

pandas is imported inside the function: the window should not pay for it before it is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    import pandas as pd


def read_frame(session: Session, query: Any) -> pd.DataFrame:
    """Run a select into a DataFrame through the DBAPI cursor of the session's transaction.

    One ``fetchall`` of plain tuples: SQLAlchemy's Row objects, fetched one by one, cost more
    than the query itself for 100,000 statistics. Date columns come as the driver gives them
    (ISO text on SQLite, dates on PostgreSQL): see :func:`db.dates.stored_date`.
    """
    import pandas as pd

    columns, rows = read_rows(session, query)
    return pd.DataFrame(rows, columns=columns)


def read_rows(session: Session, query: Any) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and plain tuples of a select, in one ``fetchall`` through the DBAPI
    cursor of the session's transaction (see :func:`read_frame`)."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(compiled.params[name] for name in compiled.positiontup)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [d[0] for d in cursor.description], list(cursor.fetchall())
    finally:
        cursor.close()
