"""Russian statistic suggestions against hand labels on real Russian news (issue 13).

Run: ``.venv/bin/python benchmarks/bench_extract_russian.py [--errors] [--split tuning|heldout]``

The sentences are from NEREL's Russian Wikinews articles (``../shared/data/ru/nerel``, research
use: the texts stay there). ``benchmarks/ru_statistics_eval.jsonl`` holds only where each
sentence is (file, code-point offsets, the sha1 of its text) and its labels, written before the
rules were tuned: 100 sentences from train/ and dev/ (split "tuning", the rules were tuned on
them) and 50 from test/ (split "heldout", never looked at while tuning). About a third hold no
statistic (only dates, years, times, ages, law articles, ordinals ...).

A suggestion matches a label when it has the same value (for ranges and vague counts, the same
bounds) and, for the full score, the same claimant: compared word by word by their Snowball
stems, so a claimant in another case form ("Следственного комитета") still matches. "Value only"
leaves the claimant out; "bounds" counts the value matches whose ``low``/``high``/approximate
are all right too.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._labelled_statistics import checked, claimant_matcher, main  # noqa: E402

NEREL = ROOT.parent / "shared" / "data" / "ru" / "nerel"
EVAL = ROOT / "benchmarks" / "ru_statistics_eval.jsonl"


@functools.cache
def _file_text(name: str) -> str:
    return (NEREL / name).read_text(encoding="utf-8")


def _sentence(item: dict[str, Any]) -> str:
    return checked(item, _file_text(item["file"])[item["start"]:item["end"]], item["file"])


if __name__ == "__main__":
    main(__doc__, EVAL, _sentence, "ru", claimant_matcher("russian"))
