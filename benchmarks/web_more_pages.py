"""More sources of labelled saved pages for bench_web.py, read from git mirrors (never copied
into this repository):

- postlight/parser (Mercury): ``fixtures/<site>.html`` with the title, author and date_published
  its maintainers assert in ``src/extractors/custom/<site>/index.test.js`` (the first test case,
  written for the page against the article as shown; a field the test does not assert, or asserts
  as null, is not scored);
- adbar/htmldate: its evaluation pages (``tests/eval_default.json``, the BBAW collection, and
  ``tests/eval_mediacloud_2020.json``, Northeastern's Data Culture Group) with a person's
  publication date and no other field;
- flairNLP/fundus (MIT): ``tests/resources/parser/test_data/<country>/<Publisher>_<date>.html.gz``
  with the title, authors, publishing_date and body its per-publisher parsers give and its tests
  assert (``<Publisher>.json``, one entry a parser version, V1 the oldest page); 181 publishers in
  37 countries and many languages. Split by site in code (``split_by_site``), not in web_pages.json;
- goose3/goose3 (Apache-2.0): ``tests/data/content/test_<name>.html`` with the title and the start
  of the article's text (``cleaned_text``, compared by its beginning) where ``tests/test_content.py``
  asserts them; split by site in code too. goose's own output, checked by its maintainers: a weaker
  label than a person's, read as one more opinion. (newspaper4k's ``tests/data/metadata`` are
  snapshots of its output, authors lists that name a page's teasers' writers: not used.)
- microlinkhq/metascraper (MIT): ``packages/metascraper/test/integration/<site>/input.html``
  (``input/<name>.html`` where a site has several pages, in the order of its tests) with the
  author, date, title, publisher and lang of its snapshot (``snapshots/index.js.md``, the n-th
  "Snapshot" block for the n-th page; a null field is not scored; the description is not used,
  no body). 90 sites, mostly English, some Spanish, Italian and Russian, and pages that are not
  articles (a video, a tweet, a company profile, a Wikipedia entry). The snapshots are
  metascraper's output, accepted by its maintainers: one more opinion, not a person's reading.
  Split by site in code like fundus, fixed before any of its pages was scored.
- AndyTheFactory/newspaper4k (MIT): ``tests/data/html/<name>.html`` with the article text its
  tests expect (``tests/data/txt/<name>.txt``, read as the body: its first paragraph is the
  article's start) and, where ``tests/data/metadata/<name>.json`` has them, its title and
  publish_date; the URL from that json, else from ``tests/conftest.py``'s language fixtures.
  Its authors are not scored (snapshots naming a page's teasers' writers, "www.facebook.com").
  23 pages, English, Arabic, Chinese, Japanese, Thai, Latvian, Spanish, Korea's English edition,
  Burmese; newspaper4k's output accepted by its maintainers, not a person's reading. Split by
  site in code too.
"""

from __future__ import annotations

import gzip
import hashlib
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


_META_VALUE = re.compile(rb"(<meta\b(?:(?!\bcontent=)[^>])*?\s)value=", re.IGNORECASE)


def meta_content(page: bytes) -> bytes:
    """A Mercury fixture's metas as the page had them: postlight/parser saved its fixtures after
    its own clean-up, which renames each ``<meta content=...>`` to ``value=`` (95 of its 107 pages
    have no ``content=`` at all); a saved page has ``content``."""
    return _META_VALUE.sub(rb"\1content=", page)


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


# --- flairNLP/fundus ---------------------------------------------------------------------------

