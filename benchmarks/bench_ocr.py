"""OCR of scanned pages (db.ingest.ocr): pages per second and character accuracy on scans whose
text is known, in English and in Russian; the cost of reading eng+rus instead of one language;
the rendering resolution; and the whole pipeline against Tesseract run raw on the same image.

    python benchmarks/bench_ocr.py

The scans are made here, as a scanner would: a text page rendered to grey at 300 dpi, turned
by a fraction of a degree, blurred a little, given sensor noise and saved as JPEG, then wrapped
as an image-only PDF; a "poor copy" is the same at 150 dpi with more noise and a harder JPEG
(a phone photo or a fax). The known text is the page's own text:
- English, typeset: a paragraph in the style of a field report (fpdf2, DejaVu Sans 11 pt);
- English, real: page 1 of a real PDF in ../shared/data/pdf (its text layer is the truth);
- Russian, real: the first news text of NEREL's test split (../shared/data/ru/nerel), typeset.
Character accuracy is 1 - CER: Levenshtein distance (rapidfuzz) over the length of the truth,
whitespace collapsed on both sides (line breaks are layout, not characters read).

Measured 2026-12-02 on the shared 2-core machine, under load: 0.5-0.9 pages/s for a page of
prose (0.1-0.2 for the dense real LaTeX page), accuracy 0.998-1.000 in English and Russian,
good and poor copies alike, with confidence 93-96; eng+rus costs 0-20 % against one language
at the same accuracy; two pages at once 1.35 against 0.71 pages/s; the pipeline (render at
300 dpi, TSV) takes 1.2-1.5 times raw Tesseract on the scan's own image, about 2 times on a
150 dpi copy (rendered to 300 dpi: four times the pixels).
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
import time
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import print_table  # noqa: E402
from db.ingest import ocr  # noqa: E402
from db.ingest.base import ParsedSource  # noqa: E402

# ../shared/data beside the repository (a git worktree sits one folder deeper)
SHARED = next((p / "shared" / "data" for p in ROOT.parents[:2] if (p / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")
REAL_PDF = SHARED / "pdf" / "py-pdf-sample-files" / "004-pdflatex-4-pages_pdflatex-4-pages.pdf"
NEREL = SHARED / "ru" / "nerel" / "test"
SCAN_DPI = 300

ENGLISH = (
    "Field report, northern districts. On 14 March the monitoring mission counted forty-two "
    "checkpoints along the road from the river crossing to the border. Local officials said "
    "that 1,240 families had left the villages of the valley since January, most of them for "
    "the camps near the regional capital. Two clinics were closed after shelling; the third, "
    "run by a volunteer doctor, treated about sixty patients a day. Observers could not confirm "
    "the number of detainees reported by the ministry, which gave 315 in a statement on Friday."
)


def typeset(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format=(148, 210))
    with as_file(files("resources") / "fonts" / "DejaVuSans.ttf") as font:
        pdf.add_font("DejaVu", "", str(font))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def first_page(data: bytes) -> tuple[bytes, str]:
    """Page 1 of a PDF, alone, and its text layer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    single = pypdfium2.PdfDocument.new()
    single.import_pages(document, [0])
    out = io.BytesIO()
    single.save(out)
    page = document[0]
    text = page.get_textpage().get_text_range()
    return out.getvalue(), text


#: how a page is degraded: scan dpi, noise share, JPEG quality
GOOD = (SCAN_DPI, 0.12, 55)
#: a poor copy: a phone or fax at 150 dpi, more noise, harder JPEG
POOR = (150, 0.25, 35)


def scanned(data: bytes, *, seed: int = 1, quality: tuple[int, float, int] = GOOD) -> tuple[Any, bytes]:
    """Page 1 of ``data`` as a scanner gives it: the image and an image-only PDF of it."""
    import pypdfium2
    from PIL import Image, ImageFilter

    dpi, grain, jpeg = quality
    rng = random.Random(seed)
    document = pypdfium2.PdfDocument(data)
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    noise = Image.effect_noise(image.size, 18).convert("L")
    image = Image.blend(image, noise, grain)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=jpeg)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=dpi)
    return image, out.getvalue()


def accuracy(truth: str, read: str) -> float:
    from rapidfuzz.distance import Levenshtein

    truth, read = " ".join(truth.split()), " ".join(read.split())
    return 1 - Levenshtein.distance(truth, read) / max(1, len(truth))


def ocr_pdf(pdf: bytes, languages: str | None, resolution: int) -> tuple[float, str, float | None]:
    """The Dossier pipeline on a one-page image-only PDF: seconds, text, confidence."""
    import os

    if languages:
        os.environ[ocr.LANGUAGES_ENV] = languages
    else:
        os.environ.pop(ocr.LANGUAGES_ENV, None)
    saved = ocr.RESOLUTION
    ocr.RESOLUTION = resolution
    source = ParsedSource(text="", page_starts=[0], scanned_pages=[0])
    try:
        start = time.perf_counter()
        result = ocr.read_scanned_pages(source, pdf)
        seconds = time.perf_counter() - start
    finally:
        ocr.RESOLUTION = saved
    assert result is not None, source.warnings
    return seconds, source.text, result.pages[1].confidence


