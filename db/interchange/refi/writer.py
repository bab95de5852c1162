"""Writing a :class:`Project` as REFI-QDA XML (``project.qde``, a ``.qdc`` codebook) and a ``.qdpx``.

Elements come in the order the schema's sequences ask for; the ``project.qde`` written is
checked against the REFI-QDA 1.0 schema (``Project-mrt2019.xsd``, shipped beside this module)
before the ``.qdpx`` is written, so a file other tools would refuse is never handed out.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from db.interchange.refi.model import (
    CODEBOOK_NS,
    PROJECT_NS,
    Code,
    Project,
    Selection,
    TextSource,
    derived_guid,
)
from db.interchange.refi.reader import EXTRAS_MEMBER

Element = Any  # lxml's _Element (its stubs are not installed)


def _tag(name: str, ns: str = PROJECT_NS) -> str:
    return f"{{{ns}}}{name}"


def _sub(parent: Element, tag: str, ns: str = PROJECT_NS, /, **attributes: str | None) -> Element:
    return etree.SubElement(parent, _tag(tag, ns), {k: v for k, v in attributes.items() if v is not None})


def _text(parent: Element, name: str, text: str | None, ns: str = PROJECT_NS) -> None:
    if text:
        _sub(parent, name, ns).text = _xml_safe(text)


def _xml_safe(text: str) -> str:
    """XML 1.0 has no place for most control characters (a PDF's text may carry them)."""
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text) or "\ufffe" in text or "\uffff" in text:
        return "".join(c if (ord(c) >= 32 or c in "\t\n\r") and c not in "\ufffe\uffff" else "\ufffd" for c in text)
    return text


def _attr(value: str | None) -> str | None:
    return _xml_safe(value) if value is not None else None


def _code(parent: Element, code: Code, ns: str) -> None:
    element = _sub(parent, "Code", ns, guid=code.guid, name=_attr(code.name),
                   isCodable="true" if code.codable else "false", color=code.color)
    _text(element, "Description", code.description, ns)
    for ref in code.note_refs:
        _sub(element, "NoteRef", ns, targetGUID=ref)
    for child in code.children:
        _code(element, child, ns)


def _variables(parent: Element, values: dict[str, str], guid_of: Callable[[str], str]) -> None:
    for name, value in values.items():
        holder = _sub(parent, "VariableValue")
        _sub(holder, "VariableRef", targetGUID=guid_of(name))
        _sub(holder, "TextValue").text = _xml_safe(value)


def variable_guid(name: str) -> str:
    return derived_guid("variable", name)


def _selection(parent: Element, selection: Selection) -> None:
    element = _sub(parent, "PlainTextSelection", guid=selection.guid, name=_attr(selection.name),
                   startPosition=str(selection.start), endPosition=str(selection.end),
                   creatingUser=selection.creating_user, creationDateTime=selection.created)
    _text(element, "Description", selection.description)
    for code in selection.code_refs:
        coding = _sub(element, "Coding", guid=derived_guid("coding", selection.guid, code),
                      creatingUser=selection.creating_user, creationDateTime=selection.created)
        _sub(coding, "CodeRef", targetGUID=code)
    for ref in selection.note_refs:
        _sub(element, "NoteRef", targetGUID=ref)


def _text_source(parent: Element, source: TextSource, name: str = "TextSource", *, guid: str | None = None,
                 outer: bool = True) -> None:
    element = _sub(parent, name, guid=guid or source.guid, name=_attr(source.name),
                   richTextPath=source.rich_text_path, plainTextPath=source.plain_text_path,
                   creatingUser=source.creating_user, creationDateTime=source.created)
    if outer:
        _text(element, "Description", source.description)
    for selection in source.selections:
        _selection(element, selection)
    if outer:
        for ref in source.note_refs:
            _sub(element, "NoteRef", targetGUID=ref)
        _variables(element, source.variables, variable_guid)


def _pdf_source(parent: Element, source: TextSource) -> None:
    element = _sub(parent, "PDFSource", guid=source.guid, name=_attr(source.name), path=source.pdf_path,
                   creatingUser=source.creating_user, creationDateTime=source.created)
    _text(element, "Description", source.description)
    _text_source(element, source, "Representation", guid=derived_guid("text of", source.guid), outer=False)
    for ref in source.note_refs:
        _sub(element, "NoteRef", targetGUID=ref)
    _variables(element, source.variables, variable_guid)


