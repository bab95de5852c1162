"""REFI-QDA export and import of a 1,000-source, 20,000-coding project (goal: each under 10 s,
schema validation included), against a raw baseline: the same rows read with one SQL query per
table and written as XML with ElementTree (no validation, no ZIP) — the floor any exporter pays.

    python benchmarks/bench_interchange.py [--sources N] [--codings N]

The project also holds 200 actors with 5,000 mentions, 30 codes and 500 memos. Export includes
building the project, validating project.qde against Project-mrt2019.xsd and writing the .qdpx;
import includes unzipping, defused parsing, finding the offset convention and writing everything
in one unit of work into an empty archive. The second import (the same project again) must add
nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Table, insert, select, text  # noqa: E402

from benchmarks._common import peak_rss_mb, print_table, synthetic_texts  # noqa: E402
from db import archive as archive_module  # noqa: E402
from db.base import new_uuid  # noqa: E402
from db.codebook import add_code  # noqa: E402
from db.commands import NewSource, add_actor, add_sources, set_memo  # noqa: E402
from db.importer import import_paths  # noqa: E402
from db.interchange.refi.project import export_qdpx  # noqa: E402
from db.models import Annotation, Mention, Source, annotation_codes  # noqa: E402


def build(path: Path, sources: int, codings: int) -> None:
    rng = random.Random(15)
    archive = archive_module.open(path)
    with archive.session() as s:
        ids = add_sources(s, [NewSource(text=body, title=title) for title, body in synthetic_texts(sources)])
        codes = [add_code(s, f"Code {n}", "#e57373") for n in range(30)]
        actors = [add_actor(s, f"Actor {n}", "person") for n in range(200)]
        texts = dict(s.execute(select(Source.id, Source.text)).all())
        rows, links, mentions = [], [], []
        for n in range(codings + 5000):
            source = ids[n % len(ids)]
            body = texts[source]
            start = rng.randrange(0, max(1, len(body) - 40))
            end = start + rng.randrange(5, 40)
            uuid = new_uuid()
            rows.append({"uuid": uuid, "source_id": source, "start": start, "end": end, "quote": body[start:end],
                         "prefix": body[max(0, start - 32):start], "suffix": body[end:end + 32]})
        s.connection().execute(insert(cast(Table, Annotation.__table__)), rows)
        by_uuid: dict[str, int] = {u: i for u, i in s.execute(select(Annotation.uuid, Annotation.id))}
        for n, row in enumerate(rows):
            annotation_id = by_uuid[str(row["uuid"])]
            if n < codings:
                links.append({"annotation_id": annotation_id, "code_id": codes[n % len(codes)]})
            else:
                mentions.append({"uuid": new_uuid(), "annotation_id": annotation_id, "actor_id": actors[n % len(actors)]})
        s.execute(annotation_codes.insert(), links)
        s.connection().execute(insert(cast(Table, Mention.__table__)), mentions)
        uuids = list(s.scalars(select(Source.uuid)))
        for n in range(500):
            set_memo(s, "source", uuids[n], f"Memo {n}")
    archive.close()


def raw_export(path: Path, out: Path) -> float:
    import sqlite3

    start = time.perf_counter()
    connection = sqlite3.connect(path)
    root = ET.Element("Project")
    sources = ET.SubElement(root, "Sources")
    by_source: dict[int, ET.Element] = {}
    for source_id, uuid, title in connection.execute("SELECT id, uuid, title FROM sources"):
        by_source[source_id] = ET.SubElement(sources, "TextSource", guid=uuid, name=title)
    for source_id, uuid, a, b in connection.execute('SELECT source_id, uuid, start, "end" FROM annotations'):
        ET.SubElement(by_source[source_id], "PlainTextSelection", guid=uuid, startPosition=str(a), endPosition=str(b))
    out.write_bytes(ET.tostring(root))
    connection.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--codings", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        source_archive, target_archive = base / "source.sqlite", base / "target.sqlite"
        build(source_archive, args.sources, args.codings)
        raw = raw_export(source_archive, base / "raw.xml")
        opened = archive_module.open(source_archive)
        out = base / "project.qdpx"
        start = time.perf_counter()
        with opened.session() as s:
            export_qdpx(s, out)
        exported = time.perf_counter() - start
        opened.close()
        target = archive_module.open(target_archive)
        start = time.perf_counter()
        results = import_paths(target, [out])
        imported = time.perf_counter() - start
        start = time.perf_counter()
        again = import_paths(target, [out])
        reimported = time.perf_counter() - start
        with target.session() as s:
            counted = {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in ("sources", "annotations", "annotation_codes", "mentions", "memos")}
        target.close()
        assert all(r.status == "imported" for r in results), [r for r in results if r.status != "imported"][:3]
        assert all(r.status == "duplicate" for r in again)
        load = os.getloadavg()[0]
        print(f"{args.sources:,} sources, {args.codings:,} codings, 5,000 mentions, 500 memos; "
              f"{out.stat().st_size / 1e6:.1f} MB .qdpx; load average {load:.2f}")
        print_table(["step", "seconds", "vs raw", "goal"], [
            ["raw export (ElementTree, no validation, no zip)", f"{raw:.2f}", "1.0", ""],
            ["export .qdpx (validated)", f"{exported:.2f}", f"{exported / raw:.1f}", "< 10 s"],
            ["import .qdpx into an empty archive", f"{imported:.2f}", "", "< 10 s"],
            ["import the same project again (adds nothing)", f"{reimported:.2f}", "", ""],
        ])
        print("imported:", counted, f"peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