def raw_tesseract(image: Any, languages: str, threads: str = "1") -> tuple[float, str]:
    """Tesseract alone on the scan's image file (PNG), plain text out: the baseline. With
    ``threads`` OpenMP threads ("" for Tesseract's default, all cores); Dossier runs one."""
    import os

    engine = ocr.find_engine()
    assert engine is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        image.save(path)
        start = time.perf_counter()
        env = dict(os.environ)
        env.pop("OMP_THREAD_LIMIT", None)
        if threads:
            env["OMP_THREAD_LIMIT"] = threads
        done = subprocess.run([engine.command, str(path), "stdout", "-l", languages],
                              capture_output=True, check=True, env=env)
        return time.perf_counter() - start, done.stdout.decode("utf-8", "replace")


def workers_rows(image: Any) -> list[list[str]]:
    """A 4-page scan read one page at a time and by as many Tesseracts as cores (up to 4)."""
    import os

    pdf = io.BytesIO()
    image.save(pdf, "PDF", save_all=True, append_images=[image] * 3, resolution=SCAN_DPI)
    rows = []
    cores = ocr.ocr_workers()
    for workers in sorted({1, cores}):
        os.environ[ocr.WORKERS_ENV] = str(workers)
        os.environ[ocr.LANGUAGES_ENV] = "eng"
        source = ParsedSource(text="", page_starts=[0] * 4, scanned_pages=[0, 1, 2, 3])
        start = time.perf_counter()
        ocr.read_scanned_pages(source, pdf.getvalue())
        rows.append([str(workers), f"{4 / (time.perf_counter() - start):.2f}"])
    os.environ.pop(ocr.WORKERS_ENV, None)
    print(f"\nPages read at once ({cores} cores here)")
    return rows


def main() -> int:
    engine = ocr.find_engine()
    if engine is None:
        print("Tesseract is not installed")
        return 1
    print(f"Tesseract {engine.version}, languages installed: {', '.join(engine.languages)}")
    pages: list[tuple[str, str, Any, bytes]] = []
    image, pdf = scanned(typeset(ENGLISH))
    pages.append(("English, typeset", ENGLISH, image, pdf))
    image, pdf = scanned(typeset(ENGLISH), quality=POOR)
    pages.append(("English, typeset, poor copy", ENGLISH, image, pdf))
    if REAL_PDF.is_file():
        page, truth = first_page(REAL_PDF.read_bytes())
        image, pdf = scanned(page, seed=2)
        pages.append((f"English, real ({REAL_PDF.name[:22]}…)", truth, image, pdf))
    russian = ""
    texts = sorted(NEREL.glob("*.txt")) if NEREL.is_dir() else []
    if texts:
        russian = " ".join(texts[0].read_text(encoding="utf-8").split())[:900]
        image, pdf = scanned(typeset(russian), seed=3)
        pages.append((f"Russian, real (NEREL {texts[0].stem})", russian, image, pdf))
        image, pdf = scanned(typeset(russian), seed=3, quality=POOR)
        pages.append((f"Russian, real (NEREL {texts[0].stem}), poor copy", russian, image, pdf))

    rows = []
    for name, truth, image, pdf in pages:
        own = "rus" if name.startswith("Russian") else "eng"
        for languages in (own, "eng+rus"):
            seconds, text, confidence = ocr_pdf(pdf, languages, 300)
            raw_seconds, raw_text = raw_tesseract(image, languages)
            rows.append([name, languages, f"{1 / seconds:.2f}", f"{accuracy(truth, text):.3f}",
                         f"{confidence:.0f}" if confidence is not None else "-",
                         f"{accuracy(truth, raw_text):.3f}", f"{seconds / raw_seconds:.2f}"])
    print("\nPages per second and character accuracy (1 - CER), rendered at 300 dpi")
    print_table(["page", "languages", "pages/s", "accuracy", "confidence", "raw accuracy", "time / raw"], rows)

    rows = []
    name, truth, _image, pdf = pages[-1] if russian else pages[1]
    for resolution in (200, 300, 400):
        seconds, text, confidence = ocr_pdf(pdf, None, resolution)
        rows.append([str(resolution), f"{1 / seconds:.2f}", f"{accuracy(truth, text):.3f}",
                     f"{confidence:.0f}" if confidence is not None else "-"])
    print(f"\nRendering resolution ({name}, default languages)")
    print_table(["dpi", "pages/s", "accuracy", "confidence"], rows)

    print_table(["pages read at once", "pages/s (4-page scan)"], workers_rows(pages[0][2]))

    name, _truth, image, _pdf = pages[0]
    one, _text = raw_tesseract(image, "eng", "1")
    default, _text = raw_tesseract(image, "eng", "")
    print(f"\nTesseract's threads ({name}, raw): one {1 / one:.2f} pages/s, "
          f"its default {1 / default:.2f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
