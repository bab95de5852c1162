"""Projects as other tools write them, built in the test from what their public exports look
like (origin, folder names, GUID spelling, BOMs, line ends, how positions are counted); no
vendor's file is copied into the repository."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

NS = "urn:QDA-XML:project:1.0"
CODE = "C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90"
LINES = [f"Report {n}: {n} killed in Grozny 🚩 and Khasavyurt, officials said." for n in range(1, 9)]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def spans(text: str, word: str) -> list[tuple[int, int]]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return found


def selection_xml(guid: str, start: int, end: int, *, name: str | None = None, code: str | None = CODE,
                  description: str | None = None) -> str:
    named = f" name={quoteattr(name)}" if name is not None else ""
    inner = f"<Description>{description}</Description>" if description else ""
    if code:
        inner += f'<Coding guid="{guid[:-4]}ffff"><CodeRef targetGUID="{code}"/></Coding>'
    return f'<PlainTextSelection guid="{guid}"{named} startPosition="{start}" endPosition="{end}">{inner}</PlainTextSelection>'


def project_xml(origin: str, sources: str, extra: str = "", codes: str | None = None) -> str:
    codes = codes if codes is not None else f'<Code guid="{CODE}" name="Casualties" isCodable="true" color="#ef8256"/>'
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{NS}" origin="{origin}" name="Fieldwork">'
            f'<Users><User guid="F3EA8DA1-BB99-411F-8ED4-011170237B6C" name="johnb"/></Users>'
            f"<CodeBook><Codes>{codes}</Codes></CodeBook>{extra.split('<!--sources-->')[0]}"
            f"<Sources>{sources}</Sources>{extra.split('<!--sources-->')[-1] if '<!--sources-->' in extra else ''}</Project>")


def write_qdpx(path: Path, xml: str | bytes, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        for name, data in files.items():
            z.writestr(name, data)
    return path


def position_in(text: str, index: int, *, utf16: bool = False, crlf_two: bool = True, bom: bool = False) -> int:
    """Where code point ``index`` of the ``\\n`` text is in a tool's count of the file's text."""
    before = text[:index]
    position = utf16_length(before) if utf16 else len(before)
    if crlf_two:
        position += before.count("\n")
    return position + (1 if bom else 0)
