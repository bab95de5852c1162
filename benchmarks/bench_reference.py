"""How often the reference mapping guesser gets a table right, on hand-made labels
(``benchmarks/reference_mappings.json``): every table in ../shared/data/stats, and held-out
tables in the shapes issue 14 names (``tests/data/reference``, written with the labels before the
guesser) and three more in the shapes of real downloads, scored once and never tuned on.

    python benchmarks/bench_reference.py

Each table is read as ``dossier reference`` reads it and guessed with no hint but its file name;
the guess is compared with the label field by field (layout, whether rows are counted, and the
contract's fields: place, period, period_start, period_end, value, low, high, measure, subject,
unit). A field counts when the label or the guess fills it, so the fields both leave empty do not
pad the score. A table is right when all its fields are: the goal is every table, with no
correction by hand.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import print_table
from db.ingest.tablefile import TableError
from db.interchange.layouts import guess_mapping
from db.interchange.mapping_fields import FIELDS, mapping_fields
from db.interchange.reference import read_table

ROOT = Path(__file__).resolve().parents[1]
LABELS = Path(__file__).resolve().parent / "reference_mappings.json"
# ../shared beside the repository (or beside the folder of worktrees)
STATS = next((p / "shared" / "data" / "stats" for p in (ROOT.parent, ROOT.parent.parent)
              if (p / "shared" / "data" / "stats").is_dir()), ROOT.parent / "shared" / "data" / "stats")
HELD_OUT = ROOT / "tests" / "data" / "reference"


def guessed_fields(path: Path) -> dict[str, Any]:
    """The guess for a table as the labels are written (layout, count_rows and the fields)."""
    frame = read_table(path)
    mapping = guess_mapping(frame, path.name)
    return {"layout": mapping.layout, "count_rows": mapping.count_rows, **mapping_fields(mapping)}


def compare(label: dict[str, Any], guess: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Each field that counts, as (field, label, guess)."""
    fields = ["layout", "count_rows", *FIELDS]
    defaults: dict[str, Any] = {"count_rows": False}
    rows = []
    for field in fields:
        wanted, got = label.get(field, defaults.get(field)), guess.get(field, defaults.get(field))
        if wanted in (None, False) and got in (None, False):
            continue
        rows.append((field, wanted, got))
    return rows


def score(part: str, labels: dict[str, dict[str, Any]], folder: Path) -> tuple[int, int, int]:
    right_fields = total_fields = right_tables = 0
    rows = []
    for name, label in labels.items():
        path = folder / name
        try:
            guess = guessed_fields(path)
        except TableError as error:
            guess = {"error": str(error)}
        fields = compare(label, guess)
        right = [f for f in fields if f[1] == f[2]]
        wrong = [f"{f}: {g!r} (want {w!r})" for f, w, g in fields if w != g]
        right_fields += len(right)
        total_fields += len(fields)
        right_tables += not wrong
        rows.append([Path(name).name[:48], f"{len(right)}/{len(fields)}", "; ".join(wrong)[:150] or "right"])
    print(f"\n{part}")
    print_table(["table", "fields", "wrong"], rows)
    print(f"{part}: {right_tables}/{len(labels)} tables right, {right_fields}/{total_fields} fields right")
    return right_tables, len(labels), right_fields


def main() -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    started = time.perf_counter()
    if STATS.is_dir():
        score("../shared/data/stats", labels["tables"], STATS)
    else:
        print(f"{STATS} is missing: the shared tables are not scored")
    score("held out (tests/data/reference)", labels["held_out"], HELD_OUT)
    score("held out, scored once (tests/data/reference)", labels["held_out_late"], HELD_OUT)
    print(f"\n{time.perf_counter() - started:.1f} s for every table read and guessed")


if __name__ == "__main__":
    main()
