"""Saved web pages: how often the importer gets a real page's title, author, date, outlet, language
and first paragraph right, per field, on a tuning part and a held-out part (never tuned on).

    python benchmarks/bench_web.py --mirror /path/to/mozilla+readability/repo \\
        --mirror /path/to/scrapinghub+article-extraction-benchmark/repo [--compare]

The pages are public repositories' test pages (mozilla/readability ``test/test-pages``, with their
expected metadata and body; scrapinghub/article-extraction-benchmark, with a person's
``articleBody``; adbar/trafilatura's evaluation pages; postlight/parser's fixtures, adbar/htmldate's
evaluation pages, flairNLP/fundus's and goose3's test pages, see ``benchmarks/web_more_pages.py``;
microlinkhq/metascraper's integration pages, whose labels are the ``author``, ``date``, ``title``,
``publisher`` (outlet) and ``lang`` of each page's AVA snapshot report, ``snapshots/index.js.md``,
the n-th "Snapshot" block for the n-th page its ``index.js`` reads, a null not scored, the date
cut to its day, no body: a TUNING part and a held-out part, split by site in code like fundus,
added in web10 with the split fixed before any of its pages was scored; AndyTheFactory/newspaper4k's
``tests/data/html`` pages, whose labels are the article text of ``tests/data/txt/<name>.txt`` (the
body: its first paragraph is where the article starts) and the ``title`` and ``publish_date`` of
``tests/data/metadata/<name>.json`` where there is one (its ``authors`` are not scored), also added
in web10 and split by site the same way (newspaper4k's own output, a weaker label than a person's);
fundus, goose, metascraper and newspaper are split by site in code, the other sets in web_pages.json;
in web12 the held-out parts of trafilatura and newspaper were each halved by site in code, fixed
before any of their pages was looked at: a "tuning2" half now tuned on and a "held_out" half still
never looked at, see web_more_pages.halve_held_out), never copied into
this repository: ``--mirror`` (or ``DOSSIER_WEB_MIRRORS``,
paths joined by ``:``) names git directories of those repositories, from which the pages listed
in ``benchmarks/web_pages.json`` are copied once into the cache folder (``DOSSIER_WEB_CACHE``,
default ``~/.cache/dossier/web-pages``). Without a cache and a mirror the benchmark says so and
stops. ``--tuning-only`` scores the tuning parts only (what tuning looks at: tuning and tuning2). ``--compare`` also
scores other extractors' first paragraph (readability-lxml, trafilatura
alone, and trafilatura with favour_precision) where they are installed.

How a field counts as right (rules fixed before any rule of the importer was tuned):

- title: equal after folding (case, accents, quotes, spaces), or one is the other followed by a
  separator and a site or author name ("Talks resume | Example News"); or the same letters and
  digits (quotation marks, soft hyphens, spaces around a colon aside: added later, for every
  extractor and part alike, with "--" and " / " as separators, after fundus's labels dropped a
  headline's quotation marks and kept its "--Section--Site");
- author: the expected byline without "By"/"Par"/"Von"/"Por" and past its first line contains
  ours as whole words, or ours contains it;
- date: the same day, or one day off (a UTC timestamp and the page's local day);
- outlet: the same after folding, or one contains the other as whole words; language: the
  primary subtag;
- first paragraph: the text's first 40 letters and digits (punctuation and spaces ignored) are
  the expected body's first 40 (all of them where it has fewer: goose's asserted starts), or those past its first line are and its first is a standfirst
  (60 letters or more: not a heading, a kicker or a date line; at first only the second line's
  40 were compared, which failed a standfirst followed by a one-word label or a dateline); "near" accepts the expected start
  anywhere in the text's first 2 lines. readability's expected body is taken from its first
  paragraph of 40 letters or more, past image captions (which its output keeps).

"paragraphs kept" is the mean share of the expected body's paragraphs (80 characters or more)
whose first 60 letters are in the text: what a stricter extraction loses at the end.

A field without an expected value on a page is not scored there (the count is shown).

Each round's figures before and after (the held-out parts scored once at its start and once at
its end) and its tuning misses by class are in ``benchmarks/web_misses.md``; the last, web15:
held out, trafilatura author 75.6 -> 76.3 (203/266), every other held-out figure unchanged
(trafilatura title 87.9, date 90.7; fundus title 83.9, author 90.4, first paragraph 86.1;
metascraper title 90.5, author 78.9; readability author 84.2, first paragraph 81.0; goose first
paragraph 80.0; newspaper first paragraph 87.5).
"""

