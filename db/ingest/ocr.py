"""OCR of the scanned pages of a PDF: Tesseract, offline, page by page, each page's confidence
kept with the source.

Why here and not in the PDF reader: reading a PDF's text layer takes milliseconds and may run in
a worker process; OCR takes a second or more a page, and must report progress page by page and
stop between pages when the researcher cancels. So the PDF reader only names the pages that have
no text layer (``ParsedSource.scanned_pages``) and the importer calls :func:`read_scanned_pages`
in its own thread, where its progress callback and its cancel flag are.

Tesseract is the system's program (Debian's ``tesseract-ocr`` with ``tesseract-ocr-eng``,
``-rus`` ...; the standalone build uses the one installed, see the README), called directly with
a page image on its standard input and TSV on its standard output: the TSV gives each word's
confidence, and no wrapper package or temporary file is needed. Pages are rendered with
pypdfium2 in grey at :data:`RESOLUTION` dpi (measured in benchmarks/bench_ocr.py).

What is kept (the source's notes, where its other facts from the file are, shown in the reader's
header): ``OCR (Tesseract 5.3.0, eng+rus): 12 pages, mean confidence 91 %.`` and a line
``OCR confidence by page: 1: 93 %, 2: 89 %, …``. A cancelled OCR keeps the pages read: the source
is saved with their text (the pages not read are empty), its notes say ``OCR incomplete``, and
importing the same file again reads the pages still missing into that source
(:mod:`db.importer.scans`); so does a scan imported while Tesseract was missing.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.ingest.base import ParsedSource

#: dpi the pages are rendered at: Tesseract's documented best for print. 11 pt text read as
#: well at 200, 300 and 400 dpi (benchmarks/bench_ocr.py; 200 was 10 % faster); 300 keeps
#: room for footnotes and table figures, which were not measured
RESOLUTION = 300
#: a page image is never larger than this (an A0 poster at 300 dpi would be 140 million pixels)
MAX_PIXELS = 40_000_000
#: languages read when the source's language is not known, those installed of them, in order
DEFAULT_LANGUAGES = ("eng", "rus")
#: Tesseract's own data files that are not languages of text
_NOT_TEXT = {"osd", "equ"}
#: a page with no pixel darker than this (0 black, 255 white) is blank: nothing to read
_BLANK = 200
#: a page that takes longer than this is given up (seconds)
PAGE_TIMEOUT = 300
#: where a user may name the program, e.g. on Windows where its installer does not set PATH
TESSERACT_ENV = "DOSSIER_TESSERACT"
#: pages read at once, at most (each Tesseract takes one core and 100-200 MB)
MAX_WORKERS = 4
WORKERS_ENV = "DOSSIER_OCR_WORKERS"
#: languages to read, e.g. "deu+eng", instead of the source's language or the default
LANGUAGES_ENV = "DOSSIER_OCR_LANGUAGES"
_WINDOWS_DEFAULT = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Tesseract-OCR" / "tesseract.exe"

#: ISO 639-1 (how sources carry their language) -> Tesseract's language data names
TESSERACT_LANGUAGE = {
    "en": "eng", "ru": "rus", "uk": "ukr", "be": "bel", "de": "deu", "fr": "fra", "es": "spa",
    "it": "ita", "pt": "por", "pl": "pol", "ar": "ara", "fa": "fas", "tr": "tur", "ka": "kat",
    "hy": "hye", "az": "aze", "kk": "kaz", "zh": "chi_sim", "ja": "jpn", "ko": "kor",
}

NOT_INSTALLED = "scanned pages need Tesseract OCR (not installed); imported without text"
INCOMPLETE = "OCR incomplete"
_PAGES_LINE = "OCR confidence by page: "
_PAGE_ITEM = re.compile(r"(\d+): (\d+ %|no text)")


@dataclass(frozen=True)
class Engine:
    """The Tesseract program found on this machine."""

    command: str
    version: str
    #: language data installed (eng, rus ...), without osd
    languages: tuple[str, ...]


@dataclass(frozen=True)
class PageText:
    text: str
    #: mean word confidence, 0-100, weighted by the words' lengths; None when no word was found
    confidence: float | None


@dataclass
class OcrResult:
    """What OCR of a source's scanned pages gave: page number (1-based) -> its reading."""

    engine: Engine
    languages: tuple[str, ...]
    #: the pages that needed OCR (1-based)
    wanted: list[int]
    pages: dict[int, PageText] = field(default_factory=dict)
    #: pages that could not be read (Tesseract failed on them), with why
    failed: dict[int, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return all(n in self.pages or n in self.failed for n in self.wanted)


class OcrUnavailable(Exception):
    """Tesseract, or language data for it, is not installed: the message says what to install."""


def find_engine() -> Engine | None:
    """The Tesseract on this machine (``DOSSIER_TESSERACT``, PATH, or Windows' default place)."""
    named = os.environ.get(TESSERACT_ENV, "").strip()
    command = shutil.which(named) if named else shutil.which("tesseract")
    if command is None and os.name == "nt" and _WINDOWS_DEFAULT.is_file():
        command = str(_WINDOWS_DEFAULT)
    return None if command is None else _engine(command)


@functools.lru_cache(maxsize=8)
def _engine(command: str) -> Engine | None:
    try:
        version = _run([command, "--version"], timeout=30).decode("utf-8", "replace")
        listed = _run([command, "--list-langs"], timeout=30).decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    first = version.split("\n", 1)[0].split()
    languages = tuple(
        line.strip() for line in listed.splitlines()[1:]
        if line.strip() and line.strip() not in _NOT_TEXT
    )
    return Engine(command, first[1] if len(first) > 1 else "", languages)


def choose_languages(engine: Engine, declared: str | None) -> tuple[str, ...]:
    """The languages to read a source in: ``DOSSIER_OCR_LANGUAGES`` if set, else the source's
    own language when its data is installed, else :data:`DEFAULT_LANGUAGES` installed (any
    installed language when none of those is). Empty when nothing fitting is installed."""
    chosen = os.environ.get(LANGUAGES_ENV, "").strip()
    if chosen:
        return tuple(lang for lang in chosen.split("+") if lang in engine.languages)
    wanted = TESSERACT_LANGUAGE.get((declared or "").split("-")[0].lower())
    if wanted in engine.languages:
        return (wanted,)
    default = tuple(lang for lang in DEFAULT_LANGUAGES if lang in engine.languages)
    return default or engine.languages[:1]


def read_scanned_pages(
    source: ParsedSource,
    data: bytes | Path,
    *,
    password: str | None = None,
    pages: Sequence[int] | None = None,
    previous: dict[int, float | None] | None = None,
    report: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> OcrResult | None:
    """OCR the pages of the PDF ``data`` that ``source`` names as scanned (or ``pages``, 1-based),
    and put their text into ``source`` (:func:`apply`; ``previous`` as there). ``report(done,
    total)`` is called as each page is started; ``cancelled()`` is asked before each, and what
    was read stays.

    Without Tesseract (or its language data) the source keeps no text and says why, and is
    marked incomplete so that importing the file again reads it; None then."""
    wanted = sorted(pages if pages is not None else (n + 1 for n in source.scanned_pages))
    if not wanted:
        return None
    try:
        engine = _usable_engine()
        languages = choose_languages(engine, source.language)
        if not languages:
            raise OcrUnavailable(
                f"scanned pages need Tesseract language data ({', '.join(engine.languages) or 'none'} "
                "installed, none of them for this text); imported without text")
    except OcrUnavailable as missing:
        _say_unread(source, str(missing))
        # marked like a cancelled OCR: importing the file again, once Tesseract is there, reads it
        waiting = (f"OCR (not available): {INCOMPLETE}: 0 of {len(wanted)} scanned pages read; "
                   "import the file again once Tesseract is installed.")
        source.notes = f"{source.notes}\n{waiting}" if source.notes else waiting
        return None
    result = OcrResult(engine, languages, wanted)
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data, password=password)
    except Exception as error:  # PDFium cannot open what pypdf could: said, and kept
        _say_unread(source, f"the scanned pages cannot be rendered for OCR ({_problem(error)}); "
                            "imported without their text")
        return None
    try:
        _read_pages(document, result, report, cancelled)
    finally:
        document.close()
    apply(source, result, previous=previous)
    return result


def ocr_workers() -> int:
    """Pages read at once: one Tesseract per core, up to :data:`MAX_WORKERS`
    (``DOSSIER_OCR_WORKERS`` sets another number)."""
    chosen = os.environ.get(WORKERS_ENV, "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def _read_pages(document: Any, result: OcrResult, report: Callable[[int, int], None] | None,
                cancelled: Callable[[], bool] | None) -> None:
    """Render the pages here, one at a time (PDFium is not thread-safe), and have them read by
    up to :func:`ocr_workers` Tesseracts at once. ``report(n, total)`` comes as page n + 1 is
    started; after a cancel no page is started and those under way are finished."""
    total = len(result.wanted)
    workers = ocr_workers()
    queue = iter(enumerate(result.wanted))
    with ThreadPoolExecutor(workers, thread_name_prefix="dossier-ocr") as pool:
        under_way: dict[Future[PageText], int] = {}

        def start_pages() -> None:
            while len(under_way) < workers and not (cancelled is not None and cancelled()):
                started, number = next(queue, (total, 0))
                if started == total:
                    return
                if report is not None:
                    report(started, total)
                try:
                    image, resolution = render_page(document, number - 1)
                except Exception as error:  # a page PDFium cannot draw: the others go on
                    result.failed[number] = _problem(error)
                    continue
                under_way[pool.submit(read_page, result.engine, image, result.languages, resolution)] = number

        start_pages()
        while under_way:
            finished, _ = wait(under_way, return_when=FIRST_COMPLETED)
            for future in finished:
                number = under_way.pop(future)
                try:
                    result.pages[number] = future.result()
                except Exception as error:  # a page Tesseract fails on: the others go on
                    result.failed[number] = _problem(error)
            start_pages()
    if report is not None and result.complete:
        report(total, total)


def _usable_engine() -> Engine:
    from db import optional_parts

    try:
        optional_parts.require("ocr")  # PDFium, which renders the pages: a part of the download
    except optional_parts.Missing:
        raise OcrUnavailable("scanned pages need PDFium, an optional part of Dossier's download "
                             f"({optional_parts.archive_name('ocr')}, not installed); imported without text") from None
    engine = find_engine()
    if engine is None:
        raise OcrUnavailable(NOT_INSTALLED)
    if not engine.languages:
        raise OcrUnavailable("scanned pages need Tesseract language data (none installed, e.g. "
                             "tesseract-ocr-eng); imported without text")
    return engine


def render_page(document: Any, index: int, resolution: int | None = None) -> tuple[Any, int]:
    """Page ``index`` (0-based) of a pypdfium2 document as a grey Pillow image, and the dpi it
    was rendered at: :data:`RESOLUTION`, less for a page so large (a map, a poster) that it
    would pass :data:`MAX_PIXELS`."""
    page = document[index]
    try:
        width, height = page.get_size()  # points
        dpi = resolution or RESOLUTION
        area = max(width * height, 1.0) / 72 / 72  # square inches
        dpi = max(1, min(dpi, int(math.sqrt(MAX_PIXELS / area))))
        return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"), dpi
    finally:
        page.close()


def read_page(engine: Engine, image: Any, languages: Sequence[str], resolution: int = RESOLUTION) -> PageText:
    """The text Tesseract reads on a page image, with its confidence (a blank page: no text)."""
    low, _high = image.getextrema()
    if low > _BLANK:
        return PageText("", None)
    buffer = io.BytesIO()
    # PNG, lightly compressed: Tesseract reads it from a pipe 0.3 s faster than the 4 MB of an
    # uncompressed PGM (measured on an A5 page at 300 dpi), for 0.1 s of compressing
    image.save(buffer, "PNG", compress_level=1)
    tsv = _run(
        [engine.command, "stdin", "stdout", "-l", "+".join(languages), "--dpi", str(resolution), "tsv"],
        stdin=buffer.getvalue(), timeout=PAGE_TIMEOUT,
    )
    return page_from_tsv(tsv.decode("utf-8", "replace"))


def page_from_tsv(tsv: str) -> PageText:
    """Text and confidence from Tesseract's TSV: words joined by spaces within a line, lines by
    a line end, paragraphs by an empty line; confidence weighted by the words' lengths."""
    paragraphs: list[list[list[str]]] = []
    last_paragraph: tuple[str, ...] | None = None
    last_line: tuple[str, ...] | None = None
    weighted = 0.0
    letters = 0
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        word = cells[11].strip()
        try:
            confidence = float(cells[10])
        except ValueError:
            continue
        if not word or confidence < 0:
            continue
        paragraph, line = tuple(cells[1:4]), tuple(cells[1:5])
        if paragraph != last_paragraph:
            paragraphs.append([])
            last_paragraph, last_line = paragraph, None
        if line != last_line:
            paragraphs[-1].append([])
            last_line = line
        paragraphs[-1][-1].append(word)
        weighted += confidence * len(word)
        letters += len(word)
    text = "\n\n".join("\n".join(" ".join(words) for words in lines) for lines in paragraphs)
    return PageText(text, weighted / letters if letters else None)


def apply(source: ParsedSource, result: OcrResult, *, previous: dict[int, float | None] | None = None) -> None:
    """Put the pages read into ``source``'s text (page boundaries kept), say in its notes that
    they are OCR and with what confidence, and replace the PDF reader's "no text" warnings.
    ``previous``: the confidences of pages an earlier, cancelled OCR read (import continued)."""
    from db.ingest.pdf import PAGE_SEPARATOR

    texts = page_texts(source.text, source.page_starts)
    for number, page in result.pages.items():
        if 0 < number <= len(texts):
            texts[number - 1] = page.text
    _set_pages(source, texts, PAGE_SEPARATOR)
    confidences = dict(previous or {})
    confidences.update({n: p.confidence for n, p in result.pages.items()})
    _drop_scan_warnings(source)
    for number, problem in sorted(result.failed.items()):
        source.warnings.append(f"OCR could not read page {number}: {problem}")
    unread = [n for n in result.wanted if n not in result.pages and n not in result.failed]
    if unread:
        source.warnings.append(
            f"{INCOMPLETE}: {len(unread)} of {len(result.wanted) + len(previous or {})} scanned pages "
            "not read (cancelled); import the file again to read them")
    notes = describe(result.engine, result.languages, confidences, unread)
    source.notes = f"{source.notes}\n{notes}" if source.notes else notes


def describe(engine: Engine, languages: Sequence[str], confidences: dict[int, float | None],
             unread: Sequence[int] = ()) -> str:
    """The notes that mark a source's text as OCR: a summary line, then each page's confidence."""
    known = [c for c in confidences.values() if c is not None]
    mean = f", mean confidence {sum(known) / len(known):.0f} %" if known else ", no text found"
    pages = len(confidences)
    what = f"{pages} page{'s' if pages != 1 else ''}"
    if unread:
        what = f"{INCOMPLETE}: {pages} of {pages + len(unread)} scanned pages read"
    head = f"OCR (Tesseract {engine.version}, {'+'.join(languages)}): {what}{mean}"
    head += "; import the file again to read the rest." if unread else "."
    items = ", ".join(
        f"{n}: {'no text' if c is None else f'{c:.0f} %'}" for n, c in sorted(confidences.items()))
    return f"{head}\n{_PAGES_LINE}{items}"


def pages_read(notes: str | None) -> dict[int, float | None] | None:
    """The pages an OCR marked in ``notes`` read (1-based -> confidence); None without OCR."""
    if not notes:
        return None
    for line in notes.splitlines():
        if line.startswith(_PAGES_LINE):
            return {
                int(m.group(1)): None if m.group(2) == "no text" else float(m.group(2)[:-2])
                for m in _PAGE_ITEM.finditer(line[len(_PAGES_LINE):])
            }
    return None


def is_incomplete(notes: str | None) -> bool:
    """Whether ``notes`` say a cancelled OCR left pages to read."""
    return bool(notes) and any(
        line.startswith("OCR (") and f": {INCOMPLETE}:" in line for line in (notes or "").splitlines())


def without_ocr_notes(notes: str | None) -> str | None:
    """``notes`` without the lines :func:`describe` wrote."""
    kept = [line for line in (notes or "").splitlines()
            if not line.startswith(("OCR (Tesseract", "OCR (not available)", _PAGES_LINE))]
    return "\n".join(kept) or None


def page_texts(text: str, page_starts: Sequence[int]) -> list[str]:
    """A PDF source's text cut back into its pages (the separator between them left out)."""
    from db.ingest.pdf import PAGE_SEPARATOR

    if not page_starts:
        return [text]
    ends = [start - len(PAGE_SEPARATOR) for start in page_starts[1:]] + [len(text)]
    return [text[start:max(start, end)] for start, end in zip(page_starts, ends, strict=True)]


def _set_pages(source: ParsedSource, texts: list[str], separator: str) -> None:
    starts: list[int] = []
    offset = 0
    for index, page in enumerate(texts):
        if index:
            offset += len(separator)
        starts.append(offset)
        offset += len(page)
    text = separator.join(texts)
    if not text.strip():
        source.text, source.page_starts = "", [0] * len(texts)
    else:
        source.text, source.page_starts = text, starts


def _drop_scan_warnings(source: ParsedSource) -> None:
    # the PDF reader's words for pages without text (db.ingest.pdf), now read or said otherwise
    from db.ingest.pdf import NO_TEXT_WARNING

    source.warnings = [w for w in source.warnings
                       if w != NO_TEXT_WARNING and not w.startswith("no text on page(s)")]


def _say_unread(source: ParsedSource, why: str) -> None:
    _drop_scan_warnings(source)
    source.warnings.insert(0, why)


def _problem(error: BaseException) -> str:
    if isinstance(error, subprocess.TimeoutExpired):
        return f"Tesseract took longer than {PAGE_TIMEOUT} s"
    if isinstance(error, subprocess.CalledProcessError):
        said = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"Tesseract failed ({said[-1] if said else f'exit status {error.returncode}'})"
    return " ".join(str(error).split()) or type(error).__name__


def _run(command: list[str], *, stdin: bytes | None = None, timeout: float) -> bytes:
    """Run Tesseract and return what it wrote; raises CalledProcessError with its stderr."""
    completed = subprocess.run(
        command, input=stdin, capture_output=True, timeout=timeout, check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")},
    )
    return completed.stdout
