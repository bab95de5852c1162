"""The report as a Word document: python-docx's template, styles and package, the body as WordprocessingML.

python-docx adds each paragraph and table by searching the body for where it goes, which grows
with the document (a 1,000-claim dossier took a minute); so the body is written as XML here,
parsed in one go and put before the section properties, and python-docx saves the package.
Pictures go through python-docx (``new_pic_inline``), which stores each image once.

A paragraph or cell whose text runs right to left (Arabic, Hebrew) is marked so (``w:bidi`` on
the paragraph, ``w:rtl`` on its run): Word orders and shapes it itself. The core properties
carry the (redacted) title, no author, and fixed dates, so the same input gives the same text.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

from db.findings.report.document import Document, Heading, Image, Paragraph, Table, is_rtl

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_WIDTH_MM = 170.0
TWIPS_PER_MM = 56.7
MUTED, WARNING = "757575", "8D4B00"
#: (bold, italic, size in points, colour) of each paragraph style
STYLES: dict[str, tuple[bool, bool, float | None, str | None]] = {
    "body": (False, False, None, None),
    "finding": (True, False, 11, None),
    "rule": (False, False, 9, MUTED),
    "small": (False, False, 9, MUTED),
    "warning": (False, False, None, WARNING),
    "quote": (False, True, None, None),
    "entry": (False, False, 9.5, None),
}


def _clean(text: str) -> str:
    """XML 1.0 has no room for most control characters (a pasted text may carry them)."""
    return "".join(c for c in text if c in "\t\n" or ord(c) >= 0x20)


def _run(text: str, bold: bool = False, italic: bool = False, size: float | None = None,
         color: str | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    properties += f'<w:color w:val="{color}"/>' if color else ""
    properties += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""
    properties += "<w:rtl/>" if is_rtl(text) else ""
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{escape(_clean(text))}</w:t></w:r>'


def _paragraph(text: str, style_id: str | None = None, **run: Any) -> str:
    properties = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    properties += "<w:bidi/>" if is_rtl(text) else ""
    return f"<w:p><w:pPr>{properties}</w:pPr>{_run(text, **run)}</w:p>"


def _table(block: Table) -> str:
    total = sum(block.widths)
    widths = [round(TEXT_WIDTH_MM * TWIPS_PER_MM * w / total) for w in block.widths]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(cells: tuple[str, ...], header: bool = False, muted: bool = False) -> str:
        properties = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{properties}" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
            + _paragraph(text, bold=header, size=8, color=MUTED if muted else None)
            + "</w:tc>"
            for text, w in zip(cells, widths, strict=True)
        ) + "</w:tr>"

    rows = "".join(row(cells, muted=n in block.muted) for n, cells in enumerate(block.rows))
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{row(block.headers, header=True)}{rows}</w:tbl>"
        # Word wants a paragraph between two tables, and one after a table that ends a cell or body
        "<w:p/>"
    )


def render_docx(document: Document) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    properties = doc.core_properties
    properties.title, properties.author, properties.last_modified_by = document.title, "", ""
    properties.created = properties.modified = dt.datetime(2000, 1, 1)
    properties.revision = 1

    body = doc.element.body
    inlines = _inlines(doc, [b for b in document.blocks if isinstance(b, Image)])
    parts = [_paragraph(document.title, "Title"), _paragraph(document.subtitle, color=MUTED)]
    pictures = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(_paragraph(block.text, f"Heading{block.level}"))
        elif isinstance(block, Paragraph):
            bold, italic, size, color = STYLES.get(block.style, STYLES["body"])
            parts.append(_paragraph(block.text, bold=bold, italic=italic, size=size, color=color))
        elif isinstance(block, Image):
            parts.append(f'<w:p><w:r><w:t xml:space="preserve">PICTURE-{pictures}</w:t></w:r></w:p>')
            pictures += 1
        elif isinstance(block, Table):
            parts.append(_table(block))
    wrapper = parse_xml(f'<w:body xmlns:w="{W}">{"".join(parts)}</w:body>')
    section_properties = body.sectPr
    for element in list(wrapper):
        if section_properties is not None:
            section_properties.addprevious(element)
        else:
            body.append(element)
    if inlines:
        _place_pictures(doc, body, inlines)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _place_pictures(doc: Any, body: Any, pictures: dict[int, Image]) -> None:
    """Swap each placeholder run for its picture (python-docx stores the image part)."""
    for text in list(body.iter(f"{{{W}}}t")):
        if not (text.text or "").startswith("PICTURE-"):
            continue
        drawing = parse_xml(f'<w:drawing xmlns:w="{W}"/>')
        drawing.append(pictures[int(text.text.removeprefix("PICTURE-"))])
        text.addprevious(drawing)
        text.getparent().remove(text)


def _inlines(doc: Any, images: list[Image]) -> dict[int, Any]:
    """The pictures' inline shapes, made while the body is still empty: python-docx numbers each
    by searching the whole document for ids, so they are numbered here instead."""
    inlines = {}
    for n, block in enumerate(images):
        inline = doc.part.new_pic_inline(io.BytesIO(block.png), Mm(block.width_mm), Mm(block.height_mm))
        inline.docPr.set("id", str(n + 1))
        inline.docPr.set("descr", block.alt)
        inlines[n] = inline
    return inlines


def write_docx(document: Document, path: Path) -> None:
    path.write_bytes(render_docx(document))
