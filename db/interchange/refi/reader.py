"""Reading a REFI-QDA project or codebook into :mod:`model` data, as other tools write them.

Tools differ from the standard and from each other (learned from QualCoder's importer and from
the exports of MAXQDA, ATLAS.ti, NVivo and small tools): the namespace's version ("1.0", "0:4")
and so every element is matched by its local name; GUIDs in braces or upper case, or ids that
are not GUIDs; ``isCodable`` left out; a code's description as an attribute; the sources'
folder ``Sources/`` or ``sources/``, the project file not named ``project.qde``; plain text
files with a BOM and CRLF line ends (the offsets module sorts those out); PDF sources with
their selections on the PDF rather than on its text representation; cases without names.
What cannot be imported (pictures, audio, video, PDF areas) is named in ``Project.skipped``.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from db.interchange.refi.model import (
    Case,
    Code,
    Link,
    Note,
    Project,
    Selection,
    TextSource,
    User,
    guid_of,
)
from db.interchange.refi.safety import MemberError, ProjectError, ProjectFiles, parse_xml

#: the member of a .qdpx where Dossier keeps what REFI has no element for
EXTRAS_MEMBER = "dossier/dossier.json"


def local(element: Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if local(child) == name)


def child(element: Element, name: str) -> Element | None:
    return next(children(element, name), None)


def child_text(element: Element, name: str) -> str | None:
    found = child(element, name)
    return found.text if found is not None and found.text else None


def decode_text(data: bytes) -> str:
    """A source's text file as text, its BOM kept as U+FEFF (a tool may count it)."""
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "\ufeff" + data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from db.ingest.text import guess_encoding

        return data.decode(guess_encoding(data), errors="replace")


