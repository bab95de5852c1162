"""Reading a file into sources, in this process or in worker processes.

``parse_file`` runs a file's format reader, reads the files a source carries (an e-mail's
attachments) with their own readers, and turns every failure into a message for the researcher. ``ParserPool`` runs it on the machine's other cores for the files whose reading is
slow (PDFs, saved web pages, Word documents: tens of milliseconds to seconds each), while the
importer takes the results in file order and stores them. Text files and tables are read in the
importer's own process: they are faster to read than to send between processes.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from db.ingest._common import trim_title
from db.ingest.base import IngestError, ParsedSource, PasswordRequired, UnsupportedFile
from db.ingest.formats import reader_for

#: suffixes whose reading is slow enough to be worth a worker process
SLOW_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".mhtml", ".mht", ".docx", ".odt", ".doc",
                           ".rtf", ".epub", ".eml"})
#: a pool is started only for at least this many slow files at once (a worker takes about a
#: second to start and load the readers)
MIN_SLOW_FILES = 6
#: at most this many workers (each holds its own copy of the readers, ~100 MB)
MAX_WORKERS = 4

_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


@dataclass
class Parsed:
    """What reading a file gave: its sources, or why there are none."""

    sources: list[ParsedSource] = field(default_factory=list)
    error: str | None = None
    #: the file is encrypted: asking for a password may help
    needs_password: bool = False
    #: the file is not of the format its name says, and is skipped rather than failed
    skipped: bool = False


def parse_file(path: str | Path, password: str | None = None, options: object | None = None) -> Parsed:
    """Read ``path`` with the reader for its type; never raises for a bad file."""
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        return Parsed(error=f"not a format Dossier reads ({path.suffix or 'no extension'})")
    try:
        sources = list(reader.parse(path, password=password, options=options))
    except Exception as error:
        return unreadable(error)
    for source in list(sources):
        if source.attachments:
            sources.extend(_read_attachments(source, password))
    return Parsed(sources)


def _read_attachments(carrier: ParsedSource, password: str | None) -> list[ParsedSource]:
    """The sources in the files ``carrier`` carries, each read from a temporary copy by its own
    reader; what cannot be read is said in the carrier's warnings. Files carried by a carried
    file, and tables, are not read (only named)."""
    sources: list[ParsedSource] = []
    unread: list[str] = []
    for number, attachment in enumerate(carrier.attachments, start=1):
        safe = _UNSAFE_NAME.sub("_", Path(attachment.name).name).strip() or f"attachment-{number}"
        reader = reader_for(Path(safe))
        if reader is None or getattr(reader, "TABLE", False) or getattr(reader, "CONTAINER", False) \
                or attachment.data is None:
            unread.append(attachment.name)
            continue
        with carried_copy(attachment.data, f"{number}-{safe}") as copy:
            try:
                found = list(reader.parse(copy, password=password, options=None))
            except Exception as error:
                problem = unreadable(error).error
                carrier.warnings.append(f"the attachment {attachment.name} could not be read: {problem}")
                continue
            for source in found:
                if source.title == trim_title(copy.stem):
                    source.title = trim_title(Path(safe).stem)
                source.warnings.insert(0, attachment.warning)
                source.notes = attachment.notes
                sources.append(source)
    carrier.attachments = []  # read: nothing to send between processes
    if unread:
        listed = ", ".join(unread[:10]) + (" …" if len(unread) > 10 else "")
        carrier.warnings.append(f"attachments not read (not a type Dossier reads): {listed}")
    return sources


@contextmanager
def carried_copy(data: bytes, name: str) -> Iterator[Path]:
    """A file holding ``data`` for a reader that takes a path, which nothing can leave behind:
    on Linux a file in memory with no name on any disk (gone with the process, even killed);
    elsewhere a private temporary folder, and those that killed processes left are cleared."""
    if hasattr(os, "memfd_create") and Path("/proc/self/fd").is_dir():
        descriptor = os.memfd_create(name[:200], os.MFD_CLOEXEC)
        try:
            with open(descriptor, "wb", closefd=False) as handle:
                handle.write(data)
            yield Path(f"/proc/self/fd/{descriptor}")
        finally:
            os.close(descriptor)
        return
    _clear_left_copies()
    with tempfile.TemporaryDirectory(prefix=f"{_COPIES}{os.getpid()}-") as folder:
        copy = Path(folder) / name
        copy.write_bytes(data)
        yield copy


_COPIES = "dossier-attachment-"


def _clear_left_copies() -> None:
    """The temporary folders of attachments that processes no longer running left behind."""
    root = Path(tempfile.gettempdir())
    for folder in root.glob(f"{_COPIES}*"):
        pid = folder.name[len(_COPIES):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill would end the process on Windows: such folders are left to the system
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def unreadable(error: Exception) -> Parsed:
    """Why a reader could not read a file, in the researcher's words."""
    if isinstance(error, PasswordRequired):
        return Parsed(error=str(error), needs_password=True)
    if isinstance(error, UnsupportedFile):
        return Parsed(error=str(error), skipped=True)
    if isinstance(error, IngestError):
        return Parsed(error=str(error))
    if isinstance(error, MemoryError):
        return Parsed(error="too large to read in the memory available")
    # a reader's library failing on a file we did not foresee
    return Parsed(error=f"cannot be read ({type(error).__name__}: {error})")


def _end_with_parent() -> None:
    """Run in each worker as it starts: a thread that ends the worker when the process that
    started it dies (killed, crashed), instead of leaving it alive and holding memory. The
    parent's sentinel becomes ready when the parent is gone, on every platform."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="dossier-parent-watch", daemon=True).start()


def is_slow(path: Path) -> bool:
    return path.suffix.lower() in SLOW_SUFFIXES


def default_workers() -> int:
    """Worker processes for this machine: one per core, up to MAX_WORKERS (none on one core);
    the environment variable DOSSIER_IMPORT_WORKERS sets another number (0: none)."""
    chosen = os.environ.get("DOSSIER_IMPORT_WORKERS", "").strip()
    if chosen.isdigit():
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, MAX_WORKERS) if cores > 1 else 0


class ParserPool:
    """Worker processes for one import: started on first need, stopped by ``close``.

    Workers are started with "spawn" (a fresh interpreter, or the frozen executable, which calls
    ``multiprocessing.freeze_support()`` first): forking a process that runs Qt and database
    threads is not safe. If a worker dies (a file that exhausts memory, say), the pool is given up
    and the remaining files are read in this process.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else workers
        self.broken = False
        self._executor: ProcessPoolExecutor | None = None

    def wanted(self, slow_files: int) -> bool:
        """Whether ``slow_files`` files are worth reading in the pool."""
        return self.workers >= 2 and not self.broken and slow_files >= MIN_SLOW_FILES

    def submit(self, path: Path, password: str | None, options: object | None) -> Future[Parsed] | None:
        try:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_end_with_parent
                )
            return self._executor.submit(parse_file, str(path), password, options)
        except Exception:  # no processes here (no sem_open, a sandbox, a broken pool): read here instead
            self.broken = True
            return None

    def result(self, future: Future[Parsed] | None, path: Path, password: str | None, options: object | None) -> Parsed:
        """The result of ``future`` (reading here when there is none or the pool broke)."""
        if future is not None and not self.broken:
            try:
                return future.result()
            except Exception:  # a worker died, or its answer could not be sent back
                self.broken = True
        return parse_file(path, password, options)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers; without ``wait``, files not started are dropped and a file under
        way finishes in the background (after a cancel)."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None
