"""Formulas a workbook holds without their values: what a file written by a program that does
not calculate (a script, an export library) looks like. Reading the values alone, such cells come
out empty, so the rows they are in are told why."""

from __future__ import annotations

import re
from typing import IO, Any

#: cells listed per workbook at most (the rest are counted)
MAX_LISTED = 10_000
_CELL_ROW = re.compile(r"[A-Z]+(\d+)$")
_NAMESPACE = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _has_formulas(source: IO[bytes]) -> bool:
    """Whether the sheet's XML has a formula element at all (a fast look at the bytes)."""
    tail = b""
    for block in iter(lambda: source.read(1 << 20), b""):
        if b"<f" in tail + block or b":f>" in tail + block or b":f " in tail + block:
            return True
        tail = block[-8:]
    return False


def uncomputed_formulas(sheet: Any) -> dict[int, list[str]]:
    """Row number -> the cells of that row whose formula has no stored value, for an openpyxl
    read-only sheet (empty for a sheet without formulas, read once more only when it has some)."""
    from defusedxml.ElementTree import iterparse

    with sheet._get_source() as source:
        if not _has_formulas(source):
            return {}
    found: dict[int, list[str]] = {}
    listed = 0
    with sheet._get_source() as source:
        for _event, element in iterparse(source, events=("end",)):
            if element.tag != _NAMESPACE + "c":
                if element.tag == _NAMESPACE + "row":
                    element.clear()
                continue
            formula = element.find(_NAMESPACE + "f")
            value = element.find(_NAMESPACE + "v")
            if formula is not None and (value is None or not (value.text or "")) and listed < MAX_LISTED:
                match = _CELL_ROW.match(element.get("r", ""))
                if match is not None:
                    found.setdefault(int(match.group(1)), []).append(element.get("r", ""))
                    listed += 1
    return found


def warning(cells: list[str]) -> str:
    named = ", ".join(cells[:5]) + (" …" if len(cells) > 5 else "")
    return (f"{'cells' if len(cells) > 1 else 'cell'} {named}: a formula whose value was never calculated "
            "(the file was not saved by a spreadsheet program), read as empty; open and save the file "
            "in Excel or LibreOffice to import its values")