class _Reader:
    def __init__(self, files: ProjectFiles | None, scope: str) -> None:
        self.files = files
        self.scope = scope
        self.project = Project()
        self.variables: dict[str, str] = {}

    def guid(self, value: str | None) -> str | None:
        return guid_of(value, self.scope)

    def refs(self, element: Element, name: str) -> list[str]:
        found = (self.guid(r.get("targetGUID") or r.get("guid")) for r in children(element, name))
        return [g for g in found if g is not None]

    # --- codes ----------------------------------------------------------------------------

    def code(self, element: Element) -> Code | None:
        guid = self.guid(element.get("guid"))
        name = (element.get("name") or "").strip()
        if guid is None or not name:
            self.project.problems.append(f"a code without {'a name' if guid else 'a GUID'} ({name or guid}) was left out")
            return None
        code = Code(
            guid=guid,
            name=name,
            color=element.get("color"),
            description=child_text(element, "Description") or element.get("description"),
            codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            note_refs=self.refs(element, "NoteRef"),
        )
        code.children = [c for c in (self.code(e) for e in children(element, "Code")) if c is not None]
        return code

    def codes(self, container: Element) -> list[Code]:
        codes = child(container, "Codes")
        if codes is None:
            return []
        return [c for c in (self.code(e) for e in children(codes, "Code")) if c is not None]

    # --- sources --------------------------------------------------------------------------

    def variable_values(self, element: Element) -> dict[str, str]:
        values: dict[str, str] = {}
        for value in children(element, "VariableValue"):
            ref = child(value, "VariableRef")
            name = self.variables.get(self.guid(ref.get("targetGUID")) or "") if ref is not None else None
            for part in value:
                if local(part) != "VariableRef" and part.text is not None and name:
                    values[name] = part.text.strip()
        return values

    def selection(self, element: Element, where: str) -> Selection | None:
        guid = self.guid(element.get("guid"))
        try:
            start, end = int(element.get("startPosition", "")), int(element.get("endPosition", ""))
        except ValueError:
            start = end = -1
        if guid is None or start < 0 or end < 0:
            self.project.problems.append(
                f"{where}: a selection without a GUID or with unreadable positions "
                f"({element.get('startPosition')}-{element.get('endPosition')}) could not be placed"
            )
            return None
        codes = []
        for coding in children(element, "Coding"):
            codes.extend(self.refs(coding, "CodeRef"))
        return Selection(
            guid=guid,
            start=min(start, end),
            end=max(start, end),
            name=element.get("name") or None,
            description=child_text(element, "Description"),
            code_refs=codes,
            note_refs=self.refs(element, "NoteRef"),
            creating_user=self.guid(element.get("creatingUser") or element.get("modifyingUser")),
            created=element.get("creationDateTime") or element.get("modifiedDateTime"),
        )

    def text_of(self, element: Element, source: TextSource) -> None:
        inline = child(element, "PlainTextContent")
        if inline is not None and inline.text is not None:
            source.raw_text = inline.text
            return
        path = element.get("plainTextPath")
        if not path:
            source.problem = "it has no plain text (neither PlainTextContent nor plainTextPath)"
            return
        source.plain_text_path = path
        if self.files is None:
            source.problem = "its text is in a file and only the project's XML was given"
            return
        try:
            _name, data = self.files.source_file(path)
        except MemberError as error:
            source.problem = str(error)
            return
        source.raw_text = decode_text(data)

    def original(self, source: TextSource, path: str | None) -> None:
        if path and self.files is not None:
            try:
                name, data = self.files.source_file(path)
            except MemberError:
                return  # the text is what counts; a missing original is not worth a warning
            source.original, source.original_name = data, name.rsplit("/", 1)[-1]

    def text_source(self, element: Element, name: str | None = None) -> TextSource | None:
        guid = self.guid(element.get("guid"))
        title = name or element.get("name") or ""
        if guid is None:
            self.project.problems.append(f"source {title!r}: no GUID; not imported")
            return None
        source = TextSource(
            guid=guid,
            name=title,
            rich_text_path=element.get("richTextPath"),
            description=child_text(element, "Description"),
            note_refs=self.refs(element, "NoteRef"),
            variables=self.variable_values(element),
            creating_user=self.guid(element.get("creatingUser")),
            created=element.get("creationDateTime"),
        )
        self.text_of(element, source)
        where = f"source {title or guid}"
        source.selections = [s for s in (self.selection(e, where) for e in children(element, "PlainTextSelection")) if s]
        self.original(source, source.rich_text_path)
        return source

    def pdf_source(self, element: Element) -> TextSource | None:
        name = element.get("name") or ""
        representation = child(element, "Representation")
        areas = sum(1 for _ in children(element, "PDFSelection"))
        if representation is None:
            self.project.skipped.append(f"PDF source {name!r}: no text representation to import")
            return None
        source = self.text_source(representation, name)
        if source is None:
            return None
        # its identity is the PDF's (a later export of the project names the PDF again)
        source.guid = self.guid(element.get("guid")) or source.guid
        source.description = source.description or child_text(element, "Description")
        source.note_refs += self.refs(element, "NoteRef")
        source.variables = {**self.variable_values(element), **source.variables}
        where = f"source {name or source.guid}"
        source.selections += [s for s in (self.selection(e, where) for e in children(element, "PlainTextSelection")) if s]
        source.pdf_path = element.get("path")
        self.original(source, source.pdf_path)
        if areas:
            self.project.skipped.append(f"PDF source {name!r}: {areas} area selection(s) of the page (not of its text)")
        return source

    def sources(self, container: Element) -> None:
        for element in container:
            kind = local(element)
            if kind == "TextSource":
                source = self.text_source(element)
            elif kind == "PDFSource":
                source = self.pdf_source(element)
            else:
                label = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}.get(kind, kind)
                self.project.skipped.append(f"{label} source {element.get('name') or element.get('guid')!r}")
                continue
            if source is not None:
                self.project.sources.append(source)

    # --- notes, cases, links --------------------------------------------------------------

    def note(self, element: Element) -> Note | None:
        guid = self.guid(element.get("guid"))
        if guid is None:
            return None
        holder = TextSource(guid=guid, name=element.get("name") or "")
        self.text_of(element, holder)
        text = holder.raw_text or ""
        if not text.strip():
            text = child_text(element, "Description") or ""
        return Note(
            guid=guid,
            name=element.get("name") or None,
            text=text.lstrip("\ufeff").replace("\r\n", "\n"),
            creating_user=self.guid(element.get("creatingUser")),
            selections=[s for s in (self.selection(e, f"note {guid}") for e in children(element, "PlainTextSelection")) if s],
        )

    def case(self, element: Element) -> Case | None:
        guid = self.guid(element.get("guid"))
        if guid is None:
            return None
        return Case(
            guid=guid,
            name=element.get("name") or None,
            description=child_text(element, "Description"),
            selection_refs=self.refs(element, "SelectionRef"),
            source_refs=self.refs(element, "SourceRef"),
            code_refs=self.refs(element, "CodeRef"),
            variables=self.variable_values(element),
        )

    def read(self, root: Element) -> Project:
        project = self.project
        project.name = root.get("name") or ""
        project.origin = root.get("origin")
        for part in root:
            kind = local(part)
            if kind == "Users":
                project.users = [
                    User(g, u.get("name") or u.get("id") or "")
                    for u in children(part, "User") if (g := self.guid(u.get("guid")))
                ]
            elif kind == "CodeBook":
                project.codes = self.codes(part)
            elif kind == "Codes":  # a codebook's root holds the codes itself
                project.codes = [c for c in (self.code(e) for e in children(part, "Code")) if c is not None]
            elif kind == "Variables":
                for variable in children(part, "Variable"):
                    if (g := self.guid(variable.get("guid"))) and variable.get("name"):
                        self.variables[g] = variable.get("name") or ""
        for part in root:
            kind = local(part)
            if kind == "Cases":
                project.cases = [c for c in (self.case(e) for e in children(part, "Case")) if c]
            elif kind == "Sources":
                self.sources(part)
            elif kind == "Notes":
                project.notes = [n for n in (self.note(e) for e in children(part, "Note")) if n]
            elif kind == "Links":
                project.links = [
                    Link(g, e.get("name"), self.guid(e.get("originGUID")), self.guid(e.get("targetGUID")), e.get("direction"))
                    for e in children(part, "Link") if (g := self.guid(e.get("guid")))
                ]
            elif kind == "Sets":
                count = sum(1 for _ in children(part, "Set"))
                if count:
                    project.skipped.append(f"{count} set(s) of codes or sources (Dossier has no sets)")
            elif kind == "Graphs":
                project.skipped.append("the project's graphs")
            elif kind == "Description" and part.text:
                project.description = part.text
        project.note_refs = self.refs(root, "NoteRef")
        return project


