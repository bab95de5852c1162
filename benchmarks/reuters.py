"""Turn the Reuters-21578 SGML files in ../shared/data into a folder of one .txt per article.

Used by the folder-import benchmark and test; the files are written to a temporary folder, never
into the project (the corpus is research-only).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_ARTICLE = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}


def reuters_folder(corpus: Path, target: Path, limit: int | None = None) -> list[Path]:
    """Write each article as ``NEWID.txt`` (date line, title, body) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for sgm in sorted(corpus.glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for match in _ARTICLE.finditer(raw):
            fields = {k: (p.search(match.group(2)) or None) for k, p in _FIELD.items()}
            text = {k: html.unescape(m.group(1)).strip() if m else "" for k, m in fields.items()}
            path = target / f"{match.group(1)}.txt"
            path.write_text(f"{text['TITLE']}\n\n{text['BODY'] or text['TITLE']}\n", encoding="utf-8")
            written.append(path)
            if limit is not None and len(written) >= limit:
                return written
    return written
