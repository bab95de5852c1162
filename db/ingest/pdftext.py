"""Mending the text a PDF gives page by page: the furniture on every page (page numbers,
running heads and feet) goes, and words hyphenated at line ends are joined again.

Both work within pages, so the page boundaries the importer records stay where they are.
"""

from __future__ import annotations

import re
from collections import Counter

# A word broken across lines by typesetting: "govern-\nment", "Schwarz-\nWeiß".
_BROKEN_WORD = re.compile(r"(\w*[^\W\d_])[-\u2010]\n([^\W\d_]\w*)")
_COMPOUND = re.compile(r"\w*[^\W\d_][-\u2010][^\W\d_]\w*")
_WORDS = re.compile(r"\w+")
# A page number alone on a line: "7", "- 7 -", "Page 7", "7 of 40", "7/40", or roman "vii".
_PAGE_NUMBER = re.compile(
    r"(?:page\s+|p\.\s*|стр\.\s*|s\.\s*)?[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|/|из|von|de|sur)\s*\d{1,4})?",
    re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
#: a running head or foot is on at least this share of the pages (left and right pages may differ)
_RUNNING_SHARE = 0.4
_DIGITS = re.compile(r"\d+")
#: running heads and feet are short: a title, a name, a date
_HEAD_WORDS = 10


def mend_pages(pages: list[str]) -> list[str]:
    """The pages' text without page furniture, with broken words joined."""
    return join_broken_words(drop_page_furniture(pages))


def drop_page_furniture(pages: list[str]) -> list[str]:
    """Remove page numbers and running heads/feet: the first and last lines of pages that repeat
    from page to page (numbers aside), and numbers that count the pages. Needs three pages."""
    if len(pages) < 3:
        return pages
    lines = [page.split("\n") for page in pages]
    drop: list[set[int]] = [set() for _ in pages]
    for edge in (0, -1):
        edges: list[tuple[int, int]] = []
        for i, page in enumerate(lines):
            j = _edge_index(page, edge)
            if j is not None:
                edges.append((i, j))
        line_of = dict(edges)
        # Running heads and feet: the same words on many pages (page numbers inside them vary).
        shapes = Counter(_shape(lines[i][j]) for i, j in edges)
        for i, j in edges:
            shape = _shape(lines[i][j])
            if shape and shapes[shape] >= max(3, _RUNNING_SHARE * len(pages)):
                drop[i].add(j)
        # Page numbers: numbers alone on the line that go up with the pages.
        numbers = {i: n for i, j in edges if j not in drop[i] and (n := _page_number(lines[i][j])) is not None}
        offsets = Counter(n - i for i, n in numbers.items())
        if offsets:
            offset, count = offsets.most_common(1)[0]
            if count >= max(2, 0.5 * len(numbers)) and count >= 0.3 * len(pages):
                for i, n in numbers.items():
                    if n - i == offset:
                        drop[i].add(line_of[i])
    _drop_inner_furniture(lines, drop)
    return [
        "\n".join(line for j, line in enumerate(page) if j not in dropped).strip() if dropped else text
        for page, dropped, text in zip(lines, drop, pages, strict=True)
    ]


def _drop_inner_furniture(lines: list[list[str]], drop: list[set[int]]) -> None:
    """Furniture that reading order put inside the page: a page set in columns ends its left
    column with the running foot and page number ("... at\n66,081.\n178\nViolence against
    ..."). A page number is a number alone on a line that goes up with the pages; a running
    head or foot with a number in it ("Amnesty International Report 2011") is the same short
    line on many pages, wherever it stands. (A heading without a number may repeat as often:
    "Background", "Death penalty" on the pages of a country report.)"""
    pages = len(lines)
    shapes: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    for i, page in enumerate(lines):
        shapes.update({shape for line in page if "#" in (shape := _shape(line))})
        offsets.update({n - i for line in page if (n := _page_number(line)) is not None})
    running = {shape for shape, count in shapes.items() if count >= max(3, _RUNNING_SHARE * pages)}
    offset, count = offsets.most_common(1)[0] if offsets else (0, 0)
    numbered = count >= max(3, 0.3 * pages)
    for i, page in enumerate(lines):
        for j, line in enumerate(page):
            if _shape(line) in running or (numbered and _page_number(line) == i + offset):
                drop[i].add(j)
                # set apart by blank lines (a heading's font): the text on both sides is one
                if 0 < j < len(page) - 1 and not page[j - 1].strip() and not page[j + 1].strip():
                    drop[i].update((j - 1, j + 1))


def _edge_index(lines: list[str], edge: int) -> int | None:
    """The index of the first (edge 0) or last (edge -1) line with text."""
    order = range(len(lines)) if edge == 0 else range(len(lines) - 1, -1, -1)
    return next((j for j in order if lines[j].strip()), None)


def _shape(line: str) -> str:
    """A line with its numbers blanked and spaces collapsed: how running heads are compared.
    Only lines that look like one have a shape: a few words, not a sentence (a bare number is
    counted as a page number instead)."""
    shape = " ".join(_DIGITS.sub("#", line.casefold()).split())
    if not any(ch.isalpha() for ch in shape) or len(shape) < 4:
        return ""
    if len(shape.split()) > _HEAD_WORDS or shape.endswith((".", "!", "?", ";")):
        return ""
    return shape


def _page_number(line: str) -> int | None:
    match = _PAGE_NUMBER.fullmatch(line.strip())
    if match is None:
        return None
    value = match.group(1).lower()
    if value.isdigit():
        return int(value)
    total, previous = 0, 0
    for letter in reversed(value):
        number = _ROMAN[letter]
        total += -number if number < previous else number
        previous = max(previous, number)
    return total


def join_broken_words(pages: list[str]) -> list[str]:
    """Mend words hyphenated at the end of a line, so that search and extraction find them.

    "govern-\nment" becomes "government"; a compound stays one ("Schwarz-\nWeiß" becomes
    "Schwarz-Weiß"). A part starting with a capital is a compound; otherwise the document
    decides: a hyphenated form found elsewhere on one line ("well-known") wins over the
    joined word unless the joined word occurs too. The line break goes either way: inside a
    paragraph it is only where the page ran out of width.
    """
    whole = "\n".join(pages)
    if "-\n" not in whole and "\u2010\n" not in whole:
        return pages
    words = set(_WORDS.findall(whole.casefold()))
    compounds = set(_COMPOUND.findall(whole.casefold()))

    def mend(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).casefold()
        hyphenated = f"{head}-{tail}".casefold()
        if tail[0].isupper() or (hyphenated in compounds and joined not in words):
            return f"{head}-{tail}"
        return head + tail

    return [_BROKEN_WORD.sub(mend, page) for page in pages]