def read_project(files: ProjectFiles) -> Project:
    """Read a .qdpx (or a .qde, its sources beside it). Raises ProjectError when the project's
    XML cannot be read at all; everything else is collected in ``problems`` and ``skipped``."""
    try:
        name, data = files.project_xml()
    except MemberError as error:
        raise ProjectError(str(error)) from None
    root = parse_xml(data, name)
    if local(root) != "Project":
        raise ProjectError(f"{name} is not a REFI-QDA project (its root is <{local(root)}>)")
    project = _Reader(files, root.get("name") or files.path.stem).read(root)
    extras = files.member(EXTRAS_MEMBER)
    if extras is not None:
        try:
            loaded = json.loads(extras)
        except ValueError:
            project.problems.append(f"{EXTRAS_MEMBER} is not valid JSON; Dossier's own data (statistics, relations) not read")
        else:
            project.extras = loaded if isinstance(loaded, dict) else None
    return project


def read_codebook(data: bytes, what: str) -> Project:
    """Read a .qdc codebook: its codes (nested, with colours and descriptions)."""
    root = parse_xml(data, what)
    if local(root) != "CodeBook":
        raise ProjectError(f"{what} is not a REFI-QDA codebook (its root is <{local(root)}>)")
    return _Reader(None, root.get("name") or what).read(root)
