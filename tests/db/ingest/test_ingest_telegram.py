"""Telegram exports (result.json): one source per message; other JSON files are skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.archive import Archive
from db.dates import PartialDate
from db.importer import import_paths
from db.ingest import telegram
from db.ingest.base import UnsupportedFile
from db.models import OriginalFile, Source


def write_export(path: Path, messages: list[dict[str, Any]], name: str = "Caucasus Monitor") -> Path:
    export = {"name": name, "type": "public_channel", "id": 1234567, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


MESSAGES: list[dict[str, Any]] = [
    {"id": 1, "type": "service", "date": "2022-02-24T04:00:00", "action": "create_channel", "text": ""},
    {"id": 2, "type": "message", "date": "2022-02-24T05:03:12", "from": "Caucasus Monitor",
     "text": "Shelling reported in Kharkiv\nAt least 12 people were killed, the regional governor said."},
    {"id": 3, "type": "message", "date": "2022-02-25T09:10:00", "from": "Caucasus Monitor",
     "author": "Anna Petrova", "forwarded_from": "Kharkiv News",
     "text": ["Curfew from 22:00, see ", {"type": "link", "text": "https://example.org/curfew"}, "."]},
    {"id": 4, "type": "message", "date": "2022-02-25T10:00:00", "from": "Caucasus Monitor", "photo": "photos/1.jpg",
     "text": ""},
]


def test_each_message_with_text_is_a_source(tmp_path: Path) -> None:
    sources = list(telegram.parse(write_export(tmp_path / "result.json", MESSAGES)))
    assert [s.part for s in sources] == ["message 2", "message 3"]
    first, second = sources
    assert first.title == "Shelling reported in Kharkiv"
    assert first.published == PartialDate(2022, 2, 24)
    assert first.outlet == "Caucasus Monitor"
    assert first.author is None  # the channel itself
    assert first.kind == "post"
    assert second.text == "Curfew from 22:00, see https://example.org/curfew.\n"
    assert second.author == "Anna Petrova"
    assert second.notes == "Forwarded from Kharkiv News"
    assert first.notes is None


@pytest.mark.parametrize("content", ['{"name": "x", "version": "1.0"}', "[1, 2, 3]", "{broken", ""])
def test_other_json_is_not_a_telegram_export(tmp_path: Path, content: str) -> None:
    path = tmp_path / "package.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnsupportedFile):
        telegram.parse(path)


def test_a_later_export_adds_only_the_new_messages(archive: Archive, tmp_path: Path) -> None:
    export = write_export(tmp_path / "result.json", MESSAGES)
    first = import_paths(archive, [export])
    assert [(r.status, r.part) for r in first] == [("imported", "message 2"), ("imported", "message 3")]
    with archive.session() as session:
        notes = session.scalar(select(Source.notes).where(Source.id == first[1].source_id))
    assert notes == "Forwarded from Kharkiv News"  # kept with the source, not only said at import

    later = [*MESSAGES, {"id": 5, "type": "message", "date": "2022-02-26T08:00:00", "from": "Caucasus Monitor",
                         "text": "Two bridges were destroyed overnight."}]
    second = import_paths(archive, [write_export(tmp_path / "result.json", later)])
    assert [r.status for r in second] == ["duplicate", "duplicate", "imported"]
    with archive.session() as session:
        assert session.scalar(select(func.count(Source.id))) == 3


def test_a_folder_with_other_json_files_skips_them_and_keeps_nothing_of_them(archive: Archive, tmp_path: Path) -> None:
    write_export(tmp_path / "result.json", MESSAGES)
    (tmp_path / "package.json").write_text('{"name": "site", "dependencies": {}}', encoding="utf-8")
    results = import_paths(archive, [tmp_path])
    assert {(Path(r.path).name, r.status) for r in results} == {
        ("package.json", "skipped"), ("result.json", "imported")}
    with archive.session() as session:
        assert set(session.scalars(select(OriginalFile.file_name))) == {"result.json"}
