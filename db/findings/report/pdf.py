"""The report as a PDF, laid out by fpdf2 (pure Python: the headless command never imports Qt).

Text is set in DejaVu Sans (shipped in ``resources/fonts``: Latin, Cyrillic and Arabic) and
where they need it, shaped by HarfBuzz (fpdf2's text shaping, through uharfbuzz), so Arabic letters join and run right
to left with the Unicode bidirectional algorithm; a paragraph or cell whose text runs right to
left is aligned right. Page numbers in the footer; the title in the document's metadata, no
author, a fixed creation date.
"""

from __future__ import annotations

import datetime as dt
import io
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from fpdf import FPDF

from db.findings.report.document import Document, Heading, Image, Paragraph, Table, is_rtl

FONT = "dejavu"
MUTED = (117, 117, 117)
WARNING = (141, 75, 0)
TEXT = (33, 33, 33)
HEADING_SIZES = {1: 15.0, 2: 12.0, 3: 10.5}


def needs_shaping(text: str) -> bool:
    """Whether a text has letters that join or reorder (Hebrew to the Indic scripts, Arabic
    presentation forms). Latin, Greek and Cyrillic lay out without HarfBuzz, and shaping them
    made fpdf2's line breaking some twenty times slower."""
    return any(0x0590 <= (o := ord(c)) <= 0x1CFF or 0xFB1D <= o <= 0xFEFF for c in text)


class _PDF(FPDF):
    """Shapes only the texts that need it (see :func:`needs_shaping`)."""

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        text = kwargs.get("text", args[2] if len(args) > 2 else "")
        shaping = needs_shaping(str(text))
        if shaping != bool(self.text_shaping):
            self.set_text_shaping(shaping)
        return super().multi_cell(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.page_no()}", align="C")


def _align(text: str) -> Any:
    return "R" if is_rtl(text) else "L"


def _paragraph(pdf: _PDF, text: str, *, size: float = 10, bold: bool = False,
               color: tuple[int, int, int] = TEXT, indent: float = 0) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, size * 0.5, text, align=_align(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.2)


LINE = 3.4  # mm, for 7.5 pt table text
PAD = 0.9


def _wrap(pdf: _PDF, text: str, width: float, widths: dict[str, float]) -> list[str]:
    """The lines of a cell, broken at spaces (within a word too long for the cell).

    fpdf2's own line breaking measures the line again for every character it adds; for a table
    of 1,000 claims that was most of the PDF's time. Words are measured once here instead.
    """

    def measure(word: str) -> float:
        found = widths.get(word)
        if found is None:
            found = widths[word] = pdf.get_string_width(word)
        return found

    space = measure(" ")
    lines: list[str] = []
    line, used = "", 0.0
    for word in text.split():
        size = measure(word)
        while size > width:  # a word wider than the cell: as much of it as fits, then the rest
            if line:
                lines.append(line)
                line, used = "", 0.0
            cut = max(1, len(word) - 1)
            while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
            size = measure(word)
        if line and used + space + size > width:
            lines.append(line)
            line, used = "", 0.0
        line, used = (f"{line} {word}", used + space + size) if line else (word, size)
    if line or not lines:
        lines.append(line)
    return lines


def _table(pdf: _PDF, block: Table) -> None:
    total = sum(block.widths)
    widths = [(pdf.w - pdf.l_margin - pdf.r_margin) * w / total for w in block.widths]
    measured: dict[tuple[str, bool], dict[str, float]] = {("", False): {}, ("B", False): {}}

    def cell_lines(text: str, width: float, style: str) -> list[str] | None:
        """Wrapped lines, or None for a text HarfBuzz must shape (laid out by fpdf2 itself)."""
        if needs_shaping(text):
            return None
        return _wrap(pdf, text, width - 2 * PAD, measured[(style, False)])

    def draw_row(cells: tuple[str, ...], style: str, color: tuple[int, int, int], fill: bool) -> None:
        pdf.set_font(FONT, style, 7.5)
        laid = [cell_lines(text, w, style) for text, w in zip(cells, widths, strict=True)]
        counts = []
        for text, w, lines in zip(cells, widths, laid, strict=True):
            if lines is None:
                counted = pdf.multi_cell(w, LINE, text, dry_run=True, output="LINES", padding=PAD)
                counts.append(len(counted))
            else:
                counts.append(len(lines))
        height = max(counts) * LINE + 2 * PAD
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
            if not fill:  # the header again at the top of the new page
                draw_row(block.headers, "B", TEXT, True)
                pdf.set_font(FONT, style, 7.5)
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_text_color(*color)
        pdf.set_draw_color(189, 189, 189)
        if fill:
            pdf.set_fill_color(236, 239, 241)
        for text, w, lines in zip(cells, widths, laid, strict=True):
            pdf.rect(x, y, w, height, style="DF" if fill else "D")
            if lines is None:
                pdf.set_xy(x, y)
                pdf.multi_cell(w, LINE, text, align="R" if is_rtl(text) else "L", padding=PAD,
                               new_x="RIGHT", new_y="TOP")
            else:
                for n, line in enumerate(lines):
                    pdf.set_xy(x + PAD, y + PAD + n * LINE)
                    pdf.cell(w - 2 * PAD, LINE, line)
            x += w
        pdf.set_xy(pdf.l_margin, y + height)

    draw_row(block.headers, "B", TEXT, True)
    for n, cells in enumerate(block.rows):
        draw_row(cells, "", MUTED if n in block.muted else TEXT, False)
    pdf.ln(2)


def render_pdf(document: Document) -> bytes:
    pdf = _PDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    fonts = files("resources") / "fonts"
    with as_file(fonts / "DejaVuSans.ttf") as regular, as_file(fonts / "DejaVuSans-Bold.ttf") as bold:
        pdf.add_font(FONT, "", str(regular))
        pdf.add_font(FONT, "B", str(bold))
    pdf.set_title(document.title)
    pdf.set_author("")
    pdf.set_creator("Dossier")
    pdf.set_creation_date(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    _paragraph(pdf, document.title, size=18, bold=True)
    _paragraph(pdf, document.subtitle, size=9.5, color=MUTED)
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.level == 1 and pdf.get_y() > pdf.h * 0.7:
                pdf.add_page()
            pdf.ln(2.5 if block.level > 1 else 4)
            _paragraph(pdf, block.text, size=HEADING_SIZES.get(block.level, 10.5), bold=True)
        elif isinstance(block, Paragraph):
            if block.style == "finding":
                _paragraph(pdf, block.text, size=10.5, bold=True)
            elif block.style == "warning":
                _paragraph(pdf, block.text, size=9, color=WARNING)
            elif block.style in ("rule", "small"):
                _paragraph(pdf, block.text, size=8.5, color=MUTED)
            elif block.style in ("quote", "entry"):
                _paragraph(pdf, block.text, size=9, indent=6)
            else:
                _paragraph(pdf, block.text)
        elif isinstance(block, Image):
            if pdf.get_y() + block.height_mm > pdf.h - pdf.b_margin:
                pdf.add_page()
            pdf.image(io.BytesIO(block.png), x=pdf.l_margin, w=block.width_mm, h=block.height_mm,
                      alt_text=block.alt)
            pdf.ln(1)
        elif isinstance(block, Table):
            _table(pdf, block)
    return bytes(pdf.output())


def write_pdf(document: Document, path: Path) -> None:
    path.write_bytes(render_pdf(document))
