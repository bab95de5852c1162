"""The sample a newcomer sees on first run: the seed article with its actors, codes and statistics.

The curation (which actors, which spans are statistics) is data in ``resources/sample``; offsets
are found from the quotes, and mentions of the actors from the mention matcher, so nothing here
depends on the article's exact layout.
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db import archive as archive_module
from db import sqlite_file
from db.archive import Archive
from db.codebook import add_code
from db.commands import (
    NewStatistic,
    add_actor,
    add_annotation,
    add_mention,
    add_relation,
    add_statistic,
    find_actor,
    update_source,
)
from db.dates import PartialDate
from db.extract.mentions import ActorMatcher
from db.importer import ImportOptions, import_file
from db.queries import actor_names


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.from_iso(value) if value else None


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"the sample's quote is not in its text: {quote!r}")
    return start, start + len(quote)


def create_with_sample(path: Path) -> None:
    """Create the archive at ``path`` with the sample in it: the default archive's first run.

    It is built under a temporary name and renamed once complete, so an interrupted first run
    never leaves a half-filled archive behind; what a killed run left is cleared the next time.
    """
    partial = path.with_name(path.name + ".creating")
    leftovers = (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        opened = archive_module.open(partial)
        try:
            load_sample(opened)
        finally:
            opened.close()
    except BaseException:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        raise
    # another process's first run may have finished meanwhile: its archive is kept, not replaced
    sqlite_file.publish(partial, path)


def load_sample(archive: Archive) -> int:
    """Import the sample source and its curation into ``archive``; returns the source id."""
    folder = files("resources").joinpath("sample")
    curation: dict[str, Any] = json.loads(folder.joinpath("sample.json").read_text("utf-8"))
    with as_file(folder.joinpath(curation["source"])) as path:
        [result] = import_file(archive, path, ImportOptions(keep_duplicates=True))
    if result.source_id is None:
        raise RuntimeError(f"the sample could not be imported: {result.error}")
    source_id = result.source_id
    with archive.session() as session:
        _curate(session, source_id, curation)
    return source_id


def _curate(session: Session, source_id: int, curation: dict[str, Any]) -> None:
    from db.queries import source_text

    text = source_text(session, source_id) or ""
    update_source(
        session, source_id, reliability=curation.get("reliability"), credibility=curation.get("credibility")
    )
    for actor in curation["actors"]:
        if find_actor(session, actor["name"]) is None:
            add_actor(
                session,
                actor["name"],
                actor["kind"],
                aliases=[tuple(a) for a in actor.get("aliases", [])],
                description=actor.get("description"),
            )
    for relation in curation.get("relations", []):
        subject, target = find_actor(session, relation["subject"]), find_actor(session, relation["object"])
        if subject is None or target is None:
            raise ValueError(f"the sample's relation names an unknown actor: {relation}")
        add_relation(
            session, subject, relation["predicate"], target,
            start=_date(relation.get("start")), end=_date(relation.get("end")),
        )
    codes = {c["name"]: add_code(session, c["name"], c["color"]) for c in curation.get("codes", [])}
    for annotation in curation.get("annotations", []):
        start, end = _span(text, annotation["quote"])
        add_annotation(
            session, source_id, start, end,
            code_ids=[codes[name] for name in annotation.get("codes", [])], note=annotation.get("note"),
        )
    for statistic in curation.get("statistics", []):
        start, end = _span(text, statistic["quote"])
        add_statistic(
            session,
            NewStatistic(
                value=statistic["value"],
                low=statistic.get("low"),
                high=statistic.get("high"),
                approximate=statistic.get("approximate", False),
                measure=statistic["measure"],
                unit=statistic.get("unit"),
                subject=statistic.get("subject"),
                period_start=_date(statistic.get("period_start")),
                period_end=_date(statistic.get("period_end")),
                place=statistic.get("place"),
                claimant=statistic.get("claimant"),
                source_id=source_id,
                start=start,
                end=end,
            ),
        )
    matcher = ActorMatcher(actor_names(session))
    for mention in matcher.find(text):
        if mention.actor_id is not None:
            add_mention(session, source_id, mention.start, mention.end, mention.actor_id)