def project_xml(project: Project) -> bytes:
    """``project.qde``: the project as REFI-QDA 1.0 XML (UTF-8)."""
    root = etree.Element(_tag("Project"), nsmap={None: PROJECT_NS},
                         attrib={k: v for k, v in (("name", project.name), ("origin", project.origin)) if v})
    if project.users:
        users = _sub(root, "Users")
        for user in project.users:
            _sub(users, "User", guid=user.guid, name=_attr(user.name))
    if project.codes:
        codes = _sub(_sub(root, "CodeBook"), "Codes")
        for code in project.codes:
            _code(codes, code, PROJECT_NS)
    names = sorted({n for s in project.sources for n in s.variables} | {n for c in project.cases for n in c.variables})
    if names:
        variables = _sub(root, "Variables")
        for name in names:
            _sub(variables, "Variable", guid=variable_guid(name), name=name, typeOfVariable="Text")
    if project.cases:
        cases = _sub(root, "Cases")
        for case in project.cases:
            element = _sub(cases, "Case", guid=case.guid, name=_attr(case.name))
            _text(element, "Description", case.description)
            for ref in case.code_refs:
                _sub(element, "CodeRef", targetGUID=ref)
            _variables(element, case.variables, variable_guid)
            for ref in case.source_refs:
                _sub(element, "SourceRef", targetGUID=ref)
            for ref in case.selection_refs:
                _sub(element, "SelectionRef", targetGUID=ref)
    if project.sources:
        sources = _sub(root, "Sources")
        for source in project.sources:
            if source.pdf_path:
                _pdf_source(sources, source)
            else:
                _text_source(sources, source)
    if project.notes:
        notes = _sub(root, "Notes")
        for note in project.notes:
            element = _sub(notes, "Note", guid=note.guid, name=_attr(note.name), creatingUser=note.creating_user)
            _sub(element, "PlainTextContent").text = _xml_safe(note.text)
    if project.links:
        links = _sub(root, "Links")
        for link in project.links:
            _sub(links, "Link", guid=link.guid, name=_attr(link.name), direction=link.direction,
                 originGUID=link.origin, targetGUID=link.target)
    _text(root, "Description", project.description)
    for ref in project.note_refs:
        _sub(root, "NoteRef", targetGUID=ref)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def codebook_xml(project: Project) -> bytes:
    """A ``.qdc`` codebook: the code tree, as REFI-QDA's codebook exchange format."""
    root = etree.Element(_tag("CodeBook", CODEBOOK_NS), nsmap={None: CODEBOOK_NS}, attrib={"origin": "Dossier"})
    codes = _sub(root, "Codes", CODEBOOK_NS)
    for code in project.codes:
        _code(codes, code, CODEBOOK_NS)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


@cache
def project_schema() -> etree.XMLSchema:
    """The REFI-QDA 1.0 project schema (the copy of ../shared/data/refi/Project-mrt2019.xsd shipped here)."""
    data = resources.files("db.interchange.refi").joinpath("Project-mrt2019.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)))


def schema_problems(xml: bytes) -> list[str]:
    """Where ``xml`` breaks the REFI-QDA project schema (empty when it validates)."""
    schema = project_schema()
    document = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def write_qdpx(path: Path, project: Project, files: dict[str, bytes],
               before_zip: Callable[[], None] | None = None) -> None:
    """The .qdpx: ``project.qde`` (checked against the schema first), the sources' files and
    Dossier's own data; written to a temporary file and moved into place, so a failed export
    leaves no half-written project behind."""
    xml = project_xml(project)
    problems = schema_problems(xml)
    if problems:
        raise ValueError("the project does not validate against REFI-QDA 1.0: " + "; ".join(problems[:3]))
    if before_zip is not None:
        before_zip()
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr("project.qde", xml)
            for name, data in files.items():
                archive.writestr(name, data)
            if project.extras is not None:
                archive.writestr(EXTRAS_MEMBER, json.dumps(project.extras, ensure_ascii=False, separators=(",", ":")))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
