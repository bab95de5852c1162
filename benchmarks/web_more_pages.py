"""Two more sources of labelled saved pages for bench_web.py, read from git mirrors (never copied
into this repository):

- postlight/parser (Mercury): ``fixtures/<site>.html`` with the title, author and date_published
  its maintainers assert in ``src/extractors/custom/<site>/index.test.js`` (the first test case,
  written for the page against the article as shown; a field the test does not assert, or asserts
  as null, is not scored);
- adbar/htmldate: its evaluation pages (``tests/eval_default.json``, the BBAW collection, and
  ``tests/eval_mediacloud_2020.json``, Northeastern's Data Culture Group) with a person's
  publication date and no other field.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
    ).stdout


def has(git_dir: Path, path: str) -> bool:
    return bool(git(git_dir, "ls-tree", "--name-only", "HEAD", path).strip())


def missing(cache: Path, corpus: str, pages: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    """The cache folder of ``corpus`` (made) and each of its listed pages not in it yet."""
    folder = cache / corpus
    folder.mkdir(parents=True, exist_ok=True)
    for part in pages["split"][corpus].values():
        for page in part:
            if not (folder / f"{page}.json").exists():
                yield folder, page


# --- postlight/parser --------------------------------------------------------------------------

_JS_STRING = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)"""
_ESCAPES = {"n": "\n", "t": "\t"}


def _js_text(expression: str) -> str:
    """The value of a JavaScript string literal, or of literals joined with ``+``."""
    return "".join(
        re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])
        for literal in re.findall(_JS_STRING, expression)
    )


def mercury_labels(test_source: str) -> dict[str, Any] | None:
    """The URL, fixture and asserted title/author/date of a custom extractor's first test case."""
    url = re.search(r"\burl\s*=\s*(" + _JS_STRING + ")", test_source)
    fixture = re.search(r"readFileSync\(\s*'\./fixtures/([^']+)'", test_source)
    if not (url and fixture):
        return None
    first_case = test_source.split("it('works", 1)[0]
    labels: dict[str, Any] = {"url": _js_text(url.group(1)), "fixture": fixture.group(1)}
    for field in ("title", "author", "date_published"):
        asserted = re.search(
            r"assert\.(?:equal|strictEqual)\(\s*" + field + r"\s*,\s*((?:" + _JS_STRING
            + r"\s*\+?\s*)+|null|undefined)\s*\)",
            first_case,
        )
        value = asserted.group(1) if asserted else None
        labels[field] = None if value in (None, "null", "undefined") else _js_text(value)
    return labels


def fill_mercury(git_dir: Path, pages: dict[str, Any], cache: Path) -> None:
    for folder, site in missing(cache, "mercury", pages):
        test = git(git_dir, "show", f"HEAD:src/extractors/custom/{site}/index.test.js")
        labels = mercury_labels(test.decode("utf-8"))
        if labels is None:
            continue
        expected = {
            "title": labels["title"],
            "author": labels["author"],
            "date": (labels["date_published"] or "")[:10] or None,
            "body": "",
            "url": labels["url"],
        }
        (folder / f"{site}.html").write_bytes(git(git_dir, "show", f"HEAD:fixtures/{labels['fixture']}"))
        (folder / f"{site}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


# --- adbar/htmldate ----------------------------------------------------------------------------


def fill_htmldate(git_dir: Path, pages: dict[str, Any], cache: Path) -> None:
    folder = cache / "htmldate"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {page for part in pages["split"]["htmldate"].values() for page in part}
    for labels in ("tests/eval_default.json", "tests/eval_mediacloud_2020.json"):
        for url, item in json.loads(git(git_dir, "show", f"HEAD:{labels}")).items():
            page = item["file"]
            if page not in wanted or (folder / f"{page}.json").exists():
                continue
            date = item.get("date")  # NaN where the page has none: not scored
            expected = {"date": date if isinstance(date, str) else None, "body": "", "url": url}
            for where in ("tests/cache/", "tests/eval/", "tests/test_set/"):
                if has(git_dir, where + page):
                    (folder / f"{page}.html").write_bytes(git(git_dir, "show", f"HEAD:{where}{page}"))
                    (folder / f"{page}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")
                    break
