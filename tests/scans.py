"""Scanned PDFs made in the test: pages typeset with fpdf2 (DejaVu Sans, so Cyrillic too),
rendered to grey images at a scanner's resolution and wrapped as an image-only PDF; the known
text is the page's own. A page given as ``Typed(text)`` keeps its text layer (a mixed PDF)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

#: a modest scanner's resolution: the OCR renders these pages again at its own
SCAN_DPI = 200


@dataclass(frozen=True)
class Typed:
    """A page with a text layer, not scanned."""

    text: str


def typeset(pages: list[str], *, page_format: tuple[float, float] = (148, 210)) -> bytes:
    """A text PDF, one page per text; ``page_format`` in millimetres (A5 by default)."""
    from fpdf import FPDF

    pdf = FPDF(format=page_format)
    with as_file(files("resources") / "fonts" / "DejaVuSans.ttf") as font:
        pdf.add_font("DejaVu", "", str(font))
    pdf.set_font("DejaVu", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text)
    return bytes(pdf.output())


def page_images(data: bytes, dpi: int = SCAN_DPI) -> list[object]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return [document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                for i in range(len(document))]
    finally:
        document.close()


def image_pdf(images: list[object], dpi: int = SCAN_DPI) -> bytes:
    """The images as the pages of a PDF with no text layer."""
    out = io.BytesIO()
    first, *rest = images
    first.save(out, "PDF", save_all=True, append_images=rest, resolution=dpi)  # type: ignore[attr-defined]
    return out.getvalue()


def write_scan(path: Path, pages: list[str | Typed], *, page_format: tuple[float, float] = (148, 210)) -> Path:
    """A PDF of ``pages``: scanned (image only) unless given as :class:`Typed`."""
    from pypdf import PdfReader, PdfWriter

    scanned = [p for p in pages if not isinstance(p, Typed)]
    typed = [p.text for p in pages if isinstance(p, Typed)]
    scans = PdfReader(io.BytesIO(image_pdf(page_images(typeset(scanned, page_format=page_format))))) if scanned else None
    texts = PdfReader(io.BytesIO(typeset(typed, page_format=page_format))) if typed else None
    writer = PdfWriter()
    s = t = 0
    for page in pages:
        if isinstance(page, Typed):
            assert texts is not None
            writer.add_page(texts.pages[t])
            t += 1
        else:
            assert scans is not None
            writer.add_page(scans.pages[s])
            s += 1
    with path.open("wb") as handle:
        writer.write(handle)
    return path