from __future__ import annotations

import argparse
import gzip
import html as html_entities
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import web_more_pages  # noqa: E402
from benchmarks._common import print_table  # noqa: E402

PAGES = ROOT / "benchmarks" / "web_pages.json"
CACHE = Path(os.environ.get("DOSSIER_WEB_CACHE", Path.home() / ".cache" / "dossier" / "web-pages"))
FIELDS = ("title", "author", "date", "outlet", "language", "first paragraph", "near start")
START = 40
GOALS = {"title": 0.9, "author": 0.9, "date": 0.9, "first paragraph": 0.9}


# --- the cache ---------------------------------------------------------------------------------


_git = web_more_pages.git
_has = web_more_pages.has


def fill_cache(mirrors: list[Path], pages: dict[str, Any]) -> None:
    """Copy the listed pages and their expected results out of the mirrors into the cache."""
    for git_dir in mirrors:
        if _has(git_dir, "test/test-pages"):
            _fill_readability(git_dir, pages)
        elif _has(git_dir, "ground-truth.json"):
            _fill_scrapinghub(git_dir, pages)
        elif _has(git_dir, "tests/evaldata.json"):
            _fill_trafilatura(git_dir, pages)
        elif _has(git_dir, "src/extractors/custom"):
            web_more_pages.fill_mercury(git_dir, pages, CACHE)
        elif _has(git_dir, "tests/eval_mediacloud_2020.json"):
            web_more_pages.fill_htmldate(git_dir, pages, CACHE)
        elif _has(git_dir, web_more_pages.FUNDUS_DATA):
            web_more_pages.fill_fundus(git_dir, CACHE)
        elif _has(git_dir, "tests/data/content") and _has(git_dir, "goose3"):
            web_more_pages.fill_goose(git_dir, CACHE)
        elif _has(git_dir, web_more_pages.NEWSPAPER_DATA) and _has(git_dir, "newspaper"):
            web_more_pages.fill_newspaper(git_dir, CACHE)
        elif _has(git_dir, web_more_pages.METASCRAPER_DATA):
            web_more_pages.fill_metascraper(git_dir, CACHE)
        else:
            print(f"{git_dir}: not one of the repositories of web_pages.json; skipped")


def _fill_readability(git_dir: Path, pages: dict[str, Any]) -> None:
    for folder, page in web_more_pages.missing(CACHE, "readability", pages):
        base = f"HEAD:test/test-pages/{page}/"
        meta = json.loads(_git(git_dir, "show", base + "expected-metadata.json"))
        expected = {
            "title": meta.get("title"),
            "author": meta.get("byline"),
            "date": (meta.get("publishedTime") or "")[:10] or None,
            "outlet": meta.get("siteName"),
            "language": meta.get("lang"),
            "body": _first_paragraph(_git(git_dir, "show", base + "expected.html").decode("utf-8")),
        }
        (folder / f"{page}.html").write_bytes(_git(git_dir, "show", base + "source.html"))
        (folder / f"{page}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


def _fill_scrapinghub(git_dir: Path, pages: dict[str, Any]) -> None:
    truth = json.loads(_git(git_dir, "show", "HEAD:ground-truth.json"))
    for folder, page in web_more_pages.missing(CACHE, "scrapinghub", pages):
        raw = gzip.decompress(_git(git_dir, "show", f"HEAD:html/{page}.html.gz"))
        (folder / f"{page}.html").write_bytes(raw)
        expected = {"body": truth[page]["articleBody"], "url": truth[page]["url"]}
        (folder / f"{page}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


def _fill_trafilatura(git_dir: Path, pages: dict[str, Any]) -> None:
    """trafilatura's evaluation pages with its maintainers' title, author and date (no body)."""
    folder = CACHE / "trafilatura"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {page for part in pages["split"]["trafilatura"].values() for page in part}
    for url, item in json.loads(_git(git_dir, "show", "HEAD:tests/evaldata.json")).items():
        page = item.get("file")
        if page not in wanted or (folder / f"{page}.json").exists():
            continue
        author = item.get("author")
        expected = {
            "title": item.get("title"),
            "author": ", ".join(author) if isinstance(author, list) else author,
            "date": item.get("date"),
            "body": "",
            "url": url,
        }
        for where in ("tests/eval/", "tests/cache/"):
            if _has(git_dir, where + page):
                (folder / f"{page}.html").write_bytes(_git(git_dir, "show", f"HEAD:{where}{page}"))
                (folder / f"{page}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")
                break


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|div|blockquote|pre|figcaption|td|tr|section)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


_FIGURE = re.compile(r"<figure\b.*?</figure>|<figcaption\b.*?</figcaption>", re.I | re.S)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.I | re.S)