FUNDUS_DATA = "tests/resources/parser/test_data"


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def fill_fundus(git_dir: Path, cache: Path) -> None:
    """Every fundus test page with its asserted title, authors, date and body (its summary, a
    standfirst, is left out: the body starts at the first paragraph of the article's sections)."""
    folder = cache / "fundus"
    folder.mkdir(parents=True, exist_ok=True)
    files = git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", FUNDUS_DATA).decode().split()
    for labels in (f for f in files if f.endswith(".json")):
        country = labels.split("/")[-2]
        pages = sorted(
            f for f in files if re.fullmatch(re.escape(f"{labels[:-5]}_") + r"\d{4}_\d\d_\d\d\.html\.gz", f)
        )
        if all((folder / f"{country}_{Path(p).name[:-8]}.json").exists() for p in pages):
            continue
        versions = json.loads(git(git_dir, "show", f"HEAD:{labels}"))
        meta = json.loads(git(git_dir, "show", f"HEAD:{FUNDUS_DATA}/{country}/meta.info"))
        if len(pages) != len(versions):
            print(f"{labels}: {len(versions)} versions for {len(pages)} pages; skipped")
            continue
        for page, version in zip(pages, sorted(versions, key=_version), strict=True):
            item = versions[version]
            name = Path(page).name
            sections = item.get("body", {}).get("sections", [])
            expected = {
                "title": item.get("title"),
                "author": ", ".join(item.get("authors") or []) or None,
                "date": (item.get("publishing_date") or "")[:10] or None,
                "body": "\n".join(p for s in sections for p in s.get("paragraphs", [])),
                "url": meta[name]["url"],
            }
            page_id = f"{country}_{name[:-8]}"
            (folder / f"{page_id}.html").write_bytes(gzip.decompress(git(git_dir, "show", f"HEAD:{page}")))
            (folder / f"{page_id}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


# --- goose3 ------------------------------------------------------------------------------------

_GOOSE_TEST = re.compile(r"def (test_\w+)\(self\):.*?fields\s*=\s*\[(.*?)\]", re.S)


#: pages written for a test of goose's own options, not saved from a site
_GOOSE_MADE_UP = frozenset(["example", "exemple", "github"])


def fill_goose(git_dir: Path, cache: Path) -> None:
    """goose3's content test pages with the fields each test asserts (title, body start)."""
    folder = cache / "goose"
    folder.mkdir(parents=True, exist_ok=True)
    tests = git(git_dir, "show", "HEAD:tests/test_content.py").decode("utf-8")
    for name, fields in _GOOSE_TEST.findall(tests):
        if (folder / f"{name}.json").exists() or not has(git_dir, f"tests/data/content/{name}.json"):
            continue
        item = json.loads(git(git_dir, "show", f"HEAD:tests/data/content/{name}.json"))
        if site(item.get("url") or "") in _GOOSE_MADE_UP:
            continue
        asserted = set(re.findall(r"\w+", fields))
        want = item.get("expected", {})
        expected = {
            "title": want.get("title") if "title" in asserted else None,
            "body": "\n".join(
                " ".join(p.split()) for p in (want.get("cleaned_text") or "").split("\n") if p.strip()
            ) if "cleaned_text" in asserted else "",
            "url": item.get("url"),
        }
        (folder / f"{name}.html").write_bytes(git(git_dir, "show", f"HEAD:tests/data/content/{name}.html"))
        (folder / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


# --- microlinkhq/metascraper ------------------------------------------------------------------

METASCRAPER_DATA = "packages/metascraper/test/integration"
_SNAPSHOT_FIELD = re.compile(r"^ {6}(\w+): (.*),$", re.M)
_METASCRAPER_FIELDS = {"author": "author", "date": "date", "title": "title", "publisher": "outlet",
                       "lang": "language", "url": "url"}


def _snapshot_value(literal: str) -> str | None:
    """A value of AVA's snapshot report: a quoted string, or null (anything else is not used)."""
    if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "'\"":
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])
    return None


def metascraper_labels(report: str) -> list[dict[str, Any]]:
    """The fields of each "Snapshot" block of an AVA report, in order."""
    blocks = re.split(r"^> Snapshot \d+\s*$", report, flags=re.M)[1:]
    labels = []
    for block in blocks:
        fields = {name: _snapshot_value(value) for name, value in _SNAPSHOT_FIELD.findall(block)}
        labels.append({ours: fields.get(theirs) for theirs, ours in _METASCRAPER_FIELDS.items()})
    return labels


