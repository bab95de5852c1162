"""Opening a project someone else made, without trusting it.

A ``.qdpx`` is a ZIP with ``project.qde`` (XML) and the sources' files. The XML is parsed with
defusedxml (entity expansion and external entities refused); members are read into memory by
name, never extracted, and a member whose path would leave the project (``../``, an absolute
path) is refused; what a member unpacks to is counted while it is read, so a "ZIP bomb" stops
at :data:`MEMBER_LIMIT` whatever its header claims. A bare ``.qde`` reads its sources from the
folder it is in, with the same rules.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

#: the most one member (a source's text, the project's XML) may unpack to
MEMBER_LIMIT = 256 << 20
#: ... and all members read from one project together
TOTAL_LIMIT = 2 << 30


class ProjectError(ValueError):
    """The project cannot be read at all; the message says why."""


class MemberError(ValueError):
    """One file of the project cannot be read (missing, refused, too large)."""


def parse_xml(data: bytes, what: str) -> Element:
    """The root element of ``data``; entities and external references refused."""
    try:
        root: Element = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return root
    except DefusedXmlException as error:
        raise ProjectError(f"{what} refused: it declares XML entities or external references ({type(error).__name__})") from None
    except ParseError as error:
        raise ProjectError(f"{what} is not well-formed XML ({error})") from None


def _safe_name(reference: str) -> str | None:
    """A member path inside the project, or None when it would leave it."""
    name = reference.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return posixpath.join(*parts)


class ProjectFiles:
    """The files of one project (a .qdpx's members, or the folder of a bare .qde)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_total = 0
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if path.suffix.lower() == ".qdpx":
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as error:
                raise ProjectError(f"not a REFI-QDA project (.qdpx is a ZIP file): {error}") from None
            for info in self._zip.infolist():
                if info.is_dir():
                    continue
                safe = _safe_name(info.filename)
                if safe is not None:
                    self._members.setdefault(safe.casefold(), info.filename)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> ProjectFiles:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self._members.values())

    def project_xml(self) -> tuple[str, bytes]:
        """The project's XML: ``project.qde``, or the one ``.qde`` a tool named otherwise."""
        if self._zip is None:
            return self.path.name, self._read_file(self.path)
        candidates = [n for key, n in self._members.items() if key.endswith(".qde")]
        candidates.sort(key=lambda n: (n.casefold() != "project.qde", n.count("/"), n))
        if not candidates:
            raise ProjectError("the .qdpx has no project.qde")
        return candidates[0], self._read_member(candidates[0])

    def member(self, name: str) -> bytes | None:
        """A member of the ZIP by its path (case-insensitive), or None when the ZIP has none."""
        safe = _safe_name(name)
        if safe is None or self._zip is None:
            return None
        real = self._members.get(safe.casefold())
        return None if real is None else self._read_member(real)

    def source_file(self, reference: str) -> tuple[str, bytes]:
        """The bytes of a source's file named in the XML (``internal://GUID.txt``, a path in
        ``Sources/`` or ``sources/``, or next to a bare .qde). Raises MemberError saying why not."""
        scheme, sep, rest = reference.partition("://")
        if not sep:
            scheme, rest = "internal", reference
        scheme = scheme.casefold()
        if scheme in ("relative", "absolute", "file", "http", "https"):
            raise MemberError(f"its file is outside the project ({reference}); only files inside it are read")
        if scheme != "internal":
            raise MemberError(f"its file has an address Dossier does not read ({reference})")
        safe = _safe_name(rest)
        if safe is None:
            raise MemberError(f"its file's path leaves the project ({reference}): refused")
        candidates = [safe] if safe.casefold().startswith("sources/") else [f"sources/{safe}", safe]
        if self._zip is not None:
            for candidate in candidates:
                real = self._members.get(candidate.casefold())
                if real is not None:
                    return real, self._read_member(real)
            raise MemberError(f"its file {rest} is missing from the project")
        folder = self.path.parent
        for candidate in candidates:
            for variant in (candidate, "Sources/" + candidate[len("sources/"):] if candidate.startswith("sources/") else candidate):
                path = folder / variant
                if path.is_file():
                    return variant, self._read_file(path)
        raise MemberError(f"its file {rest} is not beside {self.path.name}")

    def _count(self, size: int, what: str) -> None:
        if size > MEMBER_LIMIT:
            raise MemberError(f"{what} unpacks to more than {MEMBER_LIMIT >> 20} MB: refused")
        self.read_total += size
        if self.read_total > TOTAL_LIMIT:
            raise ProjectError(f"the project unpacks to more than {TOTAL_LIMIT >> 30} GB: refused")

    def _read_member(self, name: str) -> bytes:
        assert self._zip is not None
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(name) as handle:
                while block := handle.read(1 << 20):
                    size += len(block)
                    if size > MEMBER_LIMIT:
                        self._count(size, name)
                    chunks.append(block)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
            raise MemberError(f"{name} cannot be read from the ZIP ({error})") from None
        self._count(size, name)
        return b"".join(chunks)

    def _read_file(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
            self._count(size, path.name)
            return path.read_bytes()
        except OSError as error:
            raise MemberError(f"{path.name} cannot be read ({error.strerror or error})") from None
