"""A team archive live: PostgreSQL tells every open window when someone else changed something.

Schema 0016 makes every write on a researcher's table notify the channel ``dossier_changed``
(the table's name as payload, once per statement, delivered when the transaction commits).
A :class:`Listener` holds one connection of its own that LISTENs; :meth:`Listener.wait` returns
the tables changed since, or an empty list when ``timeout`` passes. SQLite archives have no
such channel (:func:`supports_live` is False): one researcher works on a file at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.archive import Archive

CHANNEL = "dossier_changed"


def supports_live(archive: Archive) -> bool:
    return archive.dialect == "postgresql"


class Listener:
    """One LISTENing connection to a team archive (use from one thread at a time)."""

    def __init__(self, archive: Archive) -> None:
        import psycopg

        url = archive.engine.url.set(drivername="postgresql")
        self._connection: Any = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[str]:
        """The tables changed (by anyone, once each) until the first notice or ``timeout`` seconds."""
        tables: list[str] = []
        for notice in self._connection.notifies(timeout=timeout, stop_after=1):
            tables.append(str(notice.payload))
        # whatever else arrived with it, without waiting again
        for notice in self._connection.notifies(timeout=0):
            tables.append(str(notice.payload))
        return list(dict.fromkeys(tables))

    def close(self) -> None:
        self._connection.close()