def _first_paragraph(markup: str) -> str:
    """readability's expected body from its first paragraph of prose on: its output also keeps
    image captions, credits and kickers ahead of the article, which are not where it starts."""
    markup = _FIGURE.sub("", markup)
    for match in _PARAGRAPH.finditer(markup):
        if len(_letters(_TAG.sub("", match.group(1)))) >= START:
            return _blocks(markup[match.start():])
    return _blocks(markup)


def _blocks(markup: str) -> str:
    """The expected body as plain text, one block a line."""
    text = _TAG.sub("", _BLOCK_END.sub("\n", markup))
    lines = (" ".join(html_entities.unescape(line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# --- scoring -----------------------------------------------------------------------------------


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split()).strip(" '\"")


_SEPARATORS = (" | ", " - ", " – ", " — ", ": ", " : ", " _ ", "_", " · ", " :: ", "--", " / ")


def title_right(got: str | None, want: str) -> bool:
    got, want = fold(got), fold(want)
    if not got:
        return False
    if got == want or _letters(got) == _letters(want):  # the same words, other punctuation
        return True
    longer, shorter = (got, want) if len(got) > len(want) else (want, got)
    return any(longer.startswith(shorter + s) or longer.endswith(s + shorter) for s in _SEPARATORS)


_BY = re.compile(r"^(?:by|par|von|por|de)\s*:?\s+", re.I)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


def author_right(got: str | None, want: str) -> bool:
    want = _BY.sub("", want.strip().split("\n")[0].strip())
    got_words, want_words = _words(_BY.sub("", got or "")), _words(want)
    if not got_words.strip():
        return False
    return got_words in want_words or want_words in got_words


def date_right(got: Any, want: str) -> bool:
    import datetime

    if got is None or getattr(got, "day", None) is None:
        return False
    try:
        ours = datetime.date(got.year, got.month, got.day)
        theirs = datetime.date.fromisoformat(want[:10])
    except ValueError:
        return False
    return abs((ours - theirs).days) <= 1


def outlet_right(got: str | None, want: str) -> bool:
    got_words, want_words = _words(got or ""), _words(want)
    if not got_words.strip():
        return False
    return got_words in want_words or want_words in got_words


def _letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalnum())


def start_right(text: str, body: str) -> bool:
    """The text starts at the first paragraph, or at a standfirst (a line of prose, not a
    heading or a date line) directly followed by it."""
    want = _letters(body)[:START]  # goose's labels may give fewer: only what they give is compared
    if not want:
        return False
    if _letters(text)[: len(want)] == want:
        return True
    lines = [line for line in text.split("\n") if line.strip()]
    # past the standfirst, its letters are read as at the start: across lines ("Claim" / ...)
    return len(lines) > 1 and len(_letters(lines[0])) >= 60 and _letters("".join(lines[1:]))[: len(want)] == want


def start_near(text: str, body: str) -> bool:
    want = _letters(body)[:START]
    head = "\n".join(text.split("\n")[:2])
    return bool(want) and want in _letters(head)[: len(want) + 400]


def paragraphs_kept(text: str, body: str) -> float | None:
    """The share of the expected body's paragraphs (of 80 characters or more) found in the text."""
    paragraphs = [p for p in body.split("\n") if len(p) >= 80]
    if not paragraphs:
        return None
    key = _letters(text)
    return sum(_letters(p)[:60] in key for p in paragraphs) / len(paragraphs)


def score(source: Any, expected: dict[str, Any]) -> dict[str, bool | None]:
    def given(field: str, judge: Callable[[Any, str], bool], got: Any) -> bool | None:
        want = expected.get(field)
        return judge(got, want) if want else None

    text = source.text
    body = expected["body"]
    return {
        "title": given("title", title_right, source.title),
        "author": given("author", author_right, source.author),
        "date": given("date", date_right, source.published),
        "outlet": given("outlet", outlet_right, source.outlet),
        "language": given(
            "language", lambda got, want: (got or "") == want.split("-")[0].lower(), source.language
        ),
        "first paragraph": start_right(text, body) if body else None,
        "near start": start_near(text, body) if body else None,
    }


# --- running -----------------------------------------------------------------------------------


def _pages(
    corpus: str, ids: list[str], labels: dict[str, dict[str, Any]] | None = None
) -> list[tuple[str, bytes, dict[str, Any]]]:
    folder = CACHE / corpus
    loaded = []
    for page in ids:
        if not (folder / f"{page}.json").exists():
            continue
        expected = json.loads((folder / f"{page}.json").read_text("utf-8"))
        if corpus == "readability":
            expected = _labelled(expected, (labels or {}).get(page, {}))
        data = (folder / f"{page}.html").read_bytes()
        if corpus == "mercury":
            data = web_more_pages.meta_content(data)
        loaded.append((page, data, expected))
    return loaded


def _labelled(expected: dict[str, Any], label: dict[str, Any]) -> dict[str, Any]:
    """The expected values with a person's corrections (applied when read, so a corrected label
    counts without refilling the cache): a field set to null is not scored; ``starts`` is the
    text the article's first paragraph begins with, where readability's body begins with an
    image caption or credit the page shows apart from the article."""
    expected = dict(expected)
    for field, value in label.items():
        if field == "starts":
            at = expected["body"].find(value)
            if at < 0:
                raise ValueError(f"label 'starts' {value!r} is not in the expected body")
            expected["body"] = expected["body"][at:]
        else:
            expected[field] = value
    return expected


def _split_by_site(pages: dict[str, Any], corpus: str) -> None:
    """A set split in code by site (see web_more_pages.split_by_site), where it is in the cache."""
    if (CACHE / corpus).is_dir():
        held_out = web_more_pages.sites_of(CACHE, pages["split"], "held_out")
        tuning = web_more_pages.sites_of(CACHE, pages["split"], "tuning")
        pages["split"][corpus] = web_more_pages.split_by_site(CACHE / corpus, held_out, tuning)


#: held-out parts halved in web12 (their tuning2 half may be looked at, the rest never)
HALVED = ("trafilatura", "newspaper")


def _halve(pages: dict[str, Any]) -> None:
    """Each of HALVED's held-out parts split by site (web_more_pages.halve_held_out), after the
    other sets were split as before (so their parts do not move)."""
    split = pages["split"]
    elsewhere = web_more_pages.sites_of(
        CACHE, {c: parts for c, parts in split.items() if c not in HALVED}, "held_out"
    )
    for corpus in HALVED:
        if corpus in split and (CACHE / corpus).is_dir():
            halves = web_more_pages.halve_held_out(CACHE, corpus, split[corpus]["held_out"], elsewhere)
            split[corpus] = {"tuning": split[corpus].get("tuning", []), **halves}


def run_importer(pages: dict[str, Any], verbose: bool, tuning_only: bool = False) -> None:
    from db.ingest import html

    rows = []
    for corpus, parts in pages["split"].items():
        for part, ids in parts.items():
            if tuning_only and not part.startswith("tuning"):
                continue
            loaded = _pages(corpus, ids, pages["labels"])
            if not loaded:
                continue
            results = []
            recall: list[float] = []
            start = time.perf_counter()
            for page, data, expected in loaded:
                source = html.page_source(data, page)
                result = score(source, expected)
                results.append(result)
                kept = paragraphs_kept(source.text, expected["body"])
                if kept is not None:
                    recall.append(kept)
                if verbose and part.startswith("tuning"):  # never look into the held-out part
                    wrong = [f for f, ok in result.items() if ok is False]
                    if wrong:
                        print(f"{corpus}/{page} [{part}]: wrong {', '.join(wrong)}")
                        for field in wrong:
                            print(f"    {field}: got {_got(source, field)!r} want {_want(expected, field)!r}")
            elapsed = (time.perf_counter() - start) / len(loaded) * 1000
            cells = []
            for field in FIELDS:
                judged = [bool(r[field]) for r in results if r[field] is not None]
                cells.append(f"{sum(judged) / len(judged):.1%} ({sum(judged)}/{len(judged)})" if judged else "-")
            kept_cell = f"{sum(recall) / len(recall):.1%}" if recall else "-"
            rows.append([corpus, part, str(len(loaded)), *cells, kept_cell, f"{elapsed:.0f}"])
    print_table(["pages", "part", "n", *FIELDS, "paragraphs kept", "ms/page"], rows)
    print("goals: " + ", ".join(f"{field} >= {goal:.0%}" for field, goal in GOALS.items()))


def _got(source: Any, field: str) -> Any:
    if field in ("first paragraph", "near start"):
        return source.text[:120]
    return {"date": source.published, "language": source.language}.get(field, getattr(source, field, None))


def _want(expected: dict[str, Any], field: str) -> Any:
    if field in ("first paragraph", "near start"):
        return expected["body"][:120]
    return expected.get(field)


def compare(pages: dict[str, Any]) -> None:
    """The first-paragraph figure of other extractors, on the tuning part only (to choose)."""
    extractors: dict[str, Callable[[bytes], str]] = {}
    from db.ingest import html

    extractors["dossier (trafilatura + rules)"] = lambda data: html.page_source(data, "x").text
    try:
        import trafilatura

        extractors["trafilatura alone"] = lambda data: trafilatura.extract(data) or ""
        extractors["trafilatura favor_precision"] = (
            lambda data: trafilatura.extract(data, favor_precision=True) or ""
        )
    except ImportError:
        pass
    try:
        from readability import Document  # type: ignore[import-not-found]  # readability-lxml, optional

        def readability_text(data: bytes) -> str:
            page = html._decoded(data)  # its own charset sniffing fails on bytes here
            summary = Document(page).summary(html_partial=True)
            return _blocks(summary)

        extractors["readability-lxml"] = readability_text
    except ImportError:
        print("readability-lxml is not installed: not compared")
    rows = []
    for name, extract in extractors.items():
        for corpus, parts in pages["split"].items():
            loaded = _pages(corpus, parts.get("tuning", []), pages["labels"])
            start = time.perf_counter()
            right = near = 0
            for _, data, expected in loaded:
                try:
                    text = extract(data)
                except Exception:
                    text = ""
                right += start_right(text, expected["body"])
                near += start_near(text, expected["body"])
            elapsed = (time.perf_counter() - start) / max(1, len(loaded)) * 1000
            n = max(1, len(loaded))
            rows.append([name, corpus, str(len(loaded)), f"{right / n:.0%}", f"{near / n:.0%}", f"{elapsed:.0f}"])
    print_table(["extractor", "pages (tuning)", "n", "first paragraph", "near start", "ms/page"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", action="append", type=Path, default=[],
                        help="git directory of mozilla/readability or article-extraction-benchmark")
    parser.add_argument("--compare", action="store_true", help="also score other extractors")
    parser.add_argument("--verbose", action="store_true", help="list each wrong field of the tuning part")
    parser.add_argument("--tuning-only", action="store_true", help="score the tuning parts only (while tuning)")
    parser.add_argument("--only", action="append", default=[], help="score only this set (repeatable)")
    args = parser.parse_args()
    mirrors = args.mirror or [Path(p) for p in os.environ.get("DOSSIER_WEB_MIRRORS", "").split(":") if p]
    pages = json.loads(PAGES.read_text("utf-8"))
    if mirrors:
        fill_cache(mirrors, pages)
    if not any(CACHE.glob("*/*.json")):
        print(f"no saved pages in {CACHE}: give --mirror with a git directory of mozilla/readability "
              "or scrapinghub/article-extraction-benchmark (or DOSSIER_WEB_MIRRORS) to fill it; skipped")
        return
    for corpus in ("fundus", "goose", "metascraper", "newspaper"):
        _split_by_site(pages, corpus)
    _halve(pages)
    if args.only:
        pages["split"] = {corpus: parts for corpus, parts in pages["split"].items() if corpus in args.only}
    run_importer(pages, args.verbose, args.tuning_only)
    if args.compare:
        compare(pages)


if __name__ == "__main__":
    main()
