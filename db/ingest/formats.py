"""Which reader handles a file, and the files inside the folders a researcher drops in."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from db.ingest import doc, docx, eml, epub, html, mhtml, odt, pdf, rtf, table, telegram, text
from db.ingest._common import is_folder

READERS: tuple[ModuleType, ...] = (text, html, mhtml, pdf, docx, odt, doc, rtf, epub, eml, table, telegram)
_BY_SUFFIX: dict[str, ModuleType] = {
    suffix: module for module in READERS for suffix in module.EXTENSIONS
}


#: files that bring in a whole project or bibliography (many kinds of rows, one unit of work),
#: imported by ``db.interchange`` rather than by a source reader, by suffix
PROJECT_FORMATS: dict[str, str] = {".qdpx": "refi", ".qde": "refi", ".qdc": "refi", ".ris": "ris",
                                   ".bib": "bibtex", ".jsonld": "w3c"}
#: how much of a ``.json`` file is read to tell CSL-JSON or Web Annotations from a Telegram export
_SNIFF = 4096


def project_format(path: Path) -> str | None:
    """``refi``, ``ris``, ``bibtex``, ``csl`` or ``w3c`` for a file of that kind, by its suffix
    and, for ``.json``, by its start: Web Annotations name their JSON-LD context, CSL-JSON (what
    Zotero exports) is a list of items; any other JSON (a Telegram export) is not a project."""
    suffix = path.suffix.lower()
    if suffix in PROJECT_FORMATS:
        return PROJECT_FORMATS[suffix]
    if suffix != ".json":
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF)
    except OSError:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"www.w3.org/ns/anno.jsonld" in head:
        return "w3c"
    if start.startswith(b"[") and (start[1:].lstrip().startswith(b"{") or start[1:].lstrip().startswith(b"]")):
        return "csl"
    return None


def reader_for(path: Path) -> ModuleType | None:
    """The format module for ``path`` by its suffix; None for a type Dossier does not read."""
    return _BY_SUFFIX.get(path.suffix.lower())


def media_type(path: Path) -> str | None:
    """The media type to store with the original file (per suffix for tables)."""
    module = reader_for(path)
    if module is None:
        return None
    by_suffix: dict[str, str] = getattr(module, "MEDIA_TYPES", {})
    default: str = module.MEDIA_TYPE
    return by_suffix.get(path.suffix.lower(), default)


# What browsers call the folder of a saved page's images, scripts and styles ("Story_files" next
# to "Story.html"; older browsers translated it).
_RESOURCE_FOLDER_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_bestanden", "-filer")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


def page_of_resources(folder: Path) -> Path | None:
    """The saved web page whose resources ``folder`` holds, if it is such a folder."""
    for suffix in _RESOURCE_FOLDER_SUFFIXES:
        if folder.name.endswith(suffix) and len(folder.name) > len(suffix):
            stem = folder.name[: -len(suffix)]
            for page_suffix in _PAGE_SUFFIXES:
                page = folder.with_name(stem + page_suffix)
                try:
                    if page.is_file():
                        return page
                except OSError:
                    return None
    return None


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths``: folders recursively in sorted order, hidden entries skipped.

    Paths given explicitly are yielded as they are (even hidden, missing or unreadable ones) so
    the importer can report what is wrong with each. A folder that cannot be listed is yielded
    too, for the same reason, and so is the resources folder of a saved web page ("Story_files"
    beside "Story.html": its ads, scripts and images are not sources); folder links are followed
    once (no loops).
    """
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if is_folder(path):
            yield from _walk_folder(path, seen)
        else:
            yield path


def _walk_folder(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as scan:
            entries = sorted(
                (entry for entry in scan if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError:
        yield folder
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder and page_of_resources(path) is None:
            yield from _walk_folder(path, seen)
        else:
            yield path  # a saved page's resources come back whole, to be reported once
