"""Optional parts of the standalone download: which are installed, and the one note a missing one gives.

The Linux download ships a few dependencies that only one feature needs as archives of their own
beside the main one (``packaging/dist_linux.py``), unpacked into the app's folder when wanted.
Installed from source every part is there. A part counts as installed when Python finds its
modules, the same lookup the frozen app makes (``importlib.util.find_spec``); the code that uses a
part asks :func:`installed` first, works without it and calls :func:`report_missing`, which logs
one warning per part and process on the ``dossier.parts`` logger (stderr on the command line,
the status bar in the window).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

LOGGER = logging.getLogger("dossier.parts")


@dataclass(frozen=True)
class Part:
    name: str
    #: what it holds, for people
    title: str
    #: top-level modules or packages it ships (installed: all of them found)
    modules: tuple[str, ...]
    #: what Dossier does without it
    without: str
    #: a data folder inside a package it ships ("package/folder", "package/" for the package's
    #: own folder; installed: there and not empty: a frozen package's code may be in the
    #: Python archive while its libraries and data are in the part)
    data: str = ""


PARTS = (
    Part("dictionaries", "Russian and Ukrainian dictionaries (pymorphy3)",
         ("pymorphy3_dicts_ru", "pymorphy3_dicts_uk"),
         "Russian and Ukrainian text is searched by stemming; base forms of names, number words and "
         "the other forms of a searched word are not worked out"),
    Part("cjk-pdf", "Chinese, Japanese and Korean character maps for PDFs (pdfminer)",
         (), "a PDF page with Chinese, Japanese or Korean text keeps its plain text, without its "
         "layout (columns and tables may run together)",
         data="pdfminer/cmap"),
    Part("postgresql", "PostgreSQL archives (psycopg's libpq)",
         (), "archives are SQLite files only: a postgresql:// archive cannot be opened",
         data="psycopg_binary/"),
    Part("ocr", "page rendering for OCR of scanned PDFs (PDFium)",
         (), "scanned PDF pages import without text, even with Tesseract installed",
         data="pypdfium2_raw/"),
    Part("graphs", "network exports for Gephi and other graph tools (networkx)",
         ("networkx",), "the actor network cannot be exported as GEXF or GraphML (its picture, "
         "the CSV and the other exports work)"),
    Part("encryption", "encrypted archives (SQLCipher)",
         ("sqlcipher3.dbapi2",), "archives cannot be encrypted, and an encrypted archive and its "
         "backups cannot be opened"),
)
BY_NAME = {part.name: part for part in PARTS}
_reported: set[str] = set()


def installed(name: str) -> bool:
    """Whether the optional part ``name`` is installed (its modules and data folder are found)."""
    part = BY_NAME[name]
    return all(_found(module) for module in part.modules) and (not part.data or _data_found(part.data))


def _found(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or a module blocked in sys.modules
        return False


def _data_found(path: str) -> bool:
    package, _, folder = path.partition("/")
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return False
    if spec is None or spec.origin is None:
        return False
    data = Path(spec.origin).parent / folder
    return data.is_dir() and any(data.iterdir())


def archive_name(name: str, version: str | None = None) -> str:
    """The part's own download beside the main one: ``dossier-VERSION-part-NAME.tar.zst``."""
    if version is None:
        from db import __version__ as version
    return f"dossier-{version}-part-{name}.tar.zst"


def missing_note(name: str) -> str:
    """What a person reads when part ``name`` is missing: what is left out and how to add it."""
    part = BY_NAME[name]
    folder = Path(sys.executable).parent if getattr(sys, "frozen", False) else Path("DOSSIER_FOLDER")
    return (f"{part.title}: not installed, so {part.without}. To add them, unpack {archive_name(name)} "
            f"into Dossier's folder: tar --zstd -xf {archive_name(name)} --strip-components=1 -C {folder}")


def short_note(name: str) -> str:
    """:func:`missing_note` in a status bar's room."""
    return f"{BY_NAME[name].title}: not installed ({archive_name(name)} adds them; see Help > About)"


def report_missing(name: str) -> None:
    """Log :func:`missing_note` once in this process (a warning on the ``dossier.parts`` logger,
    the part's name in the record's ``part``)."""
    if name in _reported:
        return
    _reported.add(name)
    LOGGER.warning("%s", missing_note(name), extra={"part": name})


class Missing(Exception):
    """A feature needs an optional part that is not installed; the message says which and how to add it."""


def require(name: str) -> None:
    """Raise :class:`Missing` (its message :func:`missing_note`, logged once) unless part
    ``name`` is installed."""
    if not installed(name):
        report_missing(name)
        raise Missing(missing_note(name))


def listing() -> list[dict[str, object]]:
    """Every optional part: ``{"name", "title", "installed", "without"}``."""
    return [{"name": p.name, "title": p.title, "installed": installed(p.name), "without": p.without}
            for p in PARTS]