def fill_metascraper(git_dir: Path, cache: Path) -> None:
    folder = cache / "metascraper"
    folder.mkdir(parents=True, exist_ok=True)
    files = git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", METASCRAPER_DATA).decode().split("\n")
    for site_dir in sorted({f.split("/")[4] for f in files if f.count("/") >= 5}):
        base = f"{METASCRAPER_DATA}/{site_dir}/"
        if f"{base}snapshots/index.js.md" not in files:
            continue
        test = git(git_dir, "show", f"HEAD:{base}index.js").decode("utf-8")
        inputs = re.findall(r"resolve\(__dirname,\s*'([^']+\.html)'\)", test)
        if not inputs and f"{base}input.html" in files:
            inputs = ["input.html"]
        labels = metascraper_labels(git(git_dir, "show", f"HEAD:{base}snapshots/index.js.md").decode("utf-8"))
        if len(inputs) != len(labels):
            print(f"{base}: {len(labels)} snapshots for {len(inputs)} pages; skipped")
            continue
        for name, expected in zip(inputs, labels, strict=True):
            page = site_dir if len(inputs) == 1 else f"{site_dir}_{Path(name).stem}"
            if (folder / f"{page}.json").exists() or f"{base}{name}" not in files:
                continue
            expected["date"] = (expected["date"] or "")[:10] or None
            expected["body"] = ""
            (folder / f"{page}.html").write_bytes(git(git_dir, "show", f"HEAD:{base}{name}"))
            (folder / f"{page}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


# --- AndyTheFactory/newspaper4k -------------------------------------------------------------------

NEWSPAPER_DATA = "tests/data/txt"


def fill_newspaper(git_dir: Path, cache: Path) -> None:
    folder = cache / "newspaper"
    folder.mkdir(parents=True, exist_ok=True)
    files = set(git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", "tests/data").decode().split("\n"))
    fixtures = git(git_dir, "show", "HEAD:tests/conftest.py").decode("utf-8")
    urls = {
        name: "".join(re.findall(r'"([^"]*)"', parts))
        for name, parts in re.findall(r'\(\s*"(\w+)",\s*((?:\(?\s*"[^"]*"\s*)+)\)?\s*,\s*"[a-z]{2}",?\s*\)', fixtures)
    }
    for text in sorted(f for f in files if f.startswith(NEWSPAPER_DATA + "/") and f.endswith(".txt")):
        name = Path(text).stem
        page = f"tests/data/html/{name}.html"
        if page not in files or (folder / f"{name}.json").exists():
            continue
        meta_path = f"tests/data/metadata/{name}.json"
        meta = json.loads(git(git_dir, "show", f"HEAD:{meta_path}")) if meta_path in files else {}
        body = git(git_dir, "show", f"HEAD:{text}").decode("utf-8")
        expected = {
            "title": meta.get("title"),
            "date": (meta.get("publish_date") or "")[:10] or None,
            "body": "\n".join(" ".join(p.split()) for p in body.split("\n") if p.strip()),
            "url": meta.get("url") or urls.get(name),
        }
        (folder / f"{name}.html").write_bytes(git(git_dir, "show", f"HEAD:{page}"))
        (folder / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False), "utf-8")


# --- splitting a set by site -------------------------------------------------------------------

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "ne", "or", "edu", "gob"}
SEED = "web7"


def site(url: str) -> str:
    """The site's name: the label under the public suffix ('cnn' for edition.cnn.com,
    'abc' for www.abc.net.au)."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else host


def split_by_site(
    folder: Path, held_out_sites: set[str], tuning_sites: set[str]
) -> dict[str, list[str]]:
    """The cached pages of a set split by their site: a site already held out elsewhere stays held
    out, one tuned on elsewhere stays in tuning, any other goes by a seeded hash of its name
    (half and half), fixed before any page of the set was scored."""
    split: dict[str, list[str]] = {"tuning": [], "held_out": []}
    for labels in sorted(folder.glob("*.json")):
        name = site(json.loads(labels.read_text("utf-8")).get("url") or labels.stem)
        if name in held_out_sites:
            part = "held_out"
        elif name in tuning_sites:
            part = "tuning"
        else:
            part = ("tuning", "held_out")[hashlib.sha256(f"{SEED}:{name}".encode()).digest()[0] % 2]
        split[part].append(labels.stem)
    return split


def sites_of(cache: Path, split: dict[str, dict[str, list[str]]], part: str) -> set[str]:
    """The sites of one part (tuning or held_out) of every listed set, from the cached pages' URLs
    (readability's pages, which have none, are named after their site: 'bbc-1')."""
    names = set()
    for corpus, parts in split.items():
        for page in parts.get(part, []):
            labels = cache / corpus / f"{page}.json"
            url = json.loads(labels.read_text("utf-8")).get("url") if labels.exists() else None
            names.add(site(url) if url else re.sub(r"-\d+$", "", page))
    return names


# --- halving a held-out part (web12) -----------------------------------------------------------

HALF_SEED = "web12"


def halve_held_out(
    cache: Path, corpus: str, ids: list[str], held_out_elsewhere: set[str]
) -> dict[str, list[str]]:
    """A held-out part split by site into a half that may now be looked at ("tuning2") and a half
    still never looked at ("held_out"), fixed in web12 before any of its pages was looked at.

    A site held out in a set that is not being halved stays held out (looking at its pages here
    would be looking at that set's held-out pages). The other sites, in the order of a seeded
    hash of their name, each go to the half with fewer pages so far (a tie to "tuning2"): two
    halves of about as many pages, the same site always on one side."""
    by_site: dict[str, list[str]] = {}
    for page in ids:
        labels = cache / corpus / f"{page}.json"
        url = json.loads(labels.read_text("utf-8")).get("url") if labels.exists() else None
        by_site.setdefault(site(url or page), []).append(page)
    halves: dict[str, list[str]] = {"tuning2": [], "held_out": []}
    for name in sorted(by_site):
        if name in held_out_elsewhere:
            halves["held_out"].extend(by_site[name])
    order = sorted(
        (name for name in by_site if name not in held_out_elsewhere),
        key=lambda name: hashlib.sha256(f"{HALF_SEED}:{name}".encode()).hexdigest(),
    )
    for name in order:
        half = "tuning2" if len(halves["tuning2"]) <= len(halves["held_out"]) else "held_out"
        halves[half].extend(by_site[name])
    return {half: sorted(pages) for half, pages in halves.items()}
