"""Plain text and Markdown: encoding detection and the headers newspapers' text exports carry.

Recognised at the top of a file (header lines are removed from the text, the title and date are
kept as metadata; the original file is stored by the importer anyway):

* YAML front matter between ``---`` lines (notes apps, static sites, read-later exports);
* a standalone date line, a title line, and a lead starting with "(Outlet) " (the seed's shape);
  the title may also stand right over the date line, and the date line carry a label before
  the date ("Publié le 8 janvier 2019", "Опубліковано 23 квітня 2018"); a line that is only a
  web address under them is the page the text was saved from, a "Source: NAME" line ("Джерело:",
  "Источник:", "Quelle:" ...) its outlet;
* a Markdown ``# Title`` line and a ``By NAME`` line;
* a dateline opening the first paragraph, "MOSCOW, Sept. 17, 2004 - ..." (kept in the text; only
  its date is used, and only when it names a year).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from db.dates import PartialDate
from db.ingest._common import (
    ambiguous_date,
    first_line_title,
    parse_date,
    read_bytes,
    trim_title,
)
from db.ingest._frontmatter import read_front_matter
from db.ingest.base import IngestError, ParsedSource
from db.ingest.pagetext import date_line

EXTENSIONS: tuple[str, ...] = (".txt", ".text", ".md", ".markdown")
MEDIA_TYPE = "text/plain"

# How much of a file charset-normalizer looks at, and how much is checked for binary content.
_SAMPLE = 1 << 20
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CYRILLIC = frozenset({"cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5", "cp866", "cp855"})
_WESTERN_PUNCTUATION = frozenset("\xa0€‚„…‘’“”•–—™«»°§©®±·×÷£¥¢¡¿")
# Control characters (Unicode category Cc) that text files do not contain: all but tab, line and
# page breaks and escape.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_HEADER_LINES = 6
_LINE_LIMIT = 1000
#: a numeric date that may read day first or month first ("08/01/2019")
_EITHER_WAY = re.compile(r"(?<!\d)(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?!\d)")
#: a line naming where the text is from: "Source: Reuters", "Джерело: Укрінформ", "Источник: ТАСС"
_SOURCE_LINE = re.compile(
    r"^(?:source|sources|quelle|fuente|fonte|fonti|kaynak|джерело|источник|крыніца|źródło|zdroj)"
    r"\s*:\s*(\S.{0,99})$", re.IGNORECASE)
#: a line that is only a web address: the page the text was saved from
_URL_LINE = re.compile(r"^https?://\S+$")
_MARKDOWN_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
# "By Anna Petrova", "BY JOHN SMITH, Staff Writer": the name is capitalised words.
_BYLINE = re.compile(r"^(?:By|BY)\s+([^,]{2,60}?)(?:\s*,\s*[^,]{1,60})?\s*$")
_NAME_LINKS = frozenset({"and", "&", "de", "van", "von", "der", "al", "bin", "ibn", "la", "le"})
# "(The Daily Beast) Defectors ...", "(Reuters) - Talks ...": a capitalised name, no digits.
_OUTLET_LEAD = re.compile(r"\(([^\W\d_][^()\n\d]{0,59})\)\s+(?:[-–—]\s+)?(?=\S)")
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ .'’-]{1,40}"
    r"(?:,\s*[A-ZА-ЯЁІЇЄҐ][A-Za-zА-Яа-яЁёІЇЄҐіїєґ .'’-]{1,30})?),\s+"
    r"(?P<date>[^\n]{4,40}?)\s+[-–—]+\s"
)


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one text file as one source."""
    text, warnings = read_text(path)
    source = ParsedSource(text="", warnings=warnings)
    body_start = _read_header(text, source, read_front_matter(text, source))
    # One slice at most: a large file is never held more than twice.
    source.text = text[body_start:] if body_start else text
    del text
    if source.title is None:
        source.title = first_line_title(source.text) or trim_title(path.stem)
    yield source


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text with ``\n`` line endings and no BOM; warnings say what was guessed.

    Memory stays near twice the file size: the bytes are dropped as soon as they are decoded.
    """
    data = read_bytes(path)
    warnings: list[str] = []
    encoding = _bom_encoding(data) or _utf16_without_bom(data[:_SAMPLE])
    if encoding is None:
        if b"\x00" in data[:_SAMPLE]:
            raise IngestError("binary file, not text")
        # Without NUL bytes the encoding is ASCII-compatible, so line ends can be fixed in the
        # bytes, which costs one copy less than in the decoded text.
        if b"\r\n" in data:
            data = data.replace(b"\r\n", b"\n")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            damaged = _damaged_utf8(data)
            if damaged is not None:
                text, bad = damaged
                warnings.append(f"not valid UTF-8 in {bad:,} place{'s' if bad > 1 else ''} (a damaged "
                                "copy?); what could not be read was replaced by �")
            else:
                encoding = guess_encoding(data)
                warnings.append(f"not UTF-8; the encoding was guessed as {encoding}")
                text = data.decode(encoding, errors="replace")
                if "\ufffd" in text:
                    warnings.append("some bytes could not be decoded and were replaced by �")
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise IngestError(f"not valid {encoding} text (damaged, or a binary file)") from None
        if encoding.endswith(("-le", "-be")):
            warnings.append(f"no byte-order mark; the encoding was guessed as {encoding}")
        if "\r\n" in text:
            text = text.replace("\r\n", "\n")
    del data
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text[:_SAMPLE]):
        raise IngestError("binary file, not text")
    if "\r" in text:
        text = text.replace("\r", "\n")
    return text, warnings


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half * 0.3 and even == 0:
        return "utf-16-le"
    if even >= half * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few damaged bytes: its text (those bytes as �) and how many there were; None
    when the bytes are not UTF-8 at all. Text in UTF-8 is full of valid multi-byte sequences;
    text in a one-byte code page (cp1251, cp1252) has next to none."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # each valid multi-byte character is one character for two to four bytes; each damaged byte
    # one character for one byte
    extra_bytes = len(data) - len(text)
    if extra_bytes > 0 and bad * 20 <= extra_bytes:
        return text, bad
    return None


def guess_encoding(data: bytes) -> str:
    """The most likely encoding of non-UTF-8 bytes (IngestError when they are not text)."""
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE]
    best = from_bytes(sample).best()
    cyrillic = likeliest_cyrillic(sample)
    guessed = str(best.encoding) if best is not None else None
    if cyrillic is not None and (guessed is None or guessed in _CYRILLIC or not _is_plausible(sample, guessed)):
        # charset-normalizer takes short Windows Cyrillic texts for Mac Cyrillic, Big5 or cp1250
        return cyrillic
    if guessed is None:
        raise IngestError("binary file, not text")
    encoding = guessed
    # On short texts charset-normalizer often picks a rarer Latin code page (cp1250, mac_latin2)
    # for what is Windows Western text; take cp1252 when the text reads as Western European.
    if encoding not in _CYRILLIC and _reads_as_western(sample):
        return "cp1252"
    return encoding


#: Cyrillic code pages in the order a tie is given (Windows first: by far the most common)
_CYRILLIC_ORDER = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "cp866", "iso8859_5")
#: Serbian and Macedonian letters: in Russian or Ukrainian text they are the sign of a wrong page
_RARE_CYRILLIC = frozenset("ђћџљњќѓѕЂЋЏЉЊЌЃЅ")
_LETTERS = re.compile(r"[^\W\d_]+")


def _cyrillic_share(text: str) -> float:
    """The share of the non-ASCII words of ``text`` that read as Cyrillic words: Cyrillic
    letters only, none of the rare ones, and lower case, capitalised or all capitals."""
    good = total = 0
    for word in _LETTERS.findall(text):
        if word.isascii():
            continue
        total += len(word)
        cyrillic = all("\u0400" <= ch <= "\u04ff" and ch not in _RARE_CYRILLIC for ch in word)
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        if cyrillic and cased:
            good += len(word)
    return good / total if total else 0.0


def likeliest_cyrillic(sample: bytes) -> str | None:
    """The Cyrillic code page under which ``sample`` reads best as Cyrillic words, if one makes
    nearly all of its non-ASCII words such words."""
    best: tuple[float, str] | None = None
    for encoding in _CYRILLIC_ORDER:
        try:
            share = _cyrillic_share(codecs.decode(sample, encoding))
        except UnicodeDecodeError:
            continue
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, encoding)
    return best[1] if best is not None else None


def _is_plausible(sample: bytes, encoding: str) -> bool:
    """Whether charset-normalizer's guess reads at least as well as Cyrillic would: text in
    that encoding's own script, not a misreading of Cyrillic bytes."""
    try:
        decoded = sample.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    words = [w for w in _LETTERS.findall(decoded) if not w.isascii()]
    if not words:
        return False
    # a misreading mixes cases inside words (Ěčřŕ) or breaks a text into single signs
    cased = sum(len(w) for w in words if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()))
    return cased / sum(len(w) for w in words) >= 0.9 and _cyrillic_share(decoded) == 0 and encoding not in _MISREADINGS


