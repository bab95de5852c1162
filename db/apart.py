"""Big reads worked out in a process of their own, so their temporaries never stay in ours.

The conflicts and the estimates of a large archive go through every claim: frames, pairs and
groups of some hundred megabytes, freed afterwards, but Python keeps the arenas that a few
long-lived objects still pin, and glibc keeps much of the rest (issue 18: a window holding 90 MB
of live objects was 470 MB resident). Run in a fresh process (``spawn``: forking a process with
Qt and database threads is not safe; the frozen app calls ``multiprocessing.freeze_support()``),
only the answer, pickled, comes back; the process ends with the job and its memory goes with it.

Only a plain SQLite file can be opened again by the child (not an encrypted archive, whose key
stays in this process, nor a server URL). :func:`run_apart` raises :class:`NotApart` when the
job cannot run apart (no processes here, the child died); the caller then runs it in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class NotApart(Exception):
    """The job could not be run in a process of its own (the reason is the message)."""


def _in_child(location: str, job: Callable[..., T], args: tuple[Any, ...]) -> T:
    from db import archive as archive_module

    try:
        opened = archive_module.open(location, create=False, checked_later=True)
    except archive_module.ArchiveError as error:  # then in the parent, which has it open
        raise NotApart(str(error)) from error
    try:
        with opened.session() as session:
            return job(session, *args)
    finally:
        opened.close()


def run_apart(location: str, job: Callable[..., T], *args: Any) -> T:
    """``job(session, *args)`` on the SQLite archive at ``location``, in a fresh process; ``job``
    and its arguments and answer must pickle (a module-level function, plain data). Exceptions
    the job raises come back as they are; NotApart when the process could not do it."""
    from db.ingest.parsing import _end_with_parent

    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_end_with_parent)
    except Exception as error:  # no sem_open, a sandbox
        raise NotApart(str(error)) from error
    try:
        future = pool.submit(_in_child, location, job, args)
        try:
            return future.result()
        except (OSError, EOFError, multiprocessing.ProcessError) as error:
            raise NotApart(str(error)) from error
        except Exception as error:
            if type(error).__name__ == "BrokenProcessPool":
                raise NotApart(str(error)) from error
            raise
    finally:
        pool.shutdown(wait=True)


def read_apart(location: str | None, job: Callable[..., T], *args: Any, here: Callable[[], T]) -> T:
    """``job`` apart when the archive is a plain file (``location``), else (or when it cannot
    be) ``here()``, the same read in this process."""
    if location is None:
        return here()
    try:
        return run_apart(location, job, *args)
    except NotApart:
        return here()