#: what charset-normalizer names for short Cyrillic texts that are never those pages' own script
_MISREADINGS = frozenset({"big5", "cp932", "shift_jis_2004", "johab", "cp1250", "mac_latin2", "cp949", "gb2312", "euc_jp", "euc_kr"})


def _reads_as_western(sample: bytes) -> bool:
    try:
        decoded = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = accented = 0
    for ch in decoded:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 127:
                accented += 1
        elif ord(ch) > 127 and ch not in _WESTERN_PUNCTUATION:
            return False
    # Western languages use accents on some letters; text in another alphabet misread as
    # cp1252 is made of nothing else.
    return letters > 0 and accented <= 0.4 * letters


def _looks_binary(sample: str) -> bool:
    """True when too many characters are control codes, as in a misnamed binary file."""
    if not sample:
        return False
    return len(_CONTROLS.findall(sample)) > max(2, len(sample) // 100)


def _read_header(text: str, source: ParsedSource, pos: int = 0) -> int:
    """Fill title/published/author/outlet from the top of ``text`` (from ``pos`` on); return
    where the body starts."""
    title_candidate: tuple[str, int] | None = None
    after_date = False
    for _ in range(_HEADER_LINES):
        line, end = _next_line(text, pos)
        if line is None:
            break
        stripped = line.strip()
        if not stripped:
            pos = end
            continue
        if len(stripped) > 300:
            break
        date = _header_date(stripped)
        # A date line, and the title right under it, need no blank line after them: "Суббота,
        # 11 июля 2015" / "Заголовок" / text; nor does a title right over its date line
        # ("Заголовок" / "23 квітня 2018 р."). Other header lines stand alone.
        title_under_date = (date is None and after_date and source.title is None
                            and _looks_like_title(stripped))
        if not (_is_own_paragraph(text, end) or (date is not None and source.published is None)
                or title_under_date or (date is None and _is_title_over_date(text, end, stripped, source))):
            break
        after_date = date is not None and source.published is None
        markdown = _MARKDOWN_TITLE.match(stripped)
        byline = _BYLINE.match(stripped)
        if markdown and source.title is None:
            source.title = trim_title(markdown.group(1))
        elif date is not None and source.published is None:
            source.published = date
            _read_either_way(stripped, source)
            if title_candidate is not None and source.title is None:
                # A short line right before the date line: the title.
                source.title = trim_title(title_candidate[0])
                title_candidate = None
        elif byline and source.author is None and _is_name(byline.group(1)):
            source.author = byline.group(1).strip()
        elif source.url is None and _URL_LINE.match(stripped) and (source.title or source.published):
            source.url = stripped
        elif (labelled := _SOURCE_LINE.match(stripped)) and source.outlet is None and source.url is None:
            named = labelled.group(1)
            if _URL_LINE.match(named):
                source.url = named
            else:
                source.outlet = named
        elif source.title is None and title_candidate is None and len(stripped) <= 200:
            if source.published is not None:
                if not _looks_like_title(stripped) and not text[end:].strip():
                    break  # the one sentence under the date is the text, not its title
                source.title = trim_title(stripped)
            else:
                title_candidate = (stripped, pos)
        else:
            break
        pos = end
    if title_candidate is not None:
        # Not confirmed by a date line: it stays part of the text.
        pos = title_candidate[1]
    while pos < len(text) and text[pos] == "\n":
        pos += 1
    lead = _OUTLET_LEAD.match(text, pos)
    if lead and lead.group(1)[0].isupper() and len(lead.group(1).split()) <= 6:
        source.outlet = lead.group(1).strip()
        pos = lead.end()
    dateline = _DATELINE.match(text, pos)
    if dateline and source.published is None:
        source.published = parse_date(dateline.group("date"))
    return pos


def _next_line(text: str, pos: int) -> tuple[str | None, int]:
    """The line starting at ``pos`` and where the next begins; None past the end or when the
    line is too long to be a header (so a huge one-line file is never copied here)."""
    if pos >= len(text):
        return None, pos
    end = text.find("\n", pos, pos + _LINE_LIMIT)
    if end < 0:
        if len(text) - pos > _LINE_LIMIT:
            return None, pos
        return text[pos:], len(text)
    return text[pos:end], end + 1


def _is_own_paragraph(text: str, end: int) -> bool:
    """A header line stands alone: a blank line (or the end of the text) follows it."""
    line, _ = _next_line(text, end)
    if line is None:
        return end >= len(text)
    return not line.strip()


def _header_date(line: str) -> PartialDate | None:
    """The date of a header line that is only a date, or a date with a label before it
    ("Publié le 8 janvier 2019", "Опубліковано 23 квітня 2018"); a labelled one names at least
    its month, so that a title "Kyiv 2014" stays a title."""
    date = parse_date(line) if _could_be_date_line(line) else None
    if date is None:
        date = date_line(line, month=True)
        if date is not None and date.month is None:
            return None
    return date


def _read_either_way(line: str, source: ParsedSource) -> None:
    """When the date line wrote "08/01/2019", month first as read, keep its day-first reading
    too: the importer takes the one the text's language writes."""
    numeric = _EITHER_WAY.search(line)
    if numeric is None or not ambiguous_date(numeric.group(0)):
        return
    first, second, year = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
    if source.published == PartialDate(year, first, second):
        source.published_day_first = PartialDate(year, second, first)
        source.warnings.append(f"the date {numeric.group(0)!r} could be day/month or month/day; it "
                               "was read in the order the text's language writes it")


def _is_title_over_date(text: str, end: int, line: str, source: ParsedSource) -> bool:
    """``line`` is the first line of the header, a headline, and the next line is a date."""
    if source.title is not None or source.published is not None or not _looks_like_title(line):
        return False
    below, _ = _next_line(text, end)
    return below is not None and _header_date(below.strip()) is not None


def _could_be_date_line(line: str) -> bool:
    """Short enough to be nothing but a date ("Saturday, July 11, 2015")."""
    return len(line) <= 40 and len(line.split()) <= 6


def _looks_like_title(line: str) -> bool:
    """A headline: short, and not a sentence ending in a full stop."""
    return len(line) <= 200 and not line.endswith((".", ":", ";", ",")) and any(
        c.isalpha() for c in line)


def _is_name(text: str) -> bool:
    """Up to six capitalised words ("Anna Petrova", "Jean de la Fontaine")."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words)
